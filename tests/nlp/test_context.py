"""The context pipe qualifies findings of other pipes; here the findings are placed by hand
(spans over known words) so that only the context rules are under test."""
import doctest

import pytest

from pipeline.nlp.context import context as context_module
from pipeline.nlp.spans import char_span


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_sections", "caselit_context")


def qualify(nlp, text, word, group="sites"):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "caselit_context":
            start = text.index(word)
            doc.spans[group] = [char_span(doc, start, start + len(word), "X")]
        doc = proc(doc)
    span = doc.spans[group][0]
    return {"negated": span._.negated, "hypothetical": span._.hypothetical, "subject": span._.subject,
            "section": span._.section}


@pytest.mark.parametrize("text, word", [
    ("Pelvic lymph node metastasis was not detected.", "lymph node"),
    ("There was no lymph node metastasis.", "lymph node"),
    ("He had not received G-CSF at any time.", "G-CSF"),
    ("The tumour was resected without bone involvement.", "bone"),
    ("Exposure to diethylstilbestrol was denied.", "diethylstilbestrol"),
    ("CT excluded lung metastases.", "lung"),
    ("Her presentation was inconsistent with myelodysplastic syndrome.", "myelodysplastic"),
    ("None of the 15 axillary lymph nodes were positive.", "lymph nodes"),
    ("Lymphovascular invasion and pelvic lymph node metastasis were not detected.", "lymph node"),
    ("The peritoneal disease was mimicking ovarian cancer.", "ovarian"),
    ("She had been misdiagnosed as having squamous carcinoma.", "squamous"),
    ("No recurrence in the vaginal cuff or the pelvic cavity.", "pelvic cavity"),
    ("Bevacizumab was not given because of the recent bowel surgery.", "Bevacizumab"),
    ("In view of her renal function, cisplatin was withheld.", "cisplatin"),
    # a list after the negation stays negated, its "and" opening no clause
    ("She had no fever, chills, and lymph node enlargement.", "lymph node"),
    # ... and a negation before brackets reaches past them
    ("There was no (enlarged) lymph node metastasis.", "lymph node"),
])
def test_negated(nlp, text, word):
    assert qualify(nlp, text, word)["negated"] is True


@pytest.mark.parametrize("text, word", [
    ("An autopsy revealed metastases to the liver and lungs.", "liver"),
    ("No fever was present, but CT showed liver metastasis.", "liver"),
    ("She received paclitaxel and cisplatin.", "cisplatin"),
    # ", and" then a verb or a determiner: another clause the negation does not reach
    ("There was no distant metastasis, and FIGO stage was IB.", "IB"),
    ("CT showed no ascites, and the liver lesion measured 3 cm.", "liver"),
    ("No nodes were enlarged, but bone scan was positive.", "bone"),
    # a negation inside brackets reaches no further than them
    ("She was treated for stage IA1 (without LVSI) squamous cell carcinoma of the cervix.", "cervix"),
    ("Biopsy (no atypia on frozen section) later confirmed metastasis to the liver.", "liver"),
])
def test_affirmed(nlp, text, word):
    assert qualify(nlp, text, word)["negated"] is False


@pytest.mark.parametrize("text, word, subject", [
    ("Common sites of distant metastasis include the lungs, bones and liver.", "liver", "generic"),
    ("Metastasis to soft tissue is very rare.", "soft tissue", "generic"),
    ("The most usual primary tumour of adrenal metastasis is lung cancer.", "lung", "generic"),
    ("The most frequent site of spread is the liver.", "liver", "generic"),
    ("Intrathecal methotrexate and consolidation radiotherapy remain controversial in breast lymphoma.",
     "methotrexate", "generic"),
    # a group's age statistic
    ("The mean age of diagnosis is similar to that of ovarian cancer, between 60 and 75 years.", "ovarian", "generic"),
    # ... not the report's own series told in the past
    ("We reviewed three cases of membranous nephropathy. All patients had proteinuria, with a mean age at "
     "diagnosis of 11.3 years, and one had a renal biopsy.", "renal", "probable"),
    # a definition of a sign or a disease
    ("Sister Mary Joseph nodule refers to metastatic malignancy of the periumbilical region.", "periumbilical", "generic"),
    ("Sister Mary Joseph's nodule is a rare illness characterized by an umbilical mass.", "umbilical", "generic"),
    # how hard a class of disease is to tell apart, in the present tense
    ("Adrenal adenomas and adrenal carcinomas share clinical features, and telling them apart is challenging.", "adrenal", "generic"),
    ("Conventionally, medullary carcinoma was associated with heritability.", "medullary", "generic"),
    # "include" of a regimen changed for the patient is no general statement's list
    ("The antimicrobial regimen was modified to include intravenous metronidazole.", "metronidazole", "probable"),
    ("Treatment options include intravenous metronidazole.", "metronidazole", "generic"),
    ("Thyroid lymphoma and anaplastic carcinoma look alike, and their distinction remains challenging.", "Thyroid", "generic"),
    ("The management of this retroperitoneal liposarcoma is challenging because of its size.", "retroperitoneal", "unknown"),
    ("The diagnosis was challenging because the thyroid mass grew quickly.", "thyroid", "unknown"),
    ("Nimieri et al. treated a patient with gemcitabine.", "gemcitabine", "other"),
    ("Two patients received methotrexate [4].", "methotrexate", "other"),
    ("Our patient received cisplatin [4].", "cisplatin", "patient"),
    ("We report a 40-year-old woman with cervical cancer.", "cervical", "patient"),
    ("Authors describe a 62-year-old man with chronic lymphocytic leukaemia.", "62-year-old", "patient"),
    ("The authors present the case report of a 44-year-old woman with a cervical tumour.", "44-year-old", "patient"),
    # the framing sentence with an adjective before "case" ("the clinical case of an ...")
    ("The authors present the clinical case of an 81-year-old man admitted with melaena.", "81-year-old", "patient"),
    ("The authors present the unusual case of an elderly woman with a gastric tumour.", "gastric", "patient"),
    # the report naming itself a study
    ("The study presents a rare case report of a 5-year-old boy with fever.", "5-year-old", "patient"),
    ("The present study reports a 45-year-old woman with a neck mass.", "45-year-old", "patient"),
    ("In a previous case report of a 5-year-old boy, Smith et al. described fever.", "5-year-old", "other"),
    ("She received paclitaxel.", "paclitaxel", "probable"),
    ("Her mother had breast cancer.", "breast", "family"),
    ("A mass was palpable in the vagina.", "vagina", "unknown"),
    ("Joishy SK, Walsh D. Ketorolac in cancer pain and bone metastases. J Pain Symptom Manage. 1998;15:86-90.", "bone", "other"),
    ("Lee H. Orbital metastasis of lung cancer. [PubMed] [CrossRef]", "lung", "other"),
    # a reference entry ending on an abbreviated journal name, with no year
    ("Ramadas S, Neuroleptic malignant syndrome with low dose lithium, Indian J Psychol Med,", "lithium", "other"),
    # ... and one with its year in brackets before the volume and pages
    ("Rao KM, Shah VS. Unusual liver metastasis of gastric cancer. Indian J Cancer (1996). 33(2): 46-50.", "liver", "other"),
    # an abstract that ends on its own citation: the authors present their patient in it
    ("Here, we present a 45-year-old woman with endometrial cancer and hypercalcemia. Turk J Endocr 2013; 77: 8-11",
     "endometrial", "patient"),
    # the case's own work-up is no literature "study"
    ("Initial laboratory studies revealed leukocytosis and a raised creatinine.", "creatinine", "probable"),
    ("Imaging studies showed a mass in the liver.", "liver", "probable"),
    ("Routine blood chemistry studies were normal, and the white cell count was high.", "white", "probable"),
    ("Radiographic studies showed a lesion in the femur.", "femur", "probable"),
    ("Special studies were done that confirmed the diagnosis of hairy cell leukemia.", "hairy", "probable"),
    ("Flow cytometry studies showed a clonal population in the bone marrow.", "bone marrow", "probable"),
    # a count of cases that occurred at a time is the report's own; one reported by others is the literature's
    ("Two cases of pulmonary syndrome occurred in May of 1998 in the city.", "1998", "patient"),
    ("Two cases of IE were observed in 2019.", "2019", "patient"),
    ("Two cases of IE were observed in 2019 by Smith and colleagues [4].", "2019", "other"),
    # ... and so are cases the authors present now, with a review of the literature beside them
    ("Purpose: Three cases of spontaneous pneumothorax treated in 2006 are presented, with a literature review.", "2006", "patient"),
    ("Three cases of spontaneous pneumothorax were reported in the literature.", "pneumothorax", "other"),
    ("Several studies have reported metastasis to the liver.", "liver", "other"),
    # a disease named as an example of what a drug treats or of a class
    ("Hydroxyurea is a well-known medication for haematologic diseases such as acute myeloid leukemia.", "myeloid", "generic"),
    ("Leukocytosis is seen in malignancies such as lung cancer.", "lung", "generic"),
    # what a cancer does in general (present tense) and a share of cases
    ("Gastric cancer primarily metastasizes to the peritoneum, liver and lungs.", "liver", "generic"),
    ("Involvement of the bone marrow is found in less than 1% of cases.", "bone marrow", "generic"),
    ("Her gastric cancer had metastasized to the liver.", "liver", "probable"),
])
def test_subject(nlp, text, word, subject):
    assert qualify(nlp, text, word)["subject"] == subject


@pytest.mark.parametrize("text, word", [
    ("Carbamazepine should be avoided in such patients.", "Carbamazepine"),
    ("Chemotherapy with docetaxel was planned.", "docetaxel"),
    ("If the count rises, hydroxyurea would be started.", "hydroxyurea"),
    ("Tuberculosis must be considered in the differential diagnosis of ovarian carcinoma.", "ovarian"),
    # the differential told by its other forms, before or after its candidates
    ("Ovarian malignancy was included in the differential diagnosis because of a raised CA-125.", "Ovarian"),
    ("At that point the differential included lymphoma and tuberculosis.", "lymphoma"),
    ("Possible diagnoses were a gastrointestinal stromal tumour or a leiomyoma.", "leiomyoma"),
    ("A neuroendocrine tumour remained among the differential diagnoses.", "neuroendocrine"),
    # the future of the report's own time: not yet received when it was written
    ("No complications occurred, and she will be given cisplatin.", "cisplatin"),
    ("He will receive four more cycles of gemcitabine.", "gemcitabine"),
    # a counterfactual: what could have been started had things gone otherwise
    ("Had the diagnosis been made earlier, amphotericin B could have been started.", "amphotericin"),
    # advice given is no drug received
    ("The patients were advised to use strict photoprotection, emollients and vitamin D supplements.", "vitamin D"),
])
def test_hypothetical(nlp, text, word):
    assert qualify(nlp, text, word, group="drugs")["hypothetical"] is True


def test_a_white_cell_differential_weighs_no_diagnosis(nlp):
    text = "The white cell differential was 80% neutrophils, and a biopsy showed lymphoma."
    assert qualify(nlp, text, "lymphoma")["hypothetical"] is False


def test_section_is_recorded(nlp):
    text = "Title\nDiscussion\nThe patient received cisplatin."
    assert qualify(nlp, text, "cisplatin", group="drugs")["section"] == "discussion"


def test_docstring_example():
    assert doctest.testmod(context_module).failed == 0


@pytest.mark.parametrize("text, word, subject", [
    ("Imatinib was effective in a similar case (Smith and Jones, 2010).", "Imatinib", "other"),
    ("Rituximab was combined with bendamustine (Lee et al. 2012; Kim 2015).", "Rituximab", "other"),
    ("Cisplatin-based chemotherapy was reported by several groups.", "Cisplatin", "other"),
    ("In a series of 40 women, paclitaxel was given weekly.", "paclitaxel", "other"),
    ("She started tamoxifen (May 2010).", "tamoxifen", "probable"),
    ("In the current case, imatinib was stopped.", "imatinib", "patient"),
])
def test_literature_and_patient_cues(nlp, text, word, subject):
    assert qualify(nlp, text, word, group="drugs")["subject"] == subject


@pytest.mark.parametrize("text, word, subject", [
    ("We present a woman with a Sister Mary Joseph nodule and ascites.", "ascites", "patient"),
    ("Her sister had ovarian cancer.", "ovarian", "family"),
    ("Sister had ovarian cancer, as her mother had.", "ovarian", "family"),  # a kin word opening the sentence
    ("Sister Mary Joseph nodule with ascites was found in our patient.", "ascites", "patient"),  # an eponym there
    ("Both of these patients died of progressive disease in the liver.", "liver", "patient"),
    ("Spread to the lung was seen in both patients of an earlier report [3].", "lung", "other"),
    ("Our patient had a liver mass " + "and a rise of the markers, " * 20 + "whereas lung metastases were frequent [4]",
     "lung", "other"),
    ("This study presents a case of sarcoma with spread to the lung.", "lung", "patient"),
    # the report speaking of itself in the third person introduces its own patient
    ("This study reported a 17-year-old boy with a mass in the liver.", "liver", "patient"),
    ("The authors describe a 52-year-old woman with a mass in the ovary.", "ovary", "patient"),
    ("This article presents an elderly man with nodules in the lung.", "lung", "patient"),
    ("The authors report the case of a man with nodules in the lung.", "lung", "patient"),
    ("Here, the authors reported a two-year-old boy with nodules in the lung.", "lung", "patient"),
    ("The authors reported one case of clozapine agranulocytosis in a 34-year-old man with a nodule in the lung.",
     "lung", "patient"),
    ("In this report, we reviewed the literature and presented a man with a nodule in the lung.", "lung", "patient"),
    # ... another report's authors in the past tense stay the literature's
    ("In 2015, the authors reported a boy with nodules in the lung [6].", "lung", "other"),
    # ... but a study's results in patients stay the literature's
    ("This study reported longer survival in patients with liver metastases.", "liver", "other"),
    ("The authors found that most patients with lung nodules improved.", "lung", "other"),
])
def test_reported_patients_and_relatives(nlp, text, word, subject):
    assert qualify(nlp, text, word)["subject"] == subject


def test_pronoun_chain_carries_the_patient_into_the_next_sentence(make_nlp):
    nlp = make_nlp("caselit_sections", "caselit_context")
    text = ("Title\nDiscussion\nOur patient was a 60-year-old woman. She had taken tamoxifen for five years. "
            "Tamoxifen is known to cause endometrial cancer.\nIt has been given with letrozole.")
    doc = nlp.make_doc(text)
    spans = []
    for word in ("tamoxifen", "Tamoxifen is", "letrozole"):
        start = text.index(word)
        spans.append(char_span(doc, start, start + len(word.split()[0]), "DRUG"))
    doc.spans["drugs"] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s._.subject for s in doc.spans["drugs"]] == ["patient", "unknown", "unknown"]


@pytest.mark.parametrize("text, word, group, negated", [
    # a treatment that failed was given: the negation word of the failure does not negate it
    ("Her symptoms did not improve with oral amoxicillin.", "amoxicillin", "drugs", False),
    ("She did not respond to prednisolone 40 mg daily.", "prednisolone", "drugs", False),
    ("There was no improvement in the rash despite topical clobetasol.", "clobetasol", "drugs", False),
    ("No improvement was seen after the laparotomy.", "laparotomy", "procedures", False),
    # ... but still negates what is not a treatment, and a second negation still counts
    ("There was no improvement in the rash and no lymph node enlargement.", "lymph node", "sites", True),
    ("She did not improve, so no rituximab was given.", "rituximab", "drugs", True),
    # a treatment that did not correct a disorder was given
    ("The acidosis was not corrected by sodium bicarbonate.", "sodium bicarbonate", "drugs", False),
    ("There were no adverse effects from the methotrexate.", "methotrexate", "drugs", False),
    ("Without further delay, ceftriaxone was started.", "ceftriaxone", "drugs", False),
    # a drug held a possible cause was given
    ("NMS was likely due to haloperidol, though a role of olanzapine could not be ruled out.", "olanzapine", "drugs", False),
    ("Liver metastasis could not be ruled out on CT.", "Liver", "sites", True),
    # a detail of a drug given that the summary does not know negates no drug
    ("She was treated with belotecan 0.3 mg/m2 [route not stated] on days 1 to 5 and cisplatin on day 1.",
     "cisplatin", "drugs", False),
    ("Paclitaxel [dose not specified] and carboplatin were given.", "carboplatin", "drugs", False),
])
def test_treatment_failure_is_no_negation(nlp, text, word, group, negated):
    assert qualify(nlp, text, word, group)["negated"] is negated


@pytest.mark.parametrize("text, word, negated", [
    ("Her symptoms resolved and surgery was not required.", "symptoms resolved", False),
    ("He showed improvement in the scaling and oral retinoids were not needed.", "improvement", False),
    # a status told inside the negated clause itself stays negated
    ("A recurrence of the tumour was not detected.", "recurrence", True),
    # ... and a forward one does not reach a status after a comma, a clause of its own
    ("She did not come back to the clinic, ultimately dying at home.", "ultimately dying", False),
    # ... nor one in a clause of its own, opened by a conjunction and its subject
    ("The work-up could not be performed as the patient passed away.", "passed away", False),
    ("There was no recurrence at 2 years.", "recurrence", True),
    # ... nor a status joined by "and" to the negated predicate, a predicate of its own
    ("He never regained consciousness and died on day 5.", "died", False),
    ("She did not receive chemotherapy and died of disease five months later.", "died", False),
    ("She had no further seizures and made a full recovery.", "made a full recovery", False),
    ("Unfortunately, none of these treatments improved her prognosis and she died three years later.", "died", False),
    ("He was not given antibiotics and recovered fully.", "recovered fully", False),
    # ... nor the status after the treatment a negated giving names
    ("A traveller who had not received post-exposure prophylaxis died of rabies in hospital.", "died", False),
    # ... while the status the negation governs stays denied
    ("None of the patients died.", "died", True),
    ("She did not die of the disease.", "die", True),
])
def test_a_negation_beyond_a_clause_does_not_reach_the_status(nlp, text, word, negated):
    assert qualify(nlp, text, word, "outcome")["negated"] is negated


@pytest.mark.parametrize("text, word, group, negated", [
    # a verb of giving after other words ends the negation's reach over a treatment
    ("No complications occurred, and he was discharged on aspirin.", "aspirin", "drugs", False),
    ("With no evidence of recurrence she was continued on tamoxifen.", "tamoxifen", "drugs", False),
    ("He had no known allergies and was started on penicillin.", "penicillin", "drugs", False),
    ("No other medication was given apart from paracetamol.", "paracetamol", "drugs", False),
    ("He did not tolerate oral linezolid and was changed to tedizolid.", "tedizolid", "drugs", False),
    ("She was not improving on vancomycin and was transitioned to daptomycin.", "daptomycin", "drugs", False),
    # ... not when the verb is what is negated
    ("She was not given cisplatin because of renal failure.", "cisplatin", "drugs", True),
    ("He was never started on steroids.", "steroids", "drugs", True),
    ("She did not receive adjuvant chemotherapy or tamoxifen.", "tamoxifen", "drugs", True),
    # ... nor for other findings
    ("No fever was noted and treated lymph node disease.", "lymph node", "sites", True),
])
def test_negation_ends_at_a_verb_of_giving(nlp, text, word, group, negated):
    assert qualify(nlp, text, word, group)["negated"] is negated


@pytest.mark.parametrize("text, word, hypothetical", [
    ("She completed the planned six cycles of carboplatin.", "carboplatin", False),
    ("Chemotherapy with paclitaxel was planned, and she tolerated six cycles.", "paclitaxel", False),
    ("Because surgery was planned, she was given cefazolin before the incision.", "cefazolin", False),
    ("Chemotherapy with carboplatin was recommended.", "carboplatin", True),
    ("If seizures occur, levetiracetam should be started.", "levetiracetam", True),
    ("If seizures recur, she will be started on levetiracetam.", "levetiracetam", True),
])
def test_plans_carried_out_are_no_hypotheses(nlp, text, word, hypothetical):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is hypothetical


@pytest.mark.parametrize("text, hypothetical", [
    ("Here, we would like to report two cases of breast cancer with gastric metastases.", False),
    ("We would like to present a woman with breast cancer and gastric metastases.", False),
    ("Gastroscopy would show breast cancer cells in such a case.", True),
])
def test_the_authors_wish_to_report_is_no_hypothesis(nlp, text, hypothetical):
    assert qualify(nlp, text, "breast")["hypothetical"] is hypothetical


def test_the_authors_giving_a_drug_speak_of_the_patient(nlp):
    text = "We started intravenous methylprednisolone, as previous studies showed a benefit [11]."
    assert qualify(nlp, text, "methylprednisolone", "drugs")["subject"] == "patient"


@pytest.mark.parametrize("text, word, hypothetical", [
    ("Considering the risk of meningitis, ceftriaxone was started.", "ceftriaxone", False),
    ("Planning to reduce the oedema, we gave dexamethasone 8 mg.", "dexamethasone", False),
    ("In case of paracetamol overdose, acetylcysteine was given.", "paracetamol", True),
    ("If the rash recurs, prednisolone should be given.", "prednisolone", True),
])
def test_a_treatment_given_after_a_condition_is_no_hypothesis(nlp, text, word, hypothetical):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is hypothetical


@pytest.mark.parametrize("text, word, group, subject", [
    ("Ceftriaxone, which is commonly used for meningitis, was started.", "Ceftriaxone", "drugs", "probable"),
    ("Vancomycin was started because MRSA is a common cause of line infections.", "Vancomycin", "drugs", "probable"),
    ("Methotrexate is typically the first-line agent in this disease.", "Methotrexate", "drugs", "generic"),
    # a list of what was given, told with "include"; the same verb of a guideline stays background
    ("The treatments given include dextrose 10% and cefotaxime 125 mg every 12 hours.", "cefotaxime", "drugs",
     "probable"),
    ("Treatment of congenital syphilis includes benzylpenicillin for ten days.", "benzylpenicillin", "drugs",
     "generic"),
    # only treatments: a site in such a sentence stays background
    ("Chemotherapy was given, as lung metastases are common.", "lung", "sites", "generic"),
    # what a drug does as a rule, with a modal in the present tense; the patient's own course stays hers
    ("G-CSF and filgrastim may raise the white cell count to over 100 x 10^9/L.", "filgrastim", "drugs", "generic"),
    ("Amiodarone can cause thyroid dysfunction.", "Amiodarone", "drugs", "generic"),
    ("In our patient, amiodarone may have caused the thyroiditis.", "amiodarone", "drugs", "patient"),
])
def test_a_treatment_given_beside_a_general_remark(nlp, text, word, group, subject):
    assert qualify(nlp, text, word, group)["subject"] == subject


@pytest.mark.parametrize("text, word", [
    ("In a previous case, rituximab led to remission.", "rituximab"),
    ("Rituximab led to remission in 80% of patients.", "Rituximab"),
    ("A randomized clinical trial showed a benefit of dupilumab.", "dupilumab"),
])
def test_literature_without_citation_marks(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["subject"] in ("other", "generic")


@pytest.mark.parametrize("text, word", [
    # a trial the reported patient took part in is hers
    ("A 61-year-old woman with stage IV lung adenocarcinoma was enrolled in a phase II clinical trial "
     "and received pembrolizumab.", "pembrolizumab"),
    ("The patient was randomised to the experimental arm of the study and received oxaliplatin.", "oxaliplatin"),
    ("Six cycles of gemcitabine and gefitinib were administered within a randomized phase II clinical trial.",
     "gefitinib"),
    # a group statistic beside the patient's own treatment
    ("She was given ondansetron, which controls nausea in 80% of patients.", "ondansetron"),
])
def test_the_patients_trial_and_a_statistic_beside_her_treatment(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["subject"] in ("patient", "probable")


def test_a_trial_of_a_drug_is_the_patients(nlp):
    assert qualify(nlp, "She was given a trial of oral prednisolone.", "prednisolone", "drugs")["subject"] != "other"


@pytest.mark.parametrize("text, word", [
    ("CT showed no evidence of hydronephrosis, para-aortic lymphadenopathy, ascites, pleural effusion or liver "
     "metastases.", "liver"),
    ("There were no other abnormal findings, such as pleural effusion, ascites or lung metastasis.", "lung"),
    ("Staging CT did not show any metastatic lesions in the lungs, liver, adrenal glands or bones.", "bones"),
])
def test_a_negation_reaches_along_a_long_list_of_findings(nlp, text, word):
    assert qualify(nlp, text, word)["negated"] is True


@pytest.mark.parametrize("text, word, group", [
    ("There was no fever, chills, cough, weight loss or anorexia, and a biopsy of the bone lesion showed metastatic "
     "adenocarcinoma.", "bone", "sites"),
    ("No fever, chills, rigors or night sweats were reported; CT of the abdomen showed liver metastases.", "liver",
     "sites"),
    ("She had no fever, chills, cough, dyspnoea or weight loss, and she was given oral amoxicillin.", "amoxicillin",
     "drugs"),
])
def test_a_long_list_ends_where_another_clause_begins(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["negated"] is False


def test_a_treatment_that_was_difficult_to_give_was_not_given(nlp):
    text = "It was difficult to administer combination chemotherapy with rituximab, so oral etoposide was given."
    assert qualify(nlp, text, "rituximab", "drugs")["hypothetical"] is True
    assert qualify(nlp, text, "etoposide", "drugs")["hypothetical"] is False


def test_a_long_list_ends_at_a_clause_that_draws_a_conclusion(nlp):
    text = ("The cells were positive for CK20 but showed no expression of cytokeratin 7 or thyroid transcription "
            "factor 1, confirming that the adrenal mass was a metastasis.")
    assert qualify(nlp, text, "adrenal")["negated"] is False


@pytest.mark.parametrize("text, word", [
    # a difficulty in dosing or tapering says the drug was given
    ("Because of his renal failure it was difficult to dose vancomycin, and levels were checked daily.", "vancomycin"),
    ("It was difficult to taper the prednisolone over the following months.", "prednisolone"),
])
def test_a_drug_difficult_to_dose_was_given(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is False


def test_a_treatment_impossible_to_give_stays_a_hypothesis(nlp):
    text = "It was impossible to give cisplatin because of her renal function."
    assert qualify(nlp, text, "cisplatin", "drugs")["hypothetical"] is True


@pytest.mark.parametrize("text, word", [
    ("She received carboplatin, but paclitaxel was not given.", "carboplatin"),
    ("Cisplatin was given; radiotherapy was not given.", "Cisplatin"),
    ("Prednisolone was discontinued after two weeks.", "Prednisolone"),
])
def test_a_negation_after_another_treatment_leaves_it_given(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["negated"] is False


# A treatment considered, deferred, avoided or ruled out and not given; written for these tests.
@pytest.mark.parametrize("text, word", [
    ("Vancomycin was not considered because the isolate was susceptible.", "Vancomycin"),
    ("Steroids were deferred until the cultures were negative.", "Steroids"),
    ("Heparin was contraindicated owing to the intracranial bleed.", "Heparin"),
    ("Methotrexate was avoided because of her renal function.", "Methotrexate"),
    ("Rituximab was not pursued given the infection.", "Rituximab"),
    ("Thrombolysis with alteplase was not indicated.", "alteplase"),
    ("Cisplatin was omitted from the second cycle.", "Cisplatin"),
    ("We decided against warfarin after the fall.", "warfarin"),
])
def test_a_treatment_ruled_out_is_negated(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["negated"] is True


@pytest.mark.parametrize("text, word", [
    # the treatment given after a treatment ruled out
    ("Vancomycin was not considered, and she was given cefazolin.", "cefazolin"),
    ("Heparin was contraindicated; fondaparinux was started.", "fondaparinux"),
])
def test_a_treatment_given_after_another_ruled_out_stays_given(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["negated"] is False


# A citation marker in the case description supports a statement (a regimen, a method); the
# sentence stays the patient's unless it speaks of the literature (scripts/perturb_check.py:
# reference markers). Sentences written for these tests.
@pytest.mark.parametrize("text, word, subject", [
    ("Case presentation\nA 50-year-old man had a GIST.\nTreatment with imatinib was started [4].", "imatinib", "unknown"),
    ("Case presentation\nA 50-year-old man had a GIST.\nHe received imatinib [4].", "imatinib", "probable"),
    ("A 50-year-old man had a GIST.\nHe received imatinib at 400 mg daily [4].", "imatinib", "probable"),
    ("Discussion\nHe received imatinib [4].", "imatinib", "other"),
    ("Case presentation\nA man in an earlier report received imatinib [4].", "imatinib", "other"),
    ("Case presentation\nLee and Park reported a man who received imatinib [4].", "imatinib", "other"),
    ("Treatment with imatinib is standard [4].", "imatinib", "other"),
])
def test_citation_in_the_case_description(nlp, text, word, subject):
    assert qualify(nlp, text, word, group="drugs")["subject"] == subject


# Another person than the patient as the subject of the clause: a donor, a relative.
@pytest.mark.parametrize("text, word, group", [
    ("The donor, a 30-year-old man, had received meropenem before organ procurement.", "meropenem", "drugs"),
    ("The kidney came from a 45-year-old donor who died of an intracranial haemorrhage.", "died", "outcome"),
    ("Her mother, a 60-year-old woman with breast cancer, had received tamoxifen.", "tamoxifen", "drugs"),
    ("He had hypertension, and his father had been treated with warfarin for years.", "warfarin", "drugs"),
    ("The organ donor had a history of melanoma excised ten years earlier.", "melanoma", "histology"),
    ("The patient's younger brother was given cefazolin before the nephrectomy.", "cefazolin", "drugs"),
])
def test_another_persons_clause_is_not_the_patients(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] == "family"


@pytest.mark.parametrize("text, word, group", [
    # the person word is no subject: a kind of transplant, the one who gave the organ
    ("She received a living-donor kidney transplant and was maintained on tacrolimus.", "tacrolimus", "drugs"),
    ("He received a kidney from his brother and was started on tacrolimus.", "tacrolimus", "drugs"),
    ("She underwent deceased-donor liver transplantation under basiliximab induction.", "basiliximab", "drugs"),
    # the patient is the subject again
    ("His father had died of a myocardial infarction, and he was given aspirin.", "aspirin", "drugs"),
    ("Her mother had breast cancer; she was started on tamoxifen.", "tamoxifen", "drugs"),
    ("The donor had died of trauma, and the recipient received mycophenolate mofetil.", "mycophenolate", "drugs"),
    # a relative clause ends at its comma
    ("A kidney from a donor who had died of trauma was transplanted, and tacrolimus was started.",
     "tacrolimus", "drugs"),
    # an eponym, not a relative
    ("Examination showed a Sister Mary Joseph nodule treated with cisplatin.", "cisplatin", "drugs"),
    # a relative named in an aside that closes before the patient's own clause
    ("A 56-year-old woman with a family history (her father died of liver cancer) was given tamoxifen.",
     "tamoxifen", "drugs"),
])
def test_the_patients_clause_after_a_person_word(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] != "family"


# Statements about a disease or patients in general, in the present tense.
@pytest.mark.parametrize("text, word, group, subject", [
    ("Such patients are treated with amphotericin B for several weeks.", "amphotericin", "drugs", "other"),
    ("Before death, such patients develop multiorgan failure.", "death", "outcome", "other"),
    ("Surgical excision followed by imatinib is the treatment of choice.", "imatinib", "drugs", "generic"),
    ("The ABVD regimen is a standard treatment.", "ABVD", "drugs", "generic"),
    ("Corticosteroids are the mainstay of therapy, and rituximab is added in refractory disease.", "rituximab",
     "drugs", "generic"),
    ("Treatment consists of methotrexate and rituximab.", "methotrexate", "drugs", "generic"),
    ("Mortality is 30% despite treatment with voriconazole.", "voriconazole", "drugs", "generic"),
    ("Early empirical use of doxycycline can save lives.", "doxycycline", "drugs", "generic"),
    # a list of the differential told in general, "be" left out or "also" inserted
    ("Eosinophilic ascites may seen in lymphoma, parasitic infections and peritoneal dialysis.", "lymphoma",
     "histology", "generic"),
    ("Eosinophilic ascites may also be found in lymphoma and parasitic infections.", "lymphoma", "histology",
     "generic"),
])
def test_a_general_statement_is_background(nlp, text, word, group, subject):
    assert qualify(nlp, text, word, group)["subject"] == subject


@pytest.mark.parametrize("text, word", [
    # in a case text, the past tense tells what was chosen for the patient
    ("The treatment of choice was sclerotherapy with ethanolamine oleate.", "ethanolamine oleate"),
    ("She was treated with voriconazole, as mortality is high in this infection.", "voriconazole"),
    ("Imatinib, which is the treatment of choice, was started.", "Imatinib"),
    # the authors' comment after the patient's clause ("..., highlighting that stable patients ...")
    ("The patient was managed conservatively with aspirin, metoprolol and captopril, highlighting that "
     "hemodynamically stable patients with distal lesions can be managed medically.", "metoprolol"),
    ("She was treated with oral prednisolone, suggesting that patients with this rare variant respond to "
     "steroids as reported in the literature.", "prednisolone"),
    # ... or a noun phrase in apposition commenting on it
    ("She required high doses of atropine and pralidoxime, a regimen rarely cited in the literature.", "pralidoxime"),
])
def test_a_general_remark_beside_the_patients_treatment(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["subject"] not in ("generic", "other", "family")


@pytest.mark.parametrize("text", [
    "Most patients with distal lesions are managed with metoprolol, highlighting that conservative care works.",
    "Most patients with distal lesions are managed with metoprolol, a drug cited in the literature.",
])
def test_a_comment_clause_of_a_sentence_about_other_patients_stays_theirs(nlp, text):
    assert qualify(nlp, text, "metoprolol", "drugs")["subject"] in ("generic", "other")


@pytest.mark.parametrize("text, word, group, family", [
    ("One sibling, a girl, died at the age of two months.", "died", "outcome", True),
    ("The family history was notable as her elder sister had died of the same disease.", "died", "outcome", True),
    # what the parents gave, the child received
    ("Her mother gave her paracetamol for the fever.", "paracetamol", "drugs", False),
    ("The parents reported that the child had received ibuprofen at home.", "ibuprofen", "drugs", False),
])
def test_a_relatives_clause_and_what_the_relative_gave(nlp, text, word, group, family):
    assert (qualify(nlp, text, word, group)["subject"] == "family") is family


@pytest.mark.parametrize("text, word, group", [
    # the person word names a thing of the patient's: a donor organ, a donor-derived tumour
    ("Donor kidney biopsy showed acute rejection, treated with methylprednisolone pulses.", "methylprednisolone", "drugs"),
    ("The donor's liver was implanted and tacrolimus was started.", "tacrolimus", "drugs"),
    ("Donor-derived melanoma was found in the graft.", "melanoma", "histology"),
])
def test_a_donor_organ_is_the_recipients(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] != "family"


@pytest.mark.parametrize("text, word, group", [
    ("His mother noticed a swelling of the left knee two weeks before admission.", "knee", "sites"),
    ("The parents reported that ibuprofen had been given every six hours.", "ibuprofen", "drugs"),
])
def test_what_a_relative_tells_is_the_patients(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] != "family"


# A discussion sentence that opens with the patient and goes on to a group of published patients:
# what follows the group is the group's.
@pytest.mark.parametrize("text, word, group", [
    ("Our patient's illness was milder than that of the adults described by Okafor, of whom five died and the "
     "rest recovered after ceftazidime.", "died", "outcome"),
    ("Our patient's illness was milder than that of the adults described by Okafor, of whom five died and the "
     "rest recovered after ceftazidime.", "ceftazidime", "drugs"),
    ("Like our patient, the 12 cases reported by Haldane presented with pain; in four of them the infection was "
     "fatal despite vancomycin.", "vancomycin", "drugs"),
    ("Our patient survived, in contrast with the series of Moreau, in which three of seven children died after "
     "amphotericin B.", "amphotericin", "drugs"),
    ("Our case resembles the patients reported by Tanaka and Mori, of whom two died of sepsis.", "died", "outcome"),
    ("Our patient recovered fully, whereas among the published cases most died after heparin.", "heparin", "drugs"),
])
def test_what_a_group_of_published_patients_had_is_theirs(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] == "other"


@pytest.mark.parametrize("text, word, group", [
    # before the group, or after the patient speaks again
    ("Our patient was treated with ampicillin, like the patients reported by Tanaka.", "ampicillin", "drugs"),
    ("The adults described by Okafor died, whereas our patient recovered after ceftazidime.", "ceftazidime", "drugs"),
    ("In four of them the infection was fatal; she recovered after ceftazidime.", "ceftazidime", "drugs"),
    # the authors' own patients
    ("We treated five patients, of whom two received linezolid.", "linezolid", "drugs"),
    ("The two patients described in this report received rituximab.", "rituximab", "drugs"),
])
def test_the_patients_own_findings_beside_a_group(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["subject"] != "other"


# An obstetric report: the mother and her baby together are the reported patients, not a relative.
@pytest.mark.parametrize("text, word", [
    ("Mother and baby were discharged home well on the fourth day.", "discharged"),
    ("Both mother and neonate recovered fully.", "recovered"),
    ("The mother and her infant were discharged in good condition.", "discharged"),
    ("The infant and her mother went home after a week.", "went home"),
])
def test_mother_and_baby_are_the_patients(nlp, text, word):
    assert qualify(nlp, text, word, "outcome")["subject"] not in ("family", "other")


def test_a_mother_alone_is_still_a_relative(nlp):
    assert qualify(nlp, "Her mother and her sister died of breast cancer.", "died", "outcome")["subject"] == "family"


# On a page without headings, a sentence with a reference marker that tells a treatment given in
# the past is the narrative's; a general statement with a marker stays the literature's.
@pytest.mark.parametrize("text, word, literature", [
    ("Hypotension developed and norepinephrine was infused [3].", "norepinephrine", False),
    ("Amiodarone was administered intravenously [5, 6].", "Amiodarone", False),
    ("Norepinephrine is the first-line vasopressor in septic shock [3].", "Norepinephrine", True),
    ("In earlier reports, norepinephrine was infused [3].", "norepinephrine", True),
    ("Norepinephrine is the first-line vasopressor (3).", "Norepinephrine", True),
])
def test_a_treatment_given_beside_a_reference_marker_on_a_page_without_headings(nlp, text, word, literature):
    assert (qualify(nlp, text, word, "drugs")["subject"] == "other") is literature


@pytest.mark.parametrize("text, word, literature", [
    ("A 45-year-old woman had a breast mass. A biopsy showed a carcinoma with spread to the liver (4).", "liver", False),
    ("A 45-year-old woman had a breast mass.\n\nSpread to the liver is common (4).", "liver", True),
    ("Spread to the liver is common in this cancer (4).", "liver", True),
])
def test_a_cited_sentence_that_goes_on_from_the_patients_on_a_page_without_headings(nlp, text, word, literature):
    assert (qualify(nlp, text, word)["subject"] == "other") is literature


# Exceptions under a negation, conditions after a treatment, advice
# to give a treatment, and reference markers glued to a full stop. Sentences written for the test.
@pytest.mark.parametrize("text, word, group", [
    ("She denied taking any medicines other than paracetamol.", "paracetamol", "drugs"),
    ("No lesions were found aside from a small nodule in the liver.", "liver", "sites"),
    ("He took no regular drugs with the exception of aspirin.", "aspirin", "drugs"),
])
def test_exception_affirmed(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["negated"] is False


def test_exception_needs_to_stand_between(nlp):
    # an exception before the negation does not lift it
    text = "Apart from the aspirin, cisplatin was not given."
    assert qualify(nlp, text, "cisplatin", "drugs")["negated"] is True


@pytest.mark.parametrize("text, word", [
    ("The team suggested adding vancomycin if the fever persisted.", "vancomycin"),
    ("Rifampicin was to be added should the cultures stay positive.", "Rifampicin"),
    ("The oncologist advised starting tamoxifen after surgery.", "tamoxifen"),
    ("We considered switching to meropenem.", "meropenem"),
    ("Oral prednisolone in case of relapse was discussed with the family.", "prednisolone"),
])
def test_plan_hypothetical(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is True


@pytest.mark.parametrize("text, word, group", [
    ("She was given paracetamol if febrile.", "paracetamol", "drugs"),
    ("He received ceftriaxone and, if needed, oxygen.", "ceftriaxone", "drugs"),
    ("CT suggested liver metastasis.", "liver", "sites"),
    ("The biopsy suggested adenocarcinoma of the lung.", "lung", "sites"),
])
def test_not_a_plan(nlp, text, word, group):
    assert qualify(nlp, text, word, group)["hypothetical"] is False


def test_glued_citation_part(nlp):
    text = ("She was admitted with encephalitis.[1] Her course was described in a case series of "
            "patients with encephalitis.[2] She received intravenous immunoglobulin on day 40.")
    assert qualify(nlp, text, "immunoglobulin", "drugs")["subject"] != "other"


@pytest.mark.parametrize("text, word", [
    # a citation glued after the patient's own treatment belongs to neither part it separates
    ("Paclitaxel was stopped after one cycle two years ago.[4,5] She died of sepsis six weeks later.", "Paclitaxel"),
    ("Carboplatin was given for four cycles.[3] The patient died of sepsis six weeks later.", "Carboplatin"),
    ("We saw a woman with carcinoma of the cervix and granulocytosis.[2] Leukocytosis rose to "
     "58,000/uL and resolved after radiotherapy.", "Leukocytosis"),
])
def test_glued_citation_is_no_cue_of_either_part(nlp, text, word):
    assert qualify(nlp, text, word, "drugs")["subject"] != "other"


@pytest.mark.parametrize("text, word", [
    ("The liver lesions were initially thought to be metastases.", "liver"),
    ("The nodule was presumed to be a metastasis from the kidney.", "kidney"),
])
def test_provisional_reading_hypothetical(nlp, text, word):
    assert qualify(nlp, text, word)["hypothetical"] is True


def test_considered_to_be_a_stage_is_no_hedge(nlp):
    assert qualify(nlp, "The tumour was considered to be stage IB.", "IB")["hypothetical"] is False


@pytest.mark.parametrize("text, word, subject", [
    ("It is mainly the application of coenzyme Q10 and carnitine.", "carnitine", "generic"),
    ("The main treatment strategy is supportive care with thiamine.", "thiamine", "generic"),
    ("Our patient's treatment strategy included rituximab.", "rituximab", "patient"),
])
def test_general_management_is_background(nlp, text, word, subject):
    assert qualify(nlp, text, word, "drugs")["subject"] == subject


def subjects(nlp, text, words, group="drugs"):
    """The subject of each of ``words`` (first occurrence), placed as findings of ``group``."""
    doc = nlp.make_doc(text)
    spans = []
    for word in words:
        start = text.index(word)
        spans.append(char_span(doc, start, start + len(word), "X"))
    doc.spans[group] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [s._.subject for s in doc.spans[group]]


@pytest.mark.parametrize("text, word, subject", [
    # a person introduced by a sentence of the literature: the paragraph goes on with that story
    ("Title\nDiscussion\nLi et al. reported a 50-year-old woman with the same tumour [3]. She received "
     "imatinib for two years.", "imatinib", "other"),
    ("Title\nDiscussion\nIn the case published by Ruiz in 2004 [9], the patient was a 33-year-old man. "
     "Blood cultures stayed sterile. He was given daptomycin.", "daptomycin", "other"),
    ("Title\nDiscussion\nOkafor described an elderly man with a similar rash [2]. This patient was "
     "treated with dapsone.", "dapsone", "other"),
    ("Title\nBackground\nA previous report described a 41-year-old woman with this syndrome [5]. She was "
     "given tocilizumab and improved.", "tocilizumab", "other"),
    # ... until our patient is named, a new paragraph begins, or no person was introduced
    ("Title\nDiscussion\nLi et al. reported a 50-year-old woman with the same tumour [3]. Our patient "
     "received imatinib for two years.", "imatinib", "patient"),
    ("Title\nDiscussion\nLi et al. reported a 50-year-old woman with the same tumour [3].\n\nShe received "
     "imatinib for two years.", "imatinib", "probable"),
    ("Title\nDiscussion\nSuch tumours respond to kinase inhibitors [3]. She received imatinib for two "
     "years.", "imatinib", "probable"),
    # the case section is the patient's
    ("Title\nCase report\nA 50-year-old woman was seen, as in a report of a 40-year-old man [3]. She "
     "received imatinib.", "imatinib", "probable"),
])
def test_the_story_of_a_published_patient_goes_on_in_its_paragraph(make_nlp, text, word, subject):
    nlp = make_nlp("caselit_sections", "caselit_context")
    assert subjects(nlp, text, [word]) == [subject]


@pytest.mark.parametrize("text, word, hypothetical", [
    ("She was scheduled to receive R-CHOP but developed a fever.", "R-CHOP", True),
    ("He was scheduled for a second course of cisplatin.", "cisplatin", True),
    ("She was scheduled for six cycles of paclitaxel, which she completed.", "paclitaxel", False),
])
def test_a_treatment_scheduled_is_a_plan(nlp, text, word, hypothetical):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is hypothetical


@pytest.mark.parametrize("text, word, negated", [
    # a refusal negates the treatment refused, not the one given in the next clause
    ("The family refused surgery, and the patient was treated with ciprofloxacin.", "ciprofloxacin", False),
    ("She refused surgery and was given oral ciprofloxacin instead.", "ciprofloxacin", False),
    ("She refused chemotherapy with carboplatin and paclitaxel.", "carboplatin", True),
    ("She declined further cisplatin.", "cisplatin", True),
])
def test_a_refusal_ends_at_a_treatment_given_after_it(nlp, text, word, negated):
    assert qualify(nlp, text, word, "drugs")["negated"] is negated


@pytest.mark.parametrize("text, word, subject", [
    # other patients or the general case in a leading clause, the patient after its comma
    ("Because most patients respond to steroids, she was given prednisolone.", "prednisolone", "probable"),
    ("Like other patients with this syndrome, he responded to tocilizumab.", "tocilizumab", "probable"),
    ("As in other patients with this disease, the patient was given dexamethasone.", "dexamethasone", "probable"),
    # in the case description, a treatment given in the past after the leading clause
    ("Title\nCase report\nFollowing the protocol of our unit for patients with sepsis, meropenem was started.",
     "meropenem", "unknown"),
    # ... but not when the drug is the general case's
    ("Like other patients with this syndrome, tocilizumab is usually given.", "tocilizumab", "other"),
    ("Title\nDiscussion\nFollowing the protocol of Li et al. [3], meropenem was started.", "meropenem", "other"),
    ("In most patients, she was given nothing but tocilizumab.", "tocilizumab", "other"),
])
def test_a_leading_clause_about_others_leaves_the_patient_the_subject(nlp, text, word, subject):
    assert qualify(nlp, text, word, "drugs")["subject"] == subject


@pytest.mark.parametrize("text, word, hypothetical", [
    # a plan still to come or in abeyance
    ("She was to be started on imatinib after recovery.", "imatinib", True),
    ("Treatment with rituximab is pending insurance approval.", "rituximab", True),
    ("She was referred to oncology for consideration of pembrolizumab.", "pembrolizumab", True),
    ("Tamoxifen was offered but she preferred observation.", "Tamoxifen", True),
    ("A trial of azathioprine is being considered.", "azathioprine", True),
    # ... carried out, or the words speaking of something else
    ("She was offered cisplatin and completed four cycles.", "cisplatin", False),
    ("Pending the culture results, ceftriaxone was started.", "ceftriaxone", False),
    ("After consideration of the risks, heparin was started.", "heparin", False),
])
def test_a_treatment_still_to_come_is_a_plan(nlp, text, word, hypothetical):
    assert qualify(nlp, text, word, "drugs")["hypothetical"] is hypothetical


@pytest.mark.parametrize("text, word, group, subject", [
    # the pathology of the case is the patient's, not "studies" of the literature
    ("The histopathological studies confirmed a serous carcinoma of the ovary.", "ovary", "sites", "probable"),
    ("Immunohistochemical study showed infiltration of the omentum.", "omentum", "sites", "probable"),
    ("Previous studies confirmed spread to the omentum in such tumours.", "omentum", "sites", "other"),
    # a family cue of a leading clause stops at its comma when an indefinite article opens the subject
    ("Because of her strong family history of breast cancer, a 45-year-old woman was referred.",
     "45-year-old", "demographics", "probable"),
    ("Given a family history of colon cancer in her father, a colonoscopy was performed.", "colon", "sites", "family"),
    ("Her mother had a 45-year-old friend with breast cancer.", "breast", "sites", "family"),
    # a family history as the patient's attribute ends at the patient's own main verb
    ("A woman with a family history of ovarian cancer was diagnosed with colon cancer in 2015.", "colon", "sites",
     "probable"),
    ("A woman with a family history of ovarian cancer and colon cancer was referred.", "colon", "sites", "family"),
])
def test_the_cases_own_studies_and_a_new_subject_after_a_family_clause(nlp, text, word, group, subject):
    assert qualify(nlp, text, word, group=group)["subject"] == subject


@pytest.mark.parametrize("text, negated", [
    # a stage in brackets after a negated list sums the findings up
    ("There was no evidence of metastases to the pelvic lymph nodes, omentum, or peritoneum (stage IC).", False),
    ("There was no evidence of stage IV disease.", True),
])
def test_a_bracketed_stage_after_a_negated_list_is_affirmed(nlp, text, negated):
    word = "IC" if "(stage" in text else "stage IV"
    assert qualify(nlp, text, word, group="stage")["negated"] is negated


def test_advice_to_continue_a_drug_keeps_it(nlp):
    assert qualify(nlp, "He was advised to continue metformin.", "metformin", group="drugs")["hypothetical"] is False


@pytest.mark.parametrize("text, word, negated", [
    # what the patient went without is not the treatment she was on
    ("The patient recovered without further complications on anticonvulsants and intravenous arginine.",
     "arginine", False),
    ("She was discharged without being started on warfarin.", "warfarin", True),
    ("He was not started on warfarin.", "warfarin", True),
])
def test_a_recovery_without_complications_on_a_treatment(nlp, text, word, negated):
    assert qualify(nlp, text, word, group="drugs")["negated"] is negated


def test_the_cases_own_study_concluding_on_its_diagnosis_is_no_literature(nlp):
    text = "A biopsy was taken, and the study concluded on a diagnosis of orbital metastasis."
    assert qualify(nlp, text, "orbital")["subject"] != "other"
    assert qualify(nlp, "The study concluded that orbital metastasis is rare.", "orbital")["subject"] == "other"


def test_the_patient_opening_the_sentence_after_the_report_sentence_is_the_patient(make_nlp):
    nlp = make_nlp("caselit_sections", "caselit_context")
    text = ("Title\nIntroduction\nSorafenib is given in advanced HCC. We report the case of a patient with advanced "
            "HCC who showed an intriguing course. The patient achieved a late partial response by continuing "
            "sorafenib.\nThe patient may need sorafenib for years.")
    doc = nlp.make_doc(text)
    spans = []
    for index in (text.index("Sorafenib"), text.index("sorafenib."), text.rindex("sorafenib")):
        spans.append(char_span(doc, index, index + len("sorafenib"), "DRUG"))
    doc.spans["drugs"] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s._.subject for s in doc.spans["drugs"]][1] == "patient"
    assert [s._.subject for s in doc.spans["drugs"]][2] != "patient"


@pytest.mark.parametrize("text, word, flag, expected", [
    # a differential's list reaches as far as a negation's list does
    ("The differential diagnosis included hepatic tumours (eg, biliary cystadenoma, cystadenocarcinoma and "
     "intrahepatic cholangiocarcinoma) and a liver abscess.", "cholangiocarcinoma", "hypothetical", True),
    # ... but not past a verb that opens the patient's own finding
    ("The differential diagnosis included lymphoma and tuberculosis, and the biopsy of the cervical node later "
     "showed carcinoma.", "carcinoma", "hypothetical", False),
    # an event verb after a negated list opens another clause
    ("Although she had no recurrence at the primary site and no metastasis of cervical lymph nodes, metastasis "
     "occurred in several tissues including the spine and ribs.", "spine", "negated", False),
    ("There was no evidence of fever, chills, night sweats, weight loss or bone pain.", "bone pain", "negated", True),
])
def test_a_lists_reach(nlp, text, word, flag, expected):
    assert qualify(nlp, text, word)[flag] is expected


@pytest.mark.parametrize("text, subject", [
    ("Three patients, a 57-year-old man, his 60-year-old sister, and 81-year-old mother, developed lymphoma.",
     "probable"),
    ("A 57-year-old man was admitted, and his 81-year-old mother developed lymphoma.", "family"),
])
def test_relatives_listed_after_a_count_are_the_counted_patients(nlp, text, subject):
    assert qualify(nlp, text, "lymphoma", group="histology")["subject"] == subject


@pytest.mark.parametrize("text, subject", [
    ("Sibling 1: A 14-year-old male child had Hodgkin lymphoma.", "probable"),
    ("Her sibling, a 14-year-old male child, had Hodgkin lymphoma.", "family"),
])
def test_a_person_word_as_a_patients_label_is_no_other_person(nlp, text, subject):
    assert qualify(nlp, text, "14-year-old", group="demographics")["subject"] == subject


@pytest.mark.parametrize("text, subject", [
    # the relatives are the object of the authors' presenting phrase: the report's patients
    ("This report concerns a brother and sister, a year apart in age, who developed chronic lymphatic "
     "leukemia within months of each other.", "patient"),
    ("We describe a mother and her daughter who both developed chronic lymphatic leukemia.", "patient"),
    # a person word between the phrase and the relative: a family history
    ("We report a 40-year-old man whose brother had died of chronic lymphatic leukemia.", "family"),
    ("This report concerns a woman with anaemia; her sister had chronic lymphatic leukemia.", "family"),
])
def test_relatives_the_authors_present_are_the_reported_patients(nlp, text, subject):
    assert qualify(nlp, text, "chronic lymphatic leukemia", group="histology")["subject"] == subject

