"""Finds statements of a patient's status: remission, response, stable or progressive disease,
no evidence of disease, alive with disease, death, recovery.

:class:`OutcomeMatcher` compiles the patterns of models/outcome/outcome.toml and finds the
phrases; where a phrase stands (its sentence, a table row, the story or a retelling) is read by
:mod:`pipeline.nlp.outcome.context`, whose status it tells (the phrase's subject) by
:mod:`pipeline.nlp.outcome.subjects`."""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import WORD_CHARS, Component, Finding, fill_template, unfound_span
from pipeline.nlp.outcome.context import OutcomeContext, _in_the_story
from pipeline.nlp.outcome.model import CATEGORIES, Outcome
from pipeline.nlp.outcome.subjects import GROUP_AFTER, ONE_OF_THE_GROUP, OutcomeSubjects, _numbered_cases
from pipeline.nlp.text import anchor_windows, lower_text, merge_windows
from pipeline.resources import read_patterns

GROUP = "outcome"
WORD = WORD_CHARS
SUBJECT_WINDOW = 150  # characters before a phrase where its subject is looked for


class OutcomeMatcher(OutcomeContext, OutcomeSubjects, Component):
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

        def named_group(category: str) -> str:
            """A new group name for a phrase of ``category``."""
            group = f"p{len(self.category_of)}"
            self.category_of[group] = category
            return group

        plain, cased = [], []
        for category, phrases in spec["categories"].items():
            if category not in CATEGORIES:
                raise ValueError(f"{patterns}: unknown outcome category {category!r}")
            for phrase in phrases:
                group = named_group(category)
                (cased if "(?-i:" in phrase else plain).append(f"(?P<{group}>{fill_template(phrase, parts)})")
        # A status word that is a whole cell of a table ("Recovered", "Died"): read only in the
        # row of a patient of the report ([table] cells)
        self.table_only: set[str] = set()
        for category, phrases in spec.get("table", {}).get("cells", {}).items():
            if category not in CATEGORIES:
                raise ValueError(f"{patterns}: unknown outcome category {category!r}")
            for phrase in phrases:
                group = named_group(category)
                self.table_only.add(group)
                plain.append(f"(?P<{group}>(?<=\t)(?:{phrase})(?=[ \t]*(?:\t|\n|$)))")
        # The patient told alive and nothing more ([survival]): read as alive with disease, flagged
        # so that the case assembly keeps it only where the disease is known to be there.
        self.bare_survival: set[str] = set()
        for phrase in spec.get("survival", {}).get("alive", []):
            group = named_group("alive with disease")
            self.bare_survival.add(group)
            plain.append(f"(?P<{group}>{fill_template(phrase, parts)})")
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
        self.others_of_named = regex_cache.compile(spec["subject"].get("others_of_named", "(?!)"), re.IGNORECASE)
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
            offset = start - len(before)
            written = text[start:end]
            # the report's own patients as a group, before the phrase; and a group word that needs the
            # phrase's verb after it ("All four died"), read on into the phrase
            spans = {m.span(): m for m in self.reported_group.finditer(before)}
            for m in self.reported_group.finditer(text, offset, end):
                if m.end() <= start and not any(a < m.end() - offset and m.start() - offset < b for a, b in spans):
                    spans[(m.start() - offset, m.end() - offset)] = m
            reported = sorted(spans)
            groups = [spans[span] for span in reported]
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
            named = reported + [(max(0, m.start() - offset), len(before)) for m in run_in]
            # "case 2 passed away, while the other cases recovered": every patient but those named
            but = self._others_of_named_subject(text, sentence[0], start, end)
            group_subject = bool(but) or self._reported_group_subject(before, reported) or bool(inside)
            # "Both patients required lavage, and one died": one of the group, not the group
            one_of_them = bool(reported) and not inside and not but and ONE_OF_THE_GROUP.search(before, reported[-1][1]) is not None
            if one_of_them:
                group_subject = False
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
                subject_plural=one_of_them or (False if row or anaphora or but else (
                    self._plural_subject(before, written, named) or self._general_statement(before, text[end:sentence[1]]))),
                subject_reported_group=group_subject or bool(row),
                cases=(row,) if row else () if but else _numbered_cases((inside or groups)[-1]) if group_subject else (),
                but_cases=but,
                subject_other_person=self._other_person_subject(before, reported),
                subject_newborn=self._newborn_subject(before, reported),
                subject_mother=self._mother_subject(before, reported),
                readmitted_after=bisect_left(readmissions, end) < len(readmissions),
                table_row=bool(row),
                bare_survival=match.lastgroup in self.bare_survival,
            ))
