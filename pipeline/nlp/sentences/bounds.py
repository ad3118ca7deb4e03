"""Sentence bounds read on the text itself, for the rules that look at raw text before or without a
Doc's sentences (the patients of a report in ``nlp/sections``, the ages listed together in
``cases/series_age_lists``): one place for where such a sentence starts and ends.

Two ends are read. ``SENTENCE_END``: a stop before a capital, a bracket or the text's end, or a
line break ("... died. Her sister ..."; not the "1." of "1.4 cases", nor an abbreviation's stop before
a small letter). ``CITED_SENTENCE_END``: a stop with the citation marks right after it and any
space after them (" ... died 2 months later.[2] In contrast, a 52-year-old woman ..."), for rules
that must tell the literature's sentences from the report's.

>>> text = "A 7-year-old boy was admitted. His sister, aged 10, was seen too."
>>> text[sentence_start_before(text, text.index("aged")):sentence_end_after(text, text.index("aged"))].strip()
'His sister, aged 10, was seen too.'
>>> text = "One man died 2 months later.[2] In contrast, a 52-year-old woman survived [3]. We report ..."
>>> start, end = sentence_around(text, text.index("52"))
>>> text[start:end].strip()
'In contrast, a 52-year-old woman survived [3]'
"""
from __future__ import annotations

from pipeline import regex_cache

# The end of a sentence (a capital or the text's end after it), or a line break.
SENTENCE_END = regex_cache.compile(r"[.!?](?=\s+[A-Z(\[]|\s*$)|\n")
# A sentence's end with the citation marks after its stop, or a line's.
CITED_SENTENCE_END = regex_cache.compile(r"[.!?](?:\s*\[[\d,\s–-]+\])?(?=\s)|\n")
# How far back a sentence's start is looked for.
START_REACH = 600
AROUND_REACH = 1500


def sentence_end_after(text: str, position: int) -> int:
    """The end of the sentence holding ``position`` (after its stop), or the text's end."""
    found = SENTENCE_END.search(text, position)
    return found.end() if found else len(text)


def sentence_start_before(text: str, position: int) -> int:
    """The start of the sentence holding ``position`` (at most ``START_REACH`` characters back)."""
    start = max(0, position - START_REACH)
    # the look-ahead after a full stop reads the text beyond ``position``: the "1." of "1.4 cases" or an
    # abbreviation's full stop right before it ends no sentence (an end position would make it one)
    for found in SENTENCE_END.finditer(text, start):
        if found.end() > position:
            break
        start = found.end()
    return start


def sentence_around(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the sentence holding ``position``, its ends read with their citation marks."""
    start = 0
    for stop in CITED_SENTENCE_END.finditer(text, max(0, position - AROUND_REACH), position):
        start = stop.end()
    following = CITED_SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)
