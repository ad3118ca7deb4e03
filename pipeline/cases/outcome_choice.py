"""The choice of a status at last follow-up among the status statements that count for one patient
(``cases/outcome.py`` gathers them): death ends the story; else the last status said to be current,
else the last one written; a cancer case's remission that a later recurrence or metastasis makes
out of date, a bare discharge of a patient who did not recover, a status told as the history
before the presentation and another person's status do not count."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, stated_primaries
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


def optional_pattern(spec: dict, key: str) -> re.Pattern | None:
    """The pattern ``key`` of a table of models/outcome/outcome.toml, or None when it has none."""
    return compile_pattern(spec[key]) if spec.get(key) else None


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


def choose_outcome(outcomes: list[Mention], sites: list[Mention], cancer: bool | None = None,
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
    framing = optional_pattern(read_patterns(config.outcome)["subject"], "framing")
    retold, advice = relapse.get("retold"), relapse.get("advice")  # the case retold whole; what is to be done in general
    caption = relapse.get("caption")  # a figure's caption: a finding shown, wherever the page sets it

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
                 and not _summed_up(r, outcomes) and not (retold and retold.search(r.sentence)) and not (advice and advice.search(r.sentence))
                 and not (caption and caption.search(r.sentence))]
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
    # "the patient is still alive" says no status of its own: the status of a cancer case that the report
    # tells with metastases or a recurrence and no other status (alive with disease), else none
    stated = [m for m in candidates if not m.value.bare_survival]
    candidates = stated or (candidates if relapses else [])
    if not candidates:
        return None
    for category in FINAL_OUTCOMES:
        final = [m for m in candidates if m.value.category == category]
        if final:
            return final[-1]
    follow_up = [m for m in candidates if m.value.last_follow_up]
    chosen = (follow_up or candidates)[-1]
    lasting = _response_through_free_survival(chosen, candidates, config) if cancer else None
    if lasting is not None:
        # "partial response ... at 3, 6 and 12 months, currently completing 16 months of progression-free
        # survival": the response lasts
        return lasting
    if cancer and _wellbeing_only(chosen, config):
        # "a complete metabolic response ... she has been doing well": the response stands
        responses = [m for m in candidates if m.value.category in RESPONSES and m.start < chosen.start]
        if responses:
            return responses[-1]
    return chosen


def _response_through_free_survival(chosen: Mention, candidates: list[Mention],
                                    config: AssemblyConfig = DEFAULT) -> Mention | None:
    """The last complete or partial response its own sentence names before a stable disease read from a
    progression-free survival ("[free_survival] told" of models/outcome/outcome.toml), or None."""
    if chosen.value.category != "stable disease":
        return None
    pattern = read_patterns(config.outcome).get("free_survival", {}).get("told")
    if not pattern or compile_pattern(pattern).search(chosen.text) is None:
        return None
    return next((m for m in reversed(candidates) if m.value.category in ("complete remission", "partial response")
                 and m.sentence_start == chosen.sentence_start and m.start < chosen.start), None)


def _wellbeing_only(mention: Mention, config: AssemblyConfig = DEFAULT) -> bool:
    """Whether a cancer case's "no evidence of disease" statement tells the patient's well-being
    only ("she has been doing well", "alive and well"), naming neither the disease nor a test of
    it ("[wellbeing] names_disease" of models/outcome/outcome.toml)."""
    if mention.value.category != "no evidence of disease":
        return False
    pattern = read_patterns(config.outcome).get("wellbeing", {}).get("names_disease")
    return bool(pattern) and compile_pattern(pattern).search(mention.text) is None
