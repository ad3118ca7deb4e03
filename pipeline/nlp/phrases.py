"""PhraseMatcher patterns kept in the build cache (:mod:`pipeline.disk_cache`).

A lexicon matched with a PhraseMatcher is tokenised phrase by phrase at each start (the
sites' three thousand written forms: a tenth of a second, most of the sites component's
start-up). What the matcher keeps of a pattern is the sequence of its tokens' attribute
(``LOWER``...) as StringStore hashes; ``PhraseMatcher.add`` takes such sequences as well as
Docs (spaCy's own unpickling of a matcher adds them that way). The sequences are stored as JSON,
keyed by everything they are made from: the data files and the code that reads them (the
caller's :func:`pipeline.disk_cache.data_key`), spaCy's version, the language and the
tokenizer's whole configuration (its affix patterns and exceptions, ``Tokenizer.to_bytes``),
so that another tokenizer is another key. A miss tokenises as before, adds the Docs and stores their sequences.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from pipeline import disk_cache

KIND = "phrases"
# the tokenizer's callables that to_bytes records as their regex's pattern
TOKENIZER_FUNCTIONS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")

Calls = list[tuple[str, list[str]]]  # PhraseMatcher.add calls: (key, phrases), in order


def tokenizer_fingerprint(nlp: Language) -> str | None:
    """A SHA-256 of the tokenizer's configuration, or None when it is not one that
    ``to_bytes`` describes whole (a callable that is no compiled regex's method)."""
    tokenizer = nlp.tokenizer
    for name in TOKENIZER_FUNCTIONS:
        function = getattr(tokenizer, name, None)
        if function is not None and not isinstance(getattr(function, "__self__", None), re.Pattern):
            return None
    try:
        return disk_cache.digest(type(tokenizer).__module__, type(tokenizer).__qualname__,
                                 tokenizer.to_bytes(exclude=["vocab"]))
    except Exception:  # noqa: BLE001 - a tokenizer that cannot say what it is: no cache
        return None


def phrase_matcher(nlp: Language, attr: str, calls: Callable[[], Calls], *sources: str | bytes) -> PhraseMatcher:
    """A PhraseMatcher on ``attr`` with the patterns of ``calls()`` (``matcher.add(key,
    [tokenised phrase, ...])`` for each, in order). ``sources`` name what ``calls`` is made from
    (the data files' and code's key, :func:`pipeline.disk_cache.data_key`): with the tokenizer's
    fingerprint they key the entry, and ``calls`` runs only on a miss."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    fingerprint = tokenizer_fingerprint(nlp)
    if fingerprint is None:
        for key, phrases in calls():
            matcher.add(key, list(nlp.tokenizer.pipe(phrases)))
        return matcher
    key = disk_cache.digest(KIND, spacy.__version__, nlp.lang or "", attr, fingerprint, *sources)
    stored = disk_cache.cached(KIND, key, lambda: _sequences(nlp, attr, calls()), _checked, _checked)
    for match_key, sequences in stored:
        matcher.add(match_key, sequences)
    return matcher


def _sequences(nlp: Language, attr: str, calls: Calls) -> list[tuple[str, list[list[int]]]]:
    """The attribute hashes of each phrase's tokens, as the tokenizer splits the phrase."""
    return [(key, [doc.to_array(attr).tolist() for doc in nlp.tokenizer.pipe(phrases)]) for key, phrases in calls]


def _checked(stored: Sequence) -> list[tuple[str, list[list[int]]]]:
    """The stored calls as (key, [[hash, ...], ...]); raises on anything else (an entry that
    is not what this module writes is built again)."""
    out = []
    for match_key, sequences in stored:
        if not isinstance(match_key, str) or not all(isinstance(h, int) and 0 <= h < 2**64
                                                     for sequence in sequences for h in sequence):
            raise ValueError("not a phrase matcher's patterns")
        out.append((match_key, [list(sequence) for sequence in sequences]))
    return out
