"""Which of a patient's dates are dates of the clinical course.

ANNOTATION.md: the dates cell holds "absolute calendar dates of clinical events in the
patient's course"; publication, received, accepted and citation dates are excluded. The
sections component keeps the page furniture it recognises out, but a page has datelines it
cannot name: an issue's date beside the journal's name ("Reprinted from Journal, November
2017, Volume 10"), a column's title ("Case of the month - April 2017"), a posting's notice, a
congress, a repository's record line. What they share: each is a line of its own, not a
sentence of prose (no full stop ends it), and nothing in it speaks of a patient or of a
clinical event. So a date on such a line, whose subject is unknown (no patient cue, pronoun
or clinical verb) and which stands outside the case description, is the course's only when
the line tells an event of the kinds of ``cases/event_anchors.tsv`` (admitted, underwent,
diagnosed, birth...) or holds another finding of the patient (a drug, a lab value, a site...).
A sentence of prose keeps its date: in a text without headings ("During a routine
examination in 2012, a murmur was heard.") the whole narrative stands outside any case section.
"""
from __future__ import annotations

from pipeline.cases.mentions import Mention
from pipeline.cases.event_anchors import event_kinds

# Sections whose sentences tell the patient's course whatever their subject.
COURSE_SECTIONS = frozenset({"case", "body"})
PROSE_ENDS = (".", "!", "?", ".)", '."', ".”")


def course_dates(dates: list[Mention], mine: list[Mention]) -> list[Mention]:
    """The date mentions of ``dates`` that date the clinical course; ``mine``: every mention
    kept for the patient (their sentences tell whether a date's sentence holds a finding)."""
    with_findings = {m.sentence_start for m in mine if m.group != "dates"}
    return [m for m in dates if _in_the_course(m, with_findings)]


def _in_the_course(mention: Mention, with_findings: set[int]) -> bool:
    if mention.subject != "unknown" or mention.section is None or mention.section in COURSE_SECTIONS:
        return True
    if mention.sentence.rstrip().endswith(PROSE_ENDS):
        return True
    if mention.sentence_start in with_findings:
        return True
    return any(kind["event"].search(mention.sentence) for kind in event_kinds())
