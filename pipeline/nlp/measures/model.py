from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """A laboratory value, e.g. ``Measure("WBC", 70.37, "10^9/L", "70.37*109/L")``.

    ``value`` is in the analyte's canonical ``unit`` (WBC: 10^9/L). ``threshold`` marks a
    definition, cut-off or reference range rather than a patient's result ("exceeding
    50*109/L", "normal range 4-10 ×10^9/L"); ``comparator`` is the sign written before the
    value (">", "≥", "<", "≤"), if any.
    """

    analyte: str
    value: float
    unit: str
    written: str
    threshold: bool = False
    comparator: str | None = None
