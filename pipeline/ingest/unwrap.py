"""Plain texts with hard line wraps (a PDF's text layer saved as text: pdftotext, copy and paste
from a PDF viewer) joined back into paragraphs, hyphenated words repaired.

A line break inside a sentence ends the sentence for the pipeline: "metastasis\\nto the spleen"
loses the spleen, "predni-\\nsolone" the drug. A text counts as hard-wrapped when most of its
lines fill nearly the same width and most of those full lines stop in the middle of a
sentence; texts with a paragraph or a sentence per line (web pages, PubMed abstracts, the
MACCROBAT texts) are left as they are. A full line is then joined with the next one unless the
next one opens a list item or a reference entry; a short line (a heading, a paragraph's last
line) ends its paragraph. Hyphens are repaired as the PDF reader does
(``pipeline.ingest.hyphens``).
"""
from __future__ import annotations

import re

from pipeline.ingest.hyphens import HYPHENATED_END, HYPHENATED_WORD, WORD, join_lines

MIN_LINES = 12
SAMPLE_CHARACTERS = 50_000  # the width is read on the text's start: a cheap test on huge texts
# The wrap width: the 90th percentile of the line lengths, between these bounds.
MIN_WIDTH, MAX_WIDTH = 40, 130
FULL_LINE = 0.75  # of the width: a line the wrap filled
MIN_FULL_SHARE = 0.4  # of the lines
MIN_OPEN_SHARE = 0.5  # of the full lines: those ending mid-sentence
MAX_LONG_SHARE = 0.05  # of the lines: those longer than the width (no wrap would leave many)
LONG_LINE = 1.15  # of the width
# A text whose lines are nearly all full and open (``_clearly_wrapped``) may have more overlong lines.
MAX_LONG_SHARE_CLEAR = 0.15
CLEAR_MIN_LINES, CLEAR_FULL_SHARE, CLEAR_OPEN_SHARE = 25, 0.6, 0.85
JOIN_LINE = 0.6  # of the width: a line at least this long goes on on the next line
SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*\s*$")
# Running heads and feet of a PDF's pages (pdftotext keeps them between the lines of a paragraph
# that the page break cut): short lines repeated on several pages, digits aside, that name a
# page, a journal or the authors ("Page 3 of 6", "Case Rep Med 2021; 8: 211-216", "Smith et al.").
# The PDF reader drops them by their place on the page; here the pages are gone, so a line is
# taken for one when it repeats and carries such a sign, and bare page numbers when they count up.
RUNNING_MAX = 100  # characters
RUNNING_SIGN = re.compile(r"\d|\bet\s+al\b|\bpage\b|\bvol\b|\bdoi\b|\bjournal\b|\bcase\s+rep", re.IGNORECASE)
# ...but not a numbered heading or a table row ("Case 2", "Table 1", "Day 3", "Cycle 4"), nor a
# heading ("Case report" as the article's type above its title and again over its case).
NOT_RUNNING = re.compile(r"^\W*(?:case|patient|figure|fig|table|step|day|week|month|year|stage|grade|cycle)\.?\s*(?:no\.?\s*)?(?:\d+|[ivx]+\b|[a-f]\b)"
                         r"|^\W*(?:\d{1,2}\.?\s*)?case\s+reports?\W*$", re.IGNORECASE)
# A row of a table flattened to text (cells apart by tabs or " | ") is a line of its own.
TABLE_ROW = re.compile(r"(?:\t|\s\|\s).*(?:\t|\s\|\s)")
# Next to a page number, a line that names a journal's issue or the authors is the same page's
# running head even when it does not repeat ("Journal of X 2020; 4: 33-37" on one page only).
HEAD_SIGN = re.compile(r"\bet\s+al\b|\bpage\b|\bvol(?:ume)?\b|\bdoi\b|\bjournal\b|\bcase\s+rep|\b(?:19|20)\d\d\s*[;,:]\s*\d",
                       re.IGNORECASE)
# A line that names the journal's issue is page furniture even when it appears only once (a short
# report has one page of each of the two running heads): "Volume 10  Issue 8" / "Vol. 4, No. 2",
# a journal's web address beside a date ("WJCC https://www.wjgnet.com  March 16, 2022"), or a
# line that ends on a citation of the issue ("Case Rep Oncol 2020;13(2):45-52"). A sentence of the
# case never ends on such pages, nor names a volume and an issue together.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
ISSUE_LINE = re.compile(
    r"\bvol(?:ume)?\.?\s*\d+\W{0,3}\s*(?:issue|no|number|nr)\.?\s*\d+"
    r"|^(?=.*(?:https?://|\bwww\.)\S)(?=.*\b(?:" + _MONTH + r"\.?\s+\d{1,2},?|\d{1,2}\s+" + _MONTH + r"\.?,?)\s+(?:19|20)\d\d\b)"
    r"|\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*\d+\s*\))?\s*:\s*[a-z]?\d+(?:\s*[-–]\s*[a-z]?\d+)?\s*$",
    re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^\W{0,3}(?:page\s+)?(\d{1,3})(?:\s+(?:of|/)\s+\d{1,3})?\W{0,3}$", re.IGNORECASE)
DIGITS = re.compile(r"\d+")
ITEM_START = re.compile(r"^\s*(?:\[?\d{1,3}[.)\]]\s|[•·▪■*\-–—]\s)")
# A paragraph that opens on a run-in heading of one to four capitalised words and a colon ("Case report: The
# patient ...", "Discussion: ...", "Case presentation: A 45-year-old ..."), after a line that ends a sentence.
RUN_IN_HEADING = re.compile(r"^\s*[A-Z][a-z]+(?:\s+[a-z]+){0,3}\s*:\s+[A-Z]")


def wrap_width(text: str) -> int | None:
    """The width a text is hard-wrapped at, or None when it is not hard-wrapped.

    >>> wrap_width("One sentence per line.\\n" * 20) is None
    True
    """
    sample = text[:SAMPLE_CHARACTERS].split("\n")
    lines = [line.rstrip() for line in sample if line.strip()]
    if len(lines) < MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = [line for line in lines if len(line) >= FULL_LINE * width]
    if len(full) < MIN_FULL_SHARE * len(lines):
        return None
    if sum(1 for line in full if not SENTENCE_END.search(line)) < MIN_OPEN_SHARE * len(full):
        return None
    running = _running_lines(sample)  # a running head wider than the column is no overlong line
    overlong = sum(1 for index, line in enumerate(sample)
                   if len(line.rstrip()) > LONG_LINE * width and index not in running)
    if overlong > MAX_LONG_SHARE * len(lines) and not (
            overlong <= MAX_LONG_SHARE_CLEAR * len(lines) and _clearly_wrapped(lines, full)):
        return None
    return width


def _clearly_wrapped(lines: list[str], full: list[str]) -> bool:
    """True when nearly every line is full and runs on into the next: a PDF's column of text under
    a page head wider than the column ("Google Scholar : http://...", an article's banner), whose
    overlong lines are its furniture, not a sign of unwrapped paragraphs."""
    return (len(lines) >= CLEAR_MIN_LINES and len(full) >= CLEAR_FULL_SHARE * len(lines)
            and sum(1 for line in full if not SENTENCE_END.search(line)) >= CLEAR_OPEN_SHARE * len(full))


def unwrap(text: str) -> str:
    """``text`` with hard-wrapped lines joined into paragraphs; unchanged when not hard-wrapped.

    >>> page = "Case presentation\\n" + "A 45-year-old woman was admitted with fever and a white cell count of\\n" * 12
    >>> text = unwrap(page + "The blood film showed a neutrophilia and a marked leuko-\\ncytosis.\\nDiscussion")
    >>> text.splitlines()[0], text.splitlines()[-1], text.splitlines()[1][-26:]
    ('Case presentation', 'Discussion', 'and a marked leukocytosis.')
    """
    width = wrap_width(text)
    if width is None:
        return text
    paragraphs: list[list[str]] = []
    previous = ""  # the last line of the open paragraph, "" when none is open
    lines = text.split("\n")
    running = _running_lines(lines)
    for index, line in enumerate(lines):
        line = line.strip()
        if index in running:
            continue  # the paragraph goes on across the page break
        if not line:
            paragraphs.append([])
            previous = ""
            continue
        if previous and _goes_on(previous, line, width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
        previous = line
    hyphenated = {m.group().lower() for m in HYPHENATED_WORD.finditer(text)}
    words = {w.lower() for w in WORD.findall(text)}
    return "\n".join(join_lines(lines, hyphenated, words) if lines else "" for lines in paragraphs)


def _running_lines(lines: list[str]) -> set[int]:
    """Indexes of the running heads, feet and page numbers among ``lines``.

    >>> sorted(_running_lines(["a", "Doe et al.", "b", "2", "c", "Doe et al.", "d", "3", "e"]))
    [1, 3, 5, 7]
    """
    keys: dict[str, list[int]] = {}
    numbers: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        line = line.strip()
        page = PAGE_NUMBER.match(line)
        if page:
            numbers.append((index, int(page.group(1))))
        elif line and len(line) <= RUNNING_MAX and RUNNING_SIGN.search(line) and not NOT_RUNNING.match(line):
            keys.setdefault(DIGITS.sub("#", line.lower()), []).append(index)
    # a line seen twice is a running head when it names a journal, a page or the authors; a line of
    # prose with a number may be printed twice (an abstract the page repeats over its full text:
    # "A 65-year-old woman presented with a one-month history of impaired")
    found = {index for indexes in keys.values()
             if len(indexes) >= 3 or len(indexes) == 2 and HEAD_SIGN.search(lines[indexes[0]])
             for index in indexes}
    found |= {index for indexes in keys.values() for index in indexes if ISSUE_LINE.search(lines[index])}
    values = [value for _, value in numbers]
    counting = len(numbers) >= 2 and all(a < b for a, b in zip(values, values[1:]))
    for index, _ in numbers:
        heads = [near for near in (index - 1, index + 1) if 0 <= near < len(lines) and _page_head(lines[near].strip())]
        if counting or heads:  # page numbers that count up, or one beside its running head
            found |= {index, *heads}
    return found


def _page_head(line: str) -> bool:
    return bool(line) and len(line) <= RUNNING_MAX and bool(HEAD_SIGN.search(line)) and not NOT_RUNNING.match(line)


def _goes_on(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``previous``: a full line goes
    on, unless the next one opens a list item or a reference entry, or is a short line after a
    sentence's end (a heading, a paragraph of one line)."""
    if ITEM_START.match(line) or TABLE_ROW.search(line) or TABLE_ROW.search(previous):
        return False
    if HYPHENATED_END.search(previous):
        return True  # "well-" / "leuko-": a word broken at the line's end
    if len(previous) < JOIN_LINE * width:
        return False
    if SENTENCE_END.search(previous) and RUN_IN_HEADING.match(line):
        return False  # "... in the future." / "Case report: The patient in question is ...": a new paragraph
    return not (SENTENCE_END.search(previous) and len(line) < JOIN_LINE * width)
