"""Primary site, histology and metastasis sites of a case, from sentences written for the
tests (issue 11, classes 4 and 6)."""
from dataclasses import replace

import pytest

from pipeline.cases.assemble import assemble
from pipeline.ingest.report import Report
from mention_helpers import as_mentions

GROUPS = ("stage", "sites", "histology")


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage", "caselit_sites", "caselit_histology")


def case_of(nlp, text):
    doc = nlp(text)
    return assemble(Report(name="test.txt", text=text), as_mentions(doc, GROUPS), [])[0]


def test_narrower_type_wins_over_the_broader_one(nlp):
    text = ("Brushing cytology of the lung mass revealed non-small cell carcinoma. A right upper lobectomy "
            "was performed. The final diagnosis was giant cell carcinoma of the lung.")
    assert case_of(nlp, text).histology == "giant cell carcinoma"


def test_subtype_beats_its_family_named_more_often(nlp):
    text = ("Biopsy of the cervix showed adenocarcinoma. The adenocarcinoma was well differentiated. "
            "Review of the cone specimen gave minimal deviation adenocarcinoma of the cervix.")
    assert case_of(nlp, text).histology == "minimal deviation adenocarcinoma"


def test_the_juvenile_type_named_after_the_bare_granulosa_cell_tumour_is_the_cases(nlp):
    text = ("Ovarian granulosa cell tumour is a rare low-grade malignancy. A 7-year-old girl, who was diagnosed "
            "with a juvenile granulosa cell tumour, had a history of laparotomy three months earlier.")
    assert case_of(nlp, text).histology == "juvenile granulosa cell tumor"


def test_unrelated_types_are_counted_apart(nlp):
    text = ("Biopsy of the cervix showed squamous cell carcinoma. The squamous cell carcinoma was staged "
            "FIGO IIB. An adenocarcinoma of the colon had been resected years before.")
    assert case_of(nlp, text).histology == "squamous cell carcinoma"


def test_nodal_figo_stage_affirms_lymph_node(nlp):
    text = "A 45-year-old woman had cervical squamous cell carcinoma, FIGO stage IIIC1."
    assert case_of(nlp, text).metastasis_sites == ["lymph node"]


def test_ovarian_stage_iiic_is_not_nodal(nlp):
    text = "A 60-year-old woman had serous carcinoma of the ovary, FIGO stage IIIC."
    assert case_of(nlp, text).metastasis_sites == []


def test_bare_tumour_of_a_metastatic_site_is_no_primary(nlp):
    text = ("A 70-year-old woman had cervical cancer treated with radiotherapy. Two years later an orbital "
            "mass was diagnosed as a metastasis. Radiotherapy to the orbital tumour relieved the proptosis.")
    case = case_of(nlp, text)
    assert case.primary_site == "cervix"
    assert case.metastasis_sites == ["orbit"]


def test_benign_teratoma_gives_no_cancer(nlp):
    text = "A 37-year-old woman underwent resection of a 6 cm right ovarian mature cystic teratoma."
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == (None, None)


def _title_then_patient(nlp, text, subject):
    doc = nlp(text)
    patient_from = text.index("A 51")
    return [m if m.start >= patient_from else replace(m, subject=subject) for m in as_mentions(doc, GROUPS)]


def test_histology_named_with_the_primary_when_no_patient_sentence_names_it(nlp):
    # the type is only in the title; the patient's own sentences name the vulvar cancer without it
    text = ("Brain metastasis of squamous cell carcinoma of the vulva: a case report. A 51-year-old woman with "
            "vulvar cancer developed liver metastases.")
    case = assemble(Report(name="test.txt", text=text), _title_then_patient(nlp, text, "unknown"), [])[0]
    assert case.primary_site == "vulva"
    assert case.histology == "squamous cell carcinoma"


def test_histology_of_a_general_statement_is_not_the_patients(nlp):
    text = ("The most common type of vulvar cancer is squamous cell carcinoma of the vulva. A 51-year-old woman "
            "with vulvar cancer developed liver metastases.")
    case = assemble(Report(name="test.txt", text=text), _title_then_patient(nlp, text, "generic"), [])[0]
    assert case.primary_site == "vulva"
    assert case.histology is None


def test_type_written_for_another_organ_gives_way(nlp):
    # the cervical tumour was first read as a squamous cervical cancer, then found to be a
    # metastasis of an ovarian serous adenocarcinoma: the primary's type is the ovarian one
    text = ("A 58-year-old woman had squamous cervical cancer on biopsy. Laparotomy showed ovarian cancer; "
            "the omental specimen showed metastasis of the serous adenocarcinoma of the ovary. The ovarian cancer "
            "had spread to the cervix.")
    case = case_of(nlp, text)
    assert case.primary_site == "ovary"
    assert case.histology == "serous carcinoma"


def _suspected_then(nlp, text, ruled_out_from):
    """Mentions of ``text``: the first sentence's sites hedged, those from ``ruled_out_from`` on negated."""
    doc = nlp(text)
    out = []
    for m in as_mentions(doc, GROUPS):
        if m.group == "sites" and m.value.role == "metastasis":
            m = replace(m, hypothetical=m.start < text.index("."), negated=m.start >= ruled_out_from)
        out.append(m)
    return [m for m in out if not m.negated], out


def test_suspected_metastasis_ruled_out_later_is_dropped(nlp):
    from pipeline.cases.spread import spread_sites
    text = ("After surgery for endometrial cancer, CT showed a liver lesion suspicious for metastasis. "
            "Biopsy showed a haemangioma and no metastasis in the liver.")
    kept, every = _suspected_then(nlp, text, text.index("Biopsy"))
    assert [m.value.site for m in spread_sites(kept, every)] == []


def test_suspected_metastasis_never_ruled_out_stays(nlp):
    from pipeline.cases.spread import spread_sites
    text = ("After surgery for endometrial cancer, CT showed a liver lesion suspicious for metastasis. "
            "She received chemotherapy.")
    kept, every = _suspected_then(nlp, text, len(text))
    assert [m.value.site for m in spread_sites(kept, every)] == ["liver"]


def _as_other(mentions, before):
    """The mentions before ``before`` as the context component may read a title: about others."""
    return [m if m.start >= before else replace(m, subject="other", section="front") for m in mentions]


def test_metastasis_in_a_case_report_title_confirmed_by_the_text(nlp):
    from pipeline.cases.spread import reported_spread
    text = ("Venous metastasis of endometrial stromal sarcoma: a case report. A 45-year-old woman had an "
            "endometrial stromal sarcoma; a tumour plug was found in the ovarian vein with venous metastasis.")
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 45"))
    assert [m.value.site for m in reported_spread(mentions)] == ["other"]


def test_metastasis_in_a_title_not_confirmed_by_the_text_is_left_out(nlp):
    from pipeline.cases.spread import reported_spread
    text = "Liver metastasis of endometrial cancer: a case report. A 45-year-old woman had endometrial cancer."
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 45"))
    assert reported_spread(mentions) == []


def test_keywords_line_counts_when_confirmed(nlp):
    from pipeline.cases.spread import reported_spread
    text = ("Keywords: brain metastases; vulvar cancer. A 51-year-old woman with vulvar cancer developed lung "
            "and cerebral metastases.")
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 51"))
    assert [m.value.site for m in reported_spread(mentions)] == ["brain"]


def test_keywords_line_is_not_confirmed_by_the_primarys_organ(nlp):
    from pipeline.cases.spread import reported_spread
    text = ("Keywords: Uterus, Serous, Metastasis, Polyp. A 67-year-old woman had a uterine serous carcinoma "
            "confined to a polyp.")
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 67"))
    assert reported_spread(mentions) == []


def test_a_type_only_suspected_is_not_the_cases(nlp):
    text = ("A 50-year-old woman had cervical cancer. Cytology was suspicious for squamous cell carcinoma; "
            "the cone biopsy showed adenocarcinoma of the cervix.")
    assert case_of(nlp, text).histology == "adenocarcinoma"


def test_remote_cancer_of_a_non_cancer_case_is_no_primary(nlp):
    text = ("A 58-year-old woman was admitted in myxoedema coma. Her past history included a mastectomy for "
            "breast cancer eight years before admission. Levothyroxine was started.")
    assert case_of(nlp, text).primary_site is None


@pytest.mark.parametrize("text", [
    "We report acute appendicitis in an 86-year-old man known to have type 2 diabetes mellitus, hypertension, "
    "and prostate cancer. He underwent laparoscopic appendectomy and was discharged in good condition.",
    "A 70-year-old woman, a known case of breast cancer, presented with community-acquired pneumonia and was "
    "treated with ceftriaxone.",
])
def test_a_cancer_among_the_comorbidities_of_a_non_cancer_case_is_no_primary(nlp, text):
    case = case_of(nlp, text)
    assert case.primary_site is None and case.outcome != "no evidence of disease"


def test_a_cancer_initially_diagnosed_years_ago_goes_on(nlp):
    text = ("A 50-year-old woman had squamous cell carcinoma of the cervix, initially diagnosed 4 years prior as FIGO "
            "stage IIB. She now presented with a blistering rash two weeks after a dose of pembrolizumab.")
    case = case_of(nlp, text)
    assert (case.primary_site, case.figo_stage) == ("cervix", "IIB")


def test_past_cancer_that_came_back_is_the_primary(nlp):
    text = ("A 58-year-old woman had a history of breast cancer treated eight years before. She now presented "
            "with metastases to the cervix.")
    case = case_of(nlp, text)
    assert case.primary_site == "breast"
    assert case.metastasis_sites == ["cervix"]


def test_cancer_of_the_present_illness_is_the_primary(nlp):
    text = "A 58-year-old woman presented with cervical cancer. She had a history of hypertension."
    assert case_of(nlp, text).primary_site == "cervix"


def test_weak_spread_words_of_a_non_cancer_case_name_no_site(nlp):
    # a report about an infection: "spread to", "recurrence in" say nothing of a cancer, even when
    # the discussion names a tumour somewhere (so the sites component reads the cues)
    text = ("A 30-year-old man had cellulitis of the leg that spread to the groin lymph nodes, with a recurrence "
            "in the skin of the thigh. A tumour was not suspected.")
    assert case_of(nlp, text).metastasis_sites == []


def test_explicit_metastasis_without_a_known_primary_is_kept(nlp):
    text = "A 70-year-old man presented with liver metastases of unknown origin."
    assert case_of(nlp, text).metastasis_sites == ["liver"]


@pytest.mark.parametrize(
    "text, site",
    [
        ("A 54-year-old woman with stage IV NSCLC received carboplatin and paclitaxel.", "lung"),
        ("CT showed a 10-cm mass; the findings indicated inoperable HCC and cirrhosis.", "liver"),
        ("Metastatic hepatoblastoma was confirmed by immunohistochemistry.", "liver"),
        ("She was diagnosed with stage IIIB squamous NSCLC and treated with chemoradiotherapy.", "lung"),
        ("A 70-year-old man had a slowly enlarging ulcerated nodule; excision showed basal cell carcinoma.", "skin"),
        ("Excision of the violaceous nodule on his forearm revealed Merkel cell carcinoma.", "skin"),
        ("A 30-year-old man with seizures underwent resection of a grade II astrocytoma.", "brain"),
    ],
)
def test_a_type_that_names_its_organ_gives_the_primary(nlp, text, site):
    assert case_of(nlp, text).primary_site == site


def test_a_written_primary_site_wins_over_the_organ_of_the_type(nlp):
    text = "Biopsy of the cervical mass showed small cell carcinoma of the cervix; SCLC was excluded."
    assert case_of(nlp, text).primary_site == "cervix"


def test_a_type_of_the_past_history_alone_gives_no_primary(nlp):
    text = "His medical history included HCC treated by resection ten years ago. He presented with pneumonia."
    assert case_of(nlp, text).primary_site is None


@pytest.mark.parametrize(
    "text, sites",
    [
        # in a cancer case, abnormal nodes are read as nodal disease (the reviewers' clinical reading)
        ("A 60-year-old woman had endometrial cancer. CT showed enlarged para-aortic lymph nodes.", ["lymph node"]),
        ("An 80-year-old woman with cervical squamous cell carcinoma had inguinal lymphadenopathy.", ["lymph node"]),
        # ... unless the report says its nodes are benign, reactive or N0
        ("A 60-year-old man had gastric adenocarcinoma with enlarged perigastric lymph nodes. All resected "
         "lymph nodes were negative for malignancy.", []),
        ("A 50-year-old woman had breast cancer and palpable axillary nodes, which were reactive on biopsy.", []),
        # no cancer, no nodal disease
        ("A 30-year-old man had tuberculosis with mediastinal lymphadenopathy; a tumour was excluded.", []),
    ],
)
def test_abnormal_nodes_of_a_cancer_case(nlp, text, sites):
    assert case_of(nlp, text).metastasis_sites == sites


def test_a_local_recurrence_in_the_primary_organ_is_a_site(nlp):
    text = ("A 50-year-old woman had breast cancer treated by lumpectomy. Three years later a local "
            "recurrence in the left breast was excised.")
    case = case_of(nlp, text)
    assert case.primary_site == "breast"
    assert case.metastasis_sites == ["breast"]


@pytest.mark.parametrize("text, sites", [
    # a recurrence its own words place in the primary's organ
    ("A 61-year-old woman had a non-invasive urothelial carcinoma of the bladder resected in 2008. In 2015 "
     "cystoscopy revealed tumour recurrence in the bladder.", ["bladder"]),
    ("A 55-year-old man had a papillary thyroid carcinoma. Four years later the tumour recurred in the thyroid "
     "bed and the lung.", ["lung", "thyroid"]),
    # the cancer's name, not a place: no site
    ("A 61-year-old woman had a urothelial carcinoma of the bladder resected in 2008. In 2015 a recurrence of "
     "the bladder tumour was found.", []),
])
def test_a_recurrence_placed_in_the_primary_organ(nlp, text, sites):
    assert case_of(nlp, text).metastasis_sites == sites


def test_a_metastasis_in_the_primary_organ_is_not_a_site(nlp):
    text = "A 70-year-old man had lung adenocarcinoma with intrapulmonary metastases and liver metastases."
    assert case_of(nlp, text).metastasis_sites == ["liver"]


def test_the_final_diagnosis_outweighs_the_biopsy_read(nlp):
    text = ("A 65-year-old man had a mass at the oesophagogastric junction. Biopsy showed poorly differentiated "
            "adenocarcinoma. The resected tumour was pigmented and positive for HMB-45. A diagnosis of primary "
            "oesophagogastric melanoma was established.")
    assert case_of(nlp, text).histology == "melanoma"


def test_remote_cancer_with_nodes_of_an_infection_is_no_cancer_case(nlp):
    # nodes read as diseased only because a cancer is named do not make the remote cancer current
    text = ("A 71-year-old man with a history of prostate cancer treated by prostatectomy twelve years earlier "
            "presented with fever. Chest CT showed consolidation and enlarged hilar lymph nodes. "
            "Sputum culture grew Haemophilus influenzae.")
    case = case_of(nlp, text)
    assert (case.primary_site, case.metastasis_sites) == (None, [])


def test_remote_cancer_with_a_named_metastasis_is_a_cancer_case(nlp):
    text = ("A 71-year-old man had a history of prostate cancer treated by prostatectomy twelve years earlier. "
            "He now presented with back pain, and MRI showed bone metastases in the spine.")
    assert case_of(nlp, text).primary_site == "other"


@pytest.mark.parametrize(
    "text",
    [
        "A screening colonoscopy for colorectal cancer found a tubular adenoma of the sigmoid colon.",
        "Pancreatic cancer was suspected. Biopsy showed autoimmune pancreatitis with IgG4-positive plasma cells.",
        "Lung cancer was initially suspected, but bronchoscopy revealed an aspergilloma.",
        "Pathology confirmed a non-malignant pheochromocytoma of the right adrenal gland.",
    ],
)
def test_a_cancer_only_screened_for_suspected_or_benign_makes_no_cancer_case(nlp, text):
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == (None, None)


def test_a_suspected_cancer_confirmed_is_the_primary(nlp):
    text = "Ovarian cancer was suspected and confirmed by laparoscopic biopsy, which showed serous carcinoma."
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == ("ovary", "serous carcinoma")


def test_stage_of_a_remote_cancer_in_its_history_sentence_makes_no_cancer_case(nlp):
    text = ("A 63-year-old woman presented with dyspnoea and oedema of the legs. At age 41, she had been diagnosed "
            "with a stage IIA, T1bN1 breast cancer treated with doxorubicin. Echocardiography showed a dilated "
            "left ventricle.")
    case = case_of(nlp, text)
    assert (case.primary_site, case.metastasis_sites) == (None, [])


def test_stage_said_of_the_present_cancer_keeps_it(nlp):
    text = ("A 63-year-old woman had a history of breast cancer. She now presented with a stage IIIB, T4N2 "
            "recurrence in the chest wall.")
    assert case_of(nlp, text).primary_site == "breast"


@pytest.mark.parametrize(
    "text",
    [
        "Cystoscopy showed a bladder tumour, and transurethral resection revealed an inverted papilloma.",
        "Endoscopy showed a submucosal tumour of the stomach; resection revealed a gastric leiomyoma.",
        "Excision of the parotid tumour showed a Warthin tumour.",
        "Core biopsy of the breast tumour showed a benign phyllodes tumour.",
    ],
)
def test_a_bare_tumour_that_pathology_calls_benign_is_no_primary(nlp, text):
    assert case_of(nlp, text).primary_site is None


@pytest.mark.parametrize(
    "text, site",
    [
        ("Cystoscopy showed a bladder tumour. The pelvic lymph nodes were benign. Resection revealed a "
         "urothelial carcinoma.", "bladder"),
        ("Cystoscopy showed a bladder tumour with liver metastases; a renal angiomyolipoma was also seen.", "bladder"),
    ],
)
def test_a_tumour_with_a_type_or_metastases_stays_the_primary(nlp, text, site):
    assert case_of(nlp, text).primary_site == site


def test_a_metastasis_only_weighed_in_a_case_without_cancer_is_none(nlp):
    text = ("Radiographs showed a lytic lesion of the proximal tibia, and a metastatic lesion or a primary bone "
            "malignancy was considered. Biopsy showed a giant cell tumour of bone.")
    assert case_of(nlp, text).metastasis_sites == []


def test_a_metastasis_affirmed_without_a_named_primary_is_kept(nlp):
    text = "CT showed multiple lytic lesions of the ribs and sternum consistent with bone metastases."
    assert case_of(nlp, text).metastasis_sites == ["bone"]


@pytest.mark.parametrize(
    "text, site",
    [
        # a type without an organ, and the lesion the case presents: that lesion is the tumour
        ("A 66-year-old woman had a solitary pulmonary nodule. Wedge resection was performed and "
         "pathology showed a large cell neuroendocrine carcinoma.", "lung"),
        ("A 12-year-old boy had an expansile lytic lesion of the left maxilla. Biopsy revealed a "
         "mesenchymal chondrosarcoma.", "bone"),
    ],
)
def test_the_lesion_a_case_presents_gives_the_primary_of_its_type(nlp, text, site):
    assert case_of(nlp, text).primary_site == site


@pytest.mark.parametrize(
    "text",
    [
        # the lesion is said to be a metastasis, or the primary to be unknown
        "A 60-year-old man had a mass in the right adrenal gland. Biopsy showed metastatic adenocarcinoma.",
        "A 70-year-old woman had a lesion of the left femur. Biopsy showed adenocarcinoma of unknown primary.",
        # no type of cancer: a benign nodule names no primary
        "A 40-year-old woman had a thyroid nodule; fine-needle aspiration showed a colloid nodule.",
    ],
)
def test_no_primary_from_a_lesion_that_is_spread_or_benign(nlp, text):
    assert case_of(nlp, text).primary_site is None


def test_of_two_types_named_alike_the_one_written_with_the_primary_wins(nlp):
    text = ("A 22-year-old woman with von Hippel-Lindau disease had two masses resected; histology showed "
            "pheochromocytoma and clear cell renal carcinoma.")
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == ("kidney", "clear cell carcinoma")


@pytest.mark.parametrize(
    "text, sites",
    [
        # a local recurrence that names no organ is at the primary's own site (ANNOTATION.md)
        ("A 70-year-old woman had a basal cell carcinoma of the back excised. A local recurrence was observed "
         "18 months later.", ["skin"]),
        ("A 60-year-old man had adenocarcinoma of the rectum. He developed local recurrence and liver metastases.",
         ["liver", "rectum"]),
        # ... but where the sentence names the organ, that organ
        ("A 50-year-old woman had squamous cell carcinoma of the cervix. She developed a local recurrence in the "
         "vaginal cuff.", ["vagina"]),
        # a local recurrence spoken of as a risk is none (a denied one is the context component's negation)
        ("A 40-year-old man had a liposarcoma of the thigh. Wide margins are needed to prevent local recurrence.", []),
    ],
)
def test_a_local_recurrence_without_an_organ(nlp, text, sites):
    assert case_of(nlp, text).metastasis_sites == sites


@pytest.mark.parametrize(
    "text",
    [
        # a report that names no cancer: metastases only weighed, then taken back, are none
        "A 45-year-old man had fever. Liver lesions were concerning for metastases, but biopsy revealed abscesses.",
        "A 30-year-old woman had seizures. The brain lesions were thought to represent metastases, but were "
        "tuberculomas.",
    ],
)
def test_metastases_weighed_in_a_report_without_cancer(nlp, text):
    assert case_of(nlp, text).metastasis_sites == []


def test_a_single_mass_named_before_its_organs_spread_is_the_primary(nlp):
    text = ("A 60-year-old man was referred for a left upper lobe lung mass with multiple bilateral intrapulmonary "
            "metastases. Biopsy revealed adenocarcinoma.")
    case = case_of(nlp, text)
    assert case.primary_site == "lung" and "lung" not in case.metastasis_sites


def test_several_masses_in_an_organ_called_spread_are_no_primary(nlp):
    text = ("A 60-year-old man had multiple liver masses, read as liver metastases. Biopsy revealed adenocarcinoma.")
    assert case_of(nlp, text).primary_site is None


# ---- passages written for the tests -------------------------------------------------------
def test_a_lesion_typed_before_a_metastatic_node_is_the_primary(nlp):
    text = ("A 44-year-old woman had postcoital bleeding. Examination showed a 3 cm lesion of the cervix, and "
            "biopsy revealed squamous cell carcinoma. Aspiration of a supraclavicular node confirmed metastatic "
            "squamous cell carcinoma.")
    assert case_of(nlp, text).primary_site == "cervix"


def test_a_metastatic_type_named_first_still_gives_no_lesion_primary(nlp):
    text = ("A 60-year-old man had metastatic melanoma. CT showed a lesion of the small bowel, and biopsy "
            "revealed melanoma.")
    # the lesion's organ is no primary; a melanoma whose primary is not told has none (reviewers leave it empty)
    assert case_of(nlp, text).primary_site is None


def test_a_metastasis_of_a_type_mostly_of_one_organ_is_not_the_organ_of_its_lesion(nlp):
    text = "A 60-year-old man had a mass in the right adrenal gland. Biopsy showed metastatic melanoma."
    assert case_of(nlp, text).primary_site is None  # not the adrenal gland; the melanoma's primary is not told


def test_an_organ_biopsy_with_an_acinar_type_is_the_primary(nlp):
    text = "A 74-year-old man had urinary retention. Prostate biopsy showed acinar adenocarcinoma, Gleason score 8."
    assert case_of(nlp, text).primary_site == "other"


def test_a_cancer_treated_in_a_past_year_makes_no_cancer_case(nlp):
    text = ("A 70-year-old woman was admitted with pneumonia. She had been treated for breast cancer in 1997 "
            "with lumpectomy and had been disease free since. She recovered with antibiotics.")
    assert case_of(nlp, text).primary_site is None


def test_a_cancer_only_of_concern_makes_no_cancer_case(nlp):
    text = ("A 37-year-old woman had cough. CT showed hilar lymphadenopathy and small nodules in both lungs, raising "
            "concern for lymphoma or metastatic disease. Biopsy showed non-caseating granulomas of sarcoidosis.")
    case = case_of(nlp, text)
    assert case.primary_site is None and case.histology is None and case.metastasis_sites == []


def test_a_recurrent_giant_cell_tumour_of_bone_is_a_tumour_of_bone(nlp):
    # a locally aggressive tumour (ICD-O-3 behaviour /1, OncoTree's giant cell tumor of bone): its type and bone
    text = ("A 24-year-old woman had a giant cell tumour of the right distal femur treated by curettage. Two "
            "years later the tumour recurred in the same location and was resected.")
    case = case_of(nlp, text)
    assert (case.histology, case.primary_site) == ("giant cell tumor", "bone")


def test_a_type_only_weighed_places_no_primary_in_a_lesion(nlp):
    text = ("A 39-year-old man had fever. CT showed multiple small lesions in the liver and spleen. Lymphoma was "
            "considered. Bone marrow biopsy showed granulomas with yeast forms.")
    assert case_of(nlp, text).primary_site is None


def test_a_type_weighed_once_and_then_established_still_places_its_lesion(nlp):
    text = ("CT showed an expansile lytic lesion of the left maxilla. Biopsy was suggestive of chondrosarcoma. "
            "The final histology was a high-grade chondrosarcoma.")
    assert case_of(nlp, text).primary_site is not None


def test_a_distant_lesion_of_the_same_type_found_later_is_spread(nlp):
    text = ("A 49-year-old woman with squamous cell carcinoma of the cervix completed chemoradiotherapy with "
            "cisplatin. Eight months later, surveillance CT detected a solitary hepatic mass; biopsy of the "
            "liver lesion confirmed squamous cell carcinoma.")
    assert "liver" in case_of(nlp, text).metastasis_sites


@pytest.mark.parametrize(
    "later",
    [
        # a new primary
        "Five years later, a second primary squamous cell carcinoma of the lung was resected.",
        # another type
        "Two years later, biopsy of a lung mass confirmed adenocarcinoma.",
    ],
)
def test_a_later_second_primary_or_another_type_is_no_spread(nlp, later):
    text = ("A 60-year-old man had squamous cell carcinoma of the cervix treated with chemoradiotherapy. " + later)
    assert "lung" not in case_of(nlp, text).metastasis_sites


def test_a_mass_found_later_in_another_organ_is_a_metastasis_site(nlp):
    text = ("A 70-year-old man underwent total gastrectomy for gastric adenocarcinoma. Forty months later he "
            "presented with a splenic mass and underwent splenectomy.")
    case = case_of(nlp, text)
    assert case.primary_site == "stomach"
    assert case.metastasis_sites == ["spleen"]


def test_a_mass_found_later_in_the_primary_organ_keeps_the_primary(nlp):
    text = ("A 64-year-old man had a papillary urothelial carcinoma of the kidney removed by nephroureterectomy. "
            "In follow-up imaging, a small papillary tumour in the bladder was found and resected.")
    case = case_of(nlp, text)
    assert case.primary_site == "kidney"


@pytest.mark.parametrize("opening", ["The authors report", "Authors describe", "The present paper presents",
                                     "This communication reports", "Herein we present"])
def test_metastasis_of_a_report_sentence_with_the_authors_or_the_paper_as_subject(nlp, opening):
    from pipeline.cases.spread import reported_spread
    text = (f"{opening} a surgically treated adrenal metastasis from a renal carcinoma. The adrenal gland "
            "was removed; histology showed a metastasis of clear cell carcinoma in the adrenal gland.")
    first_end = text.index(". The") + 1
    mentions = _as_other(as_mentions(nlp(text), GROUPS), first_end)
    assert "adrenal gland" in [m.value.site for m in reported_spread(mentions) if m.start < first_end]


@pytest.mark.parametrize("title, family", [
    ("False-positive bone metastases on PET/CT due to sarcoidosis in a man with rectal cancer.", "bone"),
    ("Focal nodular hyperplasia that mimicked a liver metastasis from a leiomyosarcoma.", "liver"),
    ("Pulmonary tuberculosis mimicking lung metastases of a breast carcinoma.", "lung"),
    ("A granuloma masquerading as multiple brain metastases of a renal cell carcinoma.", "brain"),
])
def test_a_metastasis_the_title_calls_mimicked_is_no_site(nlp, title, family):
    from pipeline.cases.spread import mimicked_families, spread_sites
    text = (f"{title} A 50-year-old patient with the carcinoma had new lesions; CT showed metastases in the "
            "liver, the lungs, the brain and the bones.")
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 50"))
    assert mimicked_families(mentions) == {family}
    sites = {m.value.site for m in spread_sites([m for m in mentions if m.group == "sites"], mentions)}
    assert family not in sites and len(sites) == 3


def test_a_metastasis_the_title_names_plainly_stays(nlp):
    from pipeline.cases.spread import mimicked_families
    text = ("Bone metastases of a rectal cancer mimicking sarcoidosis. A 50-year-old man with rectal cancer had "
            "metastases in the bones.")
    mentions = _as_other(as_mentions(nlp(text), GROUPS), text.index("A 50"))
    assert mimicked_families(mentions) == set()


@pytest.mark.parametrize("text", [
    "A 1-year-old girl had acute lymphoblastic leukemia. Examination revealed multiple leukemic cutis on the scalp.",
    "A 70-year-old woman with breast cancer developed carcinoma erysipeloides of the chest wall.",
])
def test_the_skin_named_by_its_infiltration_is_a_spread(nlp, text):
    assert "skin" in case_of(nlp, text).metastasis_sites


@pytest.mark.parametrize("text, site", [
    ("Bony metastases of colorectal cancer. A 55-year-old man underwent a resection of a carcinoma of the "
     "rectum.", "rectum"),
    ("A 60-year-old woman with colorectal cancer was found to have a sigmoid colon adenocarcinoma.", "colon"),
    ("A 60-year-old woman was treated for colorectal cancer with liver metastases.", "colon"),
])
def test_the_patients_own_organ_wins_over_a_broad_word(nlp, text, site):
    assert case_of(nlp, text).primary_site == site


@pytest.mark.parametrize("text, primary, spread", [
    # an organ where cancers spread, right before "metastatic" and a type: the spread's site
    ("A 58-year-old woman with a cutaneous melanoma of the back presented with intracranial metastatic melanoma.",
     "skin", ["brain"]),
    ("A 58-year-old woman presented with hepatic metastatic adenocarcinoma.", None, ["liver"]),
    # an intrahepatic metastasis of a hepatocellular carcinoma is a site
    ("A 73-year-old man had HCC of the caudate lobe, resected. Postoperative MRI showed a new metastasis in "
     "the 6th liver segment.", "liver", ["liver"]),
    ("A 73-year-old man had metastatic hepatocellular carcinoma of the left lobe.", "liver", []),
])
def test_metastatic_written_after_an_organ_and_intrahepatic_spread(nlp, text, primary, spread):
    case = case_of(nlp, text)
    assert (case.primary_site, case.metastasis_sites) == (primary, spread)


@pytest.mark.parametrize("text, primary", [
    # the organ removed for a cancer is that cancer's, even in the history
    ("A 45-year-old woman was referred with a huge mass of the liver. She had a history of small intestinal "
     "resection for a gastrointestinal stromal tumor (GIST) 11 years prior. The neoplasm was diagnosed as a "
     "metastatic GIST in the liver.", "small intestine"),
    # ... not when what was removed is named a spread
    ("A 60-year-old man had a liver resection for colon cancer metastases.", "colon"),
    # the colon's splenic angle is the colon
    ("She had a left colectomy for an adenocarcinoma of the splenic angle of the colon.", "colon"),
])
def test_the_organ_removed_for_a_cancer_and_the_colons_angles(nlp, text, primary):
    assert case_of(nlp, text).primary_site == primary


@pytest.mark.parametrize("text, primary", [
    # a carcinoma of the uterus's lining is endometrial; its sarcomas and choriocarcinoma stay the uterus's
    ("A 61-year-old woman was diagnosed with endometrioid adenocarcinoma of the uterus.", "endometrium"),
    ("A 61-year-old woman was diagnosed with uterine serous carcinoma.", "endometrium"),
    ("A 61-year-old woman was diagnosed with carcinosarcoma of the uterus.", "uterus"),
    ("A 38-year-old woman had a uterine choriocarcinoma.", "uterus"),
])
def test_a_carcinoma_of_the_uterus_is_endometrial(nlp, text, primary):
    assert case_of(nlp, text).primary_site == primary


def test_metastases_including_a_list_of_sites(nlp):
    text = "A 56-year-old woman had breast cancer. CT showed metastases including the lymph nodes and the bone."
    assert case_of(nlp, text).metastasis_sites == ["bone", "lymph node"]


@pytest.mark.parametrize("text, spread", [
    # "cervical" alone of a head-and-neck cancer whose case names the neck is the neck's
    ("An 83-year-old woman had squamous cell carcinoma of the tongue. A recurrence was observed in the left "
     "neck. The white cell count rose after the cervical recurrence.", ["other"]),
    # ... but a cervical metastasis of a woman's breast cancer, with no neck named, is the cervix's
    ("A 56-year-old woman with breast cancer developed a cervical metastasis.", ["cervix"]),
])
def test_the_bare_adjective_cervical_of_the_neck(nlp, text, spread):
    assert case_of(nlp, text).metastasis_sites == spread


@pytest.mark.parametrize("text, primary", [
    # the organ a biopsy found the cancer in is its primary, unless the finding is called a metastasis
    ("A 45-year-old woman presented with postcoital bleeding. Biopsy of the cervix revealed squamous cell carcinoma.",
     "cervix"),
    ("A 62-year-old woman with postmenopausal bleeding underwent endometrial biopsy, which showed endometrioid "
     "adenocarcinoma.", "endometrium"),
    ("A 60-year-old man with sigmoid colon cancer developed a hepatic lesion; biopsy of the liver showed metastatic "
     "adenocarcinoma.", "colon"),
])
def test_the_organ_a_biopsy_found_the_cancer_in(nlp, text, primary):
    assert case_of(nlp, text).primary_site == primary


@pytest.mark.parametrize("text, spread", [
    ("A 45-year-old woman with breast cancer had diffuse liver infiltration by metastatic adenocarcinoma.", ["liver"]),
    ("A 45-year-old woman with breast cancer had bone involvement by carcinoma cells on biopsy.", ["bone"]),
    # an organ next to the primary that the cancer invades directly is no metastasis
    ("A 50-year-old woman with cervical cancer had bladder infiltration by carcinoma cells.", []),
])
def test_an_organ_infiltrated_by_the_cancers_cells(nlp, text, spread):
    assert case_of(nlp, text).metastasis_sites == spread


@pytest.mark.parametrize("text", [
    "A 61-year-old woman presented with blurred vision. Fundoscopy showed a choroidal melanoma of the right eye, treated by plaque brachytherapy.",
    "A 14-month-old boy presented with leukocoria. Examination under anaesthesia showed a retinoblastoma of the left eye; the eye was enucleated.",
])
def test_a_tumour_of_the_eye_itself_is_no_tumour_of_the_orbit(nlp, text):
    case = case_of(nlp, text)
    assert (case.primary_site, case.metastasis_sites) == ("other", [])


def test_a_metastasis_in_the_orbit_around_the_eye_stays_the_orbits(nlp):
    text = ("A 46-year-old woman with cervical squamous cell carcinoma presented with proptosis. CT showed a "
            "metastatic mass of the lateral orbital wall extending into the orbit.")
    assert "orbit" in case_of(nlp, text).metastasis_sites


def test_a_mesothelioma_of_the_tunica_vaginalis_is_not_the_pleuras(nlp):
    # the serosa named with the type is its organ; the pleura most mesotheliomas arise in is not
    text = ("Malignant mesothelioma of the tunica vaginalis testis was found in a 61-year-old man with a hydrocele. "
            "Histology of the orchiectomy specimen showed a malignant epithelial mesothelioma.")
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == ("other", "epithelioid mesothelioma")


def test_an_extraskeletal_form_written_of_a_region_is_of_the_soft_tissue(nlp):
    # the form names its organ, though the family (Ewing sarcoma) arises in bone and a thigh reads as one
    text = ("Extraskeletal Ewing's sarcoma of the thigh was diagnosed in a 12-year-old boy with a swelling over the "
            "left proximal thigh. Biopsy showed Ewing sarcoma.")
    assert case_of(nlp, text).primary_site == "soft tissue"
    text = "A 30-year-old man had a painful swelling of the left thigh. Biopsy of the thigh mass showed Ewing sarcoma."
    assert case_of(nlp, text).primary_site == "bone"


def test_a_tumour_of_the_infants_neck_is_of_the_neck(nlp):
    # "cervical" before a neuroblastoma is the neck (outside the site list), not the uterine cervix
    text = "This paper reports two rare cases of cervical neuroblastoma in neonates, resected completely."
    case = case_of(nlp, text)
    assert (case.primary_site, case.histology) == ("other", "neuroblastoma")
