"""Reports that announce several patients ("We report the first 2 cases of ...") but describe
them together, with no part of the text opening each patient's own description.

The guide wants one row per patient. Such a report gives each patient only what it says of all
of them: the disease (primary site, histology), the sex that the disease implies, and an outcome
stated jointly ("both patients died"). The first row keeps everything the text holds; the
others copy these shared values with the same evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.mentions import Mention
from pipeline.cases.organs import primary_sex, site_facts
from pipeline.cases.patient_columns import table_columns
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series_age_lists import grouped_ages, listed_ages, listed_person_ages, respective_ages
from pipeline.cases.series_ages_in_order import listed_demographics
from pipeline.cases.series_apart import one_and_the_other, respective_values, told_apart
from pipeline.cases.series_groups import enumerated_persons, group_age, group_sex, kin_pair_sexes, listed_sexes
from pipeline.cases.series_newborns import co_twin_age, newborn_ages
from pipeline.ingest.report import Report
from pipeline.nlp.sections.group_count import group_count
from pipeline.nlp.sections.patient_announcements import announced_patients, announced_sex, counted_subject
from pipeline.nlp.sections.patient_common import patient_number, with_persons
from pipeline.resources import read_patterns


SHARED_FIELDS = ("primary_site", "histology")


# An outcome sentence that speaks of every patient at once.
JOINT = re.compile(r"\b(?:both|all(?:\s+of\s+them)?|each|neither|none|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men)|the\s+(?:two|three|four|five|six)\s+(?:\w+\s+)?(?:patients|cases|women|men)|the\s+(?:patients|children|twins|siblings))\b", re.IGNORECASE)


# A drug sentence that speaks of every patient at once: "These patients were treated with
# pulse methylprednisolone", "Both men were treated with ceftriaxone", "They received ...",
# "Patients were given ...", or
# "We treated two patients ... with X" when the count is the report's (see _given_to_all).
GIVEN_TO_ALL = re.compile(r"\b(?:both|all(?:\s+of\s+them)?|each\s+of\s+them|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men|children)"
                          r"|the\s+(?:patients|children|twins|siblings))\b"
                          # "Patients were given adjuvant chemotherapy and started on tamoxifen": the bare
                          # plural opening the sentence is the report's patients
                          r"|^\W*patients\s+(?:were|received|underwent)\b", re.IGNORECASE)


# A counted group of the report's patients anywhere in a sentence ("We treated two patients
# with X"), in the plural words of the patterns file ({persons}).
COUNTED_GROUP = r"\b(?P<count>two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+){0,2}?{persons}\b"


@lru_cache(maxsize=None)
def _counted_group(patients: str) -> re.Pattern:
    return re.compile(with_persons(COUNTED_GROUP, read_patterns(patients)), re.IGNORECASE)


# Where the announced patients' own course is told (not the introduction or the discussion).
TOLD_SECTIONS = frozenset({"section=front", "section=abstract", "section=case", "section=body", "section=None"})


def _group_given(evidence: Evidence, first: Case, subjects: frozenset = frozenset({"subject=other", "subject=family"})) -> bool:
    """A drug of the first row, or one left out only because its sentence's subject read as
    other patients' or relatives' ("These patients were treated with X", "Both siblings were
    treated with X": the report's patients, in a report read as one patient's), told where the
    patients' course is told and neither negated nor hypothetical. ``subjects``: the subjects
    such a finding may have been read with."""
    if evidence.kept:
        return evidence.value in first.drugs
    flags = set(evidence.qualifiers)
    section = {f for f in flags if f.startswith("section=")}
    subject = {f for f in flags if f.startswith("subject=")}
    return (subject <= subjects and bool(section) and section <= TOLD_SECTIONS
            and not flags - subject - section)


# A patient named by number or order ("patient 2 had stable lung metastasis and died", "the second case").
NUMBERED_PATIENT = re.compile(r"(?i)\b(?:case|patient)\s*(?:#|no\.?\s*)?[1-6]\b|\bthe\s+(?:first|second|third|fourth|fifth|"
                              r"sixth|former|latter)\s+(?:patient|case|one)\b")


def _said_of_one(evidence: Evidence) -> bool:
    """Whether a status stands after a patient named by number or order in its sentence: that
    patient's, though the sentence also speaks of them all ("All three women had metastases ...
    Outcomes: Patient 1 had stable disease; patient 2 ... died")."""
    return bool(NUMBERED_PATIENT.search(evidence.sentence, 0, max(0, evidence.start - evidence.sentence_start)))


# A status left out of a one-patient reading because it is said of several ("Progression was observed
# in both cases", "Clinically they died"): any subject but background, the sentence speaking of them all.
GROUP_STATUS_SUBJECTS = frozenset({"subject=other", "subject=family", "subject=patient", "subject=probable", "subject=unknown"})


def _unkept(evidence: list[Evidence]) -> list[Evidence]:
    return [replace(e, kept=False) for e in evidence]


def _now_kept(evidence: list[Evidence], kept: list[Evidence]) -> list[Evidence]:
    """``evidence`` with the items of ``kept`` (copies marked kept) in place of their left-out originals."""
    left_out = _unkept(kept)
    return [e for e in evidence if e not in left_out] + [e for e in kept if e not in evidence]


def _given_to_all(sentence: str, count: int, patients: str = "sections/patients.toml") -> bool:
    """True when a sentence that names a drug speaks of all ``count`` patients of the report
    ("All four patients received X", "We treated two patients with X" in a report of two; not
    "Two patients received X" in a report of three)."""
    counted = [patient_number(m.group("count")) for m in _counted_group(patients).finditer(sentence)]
    if counted:
        return all(number == count for number in counted)
    return bool(GIVEN_TO_ALL.search(sentence))


def _told_of_all(sentence: str, count: int, patients: str) -> bool:
    """True when a sentence speaks of every patient at once: by a joint word ("both patients
    died", "they recovered") or by opening on the report's count of them as its subject ("Two
    inpatients of one hospital ward died" in a report of two)."""
    return bool(JOINT.search(sentence)) or counted_subject(sentence, patients) == count


# What a sentence tells apart for each patient ("in the bone and skeletal muscle respectively", "one ... the other").
APART = re.compile(r"(?i)(?<![\w-])(?:respectively|the\s+other|the\s+(?:first|second|third|former|latter)|one\s+(?:of\s+them|patient|case|had|with|showed|presented))(?![\w-])")


def told_of_all_spread(first: Case, count: int, patients: str = "sections/patients.toml") -> list:
    """The metastasis sites of the first row whose sentence speaks of all ``count`` patients and names
    only that site ("The authors report two cases of surgically treated brain metastases"): every row's."""
    told = _first_row_told_of_all(first, "metastasis_sites", count, patients)
    return [e for e in told if all(o.value == e.value for o in told if o.sentence == e.sentence)]


def told_of_all_dates(first: Case, count: int, patients: str = "sections/patients.toml") -> list:
    """The dates of the first row whose sentence speaks of all ``count`` patients at once ("In March
    1993, six family members ... had suffered carbon monoxide poisoning", "On 14 February 2008, two
    suspected botulism cases were notified"): the date of the group's illness is every row's. Not a
    sentence that tells the patients apart ("the first ... the second", "respectively")."""
    return _first_row_told_of_all(first, "dates", count, patients)


def _first_row_told_of_all(first: Case, field: str, count: int, patients: str) -> list:
    """The first row's kept values of ``field`` whose sentence speaks of all ``count`` patients at
    once (``_given_to_all``) and does not tell them apart (``APART``)."""
    values = getattr(first, field)
    return [e for e in first.evidence if e.field == field and e.value in values
            and _given_to_all(e.sentence, count, patients) and not APART.search(e.sentence)]


def group_spread(rows: list[Case], shared: list[Mention], patients: str = "sections/patients.toml") -> None:
    """The spread and the drugs a report of several patients, each told in a part of its own, says
    of all of them before their parts ("We present two cases highlighting the dermatological
    manifestations of cutaneous metastases from RCC", "two cases of psychiatric inpatients with
    regular VPA intake"): every row's. Only a sentence that counts as many patients as there are
    rows (or says "both", "all") and does not tell them apart; a spread only when the sentence
    names that one site."""
    count = len(rows)
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for mention in shared:
        if mention.negated or mention.hypothetical:
            continue
        if mention.group == "sites" and mention.value.role == "metastasis":
            by_sentence.setdefault(("metastasis_sites", mention.sentence_start), []).append(mention)
        elif mention.group == "drugs":
            by_sentence.setdefault(("drugs", mention.sentence_start), []).append(mention)
    for (field, _), said in by_sentence.items():
        sentence = said[0].sentence
        if APART.search(sentence) or not _given_to_all(sentence, count, patients):
            continue
        if field == "metastasis_sites":
            if len({m.value.site for m in said}) != 1:
                continue
            values = [(said[0], said[0].value.site)]
        else:
            values = [(m, generic) for m in said for generic in m.value.generics]
        for row in rows:
            for mention, value in values:
                if value not in getattr(row, field):
                    setattr(row, field, sorted(getattr(row, field) + [value]))
                    row.evidence.append(Evidence(field, value, sentence, mention.start, mention.end,
                                                mention.sentence_start, mention.qualifiers))


def _group_disease(first: Case, count: int, patients: str) -> None:
    """The primary site and the histology of a report that names the disease only of its patients as a
    group ("Two cases of cervical carcinoma, aged 33 and 40 years, ..."), left out of the one-patient
    reading as other patients': the first row's, and through it every row's (the first such mention)."""
    for field in SHARED_FIELDS:
        if getattr(first, field) is not None:
            continue
        told = [replace(e, kept=True) for e in first.evidence if e.field == field and _group_given(e, first)
                and _given_to_all(e.sentence, count, patients)][:1]
        if told:
            setattr(first, field, told[0].value)
            first.evidence = _now_kept(first.evidence, told)


# A cancer named in a report's title or opening ("Adult Wilms tumour: two cases", "Abdominal non-Hodgkin
# lymphoma in four boys"): the report is about patients who share it. The abbreviations in capitals only
# ("all" is no leukaemia).
CANCER_NAMED = re.compile(r"(?i:carcinom|cancer|tumou?r|neoplas|malignan|lymphom|leuka?emi|sarcom|blastom|myelom"
                             r"|melanom|metasta|seminom|mesotheliom|gliom)|\b(?:HCC|NHL|RCC|NSCLC|SCLC|AML|ALL|CML|CLL)\b")


def shared_disease(rows: list[Case], report: Report, first_start: int) -> None:
    """The primary site and histology of the rows of a report of several patients that read neither,
    when every other row that read one reads the same pair and the title or the text before the first
    patient's (``first_start``) names a cancer ("Abdominal non-Hodgkin lymphoma in four boys": the boy
    whose part names no lymphoma has the report's). A report whose title and opening name no cancer
    ("Two types of necrotizing fasciitis") may have a patient with a cancer of his own beside one
    without: nothing is shared."""
    # the title and the text before the first patient's story ("Background: Wilms' tumor is rare in adults"),
    # not that story (a patient's own second cancer)
    opening = (report.title or "") + "\n" + report.text[:first_start]
    if len(rows) < 2 or CANCER_NAMED.search(opening) is None:
        return
    told = {(row.primary_site, row.histology) for row in rows if row.primary_site is not None or row.histology is not None}
    if len(told) != 1:
        return
    primary, histology = next(iter(told))
    if primary is None or histology is None:
        return
    source = next(row for row in rows if row.primary_site == primary and row.histology == histology)
    for row in rows:
        if row.primary_site is None and row.histology is None:
            row.primary_site, row.histology = primary, histology
            row.evidence += [replace(e) for e in source.evidence if e.kept and e.field in SHARED_FIELDS]


def _implied_sex(site: str | None) -> str | None:
    """The sex a primary site of the site list implies (cervix: female), or None."""
    return site_facts().get(site, {}).get("sex") or None


def series_cases(report: Report, cases: list[Case], patients: str = "sections/patients.toml",
                 sex_words: str = "demographics/sex.tsv") -> list[Case]:
    """``cases`` with a row added for every announced patient after the first, when the text
    was read as one patient's; unchanged otherwise. ``patients`` and ``sex_words``: the sections
    component's patient patterns and the demographics component's sex words."""
    if len(cases) != 1:
        table_columns(report.text, cases)  # "WBC | 18.2 | 25.6" under "| Case 1 | Case 2"
        respective_ages(report.text, cases, patients)
        if len(cases) == 2:
            group_age(report.text, cases, patients)  # twins read as two parts share their age
            co_twin_age(report, cases, patients)
        if len(cases) > 1:
            group_sex(report.text, report.title, cases, patients)
            kin_pair_sexes(report.text, report.title, cases, patients)
            newborn_ages(report, cases, patients)  # "Twin A\nA male infant born at 34 weeks ..."
        return cases
    count = announced_patients(report.text, report.title, patients)
    persons = enumerated_persons(report.text, patients, sex_words) if count < 2 else []
    if count < 2 and len(persons) > 1:
        count = len(persons)
    if count < 2:  # a group named without the authors' verb ("We encountered two cases of ...")
        count = group_count(report.text, report.title, patients)
    if count < 2:
        newborn_ages(report, cases, patients)
        return cases
    first = cases[0]
    _group_disease(first, count, patients)
    shared = [e for e in first.evidence if e.field in SHARED_FIELDS and getattr(first, e.field) == e.value]
    outcome = [e for e in first.evidence if e.field == "outcome" and e.value == first.outcome and _told_of_all(e.sentence, count, patients)]
    if first.outcome is None:  # "Both siblings recovered": left out of the one-patient reading as the relatives'
        outcome = [replace(e, kept=True) for e in first.evidence if e.field == "outcome"
                   and _group_given(e, first, GROUP_STATUS_SUBJECTS) and not _said_of_one(e)
                   and not (e.value == "recovered" and (first.primary_site or first.histology))  # no cancer's status
                   and _told_of_all(e.sentence, count, patients)][-1:]
        if outcome:
            first.outcome = outcome[0].value
            first.evidence = _now_kept(first.evidence, outcome)
    # a drug told of all the patients at once ("These patients were treated with X") is each one's
    drugs = [replace(e, kept=True) for e in first.evidence if e.field == "drugs" and _group_given(e, first)
             and _given_to_all(e.sentence, count, patients)]
    first.drugs = sorted(set(first.drugs) | {e.value for e in drugs})
    first.evidence = _now_kept(first.evidence, drugs)
    spread = told_of_all_spread(first, count, patients)
    dates = told_of_all_dates(first, count, patients)
    said_sex = announced_sex(report.text, report.title, patients)
    if first.sex is None:
        first.sex = _implied_sex(first.primary_site) or said_sex
    rows = [first]
    for number in range(2, count + 1):
        row = Case(doc=first.doc, case=number, title=first.title, doi=first.doi, pmid=first.pmid, pmcid=first.pmcid,
                   journal=first.journal, year=first.year, authors=list(first.authors))
        for item in shared + outcome:
            setattr(row, item.field, item.value)
        # the sex the shared primary implies (cervix: female; "prostate cancer": male; its evidence is
        # the first row's primary), else the one the announcement gives them all ("two young women")
        row.sex = next((sex for e in shared if e.field == "primary_site"
                        and (sex := primary_sex(row.primary_site, e, sex_words))), None) or said_sex
        row.evidence = [replace(item) for item in shared + outcome + drugs + spread + dates]
        row.drugs = sorted({item.value for item in drugs})
        row.metastasis_sites = sorted({item.value for item in spread})
        row.dates = sorted({item.value for item in dates})
        rows.append(row)
    listed_demographics(first, rows)
    listed_ages(report.text, rows, patients)
    grouped_ages(report.text, rows, patients)
    listed_person_ages(report.text, rows, patients)
    respective_ages(report.text, rows, patients)
    listed_sexes(report.text, rows, patients)
    group_age(report.text, rows, patients)
    group_sex(report.text, report.title, rows, patients)
    kin_pair_sexes(report.text, report.title, rows, patients, told_together=True)
    for row, (sex, word) in zip(rows, persons):  # "a young girl, her father, her uncle and ..."
        if sex is not None:
            row.sex = sex
            row.evidence.append(replace(word, value=sex))
    one_and_the_other(first, rows)  # after the sexes: "The woman recovered, while the man died"
    told_apart(first, rows)
    respective_values(first, rows)
    newborn_ages(report, rows, patients)
    return rows
