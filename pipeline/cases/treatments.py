"""A patient's treatments and staging details, from their mentions: what a review table lists
as "Treatment" (drugs with dose, route, schedule and cycles; regimens; operations with their
approach; radiotherapy with its dose; other procedures) and the FIGO edition and TNM.

Mentions come in already filtered to the patient's affirmed, non-hypothetical ones, in text
order. How mentions become treatments:

- Drugs named together as one regimen in a sentence ("paclitaxel and carboplatin (TC)", "6
  cycles of TC") make one treatment named by the regimen code, listing its drugs; the doses
  of its drugs are listed together ("paclitaxel 175 mg/m2; carboplatin AUC 5"). Any other
  drug mention is a treatment named by its generic ("piperacillin/tazobactam" for a
  combination).
- Every procedure mention is a treatment of its kind (surgery, radiotherapy, systemic,
  other). A systemic therapy or chemoradiation lists the drugs named nearest to it in its
  sentence ("chemotherapy (100 mg docetaxel together with 300 mg carboplatin)").
- Repeated mentions merge: a mention joins the earlier treatment of the same kind and name
  when none of their details (dose, cycles, route, schedule, regimen, date, approach,
  setting) disagree, filling in what the earlier lacked; a mention with a different dose,
  number of cycles or date is a treatment of its own (a second line, a dose change).
- An unspecific word ("surgery", "resection") is dropped when a specific treatment of the
  same kind is named ("radical hysterectomy").
- The date of a treatment is the date written in the same sentence, the nearest one.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache

from pipeline.resources import read_table

PROCEDURE_LEXICON = "procedures/procedures.tsv"
# Procedure names that take the drugs named beside them.
TAKES_DRUGS = ("systemic",)
TAKES_DRUGS_NAMES = frozenset({"chemoradiation"})
# Kinds whose bare names fold into a fuller name ("hysterectomy" -> "radical hysterectomy").
FOLDED_KINDS = frozenset({"surgery", "radiotherapy", "systemic"})
# Details that must agree for two mentions to be one treatment.
DETAILS = ("dose", "cycles", "route", "schedule", "regimen", "date", "approach", "setting")


@dataclass(frozen=True)
class Treatment:
    """One treatment of the patient, e.g. ``Treatment("drug", "TC", ("paclitaxel",
    "carboplatin"), None, None, 6, "TC", None, "6 cycles of TC", 120)``.

    ``kind`` is "drug", "surgery", "radiotherapy", "systemic" or "other"; ``name`` the
    generic, regimen code or normalised procedure name; ``drugs`` the generics given (a
    regimen's or a systemic therapy's drugs); ``dose`` a drug dose ("75 mg/m2") or a
    radiotherapy dose ("45 Gy in 25 fractions"); ``date`` an ISO date written in the same
    sentence; ``written`` and ``start`` the first mention's text and offset in the report.
    """

    kind: str
    name: str
    drugs: tuple[str, ...]
    dose: str | None
    route: str | None
    cycles: int | None
    regimen: str | None
    date: str | None
    written: str
    start: int
    schedule: str | None = None  # "every 3 weeks", "days 1 and 8 every 3 weeks"
    approach: str | None = None  # "laparoscopic", "robotic-assisted", "open"...
    setting: str | None = None  # "neoadjuvant", "adjuvant", "concurrent", "palliative"...


@lru_cache(maxsize=4)
def generic_procedures(lexicon: str = PROCEDURE_LEXICON) -> frozenset[str]:
    """Names of the procedure lexicon flagged "generic" ("surgery", "surgical resection")."""
    return frozenset(row["name"] for row in read_table(lexicon) if "generic" in row.get("flags", ""))


def case_treatments(mentions, lexicon: str = PROCEDURE_LEXICON) -> list[Treatment]:
    """The treatments of one patient, in the order first written (see the module docstring)."""
    dates = _dates_by_sentence(mentions)
    drugs = [m for m in mentions if m.group == "drugs"]
    procedures = [m for m in mentions if m.group == "procedures"]
    drug_owner = _drug_owners(drugs, procedures)
    owned: dict[int, list] = {}  # procedure -> its drugs, in text order (one pass, not one per procedure)
    for drug in drugs:
        if id(drug) in drug_owner:
            owned.setdefault(id(drug_owner[id(drug)]), []).append(drug)
    candidates: list[Treatment] = []
    for mention in procedures:
        value = mention.value
        given = tuple(dict.fromkeys(g for d in owned.get(id(mention), ()) for g in d.value.generics))
        candidates.append(Treatment(value.kind, value.name, given, value.dose, None, value.cycles, None,
                                    _date(mention, dates), value.written, mention.start,
                                    approach=value.approach, setting=value.setting))
    candidates += _drug_treatments(drugs, dates)
    candidates.sort(key=lambda t: t.start)
    merged: list[Treatment] = []
    same_name: dict[tuple, list[int]] = {}  # (kind, name) -> indexes in merged
    for candidate in candidates:
        for index in same_name.get((candidate.kind, candidate.name), ()):
            if _compatible(merged[index], candidate):
                merged[index] = _merge(merged[index], candidate)
                break
        else:
            same_name.setdefault((candidate.kind, candidate.name), []).append(len(merged))
            merged.append(candidate)
    merged = _fold_bare_names(merged)
    # unspecific words ("surgery", "resection"): none beside a specific one of their kind, and
    # only the first of them otherwise
    generic = generic_procedures(lexicon)
    specific = {t.kind for t in merged if t.name not in generic}
    out, seen_generic = [], set()
    for treatment in merged:
        if treatment.name in generic:
            if treatment.kind in specific or treatment.kind in seen_generic:
                continue
            seen_generic.add(treatment.kind)
        out.append(treatment)
    return out


def case_staging(mentions) -> dict:
    """``{"figo_version": "2018" | None, "tnm": "pT1b2N1M0" | None}``: the FIGO edition of the
    first FIGO stage that names one, and the first TNM classification stated (a full one,
    with its T category, before a lone "pN1")."""
    return {field: (mention.value.version if field == "figo_version" else mention.value.compact) if mention else None
            for field, mention in staging_mentions(mentions).items()}


def staging_mentions(mentions) -> dict:
    """The mentions :func:`case_staging` read its values from (for evidence), or None."""
    stages = [m for m in mentions if m.group == "stage"]
    figo = next((m for m in stages if m.label == "FIGO_STAGE" and getattr(m.value, "version", None)), None)
    tnm = [m for m in stages if m.label == "TNM"]
    first_tnm = next((m for m in tnm if m.value.t), tnm[0] if tnm else None)
    return {"figo_version": figo, "tnm": first_tnm}


# -- drugs


def _drug_treatments(drugs, dates) -> list[Treatment]:
    """One candidate per drug mention, except that the drugs of one regimen in one sentence
    make one candidate."""
    out: list[Treatment] = []
    regimens: dict[tuple[int, str], list] = {}
    for mention in drugs:
        code = mention.value.regimen
        if code:
            regimens.setdefault((mention.sentence_start, code), []).append(mention)
            continue
        value = mention.value
        out.append(Treatment("drug", "/".join(value.generics), tuple(value.generics), value.dose, value.route,
                             value.cycles, None, _date(mention, dates), value.written, mention.start,
                             schedule=value.schedule))
    for (_, code), members in regimens.items():
        first = members[0]
        generics = tuple(dict.fromkeys(g for m in members for g in m.value.generics))
        own = [m for m in members if m.value.written.lower() == code.lower() or len(m.value.generics) > 1]
        doses = [f"{'/'.join(m.value.generics)} {m.value.dose}" for m in members if m.value.dose and m not in own]
        dose = next((m.value.dose for m in own if m.value.dose), None) or ("; ".join(doses) or None)
        routes = {m.value.route for m in members if m.value.route}
        out.append(Treatment("drug", code, generics, dose, routes.pop() if len(routes) == 1 else None,
                             next((m.value.cycles for m in members if m.value.cycles), None), code,
                             next((d for d in (_date(m, dates) for m in members) if d), None),
                             first.value.written, first.start,
                             schedule=next((m.value.schedule for m in members if m.value.schedule), None)))
    return out


def _drug_owners(drugs, procedures) -> dict:
    """Each drug mention -> the systemic therapy nearest to it in its sentence, if any."""
    owners = {}
    takers = [p for p in procedures if p.value.kind in TAKES_DRUGS or p.value.name in TAKES_DRUGS_NAMES]
    by_sentence: dict[int, list] = {}
    for taker in takers:
        by_sentence.setdefault(taker.sentence_start, []).append(taker)
    for drug in drugs:
        near = by_sentence.get(drug.sentence_start)
        if near:
            owners[id(drug)] = min(near, key=lambda p: abs(p.start - drug.start))
    return owners


# -- merging


def _compatible(earlier: Treatment, later: Treatment) -> bool:
    return all(getattr(earlier, f) is None or getattr(later, f) is None or getattr(earlier, f) == getattr(later, f)
               for f in DETAILS)


def _merge(earlier: Treatment, later: Treatment) -> Treatment:
    filled = {f.name: getattr(later, f.name) for f in fields(Treatment)
              if f.name in DETAILS and getattr(earlier, f.name) is None and getattr(later, f.name) is not None}
    drugs = tuple(dict.fromkeys(earlier.drugs + later.drugs))
    return replace(earlier, drugs=drugs, **filled)


def _fold_bare_names(treatments: list[Treatment]) -> list[Treatment]:
    """A bare name that ends a more specific one of the same kind ("hysterectomy" beside
    "radical hysterectomy", "radiotherapy" beside "pelvic radiotherapy") is that treatment
    named again, when their details agree. Not for "other" procedures: two biopsies are two."""
    out = list(treatments)
    for bare in list(out):
        if bare.kind not in FOLDED_KINDS:
            continue
        for index, fuller in enumerate(out):
            if fuller is not bare and fuller.kind == bare.kind and fuller.name.endswith(" " + bare.name) \
                    and _compatible(fuller, bare):
                out[index] = _merge(fuller, bare)
                out.remove(bare)
                break
    return out


# -- dates


def _dates_by_sentence(mentions) -> dict[int, list]:
    by_sentence: dict[int, list] = {}
    for mention in mentions:
        if mention.group == "dates" and not getattr(mention.value, "metadata", False):
            by_sentence.setdefault(mention.sentence_start, []).append(mention)
    return by_sentence


def _date(mention, dates: dict[int, list]) -> str | None:
    near = dates.get(mention.sentence_start)
    if not near:
        return None
    return min(near, key=lambda d: abs(d.start - mention.start)).value.iso
