"""Status wording found on case reports (sentences written for the
tests, in the style of case reports)."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "Her symptoms of fever, cough, and vomiting cleared with antibiotics.",
    "His symptoms of headache, nausea and photophobia resolved within a week.",
    "After six weeks the boy reported clinical improvements in cough and exercise tolerance.",
    "Treatment with prednisone normalized the patient's biochemical and radiological abnormalities.",
    "A short course of steroids resolved her symptoms.",
    "He had an unremarkable recovery.",
    "She had a smooth postoperative course.",
    "The postoperative period was uncomplicated.",
    "Her recovery was uncomplicated.",
    "He is currently asymptomatic.",
    "The patient has been symptom free for 2 years.",
    "The patient did well postoperatively.",
    "At 6 months, he was back to his baseline level of function.",
    "Her renal function returned to baseline.",
])
def test_recovery_wording_of_fresh_reports(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "Symptoms of fever and cough were cleared by the emergency physician as viral.",
    "There were no new lesions on the second scan.",
    "Laboratory tests normalized slowly.",
    "The antibiotics resolved nothing.",
    "The patient did well initially, but developed fever on day 3.",
    "He did well until two weeks before admission.",
    "She did well on the cognitive tests.",
    "The patient has been asymptomatic until last month.",
    "She was back to the emergency department two days later.",
    "The physical examination was unremarkable.",
    "Laboratory values were back to baseline after the infusion.",
    "The intraoperative course was uncomplicated until the clamp was released.",
    "The patient was asymptomatic at presentation.",
    "She had been symptom-free at the time of diagnosis.",
])
def test_look_alikes_are_no_status(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    "One month later the anaemia improved and she had gained weight.",
    "Her dyspnoea gradually improved over the following weeks.",
])
def test_a_sign_that_improved(nlp, text):
    assert categories(nlp, text) == ["recovered"]


def test_they_of_symptoms_is_no_group_of_people(nlp):
    doc = nlp("It took a year for the pain to resolve completely, and they have not recurred.")
    assert [(s._.value.category, s._.value.subject_plural) for s in doc.spans["outcome"]] == [
        ("no evidence of disease", False)]


@pytest.mark.parametrize("text", ["They died within a year.", "They recovered fully."])
def test_they_of_people_is_a_group(nlp, text):
    doc = nlp(text)
    assert [s._.value.subject_plural for s in doc.spans["outcome"]] == [True]


@pytest.mark.parametrize("text, expected", [
    ("A control postoperative CT revealed no tumour.", ["no evidence of disease"]),
    ("Follow-up MRI at one year showed no residual disease.", ["no evidence of disease"]),
    # a scan of the staging is no status
    ("The staging CT showed no tumour in the liver.", []),
    ("Preoperative MRI revealed no tumour in the contralateral ovary.", []),
])
def test_a_scan_after_the_treatment_without_tumour(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Imaging revealed a significant reduction in tumour size after three cycles.",
    "A repeat CT showed profound regression of the disease.",
    "The liver metastases shrank markedly after two cycles.",
    "There was a marked decrease in the size of the mass.",
    "The tumour decreased in size by 50%.",
    "PET-CT showed a near-complete metabolic response.",
    "Durable, near complete intracranial and systemic response was achieved after immunotherapy.",
])
def test_response_short_of_complete(nlp, text):
    assert categories(nlp, text) == ["partial response"]


@pytest.mark.parametrize("text", [
    "There was no significant reduction in tumour size.",
    "The haematoma decreased in size on follow-up.",
])
def test_look_alikes_of_a_response(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # "expired" a few words after the patient
    ("The patient was compassionately extubated and expired soon after.", ["died"]),
    # a treatment told with its result
    ("Antibiotics were adjusted to the culture, resulting in normalization of the inflammatory markers and "
     "clinical improvement after 3 days.", ["recovered"]),
])
def test_full_text_wording(nlp, text, expected):
    assert categories(nlp, text) == expected


def test_an_expiring_document_is_no_death(nlp):
    assert categories(nlp, "The patient's insurance card had expired in May.") == []


@pytest.mark.parametrize("text, expected", [
    ("Oral miltefosine was given for four weeks, resulting in his cure.", "recovered"),
    ("The post-procedural period remained uneventful.", "recovered"),
    ("Her post-transplant course was uncomplicated.", "recovered"),
    ("The post-interventional stay passed without complications.", "recovered"),
    ("After an improvement in his general condition he was moved to the ward.", "recovered"),
    ("Plasma exchange led to symptom remission within a week.", "recovered"),
    ("Steroids brought a remission of her neurological symptoms.", "recovered"),
    ("The man has done well without evidence of malignancy for 3 years.", "no evidence of disease"),
    ("She has done very well since the resection.", "no evidence of disease"),
    ("The woman is at present in a state of disease-free survival.", "no evidence of disease"),
    ("The final pathological diagnosis was negative for recurrent carcinoma.", "no evidence of disease"),
    ("Annual scans did not reveal any recurrence.", "no evidence of disease"),
    ("Surveillance imaging did not show local recurrences.", "no evidence of disease"),
    ("There was no evidence of either recurrent disease or late toxicity at 2 years.", "no evidence of disease"),
    ("After a second operation she is alive and without evidence of disease.", "no evidence of disease"),
    ("The results of the follow-up examination were unremarkable after 11 months.", "no evidence of disease"),
    ("She deteriorated over the following week, eventually dying on day 12.", "died"),
    ("Intravenous immunoglobulin led to an improvement in her weakness.", "recovered"),
    ("Steroids and physiotherapy resulted in improvement of the pain and gait.", "recovered"),
    ("Three years after radiosurgery she remains without evidence of other metastatic disease.", "no evidence of disease"),
    ("After the resection she has been without evidence of disease for 6 months.", "no evidence of disease"),
    ("She remains alive to date two years after the diagnosis of breast metastasis on seventh line treatment.",
     "alive with disease"),
    ("His symptoms and laboratory parameters improved following ganciclovir.", "recovered"),
    ("One year later the patient was diagnosed with a third recurrence.", "progressive disease"),
    ("We report a case of scrub typhus with a facial palsy treated successfully with doxycycline.", "recovered"),
    ("Ciclosporin with glucocorticoids was able to successfully control the disease activity.", "recovered"),
    ("She was given oral prednisolone and improved within a week.", "recovered"),
    ("The patients were diagnosed by electromyography and improved after immunoglobulin.", "recovered"),
])
def test_closing_wording_families(nlp, text, expected):
    assert categories(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "The prognosis of this tumour is generally good.",
    "Cutaneous leishmaniasis may be cured by a single course.",
    "The biopsy was negative for malignancy.",
    "A post-mortem period of 12 hours preceded the examination.",
    "Her back pain was worse with activity and improved with rest.",
    "Older age raises the risk of dying from sepsis.",
    "Staging CT showed a pelvic mass without evidence of metastatic disease.",
    "She was diagnosed with a recurrence of her abdominal pain.",
    "The infection can be successfully treated with doxycycline.",
])
def test_look_alikes_of_the_closing_wording(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # a tumour that stopped changing on follow-up imaging
    ("One year follow-up CT showed the hepatic tumor slightly diminished in size, but stabilized at 18 cm.",
     ["stable disease"]),
    ("The lung metastases have stabilized on imatinib.", ["stable disease"]),
    # "no appearance of recurrence" says none was seen
    ("The patient was followed up for 1 year. There was no appearance of recurrence or distant metastasis.",
     ["no evidence of disease"]),
])
def test_stabilized_tumours_and_no_appearance_of_recurrence(nlp, text, expected):
    assert categories(nlp, text) == expected


def test_passed_with_a_time_after_it_is_a_death(nlp):
    text = "His clinical course continued to worsen, and he passed a month after the diagnosis of brain metastasis."
    assert categories(nlp, text) == ["died"]


@pytest.mark.parametrize("text", [
    "At present she is perfectly alright without any disease.",
    "He remains well with no evidence of disease.",
])
def test_well_without_disease(nlp, text):
    assert categories(nlp, text) == ["no evidence of disease"]


def test_the_size_of_the_nodules_decreased(nlp):
    assert categories(nlp, "After 8 weeks of treatment, the size of the metastatic nodules decreased.") == ["partial response"]


def test_a_malignant_effusion_that_deteriorated_is_progression(nlp):
    text = "However, malignant pleural effusion deteriorated, and no additional palliative chemotherapy was performed."
    assert categories(nlp, text) == ["progressive disease"]


def test_an_institution_or_a_leukaemia_named_before_is_no_group_of_patients(nlp):
    doc = nlp("The patient has been treated with Children's Oncology Group T-ALL protocol, and has been in "
              "continuous remission.")
    assert [(s._.value.category, s._.value.subject_plural) for s in doc.spans["outcome"]] == [("complete remission", False)]


@pytest.mark.parametrize("text, expected", [
    ("The patient was persisting free of symptoms after 15 months of follow-up.", ["recovered"]),
    ("Our patient is still alive and healthy 53 weeks later.", ["no evidence of disease"]),
    ("She was in stable condition at discharge.", ["recovered"]),
    ("Complete clinical and radiological resolution was achieved.", ["complete remission"]),
    ("After three cycles, the tumor size was reduced significantly.", ["partial response"]),
    ("The tumor has not progressed for 10 months.", ["stable disease"]),
    ("Follow-up CT showed new liver metastases.", ["progressive disease"]),
    ("She relapsed 10 months later.", ["progressive disease"]),
    ("She is currently alive and receiving palliative chemotherapy.", ["alive with disease"]),
    # no complaint at a follow-up after the treatment
    ("He had not any complaint during four months follow-up.", ["recovered"]),
    ("She had no complaints at the 6-month follow-up visit.", ["recovered"]),
])
def test_common_status_wordings_written_from_the_response_categories(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "She had been free of symptoms for years before this admission.",
    "The tumor size was reduced only slightly.",
    "The lesion had not progressed to the submucosa.",
    "He relapsed into alcohol use.",
    "She had no complaints of chest pain at the time of the follow-up call.",
])
def test_status_wordings_that_are_no_status(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Metastasis occurred in the spine and the ribs, which caused the patient to die quickly.", ["died"]),
    ("Overwhelming sepsis caused her death on day 4.", ["died"]),
    ("Untreated, the infection may cause death.", []),
])
def test_a_cause_of_the_patients_death(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her seizures, which responded excellently to levetiracetam, did not return.", ["recovered"]),
    ("He was treated with levetiracetam as a trial, and the response was excellent.", ["recovered"]),
    ("Antibiotics and drainage led to successful treatment of the abscess.", ["recovered"]),
    ("Then she experienced an aggressive recurrence with bilateral lung metastases.", ["progressive disease"]),
    ("After 30 months of follow-up, brain, lung and liver metastases were not found.", ["no evidence of disease"]),
    ("The response to the first cycle was poor.", []),
])
def test_responses_judged_and_events_told_with_an_adjective(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The eosinophil counts returned to normal after 2 weeks of oral prednisolone therapy.", ["recovered"]),
    ("His white blood cell count normalized on day 5.", ["recovered"]),
    ("The platelet count was normal on admission.", []),
])
def test_a_blood_count_back_to_normal(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a course that ended in death, closing a list of its complications
    ("She developed a severe interstitial pneumonia, causing respiratory failure and death.", ["died"]),
    ("The pneumonia progressed rapidly, leading to respiratory failure and death.", ["died"]),
    ("His clinical status did not improve, ultimately leading to his mortality.", ["died"]),
    ("Her untimely demise came a week later.", ["died"]),
    ("The mortality of this disease remains high.", []),
    # what a disease can do is no one's death
    ("Sepsis can lead to organ failure and death.", []),
    ("Hantavirus infection causes respiratory failure and death in 40% of cases.", []),
])
def test_a_course_ending_in_death(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a treatment that improved the illness, in the active voice
    ("Surgical drainage with intravenous antibiotics improved the abscess in both cases.", ["recovered"]),
    ("Steroids improved her condition within a week.", ["recovered"]),
    # ... not what a treatment improves in general
    ("Early treatment improved the prognosis of patients with sepsis.", []),
])
def test_a_treatment_that_improved_the_illness(nlp, text, expected):
    assert categories(nlp, text) == expected
