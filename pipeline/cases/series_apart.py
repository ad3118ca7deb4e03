"""Facts told apart in one sentence of a report that describes its announced patients together
(``cases/series.py``): "One twin relapsed and died, while the other is in complete remission",
"Patient 1 received X, whereas patient 2 ...", the former and the latter, values given
"respectively", and sentences that name each patient by a person word ("The woman received
azithromycin and the man levofloxacin"). Each row takes what is said of it."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from pipeline.cases.config import DEFAULT
from pipeline.cases.histology_choice import broader_types
from pipeline.cases.patient_parts import RESPECTIVELY
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series_joint import repeat_of_kept
from pipeline.nlp.sections.patient_common import PERSON_SEX, patient_number
from pipeline.nlp.sentences.bounds import sentence_end_after, sentence_start_before
from pipeline.resources import read_patterns

TOLD_APART = "cases/told_apart.toml"
PRONOUN_SEX = {"she": "female", "he": "male"}


@dataclass(frozen=True)
class ApartPatterns:
    """The patterns of cases/told_apart.toml (each described there), compiled."""
    one_and_other: re.Pattern
    one_and_the_rest: re.Pattern
    former_latter: re.Pattern
    numbered_patient: re.Pattern
    named_person: re.Pattern
    ordinal_subject: re.Pattern
    other_subject: re.Pattern
    continued_subject: re.Pattern
    sexed_subject: re.Pattern
    chain_reach: int


@lru_cache(maxsize=None)
def apart_patterns(path: str = TOLD_APART) -> ApartPatterns:
    """The patterns of ``path``, read and compiled once."""
    spec = read_patterns(path)
    return ApartPatterns(**{f.name: spec[f.name] if f.name == "chain_reach" else re.compile(spec[f.name])
                            for f in fields(ApartPatterns)})


# Qualifiers that make an outcome no one's status.
NOT_A_STATUS = frozenset({"negated", "hypothetical", "historical"})


def one_and_the_other(first: Case, rows: list[Case], parents: str = DEFAULT.parents) -> None:
    """Two announced patients whose outcome or histology one sentence tells apart ("One twin
    relapsed and died, but the other is in complete remission", "diagnosed at 9 and 11 years,
    one with T-cell lymphoma and the other with T-cell leukaemia", or by their person words when
    they differ in sex: "The woman recovered, while the man died"): the value before the second
    name is its first patient's, the one after it the second's. ``parents``: the histology
    component's broader types (the group's family named before "one" is no one's type)."""
    if len(rows) != 2:
        return
    for field in ("outcome", "histology"):
        for sentence_start, items in _told_by_sentence(first, field):
            split = _two_named(items[0].sentence, rows)
            if split is None:
                continue
            offset, (one, two) = split
            other = sentence_start + offset
            before = {item.value for item in items if item.start < other}
            if field == "histology":  # "two cases of lymphoma ..., one is Hodgkin lymphoma": the group's family is no one's type
                broader = broader_types(parents)
                before = {value for value in before if not any(value in broader.get(o, ()) for o in before)}
            after = [item for item in items if item.start >= other]
            if _same_value_each_side(before, after) and all(getattr(row, field) in (None, after[0].value) for row in rows):
                # "One underwent nephrectomy but died five months later; the other ... died 15 months after
                # diagnosis": told apart, the same for both
                for row in rows:
                    setattr(row, field, after[0].value)
                if not any(e.field == field and e.kept for e in rows[1].evidence):
                    rows[1].evidence = rows[1].evidence + [replace(after[0], kept=True)]
                break
            if not _one_value_each_side(before, after):
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


def one_and_the_rest(first: Case, rows: list[Case]) -> None:
    """Three announced patients or more, one of whom and all the others one sentence tells apart ("One
    individual sought medical attention promptly and recovered, while the other two ... led to their deaths"):
    the status before "the other two" is the first row's, the one after it every other row's (which has no other
    status of its own); so are the drugs named after it ("One case was due to linagliptin use, while the
    other 2 cases were due to vildagliptin-metformin use")."""
    if len(rows) < 3:
        return
    rest = apart_patterns().one_and_the_rest
    _drugs_of_the_rest(first, rows, rest)
    for sentence_start, items in _told_by_sentence(first, "outcome"):
        split = rest.search(items[0].sentence)
        if split is None or patient_number(split.group("rest")) != len(rows) - 1:
            continue
        other = sentence_start + split.start("other")
        before = {item.value for item in items if item.start < other}
        after = [item for item in items if item.start >= other]
        if not _one_value_each_side(before, after):
            continue
        if any(row.outcome not in (None, first.outcome) for row in rows[1:]):
            continue  # a status of its own that the sentence does not give
        first.outcome = before.pop()
        first.evidence = [e for e in first.evidence if e.field != "outcome" or e.sentence_start != sentence_start] + [
            replace(next(i for i in items if i.value == first.outcome), kept=True)]
        for row in rows[1:]:
            row.outcome = after[0].value
            row.evidence = [e for e in row.evidence if e.field != "outcome"] + [replace(after[0], kept=True)]
        return


def _drugs_of_the_rest(first: Case, rows: list[Case], rest: re.Pattern) -> None:
    """The drugs a sentence names after "the other two" of a report of three: every row's but the first, whose
    own are those before it (the first row keeps one that another of its sentences gives it too)."""
    for sentence_start, told in _told_by_sentence(first, "drugs"):
        items = [item for item in told if item.value in first.drugs]  # (a drug left out of the row stays out)
        if not items:
            continue
        split = rest.search(items[0].sentence)
        if split is None or patient_number(split.group("rest")) != len(rows) - 1:
            continue
        other = sentence_start + split.start("other")
        before = {item.value for item in items if item.start < other}
        for item in (item for item in items if item.start >= other):
            for row in rows[1:]:
                _give(row, "drugs", item)
            if item.value not in before and not _told_elsewhere(first, "drugs", item):
                _take_back(first, "drugs", item)


def _told_by_sentence(first: Case, field: str) -> list[tuple[int, list[Evidence]]]:
    """The first row's values of ``field`` that are no one's negated, planned or past status, by sentence, in
    text order."""
    told: dict[int, list[Evidence]] = {}
    for item in first.evidence:
        if item.field == field and not NOT_A_STATUS & set(item.qualifiers):
            told.setdefault(item.sentence_start, []).append(item)
    return sorted(told.items())


# The patient a status is told of, written right after it: "The outcome was favorable in the first case and fatal
# in the second", "with positive evolution in one case and associated with death in the second". Group "which":
# the first patient's word (first, one, former) or the second's (second, other, latter).
VALUE_THEN_PATIENT = re.compile(r"[^.;,]{0,30}?\bin\s+(?:the\s+)?(?P<which>first|one|former|second|other|latter)\b"
                                r"(?:\s+(?:case|patient|child))?", re.IGNORECASE)
FIRST_WORDS = ("first", "one", "former")


def values_then_their_patients(first: Case, rows: list[Case]) -> None:
    """Two announced patients whose statuses one sentence tells each before the patient it is of ("favorable in
    the first case and fatal in the second"): each row takes its own."""
    if len(rows) != 2:
        return
    for _, items in _told_by_sentence(first, "outcome"):
        told: dict[int, Evidence] = {}
        for item in items:
            named = VALUE_THEN_PATIENT.match(item.sentence, max(0, item.end - item.sentence_start))
            if named:
                told.setdefault(0 if named.group("which").lower() in FIRST_WORDS else 1, item)
        if len(told) != 2 or told[0].value == told[1].value:
            continue
        for index, item in told.items():
            rows[index].outcome = item.value
            rows[index].evidence = [e for e in rows[index].evidence if e.field != "outcome"] + [replace(item, kept=True)]
        return


def _same_value_each_side(before: set, after: list[Evidence]) -> bool:
    """Whether a sentence split between patients gives the same one value before the split and after it."""
    return len(before) == 1 and {item.value for item in after} == before


def _one_value_each_side(before: set, after: list[Evidence]) -> bool:
    """Whether a sentence split between patients gives one value before the split and another after it."""
    return len(before) == 1 and len({item.value for item in after}) == 1 and before != {after[0].value}


def told_apart(first: Case, rows: list[Case]) -> None:
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
                _give(owner, field, item)
                both = sum(1 for e in items if e.value == item.value and e is not item and
                           (e.start < sentence_start + offset) != (item.start < sentence_start + offset))
                if item.value in getattr(other, field) and not _told_elsewhere(other, field, item) and not both:
                    _take_back(other, field, item)


def _give(row: Case, field: str, item: Evidence) -> None:
    """``row`` with the value of ``item`` among its ``field`` values, kept with its evidence."""
    if item.value not in getattr(row, field):
        setattr(row, field, sorted(set(getattr(row, field)) | {item.value}))
        row.evidence.append(replace(item, kept=True))


def _told_elsewhere(row: Case, field: str, item: Evidence) -> bool:
    """Whether another sentence of ``row``'s kept evidence gives it the value of ``item`` too."""
    return any(e.field == field and e.kept and e.value == item.value and e.sentence_start != item.sentence_start
               for e in row.evidence)


def _take_back(row: Case, field: str, item: Evidence) -> None:
    """``row`` without the value of ``item``, its evidence left out."""
    setattr(row, field, [value for value in getattr(row, field) if value != item.value])
    row.evidence = [e for e in row.evidence if e is not item] + [replace(item, kept=False)]


def respective_values(first: Case, rows: list[Case]) -> None:
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


def _two_named(sentence: str, rows: list[Case]) -> tuple[int, tuple[int, int]] | None:
    """Where a sentence starts telling of the second of two patients, and which rows it tells of
    first and second: after "one ... the other", or at the second of two person words whose sexes
    are the two rows' ("The woman recovered, while the man died"). None when it names neither way."""
    apart = apart_patterns()
    split = apart.one_and_other.search(sentence) or apart.former_latter.search(sentence)
    if split is not None:
        return split.start("other"), (0, 1)
    labels = [m for m in apart.numbered_patient.finditer(sentence) if 1 <= patient_number(m.group("number")) <= len(rows)]
    if len(labels) == 2 and labels[0].group("number") != labels[1].group("number"):
        return labels[1].start(), (patient_number(labels[0].group("number")) - 1, patient_number(labels[1].group("number")) - 1)
    sexes = [row.sex for row in rows]
    if None in sexes or len(set(sexes)) != 2:
        return None
    named = [(m, PERSON_SEX[m.group("person").lower()]) for m in apart.named_person.finditer(sentence)]
    if len(named) != 2 or named[0][1] == named[1][1]:
        return None
    return named[1][0].start(), (sexes.index(named[0][1]), sexes.index(named[1][1]))


def _named_rows(sentence: str, rows: list[Case]) -> set[int] | None:
    """The row numbers a sentence opens on as its subject (an order, numbers, "the other" of two), else None."""
    apart = apart_patterns()
    subject = apart.ordinal_subject.match(sentence)
    if subject is not None:
        if subject.group("ordinal"):
            return {patient_number(subject.group("ordinal"))}
        return {int(n) for n in re.findall(r"\d", subject.group("numbers"))}
    if len(rows) == 2 and apart.other_subject.match(sentence):
        return {2}
    return _sexed_row(sentence, rows)


def _sexed_row(sentence: str, rows: list[Case]) -> set[int] | None:
    """The row a sentence opens on by a person word or pronoun of one sex ("The girl achieved remission",
    "Unfortunately, he succumbed"), when every row's sex is known and exactly one row has that sex."""
    subject = apart_patterns().sexed_subject.match(sentence)
    sexes = [row.sex for row in rows]
    if subject is None or None in sexes:
        return None
    sex = PERSON_SEX[subject.group("person").lower()] if subject.group("person") \
        else PRONOUN_SEX[subject.group("pronoun").lower()]
    return {sexes.index(sex) + 1} if sexes.count(sex) == 1 else None


def _owners(text: str, sentence: str, sentence_start: int, rows: list[Case]) -> set[int] | None:
    """The rows a sentence speaks of: those its subject names, or, for a subject that goes on with the patient
    before ("This case ...", "She ..."), those of the nearest sentence before that names some (at most
    ``chain_reach`` sentences back, through continued subjects only); None when it names none."""
    if text[sentence_start:sentence_start + len(sentence)] != sentence:
        return None  # (evidence not placed in this text)
    position = sentence_start
    apart = apart_patterns()
    for _ in range(apart.chain_reach):
        current = text[position:sentence_end_after(text, position)]
        named = _named_rows(current, rows)
        if named is not None:
            return named
        if not apart.continued_subject.match(current) or position == 0:
            return None
        position = sentence_start_before(text, position - 1)
    return None


def ordinal_subjects(first: Case, rows: list[Case], text: str = "") -> None:
    """Drugs, sites of spread and statuses told of some announced patients named by order or number as the subject
    of their sentence, or of a sentence before it whose patient the sentence goes on with ("The second had an
    insidious onset ... and is progressing satisfactorily on zinc therapy", "Patients 2 and 3 had advanced disease at
    presentation with lymph node metastasis", "The other case developed dizziness ... This case received anti-toxin
    ... The case recovered after 5 days"), are those rows', and not the first row's unless it is named too or
    another sentence gives it the value. A sentence naming two patients apart is :func:`told_apart`'s."""
    if len(rows) < 2:
        return
    for field in ("drugs", "metastasis_sites", "dates"):
        for item in [e for e in first.evidence if e.field == field and (e.kept or _repeat(first, field, e))]:
            numbers = _owners(text, item.sentence, item.sentence_start, rows) if text else _named_rows(item.sentence, rows)
            if not numbers or max(numbers) > len(rows) or numbers == {1} or _two_named(item.sentence, rows) is not None:
                continue
            for number in sorted(numbers - {1}):
                _give(rows[number - 1], field, item)
            if 1 not in numbers and not _told_elsewhere(first, field, item):
                _take_back(first, field, item)
    if text:
        _chained_status(first, rows, text)


def _repeat(first: Case, field: str, item: Evidence) -> bool:
    """Whether ``item`` is left unkept only as a repeat of a value the first row holds from another sentence
    ("The first patient achieved remission with eltrombopag ... The second patient responded well to
    eltrombopag": the second mention is no new value of the one-patient reading), not as negated or
    hypothetical."""
    return repeat_of_kept(item, getattr(first, field)) and not _kept_from_its_sentence(first, field, item)


def _kept_from_its_sentence(first: Case, field: str, item: Evidence) -> bool:
    """Whether the first row keeps the value of ``item`` from this same sentence (the repeat is then no repeat)."""
    return any(e.field == field and e.kept and e.value == item.value and e.sentence_start == item.sentence_start
               for e in first.evidence)


def _chained_status(first: Case, rows: list[Case], text: str) -> None:
    """The first row's status when its sentence speaks of another single patient (the chain of
    :func:`ordinal_subjects`): that row's, when it has none; the first row takes the last status no other
    patient's sentence tells."""
    chosen = next((e for e in first.evidence if e.field == "outcome" and e.kept and e.value == first.outcome), None)
    if chosen is None:
        return
    numbers = _owners(text, chosen.sentence, chosen.sentence_start, rows)
    if not numbers or len(numbers) != 1 or numbers == {1} or max(numbers) > len(rows):
        return
    owner = rows[max(numbers) - 1]
    if owner.outcome is not None:
        return
    owner.outcome = chosen.value
    owner.evidence = [e for e in owner.evidence if e.field != "outcome"] + [replace(chosen)]
    others = [e for e in first.evidence if e.field == "outcome" and e is not chosen and e.sentence_start != chosen.sentence_start
              and not NOT_A_STATUS & set(e.qualifiers) and not any(q.startswith("subject=other") for q in e.qualifiers)
              and (_owners(text, e.sentence, e.sentence_start, rows) or {1}) == {1}]
    first.evidence = [e for e in first.evidence if e is not chosen] + [replace(chosen, kept=False)]
    if others:
        last = max(others, key=lambda e: e.sentence_start)
        first.outcome = last.value
        first.evidence = [e for e in first.evidence if e is not last] + [replace(last, kept=True)]
    else:
        first.outcome = None
