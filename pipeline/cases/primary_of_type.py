"""The organ a case's type or lesion names, for a case whose text names no primary site: the organ of
the type itself ("NSCLC" -> lung), of its final diagnosis, of the lesion it presents ("a solitary
pulmonary nodule"), or the organ written right before or after the type's name; and whether a type
is written as a spread ("metastatic melanoma")."""
from __future__ import annotations

import re
from itertools import chain

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import fallback_organs, type_only_weighed, type_organ
from pipeline.cases.primary import primary_said_unknown
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns


# "metastatic" (or "metastatic poorly differentiated") just before a type: the type of a spread.
METASTATIC_BEFORE = re.compile(r"(?<![\w-])metasta\w*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def written_metastatic(histology: Mention) -> bool:
    """True when the type is written as a spread: "metastatic" (up to two words) right before its name."""
    return METASTATIC_BEFORE.search(histology.sentence[:histology.start - histology.sentence_start]) is not None


def organ_of_type(histology: Mention, by_group: dict[str, list[Mention]],
                   config: AssemblyConfig = DEFAULT, fallback: bool = False) -> str | None:
    """The organ a case's type names by itself ("NSCLC" -> lung, "hepatoblastoma" -> liver;
    ``histology/organs.tsv``), for a case whose text names no primary site. A type named only in
    a sentence of past history, with no stage, metastasis or recurrence now, makes no cancer case
    (as in :func:`primary_no_cancer.past_cancer_only`)."""
    # (the organ a form of the type names, "extraosseous Ewing sarcoma", before the one the type mostly arises in;
    # the form may be written in another sentence of the case than the one its type was read from: a title's
    # "Choriocarcinoma with brain metastasis" and the diagnosis's "postpartum choriocarcinoma")
    organ = type_organ(histology, config) or organ_of_a_form(histology, by_group.get("histology", []), config) or (
        fallback_organs(config.organs).get(histology.value.histology) if fallback else None)
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


def organ_of_a_form(histology: Mention, types: list[Mention], config: AssemblyConfig) -> str | None:
    """The organ another affirmed mention of the case's type among ``types`` names by its form ("postpartum
    choriocarcinoma" -> uterus, kind 'written' of ``histology/organs.tsv``), or None."""
    same = (m for m in types if m is not histology
            and m.value.histology == histology.value.histology and not m.negated and not m.value.hedged
            and m.section not in EXCLUDED_SECTIONS)
    return next((organ for m in same if (organ := type_organ(m, config))), None)


def called_metastatic(histology: Mention, by_group: dict[str, list[Mention]]) -> bool:
    """True when the case writes its type as a spread ("metastatic melanoma", "metastatic poorly
    differentiated melanoma"), as :func:`lesion_site` reads it: its primary is elsewhere or unknown."""
    same = [m for m in by_group.get("histology", [])
            if m.value.histology == histology.value.histology and not m.value.hedged and not m.negated]
    return any(written_metastatic(m) for m in same)


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


# what may stand between an organ's word and the type it names: a space or a hyphen, "primary"
ORGAN_TYPE_GAP = re.compile(r"^[\s-]*(?:primary[\s-]+)?$", re.IGNORECASE)
# after an organ's adjective ("cutaneous", "gastric", "ovarian"), which can only describe the noun phrase it
# opens, also up to two describing words the lexicon has no type for ("primary cutaneous monomorphous
# lymphoma", "ovarian mature cystic teratoma"); not a word that ends the phrase or makes the type another
# organ's spread ("gastric and metastatic ...")
ORGAN_ADJECTIVE = re.compile(r"(?:ous|al|ic|ary|ine|ar|eal|ial)$", re.IGNORECASE)
ORGAN_ADJECTIVE_TYPE_GAP = re.compile(
    r"^[\s-]*(?:primary[\s-]+)?(?:(?!(?:and|or|with|without|in|of|to|the|a|an|as|by|on|at|for|from|after|but|not|no|"
    r"was|were|is|are|who|which|that|metastatic|secondary|recurrent|like|mimicking|versus|vs)\b)[a-z]+[\s-]+){0,2}$",
    re.IGNORECASE)
ORGAN_ADJECTIVE_TYPE_REACH = 32  # characters from the organ's adjective to the type's name


def organ_written_before(types: list[Mention], sites: list[Mention]) -> Mention | None:
    """The organ word written right before one of the case's type names ("primary uterine non-Hodgkin's
    lymphoma", "breast non-Hodgkin lymphoma"), for a case whose text gives no primary otherwise: the
    organ the name is of, whatever words the name is made of. Not a type that is a possibility, a
    mimic or denied, nor a lymph node (the spread of many types)."""
    own = [m for m in types if not m.value.hedged and not m.negated and not m.hypothetical]
    for site in sorted(sites, key=lambda m: m.start):
        if site.negated or site.hypothetical or site.value.site == "lymph node" or site.value.role == "metastasis":
            continue
        adjective = bool(ORGAN_ADJECTIVE.search(site.text))
        gap, reach = (ORGAN_ADJECTIVE_TYPE_GAP, ORGAN_ADJECTIVE_TYPE_REACH) if adjective else (ORGAN_TYPE_GAP, 12)
        for histology in own:
            if histology.sentence_start == site.sentence_start and 0 <= histology.start - site.end <= reach \
                    and gap.match(histology.sentence[site.end - site.sentence_start:histology.start - histology.sentence_start]):
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
