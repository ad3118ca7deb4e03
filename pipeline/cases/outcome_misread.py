"""Statuses of the patient that the context component read as another person's, as negated or
as the literature's: "the mother made a good recovery" in a pregnant or delivered woman's report,
a status after the negation of an earlier clause ("she did not develop ototoxicity and was
discharged home"), and one whose own clause names the patient before a later clause that speaks
of the literature ("the patient remained stable, exceeding the survival documented in the
literature"). ``cases/outcome.py`` adds them to the patient's own statements."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.outcome_choice import optional_pattern
from pipeline.cases.patients import about_patient
from pipeline.cases.record import Case
from pipeline.resources import compile_pattern, read_patterns


# The youngest age at which a patient's report may be her pregnancy's (a newborn's status is then
# another person's): below it the row's woman is a child (ANNOTATION.md ages in years).
MOTHER_MIN_AGE = 12


def may_be_mother(case: Case) -> bool:
    """Whether the row's patient is a woman old enough to be the mother of a newborn the report
    tells of (its status, "the baby died on day 2", is then not hers)."""
    return case.sex == "female" and case.age is not None and case.age >= MOTHER_MIN_AGE


def about_patient_once_its_own(mention: Mention) -> bool:
    """Whether a status the context component gave to someone else would be the patient's were its
    subject the patient's (its section and qualifiers allow it)."""
    return about_patient(replace(mention, subject="probable"))


def negated_elsewhere(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Outcome statements that the context component marked negated for a negation of an
    earlier clause ("she did not develop ototoxicity and was discharged home"): the patient's
    status after all ("[negation]" of models/outcome/outcome.toml)."""
    negation = {name: compile_pattern(pattern) for name, pattern in read_patterns(config.outcome).get("negation", {}).items()}
    if not {"cue", "clause"} <= negation.keys():
        return []  # a patterns file without the table: the context component's negation stands
    found = []
    for m in mentions:
        if m.group != "outcome" or not m.negated or not about_patient(replace(m, negated=False)):
            continue
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        cues = [c.end() for c in negation["cue"].finditer(before)]
        if not cues:
            continue
        clauses = [c.end() for c in negation["clause"].finditer(before, cues[-1])]
        if clauses:
            found.append(replace(m, negated=False))
    return found


def mothers_own(mentions: list[Mention]) -> list[Mention]:
    """Outcome statements of "the mother" ("the mother made a good recovery and was discharged on
    day 5") that the context component gave to a relative: in the report of a pregnant or
    delivered woman they are the patient's own (called for an adult woman's row only)."""
    return [replace(m, subject="probable") for m in mentions
            if m.group == "outcome" and m.value.subject_mother and m.subject not in ("patient", "probable", "unknown")
            and about_patient_once_its_own(m)]


# Sections that tell the patient's own story: the case description and, in a page or an abstract,
# the summary of it ("..., she succumbed to her illness, highlighting the difficulties in patients with
# many conditions": the abstract's status with a later clause about patients in general).
PATIENTS_CLAUSE_SECTIONS = ("case", "body", "abstract", "front")


def patients_clause(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Outcome statements of the case description that the context component gave to the
    literature for a cue told after them in their sentence ("the patient remained clinically
    stable, exceeding the survival documented in the literature for similar cases"), in the case
    description or the abstract that sums it up: the clause of the status names the patient
    ("she", "the patient") and nothing before the phrase speaks of the literature or of other patients ("[subject] literature" of
    models/outcome/outcome.toml), so the cue is a later clause's and the status the patient's."""
    spec = read_patterns(config.outcome)["subject"]
    if "literature" not in spec:
        return []
    literature, patient = compile_pattern(spec["literature"]), compile_pattern(spec["nominative"])
    comparison = optional_pattern(spec, "comparison")
    found = []
    for m in mentions:
        if m.group != "outcome" or m.subject not in ("other", "generic") or m.section not in PATIENTS_CLAUSE_SECTIONS:
            continue
        if m.value.subject_plural or m.value.subject_other_person or not about_patient_once_its_own(m):
            continue
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        cues = list(literature.finditer(before))
        if cues:
            # "Similar to previously reported cases, the patient recovered": a comparison, then
            # the patient's own clause after the last cue of the literature
            own_clause = before[cues[-1].end():] + m.text
            if comparison is None or not comparison.search(before) or not patient.search(own_clause):
                continue
        elif not (patient.search(before[-80:] + m.text) or _definite_finding(m.text)):
            continue  # "the abscess had resolved on CT, similar to the cases reported by Lee": the patient's finding
        found.append(replace(m, subject="probable"))
    return found


def _definite_finding(written: str) -> bool:
    """Whether a status phrase opens with a finding of the patient's named by a definite or
    possessive article ("the abscess had resolved", "her rash cleared")."""
    return re.match(r"(?:the|her|his)\s", written, re.IGNORECASE) is not None
