"""Patients of a small series named by labels made the subject of their own sentences ("Patient 1
is a ...", "Patient A displayed ..."), with or without an age after the label, and a label run
into a heading before it ("Patients and methods Patient 1 is ..."). Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_labels import inline_patient_starts


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


def test_numbered_labels_after_a_run_in_heading_open_a_row_each(nlp):
    text = ("Background Rare syndromes deserve attention. Patients and methods Patient 1 is a 9-year-old "
            "boy referred for squint. His left eye did not abduct. Patient 2 is a 3-month-old girl admitted "
            "with poor feeding. Her right hand was small. Conclusion Both children were followed up.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(9, "male"), (0.25, "female")]


def test_lettered_labels_without_ages_open_a_row_each(nlp):
    text = ("On 3 May 2019 two women fell ill after a wedding meal. Patient A had vomiting and was given "
            "ondansetron. Patient B presented with bloody diarrhoea and received ciprofloxacin. Stool "
            "cultures grew Salmonella in both.")
    rows = cases(nlp, text)
    assert [r.drugs for r in rows] == [["ondansetron"], ["ciprofloxacin"]]


@pytest.mark.parametrize("text", [
    # a case of another series cited alone
    "A 52-year-old man presented with fever. He recovered. Discussion As in the series of Lee, Patient 2 had fever too.",
    # a series must start at its first member
    "A 52-year-old man presented with fever. Patient 2 had a rash and Patient 3 had a cough in an earlier report.",
])
def test_a_label_outside_a_series_opens_no_row(nlp, text):
    assert len(cases(nlp, text)) == 1


def test_a_series_label_needs_a_verb_of_its_own():
    text = "Patient 1 and Patient 2 of the cohort are listed in Table 1. Patient 1 data were incomplete."
    assert inline_patient_starts(text) == []


def test_patients_named_by_an_initial_are_numbered_in_the_order_they_appear(nlp):
    text = ("Purpose: to show treatment results in two patients with small cell carcinoma of the oesophagus. "
            "Patient K. was given etoposide with cisplatin and tolerated it well. Patient B. received "
            "irinotecan, progressed and died 7 months after diagnosis.")
    rows = cases(nlp, text)
    assert [(r.drugs, r.outcome) for r in rows] == [(["cisplatin", "etoposide"], None), (["irinotecan"], "died")]


def test_one_patient_named_by_an_initial_is_no_series(nlp):
    text = "A 61-year-old woman presented with dysphagia. Patient R. was given cisplatin and recovered."
    assert len(cases(nlp, text)) == 1


@pytest.mark.parametrize("text, ages", [
    # a hyphen between the label and its number, run into the text
    ("Two cases of lymphoma arising in rheumatoid arthritis are reported. Case-1 is a 62-years-old housewife who "
     "noticed neck swelling in 1982. Case-2 is a 65-years-old housewife who noticed axillary swelling in 1983.",
     [62, 65]),
    # ... or on a line of its own
    ("We report two cases of scrub typhus.\n\nCase-1\nA 45-year-old woman presented with fever and an eschar.\n\n"
     "Case-2\nA 65-year-old woman presented with fever and rash.\n", [45, 65]),
])
def test_a_label_hyphenated_to_its_number_opens_its_row(nlp, text, ages):
    assert [r.age for r in cases(nlp, text)] == ages


def test_a_hyphenated_range_of_cases_opens_no_row(nlp):
    text = "A 52-year-old man presented with fever. As in our earlier series (cases-1-3), blood cultures were negative."
    assert len(cases(nlp, text)) == 1


@pytest.mark.parametrize("text", [
    # the number in brackets
    "Abstract CASE (1) A 22-year-old woman in 31 weeks gestation was admitted with abdominal pain. Laparotomy showed "
    "a perforated appendix. CASE (2) A 25-year-old woman in 33 weeks gestation was admitted with epigastric pain.",
    # a label glued to the full stop before it, as scraped pages print it
    "CASE PRESENTATION: Case one: A 54-year-old man presented with epigastric pain. Repair was performed, and he was "
    "discharged.Case two: A 25-year-old man was admitted with chest pain.",
])
def test_a_bracketed_or_glued_case_label_opens_its_row(nlp, text):
    assert [r.age for r in cases(nlp, text)][1:] == [25]


def test_numbered_patients_each_named_a_relative_in_apposition_open_a_row_each(nlp):
    # "Patient 2, the mother, ..." with an age written "at age 50 years" further on
    text = ("Report of Cases\nPatient 1, the father, worked as a pipe insulator for 25 years. Asbestosis was "
            "diagnosed at age 60 years, and he died of lung cancer in 1977.\nPatient 2, the mother, was in good "
            "health until a right pleural effusion developed in 1967 at age 50 years. Pleural biopsy showed "
            "mesothelioma.\n")
    rows = cases(nlp, text, title="Familial mesothelioma after asbestos exposure at home")
    assert [(r.sex, r.primary_site) for r in rows] == [("male", "lung"), ("female", "pleura")]


def test_ordinal_cases_told_one_by_one_without_ages_open_a_row_each(nlp):
    # an abstract telling its three patients by ordinal subjects and settings, no age given
    text = ("We report three cases of gastric cancer during pregnancy. The first case included a patient with stage IV "
            "gastric cancer who received palliative chemotherapy. This patient died 7 months after diagnosis. The second "
            "case received neoadjuvant chemotherapy during pregnancy. This patient developed pulmonary metastasis and "
            "died of recurrence 41 months after surgery. In the third case, a distal subtotal gastrectomy was performed "
            "at week 14 of pregnancy. She is currently without recurrence 14 months after surgery.")
    rows = cases(nlp, text, title="Gastric cancer during pregnancy: three cases")
    assert [(r.metastasis_sites, r.outcome) for r in rows] == [
        ([], "died"), (["lung"], "died"), ([], "no evidence of disease")]


def test_an_ordinal_case_of_the_literature_opens_no_row(nlp):
    text = ("A 40-year-old woman had gastric cancer in pregnancy and died. Two cases were reported before. In the "
            "second case, the authors gave chemotherapy after delivery.")
    assert len(cases(nlp, text)) == 1


def test_patients_numbered_as_list_items_with_their_initials_open_a_row_each(nlp):
    text = ("Nasopharyngeal carcinoma in children\n\nAbstract\nBackground. Nasopharyngeal cancer is rare in "
            "childhood.\nClinical cases description. 1. Patient K., 12 years old, was referred with a lump in the "
            "nasopharynx. 2. Patient M.S., 15 years old, was admitted with rhinolalia; biopsy of an enlarged "
            "lymph node showed metastases of nasopharyngeal carcinoma.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.metastasis_sites) for r in rows] == [(12, []), (15, ["lymph node"])]


def test_a_numbered_list_of_findings_opens_no_row(nlp):
    text = ("A 12-year-old boy was referred with a lump in the nasopharynx. Findings: 1. Patient had fever. "
            "2. Patient K. was anaemic.\n")
    assert len(cases(nlp, text)) == 1


def test_an_ordinal_subject_with_the_patients_age_opens_a_row_each(nlp):
    # "First is a case of ...", glued to the sentence before as scraped pages run them
    text = ("Melioidosis: three cases\n\nHere we present a series of three cases and their outcomes.First is a case "
            "of 41-year-old male who presented with fever and joint pain. He succumbed to the illness.\n\nSecond is a "
            "52-year-old male who presented with a swollen leg. He recovered from the infection.\n\nThird is a "
            "60-year-old male who presented with abscesses.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.outcome) for r in rows] == [(41, "died"), (52, "recovered"), (60, None)]


def test_the_second_case_described_as_a_person_opens_the_second_row(nlp):
    text = ("Kaposi sarcoma in children: a case series\n\nCase presentation: We present three cases of Kaposi sarcoma. "
            "The first case was an eleven year old boy with a swelling of the tongue. The second case was a young "
            "orphan who had involvement of the right eye. The last case was a five year old girl with skin lesions "
            "who died.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.outcome) for r in rows] == [(11, "male", None), (None, None, None), (5, "female", "died")]


def test_one_with_an_age_opens_the_first_of_the_announced_patients(nlp):
    text = ("Primary cardiac lymphoma: two cases\n\nWe report here on two patients with cardiac lymphoma. One is a "
            "58-year-old man who presented with a mass of the right atrium. He was treated with rituximab and had "
            "no evidence of disease at 24 months. The second patient was a 66-year-old woman who presented with "
            "tamponade. Despite chemotherapy with cyclophosphamide and vincristine, she died 2 weeks later.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.drugs, r.outcome) for r in rows] == [
        (58, "male", ["rituximab"], "no evidence of disease"),
        (66, "female", ["cyclophosphamide", "vincristine"], "died")]


def test_one_of_a_list_of_findings_opens_no_row(nlp):
    text = ("A 58-year-old man presented with two masses. One was a 3-cm nodule of the atrium; the other was "
            "pericardial.\n")
    assert len(cases(nlp, text)) == 1


def test_labels_told_with_verbs_of_the_telling_open_a_row_each(nlp):
    # an abstract's cases told by what each case "involved" or "described", ages written "19-y-old"
    text = ("We review three cases of tick-borne carditis seen in one summer. Case 1 involved a 27-y-old man "
            "with syncope; he was given ceftriaxone. Case 2 was a 41-y-old woman with palpitations who "
            "received doxycycline. Case 3 described a 63-y-old man with complete heart block treated with "
            "amoxicillin.")
    assert [(r.age, r.sex, r.drugs) for r in cases(nlp, text)] == [
        (27, "male", ["ceftriaxone"]), (41, "female", ["doxycycline"]), (63, "male", ["amoxicillin"])]


def test_the_second_case_as_a_person_and_the_first_one_named_before_it_open_a_row_each(nlp):
    text = ("We present two clinical cases of acute fatty liver of pregnancy, in the first one the patient developed "
            "encephalopathy on her third day after a caesarean section. The disease resolved spontaneously and she was "
            "discharged home on day 21. The second "
            "case was a patient in her 37th week of pregnancy that arrived with nausea and vomiting. She underwent "
            "termination of the pregnancy with a favorable maternal and fetal outcome.")
    rows = cases(nlp, text, title="Acute fatty liver of pregnancy: two cases")
    assert [(r.sex, r.outcome) for r in rows] == [("female", "recovered"), ("female", "recovered")]


def test_the_first_patient_as_the_subject_after_what_both_were_told_stays_with_both(nlp):
    text = ("Two patients presented with a phaeochromocytoma crisis. Hypertension was controlled in both patients with "
            "phenoxybenzamine and nitroprusside. The first patient expired during attempts to find a source of sepsis. "
            "The second patient underwent urgent adrenalectomy and survived.")
    rows = cases(nlp, text, title="Phaeochromocytoma crisis")
    assert [r.drugs for r in rows] == [["nitroprusside", "phenoxybenzamine"]] * 2


def test_ordinals_without_article_as_the_subject_open_a_row_each(nlp):
    text = ("Paracetamol poisoning in adolescents: three cases\n\nWe present three paracetamol poisonings admitted "
            "to our unit last year. First patient's clinical signs were vomiting and jaundice. She was given "
            "acetylcysteine and discharged. Second patient had no symptoms and was discharged. Last patient developed "
            "liver failure, received a transplant and died.")
    rows = cases(nlp, text, title="Paracetamol poisoning in adolescents: three cases")
    assert [r.outcome for r in rows] == ["recovered", "recovered", "died"]
    assert "acetylcysteine" in rows[0].drugs and "acetylcysteine" not in rows[2].drugs
    # ... not an ordinal of something else
    text = ("Paracetamol poisoning: two cases\n\nWe present two paracetamol poisonings. A 15-year-old girl was "
            "admitted after an overdose. First aid was given. A 16-year-old boy was admitted the same week.")
    assert len(cases(nlp, text, title="Paracetamol poisoning: two cases")) == 2


@pytest.mark.parametrize("second", ["For another patient (Case 2), surgery", "In case 2, surgery"])
def test_numbered_settings_of_care_without_ages_open_a_row_each(nlp, second):
    text = ("Anti-NMDA receptor encephalitis with ovarian teratoma: two cases\n\nWe experienced two cases of acute "
            "encephalitis. In case 1, surgery was performed on day 90 after onset; however, recovery was slow and "
            f"the patient died of sepsis on postoperative day 40. {second} was performed on day 20 after onset. "
            "The patient was extubated on postoperative day 10 and was discharged on postoperative day 50.")
    rows = cases(nlp, text, title="Anti-NMDA receptor encephalitis with ovarian teratoma: two cases")
    assert [r.outcome for r in rows] == ["died", "recovered"]


def test_cases_told_as_lessons_open_a_row_each_the_other_and_the_last_after_them(nlp):
    text = ("Unusual presentations of hydatidiform mole: a case series\n\nHere we report a case series with varied "
            "presentations. The first case highlights the management of a woman with a ruptured uterus after "
            "evacuation, for which hysterectomy was performed. The other case surprised the clinicians with lung "
            "metastases at presentation. The last case perplexed us with a twin pregnancy just after methotrexate.")
    rows = cases(nlp, text, title="Unusual presentations of hydatidiform mole: a case series")
    assert len(rows) == 3
    assert rows[1].metastasis_sites == ["lung"] and rows[2].metastasis_sites == [] and rows[0].metastasis_sites == []


@pytest.mark.parametrize("first, second", [("The patient in case I", "The patient in case II"),
                                           ("The patient of case 1", "The patient of case 2")])
def test_each_cases_patient_named_by_its_label_in_an_abstracts_outcomes(nlp, first, second):
    title = "Severe scrub typhus: two cases"
    text = (f"{title}\n\nPATIENT CONCERNS\nCase I A 61-year-old woman had fever for 6 days. Case II A 54-year-old man "
            "had fever and cough for 4 days.\nDIAGNOSES\nScrub typhus, multiple organ dysfunction syndrome.\nINTERVENTIONS\nBoth patients were treated with doxycycline.\nOUTCOMES\n"
            f"{first} was ultimately not salvageable. {second} was successfully cured by doxycycline.")
    rows = cases(nlp, text, title=title)
    assert [(r.age, r.outcome) for r in rows] == [(61, "died"), (54, "recovered")]


def test_a_label_with_its_number_glued_to_it_is_the_first_of_the_series(nlp):
    # "Case1" as a careless abstract writes it, then "Case 2" and "Case 3": each label opens its own row, and
    # the third's "she" is not the first's
    text = ("We report 3 cases of this disorder in different settings. Case1 received activated protrombin "
            "concentrate complex (aPCC) and the result was excellent. Case 2 received IVIG, prednisolon and "
            "azathioprin and long term follow-up was without bleeding. Case 3 was a postpartum acquired hemophilia "
            "A and received cyclophosphamide and she had complete response.")
    assert [(r.sex, r.drugs) for r in cases(nlp, text)] == [
        (None, []), (None, ["azathioprine", "immunoglobulin", "prednisolone"]), ("female", ["cyclophosphamide"])]


def test_subjects_labelled_by_number_open_a_row_each(nlp):
    # a pharmacy report's "Subject 1 is a ... Subject 2 is a ...": each subject's drugs are its own
    text = ("This report describes 2 cases of euglycemic ketoacidosis. Case Reports: Subject 1 is a 55-year-old "
            "female admitted with ketoacidosis and managed with intravenous insulin despite withholding "
            "dapagliflozin. Subject 2 is a 62-year-old male admitted with ketoacidosis. His condition improved "
            "rapidly after withdrawal of empagliflozin alone.")
    assert [(r.age, r.sex, r.drugs) for r in cases(nlp, text)] == [
        (55, "female", ["dapagliflozin", "insulin"]), (62, "male", ["empagliflozin"])]
