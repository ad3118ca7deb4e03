import doctest

import pytest
import spacy

from pipeline.nlp.stage import stage as stage_module


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage")


def stages(nlp, text):
    doc = nlp(text)
    return [s._.value.stage for s in doc.spans["stage"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She had clinical stage (FIGO IIA1) cervical squamous carcinoma.", ["IIA1"]),
        ("A FIGO stage IB2 tumour of the cervix was diagnosed.", ["IB2"]),
        ("The tumour was staged as stage IIIb.", ["IIIB"]),
        ("Carcinoma of the cervix FIGO stage IIB in February 1993.", ["IIB"]),
        ("Pathology confirmed cervical clear cell carcinoma, stage ⅢC1p.", ["IIIC1"]),
        ("She was diagnosed with endometrial Ca stage 2 and referred.", ["II"]),
        ("A stage Ia2 squamous carcinoma.", ["IA2"]),
        ("She had stage IV endometrial carcinoma.", ["IV"]),
        ("The FIGO 2018 stage IIIC1r disease.", ["IIIC1"]),
    ],
)
def test_stage_values(nlp, text, expected):
    assert stages(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She had stage 3 chronic kidney disease.",
        "The patient reached stage I of recovery.",  # no cancer word, Roman numeral I is still a stage
        "A stage 2 pressure ulcer was treated.",
        "In this stage, the disease is rare.",
        # a stage its brackets name AJCC's
        "She was diagnosed with perianal carcinoma, Stage II (American Joint Committee on Cancer 8th Edition).",
        "A vulvar melanoma of stage IIIA (AJCC) was excised.",
    ][2:],
)
def test_not_a_stage(nlp, text):
    assert stages(nlp, text) == []


def test_version_and_figo_flag(nlp):
    doc = nlp("FIGO (2009) stage IB1 carcinoma")
    value = doc.spans["stage"][0]._.value
    assert (value.stage, value.figo, value.version) == ("IB1", True, "2009")


def test_span_covers_the_stage(nlp):
    doc = nlp("Clinical stage (FIGO IIA1) disease.")
    assert doc.spans["stage"][0].text == "IIA1"



@pytest.mark.parametrize(
    "text, expected",
    [
        # sub-stages are kept whole, in upper case
        ("Hysterectomy showed FIGO stage IIIC endometrioid carcinoma.", ["IIIC"]),
        ("She was treated for a stage IB cervical tumour.", ["IB"]),
        ("Imaging upstaged the disease to stage IIIC1.", ["IIIC1"]),
        ("The tumour was FIGO IB2, with no parametrial spread.", ["IB2"]),
        # lower case and a space between the numeral and the letter
        ("She had stage III C disease at surgery.", ["IIIC"]),
        ("The lesion was stage Ib on examination.", ["IB"]),
        ("Clinical stage III C1 cervical carcinoma was diagnosed.", ["IIIC1"]),
        ("A stage IB-2 cervical carcinoma was found.", ["IB2"]),
        ("She had a stage-IB2 cervical carcinoma.", ["IB2"]),
        ("The disease was FIGO stage IV-B at diagnosis.", ["IVB"]),
        # the next word is not swallowed
        ("She had stage I and was treated by surgery alone.", ["I"]),
        ("The tumour was stage IIIC, the nodes being involved.", ["IIIC"]),
        ("She was diagnosed with stage I a year later.", ["I"]),  # "a" is an article
        ("A stage II B-cell lymphoma was excluded.", ["II"]),
    ],
)
def test_sub_stages(nlp, text, expected):
    assert stages(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Most women are diagnosed in stage I and II of the disease.",
        "Patients with stage I or II disease do well.",
        "Survival falls in stage III-IV tumours.",
        "The recommendation differs for stage IB to IIA tumours.",
    ],
)
def test_a_list_of_stages_is_not_the_patients(nlp, text):
    assert stages(nlp, text) == []


@pytest.mark.parametrize(
    "text, version",
    [
        ("She had FIGO stage IB2 cervical cancer (FIGO 2009).", "2009"),
        ("Stage IIIC1p according to the 2018 FIGO staging.", "2018"),
        ("The tumour was staged as IB3 according to the International Federation of Gynecology and Obstetrics (FIGO) 2018 staging system.", "2018"),
        ("Endometrial carcinoma, FIGO 2023 stage IIC.", "2023"),
        ("FIGO stage IIB (FIGO staging system, 2009 revision) was assigned.", "2009"),
        ("Stage IB1 disease according to the revised FIGO staging (2018).", "2018"),
        # a calendar year beside FIGO is not an edition
        ("In 2018, she was diagnosed with FIGO stage IB1 disease.", None),
        ("She had FIGO stage IIA disease in March 2014.", None),
        ("She had FIGO stage IIA disease. The FIGO 2018 staging changed later.", None),
    ],
)
def test_figo_version_in_the_sentence(nlp, text, version):
    doc = nlp(text)
    assert [s._.value.version for s in doc.spans["stage"] if s.label_ == "FIGO_STAGE"][0] == version


def tnm(nlp, text):
    doc = nlp(text)
    return [(s.text, s._.value.t, s._.value.n, s._.value.m, s._.value.prefix, s._.value.edition)
            for s in doc.spans["stage"] if s.label_ == "TNM"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pathological stage was pT1b2N1M0.", [("pT1b2N1M0", "T1b2", "N1", "M0", "p", None)]),
        ("A T2aN0M0 tumour, stage IIA.", [("T2aN0M0", "T2a", "N0", "M0", None, None)]),
        ("Clinical staging was cT3 N1 M1 according to the eighth edition of the UICC TNM classification.",
         [("cT3 N1 M1", "T3", "N1", "M1", "c", "8")]),
        ("The final stage was pT3 pN1a M0 (AJCC 8th edition).", [("pT3 pN1a M0", "T3", "N1a", "M0", "p", "8")]),
        ("After neoadjuvant chemotherapy the tumour was ypT2 and ypN0.",
         [("ypT2", "T2", None, None, "yp", None), ("ypN0", None, "N0", None, "yp", None)]),
        ("Staged T4bN2cM1b (AJCC 7th ed.) at diagnosis.", [("T4bN2cM1b", "T4b", "N2c", "M1b", None, "7")]),
        ("Lymph nodes were pN0 (0/15) and the tumour pTis.", [("pN0", None, "N0", None, "p", None), ("pTis", "Tis", None, None, "p", None)]),
        ("A pT1a(m) N0 lesion.", [("pT1a(m) N0", "T1a(m)", "N0", None, "p", None)]),
    ],
)
def test_tnm(nlp, text, expected):
    assert tnm(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "T2-weighted MRI showed a mass at the T10 vertebra.",
        "The T1 and T2 signals were low; N2 gas was used.",
        "PT1 and NT2 were measured; the patient's PT was 12 s.",
        "Sensory loss below T4 was noted.",
        "The M1 muscarinic receptor and N1 wave were studied.",
    ],
)
def test_not_tnm(nlp, text):
    assert tnm(nlp, text) == []


def test_tnm_and_figo_share_the_group(nlp):
    doc = nlp("FIGO 2018 stage IIIC1p (pT1b2N1M0).")
    assert [(s.label_, s.text) for s in doc.spans["stage"]] == [("FIGO_STAGE", "IIIC1p"), ("TNM", "pT1b2N1M0")]
    assert doc.spans["stage"][1]._.value.compact == "pT1b2N1M0"


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "pT" * 100, "T1N" * 100 + "M", "FIGO " * 50, "stage " * 100 + "IV"])
def test_odd_input(nlp, text):
    nlp(text)


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(stage_module).failed == 0


def test_an_arabic_stage_after_an_adenocarcinoma(make_nlp):
    nlp = make_nlp("caselit_stage")
    doc = nlp("She was treated for serous ovarian adenocarcinoma stage 3c in 2012.")
    assert [s._.value.stage for s in doc.spans["stage"]] == ["IIIC"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The first patient had a IIB FIGO stage cervical cancer.", ["IIB"]),
        ("It progressed to IVA FIGO stage within a year.", ["IVA"]),
        ("The patient fulfilled type II FIGO criteria.", []),
    ],
)
def test_a_stage_written_before_the_word_figo(nlp, text, expected):
    doc = nlp(text)
    assert [s._.value.stage for s in doc.spans["stage"] if s.label_ == "FIGO_STAGE"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Despite close follow-up, a third-stage ovarian cancer developed.", ["III"]),
    ("She was referred with a fourth stage carcinoma of the cervix.", ["IV"]),
    ("The third stage of labour was managed actively.", []),
    ("On the second stage of the operation the ovaries were inspected; the cancer was small.", []),
])
def test_a_stage_written_as_an_ordinal_before_a_cancer_word(nlp, text, expected):
    assert stages(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Peritoneal washings were positive. FIGO stage was considered as IIIb and carboplatin was given.", "IIIB"),
    ("The stage was classified as IIB and chemoradiation followed.", "IIB"),
    ("Following further investigations, the stage assigned was IVB and chemotherapy was started.", "IVB"),
    ("A high-risk choriocarcinoma (International Federation of Gynecology and Obstetrics stage IV; WHO score 13).",
     "IV"),
])
def test_a_stage_after_a_verb_of_judgement_or_the_federations_name(nlp, text, expected):
    doc = nlp(text)
    assert [(s._.value.stage, s._.value.figo) for s in doc.spans["stage"]] == [(expected, "FIGO" in text or "Federation" in text)]


@pytest.mark.parametrize("text, expected", [
    ("She was diagnosed in IV-B stage of the disease according to the FIGO classification scale.", ["IVB"]),
    ("The tumour was classified as cervix, IB3 grade in the International Federation of Gynecology and "
     "Obstetrics (FIGO) scale.", ["IB3"]),
    ("She had IIIB stage disease according to FIGO and received chemoradiation.", ["IIIB"]),
    # a grade is no stage: without a sub-stage, or with no FIGO after it in the sentence
    ("The endometrioid adenocarcinoma was II grade according to FIGO.", []),
    ("A IIIB stage tumour was found. FIGO criteria were discussed later.", []),
])
def test_a_stage_before_the_word_stage_with_figo_named_after_it(nlp, text, expected):
    doc = nlp(text)
    found = [(s._.value.stage, s._.value.figo) for s in doc.spans["stage"] if s.label_ == "FIGO_STAGE"]
    assert found == [(stage, True) for stage in expected]
