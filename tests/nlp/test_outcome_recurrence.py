"""A recurrence told as the patient's own event, with the verbs reports use for it (sentences
written for the tests): "had a ... recurrence", "suffered a relapse", "was found to have recurrent
...", "was diagnosed with recurrent ..." read as progression. A recurrence denied, a series'
count told without an article, an interval or a rate named after the recurrence are not."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "A 59-year-old man who had a loco-regional recurrence nine years after his colectomy.",
    "Eleven years after surgery she had a late recurrence in the pelvis.",
    "He has had an isolated nodal relapse.",
    "She suffered an early relapse in the para-aortic nodes.",
    "Fourteen months later, he sustained a distant recurrence in the lung.",
    "He returned with rectal bleeding and was found to have recurrent rectal adenocarcinoma.",
    "In 2019 she was diagnosed with recurrent ovarian cancer.",
    "Biopsy of the vault showed that she was found to have a recurrent squamous carcinoma.",
])
def test_a_recurrence_of_the_patient_is_progression(nlp, text):
    assert "progressive disease" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "She had no recurrence during six years of surveillance.",
    "He had a recurrence-free interval of eight years.",
    "Of the twelve patients, four had recurrence in the regional nodes.",
    "The patient had a low risk of relapse.",
    "She had a recurrence rate far below the average.",
    "Recurrent ovarian cancer is usually treated with chemotherapy.",
])
def test_a_recurrence_denied_counted_or_named_by_another_noun_is_no_progression(nlp, text):
    assert "progressive disease" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "After the radical hysterectomy she received adjuvant radiotherapy and never had any recurrence.",
    "Five years on, we have not found any recurrence of the tumour.",
    "She completed six cycles of carboplatin, without any proof of relapse to date.",
    "The lung nodule was resected and he has been followed for three years without re-recurrence.",
    "He has not shown signs of local recurrence since the operation.",
    "Currently, 8 years after splenectomy, the patient has no evidence of relapsed disease.",
    "No recurrent signs have been observed for 39 months after the first operation.",
    "Three years after the procedure disease recurrence was not observed.",
])
def test_a_recurrence_denied_by_never_not_or_without_is_no_evidence_of_disease(nlp, text):
    assert "no evidence of disease" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "The vault nodule was not a recurrence but a second primary tumour.",
    "It is not clear whether a relapse will occur.",
    "Without treatment, relapses are frequent in this disease.",
])
def test_a_negation_of_something_else_near_a_recurrence_is_no_status(nlp, text):
    assert "no evidence of disease" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("He remains alive without any residual or metastatic disease 30 months after diagnosis.",
     ["no evidence of disease"]),
    ("No local neither distant recurrence has been detected after a follow-up of three years.",
     ["no evidence of disease"]),
    ("She continued imatinib, with no complications or metastasis at six months follow-up.",
     ["no evidence of disease"]),
    ("There were no distant metastases at the 2-year follow-up.", ["no evidence of disease"]),
    # a staging finding with no follow-up named is no status
    ("The staging scan showed no distant metastases.", []),
])
def test_freedom_from_disease_at_a_follow_up(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She remains on adjuvant chemotherapy, with no imagistic signs of further recurrences.",
     ["no evidence of disease"]),
    ("Further follow-up revealed satisfactory condition of the patient.", ["no evidence of disease"]),
])
def test_freedom_from_disease_in_other_words(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "In both cases, no abnormalities have been found for 15 months and 9 months after the operation.",
    "No abnormality was detected during the 2 years since surgery.",
])
def test_nothing_abnormal_for_a_time_after_the_treatment_is_no_evidence_of_disease(nlp, text):
    assert "no evidence of disease" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "No abnormality was found on palpation of the abdomen.",
    "No abnormalities were found in the first 2 months of life.",
])
def test_nothing_abnormal_at_an_examination_is_no_status(nlp, text):
    assert "no evidence of disease" not in categories(nlp, text)
