"""Tumour types of the OncoTree tree (cBioPortal) with their WHO (5th edition) names, on sentences written
for the tests: the intermediate, in situ and malignant types the lexicon reads (British spellings, plurals,
short forms), the benign names that give no type, the broader name a report also uses (parents.tsv), the
organ a type gives (organs.tsv) and the organ written after a type's name ("<type> of the liver")."""
import pytest
from histology_helpers import full, names, nlp, row  # noqa: F401 (nlp, full: the shared fixtures)


@pytest.mark.parametrize("text, expected", [
    # soft tissue and bone
    ("Resection showed a solitary fibrous tumour of the pleura.", "solitary fibrous tumor"),
    ("The dural mass was a haemangiopericytoma (STAT6 positive).", "solitary fibrous tumor"),
    ("Both lesions were SFTs on immunohistochemistry.", "solitary fibrous tumor"),
    ("A desmoid-type fibromatosis of the abdominal wall.", "desmoid tumor"),
    ("Recurrent desmoid tumours after surgery.", "desmoid tumor"),
    ("An inflammatory myofibroblastic tumour with ALK rearrangement.", "inflammatory myofibroblastic tumor"),
    ("Excision showed an atypical lipomatous tumour of the thigh.", "atypical lipomatous tumor"),
    ("A kaposiform haemangioendothelioma with thrombocytopenia.", "kaposiform hemangioendothelioma"),
    ("Curettage of a giant cell tumour of bone of the distal radius.", "giant cell tumor"),
    ("Denosumab was given for GCTB of the sacrum.", "giant cell tumor"),
    ("A glomangiosarcoma of the forearm.", "malignant glomus tumor"),
    ("A mesenchymal chondrosarcoma of the orbit.", "mesenchymal chondrosarcoma"),
    ("A sclerosing rhabdomyosarcoma of the hand.", "spindle cell rhabdomyosarcoma"),
    ("A pleomorphic rhabdomyosarcoma of the thigh in an adult.", "pleomorphic rhabdomyosarcoma"),
    ("The lesion was an atypical fibroxanthoma of the scalp.", "atypical fibroxanthoma"),
    ("Hysterectomy showed a STUMP of the myometrium.", "smooth muscle tumor of uncertain malignant potential"),
    # central nervous system and sellar region
    ("MRI and resection confirmed a pilocytic astrocytoma of the cerebellum.", "pilocytic astrocytoma"),
    ("Biopsy of the suprasellar mass showed a pilomyxoid astrocytoma.", "pilomyxoid astrocytoma"),
    ("A haemangioblastoma of the cerebellum in von Hippel-Lindau disease.", "hemangioblastoma"),
    ("An intraventricular central neurocytoma.", "central neurocytoma"),
    ("A pineal parenchymal tumour of intermediate differentiation.",
     "pineal parenchymal tumor of intermediate differentiation"),
    ("A papillary tumour of the pineal region.", "papillary tumor of the pineal region"),
    ("Resection confirmed an atypical meningioma (WHO grade 2).", "atypical meningioma"),
    ("An adamantinomatous craniopharyngioma.", "craniopharyngioma"),
    ("A ganglioglioma of the temporal lobe with seizures.", "ganglioglioma"),
    ("A subependymoma of the fourth ventricle.", "subependymoma"),  # not the ependymoma inside it (/1)
    # haematolymphoid
    ("Biopsy revealed post-transplantation lymphoproliferative disorder.",
     "post-transplant lymphoproliferative disorder"),
    ("EBV-positive PTLD after a kidney transplant.", "post-transplant lymphoproliferative disorder"),
    ("Flow cytometry confirmed T-cell prolymphocytic leukaemia.", "t-cell prolymphocytic leukemia"),
    ("A man with T prolymphocytic leukemia and a white cell count of 300 x10^9/L.", "t-cell prolymphocytic leukemia"),
    ("The blood smear showed prolymphocytic leukemia.", "prolymphocytic leukemia"),
    ("Recurrent papules: lymphomatoid papulosis, type A.", "lymphomatoid papulosis"),
    ("Marrow flow cytometry showed an acute undifferentiated leukaemia.", "acute undifferentiated leukemia"),
    ("Aggressive NK-cell leukaemia with liver failure.", "aggressive nk-cell leukemia"),
    ("An ETP-ALL with a complex karyotype.", "acute lymphoblastic leukemia"),
    ("Jejunal perforation from MEITL.", "monomorphic epitheliotropic intestinal t-cell lymphoma"),
    # gestational trophoblastic, gynaecological, breast, digestive, urinary, skin
    ("Hysterectomy confirmed an invasive hydatidiform mole.", "invasive mole"),
    ("A low-risk gestational trophoblastic neoplasia was treated with methotrexate.",
     "gestational trophoblastic neoplasia"),
    ("A seromucinous borderline tumour of the ovary.", "seromucinous borderline tumor"),
    # two entities of their own the lexicon had read as their family (ICD-O 8622/1, 8470/3)
    ("A juvenile granulosa cell tumour with precocious puberty.", "juvenile granulosa cell tumor"),
    # the adult type named as the text names it (WHO 2020), the plain name kept plain
    # the adult type is recorded by the bare name, as reviewers write it
    ("Histology showed an adult granulosa cell tumour.", "granulosa cell tumor"),
    ("Histology showed an adult-type granulosa cell tumor.", "granulosa cell tumor"),
    ("A 57-year-old woman, who was diagnosed with AGCT, had a laparotomy.", "granulosa cell tumor"),
    ("Histology showed a granulosa cell tumour of the ovary.", "granulosa cell tumor"),
    ("A giant well-differentiated liposarcoma of the retroperitoneum.", "liposarcoma"),
    ("A dedifferentiated liposarcoma of the retroperitoneum.", "dedifferentiated liposarcoma"),
    ("A mucinous cystadenocarcinoma of the left ovary.", "mucinous cystadenocarcinoma"),
    ("Core biopsy showed a phyllodes tumour.", "phyllodes tumor"),
    ("Excision showed a borderline phyllodes tumour.", "borderline phyllodes tumor"),
    ("Mastectomy showed pleomorphic lobular carcinoma in situ.", "lobular carcinoma in situ"),
    ("LCIS was found at the margin.", "lobular carcinoma in situ"),
    ("Eczema of the nipple was Paget's disease of the nipple.", "paget disease of the nipple"),
    ("A combined hepatocellular-cholangiocarcinoma of segment VIII.", "combined hepatocellular-cholangiocarcinoma"),
    ("A Klatskin tumour with jaundice.", "cholangiocarcinoma"),
    ("Appendicectomy revealed a low-grade appendiceal mucinous neoplasm (LAMN).",
     "low-grade appendiceal mucinous neoplasm"),
    ("A clear cell sarcoma of the kidney in a child.", "clear cell sarcoma of the kidney"),
    ("A sweat gland adenocarcinoma of the axilla.", "sweat gland carcinoma"),
    ("A sialoblastoma of the parotid in a newborn.", "sialoblastoma"),
    ("Right hemicolectomy showed a MiNEN of the caecum.", "mixed neuroendocrine-non-neuroendocrine neoplasm"),
    ("The appendix held a goblet cell carcinoid.", "goblet cell adenocarcinoma"),  # not a carcinoid (WHO 2019)
    ("Marrow and blood findings of atypical CML (BCR-ABL1 negative).", "atypical chronic myeloid leukemia"),
    ("Lobectomy showed a NIFTP of 2 cm.", "noninvasive follicular thyroid neoplasm with papillary-like nuclear features"),
    ("A uterine tumour resembling ovarian sex cord tumour.", "uterine tumor resembling ovarian sex cord tumor"),
    ("A biphasic pulmonary blastoma of the right lower lobe.", "pulmonary blastoma"),
    ("An osteoclast-like giant cell tumour of the pancreas.", "undifferentiated carcinoma"),
])
def test_a_type_of_the_published_list(nlp, text, expected):
    assert names(nlp, text)[0] == expected


@pytest.mark.parametrize("text", [
    "A leiomyoma of the uterus was removed.",
    "Excision showed a giant cell tumour of the tendon sheath.",  # benign (ICD-O /0): no giant cell tumour
    "A tenosynovial giant cell tumor of the knee.",
    "The parotid mass was a pleomorphic adenoma.",
    "Curettage showed a complete hydatidiform mole.",  # the invasive mole is the /1 one
    "A meningioma of the convexity was resected.",
    "A schwannoma of the vestibular nerve.",
    "Excision of a lipoma of the back.",
    "A benign phyllodes tumour of the breast.",
])
def test_benign_names_give_no_type(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize("text, site, histology", [
    # the organ a type arises in, for a case that names none (organs.tsv)
    ("A 60-year-old man had headaches. Resection revealed a hemangioblastoma. He recovered well.",
     "brain", "hemangioblastoma"),
    ("A 28-year-old woman had knee pain. Biopsy confirmed a giant cell tumour and denosumab was given.",
     "bone", "giant cell tumor"),
    ("A 50-year-old woman had a palpable lump. Core biopsy revealed a borderline phyllodes tumour.",
     "breast", "borderline phyllodes tumor"),
    ("A 31-year-old woman had rising hCG after evacuation; an invasive mole was diagnosed and methotrexate "
     "was given.", "uterus", "invasive mole"),
    # a choriocarcinoma of a pregnancy arises in the uterus; one of no pregnancy names no organ
    ("A 28-year-old woman had bleeding six weeks after delivery. A postpartum choriocarcinoma with lung nodules "
     "was treated with methotrexate.", "uterus", "choriocarcinoma"),
    ("A 30-year-old woman had a gestational choriocarcinoma and received EMA-CO.", "uterus", "choriocarcinoma"),
    # the organ written after the type's name: a type the site rules' cancer words do not list
    ("A 45-year-old woman presented with abdominal pain. Biopsy revealed an epithelioid hemangioendothelioma "
     "of the liver. She received sorafenib.", "liver", "epithelioid hemangioendothelioma"),
    ("A 52-year-old man had dyspnoea. Resection confirmed a solitary fibrous tumour arising in the pleura.",
     "pleura", "solitary fibrous tumor"),
    ("A 33-year-old man had a lytic lesion. Biopsy confirmed a giant cell tumor of the distal femur.",
     "bone", "giant cell tumor"),
    ("A 40-year-old man had cough. Biopsy showed an inflammatory myofibroblastic tumour of the left lung.",
     "lung", "inflammatory myofibroblastic tumor"),
    ("A 70-year-old woman had jaundice. Whipple resection showed an osteoclast-like giant cell tumour of the "
     "pancreas.", "pancreas", "undifferentiated carcinoma"),
    # a type written of a body region is of its family's tissue (cases/regions.toml)
    ("A 62-year-old man had a mass of the thigh. Resection showed an atypical lipomatous tumour. He recovered.",
     "soft tissue", "atypical lipomatous tumor"),
    ("A 35-year-old woman had a swelling of the hand. Curettage showed a giant cell tumour of the fourth "
     "metacarpal.", "bone", "giant cell tumor"),
    # the narrower entity outweighs the broader name (parents.tsv); a lymphoma with no organ is nodal (organs.tsv)
    ("A 44-year-old man had a kidney transplant. Biopsy of a cervical node revealed post-transplant "
     "lymphoproliferative disorder, monomorphic type, diffuse large B-cell lymphoma. Rituximab was given.",
     "lymph node", "diffuse large b-cell lymphoma"),
    ("Ovarian adenocarcinoma with an umbilical nodule. A 62-year-old woman had a recurrent ovarian adenocarcinoma. "
     "The umbilical mass was resected and showed a metastatic serous papillary adenocarcinoma.",
     "ovary", "serous carcinoma"),
    # a type of one organ outside the list, and the adrenal medulla's tumour
    ("A 49-year-old woman with myasthenia gravis underwent thymectomy; pathology showed a type B2 thymoma.",
     "other", "thymoma"),
    ("A 41-year-old man had paroxysmal hypertension; adrenalectomy confirmed a phaeochromocytoma.",
     "adrenal gland", "pheochromocytoma"),
    # the organ the report writes before the type it is about outweighs the organ the type mostly arises in
    ("Only a few cases of vaginal melanoma have been reported. A 54-year-old woman had foetid bleeding. The "
     "diagnosis of melanoma was made on biopsy and she received nivolumab.", "vagina", "melanoma"),
    ("Melanoma is common. A 54-year-old woman had a pigmented lesion of the back. The diagnosis of melanoma was "
     "made on biopsy.", "skin", "melanoma"),
    # the type before a mimic's word is the patient's ("ACC ... mimicking hyperaldosteronism")
    ("We report a 65-year-old man with adrenocortical carcinoma presenting with hypokalaemia mimicking "
     "hyperaldosteronism. CT showed a "
     "10 cm mass.", "adrenal gland", "adrenocortical carcinoma"),
])
def test_the_case_takes_the_type_and_its_organ(full, text, site, histology):
    case = row(full, text)
    assert (case.histology, case.primary_site) == (histology, site)


@pytest.mark.parametrize("text", [
    # a type only weighed in a differential diagnosis, or a misreading the pathology revised
    "A 52-year-old woman had a mass of the thigh. The differential diagnosis included solitary fibrous tumour, "
    "desmoid tumour and synovial sarcoma. Excision showed a schwannoma. She recovered well.",
    "A 35-year-old woman bled after a molar pregnancy. Invasive mole was suspected. Curettage showed a complete "
    "hydatidiform mole. She recovered after evacuation.",
    "A 47-year-old man had a renal mass. It was initially misdiagnosed as an inflammatory myofibroblastic "
    "tumour; the final pathology was xanthogranulomatous pyelonephritis. He recovered.",
    "A 33-year-old woman had fever and lymphadenopathy initially misdiagnosed for indolent non-Hodgkin lymphoma. "
    "Excision showed histiocytic necrotizing lymphadenitis. She recovered.",
])
def test_a_type_only_weighed_is_not_taken(full, text):
    assert row(full, text).histology is None


def test_a_metastatic_type_of_an_organ_is_no_primary_there(full):
    case = row(full, "A 61-year-old man had a known pleural mass. CT showed a metastatic solitary fibrous tumour "
                     "of the liver. Pazopanib was given.")
    assert case.primary_site != "liver"


def test_types_of_the_discussion_are_not_the_patients(full):
    text = ("Case presentation\nA 48-year-old man presented with a painless mass of the neck. Excision was performed "
            "and histology showed a schwannoma. He recovered well.\n\nDiscussion\nSolitary fibrous tumours and "
            "desmoid tumours may arise in the neck and are treated by wide excision. Giant cell tumours of bone are "
            "locally aggressive.")
    case = row(full, text)
    assert (case.histology, case.primary_site) == (None, None)


def test_a_type_found_in_an_organ_names_no_origin(full):
    # "in" places a finding ("adenocarcinoma in the liver" may be a metastasis); "of" names the organ
    case = row(full, "A 66-year-old man had weight loss. CT-guided biopsy confirmed adenocarcinoma in the liver. "
                     "Chemotherapy was started.")
    assert case.primary_site is None


@pytest.mark.parametrize("text, histology", [
    ("A 28-year-old man had fatigue. Bone marrow aspirate showed 60% blasts and he was diagnosed with AML. "
     "He received cytarabine and daunorubicin.", "acute myeloid leukemia"),
    ("A 35-year-old woman with APL received arsenic trioxide; her smear showed abnormal promyelocytes.",
     "acute promyelocytic leukemia"),
    ("A 7-year-old boy had lymphoblasts in the blood. Flow cytometry confirmed a diagnosis of ALL.",
     "acute lymphoblastic leukemia"),
    ("A 33-year-old man had pancytopenia and leukemic cells with hairy projections. Flow cytometry confirmed "
     "HCL and he received cladribine.", "hairy cell leukemia"),
    ("A 63-year-old man had a white cell count of 331 x 10^9/L with 94% lymphocytes. T-PLL was diagnosed "
     "on flow cytometry.", "t-cell prolymphocytic leukemia"),
    # the short form of a type the sentence rules out is not the patient's
    ("A 75-year-old man had 55% myeloblasts in the marrow, consistent with acute myeloid leukemia (AML), "
     "nonacute promyelocytic leukemia (APL) type.", "acute myeloid leukemia"),
])
def test_a_leukaemias_abbreviation_in_a_report_of_blood_cancer(full, text, histology):
    case = row(full, text)
    assert (case.histology, case.primary_site) == (histology, "bone marrow")


@pytest.mark.parametrize("text", [
    "A 45-year-old woman had a renal AML of 6 cm with fat on CT. It was embolised.",  # no blood cancer
    "A 45-year-old woman had a 6 cm renal AML. The angiomyolipoma was embolised; blasts were absent.",
    "ALL RIGHTS RESERVED. A 60-year-old man with leukaemia cutis had a skin nodule.",  # a heading's word
    "A 30-year-old man swallowed HCL from a cleaning bottle and had oesophageal burns.",  # the acid
])
def test_a_leukaemias_abbreviation_needs_blood_cancer(nlp, text):
    assert not {"acute myeloid leukemia", "acute lymphoblastic leukemia", "hairy cell leukemia"} & set(names(nlp, text))


def test_a_short_form_after_a_name_written_with_its_non_is_read(nlp):
    text = "He was diagnosed with non-small cell lung cancer (NSCLC) in 2015; the NSCLC recurred."
    assert names(nlp, text) == ["non-small cell carcinoma"] * 3


@pytest.mark.parametrize("text, expected", [
    # the older names and the abbreviation of case reports
    ("A solid pseudopapillary epithelial neoplasm (SPEN) of the pancreatic tail was resected.",
     ["solid pseudopapillary neoplasm", "solid pseudopapillary neoplasm"]),
    ("Pathology showed a solid and papillary epithelial neoplasm of the pancreas.", ["solid pseudopapillary neoplasm"]),
    ("Three boys had a desmoplastic small cell tumor of the abdomen.", ["desmoplastic small round cell tumor"]),
    ("Desmoplastic round cell tumor is a highly malignant abdominal tumor.", ["desmoplastic small round cell tumor"]),
    ("CD99 and WT1 staining confirmed DSRCT.", ["desmoplastic small round cell tumor"]),
])
def test_older_names_of_a_type(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Alectinib controlled brain metastases of an anaplastic lymphoma kinase-rearranged lung cancer.",
    "An anaplastic lymphoma kinase-positive tumour was treated with crizotinib.",
])
def test_a_gene_named_after_a_tumour_joined_by_a_hyphen_is_no_type(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Autopsy showed an intravascular lymphoma in the small vessels of the lungs.", ["intravascular lymphoma"]),
    ("The diagnosis was intravascular large B-cell lymphoma.", ["intravascular large b-cell lymphoma"]),
    ("Orchiectomy showed a nonseminomatous germ cell tumour.", ["non-seminomatous germ cell tumor"]),
])
def test_names_recorded_as_the_annotators_write_them(nlp, text, expected):
    assert names(nlp, text) == expected


def test_a_nasal_glioma_is_glial_heterotopia_and_no_type(nlp):
    assert names(nlp, "A nasal glioma of the nasal bridge was excised in a 2-month-old infant.") == []
