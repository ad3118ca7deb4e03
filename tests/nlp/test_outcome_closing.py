"""Closing wordings of non-cancer reports and recurrences of cancer cases (sentences written for
the tests, in the style of case reports): the course named by its evolution, an improvement told
as a noun, a return of function, a recurrence found in the course, a death told with a participle."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "He received antibiotics and had a satisfactory evolution.",
    "The postoperative evolution was uneventful and she had a good evolution at home.",
    "She received antibiotics and evolved favourably.",
    "The child evolved satisfactorily over the following week.",
    "After four weeks of emollients he showed improvement in the scaling.",
    "She showed clinical improvement after five days of antibiotics.",
    "The patient experienced a steady improvement over the next month.",
    "At the 3-month visit she had returned to farming without limitation.",
    "Six months later, the knee had full range of motion.",
    "At discharge she could walk unaided.",
    "Follow-up echocardiography showed normal left ventricular function.",
    "He was anticoagulated, with resolution of the thrombus on repeat imaging.",
    "Her skin re-epithelialised completely within three weeks.",
    "He was observed for 48 hours and released home.",
    "She completed nine months of treatment and was declared cured.",
    "She completed treatment with clinical and radiological improvement.",
    "She was much better after three days of intravenous fluids.",
    "She became euthyroid after eight weeks of carbimazole.",
    "She regained the ability to walk after six weeks of rehabilitation.",
    "Her creatinine returned to baseline within ten days.",
    "The erythema receded after 48 hours of cefazolin.",
    "At one year there were no signs of infection.",
    "She was deemed fit for discharge on day 5.",
    "Discharge took place on day 5.",
    "Upon discharge, she was prescribed rivaroxaban.",
])
def test_a_closing_wording_of_a_non_cancer_case_is_a_recovery(nlp, text):
    assert set(categories(nlp, text)) == {"recovered"}


@pytest.mark.parametrize("text", [
    # a mid-course or partial improvement, a negated one, or one of patients in general
    "He showed no improvement after three days and was intubated.",
    "He showed slight improvement on day 2.",
    "He initially showed improvement on day 2.",
    # an examination at admission
    "On examination there were no signs of infection at the catheter site.",
    # a limited joint, a release from elsewhere, an evolution watched
    "Range of motion of the knee was limited.",
    "He was released from prison a week earlier.",
    "The evolution of the fever was monitored daily.",
    # better or euthyroid before the illness, or undone after it
    "He was much better at home until two days before admission.",
    "She became euthyroid in 2015 but relapsed in 2019.",
    # a discharge of fluid
    "She presented with a purulent vaginal discharge.",
])
def test_wordings_that_tell_no_recovery(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "At 74 months after surgery, local recurrence at the excision site and peritoneal nodules were identified.",
    "Two years later a local recurrence was diagnosed.",
    "Eight months later she developed a recurrence in the vaginal vault.",
    "A pelvic relapse was detected on the surveillance CT scan.",
    "Two years later the tumour recurred in the pelvis.",
])
def test_a_recurrence_found_in_the_course_is_progression(nlp, text):
    assert categories(nlp, text) == ["progressive disease"]


@pytest.mark.parametrize("text", [
    "A recurrence was suspected but was not confirmed.",
    "No local recurrence was detected at two years.",
    "Local recurrence was found in 12% of the patients.",
    "The risk of recurrence was discussed with her.",
    "She had no recurrence during follow-up.",
])
def test_a_recurrence_not_found_or_of_patients_in_general_is_no_progression(nlp, text):
    assert "progressive disease" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "He deteriorated rapidly, succumbing to multiorgan failure on day 4.",
    "She died on day 3, succumbing to septic shock.",
])
def test_a_death_told_with_a_participle(nlp, text):
    assert categories(nlp, text) and categories(nlp, text)[-1] == "died"


def test_all_of_the_efforts_is_no_group_of_people(nlp):
    [outcome] = [o for o in __import__("outcome_helpers").outcomes(nlp, "Despite all efforts, the patient expired on day 3.")]
    assert outcome.category == "died" and not outcome.subject_plural


@pytest.mark.parametrize("text", [
    "Given his deterioration and poor prognosis, palliation was appropriate.",
    "Because of further progression she was referred for best supportive care.",
    "Despite these treatments, the condition progressed.",
])
def test_a_decline_that_leads_to_palliation_is_progression(nlp, text):
    assert categories(nlp, text) == ["progressive disease"]


@pytest.mark.parametrize("text", [
    "Given the risk of deterioration, the palliative care team was consulted early.",
    "Palliative care was offered at diagnosis.",
])
def test_palliation_without_a_decline_is_no_progression(nlp, text):
    assert "progressive disease" not in categories(nlp, text)
