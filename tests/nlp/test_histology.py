import doctest

import pytest
import spacy
from histology_helpers import names, nlp  # noqa: F401 (nlp: the shared fixture)

from pipeline.nlp.histology import histology as histology_module


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She had clinical stage IIA1 cervical squamous carcinoma.", "squamous cell carcinoma"),
        ("A non-keratinized squamous carcinoma of the cervix.", "squamous cell carcinoma"),
        ("Biopsy showed keratinizing squamous cell carcinoma.", "squamous cell carcinoma"),
        ("Pathology revealed metastatic SCC.", "squamous cell carcinoma"),
        ("A squamous cell carcinoma of the uterine cervix.", "squamous cell carcinoma"),
        ("A case of squamous cell cervical carcinoma.", "squamous cell carcinoma"),
        ("A mistaken diagnosis of squamous cervical cancer.", "squamous cell carcinoma"),
        ("She presented with adenocarcinoma of the uterine cervix.", "adenocarcinoma"),
        ("Colonic adenocarcinoma with liver disease.", "adenocarcinoma"),
        ("An adenosquamous carcinoma was diagnosed.", "adenosquamous carcinoma"),
        ("Review showed small cell neuroendocrine cervical carcinoma.", "small cell carcinoma"),
        ("A small cell carcinoma of the cervix.", "small cell carcinoma"),
        ("A large cell neuroendocrine carcinoma.", "large cell neuroendocrine carcinoma"),
        ("A neuroendocrine carcinoma of the cervix.", "neuroendocrine carcinoma"),
        ("Clear cell carcinoma of cervix (CCAC) infiltrated the stroma.", "clear cell carcinoma"),
        ("An ovarian clear cell carcinoma producing PTHrP.", "clear cell carcinoma"),
        ("A high-grade serous carcinoma of the ovary.", "serous carcinoma"),
        ("Uterine papillary serous carcinoma.", "serous carcinoma"),
        ("A grade 1 endometrioid adenocarcinoma.", "endometrioid carcinoma"),
        ("Bladder cancer (transitional-cell carcinoma, grade 3).", "urothelial carcinoma"),
        ("A transitional cell carcinoma of the renal pelvis.", "urothelial carcinoma"),
        ("A sarcomatoid hepatocellular carcinoma.", "hepatocellular carcinoma"),
        ("Biopsy confirmed HCC with a sarcomatoid component.", "hepatocellular carcinoma"),
        ("A soft tissue sarcoma of the thigh.", "sarcoma"),
        ("Advanced uterine leiomyosarcoma.", "leiomyosarcoma"),
        ("A uterine carcinosarcoma was resected.", "carcinosarcoma"),
        ("A malignant mixed Mullerian tumor of the uterus.", "carcinosarcoma"),
        ("A malignant melanoma of the vagina.", "melanoma"),
        ("A diffuse large B-cell lymphoma of the cervix.", "diffuse large b-cell lymphoma"),
        ("A G-CSF producing undifferentiated endometrial sarcoma.", "undifferentiated sarcoma"),
        ("Low-grade undifferentiated uterine sarcoma.", "undifferentiated sarcoma"),
        ("Advanced Undifferentiated Endometrial Carcinoma with NED.", "undifferentiated carcinoma"),
        ("The autopsy showed anaplastic carcinoma of the pancreas.", "anaplastic carcinoma"),
        ("A man with non-small cell lung cancer complicated by brain metastasis.", "non-small cell carcinoma"),
        ("He had advanced NSCLC.", "non-small cell carcinoma"),
        ("The histopathology was invasive carcinoma, No Special Type (NST) of right breast.",
         "invasive carcinoma of no special type"),
        # two standard names of one type: the table keeps the one the text uses
        ("An invasive ductal carcinoma of the left breast.", "invasive ductal carcinoma"),
        ("Core biopsy showed an infiltrating ductal carcinoma, grade 2.", "invasive ductal carcinoma"),
        ("The lumpectomy confirmed IDC with clear margins.", "invasive ductal carcinoma"),
        ("Two women had invasive ductal breast cancer with gastric metastases.", "invasive ductal carcinoma"),
        ("She had lobular breast cancer diagnosed in 2015.", "invasive lobular carcinoma"),
        ("A 45-year-old woman had an infiltrating duct carcinoma of the left breast.", "invasive ductal carcinoma"),
        ("An 8-year-old boy was diagnosed with B-cell lymphoblastic leukaemia.", "acute lymphoblastic leukemia"),
        ("A mucinous adenocarcinoma of the ovary.", "mucinous adenocarcinoma"),
        ("A mucinous ovarian carcinoma was staged IA.", "mucinous carcinoma"),
        ("He had metastatic mucinous appendiceal adenocarcinoma.", "mucinous adenocarcinoma"),
        # a squamous NSCLC names its subtype
        ("She was treated for stage IIIB squamous NSCLC.", "squamous cell carcinoma"),
        ("A squamous non-small cell lung cancer of the right upper lobe.", "squamous cell carcinoma"),
        ("He had non-squamous NSCLC with an EGFR mutation.", "non-small cell carcinoma"),
        ("SCC arising in ovarian mature cystic teratoma.", "squamous cell carcinoma"),
        ("An immature teratoma of the ovary.", "immature teratoma"),
        ("Medullary thyroid carcinoma was confirmed on thyroidectomy.", "medullary carcinoma"),
        ("FNAC suggested medullary carcinoma of thyroid.", "medullary carcinoma"),
        ("A papillary thyroid carcinoma with nodal spread.", "papillary carcinoma"),
        ("Cone biopsy showed minimal deviation adenocarcinoma of the cervix.", "minimal deviation adenocarcinoma"),
        ("The lobectomy specimen was a giant cell carcinoma of the lung.", "giant cell carcinoma"),
        ("She underwent surgery for a serous borderline ovarian tumour.", "serous borderline tumor"),
        ("Histology showed a mucinous tumour of low malignant potential of the ovary.", "mucinous borderline tumor"),
        ("The final diagnosis was a serous epithelial tumor of borderline malignancy.", "serous borderline tumor"),
        ("Frozen section suggested a borderline mucinous tumor.", "mucinous borderline tumor"),
        # apostrophes as pages print them, and "tumour" in either spelling
        ("Abdominal CT revealed bilateral Wilms\u2019 tumour.", "nephroblastoma"),
        ("Node biopsy showed Hodgkin\u2019s lymphoma, nodular sclerosis type.", "hodgkin lymphoma"),
        ("Node biopsy showed Hodgkin\u00b4s lymphoma, mixed cellularity type.", "hodgkin lymphoma"),
        ("A rare presentation of childhood Burkitt`s lymphoma with ascites.", "burkitt lymphoma"),
        ("A Klatskin\u2019s tumour was suspected on MRI and confirmed at surgery.", "cholangiocarcinoma"),
        # Paget disease named by its vulva
        ("Biopsy confirmed Paget\u2019s disease of the vulva.", "extramammary paget disease"),
        # metastatic renal cell carcinoma by its abbreviation
        ("Biopsy of the pubic mass demonstrated clear cell mRCC.", "clear cell carcinoma"),
        ("She had mRCC with lung and bone metastases.", "renal cell carcinoma"),
        ("The second patient was diagnosed with clear-cell mrcc after a knee biopsy.", "clear cell carcinoma"),  # lower case
        # older names a report keeps
        ("A nodule of the forearm was diagnosed as histiocytic lymphoma.", "histiocytic lymphoma"),
        ("Biopsy showed a well differentiated lymphocytic lymphoma.", "lymphocytic lymphoma"),
        ("The tumour was a matrix-producing carcinoma of the breast.", "matrix-producing carcinoma"),
        ("Differentiation syndrome in a patient with promyelocytic leukemia.", "acute promyelocytic leukemia"),
        # the WHO names of the thoracic and laryngeal neuroendocrine tumours of grade 1 and 2
        ("The supraglottic mass was an atypical carcinoid of the larynx.", "atypical carcinoid"),
        ("A typical carcinoid tumor of the right main bronchus was resected.", "typical carcinoid"),
        # a carcinoid is recorded as the report names it, as a neuroendocrine tumour is
        ("A carcinoid tumor of the terminal ileum was resected.", "carcinoid tumor"),
        ("Bronchoscopy showed a carcinoid of the left main bronchus.", "carcinoid tumor"),
        ("A well-differentiated neuroendocrine tumor of the ileum was resected.", "neuroendocrine tumor"),
        # "large B-cell lymphoma" without a qualifier is the diffuse type; a qualified one keeps its name
        ("Postmortem examination revealed large B-cell lymphoma confined to the heart.", "diffuse large b-cell lymphoma"),
        ("The biopsy revealed diffuse large Bcell lymphoma.", "diffuse large b-cell lymphoma"),
        ("A mediastinal mass was a primary mediastinal large B-cell lymphoma.", "primary mediastinal large b-cell lymphoma"),
        # the cell line before "non-Hodgkin lymphoma" names the entity
        ("Both patients had large B-cell non-Hodgkin lymphoma of the adrenal gland.", "diffuse large b-cell lymphoma"),
        ("Biopsy showed a T-cell non-Hodgkin's lymphoma of the nasal cavity.", "t-cell lymphoma"),
        # the NK cell's long form with its abbreviation in brackets
        ("She had a nasal natural killer (NK)/T-cell lymphoma of the left nasal cavity.", "nk/t-cell lymphoma"),
        # a lobular carcinoma written as an adenocarcinoma, organ word between
        ("She had a history of invasive lobular breast adenocarcinoma.", "invasive lobular carcinoma"),
        ("Gastric biopsy showed hepatoid adenocarcinoma with AFP-positive cells.", "hepatoid adenocarcinoma"),
    ],
)
def test_first_name(nlp, text, expected):
    assert names(nlp, text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Squamous cell carcinoma antigen (SCC-Ag) was 5.3 ng/mL.",
        "SCC antigen was normal.",
        "The squamous cell cancer antigen, SCCA, was elevated.",
        "Biopsy showed a poorly differentiated carcinoma.",  # no type: null per contract
        "A large tumour of the cervix was found.",
        "She was diagnosed with cervical cancer.",
        "Squamous cells were seen in the smear.",
        "The scc of the report is lower case.",  # abbreviations only in their own case
        "A non-Hodgkin course was described.",
        # genes and proteins named after a tumour are stains, not the patient's tumour
        "The infiltrate was positive for Wilms tumour 1 (WT1) and negative for B-cell lymphoma 2 (BCL2).",
        "Plasma cells expressed multiple myeloma oncogene 1.",
        "Staining for B-cell lymphoma 6 protein was negative.",
        # "non-" negates the type it stands before
        "Three siblings had familial non-medullary thyroid carcinoma.",
    ],
)
def test_no_histology(nlp, text):
    assert names(nlp, text) == []


def test_longest_name_wins(nlp):
    assert names(nlp, "A small cell neuroendocrine carcinoma.") == ["small cell carcinoma"]
    assert names(nlp, "A non-small cell carcinoma.") == ["non-small cell carcinoma"]
    assert names(nlp, "An adenosquamous carcinoma.") == ["adenosquamous carcinoma"]


def test_span_and_written(nlp):
    doc = nlp("Pathology confirmed cervical squamous cell carcinoma.")
    span = doc.spans["histology"][0]
    assert span.text == "squamous cell carcinoma" and span._.value.written == "squamous cell carcinoma"
    assert span.label_ == "HISTOLOGY"


@pytest.mark.parametrize(
    "text, grade",
    [
        ("Bladder cancer (transitional-cell carcinoma, grade 3).", "G3"),
        ("A moderately differentiated squamous cell carcinoma.", "moderately differentiated"),
        ("A well to moderately differentiated adenocarcinoma.", "well differentiated"),
        ("A high-grade serous carcinoma.", "high"),
        ("Endometrioid adenocarcinoma, FIGO grade II.", "G2"),
        ("Endometrioid adenocarcinoma G1 was found.", "G1"),
        ("A squamous cell carcinoma was found.", None),
    ],
)
def test_grade(nlp, text, grade):
    doc = nlp(text)
    assert doc.spans["histology"][0]._.value.grade == grade


def test_grade_stays_with_its_own_name(nlp):
    doc = nlp("A poorly differentiated adenocarcinoma of the colon and a squamous cell carcinoma of the skin.")
    assert [s._.value.grade for s in doc.spans["histology"]] == ["poorly differentiated", None]


@pytest.mark.parametrize("text", ["", " ", "\x00\x02carcinoma", "carcinoma " * 500])
def test_odd_input(nlp, text):
    assert names(nlp, text) == []


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(histology_module).failed == 0


@pytest.mark.parametrize(
    "text",
    [
        "A mature cystic teratoma of the left ovary was removed.",
        "Laparoscopy revealed a dermoid cyst of the right ovary.",
        "The pathology showed a benign cystic teratoma.",
    ],
)
def test_benign_lesion_is_no_type(nlp, text):
    # a benign lesion whose name holds a tumour word gives no histology, not even "teratoma"
    assert names(nlp, text) == []


def test_abbreviation_defined_as_something_else(nlp):
    text = "The outlook of recurrent cervical cancer (RCC) is poor. RCC was treated with chemotherapy."
    assert names(nlp, text) == []


def test_abbreviation_defined_as_itself(nlp):
    text = "Renal cell carcinoma (RCC) was found. The RCC measured 4 cm."
    assert names(nlp, text) == ["renal cell carcinoma"] * 3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CT-guided biopsy confirmed an adrenocortical carcinoma.", "adrenocortical carcinoma"),
        ("Excision of the eyelid nodule showed sebaceous carcinoma.", "sebaceous carcinoma"),
        ("The pancreatic mass was a cystic neuro-endocrine tumour.", "neuroendocrine tumor"),
        ("Hysterectomy revealed a perivascular epithelioid cell tumour (PEComa).", "perivascular epithelioid cell tumor"),
        ("Orchiectomy showed a classic testicular seminoma.", "seminoma"),
    ],
)
def test_further_who_types(nlp, text, expected):
    assert names(nlp, text)[0] == expected


def test_leiomyoma_is_no_type(nlp):
    assert names(nlp, "The uterus held a 6 cm leiomyoma and several fibroids.") == []


def hedges(nlp, text):
    doc = nlp(text)
    return [(s._.value.histology, s._.value.hedged) for s in doc.spans["histology"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cytology was suspicious for squamous cell carcinoma.", [("squamous cell carcinoma", True)]),
        ("It was first misdiagnosed as a uterine leiomyosarcoma.", [("leiomyosarcoma", True)]),
        ("The differential diagnosis included adenocarcinoma and lymphoma.",
         [("adenocarcinoma", True), ("lymphoma", True)]),
        ("A suspected ovarian mass was removed and pathology showed serous carcinoma.", [("serous carcinoma", False)]),
        ("Biopsy showed squamous cell carcinoma.", [("squamous cell carcinoma", False)]),
        # a malignancy the imaging raised, resembled or was presumed to be (fresh reports, s19)
        ("The skull lesions raised suspicion for a haematological malignancy such as lymphoma.", [("lymphoma", True)]),
        ("Bulky nodes in the chest and abdomen, suggesting disseminated lymphoma.", [("lymphoma", True)]),
        ("Its imaging features may overlap with those of leiomyosarcoma.", [("leiomyosarcoma", True)]),
        ("The pelvic abscess closely resembled an ovarian serous carcinoma.", [("serous carcinoma", True)]),
        ("The mass was presumed to be an adenocarcinoma and resected.", [("adenocarcinoma", True)]),
        # the verb's other forms and the misreadings besides "misdiagnosed as" (issue 11: benign tumours read
        # first as a cancer)
        ("Computed tomography suggested a leiomyosarcoma of the small bowel.", [("leiomyosarcoma", True)]),
        ("Endoscopic ultrasound suggests an adenocarcinoma of the antrum.", [("adenocarcinoma", True)]),
        ("The surgeons first thought of lymphoma because of the bulky nodes.", [("lymphoma", True)]),
        ("The nodule had been hiding as a squamous cell carcinoma for a year.", [("squamous cell carcinoma", True)]),
        ("Frozen sections were misinterpreted as serous carcinoma.", [("serous carcinoma", True)]),
        ("The smear was misread as small cell carcinoma by the first laboratory.", [("small cell carcinoma", True)]),
        ("The lesion was misclassified as a melanoma on dermoscopy.", [("melanoma", True)]),
        # pathology that "suggested morphology and expression of" a type names it (no article after the verb)
        ("Staining of the specimen suggested morphology and expression of lung adenocarcinoma.",
         [("adenocarcinoma", False)]),
    ],
)
def test_hedged_names(nlp, text, expected):
    assert hedges(nlp, text) == expected


@pytest.mark.parametrize(
    "text, hedged",
    [
        ("Lymphoma, thymoma and lung cancer were considered in the differential diagnosis.", True),
        ("Squamous cell carcinoma was ruled out by biopsy.", True),
        ("Adenocarcinoma was suspected and confirmed on biopsy.", False),
        ("Adenocarcinoma of the endometrium and peritoneal spread were excluded afterwards.", False),
        ("Squamous cell carcinoma was diagnosed on biopsy.", False),
    ],
)
def test_a_type_hedged_after_its_name(nlp, text, hedged):
    doc = nlp(text)
    assert doc.spans["histology"][0]._.value.hedged is hedged


@pytest.mark.parametrize(
    "text, final",
    [
        ("On the strength of these findings, a diagnosis of primary vaginal melanoma was established.", True),
        ("The final diagnosis was giant cell carcinoma of the lung.", True),
        ("The tumour was ultimately diagnosed as a leiomyosarcoma.", True),
        ("Biopsy showed poorly differentiated adenocarcinoma.", False),
        ("A final diagnosis of lymphoma was considered in the differential.", False),
    ],
)
def test_a_type_given_as_the_final_diagnosis(nlp, text, final):
    doc = nlp(text)
    assert doc.spans["histology"][0]._.value.final is final


@pytest.mark.parametrize(
    "text",
    [
        "Histology showed a benign pheochromocytoma.",
        "Pathology was consistent with a non-malignant, functioning paraganglioma.",
        "The adrenal mass was a nonmalignant pheochromocytoma.",
    ],
)
def test_a_type_called_benign_is_no_type(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Benign and malignant components were seen; the malignant one was a leiomyosarcoma.", ["leiomyosarcoma"]),
        ("A benign-looking polyp proved to be an adenocarcinoma.", ["adenocarcinoma"]),
        ("The nodes were benign. The primary was a squamous cell carcinoma.", ["squamous cell carcinoma"]),
    ],
)
def test_benign_elsewhere_leaves_the_type(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a preoperative reading, often a list of alternatives
        "Under the diagnosis of a jejunal tumour, gastrointestinal stromal tumour (GIST), lymphoma or carcinoma, "
        "we resected the segment.",
        "A presumptive diagnosis of lymphoma was made before the biopsy.",
    ],
)
def test_a_preoperative_reading_is_hedged(nlp, text):
    assert all(hedged for _, hedged in hedges(nlp, text))


def test_a_diagnosis_given_after_the_operation_is_not_hedged(nlp):
    text = "After resection, histology confirmed a gastrointestinal stromal tumour of low risk."
    assert hedges(nlp, text) == [("gastrointestinal stromal tumor", False)]


@pytest.mark.parametrize(
    "text",
    [
        "He was referred to the regional Sarcoma Service for a thigh mass.",
        "She was followed in the Lymphoma Clinic of another hospital.",
        "The Melanoma Unit reviewed the images.",
    ],
)
def test_a_service_named_after_a_cancer_is_no_type(nlp, text):
    assert names(nlp, text) == []


def test_a_bare_name_of_a_report_that_calls_it_benign_is_no_type(nlp):
    assert names(nlp, "Imaging suggested a mediastinal teratoma, and resection showed a mature teratoma.") == []
    assert names(nlp, "It was an immature teratoma with foci of mature teratoma; the teratoma was resected.") == [
        "immature teratoma", "teratoma"]


def test_an_abbreviation_the_text_defines_for_a_type(nlp):
    text = "Myeloid sarcoma (MS) is rare. In our patient, MS involved the cervical nodes."
    assert names(nlp, text) == ["myeloid sarcoma", "myeloid sarcoma"]


def test_an_abbreviation_whose_initials_are_not_the_names_is_no_type(nlp):
    assert names(nlp, "Myeloid sarcoma (XY) is rare. XY was seen.") == ["myeloid sarcoma"]


def test_a_preoperative_diagnosis_among_alternatives_is_hedged(nlp):
    text = ("With a preoperative diagnosis of intrahepatic cholangiocarcinoma or a late metastasis, a right "
            "hepatectomy was performed.")
    assert hedges(nlp, text) == [("cholangiocarcinoma", True)]


def test_a_type_a_lesion_is_hard_to_tell_apart_from_is_hedged(nlp):
    text = "Such a metastasis is difficult to distinguish from a primary gastric adenocarcinoma."
    assert hedges(nlp, text) == [("adenocarcinoma", True)]


@pytest.mark.parametrize("text, expected", [
    # acute myeloid leukaemias named by their lineage keep that name; Kaposi's sarcoma is its own type
    ("Marrow aspirate showed acute megakaryoblastic leukaemia.", ["acute megakaryoblastic leukemia"]),
    ("She was diagnosed with acute monoblastic leukemia (FAB M5a).", ["acute monocytic leukemia"]),
    ("Biopsy of the plaque confirmed Kaposi's sarcoma.", ["kaposi sarcoma"]),
    # the leukaemias' older names, still written in reports
    ("The twins both developed chronic myelocytic leukemia in their sixties.", ["chronic myeloid leukemia"]),
    ("Her brother had died of chronic lymphatic leukaemia.", ["chronic lymphocytic leukemia"]),
    ("A 6-year-old girl was diagnosed with acute lymphoid leukemia.", ["acute lymphoblastic leukemia"]),
    ("Marrow aspiration confirmed acute granulocytic leukemia.", ["acute myeloid leukemia"]),
    # the named types of a family keep their name (WHO 2021 thoracic and CNS tumours)
    ("Pleural biopsy showed a sarcomatoid pleural mesothelioma.", ["sarcomatoid mesothelioma"]),
    ("Pleural biopsy confirmed epithelioid malignant mesothelioma.", ["epithelioid mesothelioma"]),
    ("Curettage showed an endometrium adenocancer.", ["adenocarcinoma"]),
    ("Resection of the vermis mass showed desmoplastic/nodular medulloblastoma.", ["desmoplastic medulloblastoma"]),
    ("Nephrectomy revealed a type 2 papillary renal cell carcinoma.", ["papillary renal cell carcinoma"]),
])
def test_named_subtypes(nlp, text, expected):
    assert names(nlp, text)[:1] == expected


@pytest.fixture(scope="module")
def nlp_abbreviations(make_nlp):
    return make_nlp("caselit_abbreviations", "caselit_histology")


@pytest.mark.parametrize("text, expected", [
    # letters taken from inside the words, not only from their initials (Schwartz & Hearst)
    ("Microinvasive adenocarcinoma (MIAC) is rare in pregnancy. A case of MIAC was treated by conization.",
     ["adenocarcinoma", "adenocarcinoma"]),
    ("Uterine leiomyosarcoma (ULMS) seldom spreads to the heart. Our patient had ULMS and a cardiac mass.",
     ["leiomyosarcoma", "leiomyosarcoma"]),
    ("Ovarian carcinosarcoma (OCS) is aggressive; the OCS of our patient was bilateral.",
     ["carcinosarcoma", "carcinosarcoma"]),
    ("Small-cell neuroendocrine cervical carcinoma (NECC) is rare. She received etoposide for NECC.",
     ["small cell carcinoma", "small cell carcinoma"]),
    ("A stage IC clear cell carcinoma (CCC) was removed; ten years later CCC arose in the other ovary.",
     ["clear cell carcinoma", "clear cell carcinoma"]),
])
def test_a_short_form_the_detector_pairs_with_a_type_is_that_type(nlp_abbreviations, text, expected):
    assert names(nlp_abbreviations, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the short form of a name's first word, written with the rest of the name after it
    ("Adrenocortical (AC) tumours are rare in children. We present 2 cases of AC carcinoma.",
     ["adrenocortical carcinoma"]),
    ("Hepatocellular (HC) neoplasms were reviewed; our patient had an HC carcinoma of the left lobe.",
     ["hepatocellular carcinoma"]),
    # a short form of something else, or followed by no name's end
    ("The white blood cell (WBC) count rose; WBC carcinoma was never a term.", []),
    ("Adrenocortical (AC) function was normal, and the AC hormones were measured.", []),
])
def test_a_short_form_of_a_names_first_words_reads_with_the_rest(nlp_abbreviations, text, expected):
    assert names(nlp_abbreviations, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the long form goes on past the name: the short form stands for something else
    ("The squamous cell carcinoma antigen (SCCAg) was high, and SCCAg fell after surgery.", []),
    ("A squamous cell carcinoma risk score (SCCRS) was computed; the SCCRS was low.",
     ["squamous cell carcinoma"]),
])
def test_a_short_form_of_a_longer_phrase_is_no_type(nlp_abbreviations, text, expected):
    assert names(nlp_abbreviations, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Staging laparotomy confirmed a high-grade serous tubo-ovarian carcinoma.", ["serous carcinoma"]),
    # gene names that hold a tumour's name (HGNC): no type
    ("Immunostaining for anaplastic lymphoma kinase (ALK) was negative.", []),
    ("FISH found an Ewing sarcoma breakpoint region 1 rearrangement.", []),
])
def test_organ_words_and_gene_names_around_a_type(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # organ words may stand before the last word of a cystadenocarcinoma too
    ("Staging showed a high-grade papillary serous ovarian cystadenocarcinoma.", ["serous carcinoma"]),
    ("Both ovaries held mucinous cystadenocarcinomas.", ["mucinous cystadenocarcinoma"]),  # ICD-O 8470/3
])
def test_a_cystadenocarcinoma_is_its_type(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The nasopharyngeal biopsy showed an undifferentiated nonkeratinizing carcinoma.", ["undifferentiated carcinoma"]),
        ("Undifferentiated Non-Keratinising Carcinoma was reported on the biopsy.", ["undifferentiated carcinoma"]),
        ("She had an undifferentiated non-keratinizing nasopharyngeal carcinoma.", ["undifferentiated carcinoma"]),
        ("A squamous keratinizing cancer of the vulva was excised.", ["squamous cell carcinoma"]),
        ("The lesion was a squamous poorly keratinising carcinoma.", ["squamous cell carcinoma"]),
        # the qualifier alone with a bare head names no type
        ("He had a nasopharyngeal non-keratinizing carcinoma.", []),
    ],
)
def test_a_keratinisation_word_inside_a_name_is_dropped(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Flow cytometry of the marrow showed B precursor lymphoblastic leukemia/lymphoma.",
        "She was treated for T-lymphoblastic leukaemia/lymphoma with a mediastinal mass.",
        "A diagnosis of precursor B-cell lymphoblastic leukemia/lymphoma was made in 2001.",
        "The boy had B-lymphoblastic leukaemia in first remission.",
        "Immunophenotyping confirmed B-cell precursor acute lymphoblastic leukemia.",
    ],
)
def test_precursor_lymphoid_neoplasms_under_each_who_name(nlp, text):
    assert names(nlp, text) == ["acute lymphoblastic leukemia"]


def test_a_lymphoblastic_lymphoma_stays_a_lymphoma(nlp):
    assert names(nlp, "Mediastinal biopsy showed T-lymphoblastic lymphoma.") == ["lymphoblastic lymphoma"]


@pytest.mark.parametrize(
    "text",
    [
        "Core biopsy showed a moderately differentiated breast carcinoma NST, grade 2.",
        "Histology: carcinoma of no special type, with a Ki-67 of 30%.",
        "The lumpectomy specimen held a ductal carcinoma of no special type.",
    ],
)
def test_no_special_type_without_invasive_is_the_breasts_invasive_carcinoma(nlp, text):
    assert names(nlp, text) == ["invasive carcinoma of no special type"]
