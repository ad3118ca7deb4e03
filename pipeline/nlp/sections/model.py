from dataclasses import dataclass

# Sections whose findings belong to the reported patient unless a sentence says otherwise.
PATIENT_SECTIONS = frozenset({"front", "abstract", "case", "conclusion"})
# Sections that never hold the patient's data.
EXCLUDED_SECTIONS = frozenset({"references", "back", "furniture"})


@dataclass(frozen=True)
class Section:
    """A section of the report: ``name`` is one of front, abstract, background, case,
    discussion, conclusion, references, back,
    furniture (page furniture: author blocks, keywords, citation boxes); ``heading`` is the line that opened it."""

    name: str
    heading: str | None = None


@dataclass(frozen=True)
class PatientMarker:
    """A "Case 2" / "Patient 2" heading that starts the part of a report about one patient."""

    number: int
    heading: str
    # "heading" ("Case 2" on its line), "inline" (run into the text), "introduced" ("Her sister,
    # aged 12, ...": no heading; the narrative may go back and forth between the patients) or
    # "implicit" (patient 1 of a report whose second patient is introduced in the running text)
    kind: str = "heading"
