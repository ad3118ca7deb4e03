"""The metastasis sites cell of one case: the sites its spread mentions name (a local recurrence
at the primary's own site, an ovarian cancer's serosal spread, a lymphoma's organs, a later lesion of
the same type, the nodes a nodal FIGO stage affirms), none when its cancer is of the remote history
only, or when no cancer is named and the mention does not speak of a metastasis."""
from __future__ import annotations

from pipeline.cases.config import AssemblyConfig
from pipeline.cases.figo import nodal_stage
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import site_facts
from pipeline.cases.primary import later_same_type
from pipeline.cases.primary_no_cancer import is_mimic_report
from pipeline.cases.record import Case, Evidence
from pipeline.cases.spread import reported_spread, spread_sites, without_benign_nodes
from pipeline.cases.spread_haematolymphoid import haematolymphoid_spread
from pipeline.cases.spread_places import (
    BROAD_GI, GI_ORGANS, LOCAL_SITE, another_organ_outside_the_list, elsewhere_in_system, is_contralateral,
    local_recurrence, local_site, neck_sense,
)
from pipeline.cases.spread_words import metastasis_word
from pipeline.resources import compile_pattern, read_patterns


def metastasis_sites_cell(case: Case, by_group: dict[str, list[Mention]], mentions: list[Mention],
                          primary: Mention | None, remote_only: bool, stage: Mention | None,
                          config: AssemblyConfig, evidence: list[Evidence], keep) -> None:
    """The case's metastasis sites, each kept through ``keep``; ``primary`` is the primary site mention
    read, ``stage`` the FIGO stage's mention, ``evidence`` the case's (a site dropped leaves it)."""
    sites = {}
    # the words of the primary read from a site mention ("prostate"), for two organs outside the site list
    primary_written = primary.value.written if primary and primary.value.site == case.primary_site else None
    weighed = compile_pattern(read_patterns(config.roles)["report"].get("weighed", "(?!)"))
    mimicked = is_mimic_report(mentions, config)
    spread = without_benign_nodes(spread_sites(by_group.get("sites", []), mentions, config), mentions, config)
    spread = [m for m in spread if not neck_sense(m, case, by_group.get("sites", []))]
    # "ovarian endometrioid adenocarcinoma with infiltration of the greater omentum and peritoneum": what an
    # ovarian cancer involves there is its spread (``serosal_spread`` of cases/sites.tsv)
    serosal = set((site_facts().get(case.primary_site or "", {}).get("serosal_spread") or "").split())
    spread += [m for m in by_group.get("sites", []) if m.value.role == "involvement" and m.value.site in serosal
               and not m.negated and not m.hypothetical]
    # a lymphoma's or leukaemia's spread is the organs it involves; its nodes are the disease itself
    spread = haematolymphoid_spread(spread, by_group.get("sites", []), case.histology, case.primary_site, config)
    for mention in [] if remote_only else spread + reported_spread(mentions, config, case.title):
        site = mention.value.site
        if site == LOCAL_SITE:  # "a local recurrence was observed": at the primary's own site
            site = local_site(mention, case.primary_site, spread)
            if site is None:
                continue
        if case.primary_site is None and case.histology is None and (
                not metastasis_word(mention.value.cue) or mention.hypothetical or weighed.search(mention.sentence)
                or mimicked):
            continue  # no cancer named: "spread", "recurrence", "involvement" speak of something else,
            # and a metastasis only weighed ("a metastasis or a primary bone malignancy was considered") is none,
            # nor is one in a report of a disease that mimicked metastases ("misdiagnosed as metastasis")
        # a recurrence said to be local in the primary's own organ ("a local relapse in the breast",
        # "ipsilateral breast recurrence") is a site too; "recurrence of endometrial cancer" is not
        local = mention.value.role == "recurrence" and local_recurrence(mention)
        if (site != case.primary_site or local or is_contralateral(mention) or elsewhere_in_system(mention)
                or another_organ_outside_the_list(mention, site, case.primary_site, primary_written)) \
                and site not in sites:
            sites[site] = keep("metastasis_sites", site, mention)
    for mention in [] if remote_only else later_same_type(by_group, case, config):
        if mention.value.site not in sites:  # "months later, biopsy of the liver lesion confirmed SCC"
            sites[mention.value.site] = keep("metastasis_sites", mention.value.site, mention)
    if "other" in sites and GI_ORGANS & set(sites):
        # "gastrointestinal metastases" of a case with a small bowel metastasis: the same one
        other = next(e for e in evidence if e.field == "metastasis_sites" and e.value == "other")
        if BROAD_GI.search(other.sentence[other.start - other.sentence_start:other.end - other.sentence_start]):
            del sites["other"]
            evidence.remove(other)
    if stage and "lymph node" not in sites and nodal_stage(case.figo_stage, case.primary_site):
        # a FIGO stage defined by nodal disease (cervix IIIC1) affirms it, like pN1
        sites["lymph node"] = keep("metastasis_sites", "lymph node", stage)
    case.metastasis_sites = sorted(sites)
