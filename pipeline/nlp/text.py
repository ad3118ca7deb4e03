"""Text of a Doc for the components that scan it with regexes, computed once per Doc.

spaCy rebuilds ``doc.text`` from every token on each access, which costs about half as much
as tokenising: every caselit component reads it through :func:`doc_text` instead.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from pipeline import regex_cache

TEXT_KEY = ("caselit", "text")
# "İ".lower() is two characters; every other character lower-cases to one.
LENGTH_CHANGING = str.maketrans({"\u0130": "I"})
# Sentence ends used when no pipe set sentence boundaries (a component alone on spacy.blank).
ROUGH_SENTENCE_END = regex_cache.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n")


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` (a Doc's text never changes). The length check
    guards against a value copied from another Doc."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    text = doc.user_data.get(TEXT_KEY)
    if text is None or len(text) != end:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def lower_text(text: str) -> str:
    """``text.lower()`` with the same length, so that offsets in one are offsets in the other."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text.translate(LENGTH_CHANGING).lower()


def sentence_starts(doc: Doc) -> list[int]:
    """Index of the first token of each sentence, as ``[s.start for s in doc.sents]`` gives
    (``[0]`` when no pipe set sentences), read from the array: walking doc.sents builds a
    Token object per token."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [0]
    firsts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()
    return firsts if firsts and firsts[0] == 0 else [0] + firsts


def sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each sentence; a rough split when no pipe set sentences."""
    if len(doc) and doc.has_annotation("SENT_START"):
        starts = [doc[i].idx for i in sentence_starts(doc)]
        return list(zip(starts, starts[1:] + [len(text)]))
    bounds, start = [], 0
    for match in ROUGH_SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def anchor_windows(lower: str, stems, before: int, after: int) -> list[tuple[int, int]]:
    """Merged character windows around every occurrence of the stems (str.find is C-fast)."""
    hits = []
    for stem in stems:
        position = lower.find(stem)
        while position != -1:
            hits.append((position, position + len(stem)))
            position = lower.find(stem, position + 1)
    return merge_windows(hits, before, after, len(lower))


def merge_windows(hits, before: int, after: int, length: int) -> list[tuple[int, int]]:
    windows: list[list[int]] = []
    for start, end in sorted(hits):
        start, end = max(0, start - before), min(length, end + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [(start, end) for start, end in windows]


# Line breaks between two rows of one table: a blank line at most (a table copied from a web page
# may have one between its rows).
MAX_ROW_GAP_LINES = 2


def rows_of_one_table(between: str) -> bool:
    """Whether the text between two table rows keeps them in one table: only whitespace, with a
    blank line at most."""
    return not between.strip() and between.count("\n") <= MAX_ROW_GAP_LINES
