"""Reports that announce several patients ("We report the first 2 cases of ...") but describe
them together, with no part of the text opening each patient's own description.

The guide wants one row per patient. Such a report gives each patient only what it says of all
of them: the disease (primary site, histology), the sex that the disease implies, and an outcome
stated jointly ("both patients died"). The first row keeps everything the text holds; the
others copy these shared values with the same evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.record import Case, Evidence
from pipeline.ingest.report import Report
from pipeline.nlp.sections.patients import PERSON_SEX, announced_patients, announced_sex, patient_number
from pipeline.resources import read_patterns, read_table

SHARED_FIELDS = ("primary_site", "histology")
# An outcome sentence that speaks of every patient at once.
JOINT = re.compile(r"\b(?:both|all(?:\s+of\s+them)?|each|neither|none|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men)|the\s+(?:two|three|four|five|six)\s+(?:\w+\s+)?(?:patients|cases|women|men)|the\s+(?:patients|children|twins|siblings))\b", re.IGNORECASE)
# A drug sentence that speaks of every patient at once: "These patients were treated with
# pulse methylprednisolone", "Both men were treated with ceftriaxone", "They received ...", or
# "We treated two patients ... with X" when the count is the report's (see _given_to_all).
GIVEN_TO_ALL = re.compile(r"\b(?:both|all(?:\s+of\s+them)?|each\s+of\s+them|they|these\s+(?:\w+\s+)?(?:patients|cases|women|men|children)"
                          r"|the\s+(?:patients|children|twins|siblings))\b", re.IGNORECASE)
COUNTED_GROUP = re.compile(r"\b(?P<count>two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+){0,2}?(?:patients|cases|children|women|men|infants|siblings|twins)\b",
                           re.IGNORECASE)


# Where the announced patients' own course is told (not the introduction or the discussion).
TOLD_SECTIONS = frozenset({"section=front", "section=abstract", "section=case", "section=body", "section=None"})


def _group_given(evidence: Evidence, first: Case) -> bool:
    """A drug of the first row, or one left out only because its sentence's subject read as
    other patients' ("These patients were treated with X": the report's patients, in a report
    read as one patient's), told where the patients' course is told and neither negated nor
    hypothetical."""
    if evidence.kept:
        return evidence.value in first.drugs
    flags = set(evidence.qualifiers)
    section = {f for f in flags if f.startswith("section=")}
    subject = {f for f in flags if f.startswith("subject=")}
    return (subject <= {"subject=other"} and bool(section) and section <= TOLD_SECTIONS
            and not flags - subject - section)


def _unkept(evidence: list[Evidence]) -> list[Evidence]:
    return [replace(e, kept=False) for e in evidence]


def _given_to_all(sentence: str, count: int) -> bool:
    """True when a sentence that names a drug speaks of all ``count`` patients of the report
    ("All four patients received X", "We treated two patients with X" in a report of two; not
    "Two patients received X" in a report of three)."""
    counted = [patient_number(m.group("count")) for m in COUNTED_GROUP.finditer(sentence)]
    if counted:
        return all(number == count for number in counted)
    return bool(GIVEN_TO_ALL.search(sentence))


def _implied_sex(site: str | None) -> str | None:
    return next((row["sex"] or None for row in read_table("cases/sites.tsv") if row["site"] == site), None)


def series_cases(report: Report, cases: list[Case], patients: str = "sections/patients.toml") -> list[Case]:
    """``cases`` with a row added for every announced patient after the first, when the text
    was read as one patient's; unchanged otherwise."""
    if len(cases) != 1:
        _table_columns(report.text, cases)  # "WBC | 18.2 | 25.6" under "| Case 1 | Case 2"
        _respective_ages(report.text, cases, patients)
        if len(cases) == 2:
            _group_age(report.text, cases, patients)  # twins read as two parts share their age
            _co_twin_age(report, cases, patients)
        if len(cases) > 1:
            _group_sex(report.text, report.title, cases, patients)
            _newborn_ages(report, cases, patients)  # "Twin A\nA male infant born at 34 weeks ..."
        return cases
    count = announced_patients(report.text, report.title, patients)
    persons = _enumerated_persons(report.text, patients) if count < 2 else []
    if count < 2 and len(persons) > 1:
        count = len(persons)
    if count < 2:
        _newborn_ages(report, cases, patients)
        return cases
    first = cases[0]
    shared = [e for e in first.evidence if e.field in SHARED_FIELDS and getattr(first, e.field) == e.value]
    outcome = [e for e in first.evidence if e.field == "outcome" and e.value == first.outcome and JOINT.search(e.sentence)]
    # a drug told of all the patients at once ("These patients were treated with X") is each one's
    drugs = [replace(e, kept=True) for e in first.evidence if e.field == "drugs" and _group_given(e, first)
             and _given_to_all(e.sentence, count)]
    first.drugs = sorted(set(first.drugs) | {e.value for e in drugs})
    first.evidence = [e for e in first.evidence if not (e.field == "drugs" and not e.kept and e in _unkept(drugs))] + [
        e for e in drugs if e not in first.evidence]
    group_sex = announced_sex(report.text, report.title, patients)
    if first.sex is None:
        first.sex = _implied_sex(first.primary_site) or group_sex
    rows = [first]
    for number in range(2, count + 1):
        row = Case(doc=first.doc, case=number, title=first.title, doi=first.doi, pmid=first.pmid, pmcid=first.pmcid,
                   journal=first.journal, year=first.year, authors=list(first.authors))
        for item in shared + outcome:
            setattr(row, item.field, item.value)
        # the sex the shared primary site implies (cervix: female), else the one the announcement
        # gives them all ("two young women")
        row.sex = _implied_sex(row.primary_site) or group_sex
        row.evidence = [replace(item) for item in shared + outcome + drugs]
        row.drugs = sorted({item.value for item in drugs})
        rows.append(row)
    _listed_demographics(first, rows)
    _listed_ages(report.text, rows, patients)
    _listed_person_ages(report.text, rows, patients)
    _respective_ages(report.text, rows, patients)
    _listed_sexes(report.text, rows, patients)
    _group_age(report.text, rows, patients)
    _group_sex(report.text, report.title, rows, patients)
    for row, (sex, word) in zip(rows, persons):  # "a young girl, her father, her uncle and ..."
        if sex is not None:
            row.sex = sex
            row.evidence.append(replace(word, value=sex))
    _one_and_the_other(first, rows)  # after the sexes: "The woman recovered, while the man died"
    _told_apart(first, rows)
    _respective_values(first, rows)
    _newborn_ages(report, rows, patients)
    return rows


# A sentence that tells two patients apart: "One twin relapsed and died, but the other is in
# complete remission", "the first patient died, while the second is alive" (not "one cycle of
# X ... the second cycle": "one" names a patient, or is the subject of a verb of the course).
ONE_AND_OTHER = re.compile(r"\b(?:one(?:\s+(?:of\s+(?:them|the\s+\w+)|twin|patient|child|sibling|case|brother|sister|infant)\b"
                           r"|(?=\s+(?:with|was|is|had|has|relapsed|died|developed|received|remained|survived|recovered)\b))"
                           r"|the\s+first\s+(?:twin|patient|child|sibling|case|brother|sister|infant)\b)"
                           r"[^.;]*?\b(?P<other>the\s+(?:other|second))\b", re.IGNORECASE)
# Qualifiers that make an outcome no one's status.
NOT_A_STATUS = frozenset({"negated", "hypothetical", "historical"})


def _one_and_the_other(first: Case, rows: list[Case]) -> None:
    """Two announced patients whose outcome or histology one sentence tells apart ("One twin
    relapsed and died, but the other is in complete remission", "diagnosed at 9 and 11 years,
    one with T-cell lymphoma and the other with T-cell leukaemia", or by their person words when
    they differ in sex: "The woman recovered, while the man died"): the value before the second
    name is its first patient's, the one after it the second's."""
    if len(rows) != 2:
        return
    for field in ("outcome", "histology"):
        told: dict[int, list[Evidence]] = {}
        for item in first.evidence:
            if item.field == field and not NOT_A_STATUS & set(item.qualifiers):
                told.setdefault(item.sentence_start, []).append(item)
        for sentence_start, items in sorted(told.items()):
            split = _two_named(items[0].sentence, rows)
            if split is None:
                continue
            offset, (one, two) = split
            other = sentence_start + offset
            before = {item.value for item in items if item.start < other}
            after = [item for item in items if item.start >= other]
            if len(before) != 1 or len({item.value for item in after}) != 1 or before == {after[0].value}:
                continue
            own = before.pop()
            shared = getattr(first, field)
            if shared not in (None, own, after[0].value) or getattr(rows[1], field) not in (None, shared):
                continue  # a value of its own that the sentence does not give
            setattr(rows[one], field, own)
            setattr(rows[two], field, after[0].value)
            kept = replace(after[0] if two else next(i for i in items if i.value == own), kept=True)
            rows[1].evidence = [e for e in rows[1].evidence if e.field != field] + [kept]
            break


def _told_apart(first: Case, rows: list[Case]) -> None:
    """Two announced patients whose drugs or sites of spread one sentence tells apart ("The woman
    received azithromycin and the man levofloxacin", "a man with a metastasis to the thumb and a
    woman with one to the gluteal muscle", "one was given X and the other Y"): a value named after
    the second patient's name is that patient's, not the first row's (unless another sentence
    gives it the first row too)."""
    if len(rows) != 2:
        return
    for field in ("drugs", "metastasis_sites"):
        told: dict[int, list[Evidence]] = {}
        for item in first.evidence:  # (a value named again in the sentence is kept once: read both)
            if item.field == field and (item.kept or item.value in getattr(first, field) and not NOT_A_STATUS & set(item.qualifiers)):
                told.setdefault(item.sentence_start, []).append(item)
        for sentence_start, items in sorted(told.items()):
            split = _two_named(items[0].sentence, rows)
            if split is None:
                continue
            offset, order = split
            for item in items:
                owner = rows[order[0] if item.start < sentence_start + offset else order[1]]
                other = rows[1 - rows.index(owner)]
                if item.value not in getattr(owner, field):
                    setattr(owner, field, sorted(set(getattr(owner, field)) | {item.value}))
                    owner.evidence.append(replace(item, kept=True))
                elsewhere = any(e.field == field and e.kept and e.value == item.value and e.sentence_start != sentence_start
                                for e in other.evidence)
                both = sum(1 for e in items if e.value == item.value and e is not item and
                           (e.start < sentence_start + offset) != (item.start < sentence_start + offset))
                if item.value in getattr(other, field) and not elsewhere and not both:
                    setattr(other, field, [value for value in getattr(other, field) if value != item.value])
                    other.evidence = [e for e in other.evidence if e is not item] + [replace(item, kept=False)]


# "The former was treated with X, the latter with Y".
FORMER_LATTER = re.compile(r"\bthe\s+former\b[^.;]*?\b(?P<other>the\s+latter)\b", re.IGNORECASE)
# The patients' numbers inside a sentence: "Patient 1 received X, whereas patient 2 ...".
NUMBERED_PATIENT = re.compile(r"\b(?:patient|case)\s*(?:#|no\.?\s*)?(?P<number>[1-6])\b(?!\s*(?:%|years?|months?|weeks?|days?))",
                              re.IGNORECASE)


def _respective_values(first: Case, rows: list[Case]) -> None:
    """Announced patients given one value each in one list ("were treated with olaparib and
    niraparib, respectively"): a sentence that says "respectively" and names as many drugs (or
    sites of spread) as there are rows gives each row its own, in order."""
    for field in ("drugs", "metastasis_sites"):
        told: dict[int, list[Evidence]] = {}
        for item in first.evidence:
            if item.field == field and item.kept:
                told.setdefault(item.sentence_start, []).append(item)
        for items in told.values():
            values = []
            for item in sorted(items, key=lambda e: e.start):
                if item.value not in values:
                    values.append(item.value)
            if len(values) != len(rows) or not RESPECTIVELY.search(items[0].sentence):
                continue
            for row, value in zip(rows, values):
                others = set(values) - {value}
                elsewhere = {e.value for e in row.evidence if e.field == field and e.kept and e.sentence_start != items[0].sentence_start}
                setattr(row, field, sorted((set(getattr(row, field)) - (others - elsewhere)) | {value}))
                row.evidence.append(next(replace(e, kept=True) for e in items if e.value == value))


RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


# The person words of two patients of different sex, with their article: "the woman ... the man",
# "a man with ... and a woman with ...".
NAMED_PERSON = re.compile(r"\b(?:the|an?)\s+(?P<person>woman|man|boy|girl|mother|father|son|daughter|brother|sister)\b", re.IGNORECASE)


def _two_named(sentence: str, rows: list[Case]) -> tuple[int, tuple[int, int]] | None:
    """Where a sentence starts telling of the second of two patients, and which rows it tells of
    first and second: after "one ... the other", or at the second of two person words whose sexes
    are the two rows' ("The woman recovered, while the man died"). None when it names neither way."""
    split = ONE_AND_OTHER.search(sentence) or FORMER_LATTER.search(sentence)
    if split is not None:
        return split.start("other"), (0, 1)
    labels = [m for m in NUMBERED_PATIENT.finditer(sentence) if 1 <= int(m.group("number")) <= len(rows)]
    if len(labels) == 2 and labels[0].group("number") != labels[1].group("number"):
        return labels[1].start(), (int(labels[0].group("number")) - 1, int(labels[1].group("number")) - 1)
    sexes = [row.sex for row in rows]
    if None in sexes or len(set(sexes)) != 2:
        return None
    named = [(m, PERSON_SEX[m.group("person").lower()]) for m in NAMED_PERSON.finditer(sentence)]
    if len(named) != 2 or named[0][1] == named[1][1]:
        return None
    return named[1][0].start(), (sexes.index(named[0][1]), sexes.index(named[1][1]))


def _enumerated_persons(text: str, patients: str) -> list[tuple[str | None, Evidence]]:
    """The relatives listed as the joint subject of a diagnosis in the opening ("a young girl,
    her father, her uncle and her grandfather were diagnosed with ..."): (sex, evidence) of each
    person word in order, else an empty list."""
    spec = read_patterns(patients)
    if "enumerated_persons" not in spec:
        return []
    person = spec["enumerated_person"]
    listed = re.compile(spec["enumerated_persons"].replace("{person}", person))
    match = listed.search(text, 0, int(spec["announced_reach"]))
    if match is None:
        return []
    sexes = {row["term"].lower(): row["sex"] or None for row in read_table("demographics/sex.tsv")}
    start = match.start("persons")
    return [(sexes.get(word.group().lower()),
             Evidence("sex", None, match.group(), start + word.start(), start + word.end(), match.start()))
            for word in re.finditer(rf"(?i)\b{person}\b", match.group("persons"))]


def _newborn_ages(report: Report, rows: list[Case], patients: str) -> None:
    """A report about a newborn (issue 11): a row the text gives no age is a newborn at birth,
    age 0 (neonatal reports say "born at 28 weeks' gestation", "birth weight 800 g", which are
    no ages); and an age that belongs to the mother ("A 20-year-old
    primipara ... delivered a female infant", "born to a primiparous 30-year-old woman") is the
    mother's, not the newborn's: the row's age is 0. Nothing when an adult's age is stated before
    the newborn is presented (an obstetric report of the mother)."""
    spec = read_patterns(patients)
    reach = int(spec["announced_reach"])
    text = report.text
    title_said = bool(report.title and re.search(spec.get("newborn_title", "(?!)"), report.title, re.IGNORECASE))
    presented = re.search(spec.get("newborn_presented", "(?!)"), text[:reach], re.IGNORECASE | re.MULTILINE)
    adult = re.search(spec.get("adult_age", "(?!)"), text[:reach], re.IGNORECASE)
    if not title_said and (presented is None or (adult is not None and adult.start() < presented.start())):
        return
    if presented is not None:
        evidence = Evidence("age", 0, presented.group(), presented.start(), presented.end(), presented.start())
    else:
        evidence = Evidence("age", 0, report.title or "", 0, 0, 0, qualifiers=("title",))
    for row in rows:
        if row.age is None or _maternal_age(text, row, spec):
            row.age = 0  # (twins "born to a 28-year-old primigravida" as much as one newborn)
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
        group = "sex" if said.group("sex") else "sex2"
        sex = "female" if said.group(group).lower() in ("female", "girl") else "male"
        if row.sex != sex:
            row.sex = sex
            row.evidence.append(Evidence("sex", sex, said.group(), said.start(group), said.end(group), said.start()))


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


# A newborn's own sex word: "a female infant", "the male neonate", "a baby girl", "newborn boy".
NEWBORN_SEX = re.compile(r"\b(?:(?P<sex>female|male)\s+(?:preterm\s+|term\s+|premature\s+)?(?:newborn|neonate|infant|baby)"
                         r"|(?:newborn|baby)\s+(?P<sex2>girl|boy))\b", re.IGNORECASE)


def _mothers_sex(text: str, row: Case, spec: dict) -> bool:
    """True when every word that gives the row its sex (pronouns aside) stands in a sentence
    about the newborn's mother ("The mother of the index case is a 16-year-old pregnant woman")."""
    maternal = re.compile(spec.get("maternal_sentence", "(?!)"), re.IGNORECASE)
    words = [e for e in row.evidence if e.field == "sex" and e.value == row.sex
             and text[e.start:e.end].lower() not in PRONOUNS]
    return bool(words) and all(maternal.search(e.sentence) for e in words)


PRONOUNS = frozenset({"she", "her", "hers", "herself", "he", "him", "his", "himself"})


def _maternal_age(text: str, row: Case, spec: dict) -> bool:
    """True when the row's age is written with the mother's words ("a 20-year-old primipara")."""
    kept = next((e for e in row.evidence if e.field == "age" and e.kept and e.value == row.age), None)
    if kept is None:
        return False
    after, before = text[kept.end:kept.end + 40], text[max(0, kept.start - 25):kept.start]
    return bool(re.search(spec.get("maternal_after", "(?!)"), after, re.IGNORECASE)
                or re.search(spec.get("maternal_before", "(?!)"), before, re.IGNORECASE))


# One age given to the group of patients ("38-year-old female identical twins", "45-year-old
# twin sisters"): every patient of the group has it (twins are born together); the words
# between say their sex.
GROUP_AGE = re.compile(r"\b(?P<age>\d{1,3})[\s‐–-]*(?:years?|yrs?)[\s‐–-]*old\s+(?P<words>(?:[\w-]+\s+){0,4}?)"
                       r"(?P<group>twins|twin\s+(?:sisters|brothers|girls|boys))\b", re.IGNORECASE)
# Twins of another pregnancy, not the patients: "She is a mother of healthy 3-year-old twins".
OTHER_TWINS = re.compile(r"\b(?:of|has|had|have|with)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
GROUP_WORD_SEX = (("female", re.compile(r"\b(?:female|women|sisters|girls)\b", re.IGNORECASE)),
                  ("male", re.compile(r"\b(?:male|men|brothers|boys)\b", re.IGNORECASE)))


def _group_age(text: str, rows: list[Case], patients: str) -> None:
    """Twins given one age together in the opening ("38 year-old mirror-image Asian female
    identical twins presented with ..."): rows without an age take it, and the sex its words say."""
    if all(row.age is not None for row in rows[1:]):
        return
    reach = int(read_patterns(patients)["announced_reach"])
    match = next((m for m in GROUP_AGE.finditer(text, 0, reach) if not OTHER_TWINS.search(text, max(0, m.start() - 40), m.start())), None)
    if match is None:
        return
    age = float(match.group("age"))
    said = {sex for sex, words in GROUP_WORD_SEX if words.search(match.group("words") + match.group("group"))}
    sex = said.pop() if len(said) == 1 else None
    for row in rows:
        if row.age is None or row is rows[0]:
            if row.age is None:
                row.age = age
                row.evidence.append(Evidence("age", age, match.group(), match.start("age"), match.end("age"), match.start()))
            if sex is not None and row.sex is None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, match.group(), match.start("words"), match.end("group"), match.start()))


# A table flattened to text: cells split by "|" or a tab.
CELL_BREAK = re.compile(r"\||\t")
# A column heading naming one patient: "Case 1", "Patient 2", "Pt. 3", "Case #2".
COLUMN_PATIENT = re.compile(r"^\s*(?:case|patient|pt)\.?\s*(?:#|no\.?)?\s*(?P<number>\d{1,2})\s*$", re.IGNORECASE)
# How many lines above a row its column headings may stand.
HEADER_REACH = 25
# The fields a table of the patients gives one value per column.
COLUMN_FIELDS = ("wbc_values", "drugs")


def _table_columns(text: str, rows: list[Case]) -> None:
    """A table with one column per patient ("| Case 1 | Case 2" above "WBC (x10^9/L) | 18.2 |
    25.6", "Treatment | cisplatin | carboplatin"), read into the part of the case it stands in:
    each value goes to the row of its column's patient."""
    moves = []
    for row in rows:
        for item in row.evidence:
            if item.field not in COLUMN_FIELDS or not item.kept:
                continue
            number = _column_patient(text, item.start)
            if number and number != row.case and 1 <= number <= len(rows):
                moves.append((row, rows[number - 1], item))
    for source, target, item in moves:
        source.evidence.remove(item)
        target.evidence.append(item)
        if item.field == "wbc_values":
            if item.value in source.wbc_values:
                source.wbc_values.remove(item.value)
            target.wbc_values.append(item.value)
        elif not any(e.field == "drugs" and e.kept and e.value == item.value for e in source.evidence):
            source.drugs = [drug for drug in source.drugs if drug != item.value]
        if item.field == "drugs":
            target.drugs = sorted(set(target.drugs) | {item.value})
    for row in rows:
        row.wbc_max = max(row.wbc_values) if row.wbc_values else None


def _column_patient(text: str, position: int) -> int:
    """The patient number of the column a table cell at ``position`` stands in, read from the
    nearest line above whose cells name patients ("| Case 1 | Case 2"); 0 outside such a table."""
    line_start = text.rfind("\n", 0, position) + 1
    if not CELL_BREAK.search(text, line_start, position):
        return 0
    column = len(CELL_BREAK.findall(text, line_start, position))
    end = line_start - 1
    for _ in range(HEADER_REACH):
        if end <= 0:
            return 0
        start = text.rfind("\n", 0, end) + 1
        cells = CELL_BREAK.split(text[start:end])
        named = {index: COLUMN_PATIENT.match(cell) for index, cell in enumerate(cells)}
        if sum(1 for match in named.values() if match) >= 2:
            match = named.get(column)
            return int(match.group("number")) if match else 0
        end = start - 1
    return 0


# A report about twins: its title or opening names them ("... in identical twins", "Twin A").
TWINS = re.compile(r"\btwins?\b", re.IGNORECASE)


def _co_twin_age(report: Report, rows: list[Case], patients: str) -> None:
    """Twins read as two parts, one of which the text gives no age ("A previously healthy
    1-year-old boy ... His twin brother developed similar symptoms eight days later"): twins are
    born together, so the other's age in whole years is its age too (an infant's age in months is
    not: twins fall ill weeks apart)."""
    reach = int(read_patterns(patients)["announced_reach"])
    if len(rows) != 2 or not TWINS.search((report.title or "") + " " + report.text[:reach]):
        return
    aged = [row for row in rows if row.age is not None]
    if len(aged) != 1 or aged[0].age < 1 or not float(aged[0].age).is_integer():
        return
    other = next(row for row in rows if row.age is None)
    other.age = aged[0].age
    other.evidence += [replace(e) for e in aged[0].evidence if e.field == "age" and e.kept and e.value == aged[0].age][:1]


def _group_sex(text: str, title: str | None, rows: list[Case], patients: str) -> None:
    """The patients named in the title or the opening as a group of one sex ("dizygotic male
    twins", "twin sisters", "two brothers"): every row without a sex of its own takes it, the
    second twin whose part has no sex word as much as the first. Nothing when the opening
    names groups of both sexes."""
    spec = read_patterns(patients)
    opening = (title or "") + "\n" + text[:int(spec["announced_reach"])]
    found = [(sex, match) for sex in ("female", "male")
             for match in [re.search(spec.get(f"group_sex_{sex}", "(?!)"), opening)] if match]
    if len(found) != 1:
        return
    sex, match = found[0]
    offset = len(title or "") + 1
    for row in rows:
        if row.sex is None:
            row.sex = sex
            start = match.start() - offset
            row.evidence.append(Evidence("sex", sex, match.group(), max(0, start), max(0, start) + len(match.group()), max(0, start)))


# A person word of a listed pair ("a boy and his mother").
PERSON_WORD = re.compile(r"\b(" + "|".join(PERSON_SEX) + r")\b", re.IGNORECASE)


def _listed_sexes(text: str, rows: list[Case], patients: str) -> None:
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


def _listed_ages(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients' ages written together ("two siblings, aged five and 8 years"):
    when no row but the first has an age and the opening of the text gives exactly one age per
    row in one phrase, starting with the first row's, each row takes its own, in order."""
    if any(row.age is not None for row in rows[1:]):
        return
    spec = read_patterns(patients)
    listed, not_after = re.compile(spec["listed_ages"]), re.compile(spec["listed_ages_not_after"])
    reach = int(spec["announced_reach"])
    for match in listed.finditer(text, 0, reach):
        if not_after.search(text, max(0, match.start() - 30), match.start()):
            continue
        ages = _listed_age_values(match, len(rows))
        if ages is None or rows[0].age not in (None, ages[0]):
            continue  # (the first row's age, read from the list's first number, agrees)
        sex = LISTED_SEX.match(text, match.end())
        for row, age in zip(rows, ages):
            row.age = age
            row.evidence.append(Evidence("age", row.age, match.group(), match.start(), match.end(), match.start()))
            if sex is not None and row.sex is None:  # "in 4 and 17 years old male patients"
                row.sex = "female" if sex.group(1).lower().startswith(("fe", "girl", "wom", "sis")) else "male"
                row.evidence.append(Evidence("sex", row.sex, match.group(), sex.start(1), sex.end(1), match.start()))
        return



def _listed_age_values(match: re.Match, count: int) -> list | None:
    """The ages of a ``listed_ages`` match in years ("6- and 2-year-old", "aged five and 8
    years", "3 and 7 months"), or None unless it gives exactly ``count`` readable ages."""
    # "6- and 2-year-old": the suspended hyphen is no part of the number
    words = [w.strip("-‐‑–") for w in re.split(r"\s*,\s*|,?\s+and\s+", match.group("ages").lower())]
    ages = [int(w) if w.isdigit() else (patient_number(w) or None) for w in words]
    if len(ages) != count or None in ages:
        return None
    if match.group("unit").lower().startswith("month"):
        return [round(age / 12, 2) for age in ages]
    return ages

# A sentence that gives each patient its own value in one list ("Both patients were aged 45 and
# 52 years, respectively", "The two patients, aged 45 and 52 years, ...").
RESPECTIVE = re.compile(r"\brespectively\b|\b(?:both|the\s+(?:two|three|four)\s+(?:\w+\s+)?)(?:patients|cases|children|siblings|twins|sisters|brothers|women|men)\b",
                        re.IGNORECASE)


def _respective_ages(text: str, rows: list[Case], patients: str) -> None:
    """Patients described under their own headings, whose ages the opening gives together for
    all of them ("Both patients were aged 45 and 52 years, respectively"): a row with no age of
    its own takes its age from that list, in order, when the list holds one age per row and
    agrees with every age the rows have."""
    if all(row.age is not None for row in rows):
        return
    spec = read_patterns(patients)
    listed, not_after = re.compile(spec["listed_ages"]), re.compile(spec["listed_ages_not_after"])
    for match in listed.finditer(text, 0, int(spec["announced_reach"])):
        if not_after.search(text, max(0, match.start() - 30), match.start()):
            continue
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


def _listed_person_ages(text: str, rows: list[Case], patients: str) -> None:
    """The announced patients listed each with a person word and an age in one sentence of the
    opening ("The older brother aged 15 and the younger brother aged 14 years"): when no row has
    an age and the sentence lists exactly one person per row, each row takes its own age and, if
    it has none, the sex of its person word, in order."""
    if any(row.age is not None for row in rows):
        return
    spec = read_patterns(patients)
    pattern = re.compile(spec.get("listed_person_age", "(?!)"))
    reach = int(spec["announced_reach"])
    by_sentence: dict[int, list[re.Match]] = {}
    for match in pattern.finditer(text, 0, reach):
        by_sentence.setdefault(_sentence_begin(text, match.start()), []).append(match)
    for start, found in sorted(by_sentence.items()):
        if len(found) != len(rows):
            continue
        for row, match in zip(rows, found):
            months = (match.group("unit") or "").lower().startswith("month")
            row.age = round(int(match.group("age")) / 12, 2) if months else int(match.group("age"))
            row.evidence.append(Evidence("age", row.age, match.group(), match.start("age"), match.end("age"), start))
            sex = PERSON_SEX.get(match.group("person").lower())
            if sex is not None and row.sex is None:
                row.sex = sex
                row.evidence.append(Evidence("sex", sex, match.group(), match.start("person"), match.end("person"), start))
        return


def _sentence_begin(text: str, position: int) -> int:
    """Start of the sentence holding ``position`` (after the last ". " before it)."""
    stop = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position))
    return 0 if stop < 0 else stop + 1


# The sex word right after a list of ages ("4 and 17 years old male patients", "... boys").
# A word or two may stand between: "6- and 2-year-old Japanese boys".
LISTED_SEX = re.compile(r"\s*(?:(?!and\b|or\b|with\b)[A-Za-z][\w-]*\s+){0,2}?(female|male|girls|boys|women|men|sisters|brothers)\b", re.IGNORECASE)


# How far after an age its person word may stand ("a 34-year-old man", "aged 34, a man").
PERSON_REACH = 30


def _listed_demographics(first: Case, rows: list[Case]) -> None:
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
