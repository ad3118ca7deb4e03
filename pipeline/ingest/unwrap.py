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
JOIN_LINE = 0.6  # of the width: a line at least this long goes on on the next line
SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*\s*$")
ITEM_START = re.compile(r"^\s*(?:\[?\d{1,3}[.)\]]\s|[•·▪■*\-–—]\s)")


def wrap_width(text: str) -> int | None:
    """The width a text is hard-wrapped at, or None when it is not hard-wrapped.

    >>> wrap_width("One sentence per line.\\n" * 20) is None
    True
    """
    lines = [line.rstrip() for line in text[:SAMPLE_CHARACTERS].split("\n") if line.strip()]
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
    if sum(1 for length in lengths if length > LONG_LINE * width) > MAX_LONG_SHARE * len(lines):
        return None
    return width


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
    for line in text.split("\n"):
        line = line.strip()
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


def _goes_on(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``previous``: a full line goes
    on, unless the next one opens a list item or a reference entry, or is a short line after a
    sentence's end (a heading, a paragraph of one line)."""
    if ITEM_START.match(line):
        return False
    if HYPHENATED_END.search(previous):
        return True  # "well-" / "leuko-": a word broken at the line's end
    if len(previous) < JOIN_LINE * width:
        return False
    return not (SENTENCE_END.search(previous) and len(line) < JOIN_LINE * width)
