"""Which mentions speak of the reported patient, and which patient of a multi-case report."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.interleaved import (
    DESCRIBING,
    ORDINALS,
    as_introduced,
    as_the_patients,
    by_sentence,
    interleaved_parts,
    reference_patterns,
)
from pipeline.cases.mentions import Mention, PatientStart
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS, PATIENT_SECTIONS
from pipeline.nlp.sections.patient_common import patient_number
from pipeline.resources import read_patterns

NOT_THE_PATIENT = frozenset({"other", "generic", "family"})
# Negation and hedging change what a finding means only for these families: a date or a
# count in a sentence that also says "no abnormality" is still the patient's.
NEGATABLE = frozenset({"sites", "drugs", "histology", "outcome", "stage", "procedures"})
# A planned or considered drug was not given; a site "considered possible recurrence" and
# treated as one is recorded by reviewers.
HYPOTHETICAL_EXCLUDED = frozenset({"drugs", "outcome", "procedures"})
# In the introduction and the discussion, where a sentence counts only when it names the
# patient, a diagnosis weighed there ("our patient's differential included lymphoma") is none.
WEIGHED_GROUPS = frozenset({"sites", "histology", "stage"})


def about_patient(mention: Mention) -> bool:
    """True when the mention is an affirmed finding of the reported patient.

    Findings in the front matter, abstract, case description and conclusion count unless the
    sentence speaks of the literature, other patients or disease in general; in the
    introduction and discussion only sentences that name the patient ("our patient", "in
    this case", or a pronoun chain from such a sentence) count, and of them no site,
    histology or stage that is weighed (hypothetical, a differential diagnosis); references, back matter and
    page furniture never do. Which text is the case description is decided by the sections
    component from headings and from content (a sentence presenting the patient, and a
    fallback to the demographics paragraph), so that a misread heading does not empty a row.
    """
    if mention.subject in NOT_THE_PATIENT and not _presents_patient(mention):
        return False
    if mention.group in NEGATABLE and mention.negated and not _given_despite_hedge(mention):
        return False
    if mention.group in HYPOTHETICAL_EXCLUDED and mention.hypothetical:
        return False
    if _advised_age(mention):
        return False
    if mention.section in EXCLUDED_SECTIONS:
        return False
    if mention.section is None or mention.section in PATIENT_SECTIONS or mention.section == "body":
        return True
    if mention.group in WEIGHED_GROUPS and (mention.hypothetical or _weighs_a_differential(mention.sentence)):
        return False  # the discussion weighs "the differential diagnosis in our patient included lymphoma ..."
    if _literature_table().search(mention.sentence):
        return False  # "Table 1: Reported cases ... | ceftriaxone | ... Our case | -": the published cases' cells
    if mention.group == "drugs" and mention.subject == "probable" and _drug_patterns()["authors_gave"].search(mention.sentence):
        return True  # the discussion tells what the authors gave: "We treated her with canakinumab"
    return mention.subject == "patient"


def _advised_age(mention: Mention) -> bool:
    """An age in a sentence of advice that presents no patient ("All infants should receive the
    vaccine beginning at 2 months of age"): the age of a recommendation, not the patient's."""
    return (mention.group == "demographics" and mention.label == "AGE" and mention.hypothetical
            and not mention.presenting and mention.subject in UNDECIDED_AGE)


# Subjects of an advised age that is nobody's (a patient's own sentence reads "patient").
UNDECIDED_AGE = frozenset({"unknown", "generic"})


# Where the narrative of the course goes on after a recommendation (see recommendation_followed).
NARRATIVE_SECTIONS = frozenset({None, "body", "front", "abstract", "case"})


def recommendation_followed(mention: Mention, kept: list[Mention]) -> bool:
    """A drug of the patient's course that "was recommended" in a sentence weighing nothing
    else, when ``kept`` (the case's findings) tell the course on after it, was given:
    "Chemotherapy (taxol-carboplatin) was recommended, followed by cytoreduction. After six
    months she ...". A refused recommendation is said, and its drugs are dropped by the drug
    component; one that ends the narrative stays a plan."""
    if mention.group != "drugs" or not mention.hypothetical or mention.section not in NARRATIVE_SECTIONS:
        return False
    recommendation, hedge = _recommendation()
    if _drug_patterns()["plan_done"].search(mention.sentence):  # "was recommended and administered"
        return about_patient(replace(mention, hypothetical=False))
    if not recommendation.search(mention.sentence) or hedge.search(mention.sentence):
        return False
    if not about_patient(replace(mention, hypothetical=False)):
        return False
    return any(m.sentence_start > mention.sentence_start and m.section in NARRATIVE_SECTIONS for m in kept)


@lru_cache(maxsize=None)
def _recommendation() -> tuple[re.Pattern, re.Pattern]:
    spec = read_patterns("drugs/patterns.toml")
    return (re.compile(spec["recommendation"], re.IGNORECASE), re.compile(spec["recommendation_open"], re.IGNORECASE))


def _given_despite_hedge(mention: Mention) -> bool:
    """A drug negated only by a diagnosis left open before it ("an infarction could not be
    excluded"), or by a negation of another clause ("the fever did not subside, and"), that its
    own clause says was given: "..., glucocorticoid and mannitol were used", "... meropenem was
    started"; or a negation that tells it was taken ("did not tolerate metformin")."""
    if mention.group != "drugs":
        return False
    patterns = _drug_patterns()
    start = mention.start - mention.sentence_start
    end = mention.end - mention.sentence_start
    if patterns["exposure_negation"].search(mention.sentence[:max(0, start)]):
        return True  # "did not tolerate metformin", "no response to rituximab": it was taken
    given_after = patterns["drug_given_after"].match(mention.sentence, end)
    hedges = list(patterns["hedged_diagnosis"].finditer(mention.sentence, 0, max(0, start)))
    if hedges:
        between = mention.sentence[hedges[-1].end():start]
        if not patterns["hedge_negation"].search(between):
            return bool(given_after or patterns["drug_given_before"].search(between))
    # "The fever did not subside, and meropenem was started": the negation ends at the clause break
    negations = list(patterns["hedge_negation"].finditer(mention.sentence, 0, max(0, start)))
    return bool(negations and given_after and patterns["clause_break"].search(mention.sentence, negations[-1].end(), start))


@lru_cache(maxsize=None)
def _drug_patterns() -> dict[str, re.Pattern]:
    spec = read_patterns("drugs/patterns.toml")
    names = ("plan_done", "hedged_diagnosis", "hedge_negation", "drug_given_after", "drug_given_before", "authors_gave",
             "clause_break", "exposure_negation")
    return {name: re.compile(spec[name], re.IGNORECASE) for name in names}


def _weighs_a_differential(sentence: str) -> bool:
    return bool(_differential().search(sentence))


@lru_cache(maxsize=None)
def _literature_table() -> re.Pattern:
    return re.compile(read_patterns("sections/patient_text.toml")["literature_table"], re.IGNORECASE)


@lru_cache(maxsize=None)
def _differential() -> re.Pattern:
    return re.compile(read_patterns("sections/patient_text.toml")["differential"], re.IGNORECASE)


def _presents_patient(mention: Mention) -> bool:
    """An age or sex word of a sentence that presents the patient ("A 7-year-old boy ... was
    referred for an imaging study") is the patient's, though a word of it reads as another
    subject's ("study" as a research study). A relative's age ("her 40-year-old mother") is no
    presentation of the patient; the age of the child a parent is named after ("The parents of a
    45-day-old girl were referred") is the child's."""
    if mention.label == "AGE" and mention.value.kin_named:
        return True  # "the mother of a 5-year-old boy": the boy's age, whoever the sentence's subject
    if not mention.presenting or mention.subject == "family":
        return False
    return not (mention.label == "AGE" and mention.value.relative) and not (mention.label == "SEX" and mention.value.relative)


def split_by_patient(mentions: list[Mention], starts: list[PatientStart],
                     patients: str = "sections/patients.toml") -> list[list[Mention]]:
    """One list of mentions per patient. A report with "Case 1", "Case 2"... headings (two or
    more distinct numbers) gives one list per heading; the text before the first heading
    (title, abstract) is shared by none of them, except that each case may fall back on it
    for the primary site and histology (see assemble). Otherwise one list with everything.

    When a patient is introduced inside the running text ("Her sister, aged 12, was
    admitted"), the narrative may go back and forth between the patients: from there on each
    sentence is given to the patient it names (see :func:`interleaved_parts`). ``patients``: the
    sections component's patterns file (how the text refers to all or one of the patients)."""
    opening = _openings(starts)
    if len(opening) < 2:
        return [mentions]
    boundaries = [s.start for s in opening]
    if any(s.kind == "introduced" for s in opening):
        return interleaved_parts(mentions, opening, reference_patterns(patients))
    parts: list[list[Mention]] = [[] for _ in boundaries]
    for _, sentence in by_sentence(mentions):
        named = _named_after_cases(sentence, boundaries, reference_patterns(patients))
        for mention in sentence:
            own = _block(mention, boundaries)
            if named is not None:
                parts[named].append(mention)
            elif own >= 0:
                parts[own].append(mention)
        if named is None and _about_all(sentence, reference_patterns(patients), len(boundaries)):
            last = _block(sentence[-1], boundaries)
            for index in range(last):
                parts[index].extend(m for m in sentence if m.group in SHARED_GROUPS and _block(m, boundaries) > index)
            if last < 0:  # before the first case: "Both patients received carboplatin and paclitaxel"
                for index, part in enumerate(parts):
                    part.extend(as_the_patients(_preamble_shared(sentence, index, len(parts))))
    return [_relative_opening(part, start) for part, start in zip(parts, opening)]


# "His 2-day-old sister", "the boy's twin brother": a relative word that names the next patient.
POSSESSIVE = re.compile(r"\b(?:his|her|their)\b|\w['’]s\b", re.IGNORECASE)


def _relative_opening(part: list[Mention], start: PatientStart) -> list[Mention]:
    """A part whose first sentence after its heading presents the patient as a relative of the
    one before ("Twin B\nHis 2-day-old sister had ..."): that person word and its age are the
    patient's own, and the sex words before it ("His") speak of the other patient."""
    after = [m for m in part if m.start >= start.start]
    if not after:
        return part
    first = min(m.sentence_start for m in after)
    opening = sorted((m for m in after if m.sentence_start == first), key=lambda m: m.start)
    persons = [m for m in opening if m.group == "demographics" and m.label == "SEX" and m.value.evidence != "pronoun"]
    if not persons or not persons[0].value.relative:
        return part
    head = persons[0]
    before = head.sentence[:max(0, head.start - head.sentence_start)]
    if len(before) > 40 or not POSSESSIVE.search(before):
        return part  # "The mother of a 3-year-old boy brought him": the mother is no patient
    rest = [m for m in part if m.sentence_start != first or m.start < start.start]
    sentence = [m for m in opening if not (m.group == "demographics" and m.label == "SEX" and m.start < head.start)]
    own = PatientStart(start.number, head.start, "introduced", head.end)
    return sorted(rest + as_introduced(sentence, own), key=lambda m: m.start)


# What a sentence about all the patients ("Both patients received cisplatin") gives each of them.
SHARED_GROUPS = frozenset({"drugs", "outcome", "procedures"})
# What a sentence about all the patients before the first case ("We report two women with
# carcinosarcoma. Both patients received six cycles of carboplatin and paclitaxel", "Two
# patients were diagnosed with stage IVB disease") gives each.
PREAMBLE_SHARED_GROUPS = frozenset({"drugs", "stage"})
# ... and what it gives them one by one in its order ("with involvement of the tibia and the
# cervical spine, respectively").
RESPECTIVE_GROUPS = frozenset({"sites"})
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _preamble_shared(sentence: list[Mention], index: int, count: int) -> list[Mention]:
    """The mentions of a sentence about all ``count`` patients before the first case that are
    patient ``index``'s: the drugs and stage it gives all of them, and, when it says
    "respectively" and names one site of spread per patient, the site in that patient's place."""
    shared = [m for m in sentence if m.group in PREAMBLE_SHARED_GROUPS]
    if RESPECTIVELY.search(sentence[0].sentence):
        sites = sorted((m for m in sentence if m.group in RESPECTIVE_GROUPS and not m.negated
                        and getattr(m.value, "role", None) == "metastasis"), key=lambda m: m.start)
        if len(sites) == count:
            shared.append(sites[index])
    return shared


def _block(mention: Mention, boundaries: list[int]) -> int:
    return bisect.bisect_right(boundaries, mention.start) - 1


def _about_all(sentence: list[Mention], references: tuple[re.Pattern, re.Pattern], count: int = 0) -> bool:
    """True when the sentence speaks of all the patients at once ("Both patients were discharged",
    or, opening it, the report's count of them: "Two patients were diagnosed with ..." in a report
    of two, not of three)."""
    if references[0].search(sentence[0].sentence):
        return True
    counted = COUNTED_SUBJECT.match(sentence[0].sentence)
    return bool(counted and count and patient_number(counted.group("count")) == count)


# A sentence opening on a count of patients as its subject: "Two patients were diagnosed with",
# "Cases: Three children had ...".
COUNTED_SUBJECT = re.compile(r"^\W*(?:[A-Z][a-z]+:\s*)?(?P<count>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[2-6])\s+(?:[\w-]+\s+)?"
                             r"(?:patients|cases|children|women|men|siblings|twins|infants|brothers|sisters)\s+"
                             r"(?:were|had|received|underwent|developed|presented|showed)\b")


def _named_after_cases(sentence: list[Mention], boundaries: list[int],
                       references: tuple[re.Pattern, re.Pattern]) -> int | None:
    """In the discussion after the last case of a report with "Case N" headings, the part of
    the patient a sentence names ("In the first patient, ...", "case 1 received ..."), else None."""
    if sentence[0].section in DESCRIBING or _block(sentence[0], boundaries) != len(boundaries) - 1:
        return None
    name = references[1].search(sentence[0].sentence)
    if not name or name.group("proband"):
        return None
    index = ORDINALS[name.group("ordinal").lower()] if name.group("ordinal") else int(name.group("number")) - 1
    return index if 0 <= index < len(boundaries) else None


def _openings(starts: list[PatientStart]) -> list[PatientStart]:
    """The first start of each patient number, in text order (none when fewer than two)."""
    first_of: dict[int, PatientStart] = {}
    for start in sorted(starts, key=lambda s: s.start):
        first_of.setdefault(start.number, start)
    return sorted(first_of.values(), key=lambda s: s.start) if len(first_of) > 1 else []


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
    wanted = " ".join((title or "").split()).lower().rstrip(".")
    if not wanted or len({s.number for s in starts}) < 2 or min(s.start for s in starts) > 0:
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
