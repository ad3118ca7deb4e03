from dataclasses import dataclass


@dataclass(frozen=True)
class Age:
    """An age, e.g. ``Age(40.0, "40-year-old", unit="year", form="adjective", noun="woman")``.

    ``years`` is a fraction of a year for infants (7 months -> 0.58, two decimals).
    """

    years: float
    written: str
    unit: str = "year"  # "year", "month", "week", "day" or "hour", as written
    # how the age is stated: "adjective" ("a 40-year-old woman"), "stated" ("40 years of age",
    # "was 40 years old"), "aged" ("aged 40", "Age: 40") or "at_age" ("at the age of 12", "at
    # age 12", which often dates an earlier event such as menarche or a first diagnosis)
    form: str = "adjective"
    noun: str | None = None  # the person word that follows ("woman", "patient", "sister"), lowercased
    relative: bool = False  # that word names a relative ("her 10-year-old sister")
    # the child a parent or carer is named after ("the mother of a 5-year-old boy"): the patient's
    # age, though the sentence's subject is the parent
    kin_named: bool = False
    sex: str | None = None  # the sex that word states ("woman" -> "female"), if any

    def norm(self) -> float:
        """The value of the table's ``age`` field: years, a fraction for infants.

        >>> Age(0.58, "7-month-old", unit="month").norm()
        0.58
        """
        return self.years


@dataclass(frozen=True)
class Sex:
    """A word that states or implies a sex, e.g. ``Sex("female", "woman")``.

    ``evidence`` is "word" (woman, male, girl...), "title" (Mr, Mrs, Ms), "pronoun" (she, his:
    weak), "relative" (mother, son: about a relative, not necessarily the patient), "obstetric"
    (gravida, G2P1, postmenopausal) or "anatomy" (uterus, hysterectomy, prostate).
    ``plural`` marks groups ("women", "female patients"), usually general background.
    """

    sex: str  # "female" or "male"
    written: str
    evidence: str = "word"
    plural: bool = False

    def norm(self) -> str:
        """The value of the table's ``sex`` field: "female" or "male".

        >>> Sex("female", "woman").norm()
        'female'
        """
        return self.sex

    @property
    def pronoun(self) -> bool:
        return self.evidence == "pronoun"

    @property
    def relative(self) -> bool:
        return self.evidence == "relative"

    @property
    def inferred(self) -> bool:
        """True when the sex is inferred from obstetric history or anatomy, not said."""
        return self.evidence in ("obstetric", "anatomy")
