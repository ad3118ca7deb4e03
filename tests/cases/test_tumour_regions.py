"""A type written of a body region (a limb, the trunk wall, the face) is of the tissue its family arises
in, not of an organ the region's word names (ICD-O-3's ill-defined sites, cases/regions.toml), on case
passages written for the tests."""
import pytest
from case_helpers import nlp, row  # noqa: F401 (nlp: the shared fixture)

from pipeline.cases.primary_regions import type_tissue


@pytest.mark.parametrize("histology, tissue", [
    ("squamous cell carcinoma", "skin"),
    ("melanoma", "skin"),
    ("basal cell carcinoma", "skin"),
    ("liposarcoma", "soft tissue"),
    ("myxoid liposarcoma", "soft tissue"),
    ("undifferentiated pleomorphic sarcoma", "soft tissue"),
    ("leiomyosarcoma", "soft tissue"),
    ("osteosarcoma", "bone"),
    ("ewing sarcoma", "bone"),
    ("carcinosarcoma", None),
    ("endometrial stromal sarcoma", None),
    ("diffuse large b-cell lymphoma", None),
    ("adenocarcinoma", None),
    (None, None),
])
def test_the_tissue_of_a_family_of_types(histology, tissue):
    assert type_tissue(histology) == tissue


@pytest.mark.parametrize("text, site", [
    ("A 79-year-old farmer had a non-healing ulcer on the back of his left hand for a year. Excision showed "
     "a squamous cell carcinoma of the dorsum of the left hand, and the margins were clear.", "skin"),
    ("A 66-year-old woman noticed a pigmented patch on her right sole. Wide excision confirmed an acral "
     "melanoma on the right sole, Breslow thickness 2 mm.", "skin"),
    ("A 47-year-old man presented with a slowly growing swelling of the right thigh. MRI and core biopsy "
     "showed a liposarcoma in the right thigh, which was excised with wide margins.", "soft tissue"),
    ("A 52-year-old woman underwent excision of a right thigh recurrent liposarcoma; the specimen showed "
     "clear margins.", "soft tissue"),
    ("A 70-year-old man presented with a painless mass of the forearm. Biopsy showed a leiomyosarcoma of "
     "the left forearm, and he underwent wide resection.", "soft tissue"),
])
def test_a_type_written_of_a_body_region_is_of_its_tissue(nlp, text, site):
    assert row(nlp, text).primary_site == site


@pytest.mark.parametrize("text, site", [
    ("An 81-year-old man presented with an ulcerated nodule on the dorsum of his right hand. Biopsy showed "
     "squamous cell carcinoma, and it was excised with a 6 mm margin.", "skin"),
    ("A 59-year-old woman noticed a pigmented lesion on her left heel. Excision showed melanoma, Breslow "
     "thickness 1.4 mm.", "skin"),
    ("A 44-year-old man presented with a painless mass in the right thigh. Core biopsy showed a liposarcoma, "
     "and wide excision was performed.", "soft tissue"),
])
def test_a_lesion_placed_in_a_region_gives_the_tissue_of_the_type_named_apart(nlp, text, site):
    assert row(nlp, text).primary_site == site


@pytest.mark.xfail(reason="a lesion on the face gives skin to a type named in another sentence, also when a sinus "
                          "or parotid cancer swells the face; leaving the face and cheek out fixed this but lost a "
                          "right skin primary on unread reports, so the rule reads the face as before", strict=True)
def test_a_swelling_of_the_face_gives_no_skin_to_a_type_named_apart(nlp):
    text = ("A 57-year-old man presented with a painful swelling of the face. Biopsy of the maxillary sinus mass "
            "showed squamous cell carcinoma.")
    assert row(nlp, text).primary_site != "skin"


def test_a_metastatic_type_in_a_region_is_no_primary_there(nlp):
    # (a metastatic melanoma whose primary is not told is the skin's by its type alone: test_site_fields)
    text = "A 63-year-old man presented with a nodule on his scalp; biopsy showed metastatic squamous cell carcinoma."
    assert row(nlp, text).primary_site != "skin"


def test_an_organ_read_is_kept_whatever_region_the_type_is_written_of(nlp):
    text = ("A 64-year-old man with a lung squamous cell carcinoma developed a painful swelling of the thumb; "
            "biopsy showed metastatic squamous cell carcinoma of the right thumb.")
    assert row(nlp, text).primary_site == "lung"


def test_a_type_only_suspected_of_a_region_places_no_tumour_there(nlp):
    text = ("A 58-year-old man presented with a swelling of the left thigh, suspicious for a liposarcoma of "
            "the thigh. Excision showed a benign lipoma.")
    assert row(nlp, text).primary_site != "soft tissue"


def test_a_lymphoma_of_a_limb_is_left_to_the_sites_read(nlp):
    text = ("A 61-year-old woman presented with a mass of the left arm. Biopsy showed a diffuse large B-cell "
            "lymphoma of the left arm, and R-CHOP was given.")
    assert row(nlp, text).primary_site in (None, "other", "soft tissue")


@pytest.mark.parametrize("text, primary, sex", [
    ("Multidisciplinary management of cervical neuroblastoma in infants. A 5-month-old infant had a neck mass; "
     "resection showed neuroblastoma.", "other", None),
    ("A 45-year-old woman had cervical squamous cell carcinoma, stage IB.", "cervix", "female"),
])
def test_cervical_before_a_tumour_of_the_neck_is_the_neck(nlp, text, primary, sex):
    case = row(nlp, text)
    assert (case.primary_site, case.sex) == (primary, sex)


@pytest.mark.parametrize("text", [
    # a mucosal melanoma of an organ outside the site list stays there: the skin is only the organ a
    # melanoma mostly arises in, for a case that names none
    "A 64-year-old man had recurrent epistaxis. Biopsy showed a malignant melanoma of the nasal cavity, and "
    "he underwent endoscopic resection.",
    "A 77-year-old woman had a sinonasal melanoma involving the left maxillary sinus; she received radiotherapy.",
    "A 58-year-old man with hoarseness had a mucosal melanoma of the larynx and underwent laryngectomy.",
])
def test_a_type_of_an_organ_outside_the_site_list_keeps_that_organ(nlp, text):
    assert row(nlp, text).primary_site == "other"


@pytest.mark.parametrize("text, site", [
    # a bony region read as 'other' is no such organ: the bone sarcoma is of the bone
    ("A 15-year-old girl had hip pain for months. Biopsy showed a pelvic chondrosarcoma, and she underwent "
     "internal hemipelvectomy.", "bone"),
    ("A 70-year-old woman had a melanoma of the vulva treated by wide excision.", "vulva"),
])
def test_a_region_or_an_organ_of_the_list_keeps_its_reading(nlp, text, site):
    assert row(nlp, text).primary_site == site
