from dataclasses import dataclass


@dataclass(frozen=True)
class Histology:
    """A histological type, normalised, e.g. ``Histology("squamous cell carcinoma",
    written="cervical squamous carcinoma", grade="G2")``.

    ``grade`` is the grade written near the name when there is one: "G1", "G2", "G3",
    "low", "high", "intermediate", or "well" / "moderately" / "poorly differentiated".
    ``hedged`` is True when the words before the name make it a possibility, a mimic or a
    misdiagnosis ("suspicious for squamous cell carcinoma", "misdiagnosed as leiomyosarcoma").
    ``final`` is True when its sentence gives it as the final or established diagnosis.
    """

    histology: str
    written: str
    grade: str | None = None
    hedged: bool = False  # named as a possibility or a misdiagnosis ("suspicious for ...")
    final: bool = False  # named as the final diagnosis ("a diagnosis of ... melanoma was established")

    def norm(self) -> str:
        """The value of the table's ``histology`` field: the normalised type.

        >>> Histology("squamous cell carcinoma", "cervical squamous carcinoma", grade="G2").norm()
        'squamous cell carcinoma'
        """
        return self.histology
