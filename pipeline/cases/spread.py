"""Which of a case's site mentions are its metastases or recurrences (the metastasis_sites
cell): spread affirmed and not ruled out by benign pathology, local and contralateral sites,
nodes that are only enlarged, sites of other body systems."""
from __future__ import annotations

import re

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import MARROW, OTHER_SITE, organ_stem, site_family
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.nlp.sites.model import LOCAL as LOCAL_SITE
from pipeline.resources import compile_pattern, read_patterns


# A cancer's spread or relapse affirmed in a sentence ("metastases", "relapsed", "recurrence of"), not denied
# ("no signs of recurrent disease", "without relapse", "free of metastasis": ``SPREAD_DENIED`` just before).
SPREAD_WORD = re.compile(r"(?i)(?<![\w-])(?:relaps\w*|recurr\w*|metasta\w*)(?![\w-])")


SPREAD_DENIED = re.compile(r"(?i)(?<![\w-])(?:no|not|without|free\s+of|absence\s+of|neither|nor)(?![\w-])[^.;,]{0,30}$")


def spread_affirmed(sentence: str) -> bool:
    """True when the sentence says a spread or relapse that it does not deny."""
    return any(not SPREAD_DENIED.search(sentence, 0, m.start()) for m in SPREAD_WORD.finditer(sentence))


# Cue words that name a metastasis in a report about a cancer but something else in one about no
# cancer ("recurrent dislocation", "spread of the infection", "amyloid deposits", "implants").
# Cue words of lymph nodes read as diseased from a finding, not named as metastases.
NODE_FINDING_WORDS = ("enlarg", "swollen", "swelling", "bulky", "palpable", "hypermetabolic", "avid", "matted",
                      "lymphadenopath", "adenopath", "lymphadenectas")


WEAK_SPREAD_WORDS = ("recurr", "relaps", "spread", "disseminat", "seed", "implant", "deposit", "involv", "infiltr",
                     "progress", "positive", "nodul", "invad", "lesion", "tumo", "mass") + NODE_FINDING_WORDS


def node_finding(cue: str | None) -> bool:
    low = (cue or "").lower()
    return any(word in low for word in NODE_FINDING_WORDS)


def metastasis_word(cue: str | None) -> bool:
    """True when a site's cue says metastasis outright ("metastases to", "pN1", "Sister Mary
    Joseph nodule"), not only "spread", "recurrence" or "deposits"."""
    low = (cue or "").lower()
    return "metasta" in low or "carcinomatosis" in low or "mets" in low or "secondar" in low or any(
        c.isdigit() for c in low) or (bool(low) and not any(w in low for w in WEAK_SPREAD_WORDS))


def spread_sites(kept: list[Mention], mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The case's metastasis and recurrence mentions, without a site only suspected ("a liver
    lesion suspicious for metastasis") that a later sentence rules out ("no metastasis in the
    liver"); a suspicion never ruled out stays (reviewers record a site treated as a relapse).
    A metastasis the sentence only suspects ("a PET scan for suspected osseous metastases") is also
    ruled out by a later pathology sentence of that site that finds a benign disease ("core biopsies
    from the sacrum showed non-caseating granulomata": ``[report] suspected_spread`` and ``benign``)."""
    spread = [m for m in kept if m.value.role in ("metastasis", "recurrence")]
    affirmed = {m.value.site for m in spread if not m.hypothetical}
    ruled_out = {}
    for m in mentions:
        if m.group == "sites" and m.negated and m.value.role in ("metastasis", "recurrence"):
            ruled_out[m.value.site] = max(ruled_out.get(m.value.site, -1), m.sentence_start)
    benign_after = benign_pathology(mentions, config)
    mimicked = mimicked_families(mentions, config)
    return [
        m for m in spread
        if site_family(m.value.site) not in mimicked
        and (m.value.site in affirmed or not m.hypothetical or ruled_out.get(m.value.site, -1) <= m.sentence_start)
        and not suspicion_ruled_out(m, benign_after, config)
    ]


def mimicked_families(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> set[str]:
    """The site families the title or abstract names as a metastasis another disease mimicked or a false
    positive ("False-positive bone metastases on PET/CT secondary to sarcoidosis", "tuberculosis mimicking lung
    metastasis": ``[report] mimic_before`` / ``mimic_after``): the report is about that organ's mimic."""
    spec = read_patterns(config.roles)["report"]
    if not spec.get("mimic_before") or not spec.get("mimic_after"):
        return set()
    before, after = compile_pattern(spec["mimic_before"], 0), compile_pattern(spec["mimic_after"], 0)
    sections = set(spec["sections"])
    found = set()
    for m in mentions:
        if m.group != "sites" or m.section not in sections:
            continue
        offset = m.start - m.sentence_start
        left, right = m.sentence[:max(0, offset)], m.sentence[offset + len(m.value.written or ""):]
        if before.search(left) and after.match(right):
            found.add(site_family(m.value.site))
    return found


def benign_pathology(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> dict[str, int]:
    """The last sentence start, by site family, of a pathology sentence naming that site and a benign
    disease ("biopsy of the femur lesion was diagnostic of sarcoidosis with no evidence of cancer")."""
    spec = read_patterns(config.roles)["report"]
    if not spec.get("benign") or not spec.get("pathology"):
        return {}
    benign, pathology = compile_pattern(spec["benign"], 0), compile_pattern(spec["pathology"], 0)
    found: dict[str, int] = {}
    for m in mentions:
        if m.group == "sites" and pathology.search(m.sentence) and benign.search(m.sentence):
            family = site_family(m.value.site)
            found[family] = max(found.get(family, -1), m.sentence_start)
    return found


def suspicion_ruled_out(mention: Mention, benign_after: dict[str, int], config: AssemblyConfig = DEFAULT) -> bool:
    if benign_after.get(site_family(mention.value.site), -1) <= mention.sentence_start:
        return False
    pattern = read_patterns(config.roles)["report"].get("suspected_spread")
    if not pattern:
        return False
    before = mention.sentence[:max(0, mention.start - mention.sentence_start)]
    return compile_pattern(pattern, 0).search(before) is not None


def without_benign_nodes(spread: list[Mention], mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Nodal disease read from a finding ("enlarged para-aortic nodes", "inguinal
    lymphadenopathy") is dropped when the report says of nodes that they are reactive, benign,
    negative for malignancy or N0 (``[nodes] benign`` of roles.toml); nodes named as metastases
    stay."""
    read = [m for m in spread if m.value.site == "lymph node" and node_finding(m.value.cue)]
    pattern = read_patterns(config.roles).get("nodes", {}).get("benign")
    if not read or not pattern:
        return spread
    benign = compile_pattern(pattern, 0)
    said = {m.sentence for m in mentions if m.group == "sites" and m.value.site == "lymph node"}
    said |= {m.text for m in mentions if m.group == "stage"}
    if any(benign.search(text) for text in said):
        return [m for m in spread if m not in read]
    return spread


# The site-list name of lymph nodes.
NODE = "lymph node"


def _haematolymphoid_kind(histology: str | None, key: str, config: AssemblyConfig) -> bool:
    """True when the normalised type matches ``key`` of ``[haematolymphoid]`` in roles.toml."""
    pattern = read_patterns(config.roles).get("haematolymphoid", {}).get(key)
    return bool(histology and pattern and compile_pattern(pattern, 0).search(histology))


def haematolymphoid(histology: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a cancer of the blood-forming or lymphoid tissues: a lymphoma, leukaemia or myeloma
    (``types`` of ``[haematolymphoid]`` in roles.toml)."""
    return _haematolymphoid_kind(histology, "types", config)


def arises_in_marrow(histology: str | None, primary_site: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a case whose cancer arises in the bone marrow: its primary read as the marrow, or a type of
    ``marrow_types`` ([haematolymphoid] of roles.toml: leukaemias, myeloma, Waldenstrom's)."""
    return primary_site == MARROW or _haematolymphoid_kind(histology, "marrow_types", config)


def leukaemia(histology: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a leukaemia (``leukaemia_types`` of ``[haematolymphoid]`` in roles.toml)."""
    return _haematolymphoid_kind(histology, "leukaemia_types", config)


def haematolymphoid_spread(spread: list[Mention], sites: list[Mention], histology: str | None,
                           primary_site: str | None, config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The spread of a lymphoma, leukaemia or myeloma, written as the involvement of other organs, not as
    their metastasis: the organs it involves, infiltrates or invades beyond its own site ("T-cell lymphoma
    with bone marrow invasion", "lesions involving the femur") are its spread, and its lymph nodes are the
    disease itself (read from a finding or an involvement: "axillary lymphadenopathy"), unless they are
    named as metastases or the disease arises in the marrow (a myeloma's or Waldenstrom's nodes are its
    spread beyond the marrow), and is no leukaemia (whose lymphadenopathy is the leukaemia itself). A region
    outside the site list ("mediastinal involvement") is left out. Other cancers' spread is returned as it is."""
    if not haematolymphoid(histology, config):
        return spread
    nodes_spread = arises_in_marrow(histology, primary_site, config) and not leukaemia(histology, config)
    kept = [m for m in spread if m.value.site != NODE or nodes_spread or "metasta" in (m.value.cue or "").lower()]
    involved = [m for m in sites if m.value.role == "involvement" and not m.negated and not m.hypothetical
                and m.value.site not in (NODE, OTHER_SITE, primary_site) and m not in kept]
    return kept + involved


# A sentence that speaks of local recurrence as a risk, a rate or something to prevent, not as an event
# of the patient ("wide margins are needed to prevent local recurrence", "local recurrence-free survival").
LOCAL_GENERIC = re.compile(r"(?i)(?<![\w-])(?:prevent\w*|reduc\w*|lower\w*|minimi[sz]\w*|avoid\w*|risks?|rates?|"
                           r"incidence|probability|likelihood|chances?|predict\w*|(?:is|are)\s+(?:\w+\s+)?(?:common|rare|frequent|"
                           r"uncommon|higher|lower|reported)|recurrence-free|relapse-free|free\s+survival)(?![\w-])")


# The digestive tract named as a whole ("gastrointestinal metastases"): no site of its own beside a
# metastasis in one of its organs.
GI_ORGANS = frozenset({"stomach", "small intestine", "colon", "rectum"})


BROAD_GI = re.compile(r"(?i)^(?:gastro-?intestinal|gi|digestive|bowel|intestinal)(?:\s+tract)?$")


# Organ systems spread through the body: a metastasis elsewhere in the primary's system is a site of its own.
BODY_SYSTEMS = frozenset({"bone", "skin", "soft tissue", "muscle"})
# An organ whose own cancer spreads within it, a metastasis there named as such being a site reviewers
# record ("a new metastasis in the 6th liver segment" of a hepatocellular carcinoma: intrahepatic spread).
SPREAD_WITHIN = frozenset({"liver"})


# Paired organs: a metastasis to the other one is a site of its own (``is_contralateral``).
PAIRED_ORGANS = frozenset({"kidney", "lung", "breast", "ovary", "adrenal gland", "fallopian tube"})


CONTRALATERAL = re.compile(r"(?i)(?<![\w-])(?:contralateral|opposite|other|remaining)\s+(?:[\w-]+\s+)?$")


# Words that place a recurrence where the primary was.
LOCAL = re.compile(r"(?i)(?<![\w-])(?:local(?:ly)?|loco-?regional(?:ly)?|ipsilateral|in-breast)(?![\w-])")


def local_site(mention: Mention, primary_site: str | None, spread: list[Mention]) -> str | None:
    """The site of a local recurrence that names no organ: the case's primary site, unless its
    sentence names where it recurred ("a local recurrence in the vaginal cuff" is the vagina's)."""
    if primary_site is None or LOCAL_GENERIC.search(mention.sentence):
        return None
    if any(m.sentence_start == mention.sentence_start and m.value.site != LOCAL_SITE
           and m.value.role == "recurrence" for m in spread):
        return None
    return primary_site


def another_organ_outside_the_list(mention: Mention, site: str, primary_site: str | None,
                                    primary_written: str | None) -> bool:
    """True for a metastasis in an organ outside the site list of a primary outside it too ("a testicular
    metastasis" of a prostate cancer: both "other"): the words name two organs, not one (their first
    letters differ: "testicular" / "prostate", not "pelvis" / "pelvic")."""
    if site != OTHER_SITE or primary_site != OTHER_SITE or not primary_written:
        return False
    return organ_stem(mention.value.written) != organ_stem(primary_written)


# A recurrence placed in an organ by its own words ("tumour recurrence in the bladder", "the
# cancer recurred at the thyroid bed"): where it came back, even in the primary's organ.
RECURRED_IN = re.compile(r"(?i)(?:recurr\w*|relaps\w*)(?:\s+\w+){0,3}?\s+(?:in|at|within|involving)$")


def local_recurrence(mention: Mention) -> bool:
    """A recurrence in the primary's own organ said to be local ("a local relapse in the breast",
    "ipsilateral breast recurrence") or placed there by its cue ("recurrence in the bladder"); not
    "recurrence of endometrial cancer", which names the cancer, not a place."""
    low = (mention.value.cue or "").lower()
    if not ("recurr" in low or "relaps" in low):
        return False
    return LOCAL.search(mention.sentence) is not None or RECURRED_IN.search(low.strip()) is not None


def is_contralateral(mention: Mention) -> bool:
    """True for a metastasis in the other one of a paired organ ("metastases ... to the other kidney",
    "contralateral lung nodules" of a lung cancer: M1a), which is a site even though it is the primary's organ."""
    if mention.value.role != "metastasis" or mention.value.site not in PAIRED_ORGANS:
        return False
    return CONTRALATERAL.search(mention.sentence, 0, max(0, mention.start - mention.sentence_start)) is not None


def elsewhere_in_system(mention: Mention) -> bool:
    """True for a metastasis named as such in an organ system spread through the body whose primary
    arose in it ("bone metastases" of a femoral osteosarcoma, "skin metastases" of a cutaneous melanoma):
    another part of that system, a distant site; so is an intrahepatic metastasis (``SPREAD_WITHIN``)."""
    cue = (mention.value.cue or "").lower()
    return mention.value.role == "metastasis" and (
        (mention.value.site in BODY_SYSTEMS and "metasta" in cue) or (mention.value.site in SPREAD_WITHIN and "metastas" in cue))


def reported_spread(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Metastases named in the report's title, "we present a case of..." sentence or keywords
    line of a one-patient report when another sentence names the same site (the context
    component may take a title for a statement about others)."""
    if any(m.patient > 1 for m in mentions):
        return []
    spec = read_patterns(config.roles)["report"]
    report, keywords = compile_pattern(spec["sentence"], 0), compile_pattern(spec["keywords"], 0)
    sections = set(spec["sections"])
    found = []
    for m in mentions:
        if m.group != "sites" or m.value.role not in ("metastasis", "recurrence") or m.negated or m.hypothetical:
            continue
        if keywords.search(m.sentence) and m.section != "references":
            found.append(m)
        elif m.section in sections and report.search(m.sentence):
            found.append(m)
    return [
        m for m in found
        if any(o.group == "sites" and o.value.site == m.value.site and o.sentence_start != m.sentence_start
               and not o.negated and o.section not in EXCLUDED_SECTIONS for o in mentions)
    ]


# "cervical" alone: the neck's adjective as often as the cervix's ("a cervical recurrence" of a tongue
# cancer is in the neck).
BARE_CERVICAL = re.compile(r"(?i)^cervical$")
NECK = re.compile(r"(?i)(?<![\w-])neck(?![\w-])")


def neck_sense(mention: Mention, case, sites: list[Mention]) -> bool:
    """True for a spread read as the cervix from the bare adjective "cervical" where the case is a man's
    or, not being a cancer of the cervix, names the neck in another site mention ("a recurrence was
    observed in the left neck ... after the cervical recurrence"): the neck's, not the cervix's."""
    if mention.value.site != "cervix" or not BARE_CERVICAL.match(mention.text.strip()):
        return False
    if case.sex == "male":
        return True
    return case.primary_site != "cervix" and any(NECK.search(m.text) for m in sites if m is not mention)
