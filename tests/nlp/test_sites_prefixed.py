"""Organ adjectives written in one word after "intra" ("intracolonic metastases"): the organ of the
adjective, on sentences written for the tests."""
import pytest

from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, site", [
    ("Colonoscopy showed several intracolonic metastases.", "colon"),
    ("MRI revealed intramuscular deposits of the melanoma in the thigh.", "muscle"),
    ("CT showed two intrasplenic metastases.", "spleen"),
    ("Fundoscopy found an intraocular metastasis.", "other"),  # the eye itself is no part of the orbit (sites.tsv)
    ("Intrarenal metastases were seen on ultrasound.", "kidney"),
    ("She had intraperitoneal metastases at laparotomy.", "peritoneum"),
])
def test_intra_adjective_names_its_organ(nlp, text, site):
    assert (site, "metastasis") in found(nlp, text)


def test_a_word_the_lexicon_lists_keeps_its_reading(nlp):
    assert ("spine", "metastasis") in found(nlp, "MRI showed intradural metastases.")


@pytest.mark.parametrize("text", [
    "An intrapelvic recurrence of the carcinoma was resected.",  # a region outside the site list
    "Intraoperative findings of the carcinoma were unremarkable.",  # no organ after "intra"
    "A high-grade intraepithelial lesion was seen.",
])
def test_no_organ_no_site(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize("text", [
    "He received intramuscular ceftriaxone for the infection.",
    "An intragastric balloon was placed for obesity.",
])
def test_a_route_or_a_device_is_no_site(nlp, text):
    assert found(nlp, text) == []
