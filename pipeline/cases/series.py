"""Reports that announce several patients ("We report the first 2 cases of ...") but describe
them together, with no part of the text opening each patient's own description.

The guide wants one row per patient. Such a report gives each patient only what it says of all
of them: the disease (primary site, histology), the sex that the disease implies, and an outcome
stated jointly ("both patients died"). The first row keeps everything the text holds; the
others copy these shared values with the same evidence.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.cases.organs import primary_sex, site_facts
from pipeline.cases.patient_columns import table_columns
from pipeline.cases.record import Case
from pipeline.cases.series_age_lists import aged_persons_count, grouped_ages, listed_ages, listed_person_ages, respective_ages
from pipeline.cases.series_ages_in_order import listed_demographics
from pipeline.cases.series_apart import (
    one_and_the_other, one_and_the_rest, ordinal_subjects, respective_values, told_apart, values_then_their_patients,
)
from pipeline.cases.series_groups import enumerated_persons, group_age, group_sex, kin_pair_sexes, listed_sexes
from pipeline.cases.series_list_items import list_items
from pipeline.cases.series_joint import (
    GROUP_STATUS_SUBJECTS, _given_to_all, _group_given, _said_of_one, _told_of_all, given_to_one, said_of_some,
)
from pipeline.cases.series_newborns import co_twin_age, newborn_ages
from pipeline.cases.series_shared import SHARED_FIELDS, _group_disease, _now_kept, told_of_all_dates, told_of_all_spread
from pipeline.ingest.report import Report
from pipeline.nlp.sections.group_count import group_count
from pipeline.nlp.sections.patient_announcements import announced_patients, announced_sex


def _implied_sex(site: str | None) -> str | None:
    """The sex a primary site of the site list implies (cervix: female), or None."""
    return site_facts().get(site, {}).get("sex") or None


def _untold_rows(report: Report, cases: list[Case], patients: str) -> list[Case]:
    """Empty rows for the patients a report of several parts announces beyond the parts read ("We present
    five members of the same family": two told apart, three in words no part opens; "We report three
    cases" of a page whose third is cut off): the reviewer sees the report has them."""
    if len(cases) < 2:
        return []
    # the authors' announcement only: a group named without their verb ("The eight siblings were four
    # brothers and four sisters", "Four persons developed complaints") need not be the report's patients
    count = announced_patients(report.text, report.title, patients)
    last = max(case.case for case in cases)
    return [_blank_row(cases[0], number) for number in range(last + 1, last + 1 + count - len(cases))]


def _blank_row(first: Case, number: int) -> Case:
    """Row ``number`` of the same report as ``first``, holding the report's identity only."""
    return Case(doc=first.doc, case=number, title=first.title, doi=first.doi, pmid=first.pmid, pmcid=first.pmcid,
                journal=first.journal, year=first.year, authors=list(first.authors))


def series_cases(report: Report, cases: list[Case], patients: str = "sections/patients.toml",
                 sex_words: str = "demographics/sex.tsv", parents: str = "histology/parents.tsv",
                 first_part: int | None = None) -> list[Case]:
    """``cases`` with a row added for every announced patient after the first, when the text
    was read as one patient's; unchanged otherwise. ``patients``, ``sex_words`` and ``parents``: the sections
    component's patient patterns, the demographics component's sex words and the histology component's
    broader types. ``first_part``: where a label opens the first patient's part when no other patient's is
    labelled ("Family 1 Patient I: ..." of a page cut before "Patient II"); what follows it is that patient's
    unless a sentence names the patients together."""
    if len(cases) != 1:
        # (the rows of patients the report announces beyond its parts: "a family of 3 brothers", the one no part tells)
        untold = _untold_rows(report, cases, patients)
        table_columns(report.text, cases)  # "WBC | 18.2 | 25.6" under "| Case 1 | Case 2"
        respective_ages(report.text, cases, patients)
        listed_person_ages(report.text, cases, patients)  # "Patients: Male, 45-year-old • Female, 38-year-old"
        if len(cases) == 2:
            group_age(report.text, cases, patients)  # twins read as two parts share their age
            co_twin_age(report, cases, patients)
        if len(cases) > 1:
            group_sex(report.text, report.title, cases + untold, patients)
            kin_pair_sexes(report.text, report.title, cases, patients)
            newborn_ages(report, cases, patients)  # "Twin A\nA male infant born at 34 weeks ..."
        return cases + untold
    count = announced_patients(report.text, report.title, patients)
    persons = enumerated_persons(report.text, patients, sex_words) if count < 2 else []
    if count < 2 and len(persons) > 1:
        count = len(persons)
    if count < 2:  # a group named without the authors' verb ("We encountered two cases of ...")
        count = group_count(report.text, report.title, patients)
    if count < 2:  # "a 69 years-old man with ...; and a 71 years-old man with ...": each aged patient
        count = aged_persons_count(report.text, patients)
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
             and _given_to_all(e.sentence, count, patients, named=first_part is not None and e.sentence_start >= first_part)
             and not given_to_one(e.sentence, e.sentence_start, e.end, e.start, count)]
    first.drugs = sorted(set(first.drugs) | {e.value for e in drugs})
    first.evidence = _now_kept(first.evidence, drugs)
    spread = told_of_all_spread(first, count, patients)
    # a site the group's sentence says of some of them only ("... pulmonary metastases in two of them") is not the
    # first row's either: which ones the report does not say
    some = [e for e in first.evidence if e.field == "metastasis_sites" and e.kept and said_of_some(e, count)]
    elsewhere = {e.value for e in first.evidence if e.field == "metastasis_sites" and e.kept and e not in some}
    if some:
        dropped = {e.value for e in some} - elsewhere
        first.metastasis_sites = [site for site in first.metastasis_sites if site not in dropped]
        first.evidence = [replace(e, kept=False) if e in some and e.value in dropped else e for e in first.evidence]
    # a site the first row had left out as other patients' ("three women with ... pulmonary metastasis")
    added = [e for e in spread if e.value not in first.metastasis_sites]
    first.metastasis_sites = sorted(set(first.metastasis_sites) | {e.value for e in added})
    first.evidence = _now_kept(first.evidence, added)
    dates = told_of_all_dates(first, count, patients)
    said_sex = announced_sex(report.text, report.title, patients)
    if first.sex is None:
        first.sex = _implied_sex(first.primary_site) or said_sex
    rows = [first]
    for number in range(2, count + 1):
        row = _blank_row(first, number)
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
    co_twin_age(report, rows, patients)  # "a 38-year-old set of monozygotic twin brothers"
    group_sex(report.text, report.title, rows, patients)
    kin_pair_sexes(report.text, report.title, rows, patients, told_together=True)
    for row, (sex, word) in zip(rows, persons):  # "a young girl, her father, her uncle and ..."
        if sex is not None:
            row.sex = sex
            row.evidence.append(replace(word, value=sex))
    one_and_the_other(first, rows, parents)  # after the sexes: "The woman recovered, while the man died"
    values_then_their_patients(first, rows)  # "The outcome was favorable in the first case and fatal in the second"
    one_and_the_rest(first, rows)  # "One individual ... recovered, while the other two ... died"
    told_apart(first, rows)
    ordinal_subjects(first, rows, report.text)  # "The second had ... on zinc therapy", "The other case ... This case"
    respective_values(first, rows)
    list_items(first, rows)  # "(1) a 5-month-old boy with ..., (3) a 76-year-old woman with an umbilical mass"
    newborn_ages(report, rows, patients)
    return rows
