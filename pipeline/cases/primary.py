"""The primary site of a case's cancer (the primary_site cell): the organ named the primary,
not an organ called a metastasis of another, not a past or benign tumour, the organ a
type or a lesion names when no organ is named."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, stated_primaries
from pipeline.cases.organs import OTHER_SITE, fallback_organs, type_only_weighed, type_organ
from pipeline.cases.spread import metastasis_word, node_finding, spread_affirmed
from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns


SPREAD_OF_REACH = 40  # "liver metastasis of the previously resected colon cancer": a few words


# "metastatic" (or "metastatic poorly differentiated") just before a type: the type of a spread.
METASTATIC_BEFORE = re.compile(r"(?<![\w-])metasta\w*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def written_metastatic(histology: Mention) -> bool:
    """True when the type is written as a spread: "metastatic" (up to two words) right before its name."""
    return METASTATIC_BEFORE.search(histology.sentence[:histology.start - histology.sentence_start]) is not None


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


def past_cancer_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True when every primary and every type the case names stands in a sentence of past history
    ("a mastectomy for breast cancer eight years before her admission", "a history of invasive
    ductal carcinoma") and nothing else speaks of a cancer now (no type, stage, metastasis or
    recurrence): a non-cancer case with a remote cancer in its history (ANNOTATION.md:
    primary_site null when the case is not a cancer case)."""
    sites = by_group.get("sites", [])
    primaries = stated_primaries(sites)
    types = [m for m in by_group.get("histology", []) if not m.value.hedged]
    if not primaries and not types:
        return False
    # "a clear-cell tumour consistent with a metastasis of the renal cell carcinoma 17 years ago": the
    # remote cancer's spread found now is the case's cancer (``[report] spread_of``)
    spread_of = compile_pattern(read_patterns(config.roles)["report"].get("spread_of", "(?!)"))
    if any(spread_of.search(m.sentence, 0, m.start - m.sentence_start) for m in primaries + types):
        return False
    # "initially diagnosed 4 years prior as FIGO stage IIB": the start of a cancer that goes on, not
    # a remote one (``[report] ongoing``)
    ongoing = compile_pattern(read_patterns(config.roles)["report"].get("ongoing", "(?!)"))
    if any(ongoing.search(m.sentence) for m in primaries + types):
        return False
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    # a stage said in the same sentence of past history ("At age 40, she had been diagnosed with a
    # stage IIA, T1bN1 breast cancer") is that remote cancer's too
    if any(not history.search(m.sentence) for m in by_group.get("stage", [])):
        return False
    # a type counts as remote only when its sentence puts it years back (``[report] remote``)
    remote = compile_pattern(read_patterns(config.roles)["report"].get("remote", "(?!)"))
    if any(not (history.search(m.sentence) and remote.search(m.sentence)) for m in types):
        return False
    # nodes read as diseased only because the report names a cancer ("enlarged hilar lymph nodes")
    # say nothing of a cancer now, nor does the N category of the remote cancer's own stage
    if any(m.value.role in ("metastasis", "recurrence") and not node_finding(m.value.cue)
           and not (tnm_cue(m.value.cue) and history.search(m.sentence)) for m in sites):
        return False
    return all(history.search(m.sentence) for m in primaries)


def late_effect_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True for a report of a late effect of a cancer's treatment ("lymphedema 11 years following
    breast cancer surgery", "aortic stenosis 35 years after radiotherapy for Hodgkin lymphoma",
    ``late_effect`` of histology.toml) whose case says nothing of a cancer now: no sentence outside the
    late effect and the history diagnoses one (``diagnosed_now``: "an endometrial cancer was diagnosed",
    "biopsy revealed ...") and no stage, metastasis or recurrence is affirmed outside them."""
    spec = read_patterns(config.histology)
    if not spec.get("late_effect") or not spec.get("diagnosed_now"):
        return False
    late, now = compile_pattern(spec["late_effect"]), compile_pattern(spec["diagnosed_now"])
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    cancers = [m for m in stated_primaries(by_group.get("sites", [])) if not m.negated] + [
        m for m in by_group.get("histology", []) if not m.value.hedged and not m.negated]
    if not any(late.search(m.sentence) for m in cancers):
        return False

    def past(mention: Mention) -> bool:
        return late.search(mention.sentence) is not None or history.search(mention.sentence) is not None

    if any(now.search(m.sentence) and not past(m) for m in cancers):
        return False
    # "metastatic clear cell renal cell carcinoma to pancreas 24 years after radical nephrectomy", "a
    # retroperitoneal seminoma relapse 23 years after surgery": a spread or relapse said now is the cancer's
    if any(spread_affirmed(m.sentence) and not history.search(m.sentence) for m in cancers):
        return False
    if any(not past(m) for m in by_group.get("stage", [])):
        return False
    # a metastasis or recurrence found now is the cancer's, even "19 years following primary treatment"
    return not any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
                   and not m.hypothetical and not history.search(m.sentence) for m in by_group.get("sites", []))


def benign_tumour_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True when every primary is read from a bare "tumour" ("a tumour of the parotid gland"), the
    case names no type, stage or metastasis, and a sentence of the case names a benign lesion
    (``[report] benign`` of roles.toml: "revealed a Warthin tumour", "a gastric leiomyoma")."""
    sites = by_group.get("sites", [])
    primaries = stated_primaries(sites)
    if not primaries or not all(bare_tumour(m.value.cue) for m in primaries):
        return False
    if by_group.get("stage") or any(not m.value.hedged for m in by_group.get("histology", [])):
        return False
    if any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
           for m in sites):
        return False
    pattern = read_patterns(config.roles)["report"].get("benign")
    if not pattern:
        return False
    benign = compile_pattern(pattern)
    sentences = {m.sentence for group in by_group.values() for m in group if not m.negated}
    return any(benign.search(sentence) for sentence in sentences)


def unknown_primary_spread(primary: Mention, mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says its primary is unknown (``[report] unknown_primary``: "brain and
    adrenal metastasis from unknown primary tumor") and names the organ read as the primary as a
    metastasis ("the adrenal tumor was diagnosed as an adenocarcinoma" is that metastasis)."""
    if not primary_said_unknown(mentions, config):
        return False
    return any(m.group == "sites" and m.value.site == primary.value.site and m.value.role == "metastasis"
               and not m.negated and m.section not in EXCLUDED_SECTIONS for m in mentions)


def tnm_cue(cue: str | None) -> bool:
    """True for the cue of a node read from a TNM category ("T1bN1", "pN2")."""
    return bool(cue) and re.search(r"N[1-3]", cue) is not None and any(c.isdigit() for c in cue)


def organ_of_type(histology: Mention, by_group: dict[str, list[Mention]],
                   config: AssemblyConfig = DEFAULT, fallback: bool = False) -> str | None:
    """The organ a case's type names by itself ("NSCLC" -> lung, "hepatoblastoma" -> liver;
    ``histology/organs.tsv``), for a case whose text names no primary site. A type named only in
    a sentence of past history, with no stage, metastasis or recurrence now, makes no cancer case
    (as in :func:`past_cancer_only`)."""
    organ = type_organ(histology, config) if not fallback else fallback_organs(config.organs).get(
        histology.value.histology)
    if organ is None:
        return None
    # "liver masses; biopsy showed metastatic melanoma; no primary lesion was found": a type the case
    # names only as a spread of a primary it says is unknown gives no organ. Without that word the
    # usual organ stands: annotators write skin for a metastatic melanoma whose primary is not told.
    if fallback and called_metastatic(histology, by_group) and primary_said_unknown(chain.from_iterable(by_group.values()), config):
        return None
    # a type only weighed ("Hepatocellular carcinoma and metastasis were considered, but MRI
    # showed focal nodular hyperplasia") names no organ of the patient's
    if type_only_weighed(histology, by_group, config):
        return None
    sites = by_group.get("sites", [])
    if by_group.get("stage") or any(m.value.role in ("metastasis", "recurrence") for m in sites):
        return organ
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    return None if history.search(histology.sentence) else organ


def called_metastatic(histology: Mention, by_group: dict[str, list[Mention]]) -> bool:
    """True when the case writes its type as a spread ("metastatic melanoma", "metastatic poorly
    differentiated melanoma"), as :func:`lesion_site` reads it: its primary is elsewhere or unknown."""
    same = [m for m in by_group.get("histology", [])
            if m.value.histology == histology.value.histology and not m.value.hedged and not m.negated]
    return any(written_metastatic(m) for m in same)


def primary_said_unknown(mentions: Iterable[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when a sentence of the report (outside references and back matter) says its primary is
    unknown or was not found (``[report] unknown_primary`` of the roles file): a reference list's or a
    sidebar's "metastases from an occult primary" is another article's."""
    unknown = compile_pattern(read_patterns(config.roles)["report"]["unknown_primary"])
    sentences = {m.sentence for m in mentions if m.section not in EXCLUDED_SECTIONS}
    return any(unknown.search(sentence) for sentence in sentences)


def lesion_site(histology: Mention, by_group: dict[str, list[Mention]], mentions: list[Mention],
                 config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The site of the first mass, nodule or lesion a case presents ("a solitary pulmonary nodule",
    "a lytic lesion of the left maxilla"), for a case whose text names its cancer's type but no
    primary site (``[report] lesion_*`` of roles.toml): in a case report that lesion is the tumour
    whose type it gives. None for a hedged type or one of the past history alone, a report that
    says the primary is unknown or calls its type metastatic ("metastatic melanoma"), lymph nodes,
    and an organ called spread unless a single lesion there is named before its spread ("a left upper
    lobe lung mass with multiple intrapulmonary metastases")."""
    spec = read_patterns(config.roles)["report"]
    if not spec.get("lesion_after") or histology.value.hedged:
        return None
    # a type only weighed ("Lymphoma was considered.") places no tumour in a lesion
    if type_only_weighed(histology, by_group, config):
        return None
    sites = by_group.get("sites", [])
    first_spread = {}  # each organ called spread, with where it is first called so
    for m in sites:
        if m.value.role in ("metastasis", "recurrence"):
            first_spread[m.value.site] = min(first_spread.get(m.value.site, m.start), m.start)
    if not by_group.get("stage") and not first_spread:
        history = compile_pattern(spec["history"])
        if history.search(histology.sentence):
            return None
    if primary_said_unknown(mentions, config):
        return None
    # "metastatic melanoma" with no primary named: the lesion presented is the metastasis, unless
    # a sentence before the first "metastatic <type>" gives the lesion its type itself ("a lesion of
    # the cervix, and biopsy revealed squamous cell carcinoma" ... "the node confirmed metastatic
    # squamous cell carcinoma")
    types = by_group.get("histology", [])
    metastatic = [m.start for m in types if written_metastatic(m)]
    first_metastatic = min(metastatic, default=None)
    typed_before = {m.sentence_start for m in types if first_metastatic is not None and m.start < first_metastatic}
    if first_metastatic is not None and not typed_before:
        return None
    after, before = compile_pattern(spec["lesion_after"]), compile_pattern(spec["lesion_before"])
    for mention in sorted(sites, key=lambda m: m.start):
        if (mention.value.role != "mention" or mention.negated or mention.hypothetical
                or mention.value.site == "lymph node"):
            continue
        if first_metastatic is not None and mention.sentence_start not in typed_before:
            continue
        offset_start, offset_end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
        # "a pulmonary nodule" is one lexicon phrase: its last word may be the lesion
        found = (after.match(mention.sentence[offset_end:]) or after.match(mention.text.rsplit(None, 1)[-1])
                 or before.search(mention.sentence[:offset_start]))
        if not found:
            continue
        if mention.value.site in first_spread:
            word = found.group("lesion").lower()
            if mention.start > first_spread[mention.value.site] or word == "masses" or (
                    word.endswith("s") and not word.endswith("ss")):
                continue  # "multiple liver masses": spread; a single mass named first is the primary
        return mention
    return None


def final_type_organ(histology: list[Mention], config: AssemblyConfig = DEFAULT) -> tuple[str, Mention] | None:
    """The organ named by the types of the case's final diagnosis (``final`` of histology.toml: "the
    final diagnosis was SCLC with liver metastases") when they name one (``histology/organs.tsv``),
    with the mention that names it."""
    named = [(organ, m) for m in histology if getattr(m.value, "final", False) and not m.value.hedged
             and not m.negated and (organ := type_organ(m, config))]
    return named[0] if named and len({organ for organ, _ in named}) == 1 else None


def mimic_primary_only(by_group: dict[str, list[Mention]], mentions: list[Mention],
                        config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says a disease mimicked a cancer (``mimic_report`` of histology.toml:
    "autoimmune pancreatitis mimicking pancreatic cancer", "often misdiagnosed as pancreatic cancer") and
    the case affirms no metastasis or recurrence of one."""
    pattern = read_patterns(config.histology).get("mimic_report")
    if not pattern:
        return False
    if any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
           and not m.hypothetical for m in by_group.get("sites", [])):
        return False
    mimic = compile_pattern(pattern)
    return any(mimic.search(sentence) for sentence in {m.sentence for m in mentions})


def is_mimic_report(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when a sentence of the report says a disease mimicked or was misdiagnosed as a cancer or a
    metastasis (``[report] mimicked``): in a case that names no cancer, its metastases are the mimic's."""
    pattern = read_patterns(config.roles)["report"].get("mimicked")
    if not pattern:
        return False
    mimicked = compile_pattern(pattern)
    return any(mimicked.search(sentence) for sentence in {m.sentence for m in mentions})


REGIONS = "cases/regions.toml"
# primary sites a region's words may have given ("hand" -> bone, "thigh" -> other) or none read: the
# ones a type written of a body region replaces by its tissue; an organ read is kept
REGION_READINGS = (None, "other", "bone", "soft tissue", "muscle")


def type_tissue(histology: str | None) -> str | None:
    """The tissue a type arises in when written of a body region (``[[tissue]]`` of cases/regions.toml:
    a skin carcinoma or melanoma -> skin, a soft tissue sarcoma -> soft tissue, a bone sarcoma -> bone);
    None for a type of no such family or one of an organ (carcinosarcoma, lymphoma)."""
    if not histology:
        return None
    for family in read_patterns(REGIONS)["tissue"]:
        if compile_pattern(family["types"]).fullmatch(histology):
            return family["site"] or None
    return None


@lru_cache(maxsize=None)
def _with_region(name: str) -> re.Pattern:
    """The pattern ``name`` of cases/regions.toml with its ``{region}`` put in, filled and compiled once."""
    spec = read_patterns(REGIONS)
    return compile_pattern(fill_template(spec[name], {"region": spec["region"]}))


def organ_outside_the_list(primary: Mention | None) -> bool:
    """True when the primary read is 'other' for an organ outside the site list whose tissue a type
    arises in (``organ`` of cases/regions.toml: "a melanoma of the nasal cavity", "an adenoid cystic
    carcinoma of the trachea"), not for a body region or a bony one ("a liposarcoma of the thigh", "a
    pelvic chondrosarcoma"): the organ stays the primary, and no tissue a type mostly arises in
    replaces it."""
    return (primary is not None and primary.value.site == OTHER_SITE
            and _organ_outside().search(primary.text) is not None)


@lru_cache(maxsize=None)
def _organ_outside() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + read_patterns(REGIONS)["organ"] + r"(?![\w-])", re.IGNORECASE)


def region_of_type(mention: Mention) -> bool:
    """True when a type is written with a body region ("squamous cell carcinoma (SCC) of the dorsum of
    the right hand", "liposarcoma in the left thigh", "left thigh recurrent liposarcoma")."""
    spec = read_patterns(REGIONS)
    after, before = _with_region("after"), _with_region("before")
    offset_start, offset_end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    right = mention.sentence[offset_end:offset_end + int(spec.get("reach", 120))]
    return bool(after.match(right) or before.search(mention.sentence[:offset_start]))


def lesion_in_region(mentions: list[Mention]) -> bool:
    """True when a sentence of the case places its lesion in a body region ("an ulcerated nodule on the
    dorsum of his right hand", "a painless swelling in the left thigh"; ``lesion`` of cases/regions.toml)
    and does not call it a metastasis or a recurrence."""
    lesion, spread = _with_region("lesion"), compile_pattern(read_patterns(REGIONS)["spread"])
    sentences = {m.sentence for m in mentions if not m.negated and not m.hypothetical}
    return any(lesion.search(s) and not spread.search(s) for s in sentences)


def region_tissue(histology: Mention, types: list[Mention], primary_site: str | None,
                  mentions: list[Mention] = ()) -> str | None:
    """The tissue of a case whose type is written of a body region, not an organ (ICD-O-3's ill-defined
    sites of the limbs, trunk wall and face): "a squamous cell carcinoma of the hand" is of the skin though
    "hand" reads as bone, "a liposarcoma of the thigh" of the soft tissue though "thigh" is no organ of the
    list; the same when a sentence of the case places its lesion in a region and another names the type
    ("an ulcerated nodule on the dorsum of his hand ... biopsy showed squamous cell carcinoma"). Only when
    the primary read is none, 'other' or a tissue a region's words give; a type that is a possibility, a
    mimic or denied says nothing of where the tumour is, nor a region of a "metastatic" type."""
    tissue = type_tissue(histology.value.histology)
    if tissue is None or primary_site == tissue or primary_site not in REGION_READINGS:
        return None
    own = [m for m in types if type_tissue(m.value.histology) == tissue and not m.value.hedged and not m.negated]
    # "metastatic melanoma": the lesion of a region is the spread of a primary elsewhere
    if not own or any(written_metastatic(m) for m in own):
        return None
    return tissue if any(region_of_type(m) for m in own) or lesion_in_region(mentions) else None


# what may stand between an organ's word and the type it names: a space or a hyphen, "primary"
ORGAN_TYPE_GAP = re.compile(r"^[\s-]*(?:primary[\s-]+)?$", re.IGNORECASE)


def organ_written_before(types: list[Mention], sites: list[Mention]) -> Mention | None:
    """The organ word written right before one of the case's type names ("primary uterine non-Hodgkin's
    lymphoma", "breast non-Hodgkin lymphoma"), for a case whose text gives no primary otherwise: the
    organ the name is of, whatever words the name is made of. Not a type that is a possibility, a
    mimic or denied, nor a lymph node (the spread of many types)."""
    own = [m for m in types if not m.value.hedged and not m.negated and not m.hypothetical]
    for site in sorted(sites, key=lambda m: m.start):
        if site.negated or site.hypothetical or site.value.site == "lymph node" or site.value.role == "metastasis":
            continue
        for histology in own:
            if histology.sentence_start == site.sentence_start and 0 <= histology.start - site.end <= 12 \
                    and ORGAN_TYPE_GAP.match(histology.sentence[site.end - site.sentence_start:histology.start - histology.sentence_start]):
                return site
    return None


# what may stand between a type's name and the organ written after it: "of", "arising in/from" or "originating
# in/from", an article or possessive, and up to two words of side or part ("of the distal femur"); not a bare
# "in", which places a finding more often than it names an origin ("adenocarcinoma in the liver")
ORGAN_AFTER_TYPE_GAP = re.compile(
    r"^\s*,?\s*(?:of|arising\s+(?:in|from)|originating\s+(?:in|from))\s+(?:(?:the|his|her|a)\s+)?"
    r"(?:(?:left|right|bilateral|distal|proximal|upper|lower|middle|anterior|posterior|medial|lateral|inferior|"
    r"superior)\s+){0,2}$", re.IGNORECASE)
ORGAN_AFTER_TYPE_REACH = 40  # characters from the end of the type's name to its organ


def organ_written_after(types: list[Mention], sites: list[Mention]) -> Mention | None:
    """The organ written right after one of the case's type names ("an epithelioid hemangioendothelioma of
    the liver", "a giant cell tumour of the distal femur", "a solitary fibrous tumour arising in the
    pleura"), for a case whose text gives no primary otherwise: the site rules read "<type> of <organ>" as a
    primary only for the cancer words they list, this reads it for every type of the lexicon. Not a type
    that is a possibility, a mimic, denied or called metastatic ("metastatic melanoma of the jejunum"), nor
    an organ read as a spread, nor a lymph node."""
    own = [m for m in types if not m.value.hedged and not m.negated and not m.hypothetical
           and not written_metastatic(m)]
    for histology in sorted(own, key=lambda m: m.start):
        for site in sorted(sites, key=lambda m: m.start):
            if site.negated or site.hypothetical or site.value.site == "lymph node" \
                    or site.value.role in ("metastasis", "recurrence"):
                continue
            if site.sentence_start == histology.sentence_start \
                    and 0 <= site.start - histology.end <= ORGAN_AFTER_TYPE_REACH \
                    and ORGAN_AFTER_TYPE_GAP.match(site.sentence[histology.end - site.sentence_start:
                                                                 site.start - site.sentence_start]):
                return site
    return None
