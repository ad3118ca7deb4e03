"""A status told as the result of a treatment or as the patients' own achievement (sentences written
for the tests, in the style of case-report abstracts and journal pages): a successful recovery, the
resolution a treatment leads to, an improvement named by its kind, a negated sign of recurrence with
a perfect tense, a tumour marker back to normal, a group's recovery and favourable outcomes."""
import pytest

from outcome_helpers import categories, nlp, outcomes  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "She received two vials of antivenom, which resulted in a successful recovery.",
    "Prompt dialysis led to successful recoveries in the two sisters.",
    "The regimen was changed to linezolid, resulting in resolution of the fever and swelling.",
    "Drainage of the collection led to a rapid resolution of the abscess.",
    "He showed spontaneous neurological improvement within two weeks.",
    "She showed gradual functional improvement over the following month.",
    "The boy made marked motor improvement during rehabilitation.",
    # a follow-up without complications, told either way round
    "There were no long-term complications based on the follow-up endoscopy.",
    "After discharge she was followed up in the clinic, and no complications were observed.",
])
def test_a_result_of_the_treatment_is_a_recovery(nlp, text):
    assert "recovered" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    # a specimen's recovery, a treatment given until a resolution, an improvement denied
    "The successful recovery of the organism from blood cultures guided the choice of antibiotic.",
    "Cefazolin was continued until resolution of the vegetation was documented.",
    "She showed no neurological improvement after three days.",
    # the operation's own course, not a later visit
    "No complications were observed during the procedure.",
])
def test_wordings_of_the_same_families_that_tell_no_recovery(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "Five years after the operation she has not shown any sign of recurrence.",
    "At the last visit, both cases have not revealed any signs of recurrence.",
    "After four years, neither of these cases has shown any sign of tumour recurrence.",
    "After orchidectomy his PSA fell to undetectable levels and he received no further treatment.",
    "Three months after surgery the serum CA-125 level returned to the normal range.",
    "His alpha-fetoprotein became undetectable after two cycles.",
    # the patient's own disease-free survival with its length
    "In the younger sister, disease-free survival is now 12 years.",
    "She completed adjuvant radiotherapy, with a disease-free survival of 30 months at the last visit.",
])
def test_no_sign_of_recurrence_and_a_marker_back_to_normal_are_no_evidence_of_disease(nlp, text):
    assert "no evidence of disease" in categories(nlp, text)


def test_neither_of_the_reported_cases_is_their_group(nlp):
    [found] = outcomes(nlp, "After four years, neither of these cases has shown any sign of tumour recurrence.")
    assert found.subject_reported_group and not found.subject_plural


@pytest.mark.parametrize("text", [
    "Despite severe weakness, the patients recovered from their paralysis within weeks.",
    "All three patients showed favourable outcomes in terms of oxygen need.",
    "In these cases, early antivenom resulted in successful recoveries.",
    "All four patients showed positive outcomes in terms of oxygen requirement.",
    "The two patients recovered completely within a month.",
    "They both recovered after the antitoxin.",
    "We present a case series of two patients who survived multiple complications of a viper bite.",
    "Strength and functional abilities improved in both patients with immunoglobulin treatment.",
    "We report on three patients with severe myositis who drew significant benefit from immunoglobulin.",
    "Both patients had a successful response and were able to taper prednisone.",
])
def test_a_status_of_the_reported_patients_told_together_is_their_groups(nlp, text):
    found = [o for o in outcomes(nlp, text) if o.category == "recovered"]
    assert found and all(o.subject_reported_group and not o.subject_plural for o in found)


@pytest.mark.parametrize("text, expected", [
    ("She showed a rapid recovery after the drain was placed.", True),
    ("He demonstrated early recovery within days.", True),
    ("The boy experienced a complete and uneventful recovery.", True),
    # a laboratory value's recovery is not the patient's
    ("She showed rapid recovery of the platelet count after transfusion.", False),
    # a benefit or an improvement told in the past
    ("She benefited markedly from the steroids.", True),
    ("Her muscle strength gradually improved.", True),
    # a benefit to come, or of patients in general, is none
    ("Patients with refractory disease may benefit from immunoglobulin.", False),
    ("A good response rate of 60% has been reported with this regimen.", False),
])
def test_a_recovery_the_patient_showed_is_a_recovery(nlp, text, expected):
    assert ("recovered" in categories(nlp, text)) is expected


def test_a_disease_free_survival_rate_of_a_series_is_no_status(nlp):
    assert categories(nlp, "The 5-year disease-free survival was 80% in the largest series.") == []


def test_favourable_outcomes_of_the_literature_are_no_status(nlp):
    assert categories(nlp, "Early surgery is associated with favourable outcomes in most series.") == []


@pytest.mark.parametrize("text, expected", [
    # lesions unchanged on follow-up imaging: neither shrinkage nor growth
    ("At 18 months the liver lesions have not changed in size.", True),
    ("Follow-up CT showed no change in the size of the lung nodules.", True),
    ("The pulmonary metastases remained radiologically unchanged for two years.", True),
    # ...not a change of treatment, nor a symptom unchanged
    ("The regimen was not changed despite the rash.", False),
    ("Her headache was unchanged after paracetamol.", False),
])
def test_lesions_unchanged_are_stable_disease(nlp, text, expected):
    assert ("stable disease" in categories(nlp, text)) is expected
