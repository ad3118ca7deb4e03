"""The per-patient record every exporter reads. Field names are those of the annotation
contract (ANNOTATION.md): age, sex, primary_site, histology, figo_stage, metastasis_sites,
wbc_values, wbc_max, drugs, dates, outcome."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Fields of the annotation contract, in Table-1 order.
FIELDS = (
    "age",
    "sex",
    "primary_site",
    "histology",
    "figo_stage",
    "metastasis_sites",
    "wbc_values",
    "wbc_max",
    "drugs",
    "dates",
    "outcome",
)
LIST_FIELDS = ("metastasis_sites", "wbc_values", "drugs", "dates")


@dataclass(frozen=True)
class Evidence:
    """Where a value comes from: the sentence, and character offsets in the report text."""

    field: str
    value: object
    sentence: str
    start: int  # of the mention, in the report text
    end: int
    sentence_start: int
    qualifiers: tuple[str, ...] = ()  # e.g. ("negated", "subject=other", "section=discussion")
    kept: bool = True  # False: a mention found in the text but kept out of the table


@dataclass
class Case:
    """One patient of one report."""

    doc: str  # the input file's name
    case: int = 1  # 1-based index of the patient within the report
    title: str | None = None
    doi: str | None = None
    pmid: str | None = None
    age: float | None = None
    sex: str | None = None
    primary_site: str | None = None
    histology: str | None = None
    figo_stage: str | None = None
    metastasis_sites: list[str] = field(default_factory=list)
    wbc_values: list[float] = field(default_factory=list)
    wbc_max: float | None = None
    drugs: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    outcome: str | None = None
    # beyond the annotation contract: what a Table 1 is built from
    figo_version: str | None = None  # "2009", "2018" when the text says which FIGO edition
    tnm: str | None = None  # first TNM stated, compact ("pT1b2N1M0")
    treatments: list = field(default_factory=list)  # pipeline.cases.treatments.Treatment
    labs: list = field(default_factory=list)  # pipeline.cases.labs.LabValue
    timeline: list = field(default_factory=list)  # pipeline.cases.timeline.TimelineEvent
    # where the report comes from
    pmcid: str | None = None
    journal: str | None = None
    year: str | None = None
    authors: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def cancer(self) -> bool:
        """Whether the row is a cancer case: it names a primary site, a histological type (an organ
        outside the site list has a type too) or a metastasis of the patient's."""
        return self.primary_site is not None or self.histology is not None or bool(self.metastasis_sites)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict: ``doc``, ``case``, the contract fields, metadata, evidence."""
        record = asdict(self)
        if isinstance(self.age, float) and self.age.is_integer():
            record["age"] = int(self.age)
        return record
