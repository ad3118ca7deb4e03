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
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.headings import (
    LINE, MAX_HEADING_WORDS, PATIENT_HEADING, RUN_IN_PATIENT, SENTENCE_BREAK, HeadingReader, sentence_stop,
)
from pipeline.nlp.sections.model import PATIENT_SECTIONS, PatientMarker, Section
from pipeline.nlp.sections.patient_common import InlineStart, patient_number
from pipeline.nlp.sections.patient_introductions import introduced_patients
from pipeline.nlp.sections.patient_labels import inline_patient_starts
from pipeline.nlp.spans import char_span
from pipeline.nlp.text import doc_text, rows_of_one_table, sentence_bounds
from pipeline.resources import read_patterns

# A case description found by content in the introduction covers its paragraph; in back
# matter or references, where a misread heading put it, the rest of that section.
CONTENT_REACH = {"background": "paragraph", "back": "section", "references": "section", "furniture": "section"}
# The fallback may take a patient's paragraph from any section but these.
NO_FALLBACK = frozenset({"references"})
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


class SectionDetector:
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

    # -- content (the headings: headings.HeadingReader) ---------------------------------------

    def _presents_patient(self, sentence: str) -> bool:
        """True when the sentence introduces the reported patient."""
        if self.citation.search(sentence):
            return False
        if self.presentation.search(sentence):
            return True
        opening = self.demographic_opening.search(sentence)
        if not opening:
            return False
        # a relative named after the opening is the patient's ("A 23-year-old man ... received
        # marrow from his mother"); one in the opening is the subject ("Her 40-year-old mother")
        return not any(cue.start() < opening.end() + RELATIVE_REACH or not self.relative.fullmatch(cue.group())
                       for cue in self.not_the_patient.finditer(sentence))

    def _by_content(self, text: str, sentences: list[tuple[int, int]], starts: list) -> list:
        """Section starts with the patient's text found by content marked ``case``."""
        headed_case = [s[0] for s in starts if s[1] == "case"]
        for start, end in sentences:
            section = _section_at(starts, start)
            reach = CONTENT_REACH.get(section[1])
            if reach == "paragraph" and any(h > start for h in headed_case):
                continue  # the case description under its heading follows: the introduction's
                # "A 58-year-old woman in an earlier report ..." is the literature's, its "We report a case" a preview
            if reach is None or not self._presents_patient(text[start:end]) or self._reference_line(text, start):
                continue
            stop = _next_start(starts, start, len(text))
            heading = self._unknown_heading_before(text, start) if reach == "paragraph" else None
            if heading is not None:
                # "Introduction ... \nClinical vignette\nA 58-year-old man was admitted": a heading
                # the list does not know ended the introduction; the case runs to the next known one
                start = heading
            elif reach == "paragraph" and not self._unknown_heading_after(text, _paragraph_end(text, start)):
                stop = min(stop, self._story_end(text, _paragraph_end(text, start), stop))
            # else "... We report on a 57-year-old woman with X.\n\nClinical evolution\nShe ...": the
            # introduction ended with its last paragraph; the case goes on under a heading the list
            # does not know, to the next known one
            starts = _override(starts, start, stop, "case", "(case by content)")
        return self._fallback(text, sentences, starts)

    def _story_end(self, text: str, end: int, limit: int) -> int:
        """The end of the patient's story that a paragraph ending at ``end`` opens: the paragraphs
        after it that go on with the patient as their subject ("She was diagnosed ...", the
        ``story_continues`` pattern of patient_text.toml) belong to it, up to ``limit``."""
        while True:
            if end >= limit:
                return limit  # a paragraph that runs past the next section (a flattened page) stops there
            after = len(text) - len(text[end:].lstrip())  # the next paragraph's first character
            if after >= limit or not self.story_continues.match(text, after):
                return end
            end = _paragraph_end(text, after)

    def _unknown_heading_before(self, text: str, start: int) -> int | None:
        """Start of the heading line right before the paragraph that ``start`` opens, when that
        line looks like a heading (short, capitalised, no sentence's end) the section list does
        not know and no furniture; else None."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            return None  # the sentence does not open its paragraph
        before = text[:line_start].rstrip()
        if not before:
            return None
        heading_start = before.rfind("\n") + 1
        line = before[heading_start:].strip()
        words = line.split()
        if not (0 < len(words) <= MAX_HEADING_WORDS and line[0].isupper() and line[-1] not in ".,;!?"):
            return None
        if self.reader.classify_line(line) not in (None, "case") or self.reader.furniture_reach(line) or self.reference_entry.search(line):
            return None
        return heading_start + len(before[heading_start:]) - len(before[heading_start:].lstrip())

    def _unknown_heading_after(self, text: str, position: int) -> bool:
        """Whether the first non-blank line after ``position`` (a paragraph's end) is a heading
        line the section list does not know, followed by a paragraph of text."""
        line_start = len(text) - len(text[position:].lstrip("\n \t"))
        line_end = _paragraph_end(text, line_start)
        rest = text[line_end + 1:].lstrip()  # the paragraph after the heading line
        if line_end >= len(text) or not rest:
            return False
        return self._unknown_heading_before(text, len(text) - len(rest)) == line_start

    def _fallback(self, text: str, sentences: list[tuple[int, int]], starts: list) -> list:
        """When no sentence giving an age stands in a patient section, the paragraph of the first
        one that is neither literature nor a reference becomes the case description."""
        candidates = []
        for start, end in sentences:
            age = self.age.search(text, start, end)
            if not age:
                continue
            sentence = text[start:end]
            section = _section_at(starts, age.start())[1]  # a flattened page's sentence may run over a heading
            if section in PATIENT_SECTIONS or section in ("case", "body"):
                return starts
            if section in NO_FALLBACK or self.citation.search(sentence) or self.not_the_patient.search(sentence):
                continue
            if not self._reference_line(text, start):
                candidates.append(start)
        if not candidates:
            return starts
        start = candidates[0]
        section_end = _next_start(starts, start, len(text))
        heading = self._unknown_heading_before(text, start)
        if heading is not None:  # a heading the list does not know opens the case: up to the next known one
            return _override(starts, heading, section_end, "case", "(case by fallback)")
        return _override(starts, start, self._story_end(text, _paragraph_end(text, start), section_end), "case",
                         "(case by fallback)")

    def _reference_line(self, text: str, position: int) -> bool:
        line_start = text.rfind("\n", 0, position) + 1
        line_end = _paragraph_end(text, position)
        line = text[line_start:line_end]
        return len(line) <= 500 and bool(self.reference_entry.search(line))

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

    def _unnumbered_first(self, text: str, bounds: list[tuple[int, int]], positions: list[int],
                          numbers: list[int]) -> int | None:
        """Where patient 1 starts in a report whose numbered patients start at 2: a page that lost
        the "Case 1" label (cut above it, or glued into a heading) still presents its first patient
        before "Case 2" ("A 28-year-old woman presented ... Patient 2 A 24-year-old man ..."): the
        first sentence before the first numbered patient that presents a patient (an age and a
        presentation). None when the numbers start at 1 or no such sentence stands there."""
        numbered = [(position, number) for position, number in zip(positions, numbers) if number]
        if not numbered or min(number for _, number in numbered) < 2:
            return None
        first = min(position for position, _ in numbered)
        for start, end in bounds:
            if end > first:
                return None
            if self.age.search(text, start, end) and self._presents_patient(text[start:end]):
                return start
        return None

    def _review_after_patients(self, text: str, starts: list, patients: list[tuple[int, int]]) -> list:
        """A review with numbered illustrative patients goes on, after the last one, with its own
        sections ("PATHOPHYSIOLOGY", "Treatment of constipation"): the first heading the
        section list does not know, after the last patient, whose first sentence names no single
        patient ("The 5 cases share ..."), opens a discussion that runs over the case sections
        after it. A heading of the last patient's own part ("LABORATORY FINDINGS Her white cell
        count ...") names the patient and leaves it be; so does a case subheading the list knows
        ("Treatment", "Diagnosis") whose first sentence tells events ("was performed")."""
        if len({number for _, number in patients}) < 2:
            return starts
        last = max(position for position, _ in patients)
        opened = {position for position, _ in patients}
        for head_start, head_end, known in self._unknown_headings(text, last):
            if head_start in opened:
                continue  # the last patient's own heading ("Case Number Two")
            following = text[head_end:sentence_stop(text, head_end)]
            if ONE_PATIENT.search(following) or known and TOLD.search(following):
                continue  # the last patient's own subheading ("Treatment Surgery was performed on both")
            stop = next((s[0] for s in starts if s[0] > head_start and s[1] != "case"), len(text))
            heading = re.sub(r"\s+", " ", text[head_start:head_end]).strip()[:80]
            return _override(starts, head_start, stop, "discussion", heading)
        return starts

    def _unknown_headings(self, text: str, after: int):
        """(start, end, known) of the headings after ``after`` that the section list does not know
        (``known`` False) or knows as a case subheading ("Treatment", "Diagnosis": True): upper-case
        runs into the text of a flattened page ("... narcotics. PHYSICIAN-PATIENT BEHAVIORS The 5
        cases ...") and short lines without a full stop followed by a line of prose."""
        found = []
        for match in RUN_IN_HEADING.finditer(text, after):
            head = match.group("head")
            if len(head.split()) == 1 and len(head) < 7:
                continue  # an abbreviation ("CT", "FOLFOX")
            section = self.reader.classify_line(head)
            if section in (None, "case") and not PATIENT_HEADING.match(head):
                found.append((match.start("head"), match.end("head"), section == "case"))
        for match in LINE.finditer(text, after):
            line = match.group().strip()
            words = line.split()
            if not (0 < len(words) <= MAX_HEADING_WORDS and line[0].isupper() and line[-1] not in ".:;,!?"):
                continue
            following = LINE.search(text, match.end())
            if following is None or not self.reader.is_prose(following.group()):
                continue
            section = self.reader.classify_line(line)
            if section in (None, "case") and not PATIENT_HEADING.match(line) and not self.reader.furniture_reach(line):
                found.append((match.start() + len(match.group()) - len(match.group().lstrip()), following.start(),
                              section == "case"))
        return sorted(found)

    def _cited_in_prose(self, text: str, starts: list, inline: InlineStart) -> bool:
        """True when a "Case 3, a 45-year-old woman ... died [7]." stands in the introduction or
        the discussion with a citation marker in its sentence: a published patient, not one of
        the report's (a report's own "Case 2" opens its paragraph or has its own heading)."""
        if _section_at(starts, inline.start)[1] not in ("background", "discussion"):
            return False
        end = SENTENCE_BREAK.search(text, inline.end)
        return bool(self.citation.search(text, inline.start, end.end() if end else len(text)))

    def _literature_case(self, text: str, end: int) -> bool:
        """True when the description after a "Case 3" speaks of a patient of the literature
        ("Case 3 (Smith et al., 2010): a 45-year-old woman ...")."""
        return bool(_literature(self.patients).search(text, end, min(len(text), end + LITERATURE_REACH)))

    def _single_age(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` gives one person an age: an age in a sentence that names a
        group ("We describe twin brothers aged 6 years") is the group's, no patient presented."""
        for age in self.age.finditer(text, start, end):
            sentence_start = max((m.end() for m in SENTENCE_BREAK.finditer(text, start, age.start())), default=start)
            stop = SENTENCE_BREAK.search(text, age.end(), end)
            if not GROUP_WORDS.search(text, sentence_start, stop.start() + 1 if stop else end):
                return True
        return False

    def _introduced_markers(self, doc: Doc, starts: list, markers: list, introduced: list[InlineStart]) -> list:
        """Markers of the patients the running text introduces, numbered after the patients
        before them; patient 1 of such a report, when nothing marks it, starts with the section
        of the first introduction ("implicit")."""
        made = []
        text = doc.text
        # a case description after the abstract holds more than its heading: a PubMed page's
        # "Publication types • Case Reports" line is no case the abstract retells
        case_starts = [start for index, (start, section, _) in enumerate(starts) if section == "case"
                       and len(text[start:starts[index + 1][0] if index + 1 < len(starts) else len(text)].strip()) > CASE_TEXT]
        heads = set()
        birth_order_opens = None  # whether siblings named by birth order open the patients
        for intro in introduced:
            if any(m.end_char <= intro.start and not SENTENCE_BREAK.search(text, m.end_char, intro.start) for m in markers):
                continue  # "Case 2\nA 10-year-old girl, his sister, ...": the heading's patient
            if _opens_marked_patient(text, markers, intro.start):
                continue  # "Patient 2. During September, the infant's 47-year-old aunt ...": that patient
            if _section_at(starts, intro.start)[1] in ("abstract", "front") and any(c > intro.start for c in case_starts):
                continue  # the abstract retells what the case description tells again
            words = intro.heading.lower().split()
            # "the younger brother" and "the elder brother" are two patients, "the sister" one
            head = " ".join(words[-2:]) if len(words) > 1 and words[-2] in BIRTH_ORDER else words[-1]
            if intro.number == 0 and AGE_IN_HEADING.search(intro.heading):
                head = intro.heading.lower()  # "A 56-year-old female ... A 22-year-old female": two women
            if intro.number == 0 and (head in heads or (head == words[-1] and any(h.split()[-1] == head for h in heads))):
                continue  # "the sister" introduced once; "his younger sister ... His 10-year-old sister" too
            heads.add(head)
            before = [m._.value.number for m in markers + made if m.start_char < intro.start]
            section_start = _section_at(starts, intro.start)[0]
            if len(words) > 1 and words[0] == "the" and words[-2] in BIRTH_ORDER:
                if birth_order_opens is None:
                    # "Crohn's disease in male twins. At the age of 11, the younger brother ...":
                    # no patient was presented before the first sibling named by birth order,
                    # who is patient 1; after "a 13-month-old boy and his 5-year-old sister",
                    # "the younger sibling" names one of them again and opens no patient
                    birth_order_opens = not before and not self._single_age(
                        text, section_start, _sentence_stop_before(text, section_start, intro.start))
                if not birth_order_opens:
                    continue
                if not before:
                    span = char_span(doc, intro.start, intro.end, "PATIENT", PatientMarker(1, intro.heading[:80], "introduced"))
                    if span is not None:
                        made.append(span)
                    continue
            number = intro.number or (max(before, default=1) + 1)
            if number < 2 or number in [m._.value.number for m in markers + made]:
                continue  # "the second patient" already opened by its heading
            if not before:
                first = char_span(doc, section_start, section_start + 1, "PATIENT", PatientMarker(1, "(patient 1)", "implicit"))
                if first is not None:
                    made.append(first)
            span = char_span(doc, intro.start, intro.end, "PATIENT", PatientMarker(number, intro.heading[:80], "introduced"))
            if span is not None:
                made.append(span)
        return made


# A person presented with an indefinite article and an age ("A 22-year-old female") is a patient of
# their own, unlike a kin word introduced twice ("his younger sister ... His 10-year-old sister").
AGE_IN_HEADING = regex_cache.compile(r"^(?:A|An)\s+\d")


def _opens_marked_patient(text: str, markers: list, position: int) -> bool:
    """True when the last patient marker before ``position`` is a numbered one ("Patient 2.") close
    before it in the same paragraph, with no person of an age of their own between: the relative
    introduced there is that numbered patient, not one more."""
    before = [m for m in markers if m.end_char <= position]
    if not before:
        return False
    last = max(before, key=lambda m: m.end_char)
    between = text[last.end_char:position]
    return (last._.value.kind in ("inline", "heading") and last._.value.number >= 2
            and len(between) <= MARKED_REACH and "\n" not in between.strip() and not AGED_PERSON.search(between))


# How far after a numbered marker a relative it introduces may stand, and a person's age between them.
MARKED_REACH = 250
AGED_PERSON = regex_cache.compile(r"(?i)\b\d{1,3}(?:\.\d)?[-‐\s](?:years?|months?|weeks?|days?)[-‐\s]old\b|\baged\s+\d")

# The fewest characters of a case section that describes a patient (more than a heading line).
CASE_TEXT = 40
# Words that name a group of patients: an age in their sentence is the group's ("twin brothers
# aged 6 years", "two siblings aged 4 and 7").
GROUP_WORDS = regex_cache.compile(r"\b(?:twins|siblings|sibs|brothers|sisters|patients|children|cases|boys|girls|infants)\b",
                                  re.IGNORECASE)
# Words that tell siblings apart by birth order ("the younger brother", "the elder sister").
BIRTH_ORDER = frozenset({"younger", "elder", "older", "eldest", "youngest"})


def _sentence_stop_before(text: str, start: int, position: int) -> int:
    """The end of the last sentence that ends between ``start`` and ``position`` (``start`` when none)."""
    stops = [m.end() for m in SENTENCE_BREAK.finditer(text, start, position)]
    return stops[-1] if stops else start
# How far after an age-opened sentence's opening a relative word of ``not_the_patient``
# (``relatives`` of models/sections/patient_text.toml) still names the sentence's subject.
RELATIVE_REACH = 25
# An upper-case heading run into a flattened page's text, after a sentence's end and before a
# capitalised word: two or more capital words, or one long one.
RUN_IN_HEADING = regex_cache.compile(r"(?<=[.!?]\s)(?P<head>[A-Z][A-Z'’-]+(?:\s+(?:[A-Z][A-Z'’-]*|&)){0,7})\s+(?=[A-Z][a-z])")
# A sentence that tells the events of a patient's course ("Surgery was performed on both").
TOLD = regex_cache.compile(r"\b(?:was|were|had|underwent|received|showed|revealed|developed|presented|required|improved)\b",
                  re.IGNORECASE)
# A sentence about one patient: a singular pronoun, "the patient", an age.
ONE_PATIENT = regex_cache.compile(r"\b(?:he|she|his|her|him|hers|the\s+patient|our\s+patient|this\s+patient|this\s+case)\b|"
                         r"\d{1,3}[-\s](?:year|month)s?[-\s]old\b", re.IGNORECASE)


# How far after a "Case N" its description may name the literature.
LITERATURE_REACH = 120


@lru_cache(maxsize=None)
def _literature(path: str) -> re.Pattern:
    return re.compile(read_patterns(path)["literature"])


# A row of a table flattened to text: cells apart by tabs (HTML tables rendered to text) or by
# " | ". A run of rows in the introduction or the discussion that dates or cites its rows
# ("Kumar, 2017 | 52/M | ceftriaxone | Died") is a table of published cases: the literature's,
# like a reference list, even where one row is "Present case" (the case description tells it).
TABLE_ROW = regex_cache.compile(r"^[^\n]*?(?:\t|\s\|\s)[^\n]*?(?:\t|\s\|\s)[^\n]*$", re.MULTILINE)
TABLE_CAPTION = regex_cache.compile(r"^\s*(?:table|tab\.)\s*\d{1,2}\b[^\n]{0,200}\n", re.IGNORECASE | re.MULTILINE)
LITERATURE_ROW = regex_cache.compile(r"\b(?:19|20)\d\d\b|\bet\s+al\b|\[\d{1,3}\]|\b(?:authors?|references?|study|published)\b",
                                     re.IGNORECASE)
LITERATURE_TABLE_SECTIONS = frozenset({"background", "discussion"})
MIN_TABLE_ROWS = 2


def _literature_tables(text: str, starts: list) -> list:
    """``starts`` with each table of published cases in the introduction or the discussion made a
    ``references`` section, its caption line with it."""
    runs, run = [], []
    for row in TABLE_ROW.finditer(text):
        # rows one per line, or apart by a blank line (a table copied from a web page)
        if run and not rows_of_one_table(text[run[-1][1]:row.start()]):
            runs.append(run)
            run = []
        run.append((row.start(), row.end()))
    if run:
        runs.append(run)
    for run in runs:
        start, stop = run[0][0], run[-1][1]
        if len(run) < MIN_TABLE_ROWS or _section_at(starts, start)[1] not in LITERATURE_TABLE_SECTIONS:
            continue
        if sum(bool(LITERATURE_ROW.search(text, a, b)) for a, b in run) < MIN_TABLE_ROWS:
            continue
        caption = text.rfind("\n", 0, max(0, start - 1)) + 1
        if TABLE_CAPTION.match(text, caption) and _section_at(starts, caption)[1] in LITERATURE_TABLE_SECTIONS:
            start = caption
        starts = _override(starts, start, min(stop + 1, len(text)), "references", "(table of published cases)")
    return starts


def _section_at(starts: list, position: int) -> tuple[int, str, str | None]:
    return starts[bisect.bisect_right([s[0] for s in starts], position) - 1]


def _next_start(starts: list, position: int, default: int) -> int:
    return next((s[0] for s in starts if s[0] > position), default)


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _override(starts: list, start: int, stop: int, section: str, heading: str) -> list:
    """``starts`` with [start, stop) made one ``section``; what follows resumes as before."""
    resumed = _section_at(starts, stop) if stop > start else None
    kept = [s for s in starts if s[0] < start or s[0] >= stop]
    kept.append((start, section, heading))
    if resumed is not None and not any(s[0] == stop for s in kept):
        kept.append((stop, resumed[1], resumed[2]))
    kept.sort(key=lambda s: s[0])
    return kept
