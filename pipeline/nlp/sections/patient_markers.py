"""Which patients a report's markers and running text open, beyond its "Case N" headings:
patient 1 before a "Case 2" that lost its label, markers of the literature's patients left out,
and the patients the running text introduces ("Her sister, aged 12, ..."), numbered after the
ones before them. :class:`PatientMarkers` is a part of ``sections.SectionDetector``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.sections.heading_lines import SENTENCE_BREAK
from pipeline.nlp.sections.model import PatientMarker
from pipeline.nlp.sections.patient_common import LAST_OF_SEVERAL, InlineStart, optional_entry
from pipeline.nlp.sections.section_starts import _section_at
from pipeline.nlp.spans import char_span
from pipeline.resources import read_patterns


class PatientMarkers:
    """The patients' markers; a part of ``sections.SectionDetector`` (it uses the detector's
    ``age``, ``citation`` and ``patients`` and its ``_presents_patient``)."""

    def _unnumbered_first(self, text: str, bounds: list[tuple[int, int]], positions: list[int],
                          numbers: list[int]) -> int | None:
        """Where patient 1 starts in a report whose numbered patients start at 2: a page that lost
        the "Case 1" label (cut above it, or glued into a heading) still presents its first patient
        before "Case 2" ("A 28-year-old woman presented ... Patient 2 A 24-year-old man ..."): the
        first sentence before the first numbered patient that presents a patient (an age and a
        presentation), else where the text names the first patient by its ordinal before it ("We
        present two clinical cases, in the first one the patient developed ..."). None when the
        numbers start at 1 or neither stands there."""
        numbered = [(position, number) for position, number in zip(positions, numbers) if number]
        if not numbered or min(number for _, number in numbered) < 2:
            return None
        first = min(position for position, _ in numbered)
        for start, end in bounds:
            if end > first:
                break
            if self.age.search(text, start, end) and self._presents_patient(text[start:end]):
                return start
        # no age: the first patient named by its ordinal ("in the first one the patient developed ...")
        named = optional_entry(self.patients, "first_by_ordinal").search(text, 0, first)
        return named.start() if named else None

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
            if intro.number == 0 and not LAST_OF_SEVERAL.match(intro.heading) and (
                    head in heads or (head == words[-1] and any(h.split()[-1] == head for h in heads))):
                continue  # "the sister" introduced once; "his younger sister ... His 10-year-old sister" too
                # (not "The second case ... The final case")
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


# How far after a "Case N" its description may name the literature.
LITERATURE_REACH = 120


@lru_cache(maxsize=None)
def _literature(path: str) -> re.Pattern:
    return re.compile(read_patterns(path)["literature"])
