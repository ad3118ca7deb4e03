"""What a heading line is made of: the "Case N" heading, a line's numbering and the decoration a
web page prints after a heading, the headings file as {heading: section} (``heading_sections``), a
line written as that file writes a heading (``heading_text``), a heading's capitals
(``written_as_heading``), the end of the sentence after a heading (``sentence_stop``) and the
discussion's heading before a position (``after_discussion_heading``). Used by
``headings.HeadingReader`` and the other parts of the sections component."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline import regex_cache
from pipeline.resources import read_table

# "Case 1", "Case 2:", "Patient 2 -", "CASE II", "Case report 1" at the start of a line, also with a
# bracket after the label ("Case C (Status: died in April 2011; survival: 3 years)").
# "Twin A", "Twin 2", "Sibling 1", "Case B" open a patient of a report on twins or siblings.
PATIENT_HEADING = regex_cache.compile(
    r"^\s*(?:(?i:case|patient)(?:\s+(?i:report|presentation|description|history|vignette|study))?|(?i:twin|sibling))\s*(?:(?i:no)\.?\s*)?#?\s*"
    r"(?P<number>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|i{1,3}|iv|v)|[A-F])\b\s*(?:[:.()\-–—]|$)",
)
LEADING_NUMBERING = regex_cache.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\.)\s+")
LINE = regex_cache.compile(r"[^\n]+")
MAX_HEADING_WORDS = 8
# What a web page prints after a heading's words: a count of the items under it ("References
# (20)", "Cited by (12)"), a link back to the top ("Abstract▴Top", "Discussion ↑ Back to top"),
# a wiki's "[edit]", a bare "Top" link ("Case report Top"). The heading is read without it.
HEADING_DECORATION = regex_cache.compile(r"\s*(?:\(\s*\d{1,4}\s*\)|[▴▲↑⇧]\s*(?:back\s+to\s+)?top|\bback\s+to\s+top|\[\s*edit\s*\]|(?<=[a-z])\s+[Tt]op)\s*$")
SENTENCE_BREAK = regex_cache.compile(r"[.!?]\s")


@lru_cache(maxsize=None)
def heading_sections(headings: str = "sections/headings.tsv") -> dict[str, str]:
    """{heading, lower-cased: the section it opens} of the headings file."""
    return {row["heading"]: row["section"] for row in read_table(headings)}


def heading_text(line: str) -> str:
    """A line as the headings file writes a heading: numbering, a trailing colon, full stop or
    ellipsis ("The Case Continued…") and case dropped, runs of spaces made one."""
    return re.sub(r"\s+", " ", LEADING_NUMBERING.sub("", line).strip().rstrip(":.…").strip().lower())


def after_discussion_heading(text: str, end: int) -> bool:
    """True when a line before ``end`` is a heading of the discussion or of a literature review
    (``sections/headings.tsv``): what follows it speaks of published patients."""
    sections = heading_sections()
    return any(sections.get(heading_text(line)) == "discussion" for line in text[:end].splitlines())


def written_as_heading(head: str) -> bool:
    """"Case report", "Case Report", "CASE REPORT"; not "case report" nor "DIScussion"."""
    return head[0].isupper() and (head.isupper() or not head[1:2].isupper())


def sentence_stop(text: str, position: int) -> int:
    found = SENTENCE_BREAK.search(text, position)
    return found.start() + 1 if found else len(text)
