"""Patients introduced inside the running text, with no heading of their own (issue 11,
class 8): siblings and twins told in one narrative, "A second patient, a ...", and a relative
of a one-patient report who is no patient. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_introductions import introduced_patients


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


SIBLINGS = (
    "Abstract\nWe report two siblings who drank lamp oil.\n"
    "Case report\nA 4-year-old boy was brought in with cough after drinking lamp oil. He was given salbutamol. "
    "An hour later, his 6-year-old sister was brought to the emergency room with vomiting. She received "
    "ondansetron and a bolus of saline. Both children were admitted to the ward. The boy was treated with "
    "amoxicillin for a pneumonitis. The girl needed no antibiotic. Both patients were discharged on day 5 "
    "in good condition.\n"
    "Discussion\nLamp oil ingestion is common in young children.\n"
)


def test_siblings_told_in_one_narrative_get_a_row_each_with_their_own_drugs(nlp):
    rows = cases(nlp, SIBLINGS)
    assert [(r.age, r.sex) for r in rows] == [(4, "male"), (6, "female")]
    assert rows[0].drugs == ["amoxicillin", "salbutamol"]
    assert rows[1].drugs == ["ondansetron", "sodium chloride"]


def test_a_second_patient_introduced_in_an_abstract_opens_a_row():
    text = ("We describe a 40-year-old man with fever and a rash after a tick bite. "
            "A second patient, a 52-year-old woman, had the same rash.")
    assert [(s.number, s.heading) for s in introduced_patients(text)] == [(2, "A second patient")]


def test_a_relative_of_a_one_patient_report_is_no_patient(nlp):
    text = ("Case presentation\nA 30-year-old woman was admitted with chest pain. Her 12-year-old sister was "
            "admitted to another hospital last year with the same pain. She was given aspirin.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(30, "female")]


@pytest.mark.parametrize("text", [
    # family history in a report about siblings
    "We report two siblings with the disease. A 9-year-old girl was seen. Her 40-year-old mother had died of it.",
    "We report two siblings with the disease. A 9-year-old girl was seen. Her sister, aged 14, is healthy and was examined.",
    # a patient of the literature
    "We report twins with the disease. Another patient, a 45-year-old woman reported by Smith et al., was similar.",
])
def test_no_patient_is_introduced(text):
    assert introduced_patients(text) == []


def test_the_heading_patient_described_as_a_relative_is_no_new_patient(nlp):
    text = ("Abstract\nWe describe two siblings poisoned by an insecticide.\n"
            "Case 1\nA 7-year-old boy was admitted with vomiting. He was given atropine.\n"
            "Case 2\nA 10-year-old girl, his sister, was admitted the same day. She was given pralidoxime.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(7, "male"), (10, "female")]


def test_a_literature_case_numbered_in_the_discussion_opens_no_row(nlp):
    text = ("Case presentation\nA 61-year-old man presented with a neck mass. He received cisplatin.\n"
            "Discussion\nSimilar tumours are rare.\n"
            "Case 2 (Smith et al., 2004)\nA 45-year-old woman had a neck mass treated with surgery alone.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(61, "male")]


REVIEW = (
    "Opioid colic: a review Abstract Opioids may cause abdominal pain. INTRODUCTION Opioid colic is common. "
    "Case 1 A 41-year-old woman took oxycodone for back pain. She was weaned with clonidine. "
    "Case 2 A 35-year-old man took morphine after surgery. He was weaned with lorazepam and recovered. "
    "CLINICAL FEATURES AND TREATMENT The two cases share features. Tapering is helped by methadone, "
    "buprenorphine or naloxone in selected patients, and constipation by macrogol. "
    "Conclusion Opioid colic is treatable."
)
REVIEW_LINES = REVIEW.replace(" Case 2", "\nCase 2").replace(" CLINICAL FEATURES AND TREATMENT ", "\nClinical features and treatment\n")


@pytest.mark.parametrize("text", [REVIEW, REVIEW_LINES])
def test_the_last_illustrative_case_of_a_review_ends_at_the_reviews_own_heading(nlp, text):
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(41, "female"), (35, "male")]
    assert rows[1].drugs == ["lorazepam", "morphine"]


def test_a_subheading_of_the_last_case_stays_in_the_case(nlp):
    text = ("Case 1\nA 41-year-old woman took oxycodone for back pain.\nCase 2\nA 35-year-old man took morphine.\n"
            "Treatment and outcome\nHe was weaned with lorazepam and recovered.\n")
    assert cases(nlp, text)[1].drugs == ["lorazepam", "morphine"]


def test_a_case_whose_part_says_no_sex_takes_the_sex_said_of_all_patients(nlp):
    text = ("Abstract\nWe describe two young women with ovarian torsion in pregnancy.\n"
            "Case 1\nA 24-year-old woman at 12 weeks presented with pain.\n"
            "Case 2\nA 29-year-old primigravida at 16 weeks had an adnexal mass on ultrasound.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(24, "female"), (29, "female")]


def test_patients_described_together_take_the_sex_the_announcement_gives(nlp):
    text = ("Two brothers with a hereditary neuropathy. We report two brothers with foot drop. Nerve "
            "conduction studies showed a demyelinating neuropathy. Both were treated with physiotherapy.")
    rows = cases(nlp, text)
    assert [r.sex for r in rows] == ["male", "male"]


@pytest.mark.parametrize("text, row", [
    # "study" reads as a research study, yet the sentence presents the patient
    ("A 7-year-old boy with a facial cleft was referred to our department for an imaging study of the ear.", (7, "male")),
    # a sentence of the literature presents no patient of the report
    ("A 52-year-old man reported by Lee et al. had an imaging study of the ear. Our patient, a 40-year-old "
     "woman, was referred with hearing loss.", (40, "female")),
])
def test_the_age_and_sex_of_a_sentence_presenting_the_patient_are_the_patients(nlp, text, row):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [row]


@pytest.mark.parametrize("text, count", [
    ("We report preterm twins with necrotising enterocolitis. Twin A, a boy, was born at 29 weeks and developed "
     "distension on day 5. The other twin developed bloody stools on day 7.", 1),
    ("A 31-year-old woman with a twin pregnancy had pre-eclampsia. One fetus died at 30 weeks. The other twin "
     "was born healthy at 34 weeks.", 0),
])
def test_the_other_twin(text, count):
    assert len(introduced_patients(text)) == count


def test_a_reviews_treatment_heading_after_the_last_case_ends_it(nlp):
    text = ("Case 1\nA 41-year-old woman took oxycodone for back pain.\nCase 2\nA 35-year-old man took morphine.\n"
            "Treatment\nTapering is helped by methadone or buprenorphine in selected patients.\n")
    assert cases(nlp, text)[1].drugs == ["morphine"]


def test_a_case_subheading_telling_events_stays_in_the_last_case(nlp):
    text = ("Case 1\nA 41-year-old woman took oxycodone for back pain.\nCase 2\nA 35-year-old man took morphine.\n"
            "Treatment\nBoth patients were weaned with lorazepam over two weeks.\n")
    assert "lorazepam" in cases(nlp, text)[1].drugs


def test_a_sentence_about_both_headed_patients_gives_each_the_drug(nlp):
    text = ("Case 1\nA 50-year-old woman had a cervical carcinoma treated by radiotherapy.\n"
            "Case 2\nA 62-year-old woman had a cervical carcinoma treated by surgery. Both patients received "
            "cisplatin afterwards.\n")
    rows = cases(nlp, text)
    assert [r.drugs for r in rows] == [["cisplatin"], ["cisplatin"]]


def test_the_discussion_sentence_naming_the_first_patient_is_hers(nlp):
    text = ("Case 1\nA 50-year-old woman had a vulvar carcinoma treated by surgery.\n"
            "Case 2\nA 62-year-old woman had a vulvar carcinoma treated by radiotherapy.\n"
            "Discussion\nVulvar cancer is rare. In the first patient, we added carboplatin because of nodal "
            "disease.\n")
    rows = cases(nlp, text)
    assert [r.drugs for r in rows] == [["carboplatin"], []]


def test_twin_a_and_twin_b_headings_open_a_row_each(nlp):
    text = ("Case presentation\nTwin A\nA 2-day-old boy born at 34 weeks had bilious vomiting. He was given "
            "gentamicin.\nTwin B\nHis 2-day-old sister had abdominal distension. She was given cefotaxime.\n"
            "Discussion\nVolvulus in twins is rare.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(0.01, "male", ["gentamicin"]), (0.01, "female", ["cefotaxime"])]


def test_a_relative_who_brings_the_patient_gives_no_sex(nlp):
    text = ("Case 1\nA 40-year-old man had a cough.\nCase 2\nThe mother of a 3-year-old boy brought him in with "
            "a cough. He was given amoxicillin.\n")
    assert [r.sex for r in cases(nlp, text)] == ["male", "male"]


def test_the_sex_of_the_patients_age_phrase_outweighs_words_about_her_baby(nlp):
    text = ("A 30-year-old woman at 38 weeks was admitted in labour. She delivered a male infant. The male "
            "neonate was well. The male baby weighed 3 kg.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(30, "female")]


def test_siblings_introduced_in_the_abstract_and_again_in_the_case_are_two_patients(nlp):
    text = ("Abstract\nWe report two siblings who drank lamp oil. A 4-year-old boy was admitted with cough; his "
            "6-year-old sister was admitted the same day with vomiting.\n" + SIBLINGS.split("\n", 2)[2])
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(4, "male"), (6, "female")]


def test_numeric_ordinals_of_a_series_abstract_give_a_row_each(nlp):
    # "The 1st case ... The 2nd case ...": the numbering of English abstracts of Chinese and
    # Japanese journals
    text = ("Abstract\nWe report three cases of scalp metastasis. The 1st case was a 58-year-old man with "
            "lung adenocarcinoma treated with gefitinib; he died six months later. The 2nd case was a "
            "47-year-old woman with breast cancer who received docetaxel; she is alive with disease. The 3rd "
            "case was a 66-year-old man with renal cell carcinoma treated with sunitinib.")
    rows = cases(nlp, text)
    assert [r.age for r in rows] == [58, 47, 66]
    assert [r.drugs for r in rows] == [["gefitinib"], ["docetaxel"], ["sunitinib"]]
    assert [r.outcome for r in rows][:2] == ["died", "alive with disease"]


def test_a_cited_case_in_the_discussion_is_the_literature_s(nlp):
    # "Case 3, a ... died [7]." in the discussion: a published patient, neither a row nor the
    # report's patient's drugs and outcome
    text = ("Case presentation\nA 61-year-old man was admitted with fever and a lung mass. Biopsy showed "
            "histoplasmosis and he was given itraconazole. He recovered fully.\nDiscussion\nHistoplasmosis "
            "may mimic lung cancer. Case 3, a 45-year-old woman treated with amphotericin B, died within a "
            "week [7]. Early biopsy is therefore essential.")
    rows = cases(nlp, text)
    assert [(r.age, r.drugs, r.outcome) for r in rows] == [(61, ["itraconazole"], "recovered")]


TWO_IN_ONE_PARAGRAPH = (
    "Pulmonary embolism after travel in two adults: case reports\n\n"
    "Abstract\nA 48-year-old man presented with sudden dyspnoea after a long flight; CT angiography showed "
    "bilateral pulmonary emboli and he was treated with rivaroxaban. A 69-year-old woman presented with "
    "syncope and a right ventricular thrombus and received alteplase followed by heparin. Both were "
    "discharged in good condition.\n"
)


def test_two_patients_told_in_one_paragraph_get_a_row_each(nlp):
    rows = cases(nlp, TWO_IN_ONE_PARAGRAPH)
    assert [(r.age, r.sex) for r in rows] == [(48, "male"), (69, "female")]
    assert rows[0].drugs == ["rivaroxaban"] and rows[1].drugs == ["alteplase", "heparin"]
    assert [r.outcome for r in rows] == ["recovered", "recovered"]


def test_the_same_patient_presented_again_opens_no_row(nlp):
    text = ("Two adults with pulmonary embolism\n\nA 48-year-old man presented with dyspnoea and was given "
            "rivaroxaban. Case discussion: a 48-year-old man presented to us with dyspnoea after a flight.\n")
    assert len(introduced_patients(text)) == 0


def test_a_one_patient_report_presenting_a_relative_opens_no_row(nlp):
    text = ("Case report\nA 48-year-old man presented with dyspnoea and was given rivaroxaban. "
            "A 70-year-old woman, his mother, presented with the same symptoms years ago.\n")
    assert len(cases(nlp, text)) == 1


def test_a_lower_case_case_label_in_an_abstract_opens_its_patient(nlp):
    text = ("Two cases of necrotizing fasciitis\n\nAbstract\nNecrotizing fasciitis is a rapidly progressive "
            "infection. Two cases are reported. case 1 was a 61-year-old man with diabetes who was given "
            "meropenem. Case 2 was a 44-year-old woman who received clindamycin and died on day 3.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(61, "male", ["meropenem"]), (44, "female", ["clindamycin"])]


def test_a_lower_case_case_cited_in_the_discussion_opens_no_patient(nlp):
    text = ("Case report\nA 61-year-old man with diabetes was given meropenem.\n\nDiscussion\nAs in the "
            "series of Lee, case 2 was a 44-year-old woman [3]. Early surgery matters.\n")
    assert len(cases(nlp, text)) == 1


def test_a_patient_who_underwent_surgery_opens_a_row_in_a_two_case_abstract(nlp):
    text = ("We report two cases of bony metastases of colorectal cancer. A 55-year-old man underwent an "
            "abdominoperineal resection for a carcinoma of the rectum. He remained well and disease-free. "
            "A 67-year-old man underwent a right hemicolectomy for carcinoma of the cecum and synchronous liver "
            "metastases. He died 18 months after his original operation.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.primary_site, r.outcome) for r in rows] == [
        (55, "male", "rectum", "no evidence of disease"), (67, "male", "colon", "died")]


def test_patients_told_under_headings_of_their_diagnoses_need_no_count(nlp):
    text = ("Endocarditis after a delayed visit\n"
            "A 16-year-old boy presented to the emergency room with a 2-week fever. He received amoxicillin.\n"
            "Severe haemolytic anaemia\n"
            "A 2.5-year-old boy presented to the emergency room after two weeks of fatigue and dark urine.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.drugs) for r in rows] == [(16, ["amoxicillin"]), (2.5, [])]


def test_a_second_age_in_a_one_patient_report_opens_no_row(nlp):
    text = ("Case presentation\nA 45-year-old woman presented with a breast lump. "
            "A 47-year-old woman presented with the same lump in a report we cite [4].\n"
            "She received tamoxifen.\n")
    assert [r.age for r in cases(nlp, text)] == [45]


def test_a_relative_with_an_age_of_his_own_is_the_second_patient_of_a_family_report(nlp):
    text = ("Xeroderma pigmentosum in an uncle and nephew. We describe a boy who was found to have XP after a "
            "severe burn. His maternal uncle, now age 20 years, had been diagnosed with XP after a similar "
            "sunburn in infancy.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(None, "male"), (20, "male")]


def test_a_relative_diagnosed_before_stays_family_history_in_a_one_patient_report(nlp):
    text = "A 7-year-old boy was admitted with fever. His brother had been diagnosed with Kawasaki disease before."
    assert [r.age for r in cases(nlp, text)] == [7]


def test_a_sibling_the_patient_has_with_an_age_is_the_second_patient_of_a_sibling_report(nlp):
    text = ("We report a case of familial lupus in two siblings. A twelve-year-old girl was referred for arthralgia. "
            "She has a 7-year-old brother who has been followed for 2 years for haemolytic anaemia. She was treated "
            "with corticosteroids, with a favorable clinical and biological outcome.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(12, "female"), (7, "male")]
    assert rows[0].outcome == "recovered"


def test_a_report_that_concerns_two_cases_of_women_has_two_women(nlp):
    text = ("This report concerns two cases of women who developed cerebral venous thrombosis after a caesarean "
            "delivery. The first patient had an elevated factor VIII level. In the second patient, a mutation "
            "was found.")
    assert [r.sex for r in cases(nlp, text)] == ["female", "female"]


def test_twins_told_by_their_letters_from_their_birth_are_two_rows(nlp):
    text = ("A 23-year-old mother gave birth to monochorionic twin infants.\n"
            "Twin A was born with Apgars of 8, 9 and 9. She was started on penicillin and gentamicin. "
            "On day 22 she developed apnoea and was given meropenem. Twin A demised on day 24.\n"
            "Twin B had Apgar scores of 3, 5 and 8. She received penicillin for three days.\n")
    rows = cases(nlp, text)
    assert [(r.drugs, r.outcome) for r in rows] == [
        (["benzylpenicillin", "gentamicin", "meropenem"], "died"), (["benzylpenicillin"], None)]


def test_patients_presented_after_a_structured_abstracts_heading_and_their_joint_prognosis(nlp):
    text = ("Two cases of Kawasaki disease\nCase description: A 10-year-old girl was admitted to the hospital due to "
            "fever and abdominal pain. A 3-month-old male pediatric patient was admitted to the hospital due to a "
            "fever. The two patients were then treated with human immunoglobulin and aspirin. The prognosis for "
            "the two children was favorable following prompt treatment.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.outcome) for r in rows] == [(10, "female", "recovered"), (0.25, "male", "recovered")]


def test_patients_of_one_sex_presented_one_after_the_other_get_a_row_each(nlp):
    # the title (the text's first line) announces four; each is presented by age, one "had" her finding
    text = ("Atypically located hydatid cysts: four unusual case reports\n\nHydatid cysts are frequently located in "
            "the liver. A 41-year-old female patient applied with the complaint of inguinal pain. A cyst was excised. "
            "A 56-year-old female patient applied with the complaint of nausea. A pancreatic cyst was found. "
            "A 22-year-old female patient applied with perianal pain. Drainage was done. A 32-year-old female patient "
            "had an adrenal cyst.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [row.age for row in rows] == [41, 56, 22, 32]
    assert {row.sex for row in rows} == {"female"}


def test_a_later_finding_of_a_one_patient_report_opens_no_row(nlp):
    text = ("Hydatid cyst of the adductor muscle\n\nA 41-year-old female patient applied with the complaint of "
            "inguinal pain. A 41-year-old female patient had a similar cyst in the series of Smith et al.")
    assert len(report_cases(nlp, Report(name="t.txt", text=text))) == 1


def test_a_relative_whose_age_is_told_in_the_predicate_is_the_next_patient(nlp):
    text = ("We report transmission of deletion 18p from a mother to her two daughters.\nCase presentation: The proband "
            "is 12 years old and has short stature. Her sister is 9 years old and also has short stature.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [row.age for row in rows[:2]] == [12, 9]


@pytest.mark.parametrize("text, expected", [
    ("Two patients are described. A 61-year-old man (patient 1) had a rash on his chest. A 45-year-old woman "
     "(patient 2) had fever and a rash on her legs.", [(61, "male"), (45, "female")]),
    ("Two cases are reported. The disease was found in a 57-year-old woman (Case 1) with nasal obstruction, and "
     "a year later in her 36-year-old son (Case 2) with enlarged cervical lymph nodes.", [(57, "female"), (36, "male")]),
])
def test_a_label_in_brackets_after_its_patient_opens_the_part_on_that_patient(nlp, text, expected):
    assert [(row.age, row.sex) for row in cases(nlp, text)] == expected


FAMILIAL = ("Familial renal cell carcinoma in a father and son\n"
            "A 62-year-old man was diagnosed with papillary renal cell carcinoma after presenting with flank pain. "
            "He underwent bilateral nephrectomy. {relative}")


@pytest.mark.parametrize("relative, rows", [
    ("His son had a nephrectomy for multifocal papillary renal cell carcinoma at 35 years of age.", 2),
    ("His son was found to have multifocal papillary renal cell carcinoma on screening.", 2),
    # family history, not a patient of the report
    ("His mother had been diagnosed with breast cancer at 45.", 1),
    ("His father died of a stroke.", 1),
])
def test_a_relative_with_a_cancer_of_their_own_in_a_familial_cancer_report_is_a_patient(nlp, relative, rows):
    assert len(cases(nlp, FAMILIAL.format(relative=relative).replace(" in a father and son", ""))) == rows


def test_a_syndromes_familial_name_makes_no_relative_a_patient(nlp):
    text = ("Familial adenomatous polyposis with a desmoid tumour\nA 30-year-old man with familial adenomatous "
            "polyposis presented with an abdominal mass. His father had a colectomy for colon cancer.")
    assert len(cases(nlp, text)) == 1


def test_the_final_case_of_a_series_told_by_place_opens_the_last_row(nlp):
    text = ("Abstract\nIn this report we present three cases of endometrial carcinoma that spread to the brain. "
            "The first case presents a woman with endometrioid adenocarcinoma found later to have skull metastasis. "
            "The second case presents a patient with an endometrial yolk sac tumor who developed brain metastasis. "
            "The final case is a woman with endometrial serous carcinoma who developed cerebellar metastases.")
    rows = cases(nlp, text)
    assert [r.histology for r in rows] == ["endometrioid carcinoma", "yolk sac tumor", "serous carcinoma"]


def test_a_last_patient_needs_a_series_announced(nlp):
    text = ("A 62-year-old woman had endometrial carcinoma. The final case in our department was treated in 2019 "
            "with a woman of 70 years.")
    assert len(cases(nlp, text)) == 1


FAMILY = ("Li-Fraumeni syndrome in one family\n"
          "We present three members of one family with tumours typical of the syndrome. A 24-year-old man was treated "
          "for osteosarcoma of the maxilla and died within a year. His younger brother had osteosarcoma of the mandible "
          "resected three years later. Their cousin, aged 30, developed a breast carcinoma.")


def test_relatives_with_a_cancer_of_their_own_in_a_syndromes_family_report_are_patients(nlp):
    rows = cases(nlp, FAMILY)
    assert [r.age for r in rows] == [24, None, 30]
    assert rows[1].sex == "male" and rows[1].histology == "osteosarcoma"


def test_a_relatives_cancer_in_a_one_patient_syndrome_report_is_family_history(nlp):
    text = ("Li-Fraumeni syndrome\nA 35-year-old woman presented with a breast lump; core biopsy showed invasive "
            "ductal carcinoma. Her brother had osteosarcoma at 16. Germline TP53 testing found a pathogenic variant.")
    assert len(cases(nlp, text)) == 1


def test_patients_announced_beyond_the_parts_read_get_empty_rows(nlp):
    text = ("Abstract\nWe report three cases of leptospirosis in rice farmers.\n"
            "Case 1\nA 45-year-old man had fever and jaundice and was given penicillin.\n"
            "Case 2\nA 52-year-old man had fever and renal failure and was given ceftriaxone.\n")
    rows = cases(nlp, text)
    assert [(r.case, r.age, r.drugs) for r in rows] == [(1, 45, ["benzylpenicillin"]), (2, 52, ["ceftriaxone"]),
                                                       (3, None, [])]


def test_a_twin_named_by_its_label_opening_a_sentence_is_that_patient(nlp):
    text = ("Acute myeloid leukaemia in monozygotic twin sisters\n"
            "Twin A became sick at the age of 21 months. She was treated with cytarabine and daunorubicin. "
            "Twin B became sick at 15 years of age. She received idarubicin before transplantation.")
    rows = cases(nlp, text.split("\n", 1)[1], title=text.split("\n", 1)[0])
    assert [(r.age, r.drugs) for r in rows] == [(1.75, ["cytarabine", "daunorubicin"]), (15, ["idarubicin"])]


def test_an_announced_patient_needs_no_verb_of_presentation(nlp):
    # the report announces two patients; the second is described, not said to present
    text = ("Two cases of melanoma of the scalp\n\nWe report two cases of melanoma of the scalp. "
            "A 70-year-old man in whom a melanoma developed on the vertex. It was excised widely. The patient "
            "died 10 months after the operation of metastases to the brain.\n"
            "A 58-year-old man with a similar history; a nodule of the occiput was excised. He died 14 months "
            "later because of metastasis to the liver.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.metastasis_sites, r.outcome) for r in rows] == [
        (70, ["brain"], "died"), (58, ["liver"], "died")]


def test_an_unannounced_second_person_without_a_verb_opens_no_row(nlp):
    text = ("Melanoma of the scalp\n\nA 70-year-old man in whom a melanoma developed on the vertex. It was "
            "excised widely. A 58-year-old man with a similar history was described by Lee [4].\n")
    assert len(cases(nlp, text)) == 1


def test_the_disease_announced_of_all_before_the_ordinals_is_each_patients(nlp):
    # the authors' announcement names the disease of all three; the patients are then told by ordinals
    text = ("Introduction. Childhood colorectal cancer is rare. We present three adolescents with mucinous "
            "adenocarcinoma of the rectum. The first patient complains of rectal bleeding and weight loss. "
            "The second patient complains of melena and an anal mass. The third patient complains of "
            "constipation.")
    assert [(r.primary_site, r.histology) for r in cases(nlp, text)] == [("rectum", "mucinous adenocarcinoma")] * 3


@pytest.mark.parametrize("text, title, count", [
    # a second group counted right after the first in one announcement, after a title that names a pair
    ("We present two cases of dizygotic male twins and two cases of male first cousins with infantile "
     "hypertrophic pyloric stenosis. All patients were treated with open pyloromyotomy.",
     "Pyloric stenosis in twins and first cousins", 4),
    ("We report two cases of tuberculous pericarditis in adults and one case in a child. All were treated with "
     "isoniazid and rifampicin.", "Tuberculous pericarditis: three cases", 3),
    # a count of something else after "and" adds no patient
    ("We present two cases of pyloric stenosis and two weeks of vomiting in each. Both were treated with "
     "pyloromyotomy.", "Pyloric stenosis in twins", 2),
])
def test_a_second_group_of_one_announcement_is_counted_too(nlp, text, title, count):
    rows = cases(nlp, title + "\n\n" + text, title=title)
    assert len(rows) == count and {r.sex for r in rows} <= {"male", None}


def test_children_announced_with_their_parent_after_them_are_all_patients(nlp):
    title = "Shared psychotic disorder in a family"
    text = ("Herein, we present a case of two sisters with their mother. The elder sister was the origin of the "
            "delusion, and the younger sister and the mother came to share it.")
    rows = cases(nlp, title + "\n\n" + text, title=title)
    assert len(rows) == 3 and {r.sex for r in rows} == {"female"}


def test_a_parent_of_the_childrens_history_is_no_patient(nlp):
    title = "Pyloric stenosis in two brothers"
    text = ("We present two brothers with pyloric stenosis. Their father had had the same operation as an infant. "
            "Both were treated with pyloromyotomy.")
    assert len(cases(nlp, title + "\n\n" + text, title=title)) == 2


def test_what_a_sentence_gives_both_before_it_opens_the_second_is_both(nlp):
    title = "Nocardial brain abscess: two cases"
    text = (f"{title}\n\nWe report two cases of nocardial brain abscesses. The first case presented with seizures and "
            "the second with hemiparesis. Both patients were started on co-trimoxazole and in the second case, "
            "linezolid was added.")
    assert [r.drugs for r in cases(nlp, text, title=title)] == [
        ["sulfamethoxazole", "trimethoprim"], ["linezolid", "sulfamethoxazole", "trimethoprim"]]


def test_both_patient_in_the_singular_is_both(nlp):
    title = "Cerebral venous sinus thrombosis: two cases"
    text = (f"{title}\n\nAbstract\n\nWe present two cases: first case is a 21 year old female with puerperal "
            "thrombosis who presented with headache and seizures; the second case is a 25 year old female on oral "
            "contraceptives who presented with aphasia. Anticoagulation was commenced effectively. Both patient made "
            "remarkable recovery without any residual deficit.")
    assert [r.outcome for r in cases(nlp, text, title=title)] == ["recovered", "recovered"]
