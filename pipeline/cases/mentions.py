"""Docs -> flat mention records: what case assembly needs of a Doc, small enough to send
back from a worker process (Docs are not), with offsets in the whole report's text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.nlp.extensions import FINDING_GROUPS
from pipeline.nlp.text import doc_text, sentence_starts


@dataclass(frozen=True)
class Mention:
    group: str  # the span group: "drugs", "sites", ...
    label: str
    value: object  # the family's value dataclass
    text: str
    start: int  # character offsets in the report text
    end: int
    sentence: str
    sentence_start: int
    section: str | None
    section_start: int  # where that section starts: tells two "case" sections apart
    subject: str
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    patient: int = 0  # "Case N" part of the report the mention stands in (0: before any)

    @property
    def qualifiers(self) -> tuple[str, ...]:
        flags = [name for name in ("negated", "hypothetical", "historical") if getattr(self, name)]
        return tuple(flags) + (f"subject={self.subject}", f"section={self.section}")


@dataclass(frozen=True)
class PatientStart:
    number: int
    start: int  # character offset in the report text


def doc_mentions(doc: Doc, offset: int = 0) -> tuple[list[Mention], list[PatientStart]]:
    """Every finding of ``doc`` as a :class:`Mention`; ``offset`` is where ``doc`` starts in
    the report (reports longer than one Doc are processed in chunks)."""
    starts = sentence_starts(doc)
    text = doc_text(doc)  # slices of it, not Span.text, which walks every token
    sentences: dict[int, tuple[str, int]] = {}
    sections = list(doc.spans["sections"]) if "sections" in doc.spans else []
    section_starts = [s.start for s in sections]
    mentions = []
    for group in FINDING_GROUPS:
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
            index = bisect.bisect_right(starts, span.start) - 1
            if index not in sentences:
                end = starts[index + 1] if index + 1 < len(starts) else len(doc)
                sentence = doc[starts[index]:end]
                sentences[index] = (text[sentence.start_char:sentence.end_char].strip(), sentence.start_char)
            sentence_text, sentence_start = sentences[index]
            in_section = bisect.bisect_right(section_starts, span.start) - 1
            section_start = sections[in_section].start_char if in_section >= 0 else 0
            mentions.append(
                Mention(
                    group=group,
                    label=span.label_,
                    value=span._.value,
                    text=text[span.start_char:span.end_char],
                    start=span.start_char + offset,
                    end=span.end_char + offset,
                    sentence=sentence_text,
                    sentence_start=sentence_start + offset,
                    section=span._.section,
                    section_start=section_start + offset,
                    subject=span._.subject,
                    negated=span._.negated,
                    hypothetical=span._.hypothetical,
                    historical=span._.historical,
                )
            )
    patients = []
    if "patients" in doc.spans:
        patients = [PatientStart(s._.value.number, s.start_char + offset) for s in doc.spans["patients"]]
    return mentions, patients
