"""The organs the annotation's site list knows, as the cases stage reads them: the organ a
cancer type names (models/cases/sites.tsv), the site facts of models/cases, and word stems
that tell organs apart."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.record import Evidence
from pipeline.nlp.sites.model import OTHER as OTHER_SITE
from pipeline.resources import compile_pattern, read_patterns, read_table


# The organ of a leukaemia or myeloma (``histology/organs.tsv``), and how far from a stage its organ is
# written ("stage IB2 cervical cancer", "cervical carcinoma, FIGO stage IB2": a few words)
MARROW = "bone marrow"


ORGAN_STEM = 5  # letters that tell two organs' words apart ("testi-" / "prost-"; "pelvis" / "pelvic" are one)


# The words of a weighing that say what a disease looks like ("mimicking", "resembling").
MIMIC_WORD = re.compile(r"(?i)(?:mimick?|resembl)")


def type_only_weighed(histology: Mention, by_group: dict[str, list[Mention]], config: AssemblyConfig) -> bool:
    """True when every sentence that names a type (``histology`` when none is grouped) only
    weighs it (``[report] weighed`` of roles.toml: "Lymphoma was considered."), unless a diagnosis
    (``[report] diagnosed``) is told after the weighing word, before the type."""
    report = read_patterns(config.roles)["report"]
    weighed = compile_pattern(report.get("weighed", "(?!)"))
    diagnosed = compile_pattern(report.get("diagnosed", "(?!)"))

    def weighs(m: Mention) -> bool:
        # "ACC ... mimicking hyperaldosteronism": a mimic's word after the type weighs what follows it,
        # the type before it is the patient's
        cues = [c for c in weighed.finditer(m.sentence)
                if not (c.start() > m.start - m.sentence_start and MIMIC_WORD.match(c.group()))]
        if not cues:
            return False
        before = m.sentence[cues[-1].end():max(cues[-1].end(), m.start - m.sentence_start)]
        return cues[-1].start() > m.start - m.sentence_start or diagnosed.search(before) is None

    return all(weighs(m) for m in by_group.get("histology", []) or [histology])


def type_organ(histology: Mention, config: AssemblyConfig = DEFAULT, fallback: bool = False) -> str | None:
    """The organ a type names by itself ("NSCLC" -> lung, "invasive ductal carcinoma" -> breast), or None;
    with ``fallback``, also the organ a type mostly arises in ("osteosarcoma" -> bone), for a case
    that names no primary."""
    by_type, by_written = type_organs(config.organs)
    organ = by_written.get(type_key(histology.value.written)) or by_type.get(histology.value.histology)
    if organ is None and fallback:
        organ = fallback_organs(config.organs).get(histology.value.histology)
    return organ


def type_key(written: str) -> str:
    return "".join(ch for ch in written.lower() if ch.isalnum()).removesuffix("s")


@lru_cache(maxsize=None)
def type_organs(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised type -> organ, written type key -> organ) of ``histology/organs.tsv``."""
    by_type, by_written = {}, {}
    for row in read_table(path):
        if row["kind"] == "written":
            by_written[type_key(row["key"])] = row["site"]
        elif row["kind"] == "histology":
            by_type[row["key"]] = row["site"]
    return by_type, by_written


@lru_cache(maxsize=None)
def fallback_organs(path: str) -> dict[str, str]:
    """Normalised type -> the organ it mostly arises in (kinds 'fallback' and 'written_only' of
    ``histology/organs.tsv``)."""
    return {row["key"]: row["site"] for row in read_table(path) if row["kind"] in ("fallback", "written_only")}


@lru_cache(maxsize=None)
def written_only_types(path: str) -> frozenset[str]:
    """Normalised types whose usual organ is never assumed (kind 'written_only' of ``histology/organs.tsv``):
    their organ is the one the report writes with the type, or none."""
    return frozenset(row["key"] for row in read_table(path) if row["kind"] == "written_only")


@lru_cache(maxsize=1)
def site_facts() -> dict[str, dict[str, str]]:
    return {row["site"]: row for row in read_table("cases/sites.tsv")}


def lining_site(site: str | None, histology: str | None) -> str | None:
    """The part of ``site`` that a carcinoma of the whole organ arises in (``lining`` of cases/sites.tsv:
    "endometrioid adenocarcinoma of the uterus" is endometrial), or None.

    >>> lining_site("uterus", "endometrioid carcinoma"), lining_site("uterus", "choriocarcinoma")
    ('endometrium', None)
    """
    facts = site_facts().get(site or "", {})
    lining, types = facts.get("lining") or None, facts.get("lining_types") or None
    return lining if lining and types and re.fullmatch(types, histology or "") else None


def site_family(site: str) -> str:
    """Bone and spine are one skeleton for a suspicion and its biopsy ("osseous metastases" / "the sacrum")."""
    return "bone" if site in ("bone", "spine") else site


def organ_stem(written: str) -> str:
    return "".join(ch for ch in written.lower() if ch.isalpha())[:ORGAN_STEM]


@lru_cache(maxsize=4)
def anatomy_sexes(sex_words: str) -> dict[str, str]:
    """Words of organs only one sex has ("prostate", "testicular", "uterine")."""
    return {row["term"].lower(): row["sex"] for row in read_table(sex_words) if row["evidence"] == "anatomy"}


def primary_sex(site: str | None, primary: Evidence, sex_words: str) -> str | None:
    """The sex a primary cancer implies: a primary site only one sex has (``cases/sites.tsv``: the
    uterus, the ovary), or, for a primary outside the site list, the organ its words name
    ("prostatic adenocarcinoma", "testicular seminoma": the ``anatomy`` rows of ``sex_words``)."""
    sex = site_facts().get(site, {}).get("sex")
    if sex:
        return sex
    written = primary.sentence[primary.start - primary.sentence_start: primary.end - primary.sentence_start]
    return anatomy_sexes(sex_words).get(written.lower())
