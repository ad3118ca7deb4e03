"""The learned keep / leave-out score: features of evidence records and the JSON model's use.
Records are built by hand, in the form ``caselit extract -o X.jsonl`` writes them."""
import math

import pytest

from pipeline.cases.keep_model import (
    CANDIDATE_FIELDS, DEFAULT_MODEL, CaseContext, candidate_features, case_scores, crossed_with_rules, decide,
    load_model, mention_features, probability, split_values,
)


def record(field, value, sentence, surface, sentence_start=0, qualifiers=("subject=patient", "section=case"),
           kept=True, occurrence=0):
    """An evidence record for the ``occurrence``-th ``surface`` in ``sentence``."""
    at = -1
    for _ in range(occurrence + 1):
        at = sentence.index(surface, at + 1)
    return {"field": field, "value": value, "sentence": sentence, "start": sentence_start + at,
            "end": sentence_start + at + len(surface), "sentence_start": sentence_start,
            "qualifiers": list(qualifiers), "kept": kept}


GIVEN = "A 54-year-old woman received carboplatin 300 mg and paclitaxel every three weeks."
PANEL = "The isolate was susceptible to vancomycin and linezolid but resistant to oxacillin [12]."


def case_records():
    panel_start = len(GIVEN) + 1
    return [
        record("age", 54, GIVEN, "54-year-old"),
        record("sex", "female", GIVEN, "woman"),
        record("drugs", "carboplatin", GIVEN, "carboplatin"),
        record("drugs", "paclitaxel", GIVEN, "paclitaxel"),
        record("drugs", "vancomycin", PANEL, "vancomycin", panel_start, kept=False),
        record("drugs", "linezolid", PANEL, "linezolid", panel_start, kept=False),
        record("drugs", "oxacillin", PANEL, "oxacillin", panel_start, ("negated", "subject=unknown", "section=discussion"),
               kept=False),
    ]


def test_words_around_the_mention_mask_it_and_the_other_findings():
    records = case_records()
    features = mention_features(records[2], CaseContext(records))
    assert features["drugs|w=received"] == 1.0
    assert features["w=<drugs>"] == 1.0  # paclitaxel, masked to its field
    assert features["w=<num>"] == 1.0  # the dose
    assert features["l=<age>"] == 1.0 and features["l=<sex>"] == 1.0
    assert not any(name.endswith("=carboplatin") or name.endswith("=paclitaxel") for name in features)


def test_qualifiers_section_citation_and_distance_to_the_age_are_features():
    records = case_records()
    context = CaseContext(records)
    given = mention_features(records[2], context)
    panel = mention_features(records[6], context)
    assert given["drugs|age=same_sentence"] == 1.0 and given["section=case|subject=patient"] == 1.0
    assert "citation" not in given
    assert panel["drugs|negated"] == 1.0 and panel["citation"] == 1.0
    assert panel["drugs|section=discussion"] == 1.0
    assert "drugs|age=same_sentence" not in panel and panel["drugs|age_sentences=1"] == 1.0
    assert panel["drugs|same_field_in_sentence=2-3"] == 1.0


def test_a_value_named_again_is_counted():
    sentence = "Cisplatin was given; after cisplatin the tumour shrank."
    records = [record("drugs", "cisplatin", sentence, "Cisplatin"), record("drugs", "cisplatin", sentence, "cisplatin")]
    context = CaseContext(records)
    first, second = (mention_features(r, context) for r in records)
    assert first["drugs|repeats=2"] == 1.0 and first["first_of_value"] == 1.0
    assert second["later_of_value"] == 1.0 and first["capitalised"] == 1.0


def test_a_left_out_drug_mention_carries_all_its_generics():
    assert split_values("drugs", "piperacillin, tazobactam") == ["piperacillin", "tazobactam"]
    assert split_values("age", 54) == [54]


def test_probability_is_the_logistic_of_the_weighted_features():
    model = {"intercept": -1.0, "weights": {"a": 2.0, "b": -0.5}}
    assert probability(model, {"a": 1.0, "b": 1.0, "unknown": 1.0}) == pytest.approx(1 / (1 + math.exp(-0.5)))


def test_decide_keeps_list_values_above_the_threshold_and_the_best_scalar():
    # a hand-made model: a treatment cue keeps, a negation or a citation leaves out
    model = {"intercept": 0.0, "threshold": 0.5, "fields": ["drugs", "age"],
             "weights": {"drugs|w=received": 3.0, "drugs|negated": -6.0, "citation": -2.0, "age|bias": 1.0}}
    row = decide(model, case_records())
    assert row["drugs"] == ["carboplatin", "paclitaxel"]
    assert row["age"] == 54.0
    assert "sex" not in row  # not one of the model's fields: the rules' value stays


def test_a_model_trained_with_the_rules_decision_needs_the_rules_row():
    model = {"intercept": 0.0, "with_rules": True, "weights": {"rules_row": 4.0}}
    with pytest.raises(ValueError):
        case_scores(model, case_records())
    scores = case_scores(model, case_records(), {"drugs": ["carboplatin"]})
    assert scores[("drugs", "carboplatin")] > 0.9 > scores[("drugs", "vancomycin")]


def test_crossed_features_say_whether_the_rules_kept_the_value():
    features = {"bias": 1.0, "drugs|w=received": 1.0, "rules_row": 1.0}
    crossed = crossed_with_rules(features)
    assert crossed["kept:drugs|w=received"] == 1.0 and crossed["drugs|w=received"] == 1.0
    assert not any(name.startswith("left:") for name in crossed)
    assert crossed_with_rules({"bias": 1.0})["left:bias"] == 1.0


def test_a_crossed_model_weighs_the_same_words_apart_for_kept_and_left_out_values():
    records = case_records()
    row = {"drugs": ["carboplatin", "paclitaxel"]}
    context = CaseContext(records)
    (_, kept), = candidate_features(records[2], context, row, crossed=True)
    (_, left), = candidate_features(records[4], context, row, crossed=True)
    assert kept["kept:rules_row"] == 1.0 and "left:bias" not in kept
    assert left["left:drugs|bias"] == 1.0 and "rules_row" not in left
    # a hand-made model that trusts the rules, except that a word near a left-out value can
    # bring it back (the word weighs nothing near a kept one) and a negation leaves it out
    model = {"intercept": 0.0, "with_rules": True, "crossed": True,
             "weights": {"kept:rules_row": 4.0, "left:bias": -4.0, "left:drugs|w=susceptible": 6.0,
                         "left:drugs|negated": -8.0, "kept:drugs|w=susceptible": 0.0}}
    scores = case_scores(model, records, row)
    assert scores[("drugs", "carboplatin")] > 0.5
    assert scores[("drugs", "linezolid")] > 0.5
    assert scores[("drugs", "oxacillin")] < 0.5


@pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="no trained model in models/keep/")
def test_the_shipped_model_prefers_a_given_drug_to_a_susceptibility_panel():
    # scored on every field, not only those the shipped model would decide
    model = dict(load_model(), fields=list(CANDIDATE_FIELDS))
    records = case_records()
    row = {"drugs": ["carboplatin", "paclitaxel"]}  # what the rules kept
    scores = case_scores(model, records, row if model.get("with_rules") else None)
    assert scores[("drugs", "carboplatin")] > 0.5 > scores[("drugs", "oxacillin")]


@pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="no trained model in models/keep/")
def test_the_shipped_model_decides_only_its_own_fields():
    model = load_model()
    row = {"age": 54, "sex": "female", "drugs": ["carboplatin", "paclitaxel"]}
    decided = decide(model, case_records(), row if model.get("with_rules") else None)
    assert set(decided) <= set(model["fields"])
    assert decided.get("sex") == "female"
