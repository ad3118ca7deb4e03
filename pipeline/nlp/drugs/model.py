from dataclasses import dataclass


@dataclass(frozen=True)
class Drug:
    """A drug mention, e.g. ``Drug(("piperacillin", "tazobactam"), "piperacillin-tazobactam")``.

    ``generics`` are lowercase INN names (a combination or regimen gives all its components);
    ``written`` is the name as the text writes it; ``fuzzy`` marks a misspelling matched by
    edit distance. Read from the sentence (see ``details.py``): ``dose`` normalised ("75 mg/m2",
    "200 mg", "AUC 5", "5 µg/kg/day"), ``route`` ("intravenous", "oral"...), ``schedule``
    ("every 3 weeks", "daily", "twice daily", "days 1 and 8 every 3 weeks"), ``cycles`` (the
    number of cycles or courses: 2 for "two courses of paclitaxel and cisplatin") and
    ``regimen`` (the regimen code the drug was given as: "TC" for "6 cycles of TC", and for
    "paclitaxel and carboplatin (TC)").
    """

    generics: tuple[str, ...]
    written: str
    fuzzy: bool = False
    dose: str | None = None
    route: str | None = None
    schedule: str | None = None
    cycles: int | None = None
    regimen: str | None = None

    def norm(self) -> str:
        """The normalised value: the generics, joined.

        >>> Drug(("piperacillin", "tazobactam"), "Tazocin").norm()
        'piperacillin, tazobactam'
        """
        return ", ".join(self.generics)
