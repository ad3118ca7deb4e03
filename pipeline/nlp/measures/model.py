from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """A laboratory value or clinical measure, e.g. ``Measure("WBC", 70.37, "10^9/L", "70.37*109/L")``.

    ``analyte`` is the span label: the upper-case form of the canonical name in
    ``models/measures/analytes.tsv`` ("WBC", "NEUTROPHILS_PCT", "HAEMOGLOBIN", "CA125",
    "TEMPERATURE", "TUMOUR_SIZE", "RADIATION_DOSE"...). ``value`` is in the analyte's canonical
    ``unit`` (WBC: 10^9/L; haemoglobin: g/L; CRP: mg/L; tumour size: cm, the largest dimension;
    radiation dose: Gy, the total). ``threshold`` marks a definition, cut-off or reference
    range rather than a patient's result ("exceeding 50*109/L", "normal range 4-10 ×10^9/L");
    ``comparator`` is the sign written before the value (">", "≥", "<", "≤"), if any.
    ``dimensions`` are a tumour size's dimensions in cm, as written; ``fractions`` the number
    of fractions of a radiation dose, when written.
    """

    analyte: str
    value: float
    unit: str
    written: str
    threshold: bool = False
    comparator: str | None = None
    dimensions: tuple[float, ...] = ()
    fractions: int | None = None

    def norm(self) -> float:
        """The normalised value, in the analyte's canonical unit (WBC: 10^9/L).

        >>> Measure("WBC", 30.4, "10^9/L", "30,400/µL").norm()
        30.4
        """
        return self.value
