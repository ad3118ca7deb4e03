from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    """A FIGO stage, e.g. ``Stage("IIA1", figo=True, version="2018")``."""

    stage: str
    figo: bool = False  # the text says FIGO explicitly
    version: str | None = None  # the FIGO edition ("2009", "2018", "2023") when written in the sentence

    def norm(self) -> str:
        """The value of the table's ``figo_stage`` field.

        >>> Stage("IIIC1", figo=True, version="2018").norm()
        'IIIC1'
        """
        return self.stage


@dataclass(frozen=True)
class TNM:
    """A TNM classification, e.g. ``TNM("T1b2", "N1", "M0", "p", "pT1b2N1M0", "8")``.

    ``t``, ``n`` and ``m`` are the categories without their prefix (None when not written);
    ``prefix`` is the prefix of the first category ("p" pathological, "c" clinical, "yp"
    after neoadjuvant therapy, "r" recurrence); ``written`` is the text; ``edition`` the AJCC
    or UICC edition ("8" for "AJCC 8th edition") when written in the sentence.
    """

    t: str | None
    n: str | None
    m: str | None
    prefix: str | None
    written: str
    edition: str | None = None

    @property
    def compact(self) -> str:
        """ "pT1b2N1M0": the prefix then the categories, as a review table writes them."""
        return (self.prefix or "") + "".join(c for c in (self.t, self.n, self.m) if c)

    def norm(self) -> str:
        """The normalised value: the compact classification.

        >>> TNM("T1b2", "N1", "M0", "p", "pT1b2 N1 M0").norm()
        'pT1b2N1M0'
        """
        return self.compact
