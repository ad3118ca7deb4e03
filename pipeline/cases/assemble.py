"""Mentions of one report -> one Case per patient, with the contract's normalisations
(ANNOTATION.md) and the evidence of every value."""
from __future__ import annotations

from pipeline.cases.cells import _fill
from pipeline.cases.cells_age_sex import _sex_of_spread
from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.index_terms import indexed_sex, title_condition_sex
from pipeline.cases.mentions import Mention, PatientStart
from pipeline.cases.outcome import group_outcomes, series_outcomes
from pipeline.cases.outcome_title import title_outcome, title_outcome_all
from pipeline.cases.patient_parts import LABEL, split_by_patient
from pipeline.cases.patients import about_patient
from pipeline.cases.preamble import group_sex, preamble, title_disease, title_mentions
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series import series_cases
from pipeline.cases.series_list_items import list_items
from pipeline.cases.series_newborns import one_egg_twins
from pipeline.cases.series_ages_in_order import ages_in_order
from pipeline.cases.series_shared import group_spread, shared_disease
from pipeline.ingest.report import Report


def _first_part(starts: list[PatientStart]) -> int | None:
    """Where a label ("Patient I:", "Case 1") opens the first patient's part when the text labels no other
    patient (a page cut before "Patient II"), else None."""
    if {start.number for start in starts} != {1}:
        return None
    return min((start.start for start in starts if LABEL.match(start.heading)), default=None)


def assemble(report: Report, mentions: list[Mention], starts: list[PatientStart],
             config: AssemblyConfig = DEFAULT) -> list[Case]:
    """One Case per patient; ``config``: the components' data files (AssemblyConfig.of(nlp))."""
    shared = [m for m in preamble(mentions, starts) if about_patient(m)]
    # "the two children were discharged" in one case's part is every case's status
    shared += [m for m in group_outcomes(mentions) if m not in shared]
    titled = title_disease(mentions, starts, report.title)  # the later parts' fallback when no text precedes "Case 1"
    cases = []
    parts = split_by_patient(mentions, starts, config.patients, report.text)
    # the organ the title writes before the series' type ("Primary cutaneous monomorphous lymphoma: a
    # report of 3 cases"), for the parts that name the type but not its organ
    title_named = title_mentions(mentions, report.title) if len(parts) > 1 else []
    for number, part in enumerate(parts, 1):
        case = Case(doc=report.name, case=number, title=report.title, doi=report.doi, pmid=report.pmid,
                    pmcid=report.pmcid, journal=report.journal, year=report.year, authors=list(report.authors))
        _fill(case, part, shared + (titled if number > 1 else []), config, several=len(parts) > 1, report=report,
              title_named=title_named, patients=len(parts))
        together = group_sex(shared)  # "two young women" before "Case 1", when the case's part says no sex
        if case.sex is None and together is not None:
            case.sex = together.value.sex
            case.evidence.append(Evidence("sex", case.sex, together.sentence, together.start, together.end,
                                          together.sentence_start, together.qualifiers))
        if case.sex is None:  # "metastatic lesions of the uterus, fallopian tubes and ovaries" of "Patient K."
            _sex_of_spread(case)
        cases.append(case)
    if len(cases) > 1:  # "We present two cases of cutaneous metastases from RCC" before their parts (spread, drugs)
        group_spread(cases, shared, config.patients)
    rows = series_cases(report, cases, config.patients, config.sex_words, config.parents, _first_part(starts))
    ages_in_order(rows, mentions)  # patients' ages told in order, when some rows read none
    # "Abdominal lymphoma in four boys": the boy whose part names no disease has the others'
    shared_disease(rows, report, min((s.start for s in starts), default=0))
    # patients announced but told together: each added row's status said of it by number or as a group
    # (and the first row's, when it had none: a status said of the group is its too, and the disease the
    # series named of the group may have made it a cancer case)
    added = rows[len(cases):]
    first = rows[0]
    # (a first row read as no cancer's until the series' disease made it one: its "recovered" was a
    # cancer status read the non-cancer way)
    reread = first.outcome is None or (first.outcome == "recovered" and first.primary_site is not None)
    series_outcomes(([first] if added and reread else []) + added, mentions, shared, config)
    if added:  # a status told inside one patient's item of a list of them stays that item's row's
        list_items(first, rows, fields=("outcome",))
    if len(rows) == 1:
        title_outcome(rows[0], report.text, config)  # "Fatal disseminated strongyloidiasis in ..."
    else:
        title_outcome_all(rows, report.text, config)  # "... through two fatal cases"
    for row in rows:
        # a PubMed page's "MeSH terms ... • Female": the one sex tag is the patient's when the text names none
        # (of a report of several patients it says only that one of them is of that sex, unless they are
        # twins of one egg, who are of one sex)
        if len(rows) == 1 or one_egg_twins(report, rows, config.patients):
            indexed_sex(row, report.text)
        title_condition_sex(row, report.title, report.text)  # "Peripartum cardiomyopathy: a case series"
    return rows
