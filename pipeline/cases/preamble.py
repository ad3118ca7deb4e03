"""What the text before a multi-case report's first patient (and its title, when no such text
exists) gives all its patients: the shared mentions, the disease the title names, and a sex said
of all of them at once."""
from __future__ import annotations

from pipeline.cases.mentions import Mention, PatientStart
from pipeline.cases.patients import NOT_THE_PATIENT


def preamble(mentions: list[Mention], starts: list[PatientStart]) -> list[Mention]:
    """Mentions before the first "Case N" heading (empty for single-patient reports)."""
    if len({s.number for s in starts}) < 2:
        return []
    first = min(s.start for s in starts)
    return [m for m in mentions if m.start < first]


def title_disease(mentions: list[Mention], starts: list[PatientStart], title: str | None) -> list[Mention]:
    """The site and type mentions of the report's title, for the later patients of a report whose
    first patient's part opens the text ("Gastrointestinal metastases from squamous cell lung
    cancer ... Here, we present two cases. In the first case a 69-year-old woman ... In the second
    case a 56-year-old man ..."): there is no text before "Case 1" (see :func:`preamble`) to name
    the disease all the patients share, but the title names it. Empty for one-patient reports and
    for a report whose text before the first part exists (the preamble gives the shared disease)."""
    if len({s.number for s in starts}) < 2 or min(s.start for s in starts) > 0:
        return []
    return title_mentions(mentions, title)


def title_mentions(mentions: list[Mention], title: str | None) -> list[Mention]:
    """The site and type mentions of the report's title ("Primary cutaneous monomorphous lymphoma: a
    report of 3 cases"), not denied."""
    wanted = " ".join((title or "").split()).lower().rstrip(".")
    if not wanted:
        return []
    return [m for m in mentions if m.group in ("sites", "histology") and not m.negated
            and " ".join(m.sentence.split()).lower().rstrip(".") == wanted]


def group_sex(shared: list[Mention]) -> Mention | None:
    """The sex the text before "Case 1" gives all the patients at once ("two young women",
    "twin sisters", "three boys"): a plural person word, when every such word agrees. A case
    whose own part names no sex takes it (ANNOTATION.md: sex from words such as woman, girl)."""
    words = [m for m in shared if m.group == "demographics" and m.label == "SEX" and m.value.plural
             and m.value.evidence in ("word", "relative") and m.subject not in NOT_THE_PATIENT]
    if not words or len({m.value.sex for m in words}) > 1:
        return None
    return words[0]
