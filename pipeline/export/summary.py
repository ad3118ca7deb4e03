"""The patient's treatment as a review's Table 1 writes it, in one line:
"laparoscopic radical hysterectomy + pelvic lymphadenectomy; paclitaxel + cisplatin × 2;
external beam radiotherapy 45 Gy in 25 fractions with cisplatin; docetaxel + carboplatin".

Read from the case's treatments (``pipeline.cases.treatments``), never from the text. Only the
cancer treatment is listed: operations, radiotherapy, and the drugs and systemic therapies of
``models/export/cancer_therapy.tsv``; antibiotics and supportive drugs, biopsies and other
procedures stay in the treatments sheet, with every dose and date.

How the items are built, in the order the patient received them (by date; an undated treatment
keeps its place in the text after the last dated one before it):

- operations of the same date are one item, joined with " + " ("laparoscopic radical
  hysterectomy + pelvic lymphadenectomy"), the first ``MAX_OPERATIONS`` named and the others
  counted;
- cancer drugs given one after another, with no operation or radiotherapy between them and no
  gap of more than ``COURSE_GAP_DAYS`` between their dates, are one course: their drugs joined
  with " + " and the number of cycles stated ("paclitaxel + cisplatin × 2");
- a radiotherapy is one item with its dose; the cancer drugs of its date are given with it
  ("... with cisplatin");
- a bare name ("chemotherapy", "radiotherapy", "surgery") is left out when a specific treatment
  of its kind is listed: it names one of them again.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.resources import read_table

CANCER_THERAPY = "export/cancer_therapy.tsv"
# Cycles of one course follow every 1-4 weeks: a longer pause starts another line of treatment.
COURSE_GAP_DAYS = 42
# Names that only say which kind of treatment (one of them again when a specific one is listed).
BARE_NAMES = frozenset({"chemotherapy", "radiotherapy", "chemoradiation", "surgery", "operation",
                        "surgical resection", "resection", "irradiation"})
ITEM_SEPARATOR = "; "
# Operations of one day named in the line; the others are counted ("+ 2 more"): a Table 1 names
# the main operation and its lymph-node dissection, the treatments sheet lists every one.
MAX_OPERATIONS = 2


@lru_cache(maxsize=1)
def _cancer_lists() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    rows = read_table(CANCER_THERAPY)
    drugs = frozenset(r["name"].lower() for r in rows if r["kind"] == "drug")
    stems = tuple(r["name"].lstrip("~").lower() for r in rows if r["kind"] == "stem")
    therapies = frozenset(r["name"].lower() for r in rows if r["kind"] == "therapy")
    return drugs, stems, therapies


def is_cancer_drug(generic: str) -> bool:
    """Whether a generic is an antineoplastic or endocrine cancer drug.

    >>> [is_cancer_drug(g) for g in ("cisplatin", "lobaplatin", "imatinib", "vancomycin")]
    [True, True, True, False]
    """
    drugs, stems, _ = _cancer_lists()
    name = generic.lower()
    return name in drugs or name.endswith(stems)


def is_cancer_treatment(treatment) -> bool:
    """Whether a treatment belongs in the Table-1 summary (see the module docstring)."""
    kind, name = _get(treatment, "kind"), _get(treatment, "name")
    if kind in ("surgery", "radiotherapy"):
        return True
    if kind == "drug":
        return any(is_cancer_drug(g) for g in (_get(treatment, "drugs") or (name,)))
    if kind == "systemic":
        drugs = _get(treatment, "drugs") or ()
        if drugs:
            return any(is_cancer_drug(g) for g in drugs)
        return name.lower() in _cancer_lists()[2]
    return False


@dataclass
class _Item:
    kind: str  # "surgery", "course", "radiotherapy", "systemic"
    date: str | None
    names: list[str] = field(default_factory=list)
    cycles: int | None = None
    last_date: str | None = None
    dose: str | None = None
    with_drugs: list[str] = field(default_factory=list)

    def text(self) -> str:
        if self.kind == "surgery" and len(self.names) > MAX_OPERATIONS:
            return " + ".join(self.names[:MAX_OPERATIONS]) + f" + {len(self.names) - MAX_OPERATIONS} more"
        if self.kind == "course":
            text = " + ".join(self.names)
            return f"{text} × {self.cycles}" if self.cycles else text
        if self.kind == "radiotherapy":
            text = " + ".join(self.names)
            if self.dose:
                text += f" {self.dose}"
            if self.with_drugs:
                text += " with " + " + ".join(self.with_drugs)
            return text
        if self.kind == "systemic" and self.cycles:
            return f"{' + '.join(self.names)} × {self.cycles}"
        return " + ".join(self.names)


def treatment_summary(treatments) -> str | None:
    """The Table-1 line of a patient's treatments (``Treatment`` objects or their JSON dicts),
    or None when no cancer treatment is known.

    >>> from pipeline.cases.treatments import Treatment
    >>> def t(kind, name, drugs=(), date=None, cycles=None, approach=None, dose=None):
    ...     return Treatment(kind, name, tuple(drugs), dose, None, cycles, None, date, name, 0, approach=approach)
    >>> treatment_summary([t("surgery", "radical hysterectomy", date="2012-04-24", approach="laparoscopic"),
    ...     t("drug", "ceftriaxone", ["ceftriaxone"], date="2012-07-16"),
    ...     t("drug", "paclitaxel", ["paclitaxel"], date="2012-08-15", cycles=2),
    ...     t("drug", "cisplatin", ["cisplatin"], date="2012-08-21"),
    ...     t("radiotherapy", "external beam radiotherapy", date="2012-11-16", dose="45 Gy"),
    ...     t("drug", "cisplatin", ["cisplatin"], date="2012-11-16")])
    'laparoscopic radical hysterectomy; paclitaxel + cisplatin × 2; external beam radiotherapy 45 Gy with cisplatin'
    """
    chosen = [t for t in _in_order(treatments) if is_cancer_treatment(t)]
    specific_kinds = {_get(t, "kind") for t in chosen if _get(t, "name").lower() not in BARE_NAMES}
    drugs_named = any(_cancer_generics(t) for t in chosen)
    items: list[_Item] = []
    pending_cycles = None
    for treatment in chosen:
        kind, name, date = _get(treatment, "kind"), _get(treatment, "name"), _get(treatment, "date")
        bare = name.lower() in BARE_NAMES
        if kind in ("surgery", "radiotherapy"):
            if bare and kind in specific_kinds:
                continue
            if kind == "surgery":
                _add_surgery(treatment, items)
            else:
                items.append(_Item("radiotherapy", date, [name], dose=_get(treatment, "dose"), last_date=date))
        elif _cancer_generics(treatment):
            _add_drugs(treatment, items)
            if pending_cycles and items[-1].kind == "course" and not items[-1].cycles:
                items[-1].cycles, pending_cycles = pending_cycles, None
        elif bare and drugs_named:  # "chemotherapy": the course its drugs make, named again
            if not _add_cycles(treatment, items):  # "6 cycles of chemotherapy with TC": the next one
                pending_cycles = pending_cycles or _get(treatment, "cycles")
        else:
            items.append(_Item("systemic", date, [name], cycles=_get(treatment, "cycles"), last_date=date))
    lines = list(dict.fromkeys(item.text() for item in items if item.names))
    return ITEM_SEPARATOR.join(lines) or None


def _in_order(treatments) -> list:
    """Treatments by date; an undated one after the last dated one written before it."""
    keyed, last_date = [], ""
    for index, treatment in enumerate(treatments):
        date = _get(treatment, "date")
        if date:
            last_date = date
        keyed.append(((date or last_date), index, treatment))
    return [t for _, _, t in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _add_surgery(treatment, items: list[_Item]) -> None:
    name = _get(treatment, "name")
    approach = _get(treatment, "approach")
    if approach and approach not in name:
        name = f"{approach} {name}"
    date = _get(treatment, "date")
    last = items[-1] if items else None
    if last and last.kind == "surgery" and (last.date == date or not date):
        if name not in last.names:
            last.names.append(name)
        return
    items.append(_Item("surgery", date, [name], last_date=date))


def _cancer_generics(treatment) -> list[str]:
    drugs = _get(treatment, "drugs") or ()
    if _get(treatment, "kind") == "systemic" and not drugs:
        return []
    return [g for g in (drugs or (_get(treatment, "name"),)) if is_cancer_drug(g)]


def _add_drugs(treatment, items: list[_Item]) -> None:
    date, cycles = _get(treatment, "date"), _get(treatment, "cycles")
    generics = _cancer_generics(treatment)
    last = items[-1] if items else None
    if last and last.kind == "radiotherapy" and date and last.date == date:
        last.with_drugs.extend(g for g in generics if g not in last.with_drugs)
        return
    if last and last.kind == "course" and not _gap(last.last_date, date):
        last.names.extend(g for g in generics if g not in last.names)
        last.cycles = max(filter(None, (last.cycles, cycles)), default=None)
        last.last_date = date or last.last_date
        return
    items.append(_Item("course", date, list(generics), cycles=cycles, last_date=date))


def _add_cycles(treatment, items: list[_Item]) -> bool:
    """A bare "chemotherapy" with its cycles: the cycles of the last course listed (False: none yet)."""
    cycles = _get(treatment, "cycles")
    course = next((item for item in reversed(items) if item.kind == "course"), None)
    if course is None:
        return False
    if cycles and not course.cycles:
        course.cycles = cycles
    return True


def _gap(earlier: str | None, later: str | None) -> bool:
    """Whether two ISO dates lie more than ``COURSE_GAP_DAYS`` apart (unknown: no gap)."""
    first, second = _day(earlier), _day(later)
    return bool(first and second and (second - first).days > COURSE_GAP_DAYS)


def _day(iso: str | None) -> datetime.date | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _get(treatment, name: str):
    if isinstance(treatment, dict):
        return treatment.get(name)
    return getattr(treatment, name, None)
