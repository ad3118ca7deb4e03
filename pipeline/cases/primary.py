"""The primary site of a case's cancer (the primary_site cell): the organ named the primary,
not an organ called a metastasis of another, not a past or benign tumour, the organ a
type or a lesion names when no organ is named.

This module holds the choice among the candidate primaries the site rules read, and the report's
word that its primary is unknown; ``primary_no_cancer`` holds the reports that name no cancer of
their own, ``primary_of_type`` the organ a type or a lesion names, ``primary_regions`` the tissue
of a type written of a body region."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, stated_primaries
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns


SPREAD_OF_REACH = 40  # "liver metastasis of the previously resected colon cancer": a few words


def choose_primary_site(sites: list[Mention], config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The site named most often as the primary. "considered in the differential diagnosis of
    ovarian carcinoma" names no primary; nor does "the orbital tumor" (a bare tumour word) of a
    site the case's text calls a metastasis ("orbital masses as metastases"). A primary named only in
    a sentence of remote history ("treated for a breast cancer 25 years ago") or read as history by the
    context ("following treatment for breast carcinoma") gives way to one named now ("she now presented
    with an ovarian cancer")."""
    spread = {m.value.site for m in sites if m.value.role == "metastasis"}
    candidates = [m for m in stated_primaries(sites) if not (m.value.site in spread and bare_tumour(m.value.cue))]
    # "a gastric metastasis from breast cancer": the stomach's own "gastric adenocarcinoma" on biopsy was
    # that metastasis, unless no other organ is read as a primary
    elsewhere = metastasis_of_another(sites, config)
    candidates = [m for m in candidates if m.value.site not in elsewhere] or candidates
    candidates = without_spread_named_elsewhere(candidates, sites, config)
    spec = read_patterns(config.roles)["report"]
    candidates = without_broad_words(candidates, spec)
    history, remote = compile_pattern(spec["history"]), compile_pattern(spec.get("remote", "(?!)"))
    current = [m for m in candidates if not (history.search(m.sentence) and remote.search(m.sentence))] or candidates
    # "Endometrial carcinoma following treatment for breast carcinoma": a cancer the context calls
    # the patient's history gives way to one named as the present illness
    return most_frequent([m for m in current if not m.historical] or current, lambda v: v.site)


def without_broad_words(candidates: list[Mention], spec: dict) -> list[Mention]:
    """The candidates less a broad word for two organs ("colorectal") when one of those organs is
    named itself ("carcinoma of the rectum"); nothing changes when only the broad word is written."""
    if "broad_primary" not in spec:
        return candidates
    broad = compile_pattern(spec["broad_primary"])
    narrower = set(spec["broad_narrower"])
    named = [m for m in candidates if m.value.site in narrower and not broad.search(m.text)]
    return [m for m in candidates if not broad.search(m.text)] if named else candidates


def without_spread_named_elsewhere(candidates: list[Mention], sites: list[Mention],
                                    config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The primary candidates less those of an organ the case calls a metastasis ("Krukenberg tumours",
    "bilateral ovarian metastasis") when another organ is named the primary in so many words ("a small
    primary tumour located in the sigmoid colon", "metastatic primary colonic adenocarcinoma"): the
    metastatic organ's own tumour words ("bilateral ovarian carcinoma") were that spread. Nothing changes
    when the metastatic organ is named the primary too, or no other organ is."""
    spec = read_patterns(config.roles)["report"]
    if "named_primary_cue" not in spec:
        return candidates
    cue, before = compile_pattern(spec["named_primary_cue"]), compile_pattern(spec["named_primary_before"])
    weighed, reach = compile_pattern(spec["weighed"]), int(spec.get("named_primary_reach", 60))

    def named(mention: Mention) -> bool:
        left = mention.sentence[:mention.start - mention.sentence_start]
        if weighed.search(left[-reach:]):
            return False
        return bool(cue.match(mention.value.cue or "") or before.search(left))

    spread = {m.value.site for m in sites if m.value.role == "metastasis" and not m.negated and not m.hypothetical}
    named_sites = {m.value.site for m in candidates if named(m)}
    if not named_sites - spread:
        return candidates
    return [m for m in candidates if m.value.site not in spread - named_sites] or candidates


def metastasis_of_another(sites: list[Mention], config: AssemblyConfig = DEFAULT) -> set[str]:
    """The organs the case calls the metastasis of another organ's cancer, in one phrase ("a late liver
    metastasis of colon cancer", "gastric metastasis from breast cancer": ``[report] spread_of`` before
    the origin); a metastasis of a cancer of the same organ ("intrapulmonary metastasis of the lung
    cancer") is no such organ."""
    spread_of = compile_pattern(read_patterns(config.roles)["report"].get("spread_of", "(?!)"))
    origins = [m for m in stated_primaries(sites) if not m.negated
               and spread_of.search(m.sentence, 0, m.start - m.sentence_start)]
    return {m.value.site for m in sites
            if m.value.role == "metastasis" and not m.negated and not m.hypothetical
            and any(o.sentence_start == m.sentence_start and o.value.site != m.value.site
                    and 0 <= o.start - m.end <= SPREAD_OF_REACH for o in origins)}


def most_frequent(mentions: list[Mention], key) -> Mention | None:
    """The first mention of the value named most often; ties go to the earliest (title,
    abstract), so one initial misdiagnosis does not outweigh the final one repeated."""
    if not mentions:
        return None
    counts = Counter(key(m.value) for m in mentions)
    best = max(counts.values())
    return next(m for m in mentions if counts[key(m.value)] == best)


def bare_tumour(cue: str | None) -> bool:
    return (cue or "").lower().rstrip("s") in ("tumor", "tumour")


def later_same_type(by_group: dict[str, list[Mention]], case, config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Another organ's lesion found later in the course whose pathology is the case's own type
    ("Eight months later, surveillance CT detected a hepatic mass; biopsy of the liver lesion
    confirmed squamous cell carcinoma" in a case of cervical squamous cell carcinoma): a site the
    sentence reads as a primary, in a sentence that places it after the diagnosis (``[report] later``)
    and names the case's type, is the cancer's spread. A second or new primary (``[report]
    second_primary``) is not."""
    if case.primary_site is None or case.histology is None:
        return []
    spec = read_patterns(config.roles)["report"]
    if not spec.get("later"):
        return []
    later, second = compile_pattern(spec["later"]), compile_pattern(spec.get("second_primary", "(?!)"))
    # only distant organs: "uterine" in an endometrial case, "rectal" in a colonic one is the same cancer
    distant = set(read_patterns(config.roles).get("distant_involvement", {}).get("sites", ()))
    typed = {m.sentence_start for m in by_group.get("histology", [])
             if m.value.histology == case.histology and not m.negated and not m.value.hedged}
    return [m for m in stated_primaries(by_group.get("sites", []))
            if m.value.site in distant and m.value.site != case.primary_site and not m.negated
            and m.sentence_start in typed and later.search(m.sentence) and not second.search(m.sentence)]


def unknown_primary_spread(primary: Mention, mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says its primary is unknown (``[report] unknown_primary``: "brain and
    adrenal metastasis from unknown primary tumor") and names the organ read as the primary as a
    metastasis ("the adrenal tumor was diagnosed as an adenocarcinoma" is that metastasis)."""
    if not primary_said_unknown(mentions, config):
        return False
    return any(m.group == "sites" and m.value.site == primary.value.site and m.value.role == "metastasis"
               and not m.negated and m.section not in EXCLUDED_SECTIONS for m in mentions)


def primary_said_unknown(mentions: Iterable[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when a sentence of the report (outside references and back matter) says its primary is
    unknown or was not found (``[report] unknown_primary`` of the roles file): a reference list's or a
    sidebar's "metastases from an occult primary" is another article's."""
    unknown = compile_pattern(read_patterns(config.roles)["report"]["unknown_primary"])
    sentences = {m.sentence for m in mentions if m.section not in EXCLUDED_SECTIONS}
    return any(unknown.search(sentence) for sentence in sentences)
