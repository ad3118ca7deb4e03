"""What every caselit finding component shares: one anatomy, so that a new rule family reads
like the others.

- :class:`Component`: find -> normalise -> set spans. A family names its span group, yields
  candidates from :meth:`Component.find` and turns each into a :class:`Finding` (offsets, label,
  value dataclass) in :meth:`Component.normalise`; the base class reads the text once
  (:func:`pipeline.nlp.text.doc_text`), makes the spans and stores them in ``doc.spans``.
- :func:`fill_template`: the one placeholder scheme of the pattern files: ``{name}`` in a
  pattern stands for the part of that name (parts may use other parts); regex quantifiers
  (``{1,3}``) and names that are no part stay as they are.
- :func:`trie_pattern`: a lexicon as one regex alternation shaped as a trie, the one lexicon
  matcher of regex-scanning families.

>>> fill_template("{number}\\\\s*years", {"number": "(?P<n>{digits})", "digits": "\\\\d{1,3}"})
'(?P<n>\\\\d{1,3})\\\\s*years'
>>> trie_pattern(["ab", "ac", "a"])
'a(?:(?:b|c))?'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import regex_cache
from pipeline.nlp.spans import char_span, set_group
from pipeline.nlp.text import doc_text

PLACEHOLDER = regex_cache.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# The word shapes the families scan text with, one name each.
WORD_CHARS = regex_cache.compile(r"\w+")  # a run of word characters, "_" included
ALNUM_RUN = regex_cache.compile(r"[^\W_]+")  # letters and digits of any script: "cisplatin", "TS", "1"
LATIN_WORD = regex_cache.compile(r"[A-Za-z]+")  # ASCII letters: month names, initials of a definition
# The marks pages print for an apostrophe besides the straight one of the lexicons: curly quotes, and the
# grave and acute accents some authors type ("Wilms’ tumour", "Burkitt`s", "Hodgkin´s").
PRINTED_APOSTROPHES = "\u2019\u2018`\u00b4"
# parts that use parts that use parts...: deeper than this is a loop in the data file
TEMPLATE_DEPTH = 10


class Finding(NamedTuple):
    """A normalised finding: characters [start, end) of the text, its span label and value."""

    start: int
    end: int
    label: str
    value: Any


class Component:
    """Base class of the finding components: ``__call__`` reads the text once, takes every
    candidate of :meth:`find` through :meth:`normalise` and stores the spans of the findings
    (widened to token boundaries) in ``doc.spans[self.group]``, after what is there, sorted.

    Subclasses set ``group`` and implement :meth:`find`; :meth:`normalise` by default takes a
    candidate that already is a :class:`Finding` (or None, a candidate rejected on the way).
    Every data file a subclass reads comes from the path its factory's config passes down.
    """

    group: str = ""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = []
        # one candidate at a time: a finding's span and value are set before the next
        # candidate is looked at, so that a component may skip what it has already found
        for candidate in self.find(doc, text):
            finding = self.normalise(doc, text, candidate)
            if finding is not None:
                spans.append(char_span(doc, finding.start, finding.end, finding.label, finding.value))
        set_group(doc, self.group, spans)
        return doc

    def find(self, doc: Doc, text: str) -> Iterable[Any]:
        raise NotImplementedError

    def normalise(self, doc: Doc, text: str, candidate: Any) -> Finding | None:
        return candidate


def unfound_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The token span over characters [start, end) (widened to token boundaries), or None when
    it is empty or the same finding (label and boundaries) already has a value: matched twice,
    by two alternations or two patterns."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or not len(span) or span._.value is not None:
        return None
    return span


def fill_template(template: str, parts: Mapping[str, str]) -> str:
    """``template`` with every ``{name}`` of ``parts`` replaced by its part, again until none
    is left (parts may use other parts). Regex quantifiers and unknown names stay."""
    for _ in range(TEMPLATE_DEPTH):
        filled = PLACEHOLDER.sub(lambda m: parts.get(m.group(1), m.group(0)), template)
        if filled == template:
            return filled
        template = filled
    raise ValueError(f"pattern parts refer to each other in a loop: {template[:80]!r}")


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation of ``words`` shaped as a trie ("ab|ac" -> "a(?:b|c)"): the regex
    engine then skips in C every word that starts no name, instead of a Python loop over all
    words of the text."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
