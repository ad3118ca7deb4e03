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
)
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
        },
        columns=list(CASE_COLUMNS),
    )
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
