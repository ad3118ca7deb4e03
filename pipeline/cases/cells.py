"""The filling of one case's cells from the mentions of its part of the report (and the shared
ones of the title and abstract), with the evidence of every value: the tumour's cells
(``cells_tumour.py``, ``cells_spread.py``), the age and sex (``cells_age_sex.py``), the white-cell
counts, drugs, dates, status, treatments, labs and timeline here, and the mentions left unused
(``cells_evidence.py``)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.cells_age_sex import _age, _kin_named_patient_age, _sex, _sex_of_anatomy, _sex_of_primary
from pipeline.cases.cells_evidence import _unused
from pipeline.cases.cells_spread import metastasis_sites_cell
from pipeline.cases.cells_tumour import histology_and_stage_cells, primary_site_cell
from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.course_dates import course_dates
from pipeline.cases.labs import case_labs
from pipeline.cases.mentions import Mention
from pipeline.cases.outcome import case_outcome
from pipeline.cases.outcome_misread import may_be_mother
from pipeline.cases.patients import about_patient, recommendation_followed
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series_joint import given_to_one
from pipeline.cases.series_newborns import mothers_age_in_newborn_report
from pipeline.cases.timeline import Dating, case_timeline
from pipeline.cases.treatments import case_staging, case_treatments, staging_mentions
from pipeline.ingest.report import Report


def _fill(case: Case, mentions: list[Mention], shared: list[Mention], config: AssemblyConfig = DEFAULT,
          several: bool = False, report: Report | None = None, title_named: list[Mention] = (), patients: int = 1) -> None:
    mine = [m for m in mentions if about_patient(m)]
    followed = {id(m) for m in mentions if recommendation_followed(m, mine)}
    if followed:  # a drug recommended, then the course told on: given (patients.recommendation_followed)
        mine = [m for m in mentions if id(m) in followed or about_patient(m)]
    by_group: dict[str, list[Mention]] = {}
    for mention in mine:
        by_group.setdefault(mention.group, []).append(mention)
    evidence: list[Evidence] = []

    def keep(field: str, value, mention: Mention):
        evidence.append(
            Evidence(field, value, mention.sentence, mention.start, mention.end, mention.sentence_start, mention.qualifiers)
        )
        return value

    demographics = by_group.get("demographics", [])
    age = _age(demographics) or (_kin_named_patient_age(mentions) if several else None)
    if age:
        case.age = keep("age", age.value.years, age)

    # a "Case 2" part that names no primary falls back on the title and abstract
    primary, remote_only, marrow = primary_site_cell(case, by_group, shared, mentions, config, keep)

    case.sex = _sex(demographics, case, keep)

    site_mentions, stage = histology_and_stage_cells(case, by_group, shared, mentions, mine, primary, remote_only,
                                                     marrow, config, several, evidence, keep, title_named)
    if case.sex is None:  # "primary uterine lymphoma", "prostatic adenocarcinoma" of a patient no word names
        _sex_of_primary(case, evidence, config.sex_words)
    if case.sex is None:  # "A 54-year-old presented with scrotal pain", "underwent hysterectomy for a uterine mass"
        _sex_of_anatomy(case, by_group, evidence, config.sex_words)

    metastasis_sites_cell(case, by_group, mentions, primary, remote_only, stage, config, evidence, keep)

    for mention in by_group.get("measures", []):
        value = mention.value
        # a count the sentence only plans or aims for ("G-CSF till white blood counts recover to more than
        # 10,000/µL") is no result of the patient's
        if value.analyte.lower() == "wbc" and not value.threshold and not mention.hypothetical:
            case.wbc_values.append(keep("wbc_values", round(value.value, 2), mention))
    case.wbc_max = max(case.wbc_values) if case.wbc_values else None

    # in a report of several patients, only the drugs that are this patient's own (_own_drug):
    # the Drugs and the Treatments columns both read them from ``own``
    own = [m for m in mine if not (several and m.group == "drugs" and not _own_drug(m, case.case, patients))]
    drugs = {}
    # a drug named only in the keywords ("Keywords: ..., brentuximab vedotin, pruritus") says nothing of its giving
    for mention in (m for m in own if m.group == "drugs" and not _in_keywords(m)):
        for generic in mention.value.generics:
            if generic not in drugs:
                drugs[generic] = keep("drugs", generic, mention)
    case.drugs = sorted(drugs)

    dates = {}
    for mention in course_dates(by_group.get("dates", []), mine):
        if not mention.value.metadata and mention.value.iso not in dates:
            dates[mention.value.iso] = keep("dates", mention.value.iso, mention)
    case.dates = sorted(dates)

    # "both patients died" in the abstract, before "Case 1", is every case's status
    # whether this is a cancer case is what the row says (a cancer of the remote history is none)
    # (a named histological type is a cancer too, when the organ is not on the site list; so is
    # a metastasis of the patient's that the row keeps: "lytic lesions consistent with bony
    # metastasis ... diagnostic of KS" is a tumour report whose type the lexicon did not read)
    statuses = [_status_of_the_aged_relative(m, evidence) if several else m for m in by_group.get("outcome", [])]
    outcome = case_outcome(statuses, mentions, shared, by_group.get("sites", []), site_mentions,
                           case.cancer, case.case, several, config, mother=_may_be_mother(case, age, report, config),
                           title=case.title)
    if outcome:
        case.outcome = keep("outcome", outcome.value.category, outcome)

    case.treatments = case_treatments(own, config.procedures)
    dating = Dating(mine)
    case.labs = case_labs(mine, dating)
    case.timeline = case_timeline(mine, dating)
    staging = case_staging(mine)
    for name, mention in staging_mentions(mine).items():
        if mention is not None and staging[name] is not None:
            setattr(case, name, keep(name, staging[name], mention))
    case.evidence = evidence + _unused(mentions, evidence)


def _status_of_the_aged_relative(mention: Mention, evidence: list[Evidence]) -> Mention:
    """A status told of the relative the row is, in the very clause that gives the row its age ("The 58 year
    old mother died after four days" of a family's poisoning, the mother being the first patient): the
    patient's own, though a kin word names its subject."""
    if not mention.value.subject_other_person:
        return mention
    age = next((e for e in evidence if e.field == "age" and e.kept and e.sentence_start == mention.sentence_start), None)
    if age is None or not 0 <= mention.start - age.end <= AGED_SUBJECT_REACH:
        return mention
    between = mention.sentence[age.end - mention.sentence_start:mention.start - mention.sentence_start]
    if OTHER_CLAUSE.search(between):
        return mention  # "A 5-year-old boy, whose mother died of the same disease, ..."
    return replace(mention, value=replace(mention.value, subject_other_person=False, subject_mother=False))


# How far after the row's age its relative's status may stand, and what makes the status another clause's.
AGED_SUBJECT_REACH = 60
OTHER_CLAUSE = re.compile(r"[,;:(]|\bwho(?:se|m)?\b|\b(?:her|his|their|its)\b", re.IGNORECASE)


# Where a patient's part of a report of several holds the patient's own text: the case
# description, or an abstract that the "Case 2:" heading stands in ("Abstract ... Case 1: ...
# Case 2: A 66-year-old woman ... was treated with cisplatin").
OWN_DRUG_SECTIONS = frozenset({None, "case", "body", "abstract"})
# A row of a table of patients flattened to text: the patient's number, then a cell break.
TABLE_ROW = re.compile(r"\s*(?:(?:case|patient|pt)\.?\s*(?:no\.?\s*)?)?(\d{1,2})\s*(?:\||\t|\s{2,})", re.IGNORECASE)


def _own_drug(mention: Mention, number: int = 0, patients: int = 1) -> bool:
    """In a report of several patients, a drug is this patient's when it stands in the patient's
    own case text or its sentence names the patient: a summary table or a conclusion after the
    last case lists the drugs of every patient. A row of a table of the patients ("1 | 61 |
    Cisplatin + RT") is the patient's whose number opens it. A drug of a clause told of some of the
    ``patients`` ("All three recovered and, in two, bromocriptine shortened the course") is no one's in
    particular."""
    row = TABLE_ROW.match(mention.sentence)
    if row and number and 1 <= int(row.group(1)) <= 10:  # a patient's number, not a day or an age
        return int(row.group(1)) == number
    if patients > 1 and given_to_one(mention.sentence, mention.sentence_start, mention.end, mention.start, patients):
        return False
    return mention.section in OWN_DRUG_SECTIONS or mention.subject == "patient"


def _may_be_mother(case: Case, age: Mention | None, report: Report | None, config: AssemblyConfig) -> bool:
    """Whether the row is a woman who may be the mother of a newborn the report tells of: not when
    her age is the mother's written in a report about the newborn (the row is the newborn; see
    cases/series_newborns.py)."""
    if not may_be_mother(case):
        return False
    return not (report is not None and age is not None
                and mothers_age_in_newborn_report(report, age.start, age.end, config.patients))


# A keywords label before a mention in its sentence ("Categories: Oncology Keywords: ..., brentuximab vedotin").
KEYWORDS_LABEL = re.compile(r"(?i)\b(?:key\s*-?\s*words?|index\s+terms)\s*:")


def _in_keywords(mention: Mention) -> bool:
    """Whether a mention stands in a keywords line, after its label (a list of terms with no label, "paracetamol,
    acute poisoning, acute liver failure, acetylcysteine", reads as a list of the patient's medications would)."""
    return bool(KEYWORDS_LABEL.search(mention.sentence, 0, max(0, mention.start - mention.sentence_start)))
