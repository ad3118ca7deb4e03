"""Finds statements of a patient's status: remission, response, stable or progressive disease,
no evidence of disease, alive with disease, death, recovery."""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import WORD_CHARS, Component, Finding, fill_template, unfound_span
from pipeline.nlp.outcome.model import CATEGORIES, Outcome
from pipeline.nlp.text import anchor_windows, lower_text, merge_windows
from pipeline.resources import read_patterns

GROUP = "outcome"
WORD = WORD_CHARS
SUBJECT_WINDOW = 150  # characters before a phrase where its subject is looked for
# Sentence ends used when no sentence boundaries are set (the component alone on spacy.blank).
SENTENCE_END = regex_cache.compile(r"[.!?](?=\s+[A-Z0-9(\[\"“])|\n")


# Sections that retell or comment on the course rather than continue it: a worsening or an
# admission told there ("the patient deteriorated into septic shock" in the discussion, of the
# course before the discharge) does not undo a recovery the case description ends with.
RETELLING_SECTIONS = frozenset({"background", "discussion", "conclusion", "references", "back", "furniture"})


def _in_the_story(doc: Doc, position: int) -> bool:
    """Whether the character ``position`` stands where the patient's course is told, as far as
    the report's sections say (a text without sections is all story)."""
    for section in doc.spans.get("sections", ()):
        if section.start_char <= position < section.end_char:
            return section.label_ not in RETELLING_SECTIONS
    return True


class OutcomeMatcher(Component):
    """Puts outcome statements in ``doc.spans["outcome"]`` (label ``OUTCOME``) with an
    :class:`Outcome` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_outcome")
    >>> doc = nlp("She achieved complete remission. At the last follow-up she was alive and well.")
    >>> [(s._.value.category, s._.value.last_follow_up) for s in doc.spans["outcome"]]
    [('complete remission', False), ('no evidence of disease', True)]
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_outcome", patterns: str = "outcome/outcome.toml"):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        # "{verbs}" and the parts of [templates] ("{remission_kind}", "{time_after}") in phrases
        parts = {"verbs": spec["abbreviations"]["verbs"], **spec.get("templates", {})}
        # Two alternations; the group name says which category matched. Phrases in lower case
        # run on the lower-cased text without IGNORECASE (several times faster in Python's re);
        # phrases with upper-case abbreviations run on the text itself.
        self.category_of: dict[str, str] = {}
        plain, cased = [], []
        for category, phrases in spec["categories"].items():
            if category not in CATEGORIES:
                raise ValueError(f"{patterns}: unknown outcome category {category!r}")
            for phrase in phrases:
                group = f"p{len(self.category_of)}"
                self.category_of[group] = category
                (cased if "(?-i:" in phrase else plain).append(f"(?P<{group}>{fill_template(phrase, parts)})")
        # A status word that is a whole cell of a table ("Recovered", "Died"): read only in the
        # row of a patient of the report ([table] cells)
        self.table_only: set[str] = set()
        for category, phrases in spec.get("table", {}).get("cells", {}).items():
            if category not in CATEGORIES:
                raise ValueError(f"{patterns}: unknown outcome category {category!r}")
            for phrase in phrases:
                group = f"p{len(self.category_of)}"
                self.category_of[group] = category
                self.table_only.add(group)
                plain.append(f"(?P<{group}>(?<=\t)(?:{phrase})(?=[ \t]*(?:\t|\n|$)))")
        self.plain = regex_cache.compile("|".join(plain))
        self.cased = regex_cache.compile("|".join(cased), re.IGNORECASE)
        self.stems = spec["anchors"]["stems"]
        self.before = spec["anchors"]["before"]  # how far before a stem a phrase may start
        self.abbreviation = regex_cache.compile(spec["abbreviations"]["anchor"])
        self.bracketed = regex_cache.compile(spec["abbreviations"]["bracketed"], re.IGNORECASE)
        self.exclude_before = regex_cache.compile(spec["exclude"]["before"], re.IGNORECASE)
        self.exclude_after = regex_cache.compile(spec["exclude"]["after"], re.IGNORECASE)
        self.exclude_after_abbreviation = regex_cache.compile(spec["exclude"].get("after_abbreviation", "(?!)"), re.IGNORECASE)
        inside = spec["exclude"].get("inside")
        self.exclude_inside = regex_cache.compile(inside, re.IGNORECASE) if inside else None
        arrested = spec["exclude"].get("arrested")
        self.arrested = regex_cache.compile(arrested, re.IGNORECASE) if arrested else None
        self.last_follow_up = regex_cache.compile(spec["follow_up"]["last"], re.IGNORECASE)
        self.plural_subject = regex_cache.compile(spec["subject"]["plural"], re.IGNORECASE)
        self.singular_subject = regex_cache.compile(spec["subject"]["singular"], re.IGNORECASE)
        self.reported_group = regex_cache.compile(spec["subject"]["reported"], re.IGNORECASE)
        self.other_person = regex_cache.compile(spec["subject"]["other_person"], re.IGNORECASE)
        reporter = spec["subject"].get("reporter")
        self.reporter = regex_cache.compile(reporter, re.IGNORECASE) if reporter else None
        self.nominative = regex_cache.compile(spec["subject"]["nominative"], re.IGNORECASE)
        newborn, mother = spec["subject"].get("newborn"), spec["subject"].get("mother")
        self.newborn = regex_cache.compile(newborn, re.IGNORECASE) if newborn else None
        self.mother = regex_cache.compile(mother, re.IGNORECASE) if mother else None
        things = spec["subject"].get("thing_pronoun"), spec["subject"].get("thing_phrase")
        self.thing_pronoun, self.thing_phrase = (
            (regex_cache.compile(things[0], re.IGNORECASE), regex_cache.compile(things[1], re.IGNORECASE))
            if all(things) else (None, None))
        general = spec["subject"].get("general_after")
        self.general_after = regex_cache.compile(general, re.IGNORECASE) if general else None
        readmission = spec.get("supersede", {}).get("readmission")
        self.readmission = regex_cache.compile(readmission, re.IGNORECASE) if readmission else None
        table = spec.get("table", {})
        self.row_label = regex_cache.compile(table["row"], re.IGNORECASE) if "row" in table else None
        self.column_label = regex_cache.compile(table["header"], re.IGNORECASE) if "header" in table else None

    def find(self, doc: Doc, text: str):
        """Each status phrase as a :class:`Finding`, normalised as it is found: which phrases
        are kept depends on those kept before (overlaps, the sentence already read)."""
        lower = lower_text(text)
        found = []
        # A phrase starts at a word start shortly before one of its stems: try the alternation
        # there only (Python's re would otherwise try every branch at every character).
        taken_until = -1
        for region_start, region_end in anchor_windows(lower, self.stems, self.before, 0):
            for word in WORD.finditer(lower, region_start, region_end):
                if word.start() < taken_until:
                    continue
                match = self.plain.match(lower, word.start())
                if match:
                    found.append(match)
                    taken_until = match.end()
        abbreviations = [(m.start(), m.end()) for m in self.abbreviation.finditer(text)]
        for window_start, window_end in merge_windows(abbreviations, 80, 10, len(text)):
            found += self.cased.finditer(text, window_start, window_end)
        has_sentences = len(doc) > 1 and doc[len(doc) - 1].is_sent_start is not None
        readmissions = ([m.start() for m in self.readmission.finditer(text) if _in_the_story(doc, m.start())]
                        if self.readmission else [])
        taken_until = -1
        sentence, last_follow_up = (-1, -1), False  # character bounds of the last sentence seen
        for match in sorted(found, key=lambda m: (m.start(), -m.end())):
            start, end = match.span()
            if start < taken_until:
                continue  # the same words matched by both alternations
            bracket = self.bracketed.match(text, end)
            if bracket:
                end = bracket.end()
            if self.exclude_before.search(text[max(0, start - 50) : start]) or self.exclude_after.search(text[end : end + 30]):
                continue
            if match.re is self.cased and self.exclude_after_abbreviation.search(text[end : end + 30]):
                continue  # "PR status": the progesterone receptor
            if self.exclude_inside is not None and self.exclude_inside.search(text, start, end):
                continue  # "the wound had still not healed": a negation inside the phrase
            if self._arrested(text, start, match.lastgroup):
                continue  # "the stabilization of disease progression": what a treatment holds back
            row = self._table_row_patient(text, start)
            if match.lastgroup in self.table_only and not row:
                continue  # a status cell outside a numbered patient's row (a table of the literature)
            span = unfound_span(doc, start, end, "OUTCOME")
            if span is None:
                continue
            taken_until = end
            if not sentence[0] <= start < end <= sentence[1]:  # phrases often share a sentence
                if has_sentences:
                    sentence = self._sentence_of_tokens(doc, span.start, span.end)
                else:
                    sentence = self._sentence_bounds(text, start, end)
                last_follow_up = bool(self.last_follow_up.search(text, *sentence))
            before = text[max(sentence[0], start - SUBJECT_WINDOW) : start]
            written = text[start:end]
            groups = list(self.reported_group.finditer(before))  # the report's own patients as a group
            reported = [m.span() for m in groups]
            # "the death of both infants": the group named inside the phrase itself
            inside = list(self.reported_group.finditer(written))
            # "the second patient survived": the group's words run into the phrase
            run_in = [m for m in self.reported_group.finditer(text, max(sentence[0], start - 40), end) if m.start() < start < m.end()]
            inside += run_in
            # "strength improved in both patients": the group named right after the phrase
            after = GROUP_AFTER.match(text, end, sentence[1])
            if after is not None:
                inside += [m for m in [self.reported_group.match(text, after.end(), sentence[1])] if m is not None]
            # (its words before the phrase are the group's, not a plural subject: "they" of "they both recovered")
            offset = start - len(before)
            named = reported + [(max(0, m.start() - offset), len(before)) for m in run_in]
            group_subject = self._reported_group_subject(before, reported) or bool(inside)
            if not group_subject and not reported:
                # "In both patients the tumour progressed. They died a year later.": "they"
                # opening the sentence stands for the group the sentence before named
                antecedent = self._group_antecedent(text, sentence[0], before)
                if antecedent is not None:
                    groups, reported, group_subject = [antecedent], [], True
            anaphora = group_subject and not reported and not inside
            yield Finding(start, end, "OUTCOME", Outcome(
                category=self.category_of[match.lastgroup],
                written=written,
                last_follow_up=last_follow_up,
                subject_plural=False if row or anaphora else (
                    self._plural_subject(before, written, named) or self._general_statement(before, text[end:sentence[1]])),
                subject_reported_group=group_subject or bool(row),
                cases=(row,) if row else _numbered_cases((inside or groups)[-1]) if group_subject else (),
                subject_other_person=self._other_person_subject(before, reported),
                subject_newborn=self._newborn_subject(before, reported),
                subject_mother=self._mother_subject(before, reported),
                readmitted_after=bisect_left(readmissions, end) < len(readmissions),
                table_row=bool(row),
            ))

    def _arrested(self, text: str, start: int, group: str) -> bool:
        """Whether a progression phrase is the object of a word that stops it ("the stabilization
        of disease progression", "to halt the progression of the disease": "[exclude] arrested"
        of models/outcome/outcome.toml): the progression held back, not one the patient had."""
        if self.arrested is None or self.category_of[group] != "progressive disease":
            return False
        return self.arrested.search(text[max(0, start - 60): start]) is not None

    def _table_row_patient(self, text: str, start: int) -> int | None:
        """The patient's number of a table row that holds the phrase: a tab-separated line whose
        first cell is the number ("Case 2", "P2", or "2" under a column headed "Patient", "Case"
        or "No."), as a summary table of a series gives each patient's outcome ("[table]" of
        models/outcome/outcome.toml); None elsewhere."""
        if self.row_label is None:
            return None
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if "\t" not in line:
            return None
        first = line.split("\t", 1)[0].strip()
        label = self.row_label.fullmatch(first)
        if not label or first.find("\t") >= 0 or start - line_start <= len(first):
            return None  # not a numbered row, or the phrase is the label itself
        if not label.group("number").isdigit() or not 0 < int(label.group("number")) <= 30:
            return None
        if not first.isdigit():
            return int(label.group("number"))  # "Case 2", "Patient 2", "P2": labelled in the row
        # a bare number: the rows above up to the header must be numbered too, under a column
        # that names the patients ("Patient", "Case", "No.")
        position = line_start
        for _ in range(40):
            if position == 0:
                return None
            above_start = text.rfind("\n", 0, position - 1) + 1
            above = text[above_start: position - 1]
            position = above_start
            if "\t" not in above:
                return None
            cell = above.split("\t", 1)[0].strip()
            if self.row_label.fullmatch(cell):
                continue
            return int(label.group("number")) if self.column_label and self.column_label.fullmatch(cell) else None
        return None

    @staticmethod
    def _sentence_of_tokens(doc: Doc, start: int, end: int, limit: int = 300) -> tuple[int, int]:
        """Character bounds of the sentence around tokens [start, end)."""
        first = start
        while first > 0 and start - first < limit and not doc[first].is_sent_start:
            first -= 1
        last = end
        while last < len(doc) and last - end < limit and not doc[last].is_sent_start:
            last += 1
        return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)

    @staticmethod
    def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
        sentence_start = max(0, start - 400)
        for stop in SENTENCE_END.finditer(text, max(0, start - 400), start):
            sentence_start = stop.end()
        following = SENTENCE_END.search(text, end, end + 400)
        return sentence_start, following.end() if following else min(len(text), end + 400)

    def _general_statement(self, before: str, after: str) -> bool:
        """Whether the phrase opens a statement about published patients told after it
        ("Complete recovery is described in fewer than half of the published cases"): no
        singular subject before it in its sentence, a group of patients after it."""
        if self.general_after is None or self.singular_subject.search(before):
            return False
        return bool(self.general_after.search(after))

    def _group_antecedent(self, text: str, sentence_start: int, before: str) -> re.Match | None:
        """The report's own patients named as a group in the sentence before, when the phrase's
        subject is a "they" or "these" that opens its sentence, with no other subject word between
        it and the phrase ("Both patients relapsed. They died within a year."): the pronoun's
        antecedent. None otherwise (a "they" of things, "they have not recurred", is not one)."""
        opening = re.match(r"\s*(?:(?:however|unfortunately|eventually|finally|subsequently|later),?\s+)?(they|these\s+(?:two|three|four|five)\s+patients)\b",
                           before, re.IGNORECASE)
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
        return bool(plural) and (not singular or plural[-1].start() > max(singular))


def _outside(pattern: re.Pattern, before: str, reported: list[tuple[int, int]]) -> list[re.Match]:
    """The matches of ``pattern`` in ``before`` that start outside the spans of the report's own
    patients named as a group (``reported``: a word inside one, the "patient" of "patient 2",
    is part of it)."""
    return [m for m in pattern.finditer(before) if not any(a <= m.start() < b for a, b in reported)]


# The report's own group named right after a status: "improved in both patients", "resolved in all
# three children" (the group itself is ``[subject] reported``).
GROUP_AFTER = re.compile(r"\s+(?:\w+\s+)?in\s+(?=(?:both|all|the\s+(?:two|three|four)|our)\b)", re.IGNORECASE)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _numbered_cases(group: re.Match) -> tuple[int, ...]:
    """The patients' numbers of a group named by them ("Cases 1 and 3 recovered", "in patients
    2-4 the fever settled"; the ``numbers`` group of ``[subject] reported``) or by their order
    ("the second patient died"; the ``ordinal`` group), or by a Roman numeral ("the patient in case
    II"; the ``roman`` group), or ()."""
    named = group.groupdict()
    if named.get("ordinal"):
        return (ORDINALS[named["ordinal"].lower()],)
    if named.get("roman"):  # "the patient in case II"
        return (ROMAN[named["roman"]],)
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
