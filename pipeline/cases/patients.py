"""Which mentions speak of the reported patient, and which patient of a multi-case report."""
from __future__ import annotations

from pipeline.cases.mentions import Mention, PatientStart
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS, PATIENT_SECTIONS

NOT_THE_PATIENT = frozenset({"other", "generic", "family"})
# Negation and hedging change what a finding means only for these families: a date or a
# count in a sentence that also says "no abnormality" is still the patient's.
NEGATABLE = frozenset({"sites", "drugs", "histology", "outcome", "stage", "procedures"})
# A planned or considered drug was not given; a site "considered possible recurrence" and
# treated as one is recorded by reviewers.
HYPOTHETICAL_EXCLUDED = frozenset({"drugs", "outcome", "procedures"})


def about_patient(mention: Mention) -> bool:
    """True when the mention is an affirmed finding of the reported patient.

    Findings in the front matter, abstract, case description and conclusion count unless the
    sentence speaks of the literature, other patients or disease in general; in the
    introduction and discussion only sentences that name the patient ("our patient", "in
    this case", or a pronoun chain from such a sentence) count; references, back matter and
    page furniture never do. Which text is the case description is decided by the sections
    component from headings and from content (a sentence presenting the patient, and a
    fallback to the demographics paragraph), so that a misread heading does not empty a row.
    """
    if mention.subject in NOT_THE_PATIENT:
        return False
    if mention.group in NEGATABLE and mention.negated:
        return False
    if mention.group in HYPOTHETICAL_EXCLUDED and mention.hypothetical:
        return False
    if mention.section in EXCLUDED_SECTIONS:
        return False
    if mention.section is None or mention.section in PATIENT_SECTIONS or mention.section == "body":
        return True
    return mention.subject == "patient"


def split_by_patient(mentions: list[Mention], starts: list[PatientStart]) -> list[list[Mention]]:
    """One list of mentions per patient. A report with "Case 1", "Case 2"... headings (two or
    more distinct numbers) gives one list per heading; the text before the first heading
    (title, abstract) is shared by none of them, except that each case may fall back on it
    for the primary site and histology (see assemble). Otherwise one list with everything."""
    numbers = sorted({s.number for s in starts})
    if len(numbers) < 2:
        return [mentions]
    ordered = sorted(starts, key=lambda s: s.start)
    # the first heading of each number opens that patient's part
    first_of = {}
    for start in ordered:
        first_of.setdefault(start.number, start.start)
    boundaries = sorted(first_of.values())
    parts: list[list[Mention]] = [[] for _ in boundaries]
    for mention in mentions:
        index = sum(1 for b in boundaries if b <= mention.start) - 1
        if index >= 0:
            parts[index].append(mention)
    return parts


def preamble(mentions: list[Mention], starts: list[PatientStart]) -> list[Mention]:
    """Mentions before the first "Case N" heading (empty for single-patient reports)."""
    if len({s.number for s in starts}) < 2:
        return []
    first = min(s.start for s in starts)
    return [m for m in mentions if m.start < first]
