"""Newborn reports (``cases/series.py``): a newborn's age is 0 at birth, the mother's age and sex
are hers, not the newborn's, twins labelled with their sex take it, and a twin with no age
takes its co-twin's age in whole years."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.record import Case, Evidence
from pipeline.ingest.report import Report
from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.group_count import named_group
from pipeline.nlp.sections.patient_announcements import newborn_report
from pipeline.nlp.sections.patient_common import PERSON_SEX
from pipeline.nlp.sentences.bounds import sentence_end_after, sentence_start_before
from pipeline.resources import read_patterns


def newborn_ages(report: Report, rows: list[Case], patients: str) -> None:
    """A report about a newborn (issue 11): a row the text gives no age is a newborn at birth,
    age 0 (neonatal reports say "born at 28 weeks' gestation", "birth weight 800 g", which are
    no ages); and an age that belongs to the mother ("A 20-year-old
    primipara ... delivered a female infant", "born to a primiparous 30-year-old woman") is the
    mother's, not the newborn's: the row's age is 0. Nothing when an adult's age is stated before
    the newborn is presented (an obstetric report of the mother)."""
    about_newborn, presented = _newborn_opening(report, patients)
    if not about_newborn:
        return
    spec = read_patterns(patients)
    text, reach = report.text, int(spec["announced_reach"])
    if presented is not None:
        evidence = Evidence("age", 0, presented.group(), presented.start(), presented.end(), presented.start())
    else:
        evidence = Evidence("age", 0, report.title or "", 0, 0, 0, qualifiers=("title",))
    parent = _parent_of_pair(report, rows, patients)
    if parent is not None and parent.age is None:
        _mothers_age_to_parent(text, rows, parent, spec)
    onset = _onset_day(text, patients)
    if onset is not None:
        days, match = onset
        evidence = Evidence("age", round(days * DAY_IN_YEARS, 2), match.group(), match.start(), match.end(), match.start())
    for row in rows:
        if row is parent:
            continue
        if row.age is None or _maternal_age(text, row, spec):
            # at birth, or on the day of life its illness showed; twins "born to a 28-year-old
            # primigravida" as much as one newborn
            row.age = evidence.value
            row.evidence.append(replace(evidence))
    if len(rows) != 1:
        _labelled_twin_sexes(text, rows, spec)
        return
    row = rows[0]
    # the newborn's own sex word ("the male neonate", "a baby girl"), not the mother's "woman"
    said = NEWBORN_SEX.search(text, 0, reach)
    if said is None and row.sex is not None and _mothers_sex(text, row, spec):
        row.sex = None  # "The mother of the index case is a 16-year-old pregnant woman": hers
        return
    if said is not None:
        group = next(name for name in ("sex", "sex2", "sex3") if said.group(name))
        sex = "female" if said.group(group).lower() in ("female", "girl") else "male"
        if row.sex != sex:
            row.sex = sex
            row.evidence.append(Evidence("sex", sex, said.group(), said.start(group), said.end(group), said.start()))


def _onset_day(text: str, patients: str) -> tuple[int, re.Match] | None:
    """The day of life on which the newborn's illness showed ("bloody stools on day three of life",
    "On the thirteenth day after birth, twin A vomited"), from the first sentence that says so
    without dating a treatment by it ("received pacemaker implants at day 12 of life"); None when
    none does (the newborn is then at birth)."""
    pattern, treatment, words = _onset_patterns(patients)
    for match in pattern.finditer(text):
        if treatment.search(text, sentence_start_before(text, match.start()), sentence_end_after(text, match.end())):
            continue
        written = next(group for group in match.groups() if group)
        days = int(written) if written.isdigit() else words[written.lower()]
        return (days, match) if days <= MAX_ONSET_DAY else None
    return None


@lru_cache(maxsize=None)
def _onset_patterns(patients: str) -> tuple[re.Pattern, re.Pattern, dict[str, int]]:
    """``newborn_onset_day`` with its {day} filled (digits or a number word of ``newborn_day_words``), compiled,
    ``newborn_onset_not`` compiled, and the number words' values."""
    spec = read_patterns(patients)
    words = {k.lower(): int(v) for k, v in spec["newborn_day_words"].items()}
    number = r"\d{1,2}|" + "|".join(sorted(words, key=len, reverse=True))
    return (re.compile(fill_template(spec["newborn_onset_day"], {"day": number}), re.IGNORECASE),
            re.compile(spec["newborn_onset_not"], re.IGNORECASE), words)


# A newborn's days (the age written as a fraction of a year, 2 decimals: the contract) and the latest
# day of life read as a newborn's onset (28 days: the neonatal period).
DAY_IN_YEARS = 1 / 365.25
MAX_ONSET_DAY = 28


def _parent_of_pair(report: Report, rows: list[Case], patients: str) -> Case | None:
    """The parent's row of a newborn report about a parent and the child ("Mother and child were
    treated successfully", "a choriocarcinoma involving both mother and infant"): the row after the
    newborn's (a newborn report presents its newborn first), given the sex its word says when its text
    named none; None for any other report."""
    if len(rows) != 2:
        return None
    group = named_group(report.text, report.title, patients)
    word = PARENT_WORD.search(group.group()) if group is not None else None
    if word is None:
        return None
    parent = rows[1]
    if parent.age == 0:  # the newborn's age given to the pair by the reading of the series
        parent.age = None
        parent.evidence = [e for e in parent.evidence if e.field != "age"]
    if parent.sex is None:
        parent.sex = PERSON_SEX[word.group().lower()]
        parent.evidence.append(Evidence("sex", parent.sex, group.group(), word.start() + group.start(),
                                        word.end() + group.start(), group.start()))
    return parent


# A parent's word in a group of the report's patients ("mother and infant", "Mother and child").
PARENT_WORD = re.compile(r"\b(?:mother|father)\b", re.IGNORECASE)


def _labelled_twin_sexes(text: str, rows: list[Case], spec: dict) -> None:
    """Twins of a newborn report labelled after their sex word ("a live female (Twin A) ...
    a male infant (Twin B)", "Twin A, a male, and twin B, a female"): each row takes the sex of
    its twin, in the order the text names them, over the words its part holds (the mother's
    "woman" and "she" among them)."""
    by_label: dict[str, re.Match] = {}
    for key in ("labelled_twin", "labelled_twin_after"):  # "a live female (Twin A)", "Twin A, a male"
        for match in re.finditer(spec.get(key, "(?!)"), text[:int(spec["announced_reach"])]):
            label = match.group("label").upper()
            if label not in by_label or match.start() < by_label[label].start():
                by_label[label] = match
    if len(by_label) != len(rows):
        return
    # the rows follow the text's order of the twins ("Twin B, a girl, ... Twin A, a boy, ...")
    said = dict(enumerate(sorted(by_label.values(), key=lambda m: m.start())))
    for index, match in said.items():
        sex = PERSON_SEX[match.group("person").lower()]
        rows[index].sex = sex
        rows[index].evidence.append(Evidence("sex", sex, match.group(), match.start("person"), match.end("person"), match.start()))


# A newborn's own sex word: "a female infant", "the male neonate", "a baby girl", "newborn boy",
# "an infant female was born".
NEWBORN_SEX = re.compile(r"\b(?:(?P<sex>female|male)\s+(?:preterm\s+|term\s+|premature\s+)?(?:newborn|neonate|infant|baby)"
                         r"|(?:newborn|baby)\s+(?P<sex2>girl|boy)|(?:newborn|neonate|infant)\s+(?P<sex3>female|male)\b"
                         r"(?!\s+(?:and|or|patients|infants|neonates|newborns|ratio)\b))\b", re.IGNORECASE)


def _mothers_sex(text: str, row: Case, spec: dict) -> bool:
    """True when every word that gives the row its sex (pronouns aside) stands in a sentence
    about the newborn's mother ("The mother of the index case is a 16-year-old pregnant woman")."""
    maternal = re.compile(spec.get("maternal_sentence", "(?!)"), re.IGNORECASE)
    words = [e for e in row.evidence if e.field == "sex" and e.value == row.sex
             and text[e.start:e.end].lower() not in PRONOUNS]
    return bool(words) and all(maternal.search(e.sentence) for e in words)


PRONOUNS = frozenset({"she", "her", "hers", "herself", "he", "him", "his", "himself"})


def _mothers_age_to_parent(text: str, rows: list[Case], parent: Case, spec: dict) -> None:
    """The age the newborn's part writes with the mother's words ("born ... to a 33-year-old primiparous
    woman"), given to the parent's row of a report about both ("Both infant and mother were treated")."""
    for row in rows:
        if row is parent:
            continue
        said = next((e for e in row.evidence if e.field == "age" and isinstance(e.value, (int, float)) and e.value >= 12
                     and _written_as_mothers(text, e.start, e.end, spec)), None)
        if said is not None:
            parent.age = said.value
            parent.evidence.append(replace(said, kept=True))
            return


def _maternal_age(text: str, row: Case, spec: dict) -> bool:
    """True when the row's age is written with the mother's words ("a 20-year-old primipara")."""
    kept = next((e for e in row.evidence if e.field == "age" and e.kept and e.value == row.age), None)
    return kept is not None and _written_as_mothers(text, kept.start, kept.end, spec)


def _written_as_mothers(text: str, start: int, end: int, spec: dict) -> bool:
    after, before = text[end:end + 40], text[max(0, start - 25):start]
    return bool(re.search(spec.get("maternal_after", "(?!)"), after, re.IGNORECASE)
                or re.search(spec.get("maternal_before", "(?!)"), before, re.IGNORECASE))


def mothers_age_in_newborn_report(report: Report, start: int, end: int, patients: str) -> bool:
    """Whether an age read for a row (``start``-``end`` in the report's text) is the mother's in a
    report about her newborn ("born to a primiparous 30-year-old woman"): the row is the newborn,
    whose own statuses ("the neonate was discharged in good condition") are then the row's, not
    another person's as in the mother's own report."""
    return _newborn_opening(report, patients)[0] and _written_as_mothers(report.text, start, end, read_patterns(patients))


def _newborn_opening(report: Report, patients: str) -> tuple[bool, re.Match | None]:
    """Whether the report is about a newborn (its title or opening), and the opening's phrase that
    presents the newborn, when there is one (``newborn_presented``)."""
    spec = read_patterns(patients)
    reach = int(spec["announced_reach"])
    presented = re.search(spec.get("newborn_presented", "(?!)"), report.text[:reach], re.IGNORECASE | re.MULTILINE)
    return newborn_report(report.text[:reach], report.title, presented, patients), presented


# A report about twins: its title or opening names them ("... in identical twins", "Twin A").
TWINS = re.compile(r"\btwins?\b", re.IGNORECASE)
# Twins of one egg, who are of one sex ("monozygotic twins", "identical twin sisters").
ONE_EGG_TWINS = re.compile(r"\b(?:monozygotic|identical|monochorionic|uniovular)\s+(?:\w+\s+)?twins?\b", re.IGNORECASE)


def _twins_opening(report: Report, patients: str) -> str:
    """The report's title and opening, where it says its patients are twins."""
    return (report.title or "") + " " + report.text[:int(read_patterns(patients)["announced_reach"])]


def one_egg_twins(report: Report, rows: list[Case], patients: str) -> bool:
    """Whether the report's two rows are twins of one egg ("identical twins", "monozygotic twin sisters" in
    its title or opening), who are of one sex."""
    return len(rows) == 2 and bool(ONE_EGG_TWINS.search(_twins_opening(report, patients)))


def co_twin_age(report: Report, rows: list[Case], patients: str) -> None:
    """Twins, one of whom the text gives no age ("A previously healthy 1-year-old boy ... His twin
    brother developed similar symptoms eight days later"): twins are born together, so the other's
    age in whole years is its age too (an infant's age in months is not: twins fall ill weeks
    apart); twins of one egg ("monozygotic", "identical") are of one sex too."""
    opening = _twins_opening(report, patients)
    if len(rows) != 2 or not TWINS.search(opening):
        return
    sexed = [row for row in rows if row.sex is not None]
    if len(sexed) == 1 and ONE_EGG_TWINS.search(opening):  # twins of one egg are of one sex
        other = next(row for row in rows if row.sex is None)
        other.sex = sexed[0].sex
        other.evidence += [replace(e) for e in sexed[0].evidence if e.field == "sex" and e.kept and e.value == other.sex][:1]
    aged = [row for row in rows if row.age is not None]
    if len(aged) != 1 or aged[0].age < 1 or not float(aged[0].age).is_integer():
        return
    other = next(row for row in rows if row.age is None)
    other.age = aged[0].age
    other.evidence += [replace(e) for e in aged[0].evidence if e.field == "age" and e.kept and e.value == aged[0].age][:1]
