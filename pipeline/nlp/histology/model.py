from dataclasses import dataclass


@dataclass(frozen=True)
class Histology:
    """A histological type, normalised, e.g. ``Histology("squamous cell carcinoma",
    written="cervical squamous carcinoma", grade="G2")``.

    ``grade`` is the grade written near the name when there is one: "G1", "G2", "G3",
    "low", "high", "intermediate", or "well" / "moderately" / "poorly differentiated".
    """

    histology: str
    written: str
    grade: str | None = None
