"""Patients a report names as a group (``cases/series.py``): the relatives listed as the joint
subject of a diagnosis ("a young girl, her father, her uncle and her grandfather"), the one age
given to a group of twins, the sex of a group of one sex ("twin sisters", "two brothers") or of a
pair of relatives ("a father and son"), and the person words of patients listed in apposition
("two cases, a boy and his mother")."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cases.person_words import person_sex
from pipeline.cases.record import Case, Evidence
from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.patient_common import PERSON_SEX, patient_number
from pipeline.resources import read_patterns, read_table


def enumerated_persons(text: str, patients: str,
                       sex_words: str = "demographics/sex.tsv") -> list[tuple[str | None, Evidence]]:
    """The relatives listed as the joint subject of a diagnosis in the opening ("a young girl,
    her father, her uncle and her grandfather were diagnosed with ..."): (sex, evidence) of each
    person word in order, else an empty list."""
    spec = read_patterns(patients)
    if "enumerated_persons" not in spec:
        return []
    person = spec["enumerated_person"]
    listed = re.compile(fill_template(spec["enumerated_persons"], {"person": person}))
    match = listed.search(text, 0, int(spec["announced_reach"]))
    if match is None:
        return []
    sexes = {row["term"].lower(): row["sex"] or None for row in read_table(sex_words)}
    start = match.start("persons")
    return [(sexes.get(word.group().lower()),
             Evidence("sex", None, match.group(), start + word.start(), start + word.end(), match.start()))
            for word in re.finditer(rf"(?i)\b{person}\b", match.group("persons"))]


# Twins of another pregnancy, not the patients: "She is a mother of healthy 3-year-old twins". Within
# the line: a title's last words ("Twins with fever") are not the opening's.
# The report's own twins after "case of" ("We report the case of 67-year-old monozygotic twin sisters") are.
OTHER_TWINS = re.compile(r"\b(?:(?<!\bcase\s)(?<!\bcases\s)(?<!\breport\s)of|has|had|have|with)[ \t]+(?:[\w-]+[ \t]+){0,2}$", re.IGNORECASE)


GROUP_WORD_SEX = (("female", re.compile(r"\b(?:female|women|sisters|girls)\b", re.IGNORECASE)),
                  ("male", re.compile(r"\b(?:male|men|brothers|boys)\b", re.IGNORECASE)))

# Days in a year, to write an age in weeks or days as a fraction of a year (ANNOTATION.md: years).
DAYS_A_YEAR = 365.25


def _group_age(text: str, reach: int, patients: str = "sections/patients.toml") -> tuple[float, re.Match] | None:
    """The age one phrase of the opening gives a group of twins (``group_age_before`` and
    ``group_age_after`` of the patterns file), the patients a count announces
    (``group_age_counted``) or all of them at once ("presented at exactly the same age of 18 months":
    ``group_age_same``), in years, with its match: every patient of the group has it, twins
    being born together."""
    found = sorted((match for pattern in _group_age_patterns(patients) for match in pattern.finditer(text, 0, reach)),
                   key=lambda m: m.start())
    for match in found:
        if match.group("group") and OTHER_TWINS.search(text, max(0, match.start() - 40), match.start("group")):
            continue  # (the age all the patients presented at names no group: group_age_same)
        said = match.groupdict()
        age, unit = (said["age"], said["unit"]) if said["age"] else (said["age_at"], said["unit_at"])
        return _in_years(patient_number(age), unit.lower()), match  # "38-year-old", "four-year-old"
    return None


@lru_cache(maxsize=None)
def _group_age_patterns(patients: str) -> tuple[re.Pattern, ...]:
    spec = read_patterns(patients)
    return tuple(re.compile(spec[key]) for key in ("group_age_before", "group_age_after", "group_age_counted", "group_age_same")
                 if key in spec)


def _in_years(number: int, unit: str) -> float | int:
    """An age of ``number`` ``unit`` (years, months, weeks or days) in years, two decimals."""
    if unit.startswith("month"):
        return round(number / 12, 2)
    if unit.startswith("week"):
        return round(number * 7 / DAYS_A_YEAR, 2)
    if unit.startswith("day"):
        return round(number / DAYS_A_YEAR, 2)
    return number


def group_age(text: str, rows: list[Case], patients: str) -> None:
    """Twins given one age together in the opening ("38 year-old mirror-image Asian female
    identical twins presented with ...", "monozygotic twins dying at 12 weeks of age"): rows
    without an age take it, and the sex its words say."""
    if all(row.age is not None for row in rows[1:]):
        return
    reach = int(read_patterns(patients)["announced_reach"])
    found = _group_age(text, reach, patients)
    if found is None:
        return
    age, match = found
    said = {sex for sex, words in GROUP_WORD_SEX if words.search(match.group("words") + match.group("group"))}
    sex = said.pop() if len(said) == 1 else None
    for row in rows:
        if row.age is None or row is rows[0]:
            if row.age is None:
                row.age = age
                number = "age" if match.groupdict()["age"] else "age_at"
                row.evidence.append(Evidence("age", age, match.group(), match.start(number), match.end(number), match.start()))
            if sex is not None and row.sex is None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, match.group(), match.start("words"), match.end("group"), match.start()))


def group_sex(text: str, title: str | None, rows: list[Case], patients: str) -> None:
    """The patients named in the title or the opening as a group of one sex ("dizygotic male
    twins", "twin sisters", "two brothers"): every row without a sex of its own takes it, the
    second twin whose part has no sex word as much as the first. Nothing when the opening
    names groups of both sexes."""
    spec = read_patterns(patients)
    opening = _title_and_opening(text, title, spec)
    found = _sexes_named(spec, "", opening)
    if not found and title:
        # the population the title names ("... in HIV-negative Men: A Case Series"), at the start of the string
        found = _sexes_named(spec, "_title", title)
    if len(found) != 1:
        return
    sex, match = found[0]
    if _joined_to_other_sex(opening, match, sex):
        return  # "three patients (one male and two females)": the group is a part of them
    other = "male" if sex == "female" else "female"
    if any(patient_number(count) < len(rows) for count in GROUP_COUNT.findall(match.group())) and _names_sex(opening, other):
        return  # "all three women had been pregnant" of four patients, "three female and one male": a part of them
    for row in rows:
        if row.sex is None:
            row.sex = sex
            row.evidence.append(_opening_evidence(sex, match, title))


# A count of persons in a group's words ("all three women", "two cases of ... in women").
GROUP_COUNT = re.compile(r"(?i)\b(two|three|four|five|six|[2-6])\b")


def _sexes_named(spec: dict, kind: str, text: str) -> list[tuple[str, re.Match]]:
    """(sex, match) of each sex whose group pattern (``group_sex_<sex><kind>`` of the patterns file) ``text`` holds."""
    return [(sex, match) for sex in ("female", "male")
            for match in [re.search(spec.get(f"group_sex_{sex}{kind}", "(?!)"), text)] if match]


def kin_pair_sexes(text: str, title: str | None, rows: list[Case], patients: str, told_together: bool = False) -> None:
    """Two patients named in the title or the opening as a pair of relatives ("a father and son",
    "a brother and sister"): of one sex, both rows without a sex take it; of both sexes, the
    second row takes the sex the first row's does not have (the rows may be told in either
    order, so only a first row whose sex is known tells which person it is). ``told_together``: the
    rows were added for patients the text tells together, never one by one ("The simultaneous occurrence
    of cancer of the pancreas in husband and wife is reported"): the pair's order is the rows' order."""
    if len(rows) != 2 or all(row.sex is not None for row in rows):
        return
    spec = read_patterns(patients)
    match = re.search(spec.get("kin_pair", "(?!)"), _title_and_opening(text, title, spec))
    if match is None:
        return
    sexes = [PERSON_SEX[match.group(part).lower()] for part in ("first", "second")]
    for row in rows:
        if row.sex is not None:
            continue
        if sexes[0] == sexes[1]:
            row.sex = sexes[0]
        elif row is rows[1] and rows[0].sex in sexes:
            row.sex = sexes[1 - sexes.index(rows[0].sex)]
        elif told_together and rows[0].sex is None and rows[1].sex is None:
            row.sex = sexes[rows.index(row)]
        else:
            continue
        row.evidence.append(_opening_evidence(row.sex, match, title))


def _title_and_opening(text: str, title: str | None, spec: dict) -> str:
    """The title and the opening of the text (``announced_reach`` characters), as one string to search
    for what they say of the patients as a group."""
    return (title or "") + "\n" + text[:int(spec["announced_reach"])]


def _opening_evidence(sex: str, match: re.Match, title: str | None) -> Evidence:
    """The evidence of a sex read from a match in :func:`_title_and_opening`, at its place in the text
    (0 when it stands in the title)."""
    start = max(0, match.start() - len(title or "") - 1)
    return Evidence("sex", sex, match.group(), start, start + len(match.group()), start)


def _joined_to_other_sex(opening: str, match: re.Match, sex: str) -> bool:
    """True when the group of one sex is listed with a person of the other ("one male and two
    females", "two girls and a boy"): the patients are of both sexes."""
    before = opening[max(0, match.start() - 40):match.start()]
    after = opening[match.end():match.end() + 40]
    joined_before = re.search(r"\b(?P<words>(?:\w+\s+){1,3})(?:and|&)\s+$", before)
    joined_after = re.match(r"\s*(?:and|&)\s+(?P<words>(?:\w+\s*){1,3})", after)
    return any(joined and _names_sex(joined.group("words"), "male" if sex == "female" else "female")
               for joined in (joined_before, joined_after))


def _names_sex(words: str, sex: str) -> bool:
    """Whether ``words`` hold a person word of ``sex``, in the singular or the plural."""
    return any(person_sex(word) == sex for word in re.findall(r"[a-z]+", words.lower()))


# A person word of a listed pair ("a boy and his mother").
PERSON_WORD = re.compile(r"\b(" + "|".join(PERSON_SEX) + r")\b", re.IGNORECASE)


def listed_sexes(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients listed in apposition with a person word each ("two cases, a boy
    and his mother", "First cousins, a male and a female"): each row takes its person's sex,
    in order, when the list holds one person per row."""
    spec = read_patterns(patients)
    lists = [re.compile(spec.get(key, "(?!)")) for key in ("listed_persons", "listed_persons_described")]
    for match in (m for listed in lists for m in listed.finditer(text, 0, int(spec["announced_reach"]))):
        words = list(PERSON_WORD.finditer(match.group("persons")))
        if len(words) != len(rows):
            continue
        start = match.start("persons")
        for row, word in zip(rows, words):
            # over the first row's own sex too: it was read from every patient's words at once
            row.sex = PERSON_SEX[word.group(1).lower()]
            row.evidence.append(Evidence("sex", row.sex, match.group(), start + word.start(1), start + word.end(1), start))
        return
