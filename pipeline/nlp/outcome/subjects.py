"""Whose status a phrase tells: the nearest subject before it in its sentence (the patient, a
group of other patients, the report's own patients as a group, another person, a newborn, the
mother), a "they" that stands for the group the sentence before named, a statement about published
patients, and the patients' numbers of a group named by them. :class:`OutcomeSubjects` is a mixin
of :class:`~pipeline.nlp.outcome.outcome.OutcomeMatcher`, whose ``__init__`` compiles the
``[subject]`` patterns it reads with."""
from __future__ import annotations

import re

from pipeline.nlp.sections.patient_common import patient_number

# Another person joined to the patient between the patient and a "they" ("the patient and her
# husband ... they", "the patient with his wife"): then "they" are the two of them.
JOINED_PERSON = re.compile(r"\b(?:and|with|or)\s+(?:his|her|its|the|a|an|their|other|several)\b", re.IGNORECASE)


class OutcomeSubjects:
    """The subject of a phrase :meth:`OutcomeMatcher.find` found, read in ``before`` (its
    sentence's text before it, up to ``SUBJECT_WINDOW`` characters)."""

    def _general_statement(self, before: str, after: str) -> bool:
        """Whether the phrase opens a statement about published patients told after it
        ("Complete recovery is described in fewer than half of the published cases"): no
        singular subject before it in its sentence, a group of patients after it."""
        if self.general_after is None or self.singular_subject.search(before):
            return False
        return bool(self.general_after.search(after))

    def _group_antecedent(self, text: str, sentence_start: int, before: str) -> re.Match | None:
        """The report's own patients named as a group in the sentence before, when the phrase's
        subject is a "they" or "these" that opens its sentence or a clause of it, with no other
        subject word between it and the phrase ("Both patients relapsed. They died within a
        year.", "... their regimen was reduced and they were treated with interferon with remission
        of the clinical findings"): the pronoun's antecedent. None otherwise (a "they" of things,
        "they have not recurred", is not one)."""
        openings = list(GROUP_PRONOUN.finditer(before))
        opening = openings[-1] if openings else None
        if not opening or self.singular_subject.search(before, opening.end()):
            return None
        window = max(0, sentence_start - 300)
        previous = text[window: sentence_start].rstrip().rstrip(".")
        start = max(previous.rfind(". "), previous.rfind(".\n"), previous.rfind("\n"))
        if start < 0 and window > 0:
            return None  # the sentence before is not all there
        last = previous[start + 1:]
        groups = list(self.reported_group.finditer(last))
        if not groups or self.singular_subject.search(last, groups[-1].end()):
            return None
        return groups[-1]

    def _others_of_named_subject(self, text: str, sentence_start: int, start: int, end: int) -> tuple[int, ...]:
        """The numbers of the patients a sentence names before "the other cases" / "the remaining
        ones" when that group is the subject of the phrase at ``start`` ("Unfortunately, case 2 passed
        away due to sepsis, while the other cases recovered"; the phrase ends at ``end``): the status is every other row's. ()
        when the sentence names no one by number or order before it, or a subject word stands
        between the group and the phrase."""
        before = text[sentence_start:end]  # (the group may open the phrase: "the other two recovered")
        others = [m for m in self.others_of_named.finditer(before) if m.start() <= start - sentence_start]
        if not others:
            return ()
        between = before[:max(others[-1].end(), start - sentence_start)]
        if self.singular_subject.search(between, others[-1].end()) or self.plural_subject.search(between, others[-1].end()):
            return ()
        named = [n for m in self.reported_group.finditer(before, 0, others[-1].start()) for n in _numbered_cases(m)]
        return tuple(sorted(set(named)))

    def _other_person_subject(self, before: str, reported: list[tuple[int, int]]) -> bool:
        """Whether another person than the patient (a relative, a donor) is named before the
        phrase with no "she"/"the patient" after it, and does not tell the patient's status ("her
        parents reported complete resolution of the episodes"). ``reported``: the spans of the
        report's own patients named as a group in ``before`` ("mother and baby")."""
        others = [m.start() for m in _outside(self.other_person, before, reported)]
        patient = [m.start() for m in self.nominative.finditer(before)]
        if not others or (patient and patient[-1] > others[-1]):
            return False
        return not (self.reporter and self.reporter.search(before, others[-1]))

    def _newborn_subject(self, before: str, reported: list[tuple[int, int]]) -> bool:
        """Whether the nearest subject word before the phrase is a newborn ("the baby died on
        day 2", "the neonate was discharged"): the patient of a newborn's report, another person
        in a report of the mother ("[subject] newborn" of models/outcome/outcome.toml)."""
        if self.newborn is None:
            return False
        babies = _outside(self.newborn, before, reported)
        if not babies:
            return False
        last = babies[-1]
        others = [m.start() for m in _outside(self.singular_subject, before, reported)
                  if not last.start() <= m.start() < last.end()]
        others += [m.start() for m in _outside(self.other_person, before, reported)]
        return not others or last.start() > max(others)

    def _mother_subject(self, before: str, reported: list[tuple[int, int]]) -> bool:
        """Whether the other person named before the phrase is "the mother" ("the mother made a
        good recovery"): the patient of a report of a pregnant woman, another person in a
        newborn's; never "her mother" (a relative's, "[subject] mother")."""
        if self.mother is None or not self._other_person_subject(before, reported):
            return False
        others = _outside(self.other_person, before, reported)
        return any(m.start() <= others[-1].start() < m.end() for m in self.mother.finditer(before))

    def _reported_group_subject(self, before: str, reported: list[tuple[int, int]]) -> bool:
        """Whether the nearest subject word before the phrase is the reported patients as a group
        (``reported``: their spans in ``before``; a word inside one, the "patient" of "patient 2",
        is part of it)."""
        plural = _outside(self.plural_subject, before, reported)
        if reported and self.thing_pronoun is not None:
            # "the course of each patient was uneventful and they were discharged": "they" after
            # the group, in its sentence, stands for the group
            plural = [m for m in plural if m.start() < reported[-1][0] or not self.thing_pronoun.fullmatch(m.group())]
        others = [m.start() for m in _outside(self.singular_subject, before, reported) + plural]
        return bool(reported) and (not others or reported[-1][0] > max(others))

    def _plural_subject(self, before: str, written: str, reported: list[tuple[int, int]]) -> bool:
        """Whether the nearest subject word before the phrase names a group other than the
        reported patients (``reported``: their spans in ``before``; "both patients recovered"
        speaks of the report's own patients). "They" before a phrase that things do ("the
        symptoms resolved within a year and they have not recurred") stands for the things, not
        for a group of people."""
        # read on into the phrase so that a word after the subject can tell it ("the patients
        # condition improved": a possessive without its apostrophe), but only subjects before it count
        plural = [m for m in _outside(self.plural_subject, before + written, reported) if m.start() < len(before)]
        if plural and self.thing_pronoun and self.thing_pronoun.fullmatch(plural[-1].group()) and self.thing_phrase.search(written):
            plural = plural[:-1]
        singular = [m.start() for m in self.singular_subject.finditer(before)] + [a for a, _ in reported]
        opening = self.singular_subject.match(written)
        if opening:  # "..., like most patients in the literature, she recovered": the phrase names its subject
            singular.append(len(before) + opening.start())
        if plural and singular and plural[-1].group().lower() == "they" and plural[-1].start() > max(singular) \
                and not JOINED_PERSON.search(before, min(singular), plural[-1].start()):
            return False  # "The patient, aged 73 years, ...; however, they died ...": the singular "they"
        return bool(plural) and (not singular or plural[-1].start() > max(singular))


def _outside(pattern: re.Pattern, before: str, reported: list[tuple[int, int]]) -> list[re.Match]:
    """The matches of ``pattern`` in ``before`` that start outside the spans of the report's own
    patients named as a group (``reported``: a word inside one, the "patient" of "patient 2",
    is part of it)."""
    return [m for m in pattern.finditer(before) if not any(a <= m.start() < b for a, b in reported)]


# The report's own group named right after a status: "improved in both patients", "resolved in all
# three children" (the group itself is ``[subject] reported``).
# "They" or "these two patients" as the subject of the sentence or of one of its clauses: at its start (after an
# opening adverb) or after a comma, a semicolon or "and".
GROUP_PRONOUN = re.compile(r"(?:^\s*(?:(?:however|unfortunately|eventually|finally|subsequently|later),?\s+)?|[,;]\s+|\band\s+)"
                           r"(they|these\s+(?:two|three|four|five)\s+patients)\b", re.IGNORECASE)
GROUP_AFTER = re.compile(r"\s+(?:\w+\s+)?in\s+(?=(?:both|all|any|each|the\s+(?:two|three|four)|our)\b)", re.IGNORECASE)
# One of the group named after the group as the subject of a later clause ("Both patients required lavage, and
# one died of the disease", "..., while one of them later died"): the status is that one's, whom the sentence
# does not name; no row's.
ONE_OF_THE_GROUP = re.compile(r"(?:[,;]\s*|\b(?:and|while|whereas|but)\s+)(?:only\s+)?(?:one|another)(?:\s+of\s+(?:them|these|those|the\s+"
                              r"(?:two|three|four|patients|cases|children)))?\s+(?:(?:patient|case|child|infant)\s+)?(?:\w+\s+){0,2}$",
                              re.IGNORECASE)


def _numbered_cases(group: re.Match) -> tuple[int, ...]:
    """The patients' numbers of a group named by them ("Cases 1 and 3 recovered", "in patients
    2-4 the fever settled"; the ``numbers`` group of ``[subject] reported``) or by their order
    ("the second patient died"; the ``ordinal`` group), or by a Roman numeral ("the patient in case
    II"; the ``roman`` group), or ()."""
    named = group.groupdict()
    if named.get("ordinal"):
        return (patient_number(named["ordinal"]),)
    if named.get("roman"):  # "the patient in case II"
        return (patient_number(named["roman"]),)
    return case_numbers(named["numbers"]) if named.get("numbers") else ()


def case_numbers(written: str) -> tuple[int, ...]:
    """The numbers of a written list of patients' numbers, ranges expanded.

    >>> case_numbers("1 and 3")
    (1, 3)
    >>> case_numbers("2-4")
    (2, 3, 4)
    >>> case_numbers("1, 2, and 5")
    (1, 2, 5)
    """
    found: list[int] = []
    for first, last in re.findall(r"(\d{1,2})(?:\s*(?:[-–]|to)\s*(\d{1,2}))?", written):
        low, high = int(first), int(last or first)
        found.extend(range(low, high + 1) if 0 < high - low < 10 else [low])
    return tuple(sorted(set(found)))
