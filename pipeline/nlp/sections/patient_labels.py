"""Starts of the patients' parts of a multi-patient report written as running text.

``caselit_sections`` finds "Case 2" headings on lines of their own. Pages flattened to one line
and abstracts run them into the text ("... was discharged. Case #2 – Post-infectious IBS A 37 year
old female was referred ...", "In case two, a 56-year-old woman presented ..."). A candidate
from ``models/sections/patients.toml`` counts only when an age follows it closely: a case number
cited later in the discussion ("as with case #3") is not followed by a patient's description.
Patients introduced without a label are read in ``patient_introductions``, the number of patients
a report announces in ``patient_announcements``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.sections.patient_common import InlineStart, age_pattern, patient_number
from pipeline.resources import read_patterns


@lru_cache(maxsize=None)
def _patterns(path: str) -> tuple[tuple[tuple[re.Pattern, int, bool], ...], re.Pattern, re.Pattern]:
    data = read_patterns(path)
    starts = tuple((re.compile(entry["pattern"], re.MULTILINE), int(entry["reach"]), bool(entry.get("described", False)))
                   for entry in data["starts"])
    return starts, age_pattern(path), re.compile(data.get("subject_after", "(?!)"))


def inline_patient_starts(text: str, path: str = "sections/patients.toml") -> list[InlineStart]:
    """Every place where the text opens the part about patient N, in text order.

    >>> starts = inline_patient_starts("Two cases. Case 1 A 9 year-old girl was seen. "
    ...     "Case 2 A 32 year-old woman was seen. As in case 2, CK was high.")
    >>> [(s.number, s.heading) for s in starts]
    [(1, 'Case 1'), (2, 'Case 2')]
    """
    candidates, age, subject = _patterns(path)
    found, last = [], []
    for pattern, reach, self_described in candidates:
        for match in pattern.finditer(text):
            number = patient_number(match.group("number"))
            # a patient is described after the label: an age, or the label made the subject
            # of a patient ("Case 2 is a girl born at term"), or of the patient's care (a
            # pattern marked ``described``: "The second case received surgery")
            described = self_described or age.search(text, match.end(), match.end() + reach) or subject.match(text, match.end())
            if not described:
                continue
            start = InlineStart(_person_before_label(text, match.start(), age), match.end(), number, match.group().strip())
            if number:
                found.append(start)
            elif match.group("number").lower() in LAST_WORDS:
                last.append(start)
    found += _numbered_last(last, found)
    found += labelled_series(text, found, path)
    # two patterns may find the same heading: one start per place
    unique = {}
    for start in sorted(found, key=lambda s: (s.start, -s.end)):
        unique.setdefault(start.start, start)
    return list(unique.values())


def _person_before_label(text: str, label: int, age: re.Pattern) -> int:
    """Where a patient's part opens when its label follows the patient in brackets: at the person
    the label names ("NPC was found in a 57-year-old female (Case 1) ... and in her 36-year-old son
    (Case 2)": the first part opens on "a 57-year-old female", whose age is that patient's); else at
    the label (``label``).

    >>> text = "NPC was found in a 57-year-old female (Case 1) and in her 36-year-old son (Case 2)."
    >>> text[_person_before_label(text, text.index("Case 1"), _patterns("sections/patients.toml")[1]):][:21]
    'a 57-year-old female '
    """
    opening = BRACKET_BEFORE.search(text, max(0, label - LABEL_PERSON_REACH), label)
    if opening is None:
        return label
    person = None
    for person in age.finditer(text, max(0, opening.start() - LABEL_PERSON_REACH), opening.start()):
        pass
    if person is None or text[person.end():opening.start()].strip(" ,-") and not PERSON_TAIL.fullmatch(text[person.end():opening.start()]):
        return label
    article = ARTICLE_BEFORE.search(text, max(0, person.start() - 8), person.start())
    return article.start() if article else person.start()


# A label in brackets right after the person it names: "... female (Case 1)", "... son (patient 2)".
BRACKET_BEFORE = regex_cache.compile(r"\(\s*$")
# Words that may stand between the age and the bracket: the person word the age pattern left out.
PERSON_TAIL = regex_cache.compile(r"(?i)\s*(?:[\w-]+\s*){0,2}")
ARTICLE_BEFORE = regex_cache.compile(r"(?i)\b(?:an?|her|his|their|the)\s+$")
# How far before its label the person may be told.
LABEL_PERSON_REACH = 40


# "The last case was ...", "the final patient, a ...", "The other case is ..." (of two): the patient
# after those numbered before it.
LAST_WORDS = frozenset({"last", "final", "other"})


def _numbered_last(last: list[InlineStart], found: list[InlineStart]) -> list[InlineStart]:
    """The "last" patients given the number after the highest one numbered before them; one
    with no numbered patient before it (a last case of the literature, a series told without
    numbers) opens none.

    >>> first = InlineStart(0, 15, 1, "The first case")
    >>> [s.number for s in _numbered_last([InlineStart(90, 103, 0, "The last case")], [first])]
    [2]
    >>> _numbered_last([InlineStart(90, 103, 0, "The last case")], [])
    []
    >>> [s.number for s in _numbered_last([InlineStart(90, 104, 0, "The other case"),
    ...                                    InlineStart(150, 163, 0, "The last case")], [first])]
    [2, 3]
    """
    out = []
    for start in sorted(last, key=lambda s: s.start):
        if any(s.start == start.start for s in out):
            continue  # two patterns found the same words
        # ("The other case ... The last case ...": each after the ones before it, "last" ones too)
        before = [s.number for s in found + out if s.start < start.start]
        if before:
            out.append(replace(start, number=max(before) + 1))
    return out


def labelled_series(text: str, found: list[InlineStart], path: str = "sections/patients.toml") -> list[InlineStart]:
    """The labels of a series of patients each made the subject of its own sentence ("Patient 1
    is a 12-year-old male ... Patient 2 is a 4-month-old female", "Patient A displayed ...
    Patient B presented with ..."), which ``found`` (the starts described by an age) lacks.

    A label with no age after it opens a patient's part only as a member of a series: the
    first label of each number, together with ``found``, runs 1, 2, ... (or A, B, ...) in text
    order without a gap, and has two members or more. A case cited alone in a discussion ("Case
    3 had a similar course") is no series.

    >>> [(s.number, s.heading) for s in labelled_series("Methods Patient 1 is a boy. Patient 2 is a girl.", [])]
    [(1, 'Patient 1'), (2, 'Patient 2')]
    >>> labelled_series("The findings differed from those of our earlier series, where Patient 2 had fever.", [])
    []
    """
    pattern = _series_label(path)
    matches = list(pattern.finditer(text))
    initials = _initials_in_order(matches)
    labels = [InlineStart(m.start(), m.end(), initials[m.group("initial")], m.group().strip().rstrip("."))
              if m.groupdict().get("initial") else
              InlineStart(m.start(), m.end(), patient_number(m.group("number")), m.group().strip())
              for m in matches]
    taken = {s.start for s in found}
    for family in sorted({_label_family(s) for s in labels}):
        first: dict[int, InlineStart] = {}
        for start in sorted((s for s in found + labels if _label_family(s) == family), key=lambda s: s.start):
            first.setdefault(start.number, start)
        series = []
        while len(series) + 1 in first:
            series.append(first[len(series) + 1])
        if len(series) > 1 and all(a.start < b.start for a, b in zip(series, series[1:])):
            return [s for s in series if s.start not in taken]
    return []


def _initials_in_order(matches: list[re.Match]) -> dict[str, int]:
    """Patients named by an initial ("Patient M.", "Patient A."), numbered in the order their
    initials first appear: an initial is a name, not a place in the alphabet."""
    order: dict[str, int] = {}
    for match in matches:
        initial = match.groupdict().get("initial")
        if initial:
            order.setdefault(initial, len(order) + 1)
    return order


def _label_family(start: InlineStart) -> tuple[str, bool]:
    """How a label names its patient: the word ("case", "patient") and whether by a letter. A
    series is labelled one way throughout ("Patient A ... Patient B"); "Case 1 ... Patient 2"
    is none. A number glued to its word ("Case1") is read apart from it."""
    words = re.findall(r"[^\W\d_]+|\d+|\S", start.heading.lower())
    word = next((w for w in words if w in ("case", "patient", "subject")), "")
    return word, words[-1].isalpha() and len(words[-1]) == 1


@lru_cache(maxsize=None)
def _series_label(path: str) -> re.Pattern:
    return re.compile(read_patterns(path).get("series_label", "(?!)"))
