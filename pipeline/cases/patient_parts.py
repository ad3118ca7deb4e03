"""Which patient of a multi-case report each mention belongs to: the report's parts by its
"Case 1", "Case 2"... openings, the sentences that name one patient or all of them, and a part
whose first sentence presents its patient as a relative of the one before."""
from __future__ import annotations

import bisect
import re

from pipeline.cases.interleaved import (
    DESCRIBING,
    as_introduced,
    as_the_patients,
    by_sentence,
    interleaved_parts,
    named_index,
    reference_patterns,
)
from pipeline.cases.mentions import Mention, PatientStart
from pipeline.nlp.sections.patient_common import patient_number


def split_by_patient(mentions: list[Mention], starts: list[PatientStart],
                     patients: str = "sections/patients.toml", text: str = "") -> list[list[Mention]]:
    """One list of mentions per patient. A report with "Case 1", "Case 2"... headings (two or
    more distinct numbers) gives one list per heading; the text before the first heading
    (title, abstract) is shared by none of them, except that each case may fall back on it
    for the primary site and histology (see assemble). Otherwise one list with everything.

    When a patient is introduced inside the running text ("Her sister, aged 12, was
    admitted"), the narrative may go back and forth between the patients: from there on each
    sentence is given to the patient it names (see :func:`interleaved_parts`); when they are opened
    in the running text ("In the first case, ..."), a sentence that goes back to an earlier one is
    its (see :class:`GoneBack`, which reads the report's ``text``). ``patients``: the sections
    component's patterns file (how the text refers to all or one of the patients)."""
    opening = _openings(starts)
    if len(opening) < 2:
        return [mentions]
    boundaries = [s.start for s in opening]
    if any(s.kind == "introduced" for s in opening):
        return _reopened(interleaved_parts(mentions, opening, reference_patterns(patients), patients),
                         mentions, starts, opening)
    parts: list[list[Mention]] = [[] for _ in boundaries]
    # (in parts opened by labels run into the text, "Case 1 was an accidental intoxication ... Case 3 was ...", only a
    # label made the subject of its clause goes back: "At admission, case 1 showed metabolic acidosis")
    labelled = any(LABEL.match(s.heading) for s in opening)
    gone_back = GoneBack(text, boundaries, [s.start for s in starts], reference_patterns(patients), subject_only=labelled) \
        if text and all(s.kind == "inline" for s in opening) else None
    for _, sentence in by_sentence(mentions):
        named = _named_after_cases(sentence, boundaries, reference_patterns(patients))
        if named is None and gone_back is not None:
            named = gone_back.patient(sentence)
        for mention in sentence:
            own = _block(mention, boundaries)
            if named is not None:
                parts[named].append(mention)
            elif own >= 0:
                parts[own].append(mention)
        if named is None and _about_all(sentence, reference_patterns(patients), len(boundaries)):
            last = _block(sentence[-1], boundaries)
            for index in range(last):
                parts[index].extend(m for m in sentence if m.group in SHARED_GROUPS and _block(m, boundaries) > index)
            if last < 0:  # before the first case: "Both patients received carboplatin and paclitaxel"
                for index, part in enumerate(parts):
                    part.extend(as_the_patients(_preamble_shared(sentence, index, len(parts))))
    parts = _reopened(parts, mentions, starts, opening)
    return [_relative_opening(part, start) for part, start in zip(parts, opening)]


def _reopened(parts: list[list[Mention]], mentions: list[Mention], starts: list[PatientStart],
              opening: list[PatientStart]) -> list[list[Mention]]:
    """Parts with the text under a later heading of an opened patient given back to it: an abstract
    that opens its patients by ordinals ("The first case is ... The second case is ...") and a case
    description under "Case 1", "Case 2" after it (or under "Case 1" alone, the page cut after
    it): the text under "Case 1" is the first patient's, not that of the second one opened before
    it. Each such heading's text runs to the next start."""
    index_of = {start.number: index for index, start in enumerate(opening)}
    boundaries = [s.start for s in opening]
    ordered = sorted(starts, key=lambda s: s.start)
    segments = []  # (begin, end, part index)
    for position, start in enumerate(ordered):
        if start.kind != "heading" or start in opening or start.number not in index_of:
            continue
        if bisect.bisect_right(boundaries, start.start) - 1 == index_of[start.number]:
            continue  # "Case 1" in the part of patient 1 already
        end = next((s.start for s in ordered[position + 1:] if s.start > start.start), None)
        segments.append((start.start, end if end is not None else float("inf"), index_of[start.number]))
    if not segments:
        return parts

    def inside(mention: Mention) -> bool:
        return any(begin <= mention.start < end for begin, end, _ in segments)

    parts = [[m for m in part if not inside(m)] for part in parts]
    for begin, end, index in segments:
        parts[index].extend(m for m in mentions if begin <= m.start < end)
    return parts


class GoneBack:
    """In a text that opens its patients inside the running text by ordinals ("In the first case, a
    42-year-old man ... In the second case, a 36-year-old man ...", not by labels: see LABEL), a later sentence that goes back to an earlier
    patient by name ("The saliva sample of the first case was positive for rabies virus") is that
    patient's, and so are the sentences after it ("... on the 19th day, he was deceased") until the
    text opens a patient again ("The second case died on the second day") or speaks of all of them.
    A comparison with the earlier patient ("Like the first case, she received ...") or a relative
    of it ("the sister of the first patient") stays with the patient of the part. The text between the
    sentences that hold findings is read too: the sentence that goes back may hold none."""

    def __init__(self, text: str, boundaries: list[int], marks: list[int], references: tuple[re.Pattern, re.Pattern],
                 subject_only: bool = False):
        self.text = text
        self.subject_only = subject_only  # only a name made the subject of its clause goes back (labelled parts)
        self.boundaries = boundaries
        self.marks = sorted(marks)
        self.references = references
        self.current: tuple[int, int] | None = None  # (the patient gone back to, the part it was in)
        self.read_until = 0

    def patient(self, sentence: list[Mention]) -> int | None:
        """The earlier patient the sentence speaks of, or None for the patient of its part."""
        first = sentence[0]
        start, end = first.sentence_start, first.sentence_start + len(first.sentence)
        block = _block(first, self.boundaries)
        if self.read_until < start:
            self._read(self.text[self.read_until:start], self.read_until, block)
        self._read(first.sentence, start, block)
        self.read_until = max(self.read_until, end)
        if block <= 0 or first.section not in DESCRIBING:
            self.current = None
        return self.current[0] if self.current is not None and self.current[1] == block else None

    def _read(self, text: str, offset: int, block: int) -> None:
        """Follow what ``text`` (at ``offset``) says of whom: a patient opened or all of them end a
        going back; an earlier patient named starts one."""
        next_mark = bisect.bisect_left(self.marks, offset)
        if next_mark < len(self.marks) and self.marks[next_mark] < offset + len(text) or self.references[0].search(text):
            self.current = None
            return
        named = [(name, named_index(name)) for name in self.references[1].finditer(text) if not name.group("proband")
                 and (not self.subject_only or (CLAUSE_OPENING.search(text, 0, name.start()) and SUBJECT_VERB.match(text, name.end())))]
        if len({index for _, index in named}) > 1 or named and ANOTHER.search(text, named[-1][0].end()):
            self.current = None  # "the first patient achieved remission while the second improved gradually"
            return
        for name, index in named:
            compared = COMPARED.search(text, max(0, name.start() - 60), name.start())
            self.current = (index, block) if 0 <= index < block and not compared else None


# A clause opening right before a patient's label ("... acidosis. Case 1 ...", "At admission, case 1 ...") and a verb of
# the patient right after it ("case 1 showed", "patient 2 received"): the label as the subject of its clause.
CLAUSE_OPENING = re.compile(r"(?:^|[.;:!?]\s*|,\s*)$")
SUBJECT_VERB = re.compile(r"\s+(?:was|were|is|showed|had|has|presented|received|underwent|developed|died|recovered|required|"
                          r"remained|became|experienced|displayed|needed|improved|deteriorated)\b", re.IGNORECASE)
# Another patient told of after the one named, in the same sentence ("... while the second improved gradually").
ANOTHER = re.compile(r"\b(?:while|whereas|but|and)\s+(?:in\s+)?the\s+(?:other|latter|second|third|fourth|remaining)\b", re.IGNORECASE)
# A patient's label run into the text ("Case 2 An 18-year-old woman", "Patient 3"): a report told in labelled
# parts, whose later parts name an earlier patient to compare ("identical to case 1"), not to go back to it.
LABEL = re.compile(r"\W*(?:case|patient)\s*(?:#|no\.?\s*)?(?:\d+|[IVX]+)\b", re.IGNORECASE)
# Words before an earlier patient's name that compare the part's patient with it or make it a relative
# ("Like the first case", "as in case 1", "identical to the first case", "the sister of the first patient").
COMPARED = re.compile(r"\b(?:like|unlike|as\s+(?:in|with|for|did)|similar(?:ly)?\s+to|identical\s+to|same\s+as|than|compared\s+(?:with|to)|contrast\s+to|"
                      r"sister|brother|mother|father|son|daughter|twin|sibling|cousin|wife|husband|relative)\b[^.;]{0,30}$",
                      re.IGNORECASE)


# "His 2-day-old sister", "the boy's twin brother": a relative word that names the next patient.
POSSESSIVE = re.compile(r"\b(?:his|her|their)\b|\w['’]s\b", re.IGNORECASE)
# "Patient 2, the mother, was in good health until ...": a relative word in apposition to the part's label.
APPOSED = re.compile(r"\b(?:case|patient|twin)\s*(?:#|no\.?\s*)?(?:\d+|[A-D]|[IVX]+)\s*[,:]\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$",
                     re.IGNORECASE)


def _relative_opening(part: list[Mention], start: PatientStart) -> list[Mention]:
    """A part whose first sentence after its heading presents the patient as a relative of the
    one before ("Twin B\nHis 2-day-old sister had ..."): that person word and its age are the
    patient's own, and the sex words before it ("His") speak of the other patient."""
    after = [m for m in part if m.start >= start.start]
    if not after:
        return part
    first = min(m.sentence_start for m in after)
    opening = sorted((m for m in after if m.sentence_start == first), key=lambda m: m.start)
    persons = [m for m in opening if m.group == "demographics" and m.label == "SEX" and m.value.evidence != "pronoun"]
    if not persons or not persons[0].value.relative:
        return part
    head = persons[0]
    before = head.sentence[:max(0, head.start - head.sentence_start)]
    if len(before) > 40 or not (POSSESSIVE.search(before) or APPOSED.search(before)):
        return part  # "The mother of a 3-year-old boy brought him": the mother is no patient
    rest = [m for m in part if m.sentence_start != first or m.start < start.start]
    sentence = [m for m in opening if not (m.group == "demographics" and m.label == "SEX" and m.start < head.start)]
    own = PatientStart(start.number, head.start, "introduced", head.end)
    return sorted(rest + as_introduced(sentence, own), key=lambda m: m.start)


# What a sentence about all the patients ("Both patients received cisplatin") gives each of them.
SHARED_GROUPS = frozenset({"drugs", "outcome", "procedures"})
# What a sentence about all the patients before the first case ("We report two women with
# carcinosarcoma. Both patients received six cycles of carboplatin and paclitaxel", "Two
# patients were diagnosed with stage IVB disease") gives each.
PREAMBLE_SHARED_GROUPS = frozenset({"drugs", "stage"})
# ... and what it gives them one by one in its order ("with involvement of the tibia and the
# cervical spine, respectively").
RESPECTIVE_GROUPS = frozenset({"sites"})
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _preamble_shared(sentence: list[Mention], index: int, count: int) -> list[Mention]:
    """The mentions of a sentence about all ``count`` patients before the first case that are
    patient ``index``'s: the drugs and stage it gives all of them, and, when it says
    "respectively" and names one site of spread per patient, the site in that patient's place."""
    shared = [m for m in sentence if m.group in PREAMBLE_SHARED_GROUPS]
    if RESPECTIVELY.search(sentence[0].sentence):
        sites = sorted((m for m in sentence if m.group in RESPECTIVE_GROUPS and not m.negated
                        and getattr(m.value, "role", None) == "metastasis"), key=lambda m: m.start)
        if len(sites) == count:
            shared.append(sites[index])
    return shared


def _block(mention: Mention, boundaries: list[int]) -> int:
    return bisect.bisect_right(boundaries, mention.start) - 1


def _about_all(sentence: list[Mention], references: tuple[re.Pattern, re.Pattern], count: int = 0) -> bool:
    """True when the sentence speaks of all the patients at once ("Both patients were discharged",
    or, opening it, the report's count of them: "Two patients were diagnosed with ..." in a report
    of two, not of three)."""
    if references[0].search(sentence[0].sentence):
        return True
    counted = COUNTED_SUBJECT.match(sentence[0].sentence)
    return bool(counted and count and patient_number(counted.group("count")) == count)


# A sentence opening on a count of patients as its subject: "Two patients were diagnosed with",
# "Cases: Three children had ...".
COUNTED_SUBJECT = re.compile(r"^\W*(?:[A-Z][a-z]+:\s*)?(?P<count>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[2-6])\s+(?:[\w-]+\s+)?"
                             r"(?:patients|cases|children|women|men|siblings|twins|infants|brothers|sisters)\s+"
                             r"(?:were|had|received|underwent|developed|presented|showed)\b")


def _named_after_cases(sentence: list[Mention], boundaries: list[int],
                       references: tuple[re.Pattern, re.Pattern]) -> int | None:
    """In the discussion after the last case of a report with "Case N" headings, the part of
    the patient a sentence names ("In the first patient, ...", "case 1 received ..."), else None."""
    if sentence[0].section in DESCRIBING or _block(sentence[0], boundaries) != len(boundaries) - 1:
        return None
    name = references[1].search(sentence[0].sentence)
    if not name or name.group("proband"):
        return None
    index = named_index(name)
    return index if 0 <= index < len(boundaries) else None


def _openings(starts: list[PatientStart]) -> list[PatientStart]:
    """The first start of each patient number, in text order (none when fewer than two)."""
    first_of: dict[int, PatientStart] = {}
    for start in sorted(starts, key=lambda s: s.start):
        first_of.setdefault(start.number, start)
    return sorted(first_of.values(), key=lambda s: s.start) if len(first_of) > 1 else []
