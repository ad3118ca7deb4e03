"""Status wording of full-text case reports (sentences written for
the tests, in the style of case reports): remissions named by their kind, and a symptom-free
follow-up told with its time written number first."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    # a remission named by its kind (response criteria of haematological cancers; spontaneous)
    "The lymphoma achieved spontaneous remission four months after the biopsy.",
    "She achieved morphologic spontaneous remission soon after the core biopsy.",
    "He went into haematological remission after two courses of induction.",
    "She remains in complete morphologic remission 18 months later.",
    "A complete cytogenetic remission was documented at 12 months.",
    "He has been in durable, continuous remission since 2019.",
    "Bone marrow examination confirmed molecular remission.",
])
def test_a_remission_named_by_its_kind_is_a_complete_remission(nlp, text):
    assert categories(nlp, text) == ["complete remission"]


@pytest.mark.parametrize("text, expected", [
    # a partial remission stays partial
    ("She achieved a partial remission after four cycles.", ["partial response"]),
    # spontaneous remission as a topic, with no verb of the patient's
    ("Spontaneous remission of lymphoma is a rare phenomenon.", []),
    # a rate is no status
    ("Molecular remission rates are higher with the newer regimen.", []),
])
def test_remission_words_that_are_not_a_complete_remission(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Thirty months after the repair of the fistula the patient had no specific symptoms of abdominal disease.",
    "Six months after the operation she was asymptomatic.",
    "Two weeks following discharge he was completely asymptomatic.",
    "Three months post-surgery she had no further complaints.",
])
def test_a_symptom_free_follow_up_with_the_time_written_number_first(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    # the time before the illness, not after a treatment
    "Six months before admission she had no specific symptoms.",
    "She was asymptomatic until two months before admission.",
])
def test_a_symptom_free_time_before_the_illness_is_no_recovery(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    "She failed to achieve complete remission.",
    "He failed to achieve haematological remission after induction.",
    "She was unable to attain a durable remission.",
    "He did not achieve molecular remission.",
])
def test_a_remission_not_achieved_is_no_status(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    # a finding of the patient's, named by a determiner, that resolves or heals
    "The hepatitis resolved after withdrawal of the drug.",
    "Her skin re-epithelialised within three weeks.",
    "All of the nodules regressed over the following year.",
    "His pneumonia cleared on the follow-up radiograph.",
    # fever that settles; a disorder that responds to its treatment
    "The fever defervesced within 48 hours.",
    "She defervesced on the third day of ceftriaxone.",
    "The cellulitis responded to intravenous flucloxacillin.",
    "He responded well to oral prednisolone.",
    "Both responded to sodium stibogluconate.",
    # the step down from intensive care
    "He was extubated on day 5 and transferred to the ward.",
    # well at a follow-up; normal findings at a follow-up
    "At follow-up 6 months later, the patient was well.",
    "She was well at her 6-week postnatal check.",
    "At the 3-month visit his neurological examination was normal.",
    "Repeat echocardiography showed normalisation of left ventricular function.",
    # an effusion that does not come back; alive at discharge
    "The effusion did not reaccumulate.",
    "She was alive at discharge.",
    "The chest radiograph showed complete clearing of the infiltrates.",
])
def test_end_of_course_families_of_a_non_cancer_case(nlp, text):
    assert "recovered" in categories(nlp, text) or categories(nlp, text) == ["complete remission"]


@pytest.mark.parametrize("text", [
    "Her symptoms had resolved before admission.",
    "The lesions did not resolve despite antifungal therapy.",
    "The fever never subsided.",
    "He responded poorly to steroids.",
    "She did not respond to intravenous immunoglobulin.",
    "She was well until three days before admission.",
    "He was well known to the renal team.",
    "The child was well-nourished and alert.",
    "She was well hydrated on examination.",
    "At presentation, her examination was normal apart from a murmur.",
    "He was extubated but required reintubation two days later.",
    "The baby was well at birth.",
    "The infiltrates cleared, but she developed a new fever on day 9.",
])
def test_what_is_no_end_of_course(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("One year later she remained off opioids with no reports of abdominal pain.", ["recovered"]),
    ("Three months later he had no complaints of chest pain.", ["recovered"]),
    ("At follow-up she reported no episodes of abdominal pain.", ["recovered"]),
    # before the illness: no time after a treatment
    ("Before admission she reported no episodes of pain.", []),
])
def test_no_reports_of_a_symptom_at_a_later_time(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # RECIST: a new lesion is progression; a shrinkage of 30% or more with the noun first is a
    # partial response; a second-line treatment under way is a disease still there
    ("New liver metastases appeared after six cycles.", ["progressive disease"]),
    ("A new lung nodule was found on the 6-month CT.", ["progressive disease"]),
    ("Imaging after three cycles showed shrinkage of the tumour by 50%.", ["partial response"]),
    ("CT showed a reduction in the size of the liver metastases of 45%.", ["partial response"]),
    ("The patient is currently receiving second-line chemotherapy.", ["alive with disease"]),
    # no new lesion; a rash; a small shrinkage
    ("No new metastases were found.", []),
    ("New skin lesions appeared after the second dose.", []),
    ("CT showed shrinkage of the tumour by 10%.", []),
])
def test_cancer_status_families(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # summary wording of abstracts
    ("The patient was treated successfully with oral fluconazole.", ["recovered"]),
    ("Surgical excision resulted in a cure.", ["recovered"]),
    ("Clinical cure was achieved after six weeks of antibiotics.", ["recovered"]),
    ("Treatment with corticosteroids produced a dramatic response.", ["recovered"]),
    ("The patient survived.", ["recovered"]),
    # a time survived is the time to death; a response that did not come; rates
    ("She survived 14 months after the diagnosis.", ["died"]),
    ("He survived for two weeks.", []),
    # ... and so is a survival time the patients "had"; not one of years, nor one the literature gives
    ("Both patients underwent hepatectomy and had a postoperative survival time of 8 and 16 mo, respectively.", ["died"]),
    ("She had an overall survival of 11 months.", ["died"]),
    ("She had an overall survival of 6 years.", []),
    ("A median survival of 6 months has been reported.", []),
    ("There was no good response to steroids.", []),
    ("Good response rates have been reported.", []),
])
def test_summary_wording_of_abstracts(nlp, text, expected):
    assert categories(nlp, text) == expected


def test_a_good_response_of_the_past_is_no_status(nlp):
    assert categories(nlp, "He had a good response to steroids previously, but relapsed this winter.") == []
