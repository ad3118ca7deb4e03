"""Case records -> tables: the review table (one row per patient) and the evidence table.

Every value comes from the ``Case`` object as the cases stage built it; nothing here
re-derives a value. Lists become "; "-joined text, numbers stay numbers.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.cases.record import Case

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
    present = [v for v in values if v is not None]
    if all(float(v).is_integer() for v in present):
        return pd.Series([None if v is None else int(v) for v in values], dtype="Int64")
    return pd.Series(values, dtype="Float64")


def cases_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """The review table: one row per case, columns ``CASE_COLUMNS`` in that order."""
    cases = list(cases)
    frame = pd.DataFrame(
        {
            "Report": pd.Series([c.doc for c in cases], dtype=object),
            "Case": pd.Series([c.case for c in cases], dtype="Int64"),
            "Title": pd.Series([c.title for c in cases], dtype=object),
            "Age": _numbers([c.age for c in cases]),
            "Sex": pd.Series([c.sex for c in cases], dtype=object),
            "Primary site": pd.Series([c.primary_site for c in cases], dtype=object),
            "Histology": pd.Series([c.histology for c in cases], dtype=object),
            "FIGO stage": pd.Series([c.figo_stage for c in cases], dtype=object),
            "Metastasis/recurrence sites": pd.Series(
                [_joined(c.metastasis_sites) for c in cases], dtype=object
            ),
            "WBC max (×10⁹/L)": pd.Series([c.wbc_max for c in cases], dtype="Float64"),
            "WBC values (×10⁹/L)": pd.Series(
                [_joined(c.wbc_values) for c in cases], dtype=object
            ),
            "Drugs": pd.Series([_joined(c.drugs) for c in cases], dtype=object),
            "Dates": pd.Series([_joined(c.dates) for c in cases], dtype=object),
            "Outcome": pd.Series([c.outcome for c in cases], dtype=object),
            "DOI": pd.Series([c.doi for c in cases], dtype=object),
            "PMID": pd.Series([c.pmid for c in cases], dtype=object),
            "Treatments": pd.Series([_joined(treatment_text(t) for t in c.treatments) for c in cases], dtype=object),
            "FIGO version": pd.Series([c.figo_version for c in cases], dtype=object),
            "TNM": pd.Series([c.tnm for c in cases], dtype=object),
            "PMCID": pd.Series([c.pmcid for c in cases], dtype=object),
            "Journal": pd.Series([c.journal for c in cases], dtype=object),
            "Year": pd.Series([c.year for c in cases], dtype=object),
        },
        columns=list(CASE_COLUMNS),
    )
    return frame


def treatment_text(treatment) -> str:
    """One treatment as a reviewer writes it: "paclitaxel (200 mg; intravenous; 2 cycles; 2012-08-15)"."""
    details = [treatment.dose, treatment.route, treatment.schedule,
               f"{treatment.cycles} cycles" if treatment.cycles else None, treatment.approach, treatment.setting, treatment.date]
    details = [d for d in details if d]
    return f"{treatment.name} ({'; '.join(details)})" if details else treatment.name


def treatments_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per treatment of each case."""
    rows = [
        (c.doc, c.case, t.kind, t.name, _joined(t.drugs), t.dose, t.route, t.schedule, t.cycles, t.regimen,
         t.approach, t.setting, t.date, t.written, t.start)
        for c in cases for t in c.treatments
    ]
    frame = pd.DataFrame(rows, columns=list(TREATMENT_COLUMNS), dtype=object)
    for column in ("Case", "Cycles", "Start"):
        frame[column] = frame[column].astype("Int64")
    return frame


def labs_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per laboratory value or measure of each case, in the analyte's canonical unit."""
    rows = [
        (c.doc, c.case, lab.analyte, lab.value, lab.unit, lab.date, "yes" if lab.date_derived else None, lab.written, lab.start)
        for c in cases for lab in c.labs
    ]
    frame = pd.DataFrame(rows, columns=list(LAB_COLUMNS), dtype=object)
    frame["Case"] = frame["Case"].astype("Int64")
    frame["Start"] = frame["Start"].astype("Int64")
    frame["Value"] = frame["Value"].astype("Float64")
    return frame


def timeline_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per dated event of each case, in date order: derived dates are worked out
    from relative times ("68 days after the operation")."""
    rows = [
        (c.doc, c.case, event.date, "yes" if event.derived else "no", event.event, _joined(event.values))
        for c in cases for event in c.timeline
    ]
    frame = pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS), dtype=object)
    frame["Case"] = frame["Case"].astype("Int64")
    return frame


def _value_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return _joined(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def evidence_frame(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per piece of evidence: which case and field, the value, the sentence, offsets.

    Values are text here (a field's evidence mixes numbers and words).
    """
    rows = [
        (
            case.doc,
            case.case,
            ev.field,
            _value_text(ev.value),
            ev.sentence,
            ev.start,
            ev.end,
            LIST_SEPARATOR.join(ev.qualifiers) or None,
            "yes" if ev.kept else "no",
        )
        for case in cases
        for ev in case.evidence
    ]
    frame = pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS), dtype=object)
    for column in ("Case", "Start", "End"):
        frame[column] = frame[column].astype("Int64")
    return frame
