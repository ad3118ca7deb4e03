"""Recovery wording of non-cancer case reports (issue 11, class 3; sentences written for the
tests)."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "She was sent home on the tenth postoperative day.",
    "He was extubated on day 2 and went home three days later.",
    "Complete functional recovery was noted at six months.",
    "The papules faded over two weeks.",
    "Since the operation she has been pain-free.",
    "He was well when reviewed in clinic after eight weeks.",
    "At the 6-month review the infant was thriving.",
    "At the 2-year follow-up, she was growing well.",
    "At eighteen months the boy is developing normally.",
    "Her visual acuity returned to 6/9 in the right eye.",
    "After a week of treatment his shortness of breath eased.",
    "At the two-year check-up he had no complaints.",
    "She was back home within a week of the operation.",
    "Four months later he was walking without aids.",
    "The fracture united in good alignment.",
    "He was given intravenous ceftriaxone and recovered.",
    "Intravenous doxycycline and fluids led to his recovery.",
    "Both men were treated with penicillin, ultimately resulting in their recovery.",
    # "the case" as the patient of a report of several ones
    "The case recovered after 29 days of hospitalization.",
    "The second case was well when last seen in clinic.",
    # the discharge told as a noun; the patient's verb among others in a series
    "The count fell without any complication and hospital discharge on day 29.",
    "The baby was stabilized in the NICU, recovered and the count fell serially.",
    # a discharge that could take place; the organ's function regained
    "After two days, she could be discharged completely symptom-free.",
    "All cases regained normal renal function within three months.",
    # the patient's verb that ends the sentence after the treatment
    "He underwent open aneurysm repair with a Dacron graft and thrombectomy and improved.",
    # the resolution as the subject of its verb
    "Clinical resolution was achieved after two weeks of treatment.",
])
def test_recovery_wording(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "She had been pain-free until the week before admission.",
    "The colour of the fluid faded slightly.",
    "He was walking with a frame at discharge to the rehabilitation unit.",
    "Escherichia coli was grown and recovered from two blood cultures.",
    "The pain was worse with walking and improved.",
    "The strain was isolated, recovered from the wound and typed.",
])
def test_look_alikes_are_no_recovery(nlp, text):
    assert "recovered" not in categories(nlp, text)


def test_mother_and_baby_are_the_reported_patients(nlp):
    doc = nlp("Mother and baby were discharged home on day 4.")
    value = doc.spans["outcome"][0]._.value
    assert value.subject_reported_group and not value.subject_other_person


@pytest.mark.parametrize("text", [
    "His neurological deficits gradually improved over three months.",
    "Her serum sodium normalised within two days.",
    "On the ward she continued to improve.",
    "He was weaned off oxygen on day 4.",
    "The graft was functioning well at the last review.",
    "Two weeks later, the patient was afebrile.",
])
def test_improvement_of_the_patients_own_findings(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "Her symptoms initially improved with fluids.",
    "His weakness had not improved by the time of transfer.",
])
def test_a_passing_or_denied_improvement_is_no_recovery(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("At the 3-month follow-up visit, an MRI showed a patent vessel and she had no focal deficit.", "recovered"),
    ("Two years after the operation she is alive and free of infection.", "recovered"),
    ("The baby was tolerating full oral feeds on day 5.", "recovered"),
    ("Re-epithelialization was complete after two weeks of dressings.", "recovered"),
    ("He was clinically euthyroid at the six-month review.", "recovered"),
    ("The patient arrested in the operating room and could not be revived.", "died"),
])
def test_closing_sentences_of_full_texts(nlp, text, expected):
    assert categories(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "Over the next months she made a slow, steady recovery.",
    "He made an excellent recovery.",
    "The girl had an uneventful and rapid recovery.",
    "She had a recovery without any complication.",
    "The 6-week follow-up revealed clinical improvement.",
    "Review at three months showed marked symptomatic improvement.",
    "After the treatment, the patient's clinical and laboratory findings improved.",
    "His biochemical parameters gradually improved.",
])
def test_recovery_and_improvement_in_their_other_wordings(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "He made a partial recovery of strength in the left arm.",
    "She had a poor recovery after the second operation.",
    "The follow-up revealed no clinical improvement.",
])
def test_a_partial_poor_or_denied_recovery_is_none(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "He was responsive to methylprednisolone, which was then tapered.",
    "Her platelet count rose, responding to intravenous immunoglobulin.",
    "Withdrawal of the drug and oral steroids improved her clinical condition.",
    "Serology became negative, confirming the cure of the infection.",
    "Both maternal and neonatal outcomes were favourable.",
])
def test_a_response_an_improved_condition_or_a_cure_is_recovery(nlp, text):
    assert "recovered" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "Her platelet count rose, and she bled again a week later.",  # no response to anything
    "Cure rates of the infection exceed 90% with benznidazole.",  # the literature's
    "Lymphomas are often responsive to rituximab.",  # a habit of the disease
])
def test_no_recovery_without_the_patients_response(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("There was clinical and analytical improvement after two weeks of treatment.", ["recovered"]),
    ("On the fifth day she showed clinical improvement.", ["recovered"]),
    ("He had symptomatic improvement with oral steroids.", ["recovered"]),
    # an improvement of one finding, or a first one, says nothing of the whole course
    ("There was clinical improvement in the rash but the fever persisted.", []),
    ("The patient showed initial improvement.", []),
])
def test_an_improvement_named_by_its_kind(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Progressive clinical recovery was observed after the first dose of antivenom.", ["recovered"]),
    ("The patient had a prompt amelioration of lumbar and cervical pain.", ["recovered"]),
    ("There were no other complaints over a follow-up period of 6 months.", ["recovered"]),
    ("Her main complaints were fever and pain.", []),
    # a finding's end told of its plural too
    ("Quinine was started on the 14th day, and on the 16th day the fevers ceased.", ["recovered"]),
    ("The fevers persisted despite quinine.", []),
    # "no other complaints" of a history, and cultures of the work-up, are no recovery
    ("There were no other complaints, and the review of systems was negative.", []),
    ("He had no other complaints apart from a cough.", []),
    ("Her culture results were negative.", []),
    ("Repeat blood cultures were negative.", ["recovered"]),
    ("His sputum cultures became negative after two months.", ["recovered"]),
])
def test_recovery_in_other_words(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the resolution a treatment brought, the illness named; the treatment's deed
    "He was given intravenous penicillin, resulting in resolution of the conduction block.",
    "Plasma exchange led to the gradual resolution of her haemolysis.",
    "Oral prednisolone followed by azathioprine resolved her condition within a month.",
    "He was switched to oral amoxicillin, which successfully resolved the arthritis.",
])
def test_recovery_a_treatment_brought(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    # a partial resolution, and the complete one (a complete remission, recovered for a non-cancer case)
    "Steroids led to resolution of some of the skin lesions.",
    "This led to complete resolution of the skin lesions.",
])
def test_resolution_not_told_as_recovery(nlp, text):
    assert categories(nlp, text) != ["recovered"]


@pytest.mark.parametrize("text", [
    "Herein, we describe a patient with drug reaction who responded successfully to oral prednisolone.",
    "The infant responded promptly and dramatically to oral corticosteroids.",
    "Prompt hemodialysis resulted in complete reversal of all manifestations.",
    "At 2 months follow up the ECG was normal with reversal of symptoms.",
    "Intensive medical therapy saved his life after a one-month struggle.",
    "She underwent termination of the pregnancy with a favorable maternal and fetal outcome.",
])
def test_a_response_a_reversal_a_life_saved_or_a_good_maternal_outcome_is_recovery(nlp, text):
    assert "recovered" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "Early treatment may save the life of such patients.",
    "Reversal of anticoagulation was achieved with vitamin K before surgery.",
    "The tumour responded poorly to two lines of chemotherapy.",
])
def test_a_possibility_a_drugs_reversal_or_a_poor_response_is_no_recovery(nlp, text):
    assert "recovered" not in categories(nlp, text)

