"""The outcome cell of a case: which of the patient's status statements is the status at last
follow-up (ANNOTATION.md: "status at last follow-up"), and which statements said elsewhere in the
report (of both patients, in the discussion, after a negated clause) count for it.

The statements are gathered here: the patient's own part's, those of the patients as a group or
of a series' rows, those of the discussion; ``outcome_misread.py`` gives back those the context
component took for someone else's or negated, ``outcome_title.py`` keeps the title out and reads
a fatal title, and ``outcome_choice.py`` chooses among them."""
from __future__ import annotations

from dataclasses import replace

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.outcome_choice import FINAL_OUTCOMES, choose_outcome, optional_pattern
from pipeline.cases.outcome_misread import mothers_own, negated_elsewhere, patients_clause
from pipeline.cases.outcome_title import outside_metadata, outside_title
from pipeline.cases.patients import about_patient
from pipeline.cases.record import Case, Evidence
from pipeline.resources import compile_pattern, read_patterns


def _numbered_for(outcome: Mention, number: int) -> bool:
    """Whether a status is this row's as far as patients' numbers go: one said of "cases 1 and
    3" is theirs only; one said of "the other cases" after "case 2" is every row's but that one;
    one said of nobody by number is anyone's."""
    if number in outcome.value.but_cases:
        return False
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
    literature = optional_pattern(subject, "literature")

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
        # the group's own words name the report's patients as a pronoun names the patient: in the
        # introduction too ("We report two infants with Bartter syndrome ... Both improved with
        # indomethacin")
        return about_patient(replace(m, subject="patient"))

    return [m for m in mentions if m.group == "outcome" and m.value.subject_reported_group
            and (about_patient(m) or names_own_group(m))]


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
    literature = optional_pattern(subject, "literature")
    indefinite = optional_pattern(subject, "indefinite")
    own_patient = optional_pattern(subject, "own_patient")

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
    woman, whose report may be a pregnant woman's (see :func:`choose_outcome`); ``title``: the report's
    title, whose sentence gives no status (see :func:`outside_title`)."""
    own, mentions, shared = (outside_metadata(outside_title(found, title), config) for found in (own, mentions, shared))
    # a summary table's numbered rows are the patients of a series; in a one-patient report a
    # numbered row is a published case's
    mothers = mothers_own(mentions) if mother else []
    own = sorted((m for m in own + negated_elsewhere(mentions, config) + patients_clause(mentions, config) + mothers
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
    return (choose_outcome(own, sites, cancer, config, one_patient=not several, mother=mother)
            or choose_outcome(group, site_mentions, cancer, config)
            or choose_outcome(_discussed_outcomes(mentions, config), sites, cancer, config))


def series_outcomes(rows: list[Case], mentions: list[Mention], shared: list[Mention],
                    config: AssemblyConfig = DEFAULT) -> None:
    """Outcome cells of the rows added for patients announced but told together ("We report 2
    cases - a 75-year-old woman and a 39-year-old man ... patient 1 died ...; patient 2
    recovered"; cases/series.py): each row's status is the one said of it by number or order
    ("patient 2", "the second patient") or of the patients as a group ("both died", "we describe
    two patients who died"), chosen as a part's would be; a row that none speaks of keeps what
    it was given."""
    for row in rows:
        outcome = case_outcome([], mentions, shared, [], [], row.cancer, row.case, True, config, title=row.title)
        if outcome is None:
            continue
        row.outcome = outcome.value.category
        row.evidence = [e for e in row.evidence if e.field != "outcome"]
        row.evidence.append(Evidence("outcome", row.outcome, outcome.sentence, outcome.start, outcome.end,
                                     outcome.sentence_start, outcome.qualifiers))
