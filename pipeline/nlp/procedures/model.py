from dataclasses import dataclass


@dataclass(frozen=True)
class Procedure:
    """A procedure or treatment word, e.g. ``Procedure("radical hysterectomy", "surgery",
    "laparoscopic radical hysterectomy", approach="laparoscopic")``.

    ``name`` is normalised ("radical hysterectomy", "pelvic lymphadenectomy", "external beam
    radiotherapy", "chemoradiation", "chemotherapy", "blood transfusion", "biopsy"...); ``kind``
    is "surgery", "radiotherapy", "systemic" or "other" (supportive, diagnostic and
    interventional procedures); ``written`` is the text, with the approach and setting words
    before the name. ``dose`` is a radiotherapy dose in Gy ("45 Gy in 25 fractions", "56 Gy in
    2 Gy fractions"); ``approach`` how a surgery was done ("laparoscopic", "robotic-assisted",
    "open", "vaginal", "endoscopic", "percutaneous", "image-guided"...); ``setting`` when or
    why ("neoadjuvant", "adjuvant", "concurrent", "palliative", "salvage", "definitive"...);
    ``cycles`` the number of cycles or courses of a systemic therapy ("two courses of
    chemotherapy" -> 2).
    """

    name: str
    kind: str
    written: str
    dose: str | None = None
    approach: str | None = None
    setting: str | None = None
    cycles: int | None = None

    def norm(self) -> str:
        """The normalised value: the procedure's name.

        >>> Procedure("radical hysterectomy", "surgery", "laparoscopic radical hysterectomy").norm()
        'radical hysterectomy'
        """
        return self.name
