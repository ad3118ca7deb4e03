"""Which mentions speak of the reported patient (which patient of a multi-case report each
speaks of: :mod:`pipeline.cases.patient_parts`)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.mentions import Mention
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS, PATIENT_SECTIONS
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
