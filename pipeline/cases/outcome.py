"""The outcome cell of a case: which of the patient's status statements is the status at last
follow-up (ANNOTATION.md: "status at last follow-up"), and which statements said elsewhere in the
report (of both patients, in the discussion, after a negated clause) count for it."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, stated_primaries
from pipeline.cases.patients import about_patient
from pipeline.cases.record import Case, Evidence
from pipeline.resources import compile_pattern, read_patterns

# Outcome categories that end the story whatever is said before them.
FINAL_OUTCOMES = ("died",)
# Statuses that a later recurrence or metastasis of the patient makes out of date.
SUPERSEDED_BY_RELAPSE = frozenset({"complete remission", "no evidence of disease", "partial response", "recovered"})
# The responses of a cancer case that a later statement of well-being alone ("she is doing well")
# does not replace.
RESPONSES = frozenset({"complete remission", "partial response", "stable disease"})
# How a non-cancer case's outcome phrases read (the others say nothing of its outcome).
NON_CANCER_READING = {"complete remission": "recovered", "no evidence of disease": "recovered", "recovered": "recovered", "died": "died"}


# The youngest age at which a patient's report may be her pregnancy's (a newborn's status is then
# another person's): below it the row's woman is a child (ANNOTATION.md ages in years).
MOTHER_MIN_AGE = 12


def may_be_mother(case: Case) -> bool:
    """Whether the row's patient is a woman old enough to be the mother of a newborn the report
    tells of (its status, "the baby died on day 2", is then not hers)."""
    return case.sex == "female" and case.age is not None and case.age >= MOTHER_MIN_AGE


def _about_patient_once_its_own(mention: Mention) -> bool:
    """Whether a status the context component gave to someone else would be the patient's were its
    subject the patient's (its section and qualifiers allow it)."""
    return about_patient(replace(mention, subject="probable"))


def _optional_pattern(spec: dict, key: str) -> re.Pattern | None:
    """The pattern ``key`` of a table of models/outcome/outcome.toml, or None when it has none."""
    return compile_pattern(spec[key]) if spec.get(key) else None


def _numbered_for(outcome: Mention, number: int) -> bool:
    """Whether a status is this row's as far as patients' numbers go: one said of "cases 1 and
    3" is theirs only; one said of nobody by number is anyone's."""
    return not outcome.value.cases or number in outcome.value.cases


def group_outcomes(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Statuses said of the report's own patients as a group ("both patients recovered", "the
    children were discharged on day 10"), wherever they stand. A status said of the group by
    its own words ("neither of these cases has shown any sign of recurrence", "in these cases,
    early antivenom resulted in successful recoveries") is the group's though the context
    component took "these cases" for other patients, unless another cue of the literature
    stands before it in its sentence."""
    subject = read_patterns(config.outcome)["subject"]
    reported = compile_pattern(subject["reported"])
    literature = _optional_pattern(subject, "literature")

    def names_own_group(m: Mention) -> bool:
        if m.subject not in ("other", "generic", "unknown"):
            return False
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        if reported.match(m.text) is None and reported.search(before) is None:
            return False
        # the group's own words ("in these cases") are no cue of the literature; another one is
        # ("in the outbreak reported by Lee, the patients recovered")
        rest = reported.sub(lambda g: " " * len(g.group()), before)
        if literature is not None and literature.search(rest):
            return False
        return _about_patient_once_its_own(m)

    return [m for m in mentions if m.group == "outcome" and m.value.subject_reported_group
            and (about_patient(m) or names_own_group(m))]


def _negated_elsewhere(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Outcome statements that the context component marked negated for a negation of an
    earlier clause ("she did not develop ototoxicity and was discharged home"): the patient's
    status after all ("[negation]" of models/outcome/outcome.toml)."""
    negation = {name: compile_pattern(pattern) for name, pattern in read_patterns(config.outcome).get("negation", {}).items()}
    if not {"cue", "clause"} <= negation.keys():
        return []  # a patterns file without the table: the context component's negation stands
    found = []
    for m in mentions:
        if m.group != "outcome" or not m.negated or not about_patient(replace(m, negated=False)):
            continue
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        cues = [c.end() for c in negation["cue"].finditer(before)]
        if not cues:
            continue
        clauses = [c.end() for c in negation["clause"].finditer(before, cues[-1])]
        if clauses:
            found.append(replace(m, negated=False))
    return found


def _mothers_own(mentions: list[Mention]) -> list[Mention]:
    """Outcome statements of "the mother" ("the mother made a good recovery and was discharged on
    day 5") that the context component gave to a relative: in the report of a pregnant or
    delivered woman they are the patient's own (called for an adult woman's row only)."""
    return [replace(m, subject="probable") for m in mentions
            if m.group == "outcome" and m.value.subject_mother and m.subject not in ("patient", "probable", "unknown")
            and _about_patient_once_its_own(m)]


# Sections that tell the patient's own story: the case description and, in a page or an abstract,
# the summary of it ("..., she succumbed to her illness, highlighting the difficulties in patients with
# many conditions": the abstract's status with a later clause about patients in general).
PATIENTS_CLAUSE_SECTIONS = ("case", "body", "abstract", "front")


def _patients_clause(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Outcome statements of the case description that the context component gave to the
    literature for a cue told after them in their sentence ("the patient remained clinically
    stable, exceeding the survival documented in the literature for similar cases"), in the case
    description or the abstract that sums it up: the clause of the status names the patient
    ("she", "the patient") and nothing before the phrase speaks of the literature or of other patients ("[subject] literature" of
    models/outcome/outcome.toml), so the cue is a later clause's and the status the patient's."""
    spec = read_patterns(config.outcome)["subject"]
    if "literature" not in spec:
        return []
    literature, patient = compile_pattern(spec["literature"]), compile_pattern(spec["nominative"])
    comparison = _optional_pattern(spec, "comparison")
    found = []
    for m in mentions:
        if m.group != "outcome" or m.subject not in ("other", "generic") or m.section not in PATIENTS_CLAUSE_SECTIONS:
            continue
        if m.value.subject_plural or m.value.subject_other_person or not _about_patient_once_its_own(m):
            continue
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        cues = list(literature.finditer(before))
        if cues:
            # "Similar to previously reported cases, the patient recovered": a comparison, then
            # the patient's own clause after the last cue of the literature
            own_clause = before[cues[-1].end():] + m.text
            if comparison is None or not comparison.search(before) or not patient.search(own_clause):
                continue
        elif not (patient.search(before[-80:] + m.text) or _definite_finding(m.text)):
            continue  # "the abscess had resolved on CT, similar to the cases reported by Lee": the patient's finding
        found.append(replace(m, subject="probable"))
    return found


def _definite_finding(written: str) -> bool:
    """Whether a status phrase opens with a finding of the patient's named by a definite or
    possessive article ("the abscess had resolved", "her rash cleared")."""
    return re.match(r"(?:the|her|his)\s", written, re.IGNORECASE) is not None


def _discussed_outcomes(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """Outcome statements of the discussion or conclusion that speak of no one else: when the
    case description states no status, "the reduction ... gave a favourable final outcome" in
    the discussion is the patient's; so is one of the background told of the patient or with a
    pronoun ("the patient eventually died", "after two weeks, she improved": the story under a heading
    read as the background) (a statement of the literature, of other patients or of
    patients in general carries a subject cue and stays out). A status told with a history cue
    and no "our patient" ("a previously described patient died of septic shock") is an earlier
    report's or an earlier episode's; one told after a cue of the literature in its sentence ("in
    one such case ... was reported in a patient ..., which was treated successfully") is the
    literature's ("[subject] literature" of models/outcome/outcome.toml)."""
    subject = read_patterns(config.outcome)["subject"]
    literature = _optional_pattern(subject, "literature")
    indefinite = _optional_pattern(subject, "indefinite")
    own_patient = _optional_pattern(subject, "own_patient")

    def of_the_literature(m: Mention) -> bool:
        # "In one such case, an abscess was reported in a patient ..., which was treated
        # successfully": a cue of the literature before the phrase in its sentence
        before = m.sentence[: max(0, m.start - m.sentence_start)]
        if m.subject != "patient" and literature is not None and literature.search(before):
            return True
        # "One patient died of respiratory failure": a patient the discussion names without the
        # report's own article, in a sentence that does not name the report's patient
        return (indefinite is not None and bool(indefinite.search(before + m.text))
                and not (own_patient is not None and own_patient.search(m.sentence)))

    return [m for m in mentions if m.group == "outcome" and (
                m.section in ("discussion", "conclusion") and m.subject in ("patient", "probable", "unknown")
                # a patient's own story under a heading read as the background ("After two weeks, she
                # improved clinically"): told of the patient in so many words or with a pronoun
                or m.section == "background" and m.subject in ("patient", "probable"))
            and not (m.negated or m.hypothetical)
            and not (m.historical and m.subject != "patient") and not of_the_literature(m)]


def _discharged_unrecovered(mention: Mention, unrecovered: re.Pattern | None) -> bool:
    """Whether ``mention`` is a bare discharge ("was discharged home", "at discharge, he still
    required oxygen") in a sentence that says the patient did not recover ("her sciatic nerve did
    not recover after the reduction, and she was discharged home with an orthosis"): the
    discharge tells where the patient went, not a recovery ("[negation] unrecovered" of
    models/outcome/outcome.toml). A discharge with its condition ("discharged in good condition")
    stays a recovery."""
    written = mention.text.strip().lower()
    if unrecovered is None or "discharg" not in written or DISCHARGE_CONDITION.search(written):
        return False  # "discharged in good condition" stays a recovery
    return unrecovered.search(mention.sentence) is not None


# The condition a discharge phrase itself states ("discharged in good condition", "discharged well").
DISCHARGE_CONDITION = re.compile(r"\b(?:good|stable|satisfactory|improved|excellent|fair|healthy|well|without|recovered)\b")


def _history_reader(config: AssemblyConfig = DEFAULT):
    """A test of whether a status is told as the history before the presentation ("he had
    recovered from an episode of pneumonia in 2019": "[history]" of models/outcome/outcome.toml),
    or None when the patterns file has no such table."""
    spec = read_patterns(config.outcome).get("history", {})
    if not {"pluperfect", "before"} <= spec.keys():
        return None
    pluperfect, before = compile_pattern(spec["pluperfect"]), compile_pattern(spec["before"])
    at_presentation = compile_pattern(spec["at_presentation"]) if spec.get("at_presentation") else None
    later_step = compile_pattern(spec.get("later_step") or "(?!)")
    introduction = compile_pattern(spec.get("introduction") or "(?!)")
    presents_after = compile_pattern(spec.get("presents_after") or "(?!)")
    until_presentation = compile_pattern(spec.get("until_presentation") or "(?!)")
    concession = compile_pattern(spec.get("concession") or "(?!)")

    def told_as_history(mention: Mention) -> bool:
        up_to_phrase = mention.sentence[: max(0, mention.end - mention.sentence_start)]
        if pluperfect.search(up_to_phrase) and before.search(mention.sentence):
            return True
        # "A 2.5-year-old boy with a history of X, fully corrected, with no sequela, presented ...":
        # a status inside the words that introduce the patient, before the verb of the presentation
        if introduction.match(mention.sentence) and presents_after.search(mention.sentence, mention.end - mention.sentence_start):
            return True
        # "achieved a late-onset partial response by continuing sorafenib in spite of the progressive
        # disease": the status the course overcame
        if concession.search(mention.sentence, 0, max(0, mention.start - mention.sentence_start)):
            return True
        # "He was discharged home on day of life 7 and did well until his presenting illness"
        if until_presentation.search(mention.sentence, mention.end - mention.sentence_start):
            return True
        # "On presentation, her diarrhea had already subsided": the state the patient came in with
        opening = at_presentation.match(mention.sentence) if at_presentation is not None else None
        return opening is not None and not later_step.search(
            mention.sentence, opening.end(), max(opening.end(), mention.start - mention.sentence_start))

    return told_as_history


# The statuses a summing-up sentence may end on after the spread it names ("the first report of
# metastatic leiomyosarcoma to the pancreas managed by enucleation, with no recurrence").
FAVOURABLE = frozenset({"complete remission", "no evidence of disease", "recovered"})


def _continued_after(spread: Mention, status: Mention, continued: re.Pattern | None) -> bool:
    """Whether the words between a spread and a status after it in their sentence carry the story
    on to a later state ("was diagnosed with liver metastasis and has remained free from
    recurrence": "[relapse] continued" of models/outcome/outcome.toml), so that the status is the
    patient's at the end rather than a description of the spread."""
    if continued is None:
        return False
    between = spread.sentence[max(0, spread.end - spread.sentence_start): max(0, status.start - spread.sentence_start)]
    return continued.search(between) is not None


def _summed_up(spread: Mention, outcomes: list[Mention]) -> bool:
    """Whether a spread told after a status stands in a sentence that itself ends on a favourable
    status of the patient after it ("metastatic leiomyosarcoma to the pancreas being managed by
    enucleation, with a successful follow-up and no recurrence", "the metastatic lesions disappeared"):
    a summing-up of the course that the status already ended, not a relapse after it."""
    return any(o.sentence_start == spread.sentence_start and o.start > spread.start
               and o.value.category in FAVOURABLE for o in outcomes)


def _outcome(outcomes: list[Mention], sites: list[Mention], cancer: bool | None = None,
             config: AssemblyConfig = DEFAULT, one_patient: bool = False, mother: bool = False) -> Mention | None:
    """Status at last follow-up: death if stated; else the last status said to be current
    ("at the last follow-up", "at present"); else the last status written.

    ``cancer``: whether the case has a primary cancer, as its row says (default: any primary
    site among ``sites``). A case with a primary cancer reads the cancer statuses; "recovered" is the status of a
    non-cancer case (ANNOTATION.md), whose "complete resolution", "doing well" or "no
    recurrence" mean recovery and whose "stable" or "progressive" say nothing of the contract's
    values. In a cancer case, a remission followed, in a later sentence of the same section, by a
    recurrence, or by a metastasis told as an event ("six months later, lung metastases were
    found") or to a site not named before it, is no longer the status; a general comment,
    a sentence that retells the whole case or one of advice ("[relapse]" of models/outcome/outcome.toml)
    does not count (an
    abstract's summary and the case description each tell the story in order; one section's
    remission is not undone by another section's retelling).

    ``one_patient``: the report tells one patient's story, so that a recovery of a non-cancer
    case followed by a new admission of the patient ("she was readmitted", "at the current
    admission") is an earlier episode's, not the status at the end ("[supersede]" of
    models/outcome/outcome.toml; in a report of several patients the admission may be the next
    patient's).

    ``mother``: the row is a woman who may be a mother (an adult female patient), so that a
    newborn's status ("the baby died on day 2") is another person's and "the mother made a good
    recovery" hers; otherwise "the mother" is another person, as in a newborn's report."""
    if cancer is None:
        cancer = bool(stated_primaries(sites))
    relapses = [m for m in sites if m.value.role in ("metastasis", "recurrence")]
    relapse = {name: compile_pattern(pattern) for name, pattern in read_patterns(config.outcome)["relapse"].items()}
    framing = _optional_pattern(read_patterns(config.outcome)["subject"], "framing")
    retold, advice = relapse.get("retold"), relapse.get("advice")  # the case retold whole; what is to be done in general

    def superseded(outcome: Mention) -> bool:
        if not cancer or outcome.value.category not in SUPERSEDED_BY_RELAPSE:
            return False
        if outcome.value.category == "no evidence of disease" and any(
            r.sentence_start == outcome.sentence_start and r.start < outcome.start
            and not _continued_after(r, outcome, relapse.get("continued")) for r in relapses
        ):
            return True  # "metastases to the skin and spleen without local recurrence": the spread, not a status
        if framing is not None and framing.search(outcome.sentence[: max(0, outcome.start - outcome.sentence_start)]):
            return False  # "We report a patient who experienced complete remission": the story told after it came before
        later = [r for r in relapses if r.section_start == outcome.section_start and r.sentence_start > outcome.sentence_start
                 and not _summed_up(r, outcomes) and not (retold and retold.search(r.sentence)) and not (advice and advice.search(r.sentence))]
        known = {r.value.site for r in relapses if r.section_start == outcome.section_start and r.sentence_start <= outcome.sentence_start}
        for r in later:
            event = relapse["event"].search(r.sentence) is not None
            if relapse["comment"].search(r.sentence) and not event:
                continue  # "an option for patients with cervical metastases"
            if r.value.role == "recurrence" or r.value.site not in known or event:
                return True
        return False

    unrecovered = read_patterns(config.outcome).get("negation", {}).get("unrecovered")
    unrecovered = compile_pattern(unrecovered) if unrecovered else None
    told_as_history = _history_reader(config)
    candidates = []
    for mention in outcomes:
        category = mention.value.category if cancer else NON_CANCER_READING.get(mention.value.category)
        if category is None or (cancer and category == "recovered"):
            continue
        if category == "recovered" and _discharged_unrecovered(mention, unrecovered):
            continue  # "her nerve did not recover, and she was discharged with an orthosis"
        other_person = mention.value.subject_other_person and not (mother and mention.value.subject_mother)
        if mother and mention.value.subject_newborn:
            other_person = True  # "the baby died on day 2" in the mother's report
        if mention.value.subject_plural or other_person or superseded(mention):
            continue  # a group's, a relative's, a donor's or a newborn's status; or out of date
        if one_patient and category == "recovered" and mention.value.readmitted_after:
            continue  # an earlier episode's recovery: the patient came back after it
        if category not in FINAL_OUTCOMES and told_as_history is not None and told_as_history(mention):
            continue  # "he had recovered from an episode of pneumonia in 2019": the history
        if category != mention.value.category:
            mention = replace(mention, value=replace(mention.value, category=category))
        candidates.append(mention)
    if not candidates:
        return None
    for category in FINAL_OUTCOMES:
        final = [m for m in candidates if m.value.category == category]
        if final:
            return final[-1]
    follow_up = [m for m in candidates if m.value.last_follow_up]
    chosen = (follow_up or candidates)[-1]
    if cancer and _wellbeing_only(chosen, config):
        # "a complete metabolic response ... she has been doing well": the response stands
        responses = [m for m in candidates if m.value.category in RESPONSES and m.start < chosen.start]
        if responses:
            return responses[-1]
    return chosen


def _wellbeing_only(mention: Mention, config: AssemblyConfig = DEFAULT) -> bool:
    """Whether a cancer case's "no evidence of disease" statement tells the patient's well-being
    only ("she has been doing well", "alive and well"), naming neither the disease nor a test of
    it ("[wellbeing] names_disease" of models/outcome/outcome.toml)."""
    if mention.value.category != "no evidence of disease":
        return False
    pattern = read_patterns(config.outcome).get("wellbeing", {}).get("names_disease")
    return bool(pattern) and compile_pattern(pattern).search(mention.text) is None


def _outside_title(mentions: list[Mention], title: str | None) -> list[Mention]:
    """The mentions whose sentence is not the report's title (nor a part of it): a title tells the
    course of the case ("Rapid progression of a liver tumour ...", "Recovery from ..."), not the
    status at last follow-up; a title that calls the case fatal is read by :func:`title_outcome`."""
    wanted = " ".join((title or "").split()).lower()
    if not wanted:
        return mentions
    return [m for m in mentions if not _is_title(m.sentence, wanted)]


def _outside_metadata(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The mentions whose sentence holds no citation metadata ("[title] metadata" of
    models/outcome/outcome.toml): on a page flattened to one line, the title stands in the sentence of
    its journal line and is no status, as a title is not."""
    pattern = _optional_pattern(read_patterns(config.outcome).get("title", {}), "metadata")
    return mentions if pattern is None else [m for m in mentions if not pattern.search(m.sentence)]


def _is_title(sentence: str, title: str) -> bool:
    """Whether a sentence, whitespace-normalised, is the (normalised, lower-case) title or a part of it,
    or holds the whole title: a citation of the report ("How to cite this article: Kumar R, Nair P.
    Rapid progression of ...: a case report. J Clin Res 2019") tells no status either."""
    written = " ".join(sentence.split()).lower().rstrip(".")
    return bool(written) and (written in title or len(title) >= MIN_CITED_TITLE and title in written)


# A title this long is the report's own when a sentence holds it whole (not a phrase such as
# "case report" that any sentence may hold).
MIN_CITED_TITLE = 30


def case_outcome(own: list[Mention], mentions: list[Mention], shared: list[Mention], sites: list[Mention],
                 site_mentions: list[Mention], cancer: bool, number: int, several: bool,
                 config: AssemblyConfig = DEFAULT, mother: bool = False, title: str | None = None) -> Mention | None:
    """The outcome of patient ``number``: from the statements of the patient's own part
    (``own``, with those freed of a negation of an earlier clause and those whose clause names
    the patient though a later clause of the sentence speaks of the literature); else from a status said of
    the report's patients as a group (``shared``: "both patients recovered" before "Case 1");
    else from the discussion or the background, when it speaks of no one else. ``sites``: the part's site
    mentions, ``site_mentions`` those with the shared ones; ``several``: the report has several
    patients (a readmission may then be the next patient's); ``mother``: the row is an adult
    woman, whose report may be a pregnant woman's (see :func:`_outcome`); ``title``: the report's
    title, whose sentence gives no status (see :func:`_outside_title`)."""
    own, mentions, shared = (_outside_metadata(_outside_title(found, title), config) for found in (own, mentions, shared))
    # a summary table's numbered rows are the patients of a series; in a one-patient report a
    # numbered row is a published case's
    mothers = _mothers_own(mentions) if mother else []
    own = sorted((m for m in own + _negated_elsewhere(mentions, config) + _patients_clause(mentions, config) + mothers
                  if _numbered_for(m, number) and (several or not m.value.table_row)),
                 key=lambda m: m.start)
    group = [m for m in shared if m.group == "outcome" and m.value.subject_reported_group and _numbered_for(m, number)
             and (several or not m.value.table_row)]
    # "In both patients the tumour progressed. They died a year later.": a death said of the
    # group after the row's own first status ends the row's story too (one told before it, in
    # another patient's part, may be of the patients told so far only)
    later_deaths = [m for m in group if m.value.category in FINAL_OUTCOMES and own and m.start > own[0].start
                    and all(m is not o for o in own)]
    own = sorted(own + later_deaths, key=lambda m: m.start)
    return (_outcome(own, sites, cancer, config, one_patient=not several, mother=mother)
            or _outcome(group, site_mentions, cancer, config)
            or _outcome(_discussed_outcomes(mentions, config), sites, cancer, config))


def series_outcomes(rows: list[Case], mentions: list[Mention], shared: list[Mention],
                    config: AssemblyConfig = DEFAULT) -> None:
    """Outcome cells of the rows added for patients announced but told together ("We report 2
    cases - a 75-year-old woman and a 39-year-old man ... patient 1 died ...; patient 2
    recovered"; cases/series.py): each row's status is the one said of it by number or order
    ("patient 2", "the second patient") or of the patients as a group ("both died", "we describe
    two patients who died"), chosen as a part's would be; a row that none speaks of keeps what
    it was given."""
    for row in rows:
        cancer = row.primary_site is not None or row.histology is not None or bool(row.metastasis_sites)
        outcome = case_outcome([], mentions, shared, [], [], cancer, row.case, True, config, title=row.title)
        if outcome is None:
            continue
        row.outcome = outcome.value.category
        row.evidence = [e for e in row.evidence if e.field != "outcome"]
        row.evidence.append(Evidence("outcome", row.outcome, outcome.sentence, outcome.start, outcome.end,
                                     outcome.sentence_start, outcome.qualifiers))


def title_outcome(row: Case, text: str, config: AssemblyConfig = DEFAULT) -> None:
    """The outcome cell of a one-patient report whose text states no status the row takes, from
    a title that calls the case fatal ("Fatal disseminated strongyloidiasis in a kidney
    transplant recipient") or, for a non-cancer case, tells its recovery ("Successful treatment of
    a scar pregnancy with methotrexate"): "[title]" of models/outcome/outcome.toml. The evidence
    is the title where the text holds it; a title the text does not hold gives nothing (no
    evidence, no cell)."""
    if row.outcome is not None or not row.title:
        return
    patterns = read_patterns(config.outcome).get("title", {})
    title = " ".join(row.title.split())
    non_cancer = row.primary_site is None and row.histology is None and not row.metastasis_sites
    readings = [("died", "not")] + ([("recovered", "recovered_not")] if non_cancer else [])
    for category, unless in readings:
        if not {category, unless} <= patterns.keys():
            continue
        match = compile_pattern(patterns[category]).search(title)
        if match is None or compile_pattern(patterns[unless]).search(title):
            continue
        start = text.find(title)
        if start < 0:
            return
        row.outcome = category
        row.evidence.append(Evidence("outcome", category, title, start + match.start(), start + match.end(), start,
                                     ("subject=patient", "section=title")))
        return
