"""A patient's laboratory values and clinical measures, normalised and dated.

Pure functions over the patient's :class:`~pipeline.cases.mentions.Mention` records (text order).
Values come from the ``measures`` group (already in their analyte's canonical unit, see
``models/measures/analytes.tsv``); thresholds, cut-offs and reference ranges are left out. Each
value takes the date of the time-line point it is written with (``pipeline.cases.timeline``: a
date in its sentence, else the last date before it in its section, close by), or None.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.cases.mentions import Mention
from pipeline.cases.timeline_dating import Dating
from pipeline.cases.timeline_values import format_measure


@dataclass(frozen=True)
class LabValue:
    """One value of the patient, e.g. ``LabValue("wbc", 70.37, "10^9/L", "2012-08-25",
    "70.37*109/L", 5120)``.

    ``analyte`` is the canonical name ("wbc", "neutrophils_pct", "haemoglobin", "crp", "scc_ag",
    "ca125", "cea", "g_csf", "il_6", "lap_score", "temperature", "tumour_size",
    "radiation_dose"...); ``value`` is in ``unit``, the analyte's canonical unit; ``date`` is ISO
    at its precision, ``date_derived`` when it was worked out from a relative time ("on the
    following day"); ``written`` is the value as the text writes it and ``start`` its offset in
    the report. ``dimensions`` are a tumour size's dimensions in cm (``value`` is the largest);
    ``fractions`` the number of fractions of a radiation dose, when written.
    """

    analyte: str
    value: float
    unit: str
    date: str | None
    written: str
    start: int
    dimensions: tuple[float, ...] = ()
    fractions: int | None = None
    date_derived: bool = False

    def __str__(self) -> str:
        return format_measure(self)

    @property
    def comparator(self) -> None:  # read by format_measure
        return None


def case_labs(mentions: list[Mention], dating: Dating | None = None) -> list[LabValue]:
    """The patient's values in text order (thresholds and reference ranges excluded;
    ``dating``: the case's, if already worked out)."""
    dating = dating or Dating(mentions)
    points = dating.points
    labs = []
    for mention in mentions:
        if mention.group != "measures" or getattr(mention.value, "threshold", False):
            continue
        measure = mention.value
        index = dating.index(mention)
        point = points[index] if index is not None else None
        labs.append(
            LabValue(
                measure.analyte.lower(),
                measure.value,
                measure.unit,
                point.date if point else None,
                measure.written,
                mention.start,
                tuple(getattr(measure, "dimensions", ()) or ()),
                getattr(measure, "fractions", None),
                bool(point and point.derived),
            )
        )
    return labs


def wbc_series(labs: list[LabValue]) -> list[tuple[str | None, float]]:
    """(date, value in 10^9/L) of every white-cell count, in text order: what ``wbc_values`` and
    ``wbc_max`` are made of."""
    return [(lab.date, lab.value) for lab in labs if lab.analyte == "wbc"]
