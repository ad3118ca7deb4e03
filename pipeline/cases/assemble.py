"""Mentions of one report -> one Case per patient, with the contract's normalisations
(ANNOTATION.md) and the evidence of every value."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.course_dates import course_dates
from pipeline.cases.figo import choose_figo_stage, nodal_stage
from pipeline.cases.index_terms import indexed_sex, title_condition_sex
from pipeline.cases.histology_choice import (
    choose_histology, histology_with_site, marrow_type, with_shared_refinement, without_keyword_mimics,
)
from pipeline.cases.labs import case_labs
from pipeline.cases.mentions import Mention, PatientStart
from pipeline.cases.organs import MARROW, OTHER_SITE, anatomy_sexes, lining_site, primary_sex, site_facts, type_organ
from pipeline.cases.outcome import case_outcome, group_outcomes, series_outcomes
from pipeline.cases.outcome_misread import may_be_mother
from pipeline.cases.outcome_title import title_outcome
from pipeline.cases.patients import (
    about_patient, group_sex, preamble, recommendation_followed, split_by_patient, title_disease,
)
from pipeline.cases.primary import choose_primary_site, later_same_type, unknown_primary_spread
from pipeline.cases.primary_no_cancer import (
    benign_tumour_only, is_mimic_report, late_effect_only, mimic_primary_only, past_cancer_only,
)
from pipeline.cases.primary_of_type import (
    final_type_organ, lesion_site, organ_of_type, organ_written_after, organ_written_before,
)
from pipeline.cases.primary_regions import organ_outside_the_list, region_tissue
from pipeline.cases.record import Case, Evidence
from pipeline.cases.series import group_spread, series_cases, shared_disease
from pipeline.cases.series_ages_in_order import ages_in_order
from pipeline.cases.series_newborns import mothers_age_in_newborn_report
from pipeline.cases.spread import (
    BROAD_GI, GI_ORGANS, LOCAL_SITE, another_organ_outside_the_list, elsewhere_in_system, haematolymphoid_spread,
    is_contralateral, local_recurrence, local_site, metastasis_word, neck_sense, reported_spread, spread_sites,
    without_benign_nodes,
)
from pipeline.cases.timeline import Dating, case_timeline
from pipeline.cases.treatments import case_staging, case_treatments, staging_mentions
from pipeline.ingest.report import Report
from pipeline.resources import compile_pattern, read_patterns


def assemble(report: Report, mentions: list[Mention], starts: list[PatientStart],
             config: AssemblyConfig = DEFAULT) -> list[Case]:
    """One Case per patient; ``config``: the components' data files (AssemblyConfig.of(nlp))."""
    shared = [m for m in preamble(mentions, starts) if about_patient(m)]
    # "the two children were discharged" in one case's part is every case's status
    shared += [m for m in group_outcomes(mentions) if m not in shared]
    titled = title_disease(mentions, starts, report.title)  # the later parts' fallback when no text precedes "Case 1"
    cases = []
    parts = split_by_patient(mentions, starts, config.patients)
    for number, part in enumerate(parts, 1):
        case = Case(doc=report.name, case=number, title=report.title, doi=report.doi, pmid=report.pmid,
                    pmcid=report.pmcid, journal=report.journal, year=report.year, authors=list(report.authors))
        _fill(case, part, shared + (titled if number > 1 else []), config, several=len(parts) > 1, report=report)
        together = group_sex(shared)  # "two young women" before "Case 1", when the case's part says no sex
        if case.sex is None and together is not None:
            case.sex = together.value.sex
            case.evidence.append(Evidence("sex", case.sex, together.sentence, together.start, together.end,
                                          together.sentence_start, together.qualifiers))
        if case.sex is None:  # "metastatic lesions of the uterus, fallopian tubes and ovaries" of "Patient K."
            _sex_of_spread(case)
        cases.append(case)
    if len(cases) > 1:  # "We present two cases of cutaneous metastases from RCC" before their parts (spread, drugs)
        group_spread(cases, shared, config.patients)
    rows = series_cases(report, cases, config.patients, config.sex_words)
    ages_in_order(rows, mentions)  # patients' ages told in order, when some rows read none
    # "Abdominal lymphoma in four boys": the boy whose part names no disease has the others'
    shared_disease(rows, report, min((s.start for s in starts), default=0))
    # patients announced but told together: each added row's status said of it by number or as a group
    # (and the first row's, when it had none: a status said of the group is its too, and the disease the
    # series named of the group may have made it a cancer case)
    added = rows[len(cases):]
    first = rows[0]
    # (a first row read as no cancer's until the series' disease made it one: its "recovered" was a
    # cancer status read the non-cancer way)
    reread = first.outcome is None or (first.outcome == "recovered" and first.primary_site is not None)
    series_outcomes(([first] if added and reread else []) + added, mentions, shared, config)
    if len(rows) == 1:
        title_outcome(rows[0], report.text, config)  # "Fatal disseminated strongyloidiasis in ..."
    for row in rows:
        # a PubMed page's "MeSH terms ... • Female": the one sex tag is every patient's whose text names none
        indexed_sex(row, report.text)
        title_condition_sex(row, report.title, report.text)  # "Peripartum cardiomyopathy: a case series"
    return rows


def _fill(case: Case, mentions: list[Mention], shared: list[Mention], config: AssemblyConfig = DEFAULT,
          several: bool = False, report: Report | None = None) -> None:
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
    age = _age(demographics) or (_kin_named_patient_age(mentions) if several else None)
    if age:
        case.age = keep("age", age.value.years, age)

    # a "Case 2" part that names no primary falls back on the title and abstract
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

    case.sex = _sex(demographics, case, keep)

    site_mentions = by_group.get("sites", []) + [m for m in shared if m.group == "sites"]
    typed = without_keyword_mimics(by_group.get("histology", []) or [m for m in shared if m.group == "histology"],
                                    mentions)
    typed = with_shared_refinement(typed, shared, config) if several else typed
    if case.primary_site == OTHER_SITE and not remote_only and not marrow:
        # "a Merkel cell carcinoma of the cheek": a region outside the site list gives way to the organ the
        # case's own type names by itself (histology/organs.tsv)
        own_type = choose_histology(typed, config=config)
        organ = type_organ(own_type, config) if own_type else None
        if organ and organ != OTHER_SITE:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", organ, own_type)
    histology = (choose_histology(typed, site_mentions, case.primary_site, config)
                 or histology_with_site(mentions, case.primary_site, config))
    if histology and not remote_only:
        case.histology = keep("histology", histology.value.histology, histology)
        organ = None if case.primary_site else organ_of_type(histology, by_group, config)
        lesion = None if case.primary_site or organ else lesion_site(histology, by_group, mentions, config)
        # "an epithelioid hemangioendothelioma of the liver": the organ written right after the type's name
        after = None if organ or lesion or case.primary_site or marrow else organ_written_after(typed, site_mentions)
        # a type mostly of one tissue ("osteosarcoma", "synovial sarcoma"), for a case with no primary read, or
        # only a region read as 'other' ("a myxoid liposarcoma of the thigh": a limb is no organ of the list)
        tissue = None if organ or lesion or after or case.primary_site not in (None, OTHER_SITE) \
            or (case.primary_site == OTHER_SITE and organ_outside_the_list(primary)) else \
            organ_of_type(histology, by_group, config, fallback=True)
        if organ:  # "stage IV NSCLC", "inoperable HCC": the type names its organ
            case.primary_site = keep("primary_site", organ, histology)
        elif lesion:  # "a solitary pulmonary nodule was resected ... the tumour was a LCNEC"
            case.primary_site = keep("primary_site", lesion.value.site, lesion)
        elif after:
            case.primary_site = keep("primary_site", after.value.site, after)
        elif tissue:
            evidence[:] = [e for e in evidence if e.field != "primary_site"]
            case.primary_site = keep("primary_site", tissue, histology)
        # "primary uterine non-Hodgkin's lymphoma": an organ word right before the type's name is its organ
        before = None if case.primary_site or marrow else organ_written_before(typed, site_mentions)
        if before:
            case.primary_site = keep("primary_site", before.value.site, before)
        # "a squamous cell carcinoma of the dorsum of the hand", "a liposarcoma in the left thigh": a type
        # written of a body region is of the tissue its family arises in (cases/regions.toml)
        region = None if marrow else region_tissue(histology, typed, case.primary_site, mine)
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
    if case.sex is None:  # "primary uterine lymphoma", "prostatic adenocarcinoma" of a patient no word names
        _sex_of_primary(case, evidence, config.sex_words)
    if case.sex is None:  # "A 54-year-old presented with scrotal pain", "underwent hysterectomy for a uterine mass"
        _sex_of_anatomy(case, by_group, evidence, config.sex_words)

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
    for mention in [] if remote_only else spread + reported_spread(mentions, config):
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
    for mention in course_dates(by_group.get("dates", []), mine):
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
                           cancer, case.case, several, config, mother=_may_be_mother(case, age, report, config),
                           title=case.title)
    if outcome:
        case.outcome = keep("outcome", outcome.value.category, outcome)

    case.treatments = case_treatments(own, config.procedures)
    dating = Dating(mine)
    case.labs = case_labs(mine, dating)
    case.timeline = case_timeline(mine, dating)
    staging = case_staging(mine)
    for name, mention in staging_mentions(mine).items():
        if mention is not None and staging[name] is not None:
            setattr(case, name, keep(name, staging[name], mention))
    case.evidence = evidence + _unused(mentions, evidence)


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


def _age(demographics: list[Mention]) -> Mention | None:
    """The first age given for the patient: not a relative's, and an age "at the age of 12"
    (often of an earlier event) only when no other is given."""
    ages = [m for m in demographics if m.label == "AGE" and not m.value.relative]
    preferred = [m for m in ages if m.value.form != "at_age"]
    return (preferred or ages or [None])[0]


def _sex_of_spread(case: Case) -> None:
    """The sex the case's metastasis sites imply when no word of the text names it (an ovary, a uterus
    only a woman has: ``cases/sites.tsv``), with the evidence of that site."""
    facts = site_facts()
    implied = [e for e in case.evidence if e.field == "metastasis_sites" and e.kept
               and facts.get(e.value, {}).get("sex")]
    if implied and len({facts[e.value]["sex"] for e in implied}) == 1:
        first = implied[0]
        case.sex = facts[first.value]["sex"]
        case.evidence.append(Evidence("sex", case.sex, first.sentence, first.start, first.end,
                                      first.sentence_start, first.qualifiers))


def _may_be_mother(case: Case, age: Mention | None, report: Report | None, config: AssemblyConfig) -> bool:
    """Whether the row is a woman who may be the mother of a newborn the report tells of: not when
    her age is the mother's written in a report about the newborn (the row is the newborn; see
    cases/series_newborns.py)."""
    if not may_be_mother(case):
        return False
    return not (report is not None and age is not None
                and mothers_age_in_newborn_report(report, age.start, age.end, config.patients))


def _kin_named_patient_age(mentions: list[Mention]) -> Mention | None:
    """In a report of several patients, the age of a patient its own part introduces by kinship to
    another ("Patient 2. During September, the infant's 47-year-old aunt had visited his home"):
    the part gives no other age, so the relative's age in its first two sentences is the patient's."""
    sentences = sorted({m.sentence_start for m in mentions})[:2]
    return next((m for m in mentions if m.group == "demographics" and m.label == "AGE" and m.value.relative
                 and m.value.form != "at_age" and m.sentence_start in sentences and not m.negated), None)


def _sex(demographics: list[Mention], case: Case, keep) -> str | None:
    """The sex word of the patient's age phrase ("a 30-year-old woman"); else the sex said most
    often by words, then by pronouns, then by obstetric or anatomical words; else the one the
    primary site implies."""
    words = [m for m in demographics if m.label == "SEX" and not m.value.plural and not m.value.relative]
    explicit = [m for m in words if not m.value.pronoun and not m.value.inferred]
    age = _age(demographics)
    if age is not None and age.value.sex and not age.value.relative:
        # "a 30-year-old woman ... she delivered a male infant ... the male neonate"
        noun = next((m for m in explicit if m.value.sex == age.value.sex and age.start <= m.start <= age.end + 40), None)
        if noun is not None:
            return keep("sex", noun.value.sex, noun)
    # a pronoun before an inferred sex: "difficulties for breastfeeding" of a newborn are the mother's
    pronouns = [m for m in words if m.value.pronoun]
    for pool in (explicit, pronouns, words):
        if pool:
            counts = Counter(m.value.sex for m in pool)
            sex = counts.most_common(1)[0][0]
            return keep("sex", sex, next(m for m in pool if m.value.sex == sex))
    if age is not None and age.value.sex and not age.value.relative and age.value.noun:
        # "a 30-year-female", "an 85-year-oldman": the sex word is glued into the age's token
        return keep("sex", age.value.sex, age)
    return None


def _sex_of_anatomy(case: Case, by_group: dict[str, list[Mention]], evidence: list[Evidence],
                    sex_words: str = DEFAULT.sex_words) -> None:
    """The sex that the patient's own organs or operations imply when no word of the patient's text names
    it and no primary does ("scrotal pain", "a uterine mass", "hysterectomy": the ``anatomy`` rows of the
    sex words), when all such words of the patient's sites and procedures agree."""
    organs = anatomy_sexes(sex_words)
    found = []
    for mention in by_group.get("sites", []) + by_group.get("procedures", []):
        if mention.negated or mention.hypothetical:
            continue
        for word in re.findall(r"[a-z][a-z-]*", mention.text.lower()):
            if word in organs:
                found.append((organs[word], mention))
    if found and len({sex for sex, _ in found}) == 1:
        sex, mention = found[0]
        case.sex = sex
        evidence.append(Evidence("sex", sex, mention.sentence, mention.start, mention.end, mention.sentence_start,
                                 ("inferred=anatomy",)))


def _sex_of_primary(case: Case, evidence: list[Evidence], sex_words: str = DEFAULT.sex_words) -> None:
    """The sex the case's primary cancer implies when no word of the patient's text names it: a
    primary site only one sex has (``cases/sites.tsv``: the uterus, the ovary), or, for a primary
    outside the site list, the organ its words name ("prostatic adenocarcinoma", "testicular
    seminoma": the ``anatomy`` rows of the sex words, ``sex_words``); the evidence is the primary's."""
    found = [e for e in evidence if e.field == "primary_site" and e.value == case.primary_site]
    if not found:
        return
    primary = found[-1]
    sex = primary_sex(case.primary_site, primary, sex_words)
    if sex:
        case.sex = sex
        evidence.append(Evidence("sex", sex, primary.sentence, primary.start, primary.end, primary.sentence_start,
                                 primary.qualifiers))
