"""Ages of the patients a report announces, written together in one list of the opening
(``cases/series.py``): "two siblings, aged five and 8 years", "three boys aged 12, 8 and 7 years,
and a girl aged 5 years", "Both patients were aged 45 and 52 years, respectively", "The older
brother aged 15 and the younger brother aged 14 years"; with the sex of the person words the
list gives its patients."""
from __future__ import annotations

import re

from pipeline.cases.person_words import sex_of_person_word
from pipeline.cases.record import Case, Evidence
from pipeline.nlp.sections.patient_common import PERSON_SEX, patient_number
from pipeline.nlp.sentences.bounds import sentence_around, sentence_start_before
from pipeline.resources import read_patterns


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
                row.sex = sex_of_person_word(match.group(group))
                row.evidence = [e for e in row.evidence if e.field != "sex"]
                row.evidence.append(Evidence("sex", row.sex, match.group(), match.start(group), match.end(group),
                                             match.start()))
        for row, age in zip(rows, ages):
            row.age = age
            row.evidence.append(Evidence("age", row.age, match.group(), match.start(), match.end(), match.start()))
            if sex is not None and row.sex is None:  # "in 4 and 17 years old male patients"
                row.sex = sex_of_person_word(sex.group(1))
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
        by_sentence.setdefault(sentence_start_before(text, match.start()), []).append(match)
    for start, groups in sorted(by_sentence.items()):
        said = []  # (age, sex, match) per person, in order
        for group in groups:
            items = GROUPED_AGE_SEPARATOR.split(group.group("ages"))
            count = 1 if group.group("person") else patient_number(group.group("count").lower())
            if len(items) != count:
                break
            sex = sex_of_person_word(group.group("person") or group.group("persons"))
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


def _inside(evidence: Evidence, match: re.Match) -> bool:
    """Whether the evidence's words overlap the list's ("aged 3" of "aged 3 and 4 months": the list
    starts at its first number, the age read from it at "aged")."""
    return evidence.start < match.end() and match.start() < max(evidence.end, evidence.start + 1)


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
        # ("23 (sister 1) and 24 (sister 2) years": a label after a number names whose age it is)
        ages_said = ROW_LABEL.sub("", match.group("ages").lower())
        words = [re.sub(r"^an?\s+", "", w) for w in re.split(r",?\s+and\s+(?!a[-\s]half)|\s*,\s*", ages_said)]
        units = {unit.lower().rstrip("s") for unit in re.findall(r"years?|months?", match.group(0), re.IGNORECASE)}
        if len(units) > 1 and _each_its_own_age(words, match):
            # "11-month-old, 7-month-old, and 5-year-old": each number with its own unit
            said = [(UNIT_AFTER.sub("", w).strip("-‐‑– "), OWN_UNIT.search(w).group(1)) for w in words[:-1]]
            said.append((words[-1].strip("-‐‑– "), match.group("unit")))
        elif len(units) > 1:
            # "5 years and 7 months" is one age, not two; "5 years and 30 months" two: months past
            # eleven are no part of an age in years
            last = UNIT_AFTER.sub("", words[-1]).strip("-‐‑– ")
            months = (match.group("unit") or "").lower().startswith("month")
            if not (last.isdigit() and int(last) > 11 and months or RESPECTIVELY_NEXT.match(match.string, match.end())):
                return None
            said = [(UNIT_AFTER.sub("", w).strip("-‐‑– "), unit.group(0) if (unit := WRITTEN_UNIT.search(w)) else match.group("unit"))
                    for w in words[:-1]] + [(last, match.group("unit"))]
        else:
            said = [(UNIT_AFTER.sub("", w).strip("-‐‑– "), match.group("unit")) for w in words]
    ages = [_age_value(number, unit) for number, unit in said]
    if len(ages) != count or None in ages:
        return None
    return ages


# A unit written after a number of a list of ages ("5½ years and 7½ years"), with its suspended hyphen
# ("7-month-, 11-month-, and 12-month-old").
UNIT_AFTER = re.compile(r"[\s‐‑–-]*(?:years?|months?)(?:[\s‐‑–-]+old)?[\s‐‑–-]*$", re.IGNORECASE)
# A list told as one age per patient ("diagnosed at 3 years and 2.5 months, respectively"): no
# age in years and months. Matched right after the list (patient_parts.RESPECTIVELY searches a sentence).
RESPECTIVELY_NEXT = re.compile(r"\s*,?\s*respectively\b", re.IGNORECASE)
# A label after a number of a list naming whose age it is ("(sister 1)", "(case 2)", "(P1)").
ROW_LABEL = re.compile(r"\s*\((?:[a-z]+\.?\s*)?[0-9a-z]{1,3}\)")
# The unit written with a number of a list ("5 years" of "aged 5 years and 30 months").
WRITTEN_UNIT = re.compile(r"years?|months?", re.IGNORECASE)
# An age of a list written whole, with its unit and "old" ("11-month-old"): one age, not a part of
# "5 years and 7 months".
OWN_UNIT = re.compile(r"(years?|months?)[\s‐‑–-]+old$", re.IGNORECASE)


def _each_its_own_age(words: list[str], match: re.Match) -> bool:
    """Whether every age of a list is written whole ("11-month-old, 7-month-old, and 5-year-old")."""
    return all(OWN_UNIT.search(w) for w in words[:-1]) and bool(re.search(r"old\W*$", match.group(0), re.IGNORECASE))


# A half year or month written after the number ("5½", "five and a half", "4.5").
HALF = re.compile(r"(?:½|\s1/2|[-\s]and[-\s]a[-\s]half|\.5)$", re.IGNORECASE)


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
        begin = sentence_start_before(text, match.start())
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
    with the ages the rows have read, each row without an age takes its own, and each row the sex of
    its person word, in order ("a girl 15-year old and a boy 25-year old", the first row
    having read 15; "Patients: Female, 72-year-old • Male, 60-year-old", a journal's heading)."""
    spec = read_patterns(patients)
    reach = int(spec["announced_reach"])
    # the person before the age ("the older brother aged 15"), else the age before it ("an
    # 18-year-old sister and a 16-year-old brother")
    listings = next(filter(None, (_listings(re.compile(spec.get(key, "(?!)")), text, reach, len(rows))
                                  for key in ("listed_person_age", "listed_age_person", "listed_sex_age"))), [])
    for found in listings[:1]:
        ages = [_age_value(match.group("age"), match.group("unit") or "years") for match in found]
        if any(row.age is not None and row.age != age for row, age in zip(rows, ages)):
            return  # the rows read other ages, or in another order: the listing is not theirs
        for row, match, age in zip(rows, found, ages):
            start = sentence_start_before(text, match.start())
            sex = PERSON_SEX.get(match.group("person").lower())
            if sex is not None and row.sex != sex:
                # the person word of the listing, over a sex the row read from words of the others ("his
                # wife" in the first patient's part)
                row.sex = sex
                row.evidence = [e for e in row.evidence if e.field != "sex"]
                row.evidence.append(Evidence("sex", sex, match.group(), match.start("person"), match.end("person"), start))
            if row.age is not None:
                continue  # "a girl 15-year old and a boy 25-year old": the first row has read hers already
            row.age = age
            row.evidence.append(Evidence("age", row.age, match.group(), match.start("age"), match.end("age"), start))


def _listings(pattern: re.Pattern, text: str, reach: int, count: int) -> list[list[re.Match]]:
    """The sentences of the opening that list ``count`` persons with their ages, each as its matches;
    or, when no one sentence lists them all, the persons listed over the opening's sentences, one per
    row ("... were the third sister, aged 57 years, and the eldest brother, aged 65 years. They were
    treated by clipping. The eldest sister, aged 72 years, had an unruptured aneurysm.")."""
    by_sentence: dict[int, list[re.Match]] = {}
    for match in pattern.finditer(text, 0, reach):
        by_sentence.setdefault(sentence_start_before(text, match.start()), []).append(match)
    listings = [found for _, found in sorted(by_sentence.items()) if len(found) == count]
    every = [match for _, found in sorted(by_sentence.items()) for match in found]
    # (not one person told again: "A 7 years old child and her mother ... the 7 years old child")
    persons = {(match.group("age"), match.group("person").lower()) for match in every}
    if not listings and len(every) == count and len(by_sentence) > 1 and len(persons) == count:
        listings = [every]
    return listings


# The person words of a sentence that ages several patients at once: adults and children told by their
# sex alone (a newborn, a son or a mother beside an adult may be another person: a pregnancy's child).
AGED_PATIENT = re.compile(r"(?i)^(?:man|woman|male|female|boy|girl|lady|gentleman)$")
# Words between two aged persons that make one the other's relative or contact, not a patient of its own
# ("A 29-year-old woman, the mother of a 3-year-old boy, presented with headache", "a 45-year-old man and
# his 12-year-old boy").
KIN_BETWEEN = re.compile(r"(?i)\b(?:mother|father|parents?|son|daughter|child|wife|husband|spouse|partner|brother|sister|"
                         r"sibling|grand\w*|aunt|uncle|cousin|niece|nephew|friend|neighbou?r|donor|contact|his|her|their)\b")


def aged_persons_count(text: str, patients: str) -> int:
    """How many patients one sentence of the opening ages, each with a person word of its sex and an age
    of its own ("Namely, a 69 years-old man with warty lesions of the glans ...; and a 71 years-old man
    with a reddish lesion of the glans"): the number of distinct ages, when two or more, else 1. The same
    age told twice is one patient told again ("a 61-year-old woman ... the 61-year-old female")."""
    spec = read_patterns(patients)
    pattern = re.compile(spec.get("listed_age_person", "(?!)"))
    literature = re.compile(spec.get("group_count_literature", "(?!)"))
    by_sentence: dict[tuple[int, int], list[re.Match]] = {}
    for match in pattern.finditer(text, 0, int(spec["announced_reach"])):
        by_sentence.setdefault(sentence_around(text, match.start()), []).append(match)
    for (start, end), found in by_sentence.items():
        if len(found) < 2 or not all(AGED_PATIENT.match(m.group("person")) for m in found):
            continue
        if any(KIN_BETWEEN.search(text, a.end(), b.start()) for a, b in zip(found, found[1:])):
            continue
        if literature.search(text, start, end) or REFERENCE_ENTRY.match(text, start):
            continue  # "An 81-year-old man described by Weber [2] ... a 52-year-old woman survived [3]"
        ages = {(m.group("age"), (m.group("unit") or "years").rstrip("s").lower()) for m in found}
        if len(ages) == len(found):
            return min(len(found), 6)
    return 1


# A numbered entry of a reference list ("12. Weber J, Hoffmann T. An 81-year-old man with ...").
REFERENCE_ENTRY = re.compile(r"\s*\d{1,3}\.\s+[A-Z][\w'’-]+\s+[A-Z]{1,3}\b")


# The sex word right after a list of ages ("4 and 17 years old male patients", "... boys").
# A word or two may stand between: "6- and 2-year-old Japanese boys".
# The singular after a list is a non-native writer's plural: "in a 33 and 27-year-old woman".
LISTED_SEX = re.compile(r"\s*(?:(?!and\b|or\b|with\b)[A-Za-z][\w-]*\s+){0,2}?(females?|males?|girls?|boys?|wom[ae]n|m[ae]n|lady|ladies|sisters|brothers)\b", re.IGNORECASE)
