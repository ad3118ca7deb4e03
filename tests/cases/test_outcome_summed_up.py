"""A spread named beside a status does not always undo it: the status may be the later state the
sentence carries the story on to ("was found to have a liver metastasis and has remained free of
recurrence since"), and a sentence that sums the course up names the spread it treated before the
status it ends on ("metastatic disease to the kidney managed by resection, with no recurrence").
Sentences written for the tests."""
import pytest

from case_outcome_helpers import chosen, sites_outcome_nlp  # noqa: F401 (the shared fixture)


@pytest.fixture(scope="module")
def nlp(sites_outcome_nlp):
    return sites_outcome_nlp


@pytest.mark.parametrize(
    "text",
    [
        # the status after the spread, carried on by "remained" / "has remained"
        "He had colon cancer. A bone metastasis was excised, and he has remained free of recurrence for three years.",
        "She had breast cancer. She was treated for a brain metastasis and remains disease-free two years later.",
        # ... by a follow-up
        "She had ovarian cancer. A splenic metastasis was removed, with an uneventful follow-up and no recurrence.",
        # ... by "still" or "to date"
        "He had renal cancer. A lung metastasis was resected and there is still no evidence of disease.",
    ],
)
def test_a_status_carried_on_after_the_spread_in_its_sentence_stands(nlp, text):
    assert chosen(nlp, text) == "no evidence of disease"


@pytest.mark.parametrize(
    "text",
    [
        # the spread described with what it lacks
        "She had cervical cancer. Two years later metastases developed in the liver without local recurrence.",
        # the years free of disease before the spread (pluperfect, no word carrying the story on)
        "He had rectal cancer. Lung metastases were found in a man who had been disease-free for ten years.",
    ],
)
def test_a_status_describing_the_spread_or_the_time_before_it_does_not_stand(nlp, text):
    assert chosen(nlp, text) is None


def test_a_summing_up_sentence_naming_the_treated_spread_does_not_undo_the_status(nlp):
    text = ("She had uterine leiomyosarcoma. The nodule was enucleated. No recurrence has been seen since. "
            "We describe metastatic leiomyosarcoma to the kidney managed by enucleation, with no recurrence.")
    assert chosen(nlp, text) == "no evidence of disease"


def test_a_summing_up_sentence_whose_spread_disappeared_does_not_undo_the_remission(nlp):
    text = ("He had prostate cancer. He achieved complete remission on hormone therapy. "
            "Radiotherapy was given for bone metastases, and his metastatic lesions disappeared.")
    assert chosen(nlp, text) == "complete remission"


def test_a_later_spread_told_as_an_event_still_undoes_the_remission(nlp):
    text = ("She had breast cancer. She achieved complete remission after surgery. "
            "Three years later a liver metastasis was found.")
    assert chosen(nlp, text) is None
