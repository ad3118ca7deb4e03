"""The list of section starts the sections component works on, ``(start, section, heading)``
tuples in text order: looking one up, making a stretch of text one section (what follows resumes
as before), and the changes made on the whole list: tables of published cases in the
introduction or the discussion made ``references``, a review's own sections after its numbered
patients made ``discussion`` (:class:`ReviewSections`, a part of ``sections.SectionDetector``).
"""
from __future__ import annotations

import bisect
import re

from pipeline import regex_cache
from pipeline.nlp.sections.heading_lines import LINE, MAX_HEADING_WORDS, PATIENT_HEADING, sentence_stop
from pipeline.nlp.text import rows_of_one_table

# An upper-case heading run into a flattened page's text, after a sentence's end and before a
# capitalised word: two or more capital words, or one long one.
RUN_IN_HEADING = regex_cache.compile(r"(?<=[.!?]\s)(?P<head>[A-Z][A-Z'’-]+(?:\s+(?:[A-Z][A-Z'’-]*|&)){0,7})\s+(?=[A-Z][a-z])")
# A sentence that tells the events of a patient's course ("Surgery was performed on both").
TOLD = regex_cache.compile(r"\b(?:was|were|had|underwent|received|showed|revealed|developed|presented|required|improved)\b",
                  re.IGNORECASE)
# A sentence about one patient: a singular pronoun, "the patient", an age.
ONE_PATIENT = regex_cache.compile(r"\b(?:he|she|his|her|him|hers|the\s+patient|our\s+patient|this\s+patient|this\s+case)\b|"
                         r"\d{1,3}[-\s](?:year|month)s?[-\s]old\b", re.IGNORECASE)


class ReviewSections:
    """The sections a review goes on with after its numbered patients; a part of
    ``sections.SectionDetector`` (it reads headings with the detector's ``reader``)."""

    def _review_after_patients(self, text: str, starts: list, patients: list[tuple[int, int]]) -> list:
        """A review with numbered illustrative patients goes on, after the last one, with its own
        sections ("PATHOPHYSIOLOGY", "Treatment of constipation"): the first heading the
        section list does not know, after the last patient, whose first sentence names no single
        patient ("The 5 cases share ..."), opens a discussion that runs over the case sections
        after it. A heading of the last patient's own part ("LABORATORY FINDINGS Her white cell
        count ...") names the patient and leaves it be; so does a case subheading the list knows
        ("Treatment", "Diagnosis") whose first sentence tells events ("was performed")."""
        if len({number for _, number in patients}) < 2:
            return starts
        last = max(position for position, _ in patients)
        opened = {position for position, _ in patients}
        for head_start, head_end, known in self._unknown_headings(text, last):
            if head_start in opened:
                continue  # the last patient's own heading ("Case Number Two")
            following = text[head_end:sentence_stop(text, head_end)]
            if ONE_PATIENT.search(following) or known and TOLD.search(following):
                continue  # the last patient's own subheading ("Treatment Surgery was performed on both")
            stop = next((s[0] for s in starts if s[0] > head_start and s[1] != "case"), len(text))
            heading = re.sub(r"\s+", " ", text[head_start:head_end]).strip()[:80]
            return _override(starts, head_start, stop, "discussion", heading)
        return starts

    def _unknown_headings(self, text: str, after: int):
        """(start, end, known) of the headings after ``after`` that the section list does not know
        (``known`` False) or knows as a case subheading ("Treatment", "Diagnosis": True): upper-case
        runs into the text of a flattened page ("... narcotics. PHYSICIAN-PATIENT BEHAVIORS The 5
        cases ...") and short lines without a full stop followed by a line of prose."""
        found = []
        for match in RUN_IN_HEADING.finditer(text, after):
            head = match.group("head")
            if len(head.split()) == 1 and len(head) < 7:
                continue  # an abbreviation ("CT", "FOLFOX")
            section = self.reader.classify_line(head)
            if section in (None, "case") and not PATIENT_HEADING.match(head):
                found.append((match.start("head"), match.end("head"), section == "case"))
        for match in LINE.finditer(text, after):
            line = match.group().strip()
            words = line.split()
            if not (0 < len(words) <= MAX_HEADING_WORDS and line[0].isupper() and line[-1] not in ".:;,!?"):
                continue
            following = LINE.search(text, match.end())
            if following is None or not self.reader.is_prose(following.group()):
                continue
            section = self.reader.classify_line(line)
            if section in (None, "case") and not PATIENT_HEADING.match(line) and not self.reader.furniture_reach(line):
                found.append((match.start() + len(match.group()) - len(match.group().lstrip()), following.start(),
                              section == "case"))
        return sorted(found)


# A row of a table flattened to text: cells apart by tabs (HTML tables rendered to text) or by
# " | ". A run of rows in the introduction or the discussion that dates or cites its rows
# ("Kumar, 2017 | 52/M | ceftriaxone | Died") is a table of published cases: the literature's,
# like a reference list, even where one row is "Present case" (the case description tells it).
TABLE_ROW = regex_cache.compile(r"^[^\n]*?(?:\t|\s\|\s)[^\n]*?(?:\t|\s\|\s)[^\n]*$", re.MULTILINE)
TABLE_CAPTION = regex_cache.compile(r"^\s*(?:table|tab\.)\s*\d{1,2}\b[^\n]{0,200}\n", re.IGNORECASE | re.MULTILINE)
LITERATURE_ROW = regex_cache.compile(r"\b(?:19|20)\d\d\b|\bet\s+al\b|\[\d{1,3}\]|\b(?:authors?|references?|study|published)\b",
                                     re.IGNORECASE)
LITERATURE_TABLE_SECTIONS = frozenset({"background", "discussion"})
MIN_TABLE_ROWS = 2


def _literature_tables(text: str, starts: list) -> list:
    """``starts`` with each table of published cases in the introduction or the discussion made a
    ``references`` section, its caption line with it."""
    runs, run = [], []
    for row in TABLE_ROW.finditer(text):
        # rows one per line, or apart by a blank line (a table copied from a web page)
        if run and not rows_of_one_table(text[run[-1][1]:row.start()]):
            runs.append(run)
            run = []
        run.append((row.start(), row.end()))
    if run:
        runs.append(run)
    for run in runs:
        start, stop = run[0][0], run[-1][1]
        if len(run) < MIN_TABLE_ROWS or _section_at(starts, start)[1] not in LITERATURE_TABLE_SECTIONS:
            continue
        if sum(bool(LITERATURE_ROW.search(text, a, b)) for a, b in run) < MIN_TABLE_ROWS:
            continue
        caption = text.rfind("\n", 0, max(0, start - 1)) + 1
        if TABLE_CAPTION.match(text, caption) and _section_at(starts, caption)[1] in LITERATURE_TABLE_SECTIONS:
            start = caption
        starts = _override(starts, start, min(stop + 1, len(text)), "references", "(table of published cases)")
    return starts


def _section_at(starts: list, position: int) -> tuple[int, str, str | None]:
    return starts[bisect.bisect_right([s[0] for s in starts], position) - 1]


def _next_start(starts: list, position: int, default: int) -> int:
    return next((s[0] for s in starts if s[0] > position), default)


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _override(starts: list, start: int, stop: int, section: str, heading: str) -> list:
    """``starts`` with [start, stop) made one ``section``; what follows resumes as before."""
    resumed = _section_at(starts, stop) if stop > start else None
    kept = [s for s in starts if s[0] < start or s[0] >= stop]
    kept.append((start, section, heading))
    if resumed is not None and not any(s[0] == stop for s in kept):
        kept.append((stop, resumed[1], resumed[2]))
    kept.sort(key=lambda s: s[0])
    return kept
