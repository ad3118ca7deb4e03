"""Sentences of a report of several patients told together (``cases/series.py``) that speak of
all of them at once ("Both patients died", "These patients were treated with X", "We treated two
patients with X" in a report of two), that tell them apart ("respectively", "the other") or that
name one of them by number or order ("patient 2", "the second case"); and which findings of the
first row such a sentence may give the group (told where the patients' course is told, left out
of the one-patient reading only as other patients' or relatives')."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cases.record import Case, Evidence
from pipeline.nlp.sections.patient_announcements import counted_subject
from pipeline.nlp.sections.patient_common import patient_number, with_persons
from pipeline.resources import read_patterns


# An outcome sentence that speaks of every patient at once.
JOINT = re.compile(r"\b(?:both|all(?:\s+of\s+them)?|each|neither|none|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men)|(?:the|our)\s+(?:two|three|four|five|six)\s+(?:\w+\s+)?(?:patients|cases|women|men)|the\s+(?:patients|children|twins|siblings))\b", re.IGNORECASE)


# A drug sentence that speaks of every patient at once: "These patients were treated with
# pulse methylprednisolone", "Both men were treated with ceftriaxone", "They received ...",
# "Patients were given ...", "Treatment consisted of ...", or
# "We treated two patients ... with X" when the count is the report's (see _given_to_all).
NAMED_ALL = (r"\b(?:both|all(?:\s+of\s+them)?|each\s+of\s+them|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men|children)"
             r"|the\s+(?:patients|children|twins|siblings))\b")
GIVEN_TO_ALL = re.compile(NAMED_ALL +
                          # "Patients were given adjuvant chemotherapy and started on tamoxifen": the bare
                          # plural opening the sentence is the report's patients
                          r"|^\W*patients\s+(?:were|received|underwent)\b"
                          # "Treatment consisted mainly of vitamin K administration": the treatment told with
                          # no patient named, in a report that tells its patients together
                          # (also as the clause after "and": "Diagnosis was confirmed by MRI scan, and the treatment
                          # consisted of intravenous thiamine")
                          r"|(?:^\W*|,?\s+and\s+)(?:the\s+)?(?:treatment|therapy|management)\s+(?:(?:mainly|mostly|primarily|chiefly)\s+)?"
                          r"(?:consisted|included|comprised|involved|was\s+based)\b", re.IGNORECASE)
# The same, only by the words that name the patients: inside the first patient's labelled part ("Patient I: ...
# Treatment consisted of ...") a sentence that names none of them is that patient's.
GIVEN_TO_NAMED = re.compile(NAMED_ALL, re.IGNORECASE)


# A counted group of the report's patients anywhere in a sentence ("We treated two patients
# with X"), in the plural words of the patterns file ({persons}).
COUNTED_GROUP = r"\b(?P<count>two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+){0,2}?{persons}\b"


@lru_cache(maxsize=None)
def _counted_group(patients: str) -> re.Pattern:
    return re.compile(with_persons(COUNTED_GROUP, read_patterns(patients)), re.IGNORECASE)


# Where the announced patients' own course is told (not the introduction or the discussion).
TOLD_SECTIONS = frozenset({"section=front", "section=abstract", "section=case", "section=body", "section=None"})


def repeat_of_kept(evidence: Evidence, values) -> bool:
    """Whether a mention the first row left unkept names one of the ``values`` it holds (from another mention),
    neither negated nor hypothetical: a repeat of a kept value, not a value left out."""
    return evidence.value in values and not {"negated", "hypothetical"} & set(evidence.qualifiers)


def _group_given(evidence: Evidence, first: Case, subjects: frozenset = frozenset({"subject=other", "subject=family"})) -> bool:
    """A drug of the first row, or one left out only because its sentence's subject read as
    other patients' or relatives' ("These patients were treated with X", "Both siblings were
    treated with X": the report's patients, in a report read as one patient's), told where the
    patients' course is told and neither negated nor hypothetical. ``subjects``: the subjects
    such a finding may have been read with."""
    if evidence.kept or repeat_of_kept(evidence, first.drugs):
        # (a drug the first row took from an earlier sentence: this mention is left unkept as a repeat,
        # "All three patients were treated with fomepizole" after "treatment with fomepizole" in the title)
        return evidence.value in first.drugs
    flags = set(evidence.qualifiers)
    section = {f for f in flags if f.startswith("section=")}
    subject = {f for f in flags if f.startswith("subject=")}
    return (subject <= subjects and bool(section) and section <= TOLD_SECTIONS
            and not flags - subject - section)


# A patient named by number or order ("patient 2 had stable lung metastasis and died", "the second case").
NUMBERED_PATIENT = re.compile(r"(?i)\b(?:case|patient)\s*(?:#|no\.?\s*)?[1-6]\b|\bthe\s+(?:first|second|third|fourth|fifth|"
                              r"sixth|former|latter)\s+(?:patient|case|one)\b")


def given_to_one(sentence: str, sentence_start: int, end: int, start: int | None = None, count: int | None = None) -> bool:
    """Whether a drug of a sentence about all the patients is said, right after its name, to have gone to one
    of them ("Hypertension was controlled in both patients with phenoxybenzamine, phentolamine (1 patient) and
    nitroprusside"), or stands in a clause told of some of them ("We report four cases; one following
    levodopa withdrawal, two related to neuroleptics", "All three recovered and, in two, levodopa appeared to
    modify the course"): not every row's. ``start``: where the drug's name starts (the clause before it is read);
    ``count``: the report's patients (a clause told of as many is told of them all: "Cases: Three transplant
    recipients aged 43, 50 and 53 who had been treated with ciclosporin")."""
    if ONE_OF_THEM_AFTER.match(sentence, max(0, end - sentence_start)):
        return True
    if start is None:
        return False
    clause = re.split(r"[;:]", sentence[: max(0, start - sentence_start)])[-1].lstrip()
    return any(_fewer_than_all(match.group("some"), count) for match in SOME_OF_THEM_BEFORE.finditer(clause))


def _fewer_than_all(some: str, count: int | None) -> bool:
    """Whether the persons ``some`` counts ("one", "two", "the other") are fewer than the report's ``count``."""
    if some.lower().startswith(("another", "the")):
        return True
    return count is None or patient_number(some) < count


# A clause of a sentence about the group that speaks of some of them ("; one following levodopa withdrawal",
# ", in two, levodopa ...", "the other received ...", a title's "Three cases of ... - one due to linagliptin"): a count of persons, not of doses, cycles or times.
SOME_OF_THEM_BEFORE = re.compile(r"(?:^|[,(]\s*|\s[-–—]\s*|\b(?:and|while|whereas|but)\s+)(?:in\s+|of\s+)?(?P<some>one|two|three|another|the\s+other)"
                                 r"\b(?!\s*(?:[-‐]|of\s+(?:the\s+)?(?:doses?|cycles?|courses?|days?|weeks?|months?)\b|(?:dose|cycle|course|time|day|week"
                                 r"|month|year|hour|session|tablet|capsule|injection|infusion|vial|ampoule|unit|mg|g)s?\b))"
                                 r"(?:\s+(?:of\s+(?:them|these|the\s+\w+)|patients?|cases?|children))?", re.IGNORECASE)


# A site of a sentence about the group said, later in its clause, of some of them only ("All four died ...
# with progressive disease locally and pulmonary metastases in two of them").
SOME_OF_THEM_AFTER = re.compile(r"[^.;]{0,60}?\bin\s+(?P<some>one|two|three|four|five|[1-5])\s+(?:of\s+(?:them|these|those|the\s+\w+)"
                                r"|patients|cases|children)\b", re.IGNORECASE)


def said_of_some(evidence: Evidence, count: int) -> bool:
    """Whether a finding of a sentence about the group is said, right after it, of fewer patients than the
    report's ``count`` ("pulmonary metastases in two of them"), as ``given_to_one`` reads a drug."""
    match = SOME_OF_THEM_AFTER.match(evidence.sentence, max(0, evidence.end - evidence.sentence_start))
    return match is not None and _fewer_than_all(match.group("some"), count)


# The words right after a drug that give it to one patient of a group: "(1 patient)", "(in one case)", "in one
# patient".
ONE_OF_THEM_AFTER = re.compile(r"\s*(?:\(\s*(?:in\s+|to\s+)?(?:1|one)\s+(?:patient|case|child)\s*\)|(?:in|to)\s+(?:1|one)\s+"
                               r"(?:patient|case|child)\b)", re.IGNORECASE)


def _said_of_one(evidence: Evidence) -> bool:
    """Whether a status stands after a patient named by number or order in its sentence: that
    patient's, though the sentence also speaks of them all ("All three women had metastases ...
    Outcomes: Patient 1 had stable disease; patient 2 ... died")."""
    return bool(NUMBERED_PATIENT.search(evidence.sentence, 0, max(0, evidence.start - evidence.sentence_start)))


# A status left out of a one-patient reading because it is said of several ("Progression was observed
# in both cases", "Clinically they died"): any subject but background, the sentence speaking of them all.
GROUP_STATUS_SUBJECTS = frozenset({"subject=other", "subject=family", "subject=patient", "subject=probable", "subject=unknown"})


def _given_to_all(sentence: str, count: int, patients: str = "sections/patients.toml", named: bool = False) -> bool:
    """True when a sentence that names a drug speaks of all ``count`` patients of the report
    ("All four patients received X", "We treated two patients with X" in a report of two; not
    "Two patients received X" in a report of three). ``named``: only by words that name the patients
    (not "Treatment consisted of X")."""
    counted = [patient_number(m.group("count")) for m in _counted_group(patients).finditer(sentence)]
    if counted:
        return all(number == count for number in counted)
    group = GIVEN_TO_NAMED if named else GIVEN_TO_ALL
    return any(not SOME_OF.search(sentence, 0, found.start()) for found in group.finditer(sentence))


# A part of the group named before it: "one of the patients with bone disease required calcium carbonate"
# is that one's, not every patient's.
SOME_OF = re.compile(r"(?i)\b(?:one|two|three|four|some|several|none|either|neither|each|most|many|few)\s+of\s+(?:the\s+)?(?:\w+\s+)?$")


def _told_of_all(sentence: str, count: int, patients: str) -> bool:
    """True when a sentence speaks of every patient at once: by a joint word ("both patients
    died", "they recovered"), by opening on the report's count of them as its subject ("Two
    inpatients of one hospital ward died" in a report of two), or by telling its status with one
    time per patient ("There was no evidence of disease 30 and 22 months, respectively, after surgery")."""
    return (bool(JOINT.search(sentence)) or counted_subject(sentence, patients) == count
            or _respective_times(sentence) == count)


# A list of times told "respectively", one per patient ("30 and 22 months, respectively", "at 3, 5 and 9 months
# respectively", "for 33 mo and 19 mo, respectively"); a sentence that also names one of them ("the first", "the
# other", "patient 2": APART, NUMBERED_PATIENT) tells them apart.
TIME_UNIT = r"(?:days?|weeks?|wks?|months?|mo|years?|yrs?)\b"
RESPECTIVE_TIMES = re.compile(rf"(?i)\b(?P<times>\d{{1,3}}(?:\s*{TIME_UNIT})?(?:\s*,\s*\d{{1,3}}(?:\s*{TIME_UNIT})?)*,?\s+and\s+\d{{1,3}})"
                              rf"\s*{TIME_UNIT}[^.;]{{0,40}}?\brespectively\b")


def _respective_times(sentence: str) -> int:
    """How many times a sentence lists "respectively" for the patients, when it names none of them apart; 0 if none."""
    match = RESPECTIVE_TIMES.search(sentence)
    if match is None or NUMBERED_PATIENT.search(sentence) or any(
            found.group().lower() != "respectively" for found in APART.finditer(sentence)):
        return 0
    return len(re.findall(r"\d{1,3}", match.group("times")))


# What a sentence tells apart for each patient ("in the bone and skeletal muscle respectively", "one ... the other").
APART = re.compile(r"(?i)(?<![\w-])(?:respectively|the\s+other|the\s+(?:first|second|third|former|latter)|one\s+(?:of\s+them|patient|case|had|with|showed|presented))(?![\w-])")
