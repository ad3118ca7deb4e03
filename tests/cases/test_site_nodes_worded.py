"""Node metastasis in the wordings the site lexicon lacked ('lymphatic metastasis', 'lymphnode'), and
primaries at ICD-O-3 subsites outside the site list, through the whole pipeline: the row's fields, with
negation and the report's tumour read as the other components read them (sentences written for the tests)."""
import pytest
from case_helpers import nlp, row  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, expected", [
    ("A 56-year-old man was diagnosed with gastric adenocarcinoma with lymphatic metastasis.", ["lymph node"]),
    ("A 56-year-old man had gastric adenocarcinoma. Lymphatic metastasis was found in the neck.", ["lymph node"]),
    ("A 60-year-old man had oesophageal squamous cell carcinoma. Lymphnode metastasis was found.", ["lymph node"]),
    ("A 60-year-old man had oesophageal squamous cell carcinoma. Metastatic nodes were found in the mediastinum.",
     ["lymph node"]),
    ("A 50-year-old woman had invasive ductal carcinoma of the breast. There was no lymphatic metastasis.", []),
    ("A 50-year-old woman had invasive ductal carcinoma of the breast. No lymphnode metastasis was found.", []),
    ("A 50-year-old woman had invasive ductal carcinoma of the breast. Lymphatic invasion was present.", []),
    ("A 70-year-old man had squamous cell carcinoma of the larynx. There was no nodal disease.", []),
    # the nodes' involvement told by the tumour's own type
    ("A 30-year-old man had a mixed germ cell tumour of the testis. One of eleven interaortocaval lymph nodes "
     "showed evidence of teratoma.", ["lymph node"]),
    ("A 30-year-old man had a testicular germ cell tumour. Dissection found seminoma in 3 of 15 retroperitoneal "
     "lymph nodes.", ["lymph node"]),
    ("A 30-year-old man had a testicular germ cell tumour. The dissected lymph nodes showed no evidence of tumour.", []),
])
def test_node_metastasis_of_the_row(nlp, text, expected):
    assert row(nlp, text).metastasis_sites == expected


@pytest.mark.parametrize("text, site", [
    ("A 70-year-old man presented with a squamous cell carcinoma of the nasal vestibule.", "other"),
    ("A 58-year-old man was diagnosed with squamous cell carcinoma of the floor of mouth.", "other"),
    ("A 72-year-old man had a basal cell carcinoma of the nasal ala.", "skin"),
    ("A 66-year-old woman had a melanoma of the vaginal vestibule.", "vulva"),
])
def test_primary_at_an_icd_o_subsite(nlp, text, site):
    assert row(nlp, text).primary_site == site
