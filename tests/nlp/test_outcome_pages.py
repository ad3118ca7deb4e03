"""Status wording of abstract pages and PMC bodies (sentences written
for the tests, in the style of case reports)."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    # a list of findings that went away together
    "Her fever, rash, facial swelling, and hepatitis gradually resolved over four weeks.",
    "His cough, fever and breathlessness completely subsided after the drainage.",
    # recovery with its degree
    "Early thrombolysis led to a significant recovery of his speech.",
    "Total recovery was reached after six weeks, with some loss of the palate.",
    "She made a marked recovery.",
    # a result or an outcome with several qualifiers
    "The two-year review showed a good radiological and functional outcome.",
    "We obtained a satisfactory result with open reduction and an external fixator.",
    "The repair gave an excellent functional result.",
    # a return of function
    "At 6 months she walked without pain and resumed her normal gait and activities.",
    "He resumed full-time work three months after the operation.",
    # free of infection, of complications, of bleeding
    "The boy remained infection free at the 12-month follow-up.",
    "The patient was well and without complications at the one-year follow-up.",
    "No further gastrointestinal bleeding was seen after the embolisation.",
    "She was discharged under stable condition on day 9.",
    # a good response, a rapid improvement, a regained function, "is well" now
    "Antibiotics were stopped after six weeks with a good clinical response.",
    "He had a prompt response to intravenous methylprednisolone.",
    "Clinical improvement was rapid after the drainage.",
    "At six weeks she had regained full range of motion of the knee.",
    "At the time of writing, the patient is well.",
    "She showed complete clinical and biochemical improvement.",
    "He was much improved at the two-week visit.",
    "She has been followed up for two years without complications.",
])
def test_recovery_wording_of_pages(nlp, text):
    assert set(categories(nlp, text)) == {"recovered"}


@pytest.mark.parametrize("text", [
    # the words of a recovery that say something else
    "Fever, cough and dyspnoea that had not resolved prompted a second admission.",
    "Good results have been reported with this technique in older series.",
    "Her fever and rash resolved before she was seen, then came back overnight.",
    "She felt well until three days before admission.",
    "She had a good response to bronchodilators in the past, but this time she was intubated.",
    "The response rate was good in the published series.",
    "He is well known to our department.",
    "She is well aware of the risks of surgery.",
])
def test_look_alikes_of_pages(nlp, text):
    assert "recovered" not in categories(nlp, text)


def test_recurrence_of_a_symptom_is_no_statement_on_a_tumour(nlp):
    # a recovery of a symptom: a non-cancer case reads it as recovered, a cancer case drops it
    text = "Her epilepsy was controlled with gabapentin without any recurrence of seizures."
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "At the last visit there was no recurrence of the thyroid carcinoma.",
    "She remains well without recurrence of the disease.",
    "Three years later there was no local recurrence.",
])
def test_recurrence_of_a_tumour_is_no_evidence_of_disease(nlp, text):
    assert "no evidence of disease" in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a complication's course is no progression of a tumour
    ("The lesion showed a rapid progression to gangrene of the soft palate.", []),
    ("Further progression to respiratory failure required intubation.", []),
    ("A rapid progression to widespread metastases followed.", ["progressive disease"]),
    ("Imaging confirmed further progression of the liver lesions.", ["progressive disease"]),
])
def test_progression_to_a_complication(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a function of the patient's that comes back
    "Unexpectedly she experienced improvement in vision after the operation.",
    "Examination showed an increase in visual acuity from 6/12 to 6/6 in the left eye.",
    "Over seven years the girl achieved good visual acuity in both eyes.",
    "He regained normal hearing within a month.",
    "The new glasses enabled the patient to return to daily activities.",
])
def test_a_function_that_comes_back(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "There was no improvement in vision despite the injections.",
    "An improvement in motor skills was noted after growth hormone.",
    "Patients are often unable to return to work.",
])
def test_look_alikes_of_a_function_that_comes_back(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "The infection took a fulminant course which resulted in the death of both infants.",
    "Post-mortem histological findings included depletion of the thymus.",
])
def test_death_told_as_a_result(nlp, text):
    assert categories(nlp, text) == ["died"]


def test_death_of_a_group_named_in_the_phrase_is_the_reported_patients(nlp):
    doc = nlp("The infection resulted in the death of both infants.")
    (span,) = doc.spans["outcome"]
    assert span._.value.subject_reported_group


def test_a_rate_of_death_is_the_literature(nlp):
    assert categories(nlp, "Untreated disease resulted in death in most of the reported cases.") == []


@pytest.mark.parametrize("text", [
    # the closing sentences of abstracts, written for the tests
    "At the 1-year follow-up visit, the child was growing and developing normally.",
    "The infant is now 18 months old and meeting all developmental milestones.",
    "At 6 months she was pain free with full range of motion.",
    "She was pain-free at the 6-month follow-up.",
    "Her neurological examination was normal at the 3-month visit.",
    "The patient fully regained consciousness on day 3.",
    "The ulcer was completely re-epithelialized after six weeks of treatment.",
    "Clinical and laboratory parameters returned to normal within two weeks.",
    "All laboratory abnormalities normalized after withdrawal of the drug.",
    "The patient's motor function was fully restored by the 3-month follow-up.",
    "At last contact, 2 years after diagnosis, he was well and working.",
    "She was doing fine at the two-month check-up.",
    "Follow-up at one year revealed no residual deficit.",
    "Six weeks later she walked without a limp and her inflammatory markers had normalised.",
    "No neurological deficit remained at the 6-month follow-up.",
    "The left ventricular ejection fraction recovered to 55% at 3 months.",
])
def test_closing_sentences_of_abstracts(nlp, text):
    assert set(categories(nlp, text)) == {"recovered"}


def test_a_clearance_is_a_complete_resolution(nlp):
    # a non-cancer case reads it as recovered (cases/assemble.py)
    assert categories(nlp, "The follow-up radiograph showed complete clearance of the infiltrates.") == ["complete remission"]


@pytest.mark.parametrize("text", [
    # the history, a partial or a qualified return, or the age of a child
    "She was born at term and was meeting her developmental milestones until the age of two.",
    "He had been growing and developing normally until six months of age.",
    "The ejection fraction recovered partially to 35%.",
    "She was doing fine until two days before admission.",
    "At 6 months of age she developed seizures and was pain free only with morphine.",
    "Laboratory tests at admission showed that all laboratory parameters were normal.",
    "He remains on hemodialysis three times a week.",
    "She was lost to follow-up.",
    "The patient declined further treatment and was discharged against medical advice.",
])
def test_look_alikes_of_closing_sentences(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "He has had no further symptoms since.",
    "Currently, the patient leads a normal life.",
    "The patient is now completely independent in activities of daily living.",
    "She returned to her previous level of function.",
    "Control radiographs showed good consolidation of the fracture.",
    "The cosmetic and functional results were excellent.",
    "The patient is satisfied with the result.",
    "Healing was uneventful.",
    "She had an excellent response to the treatment.",
    "His mental status returned to baseline.",
])
def test_closing_sentences_of_full_texts(nlp, text):
    assert set(categories(nlp, text)) == {"recovered"}


@pytest.mark.parametrize("text", [
    "She had had no further symptoms until last month, when the pain came back.",
    "Functional results were good in most published series.",
    "She had a complete response to the treatment.",
])
def test_look_alikes_of_closing_sentences_of_full_texts(nlp, text):
    assert "recovered" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("At 24 months of follow-up, there is no sign of local or distant recurrence.", "no evidence of disease"),
    ("CT scans at 3 and 6 months showed no residual tumor.", "no evidence of disease"),
    ("The tumour markers normalised and imaging showed no active disease.", "no evidence of disease"),
    ("After four cycles, the tumour had decreased by 60%.", "partial response"),
])
def test_cancer_statuses_of_closing_sentences(nlp, text, expected):
    # (markers back to normal and a clear scan are two statements of the same status)
    assert set(categories(nlp, text)) == {expected}


@pytest.mark.parametrize("text", [
    "The surgical margins showed no residual tumour.",
    "The tumour decreased by 10% after two cycles.",
    "The staging CT at admission showed no distant disease.",
])
def test_look_alikes_of_cancer_statuses(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Withdrawal of the drug led to resolution of both his symptoms and laboratory markers.", "recovered"),
    ("After discharge the infant was followed up to 1 year old, with good prognosis and no carditis.", "recovered"),
    ("She was given prednisolone, and there was a striking clinical improvement.", "recovered"),
    ("We describe a 52-year-old man with a liver abscess who was treated and responded to antibiotics.", "recovered"),
    ("The patient had a rapid and aggressive clinical course, terminating in death.", "died"),
])
def test_summaries_of_the_course_in_abstracts(nlp, text, expected):
    assert categories(nlp, text) == [expected]


def test_both_of_them_are_the_reported_patients(nlp):
    doc = nlp("A leukemoid reaction was diagnosed and both of them died shortly thereafter.")
    (span,) = doc.spans["outcome"]
    assert span._.value.subject_reported_group and not span._.value.subject_plural


@pytest.mark.parametrize("text", [
    "Patients with this disease have a good prognosis.",
    "She was followed up for two years.",
])
def test_look_alikes_of_summaries(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("When she came back three weeks later, the tumour had disappeared.", ["complete remission"]),
    ("A surveillance CT a month after treatment showed over 90% tumour reduction.", ["partial response"]),
    ("A 20% tumour reduction was seen after two cycles.", []),
])
def test_a_tumour_that_disappears_or_shrinks(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "At the 11-month visit nine lesions had disappeared.",
    "The skin nodule disappeared within four weeks.",
])
def test_one_lesion_of_several_that_disappears_is_no_remission(nlp, text):
    assert "complete remission" not in categories(nlp, text)


def test_a_relative_who_tells_the_patients_status_is_no_other_person(nlp):
    doc = nlp("Her parents reported complete resolution of the episodes.")
    assert [s._.value.subject_other_person for s in doc.spans["outcome"]] == [False]


def test_a_relatives_own_status_stays_theirs(nlp):
    doc = nlp("His father had a myocardial infarction and recovered fully.")
    assert all(s._.value.subject_other_person for s in doc.spans["outcome"])


def test_a_full_range_of_motion_found_on_examination_is_no_recovery(nlp):
    # an examination's finding, not the state reached after the treatment
    text = "The limbs were of normal length with a full range of motion, but the hands were short and broad."
    assert "recovered" not in categories(nlp, text)
