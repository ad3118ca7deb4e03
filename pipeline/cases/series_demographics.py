"""Ages and sexes of patients told together (``cases/series.py``): relatives listed as the joint
subject of a diagnosis, one age given to a group of twins, ages and sexes listed in order or
"respectively", and the person words of an announcement ("a Turkish boy and his younger
sister")."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.mentions import Mention
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


# Twins of another pregnancy, not the patients: "She is a mother of healthy 3-year-old twins".
OTHER_TWINS = re.compile(r"\b(?:of|has|had|have|with)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


GROUP_WORD_SEX = (("female", re.compile(r"\b(?:female|women|sisters|girls)\b", re.IGNORECASE)),
                  ("male", re.compile(r"\b(?:male|men|brothers|boys)\b", re.IGNORECASE)))

# Days in a year, to write an age in weeks or days as a fraction of a year (ANNOTATION.md: years).
DAYS_A_YEAR = 365.25


def _group_age(text: str, reach: int, patients: str = "sections/patients.toml") -> tuple[float, re.Match] | None:
    """The age one phrase of the opening gives a group of twins (``group_age_before`` and
    ``group_age_after`` of the patterns file), in years, with its match: every patient of the
    group has it, twins being born together."""
    before, after = _group_age_patterns(patients)
    found = sorted([*before.finditer(text, 0, reach), *after.finditer(text, 0, reach)], key=lambda m: m.start())
    for match in found:
        if OTHER_TWINS.search(text, max(0, match.start() - 40), match.start("group")):
            continue
        said = match.groupdict()
        age, unit = (said["age"], said["unit"]) if said["age"] else (said["age_at"], said["unit_at"])
        return _in_years(patient_number(age), unit.lower()), match  # "38-year-old", "four-year-old"
    return None


@lru_cache(maxsize=None)
def _group_age_patterns(patients: str) -> tuple[re.Pattern, re.Pattern]:
    spec = read_patterns(patients)
    return re.compile(spec["group_age_before"]), re.compile(spec["group_age_after"])


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
    found = [(sex, match) for sex in ("female", "male")
             for match in [re.search(spec.get(f"group_sex_{sex}", "(?!)"), opening)] if match]
    if len(found) != 1:
        return
    sex, match = found[0]
    if _joined_to_other_sex(opening, match, sex):
        return  # "three patients (one male and two females)": the group is a part of them
    for row in rows:
        if row.sex is None:
            row.sex = sex
            row.evidence.append(_opening_evidence(sex, match, title))


def kin_pair_sexes(text: str, title: str | None, rows: list[Case], patients: str) -> None:
    """Two patients named in the title or the opening as a pair of relatives ("a father and son",
    "a brother and sister"): of one sex, both rows without a sex take it; of both sexes, the
    second row takes the sex the first row's does not have (the rows may be told in either
    order, so only a first row whose sex is known tells which person it is)."""
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
    return any(_person_sex(word) == sex for word in re.findall(r"[a-z]+", words.lower()))


# Person words the sections component's PERSON_SEX leaves out, and plurals not made with an "s".
POLITE_PERSON_SEX = {"lady": "female", "gentleman": "male"}
IRREGULAR_SINGULAR = {"men": "man", "women": "woman", "ladies": "lady", "gentlemen": "gentleman"}


def _person_sex(word: str) -> str | None:
    """The sex of a person word in the singular or the plural ("sisters", "daughters", "ladies"), or None."""
    word = word.lower()
    singular = IRREGULAR_SINGULAR.get(word, word.removesuffix("s"))
    return PERSON_SEX.get(word) or PERSON_SEX.get(singular) or POLITE_PERSON_SEX.get(singular)


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


def _age_lists(text: str, spec: dict):
    """The lists of ages in the opening (``listed_ages``, within ``announced_reach``) that are the
    patients' ages: not a range, a group's or spells ("between 5 and 7 years", "for 22 months and 12
    months": ``listed_ages_not_after``), nor times after an event ("noted 8 years and 3 years,
    respectively, after the initial operation": ``listed_ages_not_before``)."""
    listed, not_after = re.compile(spec["listed_ages"]), re.compile(spec["listed_ages_not_after"])
    not_before = re.compile(spec.get("listed_ages_not_before", "(?!)"))
    for match in listed.finditer(text, 0, int(spec["announced_reach"])):
        if not not_after.search(text, max(0, match.start() - 30), match.start()) and not not_before.match(text, match.end()):
            yield match


def listed_ages(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients' ages written together ("two siblings, aged five and 8 years"):
    when no row but the first has an age and the opening of the text gives exactly one age per
    row in one phrase, starting with the first row's, each row takes its own, in order."""
    if any(row.age is not None for row in rows[1:]):
        return
    for match in _age_lists(text, read_patterns(patients)):
        ages = _listed_age_values(match, len(rows))
        if ages is None or rows[0].age not in (None, ages[0]) and not _read_from(rows[0], match):
            continue  # (the first row's age, read from the list's first number, agrees)
        rows[0].evidence = [e for e in rows[0].evidence if not (e.field == "age" and _inside(e, match))]
        sex = LISTED_SEX.match(text, match.end())
        persons = ("one_person", "other_person")
        if all(match.groupdict().get(group) for group in persons):
            # "one a man of 18 years and the other a woman of 28 years": each row's sex too, over a sex the
            # row read from the sentence that lists them both ("one male, ...; the other a female")
            for row, group in zip(rows, persons):
                row.sex = _sex_of_person_word(match.group(group))
                row.evidence = [e for e in row.evidence if e.field != "sex"]
                row.evidence.append(Evidence("sex", row.sex, match.group(), match.start(group), match.end(group),
                                             match.start()))
        for row, age in zip(rows, ages):
            row.age = age
            row.evidence.append(Evidence("age", row.age, match.group(), match.start(), match.end(), match.start()))
            if sex is not None and row.sex is None:  # "in 4 and 17 years old male patients"
                row.sex = _sex_of_person_word(sex.group(1))
                row.evidence.append(Evidence("sex", row.sex, match.group(), sex.start(1), sex.end(1), match.start()))
        return


def grouped_ages(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients listed in groups, each with its person word and ages ("three boys
    aged 12, 8 and 7 years, and a girl aged 5 years"): when no row but the first has an age and
    one sentence of the opening holds two groups or more whose ages, one per person, add up to the
    rows, each row takes its age and its group's sex, in order."""
    if any(row.age is not None for row in rows[1:]):
        return
    spec = read_patterns(patients)
    pattern = re.compile(spec.get("grouped_ages", "(?!)"))
    by_sentence: dict[int, list[re.Match]] = {}
    for match in pattern.finditer(text, 0, int(spec["announced_reach"])):
        by_sentence.setdefault(_sentence_begin(text, match.start()), []).append(match)
    for start, groups in sorted(by_sentence.items()):
        said = []  # (age, sex, match) per person, in order
        for group in groups:
            items = GROUPED_AGE_SEPARATOR.split(group.group("ages"))
            count = 1 if group.group("person") else patient_number(group.group("count").lower())
            if len(items) != count:
                break
            sex = _sex_of_person_word(group.group("person") or group.group("persons"))
            said += [(_compound_age(item, group.group("unit") or "years"), sex, group) for item in items]
        else:
            if len(groups) < 2 or len(said) != len(rows) or rows[0].age not in (None, said[0][0]):
                continue
            for row, (age, sex, group) in zip(rows, said):
                row.age, row.sex = age, sex
                row.evidence = [e for e in row.evidence if e.field not in ("age", "sex")]
                row.evidence.append(Evidence("age", age, group.group(), group.start("ages"), group.end("ages"), start))
                row.evidence.append(Evidence("sex", sex, group.group(), group.start(), group.end(), start))
            return


# Between the ages of one group: a comma or "and" ("12, 8 and 7"; "4 years 10 months and 3 years 10
# months"), but not the "and" inside one age ("4 years and 10 months").
GROUPED_AGE_SEPARATOR = re.compile(r",?\s+and\s+(?=\d{1,2}\s*(?:years?|$|,))|\s*,\s*|,?\s+and\s+(?!\d{1,2}\s*months?)")
COMPOUND_AGE = re.compile(r"(?P<number>\d{1,2})\s*(?P<unit>years?|months?)?(?:\s+(?:and\s+)?(?P<months>\d{1,2})\s*months?)?$",
                          re.IGNORECASE)


def _compound_age(item: str, unit: str) -> float | int | None:
    """An age of a grouped list in years: "12" (in the group's ``unit``), "16 months", "4 years 10 months"."""
    match = COMPOUND_AGE.match(item.strip())
    if match is None:
        return None
    age = _age_value(match.group("number"), match.group("unit") or unit)
    if age is not None and match.group("months"):
        age = round(age + int(match.group("months")) / 12, 2)
    return age


def _sex_of_person_word(word: str) -> str:
    """The sex of a listed person word ("women", "girls", "sisters", "daughters", "ladies"; else "male")."""
    return _person_sex(word) or "male"


def _inside(evidence: Evidence, match: re.Match) -> bool:
    return match.start() <= evidence.start < match.end()


def _read_from(row: Case, match: re.Match) -> bool:
    """Whether the row's age was read from a number of the list itself (one part of "one aged
    five and a half months, and the other aged six months"): the list then gives it again."""
    return any(e.field == "age" and e.value == row.age and _inside(e, match) for e in row.evidence)


def _listed_age_values(match: re.Match, count: int) -> list | None:
    """The ages of a ``listed_ages`` match in years ("6- and 2-year-old", "aged five and 8
    years", "3 and 7 months"), or None unless it gives exactly ``count`` readable ages."""
    if match.groupdict().get("one"):  # "one aged five and a half months, and the other aged six months"
        said = [(match.group("one"), match.group("one_unit")), (match.group("other"), match.group("other_unit"))]
    elif match.groupdict().get("bare"):  # "aged 62 and 66": years
        said = [(number, "years") for number in re.split(r",?\s+and\s+|\s*,\s*", match.group("bare"))]
    elif match.groupdict().get("one2"):  # "one a man of 18 years and the other a woman of 28 years"
        said = [(match.group("one2"), match.group("one2_unit")), (match.group("other2"), match.group("other2_unit"))]
    else:
        # "6- and 2-year-old": the suspended hyphen is no part of the number; "aged 5½ years and
        # 7½ years": a unit after each number is the last one's
        # ("a 80-year and a 95-year old patient": each age may carry its article)
        # ("17-, 20-, and 23-year-old": the Oxford comma belongs to its "and")
        words = [re.sub(r"^an?\s+", "", w) for w in re.split(r",?\s+and\s+(?!a[-\s]half)|\s*,\s*", match.group("ages").lower())]
        units = {unit.lower().rstrip("s") for unit in re.findall(r"years?|months?", match.group(0), re.IGNORECASE)}
        if len(units) > 1 and _each_its_own_age(words, match):
            # "11-month-old, 7-month-old, and 5-year-old": each number with its own unit
            said = [(UNIT_AFTER.sub("", w).strip("-‐‑– "), OWN_UNIT.search(w).group(1)) for w in words[:-1]]
            said.append((words[-1].strip("-‐‑– "), match.group("unit")))
        elif len(units) > 1:
            return None  # "5 years and 7 months" is one age, not two
        else:
            said = [(UNIT_AFTER.sub("", w).strip("-‐‑– "), match.group("unit")) for w in words]
    ages = [_age_value(number, unit) for number, unit in said]
    if len(ages) != count or None in ages:
        return None
    return ages


# A unit written after a number of a list of ages ("5½ years and 7½ years").
UNIT_AFTER = re.compile(r"[\s‐‑–-]*(?:years?|months?)(?:[\s‐‑–-]+old)?$", re.IGNORECASE)
# An age of a list written whole, with its unit and "old" ("11-month-old"): one age, not a part of
# "5 years and 7 months".
OWN_UNIT = re.compile(r"(years?|months?)[\s‐‑–-]+old$", re.IGNORECASE)


def _each_its_own_age(words: list[str], match: re.Match) -> bool:
    """Whether every age of a list is written whole ("11-month-old, 7-month-old, and 5-year-old")."""
    return all(OWN_UNIT.search(w) for w in words[:-1]) and bool(re.search(r"old\W*$", match.group(0), re.IGNORECASE))


# A half year or month written after the number ("5½", "five and a half", "4.5").
HALF = re.compile(r"(?:½|[-\s]and[-\s]a[-\s]half|\.5)$", re.IGNORECASE)


def _age_value(number: str, unit: str) -> float | int | None:
    """The age in years of a number and its unit ("5½", "years" -> 5.5; "five and a half",
    "months" -> 0.46), None when the number cannot be read."""
    number = number.lower().strip()
    half = 0.5 if HALF.search(number) else 0
    number = HALF.sub("", number)
    value = int(number) if number.isdigit() else (patient_number(number) or None)
    if value is None:
        return None
    value += half
    if unit.lower().startswith("month"):
        return round(value / 12, 2)
    return value


# A sentence that gives each patient its own value in one list ("Both patients were aged 45 and
# 52 years, respectively", "The two patients, aged 45 and 52 years, ...", "Two men, aged 58 and 66
# years, presented with ...").
RESPECTIVE = re.compile(r"\brespectively\b|\b(?:both|(?:the\s+)?(?:two|three|four)\s+(?:\w+\s+)?)(?:patients|cases|children|siblings|twins|sisters|brothers|women|men)\b",
                        re.IGNORECASE)


def respective_ages(text: str, rows: list[Case], patients: str) -> None:
    """Patients described under their own headings, whose ages the opening gives together for
    all of them ("Both patients were aged 45 and 52 years, respectively"): a row with no age of
    its own takes its age from that list, in order, when the list holds one age per row and
    agrees with every age the rows have."""
    if all(row.age is not None for row in rows):
        return
    for match in _age_lists(text, read_patterns(patients)):
        begin = _sentence_begin(text, match.start())
        stop = text.find(". ", match.end())
        if not RESPECTIVE.search(text[begin:stop if stop > 0 else len(text)]):
            continue
        ages = _listed_age_values(match, len(rows))
        if ages is None:
            continue
        if any(row.age is not None and row.age != age for row, age in zip(rows, ages)):
            continue
        for row, age in zip(rows, ages):
            if row.age is None:
                row.age = age
                row.evidence.append(Evidence("age", age, match.group(), match.start(), match.end(), begin))
        return


def listed_person_ages(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients listed each with a person word and an age in one sentence of the
    opening ("The older brother aged 15 and the younger brother aged 14 years"), or over its
    sentences when none lists them all: when the listing holds exactly one person per row and agrees
    with the ages the rows have read, each row without an age takes its own and, if it has none, the
    sex of its person word, in order ("a girl 15-year old and a boy 25-year old", the first row
    having read 15)."""
    if all(row.age is not None for row in rows):
        return
    spec = read_patterns(patients)
    pattern = re.compile(spec.get("listed_person_age", "(?!)"))
    reach = int(spec["announced_reach"])
    by_sentence: dict[int, list[re.Match]] = {}
    for match in pattern.finditer(text, 0, reach):
        by_sentence.setdefault(_sentence_begin(text, match.start()), []).append(match)
    listings = [found for _, found in sorted(by_sentence.items()) if len(found) == len(rows)]
    # ... or, when no one sentence lists them all, the persons listed over the opening's sentences, one
    # per row ("... were the third sister, aged 57 years, and the eldest brother, aged 65 years. They were
    # treated by clipping. The eldest sister, aged 72 years, had an unruptured aneurysm.")
    every = [match for _, found in sorted(by_sentence.items()) for match in found]
    if not listings and len(every) == len(rows) and len(by_sentence) > 1:
        listings = [every]
    for found in listings[:1]:
        ages = [_age_value(match.group("age"), match.group("unit") or "years") for match in found]
        if any(row.age is not None and row.age != age for row, age in zip(rows, ages)):
            return  # the rows read other ages, or in another order: the listing is not theirs
        for row, match, age in zip(rows, found, ages):
            start = _sentence_begin(text, match.start())
            if row.age is not None:
                continue  # "a girl 15-year old and a boy 25-year old": the first row has read hers already
            row.age = age
            row.evidence.append(Evidence("age", row.age, match.group(), match.start("age"), match.end("age"), start))
            sex = PERSON_SEX.get(match.group("person").lower())
            if sex is not None and row.sex is None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, match.group(), match.start("person"), match.end("person"), start))


def _sentence_begin(text: str, position: int) -> int:
    """Start of the sentence holding ``position`` (after the last ". " before it)."""
    stop = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position))
    return 0 if stop < 0 else stop + 1


# The sex word right after a list of ages ("4 and 17 years old male patients", "... boys").
# A word or two may stand between: "6- and 2-year-old Japanese boys".
# The singular after a list is a non-native writer's plural: "in a 33 and 27-year-old woman".
LISTED_SEX = re.compile(r"\s*(?:(?!and\b|or\b|with\b)[A-Za-z][\w-]*\s+){0,2}?(females?|males?|girls?|boys?|wom[ae]n|m[ae]n|lady|ladies|sisters|brothers)\b", re.IGNORECASE)


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
            # "an 81-year-old man": the person word the age is written with gives the row its sex
            sex = _person_sex(mention.value.noun or "")
            if row.sex is None and sex is not None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, mention.sentence, mention.start, mention.end,
                                             mention.sentence_start, mention.qualifiers))
