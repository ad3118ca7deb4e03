"""Responses of no stated depth, progression held back by a treatment (sentences written for the
tests, in the style of case reports)."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "He went on to achieve a durable tumour response.",
    "The patient has shown a sustained response to nivolumab for two years.",
    "She maintained a long-lasting radiological response after the last cycle.",
    "Imaging demonstrated ongoing radiographic regression of the lung lesions.",
    "Continued tumor shrinkage was seen on every scan for 18 months.",
    "The mass grew at first, but after two more cycles it decreased in size.",
    "The liver lesions enlarged on the first scan, but later they shrank.",
])
def test_response_of_no_stated_depth(nlp, text):
    assert categories(nlp, text) == ["partial response"]


@pytest.mark.parametrize("text, expected", [
    # "complete" before it stays the complete one
    ("She achieved a durable complete response.", ["complete remission"]),
    ("A complete radiographic regression followed.", ["complete remission"]),
    # a response rate of a trial is no status
    ("The objective response rate was 40% in that trial.", []),
    # a shrinking thing that is no tumour
    ("The spleen was large on admission; with treatment it decreased in size.", []),
])
def test_response_of_no_stated_depth_limits(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Pazopanib can be an option for the stabilization of disease progression.",
    "Everolimus was started to halt the progression of the disease.",
    "Radiotherapy was given for local control and prevention of tumour progression.",
    "The aim of maintenance therapy is to delay the progression of the tumour.",
    "Corticosteroids slow down the progression of the disease.",
    "Sunitinib stabilised disease progression for a year.",
    "The second line was chosen to prevent further disease progression.",
])
def test_progression_held_back_is_no_status(nlp, text):
    assert "progressive disease" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "Chemotherapy was stopped for disease progression.",
    "Treatment was stopped because of tumour progression.",
    "CT showed slow progression of the tumour.",
    "Despite the second line, the disease progressed.",
    "Radiotherapy could not prevent the recurrence; disease progression followed within months.",
])
def test_progression_of_the_patient_stays(nlp, text):
    assert "progressive disease" in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("After three cycles, prominent shrinkage of the primary tumour and the liver nodules was seen.",
     ["partial response"]),
    ("The skin and lung lesions significantly diminished after two months of paclitaxel.", ["partial response"]),
    ("The metastases markedly regressed on imaging.", ["partial response"]),
    # no degree word: a swelling or lesion that merely gets smaller says nothing of a response
    ("The lesions diminished after two months.", []),
])
def test_shrinkage_with_a_degree_word(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Follow-up MRI 3 months later showed a 50% decrease in tumor size.", ["partial response"]),
    ("CT revealed an extremely shrunken hepatic lesion after six cycles.", ["partial response"]),
    ("A 20% decrease in tumor size was seen.", []),  # short of RECIST's 30%
    ("He had a progressive downhill course despite chemotherapy.", ["progressive disease"]),
    ("CT revealed a pelvic mass with diffuse worsening metastasis.", ["progressive disease"]),
])
def test_recist_wordings_of_response_and_progression(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The current imaging results indicate remarkable tumor remission.", ["partial response"]),
    ("Patient had recurrence few months later.", ["progressive disease"]),
    ("Patient had recurrence of the pain a week later.", []),  # a symptom's
])
def test_remission_and_relapse_in_plain_words(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was treated with sunitinib, achieving complete disease remission.", ["complete remission"]),
    # the treatment as the subject
    ("Treatment with glucocorticoids and cyclophosphamide led to rapid clinical remission.", ["complete remission"]),
    ("The combination treatment resulted in the disappearance of the cerebellar medulloblastoma.",
     ["complete remission"]),
    ("The treatment resulted in the disappearance of her headache.", []),  # a symptom's
    ("She received cabozantinib and the disease is finally stable.", ["stable disease"]),
])
def test_remission_and_stability_with_a_word_between(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Therefore, the patient reached complete remission status.", ["complete remission"]),
    ("Her ER and PR status was positive.", []),  # the progesterone receptor
])
def test_a_status_word_after_a_phrase_or_an_abbreviation(nlp, text, expected):
    assert categories(nlp, text) == expected
