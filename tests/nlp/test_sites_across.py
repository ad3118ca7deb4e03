"""A lesion named in one sentence and called metastatic in the next (issue 11, class 4), on
sentences written for the tests: [across] of models/sites/roles.toml."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage", "caselit_sites")


def roles(nlp, text):
    doc = nlp(text)
    return sorted({(s._.value.site, s._.value.role) for s in doc.spans["sites"]})


@pytest.mark.parametrize(
    "text, sites",
    [
        ("She had been treated for carcinoma of the breast. CT showed several nodules in both lungs and a "
         "lesion in the liver. Biopsy confirmed metastatic breast carcinoma.", ["lung", "liver"]),
        ("A man with renal cell carcinoma had thigh pain. Radiographs showed a lytic lesion in the distal "
         "femur. Biopsy of the lesion revealed metastatic clear cell carcinoma.", ["bone"]),
        ("A woman with small cell lung cancer developed ataxia. MRI showed two enhancing lesions in the "
         "cerebellum. These were considered metastases and were irradiated.", ["brain"]),
        ("A man with melanoma had jaundice. CT showed a hypodense pancreatic lesion. Fine-needle aspiration "
         "showed melanoma cells and was judged to be a metastasis.", ["pancreas"]),
        # the sentence after next, when the next names no site; pathology that "indicates" it
        ("A woman had renal cell carcinoma. Imaging revealed a pancreatic mass. Blood tests showed normal "
         "amylase levels. A Whipple procedure was done and a sample sent to pathology, which indicated "
         "metastatic carcinoma.", ["pancreas"]),
        ("A woman had renal cell carcinoma. Ultrasound revealed nodules in the thyroid. After total "
         "thyroidectomy, clinicians determined that the nodules were metastatic carcinoma.", ["thyroid"]),
    ],
)
def test_a_lesion_called_metastatic_in_the_next_sentence(nlp, text, sites):
    found = roles(nlp, text)
    assert all((site, "metastasis") in found for site in sites)


@pytest.mark.parametrize(
    "text, site",
    [
        # the next sentence confirms another lesion than this one
        ("A man had colon cancer. CT showed a mass in the right lung. Biopsy of the hepatic lesion "
         "confirmed metastatic adenocarcinoma.", "lung"),
        # the next sentence says the lesion is no metastasis
        ("A woman had breast cancer. CT showed a lesion in the liver. Biopsy showed no metastatic disease.",
         "liver"),
        # another paragraph
        ("A woman had breast cancer. CT showed a lesion in the liver.\nBiopsy confirmed metastatic "
         "carcinoma.", "liver"),
        # the site is not where the lesion is
        ("A man had lung cancer. The liver function tests were normal. Biopsy confirmed metastatic "
         "carcinoma.", "liver"),
        # the metastatic confirmation comes two sentences later, after another finding
        ("A woman had breast cancer. CT showed a lesion in the liver. The spleen was normal. Biopsy "
         "confirmed metastatic carcinoma.", "liver"),
        # the biopsy clause says something else, the metastasis is another clause's
        ("A woman had breast cancer. CT showed a lesion in the liver. Biopsy confirmed a haemangioma, and "
         "PET showed metastatic nodes.", "liver"),
    ],
)
def test_no_metastasis_across_sentences_for_another_lesion(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_no_spread_across_sentences_in_a_report_about_no_tumour(nlp):
    text = ("A man had fever. CT showed multiple lesions in the liver. These were considered metastatic "
            "abscesses and were drained.")
    assert ("liver", "metastasis") not in roles(nlp, text)


def test_a_pathological_fracture_called_metastatic_next(nlp):
    text = ("A man with renal cell carcinoma sustained a pathological fracture of the left humerus. Histology "
            "of the fracture site showed metastatic renal cell carcinoma.")
    assert ("bone", "metastasis") in roles(nlp, text)


# ---- the marrow's biopsy or aspirate is a test unless it finds a metastasis -----------------
@pytest.mark.parametrize(
    "text",
    [
        "In this man with gastric cancer, bone marrow biopsy showed infiltration by metastatic adenocarcinoma.",
        "In this woman with breast cancer, the bone marrow aspirate revealed carcinoma cells.",
        # the type in the plural
        "In this woman with gastric cancer, the bone marrow biopsy revealed adenocarcinomas.",
    ],
)
def test_a_marrow_biopsy_that_finds_a_metastasis(nlp, text):
    assert ("bone marrow", "metastasis") in roles(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "In this man with gastric cancer, bone marrow biopsy was normal.",
        "In this woman with breast cancer, a bone marrow aspiration was done to exclude metastatic disease.",
        "In this man with a neck mass, bone marrow biopsy showed lymphoma.",
    ],
)
def test_a_marrow_biopsy_is_otherwise_no_site_of_disease(nlp, text):
    assert ("bone marrow", "metastasis") not in roles(nlp, text)


# ---- confirmations after a clause, the primary's own pathology ----------
@pytest.mark.parametrize(
    "text, site",
    [
        ("A woman had ovarian carcinoma. MRI revealed an enhancing mass in the left parietal lobe. It was "
         "resected, and pathology showed metastatic serous carcinoma.", "brain"),
        ("A woman had colon cancer. CT showed a left adnexal mass. Oophorectomy was performed, and histology "
         "showed metastatic adenocarcinoma.", "ovary"),
        ("A woman had a uterine leiomyosarcoma. CT showed bilateral lung nodules. Biopsy of a nodule revealed "
         "spindle cell sarcoma identical to the primary tumour.", "lung"),
    ],
)
def test_a_lesion_confirmed_after_a_clause_or_by_the_primary_pathology(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


def test_a_lesion_with_the_primary_pathology_in_its_own_sentence(nlp):
    text = ("A woman had endometrial serous carcinoma. CT showed new pulmonary nodules, the largest of which "
            "was resected and showed serous carcinoma identical to the uterine tumour.")
    assert ("lung", "metastasis") in roles(nlp, text)


def test_a_lesion_unlike_the_primary_is_no_metastasis(nlp):
    text = ("A woman had a uterine leiomyosarcoma. CT showed a lung nodule. Biopsy of the nodule revealed "
            "adenocarcinoma, unlike the primary tumour.")
    assert ("lung", "metastasis") not in roles(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "In cervical cancer, distant spread to the lung, bone and brain is more frequent than to the liver.",
        "In endometrial cancer, the lung, liver and bone are the most common sites of recurrence.",
    ],
)
def test_sites_that_are_the_subject_of_a_general_statement(nlp, text):
    found = roles(nlp, text)
    assert not [s for s, r in found if r in ("metastasis", "recurrence")]


# ---- short phrasings of oncology abstracts ----------------------------
@pytest.mark.parametrize(
    "text, site",
    [
        ("A man with rectal adenocarcinoma underwent pulmonary metastasectomy for two nodules.", "lung"),
        ("A woman with ovarian clear cell carcinoma had ascites containing malignant cells.", "peritoneum"),
    ],
)
def test_more_metastasis_phrasings(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


def test_ascites_without_malignant_cells_is_no_metastasis(nlp):
    assert ("peritoneum", "metastasis") not in roles(
        nlp, "A woman with ovarian carcinoma had ascites containing no malignant cells.")


# ---- non-cancer reports ----------------------------------------------------------------
def test_a_disseminated_infection_is_no_metastasis(nlp):
    text = ("Lymphoma was considered. Disseminated histoplasmosis involving the liver, spleen and bone marrow "
            "was diagnosed.")
    found = roles(nlp, text)
    assert not [s for s, r in found if r == "metastasis"]


def test_a_search_for_a_primary_is_no_primary(nlp):
    text = ("Aspiration suggested a metastatic squamous cell carcinoma, and PET-CT was performed to look for a "
            "primary tumour in the oropharynx.")
    assert not [s for s, r in roles(nlp, text) if r == "primary"]


# ---- "pelvis" among bones; bone metastases "to" bones ----------------------------------------
def test_the_pelvis_among_bones_is_a_bone(nlp):
    found = roles(nlp, "In this woman with breast cancer, radiographs showed secondaries in the pelvis and femur.")
    assert ("bone", "metastasis") in found and ("other", "metastasis") not in found


def test_the_pelvis_alone_stays_other(nlp):
    found = roles(nlp, "In this woman with cervical cancer, a mass in the pelvis and liver metastases were found.")
    assert ("bone", "metastasis") not in found


@pytest.mark.parametrize("text, organ, spread", [
    # a lesion noun places the first organ, the second has its own head: two phrases
    ("In this man, CT showed a mass in the head of the pancreas and liver metastases.", "pancreas", False),
    ("In this woman, a tumour of the left kidney and lung metastases were found.", "kidney", False),
    # one head for the list
    ("In this man with colon cancer, CT showed metastases in the pancreas and liver.", "pancreas", True),
    ("In this man with colon cancer, CT showed pancreatic and liver metastases.", "pancreas", True),
])
def test_a_placed_organ_and_a_spread_with_its_own_head_make_no_list(nlp, text, organ, spread):
    assert ((organ, "metastasis") in roles(nlp, text)) is spread


def test_bone_metastases_to_bones_name_no_primary(nlp):
    found = roles(nlp, "In this man with prostate cancer, bone metastases to the ribs, pelvis and skull were found.")
    assert ("bone", "primary") not in found


# ---- involvement of a distant organ in a distant stage ---------------------------------------
@pytest.mark.parametrize(
    "text, site",
    [
        ("She had stage IVB serous ovarian carcinoma with liver metastases and splenic involvement.", "spleen"),
        ("He had pT3N1M1b gastric cancer with involvement of the adrenal gland.", "adrenal gland"),
    ],
)
def test_involvement_of_a_distant_organ_in_a_distant_stage_is_spread(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("She had stage IVA cervical cancer with bladder involvement.", "bladder"),
        ("He had stage IIB lung cancer with pleural involvement.", "pleura"),
        ("She had stage IVB cervical cancer with invasion of the bladder.", "bladder"),
    ],
)
def test_involvement_in_a_local_stage_or_of_an_adjacent_organ_stays_local(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


# ---- the region imaged is no site of the finding ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "In this man with colon cancer, a CT scan of the abdomen and pelvis demonstrated metastatic disease in the liver.",
        "In this man with a sarcoma, CT of his chest, abdomen and pelvis revealed extensive tumour recurrence.",
        # the regions written after the scan without "of", joined by a slash
        "In this woman with cervical cancer, CT abdomen/pelvis showed diffuse metastasis.",
        "In this woman with cervical cancer, CT chest and abdomen revealed widespread metastases.",
    ],
)
def test_the_pelvis_imaged_is_no_site_of_the_finding(nlp, text):
    assert not [s for s, r in roles(nlp, text) if s == "other" and r in ("metastasis", "recurrence")]


def test_a_recurrence_in_the_pelvis_still_is(nlp):
    found = roles(nlp, "In this woman with ovarian cancer, a recurrence in the pelvis was found.")
    assert ("other", "recurrence") in found


# ---- a site word before a lymph-node phrase names where the nodes are --------------------------
@pytest.mark.parametrize(
    "text, site",
    [
        ("A man with liver cancer presented with a retroperitoneal metastatic lymph node.", "other"),
        ("A woman with papillary thyroid carcinoma had cervical metastatic lymph nodes.", "cervix"),
    ],
)
def test_the_location_of_metastatic_nodes_is_no_site_of_its_own(nlp, text, site):
    found = roles(nlp, text)
    assert (site, "metastasis") not in found and ("lymph node", "metastasis") in found


def test_an_organ_metastasis_before_a_node_finding_stays(nlp):
    found = roles(nlp, "She had colon cancer with liver metastases and enlarged lymph nodes.")
    assert ("liver", "metastasis") in found


# ---- more wordings -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, site",
    [
        ("A woman had breast cancer. MRI showed two lesions in the left frontal lobe. They were resected and "
         "proved to be metastases of her breast cancer.", "brain"),
        ("A woman had cervical cancer. A bone scan showed a focus of uptake in the right ilium; biopsy revealed "
         "metastatic squamous cell carcinoma.", "bone"),
        ("A man had a renal mass. CT showed a lytic lesion of the T10 vertebra; he was diagnosed with metastatic "
         "clear cell renal cell carcinoma.", "spine"),
        ("In this woman with ovarian carcinoma the omentum was replaced by tumour.", "omentum"),
        ("In this woman with ovarian carcinoma there were multiple tumour nodules on the peritoneum of the pelvis.",
         "peritoneum"),
    ],
)
def test_batch_ten_phrasings(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


def test_tumour_nodules_on_the_primary_organ_are_no_spread(nlp):
    found = roles(nlp, "Multiple tumour nodules on the surface of the left ovary were seen in this serous carcinoma.")
    assert ("ovary", "metastasis") not in found


def test_a_semicolon_clause_about_another_finding_confirms_nothing(nlp):
    text = "A woman had breast cancer. CT showed a lesion in the liver; PET showed metastatic nodes."
    assert ("liver", "metastasis") not in roles(nlp, text)


# ---- more wordings, second set ------------------------------------------------------------
@pytest.mark.parametrize(
    "text, site",
    [
        ("A man had colon cancer. MRI showed two new lesions in segment VII of the liver. They were resected, and "
         "histology confirmed metastases of colorectal origin.", "liver"),
        ("A woman had cervical cancer. CT showed a 3 cm mass in the left lower lobe of the lung, and CT-guided "
         "biopsy showed squamous cell carcinoma, p16 positive, consistent with metastasis from the cervix.", "lung"),
    ],
)
def test_batch_eleven_phrasings(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


def test_a_biopsy_not_consistent_with_metastasis(nlp):
    text = ("A woman had breast cancer. CT showed a mass in the left lung, and biopsy showed adenocarcinoma, "
            "not consistent with metastasis.")
    assert ("lung", "metastasis") not in roles(nlp, text)


def test_lesions_of_a_list_called_metastatic_together(nlp):
    text = ("A woman had lung adenocarcinoma. Staging showed a 2 cm left adrenal nodule and a single cerebellar "
            "lesion, both regarded as metastatic.")
    found = roles(nlp, text)
    assert ("adrenal gland", "metastasis") in found and ("brain", "metastasis") in found


def test_lesions_of_a_list_called_benign_together(nlp):
    text = ("In this man with lung cancer, CT showed a nodule in the liver and a lesion in the spleen, both of "
            "which were benign cysts.")
    assert not [s for s, r in roles(nlp, text) if r == "metastasis"]
