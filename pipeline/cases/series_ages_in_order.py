"""Ages of a report's several patients told in the order the patients are told, not in one list
(``cases/series.py``, ``cases/assemble.py``): the sentence that presents them one after the other,
each age with its person word ("a 22-year-old woman admitted with ... and a 34-year-old man"), and
the patients' distinct ages in order of their first mention ("56 years old (patient 1) and 59
years old (patient 2)")."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.mentions import Mention
from pipeline.cases.person_words import person_sex
from pipeline.cases.record import Case, Evidence


# How far after an age its person word may stand ("a 34-year-old man", "aged 34, a man").
PERSON_REACH = 30


def listed_demographics(first: Case, rows: list[Case]) -> None:
    """The patients presented one after the other in the sentence that gives the first row its
    age ("We report two cases: a 22-year-old woman admitted with ... and a 34-year-old man with
    suspected FAP"): when that sentence holds exactly one age per row, each with its person word
    right after it, each row takes its own age and that word's sex, in order."""
    kept = next((e for e in first.evidence if e.field == "age" and e.kept), None)
    if kept is None:
        return
    ages = sorted((e for e in first.evidence if e.field == "age" and e.sentence_start == kept.sentence_start), key=lambda e: e.start)
    if len(ages) != len(rows) or ages[0].start != kept.start:
        return
    sexes = [e for e in first.evidence if e.field == "sex" and e.sentence_start == kept.sentence_start]
    words = [next((e for e in sexes if 0 <= e.start - age.end <= PERSON_REACH), None) for age in ages]
    if None in words:
        return  # "a CT at 7 months of age ... and at 3 years of age": one patient's ages, no persons
    for row, age, word in zip(rows[1:], ages[1:], words[1:]):
        row.age = age.value
        row.evidence.append(replace(age, kept=True))
        row.sex = word.value
        row.evidence.append(replace(word, kept=True))
    if first.sex is None:  # one plural word after all the ages ("11-month-old, 7-year-old, and 5-year-old boys")
        first.sex = words[0].value
        first.evidence = [e for e in first.evidence if e is not words[0]] + [replace(words[0], kept=True)]


# Sections whose ages are not the report's patients' (published patients, the page around the report).
NOT_PATIENTS_AGES = ("discussion", "background", "references", "furniture")
# The age of a group of people ("pneumonia is common in 60-year-old men") is no patient's.
GROUP_NOUN = re.compile(r"(?i)(?:men|women|patients|children|people|persons|adults|individuals|subjects|males|females"
                        r"|boys|girls|infants|cases|smokers)$")


def ages_in_order(rows: list[Case], mentions: list[Mention]) -> None:
    """The ages of a report of several patients given in the order the patients are told, when some
    rows read none of their own ("Two women, 56 years old (patient 1) and 59 years old (patient 2),
    ...", "The first case was a 45-year-old man ... the second, 60 years old, ..." told in one
    paragraph): the patients' distinct ages, in order of their first mention outside the discussion,
    the background and the page's furniture, are one per row. Read only when there are exactly as
    many distinct ages as rows and every row that has an age has the one of its place (an age at an
    earlier event, "at the age of 3", a relative's or a group's, "common in 60-year-old men", is none of
    them); each row without an age then takes the one of its place, and the sex of the person word it is
    written with ("an 81-year-old man") when it has none."""
    if len(rows) < 2 or all(row.age is not None for row in rows):
        return
    told = sorted((m for m in mentions if m.group == "demographics" and m.label == "AGE" and not m.value.relative
                   and m.value.form != "at_age" and m.section not in NOT_PATIENTS_AGES
                   and m.subject not in ("other", "generic") and not GROUP_NOUN.match(m.value.noun or "")),
                  key=lambda m: m.start)
    distinct: dict[float, Mention] = {}
    for mention in told:
        distinct.setdefault(mention.value.years, mention)
    ordered = list(distinct.values())
    if len(ordered) != len(rows) or any(row.age is not None and row.age != m.value.years
                                        for row, m in zip(rows, ordered)):
        return
    for row, mention in zip(rows, ordered):
        if row.age is None:
            row.age = mention.value.years
            row.evidence.append(Evidence("age", row.age, mention.sentence, mention.start, mention.end,
                                         mention.sentence_start, mention.qualifiers))
            # "an 81-year-old man": the person word the age is written with gives the row its sex, and so does the one
            # the age is told of right after it ("except for a sister who was three years old")
            sex = person_sex(mention.value.noun or "") or _sex_told_before(mention, mentions)
            if row.sex is None and sex is not None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, mention.sentence, mention.start, mention.end,
                                             mention.sentence_start, mention.qualifiers))


# Between a person word and the age told of it: "a sister who was three years old", "a brother, aged 5".
TOLD_OF = re.compile(r"\s*,?\s*(?:who\s+(?:was|is)|aged)?\s*$", re.IGNORECASE)


def _sex_told_before(age: Mention, mentions: list[Mention]) -> str | None:
    """The sex of the person word right before an age told of it ("a sister who was three years old"), or None."""
    before = [m for m in mentions if m.group == "demographics" and m.label == "SEX" and m.sentence_start == age.sentence_start
              and m.end <= age.start and m.value.evidence in ("word", "relative")]
    if not before:
        return None
    word = max(before, key=lambda m: m.end)
    gap = age.sentence[word.end - age.sentence_start: age.start - age.sentence_start]
    return word.value.sex if TOLD_OF.fullmatch(gap) else None
