"""The tumour's cells of one case: its primary site (the site mentions read, a leukaemia's marrow,
a final diagnosis; none for a cancer of the remote history only), its histological type with the
organ or tissue the type names, and its FIGO stage. Each value is kept with its evidence, in the
order the case's evidence lists them."""
from __future__ import annotations

from pipeline.cases.config import AssemblyConfig
from pipeline.cases.figo import choose_figo_stage
from pipeline.cases.histology_choice import (
    broader_types, choose_histology, histology_with_site, marrow_type, with_shared_refinement, without_keyword_mimics,
)
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import MARROW, OTHER_SITE, lining_site, type_organ, written_only_types
from pipeline.cases.primary import choose_primary_site, unknown_primary_spread
from pipeline.cases.primary_no_cancer import benign_tumour_only, late_effect_only, mimic_primary_only, past_cancer_only
from pipeline.cases.primary_of_type import (
    final_type_organ, lesion_site, organ_of_a_form, organ_of_type, organ_written_after, organ_written_before,
)
from pipeline.cases.primary_regions import organ_outside_the_list, region_of_type, region_tissue
from pipeline.cases.record import Case, Evidence
from pipeline.cases.spread_haematolymphoid import haematolymphoid
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS


def primary_site_cell(case: Case, by_group: dict[str, list[Mention]], shared: list[Mention], mentions: list[Mention],
                      config: AssemblyConfig, keep) -> tuple[Mention | None, bool, Mention | None]:
    """The case's primary site, kept through ``keep``; returns the primary site mention chosen (None
    when the report names no cancer of its own), whether the case's cancer is of the remote history
    only, and the mention of a type that arises in the marrow."""
    primary = (choose_primary_site(by_group.get("sites", []), config)
               or choose_primary_site([m for m in shared if m.group == "sites"], config))
    if primary and benign_tumour_only(by_group, config):
        primary = None  # "a bladder tumour ... revealed an inverted papilloma": no cancer case
    if primary and unknown_primary_spread(primary, mentions, config):
        primary = None  # "adrenal metastasis from an unknown primary": the adrenal tumour is no primary
    # a cancer of the remote history only, named by its organ or its type ("a history of invasive
    # ductal carcinoma treated by mastectomy eight years earlier"), makes no cancer case
    remote_only = bool(primary or by_group.get("histology")) and (
        past_cancer_only(by_group, config) or late_effect_only(by_group, config))
    if remote_only:  # the remote cancer's nodes (its TNM, nodes read as diseased) are no spread now
        primary = None
    types = by_group.get("histology", []) or [m for m in shared if m.group == "histology"]
    marrow = None if remote_only else marrow_type(types, by_group, config)
    final = None if remote_only or marrow else final_type_organ(types, config)
    if marrow:  # a leukaemia or myeloma arises in the marrow: its masses elsewhere ("a retro-orbital
        # myeloid sarcoma ... bone marrow biopsy confirmed AML") are its deposits, not its primary
        case.primary_site = keep("primary_site", MARROW, marrow)
    elif final and (primary is None or primary.value.site != final[0]):
        # "the final diagnosis was peripheral SCLC with metastases in the liver" of a man said to have
        # a bladder carcinoma: the final diagnosis names the primary
        case.primary_site = keep("primary_site", final[0], final[1])
    elif primary:
        case.primary_site = keep("primary_site", primary.value.site, primary)
    return primary, remote_only, marrow


def histology_and_stage_cells(case: Case, by_group: dict[str, list[Mention]], shared: list[Mention],
                              mentions: list[Mention], mine: list[Mention], primary: Mention | None,
                              remote_only: bool, marrow: Mention | None, config: AssemblyConfig, several: bool,
                              evidence: list[Evidence], keep, title_named: list[Mention] = ()
                              ) -> tuple[list[Mention], Mention | None]:
    """The case's histological type and the primary site its type names, then its FIGO stage (and no
    primary when the organ is only the mimicked cancer's); ``evidence`` is the case's, which ``keep``
    adds to; ``title_named``: the title's site and type mentions, of a report of several patients.
    Returns the site mentions (the patient's and the shared ones) and the stage's mention."""
    site_mentions = by_group.get("sites", []) + [m for m in shared if m.group == "sites"]
    typed = without_keyword_mimics(by_group.get("histology", []) or [m for m in shared if m.group == "histology"],
                                    mentions)
    typed = with_shared_refinement(typed, shared, config) if several else typed
    # "pleuropulmonary blastoma": a site word inside a type's own name (pleura and lung) gives way to the organ
    # the type names by itself (lung, histology/organs.tsv)
    if primary is not None and case.primary_site == primary.value.site and not remote_only and not marrow:
        named = next(((m, organ) for m in typed if m.start <= primary.start and primary.end <= m.end
                      and (organ := type_organ(m, config)) and organ != case.primary_site), None)
        if named:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", named[1], named[0])
    if case.primary_site == OTHER_SITE and not remote_only and not marrow:
        # "a Merkel cell carcinoma of the cheek": a region outside the site list gives way to the organ the
        # case's own type names by itself (histology/organs.tsv)
        own_type = choose_histology(typed, config=config)
        organ = type_organ(own_type, config) if own_type else None
        if organ and organ != OTHER_SITE:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", organ, own_type)
    histology = (choose_histology(typed, site_mentions, case.primary_site, config, case.title)
                 or histology_with_site(mentions, case.primary_site, config))
    if histology and not remote_only:
        case.histology = keep("histology", histology.value.histology, histology)
        organ = None if case.primary_site else organ_of_type(histology, by_group, config)
        lesion = None if case.primary_site or organ else lesion_site(histology, by_group, mentions, config)
        # "an epithelioid hemangioendothelioma of the liver": the organ written right after the type's name
        after = None if organ or lesion or case.primary_site or marrow else organ_written_after(typed, site_mentions)
        # "primary uterine non-Hodgkin's lymphoma": an organ word right before the type's name is its organ
        before = None if organ or lesion or after or case.primary_site or marrow \
            else organ_written_before(typed, site_mentions)
        # a type mostly of one tissue ("osteosarcoma", "synovial sarcoma"), for a case with no primary read, or
        # only a region read as 'other' ("a myxoid liposarcoma of the thigh": a limb is no organ of the list)
        # Not for a lymphoma read of a region ("a diffuse large B-cell lymphoma of the bowel", "... of the left
        # arm"): it is extranodal there, and the nodes it mostly arises in are not its organ.
        extranodal = haematolymphoid(histology.value.histology, config) and (
            case.primary_site == OTHER_SITE or any(region_of_type(m) for m in typed
                                                   if m.value.histology == histology.value.histology))
        tissue = None if organ or lesion or after or before or extranodal \
            or case.primary_site not in (None, OTHER_SITE) \
            or (case.primary_site == OTHER_SITE and organ_outside_the_list(primary)) else \
            organ_of_type(histology, by_group, config, fallback=True)
        # "Only a few examples of vaginal melanoma have been documented ... The diagnosis of aggressive
        # melanoma was made": the organ the report writes before the same type, anywhere in its text, outweighs
        # the organ the type mostly arises in
        # (in a report of several patients, the title's too: "Primary cutaneous monomorphous lymphoma: a
        # report of 3 cases" before parts that say only "diagnosed as histiocytic lymphoma")
        written = None
        if tissue and not case.primary_site:
            read = list(mentions) + [m for m in title_named if m not in mentions]
            # the same type or a broader name of it ("Primary cardiac lymphoma: three case reports" before a
            # part's "Autopsy confirmed the diagnosis of DLBCL")
            names = {histology.value.histology} | broader_types(config.parents).get(histology.value.histology, frozenset())
            written = organ_written_before([m for m in read if m.group == "histology"
                                            and m.value.histology in names
                                            and m.section not in EXCLUDED_SECTIONS],
                                           [m for m in read if m.group == "sites"
                                            and m.section not in EXCLUDED_SECTIONS])
            if written is None:
                # "Extraosseous Ewing sarcoma: report of 3 cases" before parts that write "Ewing sarcoma": the form
                # of the same type that names its organ (kind 'written' of histology/organs.tsv), wherever written
                named = (type_organ(m, config) for m in read if m.group == "histology"
                         and m.value.histology == histology.value.histology
                         and m.section not in EXCLUDED_SECTIONS and not m.negated and not m.value.hedged)
                tissue = next((organ for organ in named if organ not in (None, tissue)), tissue)
        if written is not None and written.value.site != tissue:
            tissue, before = None, written
        elif tissue and written is None and histology.value.histology in written_only_types(config.organs):
            tissue = None  # "metastatic melanoma" of a report that writes no organ for it: the primary is not told
        if organ:  # "stage IV NSCLC", "inoperable HCC": the type names its organ
            case.primary_site = keep("primary_site", organ, histology)
        elif lesion:  # "a solitary pulmonary nodule was resected ... the tumour was a LCNEC"
            case.primary_site = keep("primary_site", lesion.value.site, lesion)
        elif after:
            case.primary_site = keep("primary_site", after.value.site, after)
        elif before:
            case.primary_site = keep("primary_site", before.value.site, before)
        elif tissue:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", tissue, histology)
        # "a squamous cell carcinoma of the dorsum of the hand", "a liposarcoma in the left thigh": a type
        # written of a body region is of the tissue its family arises in (cases/regions.toml)
        region = None if marrow else region_tissue(histology, typed, case.primary_site, mine)
        # ... unless the type's written form names its own organ ("Extraskeletal Ewing's sarcoma of the thigh": soft
        # tissue, not the bone the family arises in; kind 'written' of histology/organs.tsv)
        if region:
            region = type_organ(histology, config) or organ_of_a_form(histology, typed, config) or region
        if region:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", region, histology)
        # "endometrioid adenocarcinoma of the uterus": a carcinoma of the organ is of its lining
        lining = lining_site(case.primary_site, case.histology)
        if lining:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", lining, histology)

    stage = None if remote_only else choose_figo_stage(by_group.get("stage", []), case.primary_site, case.title,
                                                 by_group.get("sites", []))
    if stage:
        case.figo_stage = keep("figo_stage", stage.value.stage, stage)
    if case.primary_site and not case.histology and not marrow and not by_group.get("stage") \
            and mimic_primary_only(by_group, mentions, config):
        # "autoimmune pancreatitis mimicking pancreatic cancer ... an evocative image of pancreatic tumor":
        # an organ named as the mimicked cancer's, with no type, stage or spread of a cancer, is no primary
        evidence[:] = [e for e in evidence if e.field != "primary_site"]
        case.primary_site = None
    return site_mentions, stage
