"""Which of a case's site mentions are its metastases or recurrences (the metastasis_sites
cell): spread affirmed and not ruled out by benign pathology, local and contralateral sites,
nodes that are only enlarged, sites of other body systems.

This module holds the choice of the spread mentions: those a later sentence or a benign pathology does
not rule out, not in an organ the report names as a metastasis another disease mimicked, without the
nodes read from a finding that the report calls benign, and the metastases its title or keywords name;
``spread_words`` holds the words that affirm a spread or name a metastasis, ``spread_places`` where a
spread lies beside the primary (local, contralateral, another part of a body system, the neck's
"cervical"), ``spread_haematolymphoid`` the spread of a lymphoma, leukaemia or myeloma."""
from __future__ import annotations

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import site_family
from pipeline.cases.preamble import title_mentions
from pipeline.cases.spread_words import node_finding
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns


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
    # a sentence of advice names no suspicion of the patient's ("Radiography should be considered to assess for lymph
    # node involvement", "NPC should be suspected when a patient presents with cervical lymphadenopathy": the
    # outcome component's "[relapse] advice")
    advice = read_patterns(config.outcome).get("relapse", {}).get("advice")
    advice = compile_pattern(advice) if advice else None
    return [
        m for m in spread
        if site_family(m.value.site) not in mimicked
        and (m.value.site in affirmed or not m.hypothetical or ruled_out.get(m.value.site, -1) <= m.sentence_start)
        and not (m.hypothetical and m.value.site not in affirmed and advice is not None and advice.search(m.sentence))
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


def reported_spread(mentions: list[Mention], config: AssemblyConfig = DEFAULT, title: str | None = None) -> list[Mention]:
    """Metastases named in the report's title ("case report" in it or not: "Pleural drop-metastasis five years
    post-thymectomy", the ``title`` the report was read with), "we present a case of..." sentence or keywords
    line of a one-patient report when another sentence names the same site, not as the primary's (the
    context component may take a title for a statement about others)."""
    if any(m.patient > 1 for m in mentions):
        return []
    spec = read_patterns(config.roles)["report"]
    report, keywords = compile_pattern(spec["sentence"], 0), compile_pattern(spec["keywords"], 0)
    sections = set(spec["sections"])
    titled = {id(m) for m in title_mentions(mentions, title)}
    found = []
    for m in mentions:
        if m.group != "sites" or m.value.role not in ("metastasis", "recurrence") or m.negated or m.hypothetical:
            continue
        if keywords.search(m.sentence) and m.section != "references":
            found.append((m, KEYWORD_CONFIRMATION))
        elif m.section in sections and (report.search(m.sentence) or id(m) in titled):
            found.append((m, None))
    return [
        m for m, roles in found
        if any(o.group == "sites" and o.value.site == m.value.site and o.sentence_start != m.sentence_start
               and (roles is None or o.value.role in roles)
               and not o.negated and o.section not in EXCLUDED_SECTIONS for o in mentions)
    ]


# A keyword list names its words apart ("Keywords: Uterus, Serous, Metastasis"): the other sentence
# that confirms its site must tell that site's spread, not merely name the organ ("uterine serous carcinoma").
KEYWORD_CONFIRMATION = ("metastasis", "recurrence")
