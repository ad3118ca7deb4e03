"""Metastasis sites of lymphomas, leukaemias and myelomas, whose spread is written as the involvement of
other organs and whose nodes are the disease itself (``haematolymphoid_spread`` of
cases/spread_haematolymphoid.py), on passages written for the tests and read by the whole pipeline."""
import pytest

from case_helpers import nlp, row  # noqa: F401 (nlp: the shared fixture)
from pipeline.cases.spread_haematolymphoid import arises_in_marrow, haematolymphoid


@pytest.mark.parametrize("histology", [
    "diffuse large b-cell lymphoma", "peripheral t-cell lymphoma", "hodgkin lymphoma", "acute myeloid leukemia",
    "chronic lymphocytic leukaemia", "multiple myeloma", "myeloid sarcoma", "mycosis fungoides",
])
def test_haematolymphoid_types(histology):
    assert haematolymphoid(histology)


@pytest.mark.parametrize("histology", [
    None, "squamous cell carcinoma", "adenocarcinoma", "leiomyosarcoma", "melanoma", "lymphoepithelioma-like carcinoma",
])
def test_other_types_are_not_haematolymphoid(histology):
    assert not haematolymphoid(histology)


def test_organs_a_lymphoma_involves_are_its_spread(nlp):
    text = ("A 58-year-old man noticed a painful swelling of the right calf. MRI showed a soft tissue mass with "
            "further lesions involving the tibia and the gastrocnemius muscle. Biopsy revealed diffuse large B-cell "
            "lymphoma. He received six cycles of R-CHOP.")
    assert row(nlp, text).metastasis_sites == ["bone", "muscle"]


def test_marrow_invasion_of_a_lymphoma_is_its_spread(nlp):
    text = ("A 30-year-old woman with fever and night sweats was found to have a peripheral T-cell lymphoma of "
            "the cervical lymph nodes with bone marrow infiltration on trephine biopsy.")
    assert row(nlp, text).metastasis_sites == ["bone marrow"]


def test_denied_involvement_is_no_spread(nlp):
    text = ("A 64-year-old man had a follicular lymphoma of the inguinal lymph nodes. Staging showed no "
            "involvement of the bone marrow, liver or spleen.")
    assert row(nlp, text).metastasis_sites == []


def test_a_lymphomas_enlarged_nodes_are_the_disease_itself(nlp):
    text = ("A 47-year-old man presented with bilateral axillary lymphadenopathy and enlarged cervical lymph "
            "nodes. Excisional biopsy of an axillary node showed mantle cell lymphoma.")
    assert row(nlp, text).metastasis_sites == []


@pytest.mark.parametrize("text", [
    ("A 52-year-old woman had a painless mass in her right breast. Core biopsy showed diffuse large B-cell "
     "lymphoma. CT showed the breast mass and modest lymphadenopathy in the ipsilateral axilla."),
    ("A 66-year-old man had epigastric pain. Gastroscopy showed an ulcerated mass of the gastric antrum, and "
     "biopsy revealed diffuse large B-cell lymphoma of the stomach. CT showed enlarged perigastric lymph nodes."),
])
def test_the_nodes_of_a_lymphoma_arising_in_an_organ_are_its_spread(nlp, text):
    assert row(nlp, text).metastasis_sites == ["lymph node"]


def test_the_nodes_of_a_cutaneous_lymphoma_stay_the_disease_itself(nlp):
    text = ("A 58-year-old man had a pruritic erythematous rash of the trunk for years. Skin biopsy showed mycosis "
            "fungoides, and examination found enlarged inguinal lymph nodes.")
    assert row(nlp, text).metastasis_sites == []


def test_a_carcinomas_involvement_of_a_neighbour_stays_no_spread(nlp):
    text = ("A 61-year-old woman had squamous cell carcinoma of the cervix involving the upper vagina, "
            "FIGO stage IIA1. She was treated with radical hysterectomy.")
    assert row(nlp, text).metastasis_sites == []


def test_a_carcinomas_enlarged_nodes_stay_nodal_disease(nlp):
    text = ("A 55-year-old woman with adenocarcinoma of the right breast had enlarged right axillary lymph "
            "nodes on ultrasound.")
    assert row(nlp, text).metastasis_sites == ["lymph node"]


def test_nodes_of_a_marrow_disease_are_its_spread(nlp):
    text = ("A 70-year-old man had multiple myeloma diagnosed on a bone marrow biopsy. Two years "
            "later CT showed enlarged mediastinal and para-aortic lymph nodes.")
    assert row(nlp, text).metastasis_sites == ["lymph node"]


@pytest.mark.parametrize("text", [
    ("A 70-year-old man had chronic lymphocytic leukaemia diagnosed on a bone marrow biopsy. Two years "
     "later CT showed enlarged mediastinal and para-aortic lymph nodes."),
    ("A 37-year-old man presented with fever, oral mucositis and bilateral axillary lymphadenopathy. The "
     "bone marrow aspirate showed acute myeloid leukemia."),
])
def test_a_leukaemias_lymphadenopathy_is_the_leukaemia_itself(nlp, text):
    assert row(nlp, text).metastasis_sites == []


@pytest.mark.parametrize("histology, marrow", [
    ("lymphoplasmacytic lymphoma", True), ("multiple myeloma", True), ("acute lymphoblastic leukemia", True),
    ("diffuse large b-cell lymphoma", False), ("follicular lymphoma", False),
])
def test_diseases_of_the_marrow(histology, marrow):
    assert arises_in_marrow(histology, None) is marrow


@pytest.mark.parametrize("text, primary", [
    # a chronic marrow neoplasm diagnosed years ago is the disease the patient has now
    ("An 80-year-old man with a history of CLL presented with cough. He was diagnosed with CLL 4 years ago and "
     "had not received any treatment. His WBC count was 136 K/uL.", "bone marrow"),
    ("A 70-year-old woman with a history of multiple myeloma presented with back pain. She was diagnosed with "
     "myeloma 3 years ago and had been observed without treatment.", "bone marrow"),
    # an acute leukaemia of the history is not
    ("A 30-year-old man had a history of acute myeloid leukemia treated 10 years ago and presented with a "
     "fractured wrist.", None),
])
def test_a_chronic_marrow_neoplasm_of_the_history_is_still_the_case(nlp, text, primary):
    assert row(nlp, text).primary_site == primary


@pytest.mark.parametrize("text, sites", [
    ("A 66-year-old woman had back pain. Marrow aspirate showed 40% plasma cells, and a skeletal survey "
     "found lytic lesions in the skull and the pelvic bones, confirming multiple myeloma.", []),
    ("A 59-year-old man was diagnosed with plasma cell myeloma with osteolytic lesions of the thoracic "
     "vertebrae and a pleural effusion positive for plasma cells.", ["pleura"]),
])
def test_a_myelomas_bone_lesions_are_the_myeloma_itself(nlp, text, sites):
    assert row(nlp, text).metastasis_sites == sites
