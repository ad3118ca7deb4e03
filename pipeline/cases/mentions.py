"""Docs -> flat mention records: what case assembly needs of a Doc, small enough to send
back from a worker process (Docs are not), with offsets in the whole report's text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is read: results unpickled from the cache need only the records
    from spacy.tokens import Doc


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
    presenting: bool = False  # its sentence presents a patient ("A 7-year-old boy was referred ...")

    @property
    def qualifiers(self) -> tuple[str, ...]:
        flags = [name for name in ("negated", "hypothetical", "historical") if getattr(self, name)]
        return tuple(flags) + (f"subject={self.subject}", f"section={self.section}")


@dataclass(frozen=True)
class PatientStart:
    number: int
    start: int  # character offset in the report text
    kind: str = "heading"  # heading, inline, introduced (in the running text) or implicit (see PatientMarker)
    end: int = -1  # end of the words that introduce the patient ("her 10-year-old sister")
    heading: str = ""  # those words, or the heading ("Case 2", "the younger brother")


def stated_primaries(sites: list[Mention]) -> list[Mention]:
    """The site mentions read as a primary and not only weighed ("a primary of the ovary was
    considered" is hypothetical)."""
    return [m for m in sites if m.value.role == "primary" and not m.hypothetical]


def _case_region_starts(sections: list) -> list[int]:
    """The start of each section, a run of "case" sections in a row taking the first one's."""
    starts = []
    for index, section in enumerate(sections):
        if index and section.label_ == "case" and sections[index - 1].label_ == "case":
            starts.append(starts[-1])
        else:
            starts.append(section.start_char)
    return starts


def doc_mentions(doc: Doc, offset: int = 0) -> tuple[list[Mention], list[PatientStart]]:
    """Every finding of ``doc`` as a :class:`Mention`; ``offset`` is where ``doc`` starts in
    the report (reports longer than one Doc are processed in chunks)."""
    from pipeline.nlp.extensions import FINDING_GROUPS
    from pipeline.nlp.text import doc_text, sentence_starts

    starts = sentence_starts(doc)
    text = doc_text(doc)  # slices of it, not Span.text, which walks every token
    sentences: dict[int, tuple[int, int]] = {}  # sentence index -> (start, end) character
    pieces: dict[tuple[int, int], tuple[str, int]] = {}  # one string per piece of text: shared
    sections = list(doc.spans["sections"]) if "sections" in doc.spans else []
    section_starts = [s.start for s in sections]
    # the parts of a case description under subheadings ("Investigations", "Treatment", "Outcome
    # and follow-up") are one section for what reads a section as one telling of the story
    region_starts = _case_region_starts(sections)
    presenting = [(s.start, s.end) for s in doc.spans["presenting"]] if "presenting" in doc.spans else []
    mentions = []
    for group in FINDING_GROUPS:
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
            index = bisect.bisect_right(starts, span.start) - 1
            if index not in sentences:
                end = starts[index + 1] if index + 1 < len(starts) else len(doc)
                sentences[index] = (doc[starts[index]].idx, doc[end - 1].idx + len(doc[end - 1].text_with_ws))
            sentence_text, sentence_start = _evidence_sentence(text, *sentences[index], span, pieces)
            in_section = bisect.bisect_right(section_starts, span.start) - 1
            section_start = region_starts[in_section] if in_section >= 0 else 0
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
                    presenting=group == "demographics" and any(b <= span.start and span.end <= e for b, e in presenting),
                )
            )
    patients = []
    if "patients" in doc.spans:
        patients = [PatientStart(s._.value.number, s.start_char + offset, s._.value.kind, s.end_char + offset, s._.value.heading)
                    for s in doc.spans["patients"]]
    return mentions, patients


# Evidence is one sentence per mention. A "sentence" of a table or a page flattened to one line
# can run to a whole chunk (200,000 characters) holding thousands of findings: each would carry
# all of it, and the output grows with mentions x chunk length. Beyond this length a sentence is
# cut in pieces of about this many characters (at a full stop or a space); each piece stands for
# a sentence (evidence, and the grouping by sentence_start of treatments and timeline).
SENTENCE_LIMIT = 1000


def _evidence_sentence(text: str, start: int, end: int, span, pieces: dict) -> tuple[str, int]:
    """(stripped text, start) of the sentence [start, end) of ``text`` holding ``span``, or of
    its piece that does when the sentence is longer than SENTENCE_LIMIT."""
    if end - start > SENTENCE_LIMIT:
        piece = (span.start_char - start) // SENTENCE_LIMIT
        if span.start_char < _cut(text, start, end, piece):
            piece -= 1
        start, piece_end = _cut(text, start, end, piece), _cut(text, start, end, piece + 1)
        end = max(piece_end, span.end_char)  # a mention across the cut keeps its whole text
    if (start, end) not in pieces:
        pieces[(start, end)] = (text[start:end].strip(), start)
    return pieces[(start, end)]


def _cut(text: str, start: int, end: int, piece: int) -> int:
    """Where piece ``piece`` of the long sentence [start, end) starts: after the first full stop
    and space within 200 characters of its nominal start, else the first space within 100, else
    at it."""
    if piece <= 0:
        return start
    nominal = start + piece * SENTENCE_LIMIT
    if nominal >= end:
        return end
    for mark, reach in ((". ", 200), (" ", 100)):
        found = text.find(mark, nominal, min(end, nominal + reach))
        if found != -1:
            return found + len(mark)
    return nominal
