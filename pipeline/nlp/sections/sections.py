"""Sections of a case report from its heading lines, and "Case N" patient markers.

Works on plain text and on HTML rendered to text (headings on lines of their own). A line
opens a section when it is a known heading (``models/sections/headings.tsv``), alone or
followed by a colon and text ("Case presentation: A 40-year-old woman..."). Lines that
merge several headings (two-column PDFs: "INTRODUCTION CASE REPORT") cannot tell which
column a sentence belongs to, so they open a ``front``-like mixed section ("body").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.resources import read_table
from pipeline.nlp.sections.model import PatientMarker, Section
from pipeline.nlp.sections.patients import inline_patient_starts
from pipeline.nlp.spans import char_span
from pipeline.nlp.text import doc_text

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
# "Case 1", "Case 2:", "Patient 2 -", "CASE II", "Case report 1" at the start of a line.
PATIENT_HEADING = re.compile(
    r"^\s*(?:case|patient)(?:\s+(?:report|presentation|description))?\s*(?:no\.?\s*)?#?\s*"
    r"(?P<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|i{1,3}|iv|v)\b\s*(?:[:.)\-–—]|$)",
    re.IGNORECASE,
)
LEADING_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\.)\s+")
LINE = re.compile(r"[^\n]+")
MAX_HEADING_WORDS = 8


class SectionDetector:
    """Puts one span per section in ``doc.spans["sections"]`` (label = section name, value =
    :class:`Section`) and "Case N" markers in ``doc.spans["patients"]``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sections")
    >>> doc = nlp("A case\\nBackground\\nIt is rare.\\nCase presentation\\nShe was 40.\\nReferences\\n1. Doe")
    >>> [(s.label_, s.text.split()[0]) for s in doc.spans["sections"]]
    [('front', 'A'), ('background', 'Background'), ('case', 'Case'), ('references', 'References')]
    """

    def __init__(self, nlp: Language, name: str = "caselit_sections", headings: str = "sections/headings.tsv"):
        self.name = name
        self.headings = {row["heading"]: row["section"] for row in read_table(headings)}
        longest = max(len(h.split()) for h in self.headings)
        self.max_words = max(MAX_HEADING_WORDS, longest)

    def classify_line(self, line: str) -> str | None:
        """The section a heading line opens, or None when the line is not a heading."""
        text = LEADING_NUMBERING.sub("", line).strip().rstrip(":.").strip().lower()
        text = re.sub(r"\s+", " ", text)
        if not text or len(text.split()) > self.max_words:
            return None
        if text in self.headings:
            return self.headings[text]
        head, colon, _ = text.partition(":")
        if colon and head.strip() in self.headings:
            return self.headings[head.strip()]
        words = text.split()
        # "INTRODUCTION CASE REPORT": several headings merged on one line (two-column PDF text)
        if 1 < len(words) <= 4 and line.strip().isupper():
            found = {self.headings[w] for w in words if w in self.headings}
            found |= {self.headings[" ".join(words[i:i + 2])] for i in range(len(words) - 1) if " ".join(words[i:i + 2]) in self.headings}
            if len(found) > 1:
                return "body"
        return None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        starts: list[tuple[int, str, str | None]] = [(0, "front", None)]
        markers = []
        for match in LINE.finditer(text):
            line = match.group()
            inline = line.split(":", 1)[0] if ":" in line[:40] else line
            section = self.classify_line(line) or (self.classify_line(inline + ":") if inline is not line else None)
            if section:
                starts.append((match.start(), section, line.strip()[:80]))
            patient = PATIENT_HEADING.match(line)
            if patient and len(line.split()) <= 12 or patient and ":" in line[:20]:
                number = patient.group("number").lower()
                value = PatientMarker(int(number) if number.isdigit() else NUMBER_WORDS.get(number, 0), line.strip()[:80])
                markers.append(char_span(doc, match.start(), match.start() + len(patient.group().rstrip()), "PATIENT", value))
                if starts[-1][1] not in ("case", "abstract"):
                    starts.append((match.start(), "case", line.strip()[:80]))
        # "Case 2" run into the text of a flattened page or an abstract ("In case two, a 56-year-old...")
        for inline in inline_patient_starts(text):
            value = PatientMarker(inline.number, inline.heading[:80])
            markers.append(char_span(doc, inline.start, inline.end, "PATIENT", value))
        spans = []
        for index, (start, section, heading) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            if end > start:
                spans.append(char_span(doc, start, end, section, Section(section, heading)))
        doc.spans["sections"] = [s for s in spans if s is not None]
        doc.spans["patients"] = [m for m in markers if m is not None]
        return doc
