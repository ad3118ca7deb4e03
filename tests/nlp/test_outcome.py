import doctest

import pytest
import spacy

from pipeline.nlp.outcome import outcome as outcome_module
from pipeline.nlp.outcome.model import CATEGORIES
from pipeline.resources import read_patterns

from outcome_helpers import categories, nlp, outcomes  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize(
    "text, expected",
    [
        # complete remission
        ("She achieved complete remission after chemoradiation.", "complete remission"),
        ("She achieved completed remission after two more courses.", "complete remission"),
        ("A complete clinical response was seen on MRI.", "complete remission"),
        ("After 8 months the cancer was found to be in remission.", "complete remission"),
        ("The patient achieved CR after four cycles.", "complete remission"),
        ("The recurrent tumour completely disappeared after chemotherapy.", "complete remission"),
        # partial response
        ("Imaging showed a partial response of the liver lesions.", "partial response"),
        ("An evaluation indicated a partial remission.", "partial response"),
        ("The response was evaluated as PR according to RECIST.", "partial response"),
        # the response of one part of the disease (intracranial, systemic)
        ("She achieved a partial systemic response on pembrolizumab.", "partial response"),
        ("MRI showed a complete intracranial response.", "complete remission"),
        # stable disease
        ("Restaging showed stable disease.", "stable disease"),
        ("At present, her condition is stable.", "stable disease"),
        ("The disease remained stable for a year.", "stable disease"),
        ("The lung nodules have remained stable since then.", "stable disease"),
        ("The best response was SD.", "stable disease"),
        # progressive disease
        ("CT revealed disease progression in the liver.", "progressive disease"),
        ("The disease has progressed after 50 days of surgery.", "progressive disease"),
        ("She had progressive disease after the second line.", "progressive disease"),
        ("Given the progression of the disease, a resection was done.", "progressive disease"),
        ("The response was assessed as PD.", "progressive disease"),
        ("The tumour continued to grow.", "progressive disease"),
        ("The nodules enlarged during second-line chemotherapy.", "progressive disease"),
        # no evidence of disease
        ("The latest follow-up showed no evidence of recurrence.", "no evidence of disease"),
        ("There was no clinical or radiological evidence of recurrent disease.", "no evidence of disease"),
        ("Two years later there is no evidence of tumoral activity.", "no evidence of disease"),
        ("She did not show obvious signs of recurrence.", "no evidence of disease"),
        ("She was disease-free at the 6-month follow-up.", "no evidence of disease"),
        ("He is alive and free of any clinical or radiological signs of recurrence 98 months later.", "no evidence of disease"),
        ("She has remained well without recurrence.", "no evidence of disease"),
        ("There has been no recurrence.", "no evidence of disease"),
        ("She is alive and well without evidence of disease.", "no evidence of disease"),
        ("At 24 months she remains NED.", "no evidence of disease"),
        ("She is free of disease two years later.", "no evidence of disease"),
        # alive with disease
        ("She is alive with disease 18 months after diagnosis.", "alive with disease"),
        ("He is living with metastatic disease.", "alive with disease"),
        # died
        ("The patient died six weeks after the diagnosis.", "died"),
        ("She passed away in March.", "died"),
        ("The patient expired on the third day.", "died"),
        ("He succumbed to sepsis.", "died"),
        ("Leukocytosis first appeared three months before his death.", "died"),
        ("She died of progressive disease 4 months later.", "died"),
        # recovered
        ("She recovered without sequelae.", "recovered"),
        ("Both were placed on 30-day courses of doxycycline 100 mg twice daily with clinical resolution.", "recovered"),
        ("He was discharged from the hospital in good condition.", "recovered"),
        ("The pain showed marked improvement within days.", "recovered"),
        ("She made a full recovery.", "recovered"),
        ("He was discharged home on day 5.", "recovered"),
        ("All of them took discharge on the following morning.", "recovered"),
        # wording of unseen reports (MACCROBAT check): survival in the past tense, a death told in
        # passing, "living well", a disease that does not grow, recovery of the general condition
        ("She survived 11 months after the diagnosis of the brain metastases.", "died"),
        ("Ascites was drained weekly for two months before her death.", "died"),
        ("He has been living well without dyspnoea since the transplantation.", "no evidence of disease"),
        ("She lived well with the disease, cared for by her son.", "alive with disease"),
        ("He remains on gefitinib with no evidence of progression.", "stable disease"),
        ("There were no signs of disease progression on the last CT.", "stable disease"),
        ("The tumour response was considered PR by RECIST.", "partial response"),
        ("Within a week the recovery of the general condition was evident.", "recovered"),
        ("Three months after the operation the patient was asymptomatic again.", "recovered"),
        ("She reported resolution of her chief complaint at the 1-month visit.", "recovered"),
        ("At the 2-week visit all her symptoms had improved.", "recovered"),
        ("Six months later he reports sustained improvement of the incontinence.", "recovered"),
        ("After a week of convalescence she returned home without complications.", "recovered"),
        ("She had no further episodes of syncope.", "recovered"),
        ("At the 3-month follow-up visit, the patient was asymptomatic.", "recovered"),
        ("She is currently asymptomatic on a reduced dose.", "recovered"),
        ("His back pain has not returned.", "no evidence of disease"),
        ("The tumour has not recurred.", "no evidence of disease"),
        ("Resuscitation was unsuccessful.", "died"),
        ("Massive cerebral oedema developed, leading to brain death.", "died"),
        ("On hospital day 5, she was diagnosed as brain death.", "died"),
        ("Pneumonia resolved gradually and he was extubated.", "recovered"),
        ("The patient received appropriate antibiotic therapy and showed improvement.", "recovered"),
        ("Neither recurrence nor metastasis was observed after 4 years.", "no evidence of disease"),
        ("An autopsy was performed the next day.", "died"),
        ("The evolution was favourable.", "recovered"),
        ("The patient left the hospital on day 6.", "recovered"),
        ("He was successfully treated with oral antibiotics.", "recovered"),
        ("The skin lesions regressed completely.", "complete remission"),
        ("Her general condition gradually improved.", "recovered"),
        ("She expired despite maximal support.", "died"),
        ("Unfortunately, the boy subsequently expired two days later.", "died"),
        ("The pneumonia proved fatal.", "died"),
        ("A fatal case of disseminated fungal infection after transplantation", "died"),
        ("We report three fatal cases of diphtheritic myocarditis.", "died"),
        ("Here, we present 2 fatal cases with co-infection by a second virus.", "died"),
        ("We report three cases of fatalities due to diphtheritic myocarditis.", "died"),
        ("One month later there was no abdominal pain.", "recovered"),
        ("At follow-up she had no pain.", "recovered"),
        ("She no longer complains of headaches.", "recovered"),
    ],
)
def test_outcome_categories(nlp, text, expected):
    assert categories(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The 5-year disease-free survival was 80%.",
        "Median progression-free survival was 7 months.",
        "The tumour was ER-positive and PR-positive.",
        "Immunostaining was ER and PR positive; PR (+).",
        "PD-L1 expression was high; PD-1 inhibitors were considered.",
        "Values are mean ± SD.",
        "Programmed cell death protein 1 is a target.",
        "Cervical cancer is the fourth leading cause of cancer death in women worldwide.",
        "The complete response rate was 30% in that trial.",
        "Her neutrophil count recovered after G-CSF.",
        "She was discharged to hospice.",
        "He took discharge against medical advice.",
        "She remained hemodynamically stable during surgery.",
        "She had a foul vaginal discharge.",
        "The risk of death is high.",
        "A disease-free margin of 1 cm was obtained.",
        "Progressive leukocytosis was noted.",
        "Neutrophils may play a role in the pathophysiology of cancer progression.",
        "CA125 is a marker of disease progression.",
        "Her passport expired.",
        "The prescription for the inhaler had expired on the day of admission.",
        # a growth before the treatment, a sign that goes on
        "The tumor grew rapidly during pregnancy.",
        "The fever continued to rise.",
        # a negation inside the phrase, before its verb of getting better
        "Dead tissue was debrided from the wound.",
        "Heart disease is the leading cause of death in women.",
        "The follow-up of such patients is rarely satisfactory.",
        "Five years later, the wound had still not healed.",
        "At the last visit her mobility has not returned to normal.",
        "The patient never recovered the use of his left hand.",
        "Her vision did not fully improve.",
        "Raised intracranial pressure can lead to brain death.",
    ],
)
def test_not_an_outcome(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The tumour has not recurred at 24 months.", ["no evidence of disease"]),
    ("Her symptoms resolved and have not returned.", ["recovered"]),
    ("The ulcer had completely healed six weeks later.", ["recovered"]),
    ("Follow-up has shown no local or distant relapse.", ["no evidence of disease"]),
    ("The tumour has shown no growth over three years of follow-up.", ["stable disease"]),
    ("A good response was consequently achieved after two months of alectinib.", ["partial response"]),
    ("She then received avelumab, with a sustained response lasting over two years.", ["partial response"]),
    ("After six cycles the liver metastases regressed.", ["partial response"]),
    ("The metastases completely regressed.", ["complete remission"]),
    ("Follow-up PET-CT showed complete metabolic resolution.", ["complete remission"]),
    ("Restaging CT showed progression in the liver.", ["progressive disease"]),
    ("The skin lesions regressed within two weeks.", ["recovered"]),
    ("She presented with a recurrence of her abdominal pain.", []),
    ("He presented with a recurrence of the carcinoma in the neck.", ["progressive disease"]),
    ("She developed a recurrence of the GIST two years later.", ["progressive disease"]),
    ("He experienced a recurrence of the thymoma in the pleura.", ["progressive disease"]),
    ("She developed a recurrence of the primary in the vault.", ["progressive disease"]),
    ("Her condition never got better.", []),
    ("The pain was relieved by rest.", []),
])
def test_a_negation_that_is_no_failure_to_recover_keeps_the_status(nlp, text, expected):
    assert categories(nlp, text) == expected


def test_a_negation_inside_the_phrase_is_part_of_the_span(nlp):
    doc = nlp("The latest follow-up showed no evidence of recurrence.")
    [span] = doc.spans["outcome"]
    assert span.text.startswith("showed no evidence") and span._.value.category == "no evidence of disease"


def test_bracketed_abbreviation_joins_its_phrase(nlp):
    doc = nlp("She had a complete response (CR) to chemotherapy.")
    assert [s.text for s in doc.spans["outcome"]] == ["complete response (CR)"]


@pytest.mark.parametrize(
    "text, last",
    [
        ("At the last follow-up, she was alive and well.", True),
        ("As of the last follow-up, the patient's condition was stable.", True),
        ("She is currently disease-free.", True),
        ("At present, her condition is stable.", True),
        ("To date, there has been no recurrence.", True),
        ("She was disease-free at the 6-month follow-up.", True),
        ("She remains in complete remission.", True),
        ("She achieved complete remission in 2012.", False),
        ("He died two weeks later.", False),
    ],
)
def test_last_follow_up(nlp, text, last):
    [value] = outcomes(nlp, text)
    assert value.last_follow_up is last


@pytest.mark.parametrize(
    "text, plural",
    [
        ("In total, 78% of the patients died within 12 weeks.", True),
        ("Most patients achieved complete remission.", True),
        ("The patient died ten days after admission.", False),
        ("Unlike the other patients, she died within a week.", False),
        ("She died.", False),
        # a possessive written without its apostrophe is one patient's
        ("The patients condition improved after dialysis.", False),
        ("The patients general condition improved markedly within two days.", False),
        ("In most patients the condition improved after dialysis.", True),
    ],
)
def test_plural_subject(nlp, text, plural):
    [value] = outcomes(nlp, text)
    assert value.subject_plural is plural


def test_several_statements_in_order(nlp):
    text = (
        "A post-treatment evaluation indicated a partial remission. The disease then progressed. "
        "She passed away in June."
    )
    assert categories(nlp, text) == ["partial response", "progressive disease", "died"]


def test_categories_in_the_data_file_are_those_of_the_contract():
    assert set(read_patterns("outcome/outcome.toml")["categories"]) == set(CATEGORIES)


@pytest.mark.parametrize("text", ["", "\x00\x01", "died " * 2000, "İstanbul: she died.", "CR" * 500])
def test_odd_input_does_not_raise(nlp, text):
    nlp(text)


def test_lower_casing_that_changes_length_still_works(nlp):
    assert categories(nlp, "İstanbul: she died. She achieved CR.") == ["died", "complete remission"]


def test_works_alone_on_a_blank_pipeline_without_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_outcome")
    doc = nlp("She had surgery. Currently she is alive and well. 78% of patients died.")
    values = [s._.value for s in doc.spans["outcome"]]
    assert [(v.category, v.last_follow_up, v.subject_plural) for v in values] == [
        ("no evidence of disease", True, False),
        ("died", False, True),
    ]


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(outcome_module).failed == 0


# -- issue 11: the wording of outcomes in full-text reports ----------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("He is doing well 4 years after the resection.", "no evidence of disease"),
        ("She continues to be disease free and alive at 40 months.", "no evidence of disease"),
        ("She remains well without evidence of recurrence.", "no evidence of disease"),
        ("Her course was smooth, without relapses for a year.", "no evidence of disease"),
        ("The patient died on postoperative day 21.", "died"),
        ("The patient passed away at home.", "died"),
        ("A scan showed widespread disease and she passed shortly after.", "died"),
        ("She is currently receiving palliative chemotherapy.", "alive with disease"),
        ("This led to complete resolution of the skin lesions.", "complete remission"),
        ("He was discharged home in good condition.", "recovered"),
        ("His symptoms resolved within two weeks.", "recovered"),
        ("The pleural effusion subsided after drainage.", "recovered"),
        ("Her fever gradually settled on antibiotics.", "recovered"),
        ("She recovered uneventfully.", "recovered"),
        ("He had an uneventful recovery.", "recovered"),
        ("The postoperative course was uneventful.", "recovered"),
        ("Steroid pulses were given, with gradual improvement.", "recovered"),
        ("The patient showed progressive improvement after thyroxine replacement.", "recovered"),
        ("Our patient responded well to the antifungal treatment.", "recovered"),
        ("Closed reduction gave a favourable final outcome.", "recovered"),
        ("The outcome of our case was favorable.", "recovered"),
        ("The child was discharged on day 8 without any sequelae.", "recovered"),
        ("At the 6-month follow-up, she was asymptomatic.", "recovered"),
        ("At his last visit, he was completely asymptomatic.", "recovered"),
        ("One month later she was back at work.", "recovered"),
        ("The infection was successfully eradicated.", "recovered"),
        ("At her latest review she remained pain-free.", "recovered"),
    ],
)
def test_full_text_outcome_wording(nlp, text, expected):
    assert expected in categories(nlp, text)
    assert set(categories(nlp, text)) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "He passed a large stone two days later.",
        "She was well until three days before admission.",
        "There was no significant improvement after a week of antibiotics.",
        "She failed to achieve complete remission.",
        "The patient was asymptomatic and the mass was found incidentally.",
    ],
)
def test_full_text_not_an_outcome(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize(
    "text, last",
    [
        ("He is doing well 3 years after the operation.", True),
        ("She continues to be disease free and alive at 39 months.", True),
        ("She is currently receiving palliative chemotherapy.", True),
        ("The fever subsided on day 3.", False),
    ],
)
def test_current_status_wording(nlp, text, last):
    assert outcomes(nlp, text)[0].last_follow_up is last


@pytest.mark.parametrize(
    "text, plural",
    [
        ("Both patients improved considerably within a day.", False),
        ("The two children were discharged on day 10.", False),
        ("Most patients have a favourable outcome.", True),
    ],
)
def test_the_reported_patients_are_not_a_plural_subject(nlp, text, plural):
    assert outcomes(nlp, text)[0].subject_plural is plural


@pytest.mark.xfail(reason="a mid-course improvement is read as an outcome; the case assembly relies on a later status being written")
def test_mid_course_improvement_is_not_the_outcome(nlp):
    assert categories(nlp, "The fever subsided on day 3, but on day 5 she developed a rash.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The resection margins were free of tumour.",
        "The cervix and omentum were free of disease.",
        "She was disease free until a year after the second operation.",
    ],
)
def test_a_specimen_or_a_past_interval_is_not_the_status(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    "In the case of disease progression, pregnancy termination should be considered.",
    "In the event of relapse, autologous transplantation is an option.",
    "Should there be any recurrence, re-excision is advised.",
])
def test_a_status_named_as_a_condition_is_none(nlp, text):
    assert categories(nlp, text) == []


def test_a_specimen_in_brackets_before_the_patients_status(nlp):
    text = ("All patients had B-cell lymphoma (an extrarenal origin was ruled out by bone marrow biopsy), "
            "and were disease-free 15 months, 7 months and 6.5 years after diagnosis, respectively.")
    assert categories(nlp, text) == ["no evidence of disease"]
    # the specimen itself, with a bracket of its own, is still a specimen
    assert categories(nlp, "The margins (all three) were free of tumour.") == []


def test_the_patient_free_of_disease_after_an_organ_named(nlp):
    assert categories(nlp, "After removal of the uterus, she is free of disease.") == ["no evidence of disease"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two years later she is in good health.", "no evidence of disease"),
        ("He was pronounced dead in the emergency room.", "died"),
        ("The patient dead due to respiratory failure after the fifth cycle.", "died"),
        ("She developed heart failure, which was the immediate cause of her death.", "died"),
        ("The second boy is progressing satisfactorily on zinc therapy.", "recovered"),
        ("She progressed well after the operation.", "recovered"),
        ("She could not be resuscitated.", "died"),
        ("The patient did not survive the operation.", "died"),
        ("The disease had a fatal outcome within weeks.", "died"),
    ],
)
def test_more_status_wording(nlp, text, expected):
    assert categories(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, group",
    [
        ("Both patients improved considerably within a day.", True),
        ("The two children were discharged on day 10.", True),
        ("All five patients were discharged home.", True),
        ("All of them recovered fully.", True),
        ("The patients were diagnosed by electromyography and improved after immunoglobulin.", True),
        ("Most patients were treated with immunoglobulin and improved within a week.", False),
        ("She was discharged on day 10.", False),
        ("Most patients have a favourable outcome.", False),
    ],
)
def test_the_reported_group_is_flagged(nlp, text, group):
    assert outcomes(nlp, text)[0].subject_reported_group is group


@pytest.mark.parametrize(
    "text",
    [
        "She was seen a month after discharge, at which time she was asymptomatic.",
        "Her symptoms were markedly improved at discharge.",
        "The patient was completely cured.",
        "He returned to his normal daily activities within a month.",
    ],
)
def test_recovery_wording(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize(
    "text, other",
    [
        ("Her younger brother, who had the same disease in childhood, died in an accident.", True),
        ("The organ donor died of an intracerebral haemorrhage.", True),
        ("Her husband reported that she died at home.", False),
        ("The patient died two weeks later.", False),
    ],
)
def test_another_persons_status_is_flagged(nlp, text, other):
    assert outcomes(nlp, text)[0].subject_other_person is other


def test_a_deceased_donor_is_no_death_of_the_patient(nlp):
    assert categories(nlp, "He received a liver from a deceased donor in 2011.") == []


@pytest.mark.parametrize("text", [
    "The ulcer healed completely within four weeks.",
    "The rash cleared after two weeks of treatment.",
    "She has remained seizure-free for two years.",
    "Her visual acuity improved to 20/25.",
    "He is now free of symptoms.",
    "She is currently well.",
    "At the last visit the patient is doing fine.",
    "Six months later, she had no complaints.",
    "On follow-up, he reported complete relief of pain.",
    "He returned to work after three weeks.",
    "Clinical improvement was noted within 48 hours.",
    "Renal function normalised within a week.",
    "Her condition gradually got better.",
    "The infection was cured after six weeks of antibiotics.",
    "The postoperative period passed without complications.",
    "His pain was relieved completely after the block.",
    "Both patients experienced continuous improvements in cardiac function.",
    "The second patient was a 33-year-old woman treated with alteplase who recovered.",
])
def test_non_cancer_recovery_wording(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    "The tumour was well differentiated.",
    "She was well known to our clinic.",
    "She had no complaints of chest pain.",
    "The infection was cleared by the immune system.",
    "The dose was fine-tuned every week.",
])
def test_look_alikes_of_recovery_wording(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She has survived 14 months since the diagnosis.",  # alive: no death
        "The right flank was free of pain on palpation.",  # an examination finding, not a status
        "Most deaths occur within a year of diagnosis.",
        "She returned home from a trip abroad with fever.",
        "The patient was asymptomatic until two weeks before admission.",
        "She has not returned for follow-up.",
        "He left hospital against medical advice.",
        "Autopsy studies have shown this in a third of cases.",
        "Her symptoms initially improved with antibiotics.",
        "He reported no chest pain or dyspnoea.",
        "This is a potentially fatal complication.",
    ],
)
def test_look_alikes_of_the_new_wording_are_no_status(nlp, text):
    assert categories(nlp, text) == []


def test_a_course_uneventful_only_until_a_complication_is_no_recovery(nlp):
    text = "The postpartum period was uneventful until the second day, when she developed epigastric pain."
    assert "recovered" not in categories(nlp, text)
