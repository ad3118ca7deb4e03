"""Case records -> tables: the review table (one row per patient), the treatments, labs,
timeline and evidence tables.

Each table's columns are defined once, by a row function of one case (``case_row``,
``treatment_rows``, ``lab_rows``, ``timeline_rows``, ``evidence_rows``) giving plain Python
values: the streaming writers use them case by case, the ``*_frame`` functions build pandas
frames from them with nullable Int64/Float64 number columns.

Every value comes from the ``Case`` object as the cases stage built it; nothing here
re-derives a value. Lists become "; "-joined text, numbers stay numbers.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pipeline.cases.record import Case
from pipeline.export.summary import treatment_summary

if TYPE_CHECKING:  # imported where a frame is built: a JSONL or CSV run never loads pandas
    import pandas as pd

CASE_COLUMNS = (
    "Report",
    "Case",
    "Title",
    "Age",
    "Sex",
    "Primary site",
    "Histology",
    "FIGO stage",
    "Metastasis/recurrence sites",
    "WBC max (×10⁹/L)",
    "WBC values (×10⁹/L)",
    "Drugs",
    "Dates",
    "Outcome",
    "DOI",
    "PMID",
    # beyond the classic Table 1
    "Treatments",
    "FIGO version",
    "TNM",
    "PMCID",
    "Journal",
    "Year",
)
TREATMENT_COLUMNS = ("Report", "Case", "Kind", "Treatment", "Drugs", "Dose", "Route", "Schedule", "Cycles",
                     "Regimen", "Approach", "Setting", "Date", "Written", "Start")
LAB_COLUMNS = ("Report", "Case", "Analyte", "Value", "Unit", "Date", "Date derived", "Written", "Start")
TIMELINE_COLUMNS = ("Report", "Case", "Date", "Derived", "Event", "Values on that date")
EVIDENCE_COLUMNS = ("Report", "Case", "Field", "Value", "Sentence", "Start", "End", "Qualifiers", "In table")
LIST_SEPARATOR = "; "
_CASE_ROW = CASE_COLUMNS  # what case_row gives, in this order


def format_number(value: float) -> str:
    """A number as a reader writes it: 23.0 -> '23', 70.37 -> '70.37', float noise dropped.

    >>> [format_number(v) for v in (5.93, 23.0, 0.1 + 0.2, 141)]
    ['5.93', '23', '0.3', '141']
    """
    number = round(float(value), 6)
    if number.is_integer():
        return str(int(number))
    return repr(number)


def _joined(values: Iterable[object]) -> str | None:
    text = LIST_SEPARATOR.join(
        format_number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
        for v in values
    )
    return text or None


def _numbers(values: list[float | None]) -> pd.Series:
    """Whole numbers as nullable integers (40, not 40.0), anything else as floats."""
    import pandas as pd

    present = [v for v in values if v is not None]
    if all(float(v).is_integer() for v in present):
        return pd.Series([None if v is None else int(v) for v in values], dtype="Int64")
    return pd.Series(values, dtype="Float64")


def case_row(case: Case) -> tuple:
    """One case's row of the review table, ``CASE_COLUMNS`` in order, as plain Python values:
    text or None, numbers as the case holds them (the writers and ``cases_frame`` type them)."""
    return (
        case.doc,
        case.case,
        case.title,
        case.age,
        case.sex,
        case.primary_site,
        case.histology,
        case.figo_stage,
        _joined(case.metastasis_sites),
        case.wbc_max,
        _joined(case.wbc_values),
        _joined(case.drugs),
        _joined(case.dates),
        case.outcome,
        case.doi,
        case.pmid,
        treatment_summary(case.treatments),  # Table-1 style; each treatment in full: treatment_rows
        case.figo_version,
        case.tnm,
        case.pmcid,
        case.journal,
        case.year,
    )


def _frame(rows: Iterable[tuple], columns: tuple[str, ...], dtypes: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(columns), dtype=object)
    for column, dtype in dtypes.items():
        frame[column] = frame[column].astype(dtype)
    return frame


def cases_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """The review table: one row per case, columns ``CASE_COLUMNS`` in that order."""
    frame = _frame((case_row(c) for c in cases), _CASE_ROW, {"Case": "Int64", "WBC max (×10⁹/L)": "Float64"})
    frame["Age"] = _numbers(frame["Age"].tolist())
    if CASE_COLUMNS != _CASE_ROW:  # a caller changed CASE_COLUMNS: follow it, columns not in a row empty
        frame = frame.reindex(columns=list(CASE_COLUMNS))
    return frame


def treatment_text(treatment) -> str:
    """One treatment as a reviewer writes it: "paclitaxel (200 mg; intravenous; 2 cycles; 2012-08-15)"."""
    details = [treatment.dose, treatment.route, treatment.schedule,
               f"{treatment.cycles} cycles" if treatment.cycles else None, treatment.approach, treatment.setting, treatment.date]
    details = [d for d in details if d]
    return f"{treatment.name} ({'; '.join(details)})" if details else treatment.name


def treatment_rows(case: Case) -> Iterator[tuple]:
    """The treatments table's rows of one case, ``TREATMENT_COLUMNS`` in order."""
    for t in case.treatments:
        yield (case.doc, case.case, t.kind, t.name, _joined(t.drugs), t.dose, t.route, t.schedule, t.cycles,
               t.regimen, t.approach, t.setting, t.date, t.written, t.start)


def treatments_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per treatment of each case."""
    rows = (row for c in cases for row in treatment_rows(c))
    return _frame(rows, TREATMENT_COLUMNS, {"Case": "Int64", "Cycles": "Int64", "Start": "Int64"})


def lab_rows(case: Case) -> Iterator[tuple]:
    """The labs table's rows of one case, ``LAB_COLUMNS`` in order."""
    for lab in case.labs:
        yield (case.doc, case.case, lab.analyte, lab.value, lab.unit, lab.date, "yes" if lab.date_derived else None,
               lab.written, lab.start)


def labs_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per laboratory value or measure of each case, in the analyte's canonical unit."""
    rows = (row for c in cases for row in lab_rows(c))
    return _frame(rows, LAB_COLUMNS, {"Case": "Int64", "Start": "Int64", "Value": "Float64"})


def timeline_rows(case: Case) -> Iterator[tuple]:
    """The timeline table's rows of one case, ``TIMELINE_COLUMNS`` in order."""
    for event in case.timeline:
        yield (case.doc, case.case, event.date, "yes" if event.derived else "no", event.event, _joined(event.values))


def timeline_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per dated event of each case, in date order: derived dates are worked out
    from relative times ("68 days after the operation")."""
    rows = (row for c in cases for row in timeline_rows(c))
    return _frame(rows, TIMELINE_COLUMNS, {"Case": "Int64"})


def _value_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return _joined(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def evidence_rows(case: Case) -> Iterator[tuple]:
    """The evidence table's rows of one case, ``EVIDENCE_COLUMNS`` in order. Values are text
    here (a field's evidence mixes numbers and words)."""
    for ev in case.evidence:
        yield (case.doc, case.case, ev.field, _value_text(ev.value), ev.sentence, ev.start, ev.end,
               LIST_SEPARATOR.join(ev.qualifiers) or None, "yes" if ev.kept else "no")


def evidence_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per piece of evidence: which case and field, the value, the sentence, offsets."""
    rows = (row for c in cases for row in evidence_rows(c))
    return _frame(rows, EVIDENCE_COLUMNS, {"Case": "Int64", "Start": "Int64", "End": "Int64"})
