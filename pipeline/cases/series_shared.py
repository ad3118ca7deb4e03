"""Values a report of several patients says of all of them at once, given to every row
(``cases/series.py``, ``cases/assemble.py``): the primary site and histology named of the patients
as a group or by the title and opening, the metastasis sites, drugs and dates of a sentence told of
them all; and the keeping of the first row's findings that such a sentence gives the group."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.mentions import Mention
from pipeline.cases.patient_parts import RESPECTIVELY
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series_joint import APART, _given_to_all, _group_given, given_to_one, said_of_some
from pipeline.ingest.report import Report


SHARED_FIELDS = ("primary_site", "histology")


def _unkept(evidence: list[Evidence]) -> list[Evidence]:
    return [replace(e, kept=False) for e in evidence]


def _now_kept(evidence: list[Evidence], kept: list[Evidence]) -> list[Evidence]:
    """``evidence`` with the items of ``kept`` (copies marked kept) in place of their left-out originals."""
    left_out = _unkept(kept)
    return [e for e in evidence if e not in left_out] + [e for e in kept if e not in evidence]


# A sentence that says a spread in so many words.
SPREAD_SAID = re.compile(r"(?i)\bmetasta\w*|\bspread\b|\brecurren\w*")


def told_of_all_spread(first: Case, count: int, patients: str = "sections/patients.toml") -> list:
    """The metastasis sites of the first row whose sentence speaks of all ``count`` patients and names
    only that site ("The authors report two cases of surgically treated brain metastases"): every row's."""
    told = _first_row_told_of_all(first, "metastasis_sites", count, patients)
    # ... or left out of the one-patient reading as other patients' ("Hemoptysis in three women with
    # choriocarcinoma with pulmonary metastasis: a case series"): the group is the report's patients
    # (its sentence must say the spread, and the site be no primary's: "intraosseous osteosarcoma of
    # the jaws: two cases" names the bone the tumours arose in)
    told += [replace(e, kept=True) for e in first.evidence if e.field == "metastasis_sites" and not e.kept
             and e.value not in first.metastasis_sites and e.value != first.primary_site and _group_given(e, first)
             and SPREAD_SAID.search(e.sentence)
             and _given_to_all(e.sentence, count, patients) and not APART.search(e.sentence)]
    told = [e for e in told if not said_of_some(e, count)]
    return [e for e in told if all(o.value == e.value for o in told if o.sentence == e.sentence)]


def told_of_all_dates(first: Case, count: int, patients: str = "sections/patients.toml") -> list:
    """The dates of the first row whose sentence speaks of all ``count`` patients at once ("In March
    1993, six family members ... had suffered carbon monoxide poisoning", "On 14 February 2008, two
    suspected botulism cases were notified"): the date of the group's illness is every row's. Not a
    sentence that tells the patients apart ("the first ... the second", "respectively")."""
    return _first_row_told_of_all(first, "dates", count, patients)


def _first_row_told_of_all(first: Case, field: str, count: int, patients: str) -> list:
    """The first row's kept values of ``field`` whose sentence speaks of all ``count`` patients at
    once (``_given_to_all``) and does not tell them apart (``APART``)."""
    values = getattr(first, field)
    return [e for e in first.evidence if e.field == field and e.value in values
            and _given_to_all(e.sentence, count, patients) and not _told_apart(e.sentence, field, e.start - e.sentence_start)]


def group_spread(rows: list[Case], shared: list[Mention], patients: str = "sections/patients.toml") -> None:
    """The spread, the drugs and the dates a report of several patients, each told in a part of its own,
    says of all of them before their parts ("We present two cases highlighting the dermatological
    manifestations of cutaneous metastases from RCC", "two cases of psychiatric inpatients with
    regular VPA intake", "Two cases of IE were observed in 2019"): every row's. Only a sentence that counts as many patients as there are
    rows (or says "both", "all") and does not tell them apart; a spread only when the sentence
    names that one site."""
    count = len(rows)
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for mention in shared:
        if mention.negated or mention.hypothetical:
            continue
        if mention.group == "sites" and mention.value.role == "metastasis":
            by_sentence.setdefault(("metastasis_sites", mention.sentence_start), []).append(mention)
        elif mention.group == "drugs" and not given_to_one(mention.sentence, mention.sentence_start, mention.end, mention.start, count):
            by_sentence.setdefault(("drugs", mention.sentence_start), []).append(mention)
        elif mention.group == "dates" and not mention.value.metadata and mention.subject in ("patient", "probable"):
            # "Two cases of IE were observed in 2019. The first case involved ...": the group's date
            by_sentence.setdefault(("dates", mention.sentence_start), []).append(mention)
    for (field, _), said in by_sentence.items():
        sentence = said[0].sentence
        if _told_apart(sentence, field, min(m.start - m.sentence_start for m in said)) \
                or not _given_to_all(sentence, count, patients):
            continue
        if field == "metastasis_sites":
            if len({m.value.site for m in said}) != 1:
                continue
            values = [(said[0], said[0].value.site)]
        elif field == "dates":
            values = [(m, m.value.iso) for m in said]
        else:
            values = [(m, generic) for m in said for generic in m.value.generics]
        for row in rows:
            for mention, value in values:
                if value not in getattr(row, field):
                    setattr(row, field, sorted(getattr(row, field) + [value]))
                    row.evidence.append(Evidence(field, value, sentence, mention.start, mention.end,
                                                mention.sentence_start, mention.qualifiers))


def _told_apart(sentence: str, field: str, first: int) -> bool:
    """Whether a sentence tells the patients apart (``APART``) for its values of ``field``, the first of them
    ``first`` characters into it. The date that opens a sentence about the group is the group's, though a later
    clause sets one of them apart ("In March 2019, three patients ate Amanita, and one of them received a liver
    transplant"): for dates only the words before the first date count (and "respectively" anywhere: the
    values of the sentence go one to each patient)."""
    if field != "dates":
        return bool(APART.search(sentence))
    return bool(APART.search(sentence[:max(0, first)]) or RESPECTIVELY.search(sentence))


def _group_disease(first: Case, count: int, patients: str) -> None:
    """The primary site and the histology of a report that names the disease only of its patients as a
    group ("Two cases of cervical carcinoma, aged 33 and 40 years, ..."), left out of the one-patient
    reading as other patients': the first row's, and through it every row's (the first such mention)."""
    for field in SHARED_FIELDS:
        if getattr(first, field) is not None:
            continue
        told = [replace(e, kept=True) for e in first.evidence if e.field == field and _group_given(e, first)
                and _given_to_all(e.sentence, count, patients)][:1]
        if told:
            setattr(first, field, told[0].value)
            first.evidence = _now_kept(first.evidence, told)


# A cancer named in a report's title or opening ("Adult Wilms tumour: two cases", "Abdominal non-Hodgkin
# lymphoma in four boys"): the report is about patients who share it. The abbreviations in capitals only
# ("all" is no leukaemia).
CANCER_NAMED = re.compile(r"(?i:carcinom|cancer|tumou?r|neoplas|malignan|lymphom|leuka?emi|sarcom|blastom|myelom"
                             r"|melanom|metasta|seminom|mesotheliom|gliom)|\b(?:HCC|NHL|RCC|NSCLC|SCLC|AML|ALL|CML|CLL)\b")


def shared_disease(rows: list[Case], report: Report, first_start: int) -> None:
    """The primary site and histology of the rows of a report of several patients that read neither (or
    the same primary site but no histology),
    when every other row that read one reads the same pair and the title or the text before the first
    patient's (``first_start``) names a cancer ("Abdominal non-Hodgkin lymphoma in four boys": the boy
    whose part names no lymphoma has the report's). A report whose title and opening name no cancer
    ("Two types of necrotizing fasciitis") may have a patient with a cancer of his own beside one
    without: nothing is shared."""
    # the title and the text before the first patient's story ("Background: Wilms' tumor is rare in adults"),
    # not that story (a patient's own second cancer)
    opening = (report.title or "") + "\n" + report.text[:first_start]
    if len(rows) < 2 or CANCER_NAMED.search(opening) is None:
        return
    told = {(row.primary_site, row.histology) for row in rows if row.primary_site is not None or row.histology is not None}
    if len(told) > 1:  # "Familial Mesothelioma After ...": the father's lung cancer beside it is no series' disease
        named = {pair for pair in told if _type_in_title(pair[1], report.title)}
        told = named if len(named) == 1 else told
    if len(told) != 1:
        return
    primary, histology = next(iter(told))
    if primary is None:
        return  # a type alone: its organ may differ from row to row
    source = next(row for row in rows if row.primary_site == primary and row.histology == histology)
    for row in rows:
        # (also a row that read the same organ but no type: "Embryonal rhabdomyosarcoma: a tale of two cases",
        # whose second girl's part names only the ear's soft tissue)
        if row.histology is None and row.primary_site in (None, primary):
            filled = {"histology"} | ({"primary_site"} if row.primary_site is None else set())
            row.primary_site, row.histology = primary, histology
            row.evidence += [replace(e) for e in source.evidence if e.kept and e.field in filled]


def _type_in_title(name: str | None, title: str | None) -> bool:
    """Whether every word of a normalised type ("mesothelioma", "squamous cell carcinoma") but
    "cell" stands in the title ("Invasive squamous carcinoma of the vulva ...")."""
    words = set(re.findall(r"[a-z]+", (title or "").lower()))
    wanted = [w for w in re.findall(r"[a-z]+", (name or "").lower()) if w != "cell"]
    return bool(wanted) and all(w in words for w in wanted)
