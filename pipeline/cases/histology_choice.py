"""The histology of a case's cancer (the histology cell): the type named for the primary, not a
keyword list's mimic, the most specific of the types named, a marrow cancer's own type."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import MARROW, type_only_weighed, type_organ
from pipeline.cases.preamble import title_mentions
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns, read_table


# A keyword list: an optional "Keywords:" label, then three or more short terms between commas or
# semicolons ("Ewing sarcoma, Osteomyelitis, Periosteal reaction"), and no clause among them.
KEYWORD_LIST = re.compile(r"(?i)^\s*(?:key\s*-?\s*words?\s*:?\s*)?(?:[^,;.:]{1,40}?[,;]\s*){2,}[^,;.:]{1,40}\.?\s*$")


# How many mentions of the text a type named in the title counts as.
TITLE_WEIGHT = 2


CLAUSE_WORD = re.compile(r"(?i)(?<![\w-])(?:is|are|was|were|has|had|have|showed|revealed|presented|underwent|"
                         r"received|diagnosed|developed|considered)(?![\w-])")


def _suggested_by_specimen(mention: Mention, config: AssemblyConfig = DEFAULT) -> bool:
    """Whether a hedged type is a specimen's reading ("[specimen] suggested" of
    models/histology/histology.toml): a biopsy, a histological or cytological examination
    "suggestive of" or "consistent with" it, earlier in its sentence."""
    pattern = read_patterns(config.histology).get("specimen_suggests")
    if not pattern:
        return False
    before = mention.sentence[:max(0, mention.start - mention.sentence_start)]
    return compile_pattern(pattern).search(before) is not None


def choose_histology(mentions: list[Mention], sites: list[Mention] = (), primary_site: str | None = None,
               config: AssemblyConfig = DEFAULT, title: str | None = None) -> Mention | None:
    """The type named most often, the narrower type counting the mentions of a broader one the
    case also names ("non-small cell carcinoma" on cytology, then "giant cell carcinoma"). A
    type written for another organ than the case's primary ("squamous cervical cancer" first
    diagnosed, then "serous adenocarcinoma of the ovary" metastatic to the cervix) counts only
    when no type is written for the primary's organ or without an organ. A type named as a
    possibility or a misdiagnosis ("suspicious for squamous cell carcinoma") is not the case's, nor one
    named only in a sentence that weighs it ("the findings led us to consider a submucosal tumour, including
    GIST": the context component's hypothetical cues)."""
    named = [m for m in mentions if not (m.value.hedged or m.hypothetical)]
    # a pathologist's report phrases its diagnosis "suggestive of" or "consistent with" ("the specimen
    # showed small round cells positive for CD99, suggestive of Ewing sarcoma"): when the case names
    # no type outright, the type its specimen suggests is its type
    mentions = named or [m for m in mentions if not m.hypothetical and _suggested_by_specimen(m, config)]
    if not mentions:
        return None
    if primary_site:
        mentions = [m for m in mentions if named_organ(m, sites) in (None, primary_site)] or mentions
        # a type of one organ only (``histology/organs.tsv``) that is not the primary's is another
        # cancer's ("papillary ductal carcinoma" of a breast cancer treated 29 years before the ovarian one)
        own = [m for m in mentions if type_organ(m, config) in (None, primary_site)]
        if not own:
            return None
        mentions = own
    counts = Counter(m.value.histology for m in mentions)
    for mention in mentions:  # the final diagnosis outweighs the reads before it ("a biopsy read ...,
        if getattr(mention.value, "final", False):  # then a diagnosis of ... melanoma was established")
            counts[mention.value.histology] += len(mentions)
    # the report's title names the diagnosis the report is about: a type it names outweighs the reads of
    # the work-up ("... desmoplastic small round cell tumor" in the title, a first biopsy "read as squamous
    # cell carcinoma" in the text); not a first line that is the story's first sentence ("A woman in her 60s
    # was found to have ... lobular breast carcinoma", a report with no title)
    if title and not CLAUSE_WORD.search(title):
        for mention in title_mentions(mentions, title):
            counts[mention.value.histology] += TITLE_WEIGHT
    broader = broader_types(config.parents)
    first = {}
    for index, mention in enumerate(mentions):
        first.setdefault(mention.value.histology, index)
    merged = True
    while merged:
        merged = False
        for name in sorted(counts, key=first.get):
            narrower = [c for c in counts if name in broader.get(c, ())]
            if narrower:
                target = max(narrower, key=lambda c: (counts[c], -first[c]))
                counts[target] += counts.pop(name)
                merged = True
                break
    best = max(counts.values())
    tied = [m for m in mentions if counts.get(m.value.histology) == best]
    if primary_site and len({m.value.histology for m in tied}) > 1:
        # a tie between two types ("pheochromocytoma and clear cell renal carcinoma"): the one
        # written with the primary's organ is the primary's
        own = [m for m in tied if named_organ(m, sites) == primary_site]
        if own:
            return own[0]
    return tied[0]


def with_shared_refinement(own: list[Mention], shared: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """A part's types, with the narrower type the text before "Case 1" (or the title) names for the
    group when the part names only a broader one ("Two cases of metastatic clear cell renal cell
    carcinoma ... Case 1 ... the renal cell carcinoma"): the narrower type is every part's. Only when
    the shared text names one such narrower type (two subtypes there are the patients' own each)."""
    if not own:
        return own
    broader = broader_types(config.parents)
    written = {m.value.histology for m in own}
    narrower = [m for m in shared if m.group == "histology" and not (m.value.hedged or m.hypothetical or m.negated)
                and m.value.histology not in written and written & broader.get(m.value.histology, frozenset())]
    if len({m.value.histology for m in narrower}) != 1:
        return own
    return own + narrower


def without_keyword_mimics(histology: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The types without those named only in a keyword list ("Ewing sarcoma, Osteomyelitis, Periosteal
    reaction") of a report whose sentences name them only as a possibility, a mimic or in general
    ("osteomyelitis with suspected Ewing sarcoma", "Ewing sarcoma can masquerade as osteomyelitis"):
    a report's keywords name its topic, and the mimicked cancer is part of it."""
    said = {}  # each type: named for the patient in a sentence that is no keyword list
    for mention in mentions:
        if mention.group == "histology" and not keyword_list(mention.sentence):
            name = mention.value.histology
            said[name] = said.get(name, False) or not (mention.value.hedged or mention.subject == "generic")
    return [m for m in histology if not (keyword_list(m.sentence) and said.get(m.value.histology) is False)]


def keyword_list(sentence: str) -> bool:
    return KEYWORD_LIST.match(sentence) is not None and CLAUSE_WORD.search(sentence) is None


def named_organ(histology: Mention, sites: list[Mention]) -> str | None:
    """The organ a type is written with: inside its words ("squamous cervical cancer") or
    right after them ("... adenocarcinoma of the ovary")."""
    for site in sites:
        if site.value.role != "primary" or site.sentence_start != histology.sentence_start:
            continue
        inside = histology.start <= site.start and site.end <= histology.end
        after = 0 < site.start - histology.end <= 12
        if inside or after:
            return site.value.site
    return None


def histology_with_site(mentions: list[Mention], primary_site: str | None,
                         config: AssemblyConfig = DEFAULT) -> Mention | None:
    """When no sentence about the patient names a type: the type the report names with the
    case's primary site ("squamous cell carcinoma of the vulva" in its title, keywords or a
    sentence not about that cancer in general), if not negated and outside references and back matter."""
    if not primary_site:
        return None
    # (not a sentence that denies the site: "studies associating this with lung and urothelial melanomas but
    # not with gall bladder cancer")
    with_site = {m.sentence_start for m in mentions
                 if m.group == "sites" and m.value.site == primary_site and m.value.role == "primary" and not m.negated}
    pool = [m for m in mentions if m.group == "histology" and m.sentence_start in with_site
            and not m.negated and not m.hypothetical and m.subject != "generic"
            and m.section not in EXCLUDED_SECTIONS]
    # "a case of gastric carcinoma and renal cell carcinoma": the other organ's type is not the primary's
    return choose_histology(pool, primary_site=primary_site, config=config)


@lru_cache(maxsize=None)
def broader_types(path: str) -> dict[str, frozenset[str]]:
    broader: dict[str, set[str]] = {}
    for row in read_table(path):
        broader.setdefault(row["histology"], set()).add(row["broader"])
    return {name: frozenset(names) for name, names in broader.items()}


def marrow_type(histology: list[Mention], by_group: dict[str, list[Mention]],
                 config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The case's type when it is a disease of the bone marrow (``histology/organs.tsv``: leukaemias,
    myeloma), named as the patient's (not only hedged, weighed or of the past history alone)."""
    best = choose_histology(histology, config=config)
    if best is None or type_organ(best, config) != MARROW or type_only_weighed(best, by_group, config):
        return None
    chronic = read_patterns(config.histology).get("chronic_marrow")
    if chronic and compile_pattern(chronic).match(best.value.histology):
        return best  # a chronic leukaemia or myeloma "diagnosed 4 years ago" is the disease the patient has now
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    current = [m for m in histology if not m.value.hedged and not history.search(m.sentence)]
    return best if current else None
