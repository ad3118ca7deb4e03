"""Site roles of metastasis words with a prefix, of serosal findings written before the serosa and of the
subsites of the larynx, pharynx and mouth, on sentences written for the tests (issue 11: fresh oncology
reports)."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_sites")


def found(nlp, text):
    doc = nlp(text)
    return [(s._.value.site, s._.value.role, s._.value.cue) for s in doc.spans["sites"]]


def roles_of(nlp, text, role):
    return sorted({site for site, r, _ in found(nlp, text) if r == role})


@pytest.mark.parametrize("text, expected", [
    ("Frozen section of the sentinel node showed a micrometastasis.", ["lymph node"]),
    ("A micrometastasis was detected in the right obturator node.", ["lymph node"]),
    ("Ultrastaging found micro-metastases in two pelvic lymph nodes.", ["lymph node"]),
    ("Macrometastases were found in two axillary nodes.", ["lymph node"]),
    ("She was treated for oligometastatic disease in the lungs.", ["lung"]),
    ("Oligometastases to the liver and adrenal gland were ablated.", ["adrenal gland", "liver"]),
    ("He developed hepatic oligometastases two years later.", ["liver"]),
])
def test_a_metastasis_named_by_its_size_or_number_is_a_metastasis(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_the_cue_of_a_prefixed_metastasis_word_is_written_as_the_text_has_it(nlp):
    cues = [cue for site, role, cue in found(nlp, "Sentinel node biopsy revealed micrometastases.") if role == "metastasis"]
    assert cues == ["revealed micrometastases"]


@pytest.mark.parametrize("text", [
    "The microscopic examination of the liver was normal.",
    "A micro-RNA panel of the lung tissue was sent.",
])
def test_words_that_only_begin_like_the_prefixes_change_nothing(nlp, text):
    assert roles_of(nlp, text, "metastasis") == []


@pytest.mark.parametrize("text, expected", [
    ("In this patient with ovarian carcinoma, laparoscopy found small nodules on the peritoneum and omentum.",
     ["omentum", "peritoneum"]),
    ("Staging CT of her gastric cancer showed nodular thickening of the greater omentum.", ["omentum"]),
    ("For the known colon cancer, CT showed irregular thickening of the omentum.", ["omentum"]),
    ("At surgery for the endometrial carcinoma, implants were seen over the pelvic peritoneum.", ["peritoneum"]),
    ("Restaging of the pancreatic cancer showed new omental thickening.", ["omentum"]),
])
def test_serosal_findings_of_a_tumour_written_before_the_serosa_are_its_spread(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


@pytest.mark.parametrize("text, expected", [
    ("Two years after surgery for her ovarian carcinoma, the umbilical tumour was excised.", ["umbilicus"]),
    ("In this gastric cancer, umbilical and omental tumors were resected together.", ["omentum", "umbilicus"]),
    ("For the colon cancer, a periumbilical mass was biopsied.", ["umbilicus"]),
])
def test_a_tumour_of_the_umbilicus_or_omentum_in_a_report_about_a_cancer_is_its_spread(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_a_peritoneal_tumour_written_as_primary_stays_the_primary(nlp):
    assert roles_of(nlp, "She was treated for a primary peritoneal tumour.", "primary") == ["peritoneum"]


def test_serosal_findings_in_a_report_about_no_tumour_are_mentions(nlp):
    text = "Tuberculous peritonitis: CT showed smooth thickening of the peritoneum and ascites."
    assert roles_of(nlp, text, "metastasis") == []


@pytest.mark.parametrize("text, expected", [
    # the subsite of the larynx joins the list the metastasis cue opens
    ("His melanoma had spread: a metastasis on the vocal cord and in the sternum were found.", ["bone", "other"]),
    ("Metastases to the supraglottic larynx and the liver were biopsied.", ["liver", "other"]),
    ("The lung cancer metastasized to the soft palate.", ["other"]),
])
def test_subsites_of_the_larynx_pharynx_and_mouth_are_sites(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


@pytest.mark.parametrize("text, expected", [
    ("For her known breast cancer, a core biopsy of the liver confirmed the nodules as metastatic carcinoma.", ["liver"]),
    ("Fine-needle aspiration of the left adrenal mass showed metastatic adenocarcinoma.", ["adrenal gland"]),
    ("He was diagnosed with metastatic renal cell carcinoma on a lung nodule biopsy.", ["lung"]),
    ("She had metastatic gastric adenocarcinoma in a liver core biopsy.", ["liver"]),
])
def test_a_sample_of_the_site_that_its_pathology_calls_metastatic_is_a_metastasis(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


@pytest.mark.parametrize("text", [
    "In this lung cancer patient, a biopsy of the liver showed no metastasis.",
    "A biopsy of the liver showed steatosis; the metastatic work-up of her colon cancer was negative.",
])
def test_a_sample_of_the_site_with_no_metastasis_found_is_not_one(nlp, text):
    assert "liver" not in roles_of(nlp, text, "metastasis")


@pytest.mark.parametrize("text, expected", [
    ("Her lung adenocarcinoma presented with malignant pleural and pericardial effusions.", ["pericardium", "pleura"]),
    ("Neoplastic pericardial and pleural effusions were drained in this breast cancer patient.", ["pericardium", "pleura"]),
])
def test_serosal_adjectives_under_one_qualifier_and_head_share_them(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_serosal_adjectives_with_no_qualifier_stay_mentions(nlp):
    text = "In her breast cancer, heart failure caused pleural and pericardial effusions."
    assert roles_of(nlp, text, "metastasis") == []


@pytest.mark.parametrize("text, expected", [
    ("In her breast cancer, multiple osteolytic lesions in the ribs, spine and pelvis were seen.", ["bone", "spine"]),
    ("A year after his prostate cancer was treated, CT found osteoblastic lesions of the sacrum.", ["spine"]),
    ("In this renal cell carcinoma, X-rays of the skull and femur showed several lytic lesions.", ["bone"]),
    ("Staging of the lung cancer found a vertebral lytic lesion.", ["spine"]),
    ("In his renal cell carcinoma, many lytic lesions were visualized in the thoracic spine.", ["spine"]),
])
def test_lytic_or_blastic_bone_lesions_of_a_tumour_are_its_skeletal_spread(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_lytic_bone_lesions_in_a_report_about_no_tumour_are_mentions(nlp):
    text = "Chronic osteomyelitis: radiographs of the femur showed several lytic lesions."
    assert roles_of(nlp, text, "metastasis") == []


@pytest.mark.parametrize("text, expected", [
    ("The primary malignancy of her pancreatic metastasis was a breast sarcoma.", ["pancreas"]),
    ("The origin of the liver metastases was a carcinoma of the colon.", ["liver"]),
])
def test_a_site_right_before_the_noun_of_a_metastasis_is_its_place_even_after_a_cancer_word(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_the_site_before_metastasis_to_another_organ_stays_its_origin(nlp):
    text = "Her ovarian metastasis to the cervix was resected."
    assert roles_of(nlp, text, "primary") == ["ovary"]


@pytest.mark.parametrize("text, expected", [
    ("In her cervical cancer, she experienced recurrent disease in her iliac bone.", ["bone"]),
    ("Two years after surgery for endometrial cancer she had recurrent carcinoma in the vaginal vault.", ["vagina"]),
])
def test_recurrent_disease_or_cancer_in_an_organ_is_a_recurrence_there(nlp, text, expected):
    assert roles_of(nlp, text, "recurrence") == expected


@pytest.mark.parametrize("text, expected", [
    ("Pleural drop-metastasis five years after thymectomy.", ["pleura"]),
    ("A drop-metastasis was found in the peritoneum.", ["peritoneum"]),
])
def test_a_drop_metastasis_is_a_metastasis(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected
