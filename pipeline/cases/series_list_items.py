"""Patients listed in one sentence, each with what the sentence says of them (``cases/series.py``):
"including a 53-year-old woman with only relative hypertension, a 69-year-old woman who ultimately
died, and a 46-year-old woman who had a haemorrhage", "The 5 index cases included (1) a 5-month-old
boy with a testicular mass, ..., (3) a 76-year-old woman with an umbilical mass", "the final
diagnosis was (1) juvenile GCT, ..., (5) ruptured GCT". A value told inside one patient's item of
the list is that patient's, not the group's: the report tells its patients together, so the first
row holds every value the text gives, and without this each row would take the one item's value.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.record import Case, Evidence


# Fields of one value, and fields of a list of values, that an item of a list may tell.
ONE_VALUE_FIELDS = ("outcome", "histology", "primary_site", "age", "sex")
# ... of which a sex word in one item may stand for all ("11-month-old, 7-month-old, and 5-year-old male
# infant"): it gives the row of its item that sex, and takes none from another row.
SHARED_WORD_FIELDS = frozenset({"sex"})
# ... and which are read only in a list whose items are numbered ("(1) a septuagenarian ...; (2) a 75-year-old
# man"): items told by their ages begin at the age, and a sex word may stand before it ("Female, 60-year-old").
NUMBERED_ONLY = frozenset({"age", "sex"})
# ... and which are read only when every item tells one ("a 68-year-old male with prostatic carcinoma and a 60-year-old
# male with gastric carcinoma"): a site in one item only may be another tumour's of that patient.
EVERY_ITEM_FIELDS = frozenset({"primary_site"})
LIST_FIELDS = ("drugs", "metastasis_sites")
# The status of a non-cancer case's improvement.
RECOVERED = "recovered"
# Qualifiers that make a mention no one's value.
NOT_A_VALUE = frozenset({"negated", "hypothetical", "historical"})
# An item's number in a list written inside a sentence: "(1) ... (2) ..." or "1) ... 2) ...".
ITEM_NUMBER = re.compile(r"(?:\((?P<bracketed>[1-9])\)|(?<![\w(.,])(?P<closed>[1-9])\))(?=\s)")


# The comma that closes a list of patients in subject position, and the verb after it.
LIST_THEN_VERB = re.compile(r",\s+(?:(?:all|both|each|also|then|later|subsequently|eventually)\s+)?(?:were|was|had|have|has|"
                            r"developed|presented|underwent|received|died|showed|suffered|complained|required|recovered)\b")


def list_items(first: Case, rows: list[Case], fields: tuple[str, ...] = ONE_VALUE_FIELDS + LIST_FIELDS) -> None:
    """Gives each row the values its own item of a list of the patients tells, and takes from
    the other rows a value that only another patient's item tells (``fields``: those read)."""
    items, numbered = _items_by_sentence(first, rows)
    if not items:
        return
    every_list = items
    for field in fields:
        # a list told by its ages: their words stand before the age as often as after
        items = {start: spans for start, spans in every_list.items() if start in numbered} \
            if field in NUMBERED_ONLY else every_list
        if not items:
            continue
        told = [e for e in first.evidence if e.field == field and e.sentence_start in items
                and not NOT_A_VALUE & set(e.qualifiers) and not any(q in ("subject=other", "subject=family") for q in e.qualifiers)]
        if not told:
            continue
        owners = {id(e): _owner(e, items[e.sentence_start]) for e in told}
        own = [[e for e in told if owners[id(e)] == index] for index in range(len(rows))]
        if field in EVERY_ITEM_FIELDS and not all(own):
            continue  # "(4) collision tumour: colonic adenocarcinoma and GCT": one item's second tumour
        if field in ONE_VALUE_FIELDS:
            _one_value(field, first, rows, own, told, items)
        else:
            _list_values(field, first, rows, own, told, items)


def _items_by_sentence(first: Case, rows: list[Case]) -> tuple[dict[int, list[tuple[int, int]]], set[int]]:
    """{sentence start: (start, end) of each row's item}, for the sentences that list the patients:
    the one that gives every row its age in row order, and one that numbers as many items as rows;
    and the starts of the numbered ones."""
    found: dict[int, list[tuple[int, int]]] = {}
    numbered: set[int] = set()
    ages = [next((e for e in row.evidence if e.field == "age" and e.kept), None) for row in rows]
    if None not in ages and len({e.sentence_start for e in ages}) == 1 \
            and all(a.start < b.start for a, b in zip(ages, ages[1:])):
        end = _list_end(ages[0].sentence, ages[0].sentence_start, ages[-1].end)
        starts = [e.start for e in ages]
        found[ages[0].sentence_start] = list(zip(starts, starts[1:] + [end]))
    sentences = {e.sentence_start: e.sentence for e in first.evidence if e.field in ONE_VALUE_FIELDS + LIST_FIELDS}
    for start, sentence in sentences.items():
        if start in found:
            continue
        numbers = list(ITEM_NUMBER.finditer(sentence))
        if [int(m.group("bracketed") or m.group("closed")) for m in numbers] == list(range(1, len(rows) + 1)):
            starts = [start + m.start() for m in numbers]
            found[start] = list(zip(starts, starts[1:] + [_list_end(sentence, start, starts[-1])]))
            numbered.add(start)
    return found, numbered


def _list_end(sentence: str, sentence_start: int, last: int) -> int:
    """Where the last item ends: at the comma after which the sentence goes on with the verb of the
    listed patients ("Three patients, a 57-year-old man, his 60-year-old sister, and 81-year-old
    mother, developed lymphoma": the lymphoma is all three's), else at the sentence's end."""
    after = LIST_THEN_VERB.search(sentence, last - sentence_start)
    return sentence_start + (after.start() if after else len(sentence))


def _owner(evidence: Evidence, items: list[tuple[int, int]]) -> int | None:
    """The index of the item holding the mention, or None (before the list: said of all)."""
    return next((index for index, (start, end) in enumerate(items) if start <= evidence.start < end), None)


def _told_elsewhere(first: Case, field: str, value, items: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether a kept mention of ``value`` stands outside every item of the lists."""
    return any(e.field == field and e.value == value and e.kept
               and (e.sentence_start not in items or _owner(e, items[e.sentence_start]) is None)
               for e in first.evidence)


def _one_value(field: str, first: Case, rows: list[Case], own: list[list[Evidence]], told: list[Evidence],
               items: dict[int, list[tuple[int, int]]]) -> None:
    """Each row whose item tells one value takes it; a row whose value only another's item tells loses it."""
    for row, mentions in zip(rows, own):
        values = {e.value for e in mentions}
        if field == "outcome" and len(values) > 1:
            # "achieving partial radiological response and sustained clinical improvement": a cancer's
            # status outranks the recovery the same item words
            values -= {RECOVERED}
            mentions = [e for e in mentions if e.value in values]
        current = getattr(row, field)
        if len(values) == 1:
            value = values.pop()
            if current != value:
                setattr(row, field, value)
                row.evidence = [e for e in row.evidence if e.field != field] + [replace(mentions[0], kept=True)]
        elif not values and current is not None and field not in SHARED_WORD_FIELDS \
                and not _told_elsewhere(first, field, current, items) \
                and any(e.value == current for e in told):
            setattr(row, field, None)
            row.evidence = [replace(e, kept=False) if e.field == field else e for e in row.evidence]


def _list_values(field: str, first: Case, rows: list[Case], own: list[list[Evidence]], told: list[Evidence],
                 items: dict[int, list[tuple[int, int]]]) -> None:
    """A value told only in items is the values of those items' rows, and no other row's."""
    # the values the first row took (a mention left out of every row stays out)
    itemised = {e.value for e in told if any(e in mentions for mentions in own)} & set(getattr(first, field))
    for value in itemised:
        if _told_elsewhere(first, field, value, items):
            continue
        for row, mentions in zip(rows, own):
            holds = [e for e in mentions if e.value == value]
            values = set(getattr(row, field))
            if holds and value not in values:
                setattr(row, field, sorted(values | {value}))
                row.evidence.append(replace(holds[0], kept=True))
            elif not holds and value in values:
                setattr(row, field, sorted(values - {value}))
                row.evidence = [replace(e, kept=False) if e.field == field and e.value == value else e for e in row.evidence]
