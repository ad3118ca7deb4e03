"""The patient's text found by its content, whatever the headings said: a sentence that
presents the patient makes a ``case`` section of its paragraph or of the rest of its section,
and when no sentence giving an age is left in a patient section, the first one outside the
literature and the references is taken (the fallback). :class:`CaseByContent` is a part of
``sections.SectionDetector``: it uses the cues the detector reads from
``models/sections/patient_text.toml`` and ``models/patterns/context.toml``.
"""
from __future__ import annotations

from pipeline.nlp.sections.heading_lines import MAX_HEADING_WORDS
from pipeline.nlp.sections.model import PATIENT_SECTIONS
from pipeline.nlp.sections.section_starts import _next_start, _override, _paragraph_end, _section_at

# A case description found by content in the introduction covers its paragraph; in back
# matter or references, where a misread heading put it, the rest of that section.
CONTENT_REACH = {"background": "paragraph", "back": "section", "references": "section", "furniture": "section"}
# The fallback may take a patient's paragraph from any section but these.
NO_FALLBACK = frozenset({"references"})
# How far after an age-opened sentence's opening a relative word of ``not_the_patient``
# (``relatives`` of models/sections/patient_text.toml) still names the sentence's subject.
RELATIVE_REACH = 25


class CaseByContent:
    """Where the patient's text is by its content; a part of ``sections.SectionDetector``."""

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
