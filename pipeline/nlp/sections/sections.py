"""Sections of a case report from its heading lines (read by ``headings.HeadingReader``) and its
content, and "Case N" patient markers.

Works on plain text and on HTML rendered to text (headings on lines of their own). A line
opens a section when it is a known heading (``models/sections/headings.tsv``), alone or
followed by a colon and text ("Case presentation: A 40-year-old woman..."); within a line, a
known heading followed by a colon after a sentence's end opens one too (structured abstracts
flattened to one paragraph). Lines that merge several headings (two-column PDFs:
"INTRODUCTION CASE REPORT") cannot tell which column a sentence belongs to, so they open a
``front``-like mixed section ("body").

Page furniture (``models/sections/furniture.tsv``: author blocks, keywords, conflict-of-interest
and citation boxes, cookie text) makes a ``furniture`` section of its own line or short block,
after which the section open before it resumes: a furniture line standing before the case
description no longer takes the patient's text out of the report.

Then the content decides (``models/sections/patient_text.toml``): a sentence that presents
the patient ("We report the case of a 67-year-old man", "A 36 year old lady presented
with") makes a ``case`` section of its paragraph (in the introduction) or of the rest of its
section (in back matter or references, where a misread heading put it). When no sentence
giving a patient's age is left in a patient section, the first one outside the literature
and the references is taken, with its paragraph, for the case description: a single misread
heading never empties a case.

The content's part is ``case_by_content``, the patients' markers ``patient_markers``, the list
of section starts and its changes ``section_starts``.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.case_by_content import CaseByContent
from pipeline.nlp.sections.headings import HeadingReader
from pipeline.nlp.sections.inline_headings import RUN_IN_PATIENT
from pipeline.nlp.sections.model import PatientMarker, Section
from pipeline.nlp.sections.patient_common import patient_number
from pipeline.nlp.sections.patient_introductions import introduced_patients
from pipeline.nlp.sections.patient_labels import inline_patient_starts
from pipeline.nlp.sections.patient_markers import PatientMarkers
from pipeline.nlp.sections.section_starts import ReviewSections, _literature_tables, _next_start, _override, _section_at
from pipeline.nlp.spans import char_span
from pipeline.nlp.text import doc_text, sentence_bounds
from pipeline.resources import read_patterns

# Sections where the running text may introduce another patient ("Her sister, aged 12, ...").
INTRODUCING = frozenset({"case", "abstract", "front", "body"})
# Sections where no "Case N" opens a patient (a list of references, the page's back matter).
NO_PATIENTS = frozenset({"references", "back", "furniture"})


def _open_sentences(doc: Doc, text: str, positions: list[int]) -> None:
    """A patient's label or a case heading inside a line ("Case No. 1", "Patient 2", "Clinical
    Case") begins a sentence: on a page
    flattened to one line ("Two patients: case reports CASE PRESENTATION Case No. 1 A
    74-year-old man ...") the title's "case reports" is no word of the patient's first sentence
    (the context component reads its cues sentence by sentence, and took the man for a published
    patient). Only a position where a capitalised word begins after a space counts."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return
    token_starts = doc.to_array([IDX]).ravel()
    flags = doc.to_array([SENT_START]).astype("int64").ravel()
    changed = False
    for position in positions:
        if position <= 0 or position >= len(text) or not text[position].isupper() or not text[position - 1].isspace():
            continue
        index = int(numpy.searchsorted(token_starts, position))
        if index < len(doc) and token_starts[index] == position and flags[index] != 1:
            flags[index] = 1
            changed = True
    if changed:
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))


class SectionDetector(CaseByContent, PatientMarkers, ReviewSections):
    """Puts one span per section in ``doc.spans["sections"]`` (label = section name, value =
    :class:`Section`) and "Case N" markers in ``doc.spans["patients"]``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sections")
    >>> doc = nlp("A case\\nBackground\\nIt is rare.\\nCase presentation\\nShe was 40.\\nReferences\\n1. Doe")
    >>> [(s.label_, s.text.split()[0]) for s in doc.spans["sections"]]
    [('front', 'A'), ('background', 'Background'), ('case', 'Case'), ('references', 'References')]
    >>> doc = nlp("A rare tumour\\nKeywords: tumour\\nA 36-year-old woman presented with pain.\\nDiscussion\\nIt is rare.")
    >>> [(s.label_, s.text.split()[0]) for s in doc.spans["sections"]]
    [('front', 'A'), ('furniture', 'Keywords:'), ('front', 'A'), ('discussion', 'Discussion')]
    """

    def __init__(self, nlp: Language, name: str = "caselit_sections", headings: str = "sections/headings.tsv",
                 furniture: str = "sections/furniture.tsv", patient_text: str = "sections/patient_text.toml",
                 context_patterns: str = "patterns/context.toml", flattened: str = "sections/flattened.toml",
                 patients: str = "sections/patients.toml"):
        self.name = name
        self.patients = patients  # "Case 2" run into the text
        cues = read_patterns(patient_text)
        self.presentation = regex_cache.compile(cues["presentation"], re.IGNORECASE)
        self.demographic_opening = regex_cache.compile(fill_template(cues["demographic_opening"], cues), re.IGNORECASE)
        self.not_the_patient = regex_cache.compile(fill_template(cues["not_the_patient"], cues), re.IGNORECASE)
        self.relative = regex_cache.compile(f"(?i:{cues['relatives']})")
        self.age = regex_cache.compile(fill_template(cues["age"], cues), re.IGNORECASE)
        self.story_continues = regex_cache.compile(cues.get("story_continues", "(?!)"))
        context = read_patterns(context_patterns)
        self.citation = regex_cache.compile(context["citation"])
        self.reference_entry = regex_cache.compile(context["reference_entry"])
        self.reader = HeadingReader(self._presents_patient, headings, furniture, flattened)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        starts, markers = self.reader.starts(text)
        markers = [m for m in markers if _section_at(starts, m[0])[1] not in NO_PATIENTS
                   and not self._literature_case(text, m[1])]
        # "Case 2" run into the text of a flattened page or an abstract ("In case two, a 56-year-old...")
        inline_patients = [inline for inline in inline_patient_starts(text, self.patients)
                           if not any(inline.start < end and start < inline.end for start, end, _, _ in markers)
                           and _section_at(starts, inline.start)[1] not in NO_PATIENTS
                           and not self._literature_case(text, inline.end)
                           and not self._cited_in_prose(text, starts, inline)]
        # a patient's description is case text, as under a "Case 2" line (also inside an abstract or
        # the front of a page flattened to one line: "Case 1 A 9-year-old girl ... Case 2 ...")
        for inline in inline_patients:
            if _section_at(starts, inline.start)[1] != "case":
                starts = _override(starts, inline.start, _next_start(starts, inline.start, len(text)), "case", inline.heading[:80])
        # a case heading run into a line ("... in young patients1 Clinical Case A 28-year-old male")
        # begins the patient's first sentence, as a patient's label does
        run_in_cases = [start for start, section, heading in starts
                        if section == "case" and heading and 0 < start and text[start - 1] not in "\n"
                        and RUN_IN_PATIENT.match(text, start + len(heading))]
        _open_sentences(doc, text, [i.start for i in inline_patients] + run_in_cases)
        bounds = sentence_bounds(doc, text)
        first_patient = self._unnumbered_first(text, bounds, [m[0] for m in markers] + [i.start for i in inline_patients],
                                               [patient_number(m[3]) for m in markers] + [i.number for i in inline_patients])
        if first_patient is not None and _section_at(starts, first_patient)[1] != "case":
            starts = _override(starts, first_patient, _next_start(starts, first_patient, len(text)), "case", "(patient 1)")
        starts = self._by_content(text, bounds, starts)
        starts = _literature_tables(text, starts)
        starts = self._review_after_patients(text, starts, [(m[0], patient_number(m[3])) for m in markers]
                                             + [(i.start, i.number) for i in inline_patients])
        taken = [(start, end) for start, end, _, _ in markers] + [(i.start, i.end) for i in inline_patients]
        introduced = [i for i in introduced_patients(text, path=self.patients)
                      if _section_at(starts, i.start)[1] in INTRODUCING
                      and not any(i.start < end and start < i.end for start, end in taken)]
        spans = []
        for index, (start, section, heading) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            if end > start:
                spans.append(char_span(doc, start, end, section, Section(section, heading)))
        doc.spans["sections"] = [s for s in spans if s is not None]
        # the sentences that present a patient ("A 7-year-old boy ... was referred for an imaging
        # study"): their age and sex are the patient's whatever other cue words they hold
        doc.spans["presenting"] = [span for span in (char_span(doc, start, end, "PRESENTING")
                                                     for start, end in bounds
                                                     if self.age.search(text, start, end) and self._presents_patient(text[start:end]))
                                   if span is not None]
        patients = []
        for start, end, heading, number in markers:
            value = PatientMarker(patient_number(number), heading)
            patients.append(char_span(doc, start, end, "PATIENT", value))
        for inline in inline_patients:
            value = PatientMarker(inline.number, inline.heading[:80], "inline")
            patients.append(char_span(doc, inline.start, inline.end, "PATIENT", value))
        patients = [m for m in patients if m is not None]
        patients += self._introduced_markers(doc, starts, patients, introduced)
        if first_patient is not None:
            patients.append(char_span(doc, first_patient, first_patient + 1, "PATIENT", PatientMarker(1, "(patient 1)", "implicit")))
            patients = [m for m in patients if m is not None]
        doc.spans["patients"] = sorted(patients, key=lambda m: m.start_char)
        return doc
