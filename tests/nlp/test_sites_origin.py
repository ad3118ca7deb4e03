"""A sampled site whose cancer the sentence gives to another organ is a metastasis: the other organ's
cancer written after the sample with its adjective, before the sample, or joined by "from" at the end of
the clause; on sentences written for the tests."""
import pytest

from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, site", [
    ("A nodule of the forehead skin proved to be poorly differentiated thyroid carcinoma.", "skin"),
    ("Biopsy of the axillary lymph node revealed invasive breast carcinoma.", "lymph node"),
    ("A liver lesion was found to be metastatic colonic adenocarcinoma.", "liver"),
    ("The histopathology report of the ovary was mucinous adenocarcinoma from the appendix.", "ovary"),
    ("She was found to have papillary thyroid carcinoma on an axillary lymph node biopsy.", "lymph node"),
])
def test_the_sampled_site_holds_another_organs_cancer(nlp, text, site):
    assert (site, "metastasis") in found(nlp, text)


@pytest.mark.parametrize("text", [
    "Biopsy of the breast mass revealed invasive breast carcinoma.",  # the same organ
    "A neck mass biopsy revealed papillary thyroid carcinoma.",  # a region: often the organ itself
    "A pelvic mass was found to be ovarian serous carcinoma.",
])
def test_no_metastasis_when_the_sample_is_the_organ_or_a_region(nlp, text):
    assert all(role != "metastasis" for _, role in found(nlp, text))


@pytest.mark.parametrize("text, expected", [
    # a cancer named with its own organ and called metastatic "of" another organ: spread there
    ("Metastatic Renal Cell Carcinoma of the Thyroid", [("kidney", "primary"), ("thyroid", "metastasis")]),
    ("She had metastatic breast cancer of the stomach.", [("breast", "primary"), ("stomach", "metastasis")]),
    # no organ of origin named: the organ after "of" stays the cancer's
    ("Biopsy showed metastatic carcinoma of the cervix.", [("cervix", "primary")]),
    ("She had metastatic renal cell carcinoma.", [("kidney", "primary")]),
])
def test_a_metastatic_cancer_named_with_its_organ_of_another_organ(nlp, text, expected):
    assert found(nlp, text) == expected
