"""Mentions of one report -> one Case per patient, with the contract's normalisations
(ANNOTATION.md) and the evidence of every value."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, PatientStart, stated_primaries
from pipeline.cases.outcome import case_outcome, group_outcomes, may_be_mother, series_outcomes, title_outcome
from pipeline.cases.patients import about_patient, group_sex, preamble, recommendation_followed, split_by_patient
from pipeline.cases.labs import case_labs
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series import series_cases
from pipeline.cases.timeline import Dating, case_timeline
from pipeline.cases.treatments import case_staging, case_treatments, staging_mentions
from pipeline.ingest.report import Report
from pipeline.nlp.sections.model import EXCLUDED_SECTIONS
from pipeline.resources import compile_pattern, read_patterns, read_table



def assemble(report: Report, mentions: list[Mention], starts: list[PatientStart],
             config: AssemblyConfig = DEFAULT) -> list[Case]:
    """One Case per patient; ``config``: the components' data files (AssemblyConfig.of(nlp))."""
    shared = [m for m in preamble(mentions, starts) if about_patient(m)]
    # "the two children were discharged" in one case's part is every case's status
    shared += [m for m in group_outcomes(mentions) if m not in shared]
    cases = []
    parts = split_by_patient(mentions, starts, config.patients)
    for number, part in enumerate(parts, 1):
        case = Case(doc=report.name, case=number, title=report.title, doi=report.doi, pmid=report.pmid,
                    pmcid=report.pmcid, journal=report.journal, year=report.year, authors=list(report.authors))
        _fill(case, part, shared, config, several=len(parts) > 1)
        together = group_sex(shared)  # "two young women" before "Case 1", when the case's part says no sex
        if case.sex is None and together is not None:
            case.sex = together.value.sex
            case.evidence.append(Evidence("sex", case.sex, together.sentence, together.start, together.end,
                                          together.sentence_start, together.qualifiers))
        if case.sex is None:  # "metastatic lesions of the uterus, fallopian tubes and ovaries" of "Patient K."
            _sex_of_spread(case)
        cases.append(case)
    rows = series_cases(report, cases, config.patients)
    # patients announced but told together: each added row's status said of it by number or as a group
    series_outcomes(rows[len(cases):], mentions, shared, config)
    if len(rows) == 1:
        title_outcome(rows[0], report.text, config)  # "Fatal disseminated strongyloidiasis in ..."
    return rows


def _fill(case: Case, mentions: list[Mention], shared: list[Mention], config: AssemblyConfig = DEFAULT,
          several: bool = False) -> None:
    mine = [m for m in mentions if about_patient(m)]
    followed = {id(m) for m in mentions if recommendation_followed(m, mine)}
    if followed:  # a drug recommended, then the course told on: given (patients.recommendation_followed)
        mine = [m for m in mentions if id(m) in followed or about_patient(m)]
    by_group: dict[str, list[Mention]] = {}
    for mention in mine:
        by_group.setdefault(mention.group, []).append(mention)
    evidence: list[Evidence] = []

    def keep(field: str, value, mention: Mention):
        evidence.append(
            Evidence(field, value, mention.sentence, mention.start, mention.end, mention.sentence_start, mention.qualifiers)
        )
        return value

    demographics = by_group.get("demographics", [])
    age = _age(demographics)
    if age:
        case.age = keep("age", age.value.years, age)

    # a "Case 2" part that names no primary falls back on the title and abstract
    primary = (_primary_site(by_group.get("sites", []), config)
               or _primary_site([m for m in shared if m.group == "sites"], config))
    if primary and _benign_tumour_only(by_group, config):
        primary = None  # "a bladder tumour ... revealed an inverted papilloma": no cancer case
    if primary and _unknown_primary_spread(primary, mentions, config):
        primary = None  # "adrenal metastasis from an unknown primary": the adrenal tumour is no primary
    # a cancer of the remote history only, named by its organ or its type ("a history of invasive
    # ductal carcinoma treated by mastectomy eight years earlier"), makes no cancer case
    remote_only = bool(primary or by_group.get("histology")) and (
        _past_cancer_only(by_group, config) or _late_effect_only(by_group, config))
    if remote_only:  # the remote cancer's nodes (its TNM, nodes read as diseased) are no spread now
        primary = None
    types = by_group.get("histology", []) or [m for m in shared if m.group == "histology"]
    marrow = None if remote_only else _marrow_type(types, by_group, config)
    final = None if remote_only or marrow else _final_type_organ(types, config)
    if marrow:  # a leukaemia or myeloma arises in the marrow: its masses elsewhere ("a retro-orbital
        # myeloid sarcoma ... bone marrow biopsy confirmed AML") are its deposits, not its primary
        case.primary_site = keep("primary_site", MARROW, marrow)
    elif final and (primary is None or primary.value.site != final[0]):
        # "the final diagnosis was peripheral SCLC with metastases in the liver" of a man said to have
        # a bladder carcinoma: the final diagnosis names the primary
        case.primary_site = keep("primary_site", final[0], final[1])
    elif primary:
        case.primary_site = keep("primary_site", primary.value.site, primary)

    case.sex = _sex(demographics, case, keep)

    site_mentions = by_group.get("sites", []) + [m for m in shared if m.group == "sites"]
    typed = _without_keyword_mimics(by_group.get("histology", []) or [m for m in shared if m.group == "histology"],
                                    mentions)
    if case.primary_site == OTHER_SITE and not remote_only and not marrow:
        # "a Merkel cell carcinoma of the cheek": a region outside the site list gives way to the organ the
        # case's own type names by itself (histology/organs.tsv)
        own_type = _histology(typed, config=config)
        organ = _type_organ(own_type, config) if own_type else None
        if organ and organ != OTHER_SITE:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", organ, own_type)
    histology = (_histology(typed, site_mentions, case.primary_site, config)
                 or _histology_with_site(mentions, case.primary_site, config))
    if histology and not remote_only:
        case.histology = keep("histology", histology.value.histology, histology)
        organ = None if case.primary_site else _organ_of_type(histology, by_group, config)
        lesion = None if case.primary_site or organ else _lesion_site(histology, by_group, mentions, config)
        # a type mostly of one tissue ("osteosarcoma", "synovial sarcoma"), for a case with no primary read, or
        # only a region read as 'other' ("a myxoid liposarcoma of the thigh": a limb is no organ of the list)
        tissue = None if organ or lesion or case.primary_site not in (None, OTHER_SITE) else \
            _organ_of_type(histology, by_group, config, fallback=True)
        if organ:  # "stage IV NSCLC", "inoperable HCC": the type names its organ
            case.primary_site = keep("primary_site", organ, histology)
        elif lesion:  # "a solitary pulmonary nodule was resected ... the tumour was a LCNEC"
            case.primary_site = keep("primary_site", lesion.value.site, lesion)
        elif tissue:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", tissue, histology)

    stage = None if remote_only else _figo_stage(by_group.get("stage", []), case.primary_site, case.title,
                                                 by_group.get("sites", []))
    if stage:
        case.figo_stage = keep("figo_stage", stage.value.stage, stage)
    if case.primary_site and not case.histology and not marrow and not by_group.get("stage") \
            and _mimic_primary_only(by_group, mentions, config):
        # "autoimmune pancreatitis mimicking pancreatic cancer ... an evocative image of pancreatic tumor":
        # an organ named as the mimicked cancer's, with no type, stage or spread of a cancer, is no primary
        evidence[:] = [e for e in evidence if e.field != "primary_site"]
        case.primary_site = None

    sites = {}
    # the words of the primary read from a site mention ("prostate"), for two organs outside the site list
    primary_written = primary.value.written if primary and primary.value.site == case.primary_site else None
    weighed = compile_pattern(read_patterns(config.roles)["report"].get("weighed", "(?!)"))
    mimicked = _mimic_report(mentions, config)
    spread = _without_benign_nodes(_spread(by_group.get("sites", []), mentions, config), mentions, config)
    # "ovarian endometrioid adenocarcinoma with infiltration of the greater omentum and peritoneum": what an
    # ovarian cancer involves there is its spread (``serosal_spread`` of cases/sites.tsv)
    serosal = set((_site_facts().get(case.primary_site or "", {}).get("serosal_spread") or "").split())
    spread += [m for m in by_group.get("sites", []) if m.value.role == "involvement" and m.value.site in serosal
               and not m.negated and not m.hypothetical]
    for mention in [] if remote_only else spread + _reported_spread(mentions, config):
        site = mention.value.site
        if site == LOCAL_SITE:  # "a local recurrence was observed": at the primary's own site
            site = _local_site(mention, case.primary_site, spread)
            if site is None:
                continue
        if case.primary_site is None and case.histology is None and (
                not _metastasis_word(mention.value.cue) or mention.hypothetical or weighed.search(mention.sentence)
                or mimicked):
            continue  # no cancer named: "spread", "recurrence", "involvement" speak of something else,
            # and a metastasis only weighed ("a metastasis or a primary bone malignancy was considered") is none,
            # nor is one in a report of a disease that mimicked metastases ("misdiagnosed as metastasis")
        # a recurrence said to be local in the primary's own organ ("a local relapse in the breast",
        # "ipsilateral breast recurrence") is a site too; "recurrence of endometrial cancer" is not
        local = mention.value.role == "recurrence" and _local_recurrence(mention)
        if (site != case.primary_site or local or _contralateral(mention) or _elsewhere_in_system(mention)
                or _another_organ_outside_the_list(mention, site, case.primary_site, primary_written)) \
                and site not in sites:
            sites[site] = keep("metastasis_sites", site, mention)
    for mention in [] if remote_only else _later_same_type(by_group, case, config):
        if mention.value.site not in sites:  # "months later, biopsy of the liver lesion confirmed SCC"
            sites[mention.value.site] = keep("metastasis_sites", mention.value.site, mention)
    if "other" in sites and GI_ORGANS & set(sites):
        # "gastrointestinal metastases" of a case with a small bowel metastasis: the same one
        other = next(e for e in evidence if e.field == "metastasis_sites" and e.value == "other")
        if BROAD_GI.search(other.sentence[other.start - other.sentence_start:other.end - other.sentence_start]):
            del sites["other"]
            evidence.remove(other)
    if stage and "lymph node" not in sites and _nodal_stage(case.figo_stage, case.primary_site):
        # a FIGO stage defined by nodal disease (cervix IIIC1) affirms it, like pN1
        sites["lymph node"] = keep("metastasis_sites", "lymph node", stage)
    case.metastasis_sites = sorted(sites)

    for mention in by_group.get("measures", []):
        value = mention.value
        if value.analyte.lower() == "wbc" and not value.threshold:
            case.wbc_values.append(keep("wbc_values", round(value.value, 2), mention))
    case.wbc_max = max(case.wbc_values) if case.wbc_values else None

    # in a report of several patients, only the drugs that are this patient's own (_own_drug):
    # the Drugs and the Treatments columns both read them from ``own``
    own = [m for m in mine if not (several and m.group == "drugs" and not _own_drug(m, case.case))]
    drugs = {}
    for mention in (m for m in own if m.group == "drugs"):
        for generic in mention.value.generics:
            if generic not in drugs:
                drugs[generic] = keep("drugs", generic, mention)
    case.drugs = sorted(drugs)

    dates = {}
    for mention in by_group.get("dates", []):
        if not mention.value.metadata and mention.value.iso not in dates:
            dates[mention.value.iso] = keep("dates", mention.value.iso, mention)
    case.dates = sorted(dates)

    # "both patients died" in the abstract, before "Case 1", is every case's status
    # whether this is a cancer case is what the row says (a cancer of the remote history is none)
    # (a named histological type is a cancer too, when the organ is not on the site list; so is
    # a metastasis of the patient's that the row keeps: "lytic lesions consistent with bony
    # metastasis ... diagnostic of KS" is a tumour report whose type the lexicon did not read)
    cancer = case.primary_site is not None or case.histology is not None or bool(case.metastasis_sites)
    outcome = case_outcome(by_group.get("outcome", []), mentions, shared, by_group.get("sites", []), site_mentions,
                           cancer, case.case, several, config, mother=may_be_mother(case), title=case.title)
    if outcome:
        case.outcome = keep("outcome", outcome.value.category, outcome)

    case.treatments = case_treatments(own)
    dating = Dating(mine)
    case.labs = case_labs(mine, dating)
    case.timeline = case_timeline(mine, dating)
    staging = case_staging(mine)
    for name, mention in staging_mentions(mine).items():
        if mention is not None and staging[name] is not None:
            setattr(case, name, keep(name, staging[name], mention))
    case.evidence = evidence + _unused(mentions, evidence)


# The organ of a leukaemia or myeloma (``histology/organs.tsv``), and how far from a stage its organ is
# written ("stage IB2 cervical cancer", "cervical carcinoma, FIGO stage IB2": a few words)
MARROW = "bone marrow"
OTHER_SITE = "other"
STAGE_ORGAN_REACH = 30
ORGAN_STEM = 5  # letters that tell two organs' words apart ("testi-" / "prost-"; "pelvis" / "pelvic" are one)
SPREAD_OF_REACH = 40  # "liver metastasis of the previously resected colon cancer": a few words
# A keyword list: an optional "Keywords:" label, then three or more short terms between commas or
# semicolons ("Ewing sarcoma, Osteomyelitis, Periosteal reaction"), and no clause among them.
KEYWORD_LIST = re.compile(r"(?i)^\s*(?:key\s*-?\s*words?\s*:?\s*)?(?:[^,;.:]{1,40}?[,;]\s*){2,}[^,;.:]{1,40}\.?\s*$")
CLAUSE_WORD = re.compile(r"(?i)(?<![\w-])(?:is|are|was|were|has|had|have|showed|revealed|presented|underwent|"
                         r"received|diagnosed|developed|considered)(?![\w-])")
# A cancer's spread or relapse affirmed in a sentence ("metastases", "relapsed", "recurrence of"), not denied
# ("no signs of recurrent disease", "without relapse", "free of metastasis": ``SPREAD_DENIED`` just before).
SPREAD_WORD = re.compile(r"(?i)(?<![\w-])(?:relaps\w*|recurr\w*|metasta\w*)(?![\w-])")
SPREAD_DENIED = re.compile(r"(?i)(?<![\w-])(?:no|not|without|free\s+of|absence\s+of|neither|nor)(?![\w-])[^.;,]{0,30}$")

# Where a patient's part of a report of several holds the patient's own text: the case
# description, or an abstract that the "Case 2:" heading stands in ("Abstract ... Case 1: ...
# Case 2: A 66-year-old woman ... was treated with cisplatin").
OWN_DRUG_SECTIONS = frozenset({None, "case", "body", "abstract"})
# A row of a table of patients flattened to text: the patient's number, then a cell break.
TABLE_ROW = re.compile(r"\s*(?:(?:case|patient|pt)\.?\s*(?:no\.?\s*)?)?(\d{1,2})\s*(?:\||\t|\s{2,})", re.IGNORECASE)


def _own_drug(mention: Mention, number: int = 0) -> bool:
    """In a report of several patients, a drug is this patient's when it stands in the patient's
    own case text or its sentence names the patient: a summary table or a conclusion after the
    last case lists the drugs of every patient. A row of a table of the patients ("1 | 61 |
    Cisplatin + RT") is the patient's whose number opens it."""
    row = TABLE_ROW.match(mention.sentence)
    if row and number and 1 <= int(row.group(1)) <= 10:  # a patient's number, not a day or an age
        return int(row.group(1)) == number
    return mention.section in OWN_DRUG_SECTIONS or mention.subject == "patient"


def _unused(mentions: list[Mention], evidence: list[Evidence]) -> list[Evidence]:
    """Every other mention of the case's text, with its qualifiers: why a drug or a site in
    the text is not in the table (negated, another patient's, background...)."""
    used = {(e.start, e.end) for e in evidence}
    return [
        Evidence(mention_field(m), mention_value(m), m.sentence, m.start, m.end, m.sentence_start, m.qualifiers, kept=False)
        for m in mentions
        if (m.start, m.end) not in used
    ]


def mention_field(mention: Mention) -> str:
    """The table field a mention speaks to."""
    if mention.group == "demographics":
        return mention.label.lower()
    if mention.group == "sites":
        return "primary_site" if mention.value.role == "primary" else "metastasis_sites"
    if mention.group == "measures":
        return "wbc_values" if mention.label.upper() == "WBC" else mention.label.lower()
    fields = {"stage": "figo_stage", "histology": "histology", "drugs": "drugs", "dates": "dates", "outcome": "outcome",
              "procedures": "treatments", "timing": "timeline"}
    return fields.get(
        mention.group, mention.group
    )


def mention_value(mention: Mention):
    """A mention's normalised value, in the form its table field uses: what its value
    dataclass's ``norm()`` returns (the text itself for a finding without a value)."""
    return mention.text if mention.value is None else mention.value.norm()


def _primary_site(sites: list[Mention], config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The site named most often as the primary. "considered in the differential diagnosis of
    ovarian carcinoma" names no primary; nor does "the orbital tumor" (a bare tumour word) of a
    site the case's text calls a metastasis ("orbital masses as metastases"). A primary named only in
    a sentence of remote history ("treated for a breast cancer 25 years ago") gives way to one named
    now ("she now presented with an ovarian cancer")."""
    spread = {m.value.site for m in sites if m.value.role == "metastasis"}
    candidates = [m for m in stated_primaries(sites) if not (m.value.site in spread and _bare_tumour(m.value.cue))]
    # "a gastric metastasis from breast cancer": the stomach's own "gastric adenocarcinoma" on biopsy was
    # that metastasis, unless no other organ is read as a primary
    elsewhere = _metastasis_of_another(sites, config)
    candidates = [m for m in candidates if m.value.site not in elsewhere] or candidates
    candidates = _without_spread_named_elsewhere(candidates, sites, config)
    spec = read_patterns(config.roles)["report"]
    history, remote = compile_pattern(spec["history"]), compile_pattern(spec.get("remote", "(?!)"))
    current = [m for m in candidates if not (history.search(m.sentence) and remote.search(m.sentence))]
    return _most_frequent(current or candidates, lambda v: v.site)


def _without_spread_named_elsewhere(candidates: list[Mention], sites: list[Mention],
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


def _metastasis_of_another(sites: list[Mention], config: AssemblyConfig = DEFAULT) -> set[str]:
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


def _later_same_type(by_group: dict[str, list[Mention]], case, config: AssemblyConfig = DEFAULT) -> list[Mention]:
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


def _type_only_weighed(histology: Mention, by_group: dict[str, list[Mention]], config: AssemblyConfig) -> bool:
    """True when every sentence that names a type (``histology`` when none is grouped) only
    weighs it (``[report] weighed`` of roles.toml: "Lymphoma was considered.")."""
    weighed = compile_pattern(read_patterns(config.roles)["report"].get("weighed", "(?!)"))
    return all(weighed.search(m.sentence) for m in by_group.get("histology", []) or [histology])


def _past_cancer_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
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
    if any(m.value.role in ("metastasis", "recurrence") and not _node_finding(m.value.cue)
           and not (_tnm_cue(m.value.cue) and history.search(m.sentence)) for m in sites):
        return False
    return all(history.search(m.sentence) for m in primaries)


def _late_effect_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
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
    if any(_spread_affirmed(m.sentence) and not history.search(m.sentence) for m in cancers):
        return False
    if any(not past(m) for m in by_group.get("stage", [])):
        return False
    # a metastasis or recurrence found now is the cancer's, even "19 years following primary treatment"
    return not any(m.value.role in ("metastasis", "recurrence") and _metastasis_word(m.value.cue) and not m.negated
                   and not m.hypothetical and not history.search(m.sentence) for m in by_group.get("sites", []))


def _spread_affirmed(sentence: str) -> bool:
    """True when the sentence says a spread or relapse that it does not deny."""
    return any(not SPREAD_DENIED.search(sentence, 0, m.start()) for m in SPREAD_WORD.finditer(sentence))


def _benign_tumour_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True when every primary is read from a bare "tumour" ("a tumour of the parotid gland"), the
    case names no type, stage or metastasis, and a sentence of the case names a benign lesion
    (``[report] benign`` of roles.toml: "revealed a Warthin tumour", "a gastric leiomyoma")."""
    sites = by_group.get("sites", [])
    primaries = stated_primaries(sites)
    if not primaries or not all(_bare_tumour(m.value.cue) for m in primaries):
        return False
    if by_group.get("stage") or any(not m.value.hedged for m in by_group.get("histology", [])):
        return False
    if any(m.value.role in ("metastasis", "recurrence") and _metastasis_word(m.value.cue) and not m.negated
           for m in sites):
        return False
    pattern = read_patterns(config.roles)["report"].get("benign")
    if not pattern:
        return False
    benign = compile_pattern(pattern)
    sentences = {m.sentence for group in by_group.values() for m in group if not m.negated}
    return any(benign.search(sentence) for sentence in sentences)


def _unknown_primary_spread(primary: Mention, mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says its primary is unknown (``[report] unknown_primary``: "brain and
    adrenal metastasis from unknown primary tumor") and names the organ read as the primary as a
    metastasis ("the adrenal tumor was diagnosed as an adenocarcinoma" is that metastasis)."""
    said = [m for m in mentions if m.section not in EXCLUDED_SECTIONS]
    unknown = compile_pattern(read_patterns(config.roles)["report"]["unknown_primary"])
    if not any(unknown.search(sentence) for sentence in {m.sentence for m in said}):
        return False
    return any(m.group == "sites" and m.value.site == primary.value.site and m.value.role == "metastasis"
               and not m.negated for m in said)


def _tnm_cue(cue: str | None) -> bool:
    """True for the cue of a node read from a TNM category ("T1bN1", "pN2")."""
    return bool(cue) and re.search(r"N[1-3]", cue) is not None and any(c.isdigit() for c in cue)


def _organ_of_type(histology: Mention, by_group: dict[str, list[Mention]],
                   config: AssemblyConfig = DEFAULT, fallback: bool = False) -> str | None:
    """The organ a case's type names by itself ("NSCLC" -> lung, "hepatoblastoma" -> liver;
    ``histology/organs.tsv``), for a case whose text names no primary site. A type named only in
    a sentence of past history, with no stage, metastasis or recurrence now, makes no cancer case
    (as in :func:`_past_cancer_only`)."""
    organ = _type_organ(histology, config) if not fallback else _fallback_organs(config.organs).get(
        histology.value.histology)
    if organ is None:
        return None
    # a type only weighed ("Hepatocellular carcinoma and metastasis were considered, but MRI
    # showed focal nodular hyperplasia") names no organ of the patient's
    if _type_only_weighed(histology, by_group, config):
        return None
    sites = by_group.get("sites", [])
    if by_group.get("stage") or any(m.value.role in ("metastasis", "recurrence") for m in sites):
        return organ
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    return None if history.search(histology.sentence) else organ


def _lesion_site(histology: Mention, by_group: dict[str, list[Mention]], mentions: list[Mention],
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
    if _type_only_weighed(histology, by_group, config):
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
    unknown = compile_pattern(spec["unknown_primary"])
    # a reference list's or a sidebar's "metastases from an occult primary" is another article's
    if any(unknown.search(sentence) for sentence in {m.sentence for m in mentions if m.section not in EXCLUDED_SECTIONS}):
        return None
    # "metastatic melanoma" with no primary named: the lesion presented is the metastasis, unless
    # a sentence before the first "metastatic <type>" gives the lesion its type itself ("a lesion of
    # the cervix, and biopsy revealed squamous cell carcinoma" ... "the node confirmed metastatic
    # squamous cell carcinoma")
    types = by_group.get("histology", [])
    metastatic = [m.start for m in types if METASTATIC_BEFORE.search(m.sentence[:m.start - m.sentence_start])]
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


def _type_organ(histology: Mention, config: AssemblyConfig = DEFAULT, fallback: bool = False) -> str | None:
    """The organ a type names by itself ("NSCLC" -> lung, "invasive ductal carcinoma" -> breast), or None;
    with ``fallback``, also the organ a type mostly arises in ("osteosarcoma" -> bone), for a case
    that names no primary."""
    by_type, by_written = _type_organs(config.organs)
    organ = by_written.get(_type_key(histology.value.written)) or by_type.get(histology.value.histology)
    if organ is None and fallback:
        organ = _fallback_organs(config.organs).get(histology.value.histology)
    return organ


def _type_key(written: str) -> str:
    return "".join(ch for ch in written.lower() if ch.isalnum()).removesuffix("s")


@lru_cache(maxsize=None)
def _type_organs(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised type -> organ, written type key -> organ) of ``histology/organs.tsv``."""
    by_type, by_written = {}, {}
    for row in read_table(path):
        if row["kind"] == "written":
            by_written[_type_key(row["key"])] = row["site"]
        elif row["kind"] == "histology":
            by_type[row["key"]] = row["site"]
    return by_type, by_written


@lru_cache(maxsize=None)
def _fallback_organs(path: str) -> dict[str, str]:
    """Normalised type -> the organ it mostly arises in (kind 'fallback' of ``histology/organs.tsv``)."""
    return {row["key"]: row["site"] for row in read_table(path) if row["kind"] == "fallback"}


def _bare_tumour(cue: str | None) -> bool:
    return (cue or "").lower().rstrip("s") in ("tumor", "tumour")


def _histology(mentions: list[Mention], sites: list[Mention] = (), primary_site: str | None = None,
               config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The type named most often, the narrower type counting the mentions of a broader one the
    case also names ("non-small cell carcinoma" on cytology, then "giant cell carcinoma"). A
    type written for another organ than the case's primary ("squamous cervical cancer" first
    diagnosed, then "serous adenocarcinoma of the ovary" metastatic to the cervix) counts only
    when no type is written for the primary's organ or without an organ. A type named as a
    possibility or a misdiagnosis ("suspicious for squamous cell carcinoma") is not the case's."""
    mentions = [m for m in mentions if not (m.value.hedged)]
    if not mentions:
        return None
    if primary_site:
        mentions = [m for m in mentions if _named_organ(m, sites) in (None, primary_site)] or mentions
        # a type of one organ only (``histology/organs.tsv``) that is not the primary's is another
        # cancer's ("papillary ductal carcinoma" of a breast cancer treated 29 years before the ovarian one)
        own = [m for m in mentions if _type_organ(m, config) in (None, primary_site)]
        if not own:
            return None
        mentions = own
    counts = Counter(m.value.histology for m in mentions)
    for mention in mentions:  # the final diagnosis outweighs the reads before it ("a biopsy read ...,
        if getattr(mention.value, "final", False):  # then a diagnosis of ... melanoma was established")
            counts[mention.value.histology] += len(mentions)
    broader = _broader_types(config.parents)
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
        own = [m for m in tied if _named_organ(m, sites) == primary_site]
        if own:
            return own[0]
    return tied[0]


def _without_keyword_mimics(histology: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The types without those named only in a keyword list ("Ewing sarcoma, Osteomyelitis, Periosteal
    reaction") of a report whose sentences name them only as a possibility, a mimic or in general
    ("osteomyelitis with suspected Ewing sarcoma", "Ewing sarcoma can masquerade as osteomyelitis"):
    a report's keywords name its topic, and the mimicked cancer is part of it."""
    said = {}  # each type: named for the patient in a sentence that is no keyword list
    for mention in mentions:
        if mention.group == "histology" and not _keyword_list(mention.sentence):
            name = mention.value.histology
            said[name] = said.get(name, False) or not (mention.value.hedged or mention.subject == "generic")
    return [m for m in histology if not (_keyword_list(m.sentence) and said.get(m.value.histology) is False)]


def _keyword_list(sentence: str) -> bool:
    return KEYWORD_LIST.match(sentence) is not None and CLAUSE_WORD.search(sentence) is None


def _named_organ(histology: Mention, sites: list[Mention]) -> str | None:
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


def _histology_with_site(mentions: list[Mention], primary_site: str | None,
                         config: AssemblyConfig = DEFAULT) -> Mention | None:
    """When no sentence about the patient names a type: the type the report names with the
    case's primary site ("squamous cell carcinoma of the vulva" in its title, keywords or a
    sentence not about that cancer in general), if not negated and outside references and back matter."""
    if not primary_site:
        return None
    with_site = {m.sentence_start for m in mentions
                 if m.group == "sites" and m.value.site == primary_site and m.value.role == "primary"}
    pool = [m for m in mentions if m.group == "histology" and m.sentence_start in with_site
            and not m.negated and not m.hypothetical and m.subject != "generic" and m.section not in EXCLUDED_SECTIONS]
    # "a case of gastric carcinoma and renal cell carcinoma": the other organ's type is not the primary's
    return _histology(pool, primary_site=primary_site, config=config)


@lru_cache(maxsize=None)
def _broader_types(path: str) -> dict[str, frozenset[str]]:
    broader: dict[str, set[str]] = {}
    for row in read_table(path):
        broader.setdefault(row["histology"], set()).add(row["broader"])
    return {name: frozenset(names) for name, names in broader.items()}


def _most_frequent(mentions: list[Mention], key) -> Mention | None:
    """The first mention of the value named most often; ties go to the earliest (title,
    abstract), so one initial misdiagnosis does not outweigh the final one repeated."""
    if not mentions:
        return None
    counts = Counter(key(m.value) for m in mentions)
    best = max(counts.values())
    return next(m for m in mentions if counts[key(m.value)] == best)


@lru_cache(maxsize=1)
def _site_facts() -> dict[str, dict[str, str]]:
    return {row["site"]: row for row in read_table("cases/sites.tsv")}


def _spread(kept: list[Mention], mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
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
    benign_after = _benign_pathology(mentions, config)
    return [
        m for m in spread
        if (m.value.site in affirmed or not m.hypothetical or ruled_out.get(m.value.site, -1) <= m.sentence_start)
        and not _suspicion_ruled_out(m, benign_after, config)
    ]


def _site_family(site: str) -> str:
    """Bone and spine are one skeleton for a suspicion and its biopsy ("osseous metastases" / "the sacrum")."""
    return "bone" if site in ("bone", "spine") else site


def _benign_pathology(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> dict[str, int]:
    """The last sentence start, by site family, of a pathology sentence naming that site and a benign
    disease ("biopsy of the femur lesion was diagnostic of sarcoidosis with no evidence of cancer")."""
    spec = read_patterns(config.roles)["report"]
    if not spec.get("benign") or not spec.get("pathology"):
        return {}
    benign, pathology = compile_pattern(spec["benign"], 0), compile_pattern(spec["pathology"], 0)
    found: dict[str, int] = {}
    for m in mentions:
        if m.group == "sites" and pathology.search(m.sentence) and benign.search(m.sentence):
            family = _site_family(m.value.site)
            found[family] = max(found.get(family, -1), m.sentence_start)
    return found


def _suspicion_ruled_out(mention: Mention, benign_after: dict[str, int], config: AssemblyConfig = DEFAULT) -> bool:
    if benign_after.get(_site_family(mention.value.site), -1) <= mention.sentence_start:
        return False
    pattern = read_patterns(config.roles)["report"].get("suspected_spread")
    if not pattern:
        return False
    before = mention.sentence[:max(0, mention.start - mention.sentence_start)]
    return compile_pattern(pattern, 0).search(before) is not None


def _without_benign_nodes(spread: list[Mention], mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Nodal disease read from a finding ("enlarged para-aortic nodes", "inguinal
    lymphadenopathy") is dropped when the report says of nodes that they are reactive, benign,
    negative for malignancy or N0 (``[nodes] benign`` of roles.toml); nodes named as metastases
    stay."""
    read = [m for m in spread if m.value.site == "lymph node" and _node_finding(m.value.cue)]
    pattern = read_patterns(config.roles).get("nodes", {}).get("benign")
    if not read or not pattern:
        return spread
    benign = compile_pattern(pattern, 0)
    said = {m.sentence for m in mentions if m.group == "sites" and m.value.site == "lymph node"}
    said |= {m.text for m in mentions if m.group == "stage"}
    if any(benign.search(text) for text in said):
        return [m for m in spread if m not in read]
    return spread


def _local_site(mention: Mention, primary_site: str | None, spread: list[Mention]) -> str | None:
    """The site of a local recurrence that names no organ: the case's primary site, unless its
    sentence names where it recurred ("a local recurrence in the vaginal cuff" is the vagina's)."""
    if primary_site is None or LOCAL_GENERIC.search(mention.sentence):
        return None
    if any(m.sentence_start == mention.sentence_start and m.value.site != LOCAL_SITE
           and m.value.role == "recurrence" for m in spread):
        return None
    return primary_site


def _another_organ_outside_the_list(mention: Mention, site: str, primary_site: str | None,
                                    primary_written: str | None) -> bool:
    """True for a metastasis in an organ outside the site list of a primary outside it too ("a testicular
    metastasis" of a prostate cancer: both "other"): the words name two organs, not one (their first
    letters differ: "testicular" / "prostate", not "pelvis" / "pelvic")."""
    if site != OTHER_SITE or primary_site != OTHER_SITE or not primary_written:
        return False
    return _organ_stem(mention.value.written) != _organ_stem(primary_written)


def _organ_stem(written: str) -> str:
    return "".join(ch for ch in written.lower() if ch.isalpha())[:ORGAN_STEM]


def _local_recurrence(mention: Mention) -> bool:
    low = (mention.value.cue or "").lower()
    return ("recurr" in low or "relaps" in low) and LOCAL.search(mention.sentence) is not None


def _contralateral(mention: Mention) -> bool:
    """True for a metastasis in the other one of a paired organ ("metastases ... to the other kidney",
    "contralateral lung nodules" of a lung cancer: M1a), which is a site even though it is the primary's organ."""
    if mention.value.role != "metastasis" or mention.value.site not in PAIRED_ORGANS:
        return False
    return CONTRALATERAL.search(mention.sentence, 0, max(0, mention.start - mention.sentence_start)) is not None


def _elsewhere_in_system(mention: Mention) -> bool:
    """True for a metastasis named as such in an organ system spread through the body whose primary
    arose in it ("bone metastases" of a femoral osteosarcoma, "skin metastases" of a cutaneous melanoma):
    another part of that system, a distant site."""
    return (mention.value.role == "metastasis" and mention.value.site in BODY_SYSTEMS
            and "metasta" in (mention.value.cue or "").lower())


def _mimic_report(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when a sentence of the report says a disease mimicked or was misdiagnosed as a cancer or a
    metastasis (``[report] mimicked``): in a case that names no cancer, its metastases are the mimic's."""
    pattern = read_patterns(config.roles)["report"].get("mimicked")
    if not pattern:
        return False
    mimicked = compile_pattern(pattern)
    return any(mimicked.search(sentence) for sentence in {m.sentence for m in mentions})


# The site the sites lexicon gives a local recurrence that names no organ (models/sites/sites.tsv).
LOCAL_SITE = "local"
# A sentence that speaks of local recurrence as a risk, a rate or something to prevent, not as an event
# of the patient ("wide margins are needed to prevent local recurrence", "local recurrence-free survival").
LOCAL_GENERIC = re.compile(r"(?i)(?<![\w-])(?:prevent\w*|reduc\w*|lower\w*|minimi[sz]\w*|avoid\w*|risks?|rates?|"
                           r"incidence|probability|likelihood|chances?|predict\w*|(?:is|are)\s+(?:\w+\s+)?(?:common|rare|frequent|"
                           r"uncommon|higher|lower|reported)|recurrence-free|relapse-free|free\s+survival)(?![\w-])")
# "metastatic" (or "metastatic poorly differentiated") just before a type: the type of a spread.
METASTATIC_BEFORE = re.compile(r"(?<![\w-])metasta\w*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# The digestive tract named as a whole ("gastrointestinal metastases"): no site of its own beside a
# metastasis in one of its organs.
GI_ORGANS = frozenset({"stomach", "small intestine", "colon", "rectum"})
BROAD_GI = re.compile(r"(?i)^(?:gastro-?intestinal|gi|digestive|bowel|intestinal)(?:\s+tract)?$")
# Organ systems spread through the body: a metastasis elsewhere in the primary's system is a site of its own.
BODY_SYSTEMS = frozenset({"bone", "skin", "soft tissue", "muscle"})
# Paired organs: a metastasis to the other one is a site of its own (``_contralateral``).
PAIRED_ORGANS = frozenset({"kidney", "lung", "breast", "ovary", "adrenal gland", "fallopian tube"})
CONTRALATERAL = re.compile(r"(?i)(?<![\w-])(?:contralateral|opposite|other|remaining)\s+(?:[\w-]+\s+)?$")
# Words that place a recurrence where the primary was.
LOCAL = re.compile(r"(?i)(?<![\w-])(?:local(?:ly)?|loco-?regional(?:ly)?|ipsilateral|in-breast)(?![\w-])")


def _node_finding(cue: str | None) -> bool:
    low = (cue or "").lower()
    return any(word in low for word in NODE_FINDING_WORDS)


def _reported_spread(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
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


def _metastasis_word(cue: str | None) -> bool:
    """True when a site's cue says metastasis outright ("metastases to", "pN1", "Sister Mary
    Joseph nodule"), not only "spread", "recurrence" or "deposits"."""
    low = (cue or "").lower()
    return "metasta" in low or "carcinomatosis" in low or "mets" in low or "secondar" in low or any(
        c.isdigit() for c in low) or (bool(low) and not any(w in low for w in WEAK_SPREAD_WORDS))


# Cue words that name a metastasis in a report about a cancer but something else in one about no
# cancer ("recurrent dislocation", "spread of the infection", "amyloid deposits", "implants").
# Cue words of lymph nodes read as diseased from a finding, not named as metastases.
NODE_FINDING_WORDS = ("enlarg", "swollen", "swelling", "bulky", "palpable", "hypermetabolic", "avid", "matted",
                      "lymphadenopath", "adenopath", "lymphadenectas")
WEAK_SPREAD_WORDS = ("recurr", "relaps", "spread", "disseminat", "seed", "implant", "deposit", "involv", "infiltr",
                     "progress", "positive", "nodul", "invad", "lesion", "tumo", "mass") + NODE_FINDING_WORDS


def _nodal_stage(stage: str | None, primary_site: str | None) -> bool:
    """True when the FIGO stage of that primary means regional lymph-node metastasis."""
    prefixes = tuple(_site_facts().get(primary_site or "", {}).get("nodal_stages", "").split())
    return bool(stage and prefixes and stage.startswith(prefixes))


def _figo_stage(stages: list[Mention], primary_site: str | None, title: str | None = None,
                sites: list[Mention] = ()) -> Mention | None:
    """The first stage stated; FIGO stages belong to gynaecological primaries, so a bare
    "stage IV" of a lung cancer is not one, nor is a stage written with another organ's cancer
    ("chemoradiotherapy for stage IB2 cervical cancer" of a case of a later endometrial cancer). A
    title abbreviates ("Stage I vulvar carcinoma with early relapse"): when the text then gives that
    stage's sub-stage ("stage IB"), the sub-stage is the one stated."""
    gynaecological = _site_facts().get(primary_site or "", {}).get("figo") == "yes"
    figo = [m for m in stages if m.label == "FIGO_STAGE" and (m.value.figo or gynaecological)
            and not _other_organs_stage(m, sites, primary_site)]
    if not figo:
        return None
    first = figo[0]
    if title and first.sentence.strip() and first.sentence.strip() in title:
        stage = first.value.stage
        refined = next((m for m in figo[1:] if m.value.stage != stage and m.value.stage.startswith(stage)
                        and m.value.stage[len(stage)] not in "IV"), None)
        return refined or first
    return first


def _other_organs_stage(stage: Mention, sites: list[Mention], primary_site: str | None) -> bool:
    """True when the organ named right by the stage ("stage IB2 cervical cancer", "ovarian cancer,
    FIGO stage IIIC") is a primary other than the case's."""
    if primary_site is None:
        return False
    near = {m.value.site for m in stated_primaries(sites) if m.sentence_start == stage.sentence_start
            and (0 <= m.start - stage.end <= STAGE_ORGAN_REACH or 0 <= stage.start - m.end <= STAGE_ORGAN_REACH)}
    return bool(near) and primary_site not in near


def _final_type_organ(histology: list[Mention], config: AssemblyConfig = DEFAULT) -> tuple[str, Mention] | None:
    """The organ named by the types of the case's final diagnosis (``final`` of histology.toml: "the
    final diagnosis was SCLC with liver metastases") when they name one (``histology/organs.tsv``),
    with the mention that names it."""
    named = [(organ, m) for m in histology if getattr(m.value, "final", False) and not m.value.hedged
             and not m.negated and (organ := _type_organ(m, config))]
    return named[0] if named and len({organ for organ, _ in named}) == 1 else None


def _mimic_primary_only(by_group: dict[str, list[Mention]], mentions: list[Mention],
                        config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says a disease mimicked a cancer (``mimic_report`` of histology.toml:
    "autoimmune pancreatitis mimicking pancreatic cancer", "often misdiagnosed as pancreatic cancer") and
    the case affirms no metastasis or recurrence of one."""
    pattern = read_patterns(config.histology).get("mimic_report")
    if not pattern:
        return False
    if any(m.value.role in ("metastasis", "recurrence") and _metastasis_word(m.value.cue) and not m.negated
           and not m.hypothetical for m in by_group.get("sites", [])):
        return False
    mimic = compile_pattern(pattern)
    return any(mimic.search(sentence) for sentence in {m.sentence for m in mentions})


def _marrow_type(histology: list[Mention], by_group: dict[str, list[Mention]],
                 config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The case's type when it is a disease of the bone marrow (``histology/organs.tsv``: leukaemias,
    myeloma), named as the patient's (not only hedged, weighed or of the past history alone)."""
    best = _histology(histology, config=config)
    if best is None or _type_organ(best, config) != MARROW or _type_only_weighed(best, by_group, config):
        return None
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    current = [m for m in histology if not m.value.hedged and not history.search(m.sentence)]
    return best if current else None


def _age(demographics: list[Mention]) -> Mention | None:
    """The first age given for the patient: not a relative's, and an age "at the age of 12"
    (often of an earlier event) only when no other is given."""
    ages = [m for m in demographics if m.label == "AGE" and not m.value.relative]
    preferred = [m for m in ages if m.value.form != "at_age"]
    return (preferred or ages or [None])[0]


def _sex_of_spread(case: Case) -> None:
    """The sex the case's metastasis sites imply when no word of the text names it (an ovary, a uterus
    only a woman has: ``cases/sites.tsv``), with the evidence of that site."""
    facts = _site_facts()
    implied = [e for e in case.evidence if e.field == "metastasis_sites" and e.kept
               and facts.get(e.value, {}).get("sex")]
    if implied and len({facts[e.value]["sex"] for e in implied}) == 1:
        first = implied[0]
        case.sex = facts[first.value]["sex"]
        case.evidence.append(Evidence("sex", case.sex, first.sentence, first.start, first.end,
                                      first.sentence_start, first.qualifiers))


def _sex(demographics: list[Mention], case: Case, keep) -> str | None:
    """The sex word of the patient's age phrase ("a 30-year-old woman"); else the sex said most
    often by words, then by pronouns; else the one the primary site implies."""
    words = [m for m in demographics if m.label == "SEX" and not m.value.plural and not m.value.relative]
    explicit = [m for m in words if not m.value.pronoun and not m.value.inferred]
    age = _age(demographics)
    if age is not None and age.value.sex and not age.value.relative:
        # "a 30-year-old woman ... she delivered a male infant ... the male neonate"
        noun = next((m for m in explicit if m.value.sex == age.value.sex and age.start <= m.start <= age.end + 40), None)
        if noun is not None:
            return keep("sex", noun.value.sex, noun)
    for pool in (explicit, words):
        if pool:
            counts = Counter(m.value.sex for m in pool)
            sex = counts.most_common(1)[0][0]
            return keep("sex", sex, next(m for m in pool if m.value.sex == sex))
    if age is not None and age.value.sex and not age.value.relative and age.value.noun:
        # "a 30-year-female", "an 85-year-oldman": the sex word is glued into the age's token
        return keep("sex", age.value.sex, age)
    implied = _site_facts().get(case.primary_site or "", {}).get("sex")
    return implied or None
