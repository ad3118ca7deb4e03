"""Site roles in phrasings met on reports no rule was written for (issue 11, classes 4 and 6),
on sentences written for the tests."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage", "caselit_sites")


def roles(nlp, text):
    doc = nlp(text)
    return sorted({(s._.value.site, s._.value.role) for s in doc.spans["sites"]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # the organ a cancer is diagnosed in
        ("He was diagnosed with squamous cell carcinoma in the right upper lobe of the lung.", ("lung", "primary")),
        ("Core biopsy confirmed an adenocarcinoma in the left breast.", ("breast", "primary")),
        ("Tumour samples were taken from the primary breast site at diagnosis.", ("breast", "primary")),
        ("Laparotomy showed a tumour of the body of the pancreas encasing the splenic vein.", ("pancreas", "primary")),
        ("The diagnosis was adenocarcinoma of the head of the pancreas.", ("pancreas", "primary")),
        ("She was diagnosed with LCNEC of the thymus.", ("other", "primary")),
        ("The final diagnosis was a primary gastric MALT lymphoma.", ("stomach", "primary")),
        ("He had HER2-positive breast cancer.", ("breast", "primary")),
        ("An endoscopic biopsy of the oesophageal mass demonstrated poorly differentiated squamous cell carcinoma.",
         ("other", "primary")),
        ("Upper lobe biopsy revealed adenocarcinoma in this smoker.", ("lung", "primary")),
        # a mass whose type is said to be a metastasis
        ("Biopsy of the thigh mass revealed squamous cell carcinoma consistent with metastasis from her "
         "cervical cancer.", ("other", "metastasis")),
        # nodes that contain the cancer
        ("The harvested mesenteric nodes showed malignant cells.", ("lymph node", "metastasis")),
        ("One of the seven resected lymph nodes contained carcinoma.", ("lymph node", "metastasis")),
        ("The enlarged LN contained metastatic HCC.", ("lymph node", "metastasis")),
    ],
)
def test_roles_in_unseen_phrasings(nlp, text, expected):
    assert expected in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        # a cancer word in the sentence, but the organ is where something else is
        ("Metastatic adenocarcinoma in the lung was confirmed on biopsy.", "lung"),
        ("No residual carcinoma in the cervix was found after conisation.", "cervix"),
        ("Recurrent carcinoma in the vagina was treated with brachytherapy.", "vagina"),
    ],
)
def test_cancer_in_an_organ_is_no_primary_when_spread_or_left_over(nlp, text, site):
    assert (site, "primary") not in roles(nlp, text)


@pytest.mark.parametrize(
    "text, sites",
    [
        ("In this man with colon cancer, a rash on his face had spread to his scalp and groin.", ["skin", "other"]),
        ("The cellulitis spread rapidly to the thigh of this woman with cervical cancer.", ["other"]),
    ],
)
def test_what_spreads_is_not_always_the_cancer(nlp, text, sites):
    found = roles(nlp, text)
    assert not [s for s, r in found if r == "metastasis"]


def test_the_cancer_that_spreads_still_does(nlp):
    found = roles(nlp, "The cervical cancer had spread to the bladder and the rectum.")
    assert ("bladder", "metastasis") in found and ("rectum", "metastasis") in found


def test_a_concerning_finding_is_no_primary(nlp):
    found = roles(nlp, "MRI showed a hilar stricture concerning for pancreatic cancer.")
    assert ("pancreas", "primary") not in found


def test_a_biopsy_showing_a_metastasis_gives_no_primary(nlp):
    found = roles(nlp, "The liver lesion biopsy showed adenocarcinoma consistent with metastasis from the colon.")
    assert ("liver", "primary") not in found and ("colon", "primary") in found


@pytest.mark.parametrize(
    "text, site",
    [
        ("Her cervical cancer screening was up to date.", "cervix"),
        ("Smoking is a risk factor for lung cancer.", "lung"),
        ("HPV vaccination protects against cervical cancer.", "cervix"),
        ("She carried a mutation with an increased risk of developing ovarian cancer.", "ovary"),
        ("He was referred to the lung cancer screening programme.", "lung"),
    ],
)
def test_a_cancer_named_for_its_screening_or_risk_is_no_primary(nlp, text, site):
    assert (site, "primary") not in roles(nlp, text)


def test_a_high_risk_cancer_is_still_a_primary(nlp):
    assert ("cervix", "primary") in roles(nlp, "She had high-risk cervical cancer treated with chemoradiation.")


@pytest.mark.parametrize(
    "text, site",
    [
        ("After chemoembolisation of the hepatocellular carcinoma, CT showed scattered foci in the brain, "
         "consistent with deposits of iodized oil.", "brain"),
        ("In this woman with cervical cancer, the spread lesions in the liver proved to be abscesses.", "liver"),
    ],
)
def test_a_finding_said_to_be_no_tumour_is_no_metastasis(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_a_finding_consistent_with_metastasis_still_is(nlp):
    text = "In this woman with cervical cancer, CT showed lesions in the liver consistent with metastases."
    assert ("liver", "metastasis") in roles(nlp, text)


def test_a_metastasis_said_after_a_semicolon(nlp):
    # the lesion link of roles.toml [across] reads the clause after a semicolon
    text = "A splenic lesion was resected; histology showed adenocarcinoma compatible with a metastasis."
    assert ("spleen", "metastasis") in roles(nlp, text)


# ---- phrasings found on published reports -------------------------------------------------
@pytest.mark.parametrize(
    "text, sites",
    [
        ("In this woman with ovarian cancer, the disease had spread to the liver.", ["liver"]),
        ("Her disease spread to the lungs despite three lines of chemotherapy for gastric carcinoma.", ["lung"]),
    ],
)
def test_the_disease_that_spreads_is_the_cancer(nlp, text, sites):
    found = roles(nlp, text)
    assert all((site, "metastasis") in found for site in sites)


def test_an_infection_that_spreads_is_still_no_metastasis(nlp):
    found = roles(nlp, "In this man with colon cancer, the infection had spread to the lungs.")
    assert ("lung", "metastasis") not in found


@pytest.mark.parametrize(
    "text, sites",
    [
        ("In this woman with uterine sarcoma, CT showed multiple peritoneal nodules.", ["peritoneum"]),
        ("Staging CT of the ovarian carcinoma showed peritoneal and omental masses with ascites.",
         ["peritoneum", "omentum"]),
        ("Omental caking was seen on CT in this woman with gastric cancer.", ["peritoneum"]),
    ],
)
def test_peritoneal_and_omental_masses_in_a_cancer_report_are_spread(nlp, text, sites):
    found = roles(nlp, text)
    assert all((site, "metastasis") in found for site in sites)


def test_peritoneal_nodules_in_a_report_without_a_tumour_are_no_metastasis(nlp):
    found = roles(nlp, "CT of this man with abdominal tuberculosis showed multiple peritoneal nodules.")
    assert ("peritoneum", "metastasis") not in found


@pytest.mark.parametrize(
    "text, site",
    [
        ("In this man with rectal cancer, the differential diagnosis included hepatic metastasis, but the "
         "biopsy showed an abscess.", "liver"),
        ("For the new nodule, the differential diagnosis included metastasis to the lung from her breast cancer.",
         "lung"),
        ("In this man with colon cancer, a liver metastasis was suspected, but the biopsy showed a haemangioma.",
         "liver"),
        ("In this woman with breast cancer, the sclerotic focus was mistaken for bone metastasis.", "bone"),
    ],
)
def test_a_metastasis_only_weighed_is_no_metastasis(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_a_suspected_metastasis_that_was_confirmed_stays(nlp):
    found = roles(nlp, "In this man with colon cancer, a liver metastasis was suspected and confirmed by biopsy.")
    assert ("liver", "metastasis") in found


@pytest.mark.parametrize(
    "text, site",
    [
        ("After Klebsiella bacteraemia he developed metastatic endophthalmitis of the left eye.", "orbit"),
        ("In this woman on dialysis, CT showed metastatic calcification in the lungs.", "lung"),
        ("Cutaneous metastatic Crohn disease was biopsied from the thigh.", "skin"),
        # a site before another disease, "metastatic" said of the infection after it
        ("MRI showed lumbar spondylodiscitis with metastatic abscesses in both kidneys.", "spine"),
        ("CT found hepatic candidiasis and metastatic foci of infection in the spleen.", "liver"),
    ],
)
def test_metastatic_said_of_no_tumour_is_no_metastasis(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_metastatic_carcinoma_still_is(nlp):
    found = roles(nlp, "CT showed metastatic adenocarcinoma in the liver with calcification.")
    assert ("liver", "metastasis") in found


def test_a_site_before_a_later_metastasis_word_still_is(nlp):
    found = roles(nlp, "Nodules in the spleen were later confirmed to be metastatic.")
    assert ("spleen", "metastasis") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # tumour names without a carcinoma / sarcoma / tumour word make a report about a tumour too
        ("He was treated for a mesothelioma of the pleura.", ("pleura", "primary")),
        ("Orchiectomy showed a testicular seminoma.", ("other", "primary")),
        ("MRI showed a glioma of the brainstem.", ("brain", "primary")),
    ],
)
def test_primaries_of_other_tumour_names(nlp, text, expected):
    assert expected in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("In this man with gastric adenocarcinoma, cytology of the pleural effusion revealed malignant cells.", "pleura"),
        ("In this woman with ovarian cancer, the ascitic fluid was positive for adenocarcinoma.", "peritoneum"),
        ("In this lung cancer patient, pericardial fluid cytology showed malignant cells.", "pericardium"),
    ],
)
def test_an_effusion_whose_cytology_finds_the_cancer_is_spread(nlp, text, site):
    assert (site, "metastasis") in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("CT of this woman with breast cancer showed bilateral pleural effusions, liver and bone metastases.", "pleura"),
        ("In this man with colon cancer, pleural fluid cytology was negative for malignant cells.", "pleura"),
        ("In this woman with tuberculosis and a history of cancer, the pleural fluid was positive for acid-fast bacilli.",
         "pleura"),
    ],
)
def test_an_effusion_is_otherwise_no_metastasis(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_the_organs_that_make_a_stage_four_are_spread(nlp):
    found = roles(nlp, "Stage IV disease with peritoneal and hepatic involvement was found in this gastric cancer.")
    assert ("peritoneum", "metastasis") in found and ("liver", "metastasis") in found


def test_a_stage_iva_extension_stays_an_invasion(nlp):
    found = roles(nlp, "She had FIGO stage IVA cervical cancer with bladder involvement.")
    assert ("bladder", "metastasis") not in found


def test_a_cancer_of_unknown_primary_in_an_organ_is_its_metastasis(nlp):
    found = roles(nlp, "He had metastatic adenocarcinoma of unknown primary in the liver.")
    assert ("liver", "metastasis") in found and ("liver", "primary") not in found


def test_a_growing_nodule_is_no_invasion(nlp):
    found = roles(nlp, "She had a growing solitary pulmonary nodule; resection showed adenocarcinoma.")
    assert ("lung", "involvement") not in found


def test_a_tumour_growing_into_an_organ_invades_it(nlp):
    assert ("bladder", "involvement") in roles(nlp, "The cervical carcinoma was growing into the bladder.")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cancer the findings resembled, overlapped with or were presumed to be (fresh reports, s19)
        ("Its imaging features overlap with pancreatic cancer.", ("pancreas", "mention")),
        ("The inflammatory mass can resemble gastric carcinoma.", ("stomach", "mention")),
        ("The nodule was presumed to be a lung cancer and resected.", ("lung", "mention")),
        ("Imaging raised suspicion for ovarian cancer.", ("ovary", "mention")),
        ("CT showed a pelvic mass suggesting cervical carcinoma.", ("cervix", "mention")),
        # a service or clinic named after a cancer is no primary
        ("She was referred to the Breast Cancer Unit for a second opinion.", ("breast", "mention")),
        # what a site's infiltrate or nodule is said to be
        ("On histology, infiltrates of both bone and muscle were consistent with metastasis.", ("muscle", "metastasis")),
        ("On histology, infiltrates of both bone and muscle were consistent with metastasis.", ("bone", "metastasis")),
        ("The small liver nodules were compatible with metastases from the colon primary.", ("liver", "metastasis")),
        # a sarcoma of bone arises in the bone it is named in
        ("Needle biopsy confirmed nonmetastatic osteosarcoma in the right distal femur.", ("bone", "primary")),
        ("She was treated for Ewing sarcoma of the left fibula.", ("bone", "primary")),
        # a melanoma called metastatic in an organ other than the skin
        ("Resection confirmed metastatic melanoma of the ileum.", ("small intestine", "metastasis")),
        ("The excised nodule was a metastatic melanoma of the skin of the back.", ("skin", "primary")),
        # a node whose aspiration confirmed the cancer
        ("Aspiration of a right supraclavicular lymph node confirmed adenocarcinoma of the breast.",
         ("lymph node", "metastasis")),
        # a cancer foreseen
        ("Untreated, the polyposis will lead to the development of colon cancer.", ("colon", "mention")),
        ("Such adenomas may progress to rectal carcinoma.", ("rectum", "mention")),
        # the organ an endoscopy looked into holds the cancer it found
        ("Cystoscopy revealed a high-grade urothelial carcinoma.", ("bladder", "primary")),
        ("Colonoscopy and biopsy showed a moderately differentiated adenocarcinoma.", ("colon", "primary")),
        ("Colonoscopy revealed ulcerative colitis.", ("colon", "mention")),
        ("Six months later he was found to have boney metastases.", ("bone", "metastasis")),
        # an organ's complication caused by a metastasis in it
        ("She presented with a small bowel obstruction due to melanoma metastasis.", ("small intestine", "metastasis")),
        # a rate of the literature
        ("Only 2-5% of metastases to the gastrointestinal tract are found before death.", ("other", "mention")),
    ],
)
def test_weighed_cancers_and_services_are_mentions(nlp, text, expected):
    assert expected in roles(nlp, text)


def test_a_cancer_abbreviation_defined_in_the_text_names_its_primary(nlp_abbr):
    doc = nlp_abbr("Endometrial carcinoma (EC) is common. A 58-year-old woman was treated for grade 2 endometrioid EC, "
                   "and two years later a lung nodule proved to be a metastasis of her EC.")
    found = [(s.text, s._.value.site, s._.value.role) for s in doc.spans["sites"]]
    assert ("EC", "endometrium", "primary") in found
    assert ("lung", "lung", "metastasis") in found or any(site == "lung" for _, site, _ in found)


@pytest.mark.parametrize("text, short, site", [
    # the organ named right after the bracket of the definition
    ("Clear cell carcinoma (CCC) of the ovary is often linked to endometriosis. At 38 she had stage IC CCC "
     "removed.", "CCC", "ovary"),
    ("Microinvasive adenocarcinoma (MIAC) of the uterine cervix is rare in pregnancy. We report MIAC treated by "
     "conization in a pregnant woman.", "MIAC", "cervix"),
])
def test_a_cancer_abbreviation_defined_before_its_organ_names_that_primary(nlp_abbr, text, short, site):
    doc = nlp_abbr(text)
    assert (short, site, "primary") in [(s.text, s._.value.site, s._.value.role) for s in doc.spans["sites"]]


def test_an_abbreviation_of_no_cancer_before_an_organ_names_no_primary(nlp_abbr):
    doc = nlp_abbr("Squamous cell carcinoma antigen (SCCAg) of the serum was raised; SCCAg fell after treatment.")
    assert [s.text for s in doc.spans["sites"] if s.text == "SCCAg"] == []


def test_a_weighed_cancer_abbreviation_names_no_primary(nlp_abbr):
    doc = nlp_abbr("Autoimmune pancreatitis is hard to tell from pancreatic cancer (PC). The man was operated on "
                   "under an initial suspicion of PC.")
    assert ("PC", "primary") not in [(s.text, s._.value.role) for s in doc.spans["sites"]]


def test_an_abbreviation_of_something_else_names_no_site(nlp_abbr):
    doc = nlp_abbr("Oral contraceptives (OC) were stopped. She had taken OC for ten years.")
    assert [s.text for s in doc.spans["sites"]] == []


@pytest.fixture(scope="module")
def nlp_abbr(make_nlp):
    return make_nlp("caselit_abbreviations", "caselit_stage", "caselit_sites")


@pytest.mark.parametrize(
    "text, site",
    [
        # in a report about a tumour, what else "originates" somewhere is no primary
        ("In this man with a rectal cancer, ventricular premature beats were found to originate "
         "from the right ventricular outflow tract.", "heart"),
        ("In this woman with breast cancer, the bleeding originated from a duodenal ulcer.", "small intestine"),
        ("In this man with lung cancer, CT showed a fistula arising from the sigmoid colon.", "colon"),
        ("In this woman with no malignancy, the EEG showed frequent seizures originating from the left occipital "
         "lobe.", "brain"),
        ("In this man with lung cancer, echocardiography showed a regurgitant jet arising from the mitral valve.",
         "heart"),
    ],
)
def test_what_else_originates_somewhere_is_no_primary(nlp, text, site):
    assert (site, "primary") not in roles(nlp, text)


def test_a_mass_arising_from_an_organ_still_is_its_primary(nlp):
    found = roles(nlp, "In this woman, a solid ovarian carcinoma was found arising from the left ovary.")
    assert ("ovary", "primary") in found


# ---- "metastatic" said of what is no tumour, and a cue that belongs to the next site ----
@pytest.mark.parametrize(
    "text, site",
    [
        ("CT in this dialysis patient confirmed metastatic pulmonary calcification.", "lung"),
        ("She was treated for metastatic vulvar Crohn's disease with azathioprine.", "vulva"),
        ("The diabetic man developed metastatic ocular infection from a liver abscess.", "orbit"),
    ],
)
def test_metastatic_said_of_no_tumour_before_the_site(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_a_report_whose_only_tumour_word_is_metastatic_calcification_is_about_no_tumour(nlp):
    found = roles(nlp, "A 70-year-old man on haemodialysis had metastatic calcification. Multiple cutaneous "
                       "nodules were noted on the thigh.")
    assert ("skin", "metastasis") not in found and ("soft tissue", "metastasis") not in found


def test_a_site_called_a_metastasis_beside_a_metastatic_calcification(nlp):
    found = roles(nlp, "In this man, metastatic calcification was seen together with pulmonary metastases "
                       "from a renal cell carcinoma.")
    assert ("lung", "metastasis") in found and ("kidney", "primary") in found


@pytest.mark.parametrize(
    "text, bystander, metastatic",
    [
        ("He had several cutaneous melanoma lesions with two metastatic lymph nodes.", "skin", "lymph node"),
        ("CT showed a hepatic cyst and metastatic lymph nodes in the mediastinum.", "liver", "lymph node"),
    ],
)
def test_metastatic_right_before_the_next_site_is_that_sites(nlp, text, bystander, metastatic):
    found = roles(nlp, text)
    assert (bystander, "metastasis") not in found and (metastatic, "metastasis") in found


def test_a_later_metastatic_still_reaches_back_at_the_sentence_end(nlp):
    assert ("spleen", "metastasis") in roles(nlp, "Nodules were seen in the spleen, later proven metastatic.")


def test_an_effusion_diagnosed_as_the_cancer_is_a_pleural_metastasis(nlp):
    found = roles(nlp, "A right pleural effusion was diagnosed as small cell carcinoma on thoracoscopic biopsy.")
    assert ("pleura", "metastasis") in found


def test_a_primary_malignant_bone_tumour_is_a_primary(nlp):
    found = roles(nlp, "Ewing sarcoma is a primary malignant bone tumour that may recur as metastatic disease.")
    assert ("bone", "metastasis") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Staging CT showed hepatosplenic metastases.", {"liver", "spleen"}),
        ("She developed osteomedullary metastases two years later.", {"bone", "bone marrow"}),
        ("Osteomuscular and pleuropulmonary metastases were treated.", {"bone", "muscle", "pleura", "lung"}),
        ("He had hepato-splenic metastatic deposits.", {"liver", "spleen"}),
    ],
)
def test_a_compound_adjective_names_each_of_its_sites(nlp, text, expected):
    assert {site for site, role in roles(nlp, text) if role == "metastasis"} == expected


def test_a_compound_adjective_without_a_cue_is_a_mention_of_both(nlp):
    assert roles(nlp, "Ultrasound showed no hepatosplenic lesions.") == [("liver", "mention"), ("spleen", "mention")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The tumour was staged T3N1M1a pul.", {"lymph node", "lung"}),
        ("He had stage IV disease (T2 N0 M1 HEP).", {"liver"}),
        ("Final staging was pT3 pN2 M1b OSS, HEP.", {"lymph node", "bone", "liver"}),
    ],
)
def test_m1_with_a_site_code_after_it(nlp, text, expected):
    assert {site for site, role in roles(nlp, text) if role == "metastasis"} == expected


def test_a_lower_case_english_word_after_m1_is_no_site_code(nlp):
    assert roles(nlp, "Patients staged M1 per protocol received chemotherapy.") == []


@pytest.mark.parametrize(
    "text, metastasis, primary",
    [
        ("The liver biopsy showed adenocarcinoma consistent with a gastric primary.", "liver", "stomach"),
        ("Biopsy of the vertebral lesion confirmed adenocarcinoma of pulmonary origin.", "spine", "lung"),
        ("Biopsy of the liver mass revealed carcinoma, most likely from a pancreatic cancer.", "liver", "pancreas"),
        ("A cervical lymph node aspirate showed squamous cell carcinoma of oesophageal origin.", "lymph node", "other"),
    ],
)
def test_a_sampled_organ_whose_cancer_comes_from_another_is_a_metastasis(nlp, text, metastasis, primary):
    found = roles(nlp, text)
    assert (metastasis, "metastasis") in found and (primary, "primary") in found


@pytest.mark.parametrize(
    "text, site",
    [
        ("Biopsy of the cervix showed squamous cell carcinoma of the cervix.", "cervix"),
        ("Cystoscopic biopsy of the bladder revealed urothelial carcinoma of the bladder dome.", "bladder"),
        ("In this man with renal failure, a biopsy later showed adenocarcinoma of pulmonary origin.", "kidney"),
    ],
)
def test_no_origin_elsewhere_without_another_organ_or_a_sampled_one(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_a_pleural_effusion_with_malignant_cells_is_pleural_spread(nlp):
    assert ("pleura", "metastasis") in roles(nlp, "Thoracentesis drained a pleural effusion with malignant cells.")
    assert ("pleura", "metastasis") not in roles(nlp, "A pleural effusion with no malignant cells was drained.")


def test_metastatic_lesions_of_the_next_site_are_not_the_mass_before_them(nlp):
    found = roles(nlp, "CT showed a mass in the pancreas with metastatic lesions in the liver.")
    assert ("pancreas", "metastasis") not in found and ("liver", "metastasis") in found


def test_metastatic_cancer_from_the_next_site_still_names_the_lesions_before(nlp):
    found = roles(nlp, "Masses in the liver and lungs were found to be metastatic adenocarcinoma from the colon.")
    assert ("liver", "metastasis") in found and ("lung", "metastasis") in found


@pytest.mark.parametrize(
    "text, site",
    [
        ("In 1995, after her mastectomy for breast cancer, a recurrent tumor was found in her chest wall.", "other"),
        ("In this woman with cervical cancer, a recurrent mass was detected in the vaginal vault.", "vagina"),
    ],
)
def test_a_recurrent_lesion_found_in_a_site(nlp, text, site):
    assert (site, "recurrence") in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("Renal carcinoma has been shown to spread to the lungs, brain or liver in 16% of cases.", "lung"),
        ("Pleural metastases occur in up to 20% of patients with breast cancer.", "pleura"),
        ("Adrenal metastases were described in approximately 5-10% of autopsy series.", "adrenal gland"),
    ],
)
def test_a_rate_after_the_sites_is_a_statement_of_the_literature(nlp, text, site):
    assert (site, "metastasis") not in roles(nlp, text)


def test_metastatic_before_a_sentence_end_with_a_space_still_reaches_back(nlp):
    found = roles(nlp, "Echocardiography detected two intracardiac nodules suggestive of metastatic tumors. "
                       "Chemotherapy was given.")
    assert ("heart", "metastasis") in found


@pytest.mark.parametrize(
    "text, site, role",
    [
        ("We report a case of metastatic hepatic melanoma in a 45-year-old man.", "liver", "metastasis"),
        ("He had metastatic cutaneous melanoma of the back.", "skin", "primary"),
    ],
)
def test_a_visceral_organ_between_metastatic_and_melanoma(nlp, text, site, role):
    assert (site, role) in roles(nlp, text)


def test_a_high_recurrence_rate_is_no_recurrence(nlp):
    found = roles(nlp, "Leiomyosarcoma usually develops in the myometrium and has a high recurrence rate.")
    assert ("uterus", "recurrence") not in found


@pytest.mark.parametrize(
    "text, site, role",
    [
        ("CT showed bilateral lung involvement and widespread soft tissue and rib metastases.", "lung", "metastasis"),
        ("She had liver metastases and splenic involvement.", "spleen", "metastasis"),
        ("Cervical cancer with bladder involvement and lung metastases.", "bladder", "involvement"),
        ("Lung cancer with pleural involvement but no distant metastases.", "pleura", "involvement"),
    ],
)
def test_distant_involvement_beside_metastases(nlp, text, site, role):
    assert (site, role) in roles(nlp, text)


def test_latin_names_of_bones_and_muscles_in_a_list_of_metastases(nlp):
    found = roles(nlp, "She had metastatic thyroid carcinoma to the bilateral lung, left caput humeri, left triceps "
                       "brachii muscle and right collum ossis femoris.")
    assert {site for site, role in found if role == "metastasis"} == {"lung", "bone", "muscle"}


def test_a_tumour_that_involved_a_layer_beside_nodal_metastasis_is_no_spread(nlp):
    found = roles(nlp, "The tumor involved the proper muscle layer and metastasis was found in four of 56 regional "
                       "lymph nodes.")
    assert ("muscle", "metastasis") not in found and ("lymph node", "metastasis") in found


@pytest.mark.parametrize(
    "text, site, role",
    [
        ("In this woman with breast cancer, PET-CT revealed new lesions in the liver, consistent with disease "
         "progression.", "liver", "metastasis"),
        ("In this man with lung cancer, he had widespread disease involving the liver and bones.", "bone", "metastasis"),
        ("In this man with lung cancer, the disease progressed with new liver nodules.", "liver", "metastasis"),
        ("In this woman with ovarian cancer, staging CT demonstrated extensive peritoneal disease.", "peritoneum",
         "metastasis"),
        ("In this man with gastric cancer, a left supraclavicular lymph node was positive for carcinoma.", "lymph node",
         "metastasis"),
        ("In this man with colon cancer, histology revealed tumour in 2 of 15 lymph nodes.", "lymph node", "metastasis"),
        ("In this man with melanoma, tumour cells were found in the cerebrospinal fluid.", "brain", "metastasis"),
        ("Cerebrospinal fluid analysis showed 200 cells.", "brain", "mention"),
        ("In this man with lung cancer, there was no progression and no new lesions in the liver.", "liver", "mention"),
        ("In this woman with cervical cancer, extensive disease involving the vagina was seen.", "vagina", "involvement"),
    ],
)
def test_progression_widespread_disease_and_positive_nodes(nlp, text, site, role):
    assert (site, role) in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site, role",
    [
        ("Pathology revealed metastatic urothelial carcinoma replacing nearly the entire testis.", "other", "metastasis"),
        ("A pancreatic carcinoma extending to the stomach and lymph nodes was found.", "lymph node", "metastasis"),
        ("A pancreatic carcinoma extending to the stomach and lymph nodes was found.", "stomach", "involvement"),
    ],
)
def test_nodes_involved_and_an_organ_replaced_by_metastatic_cancer(nlp, text, site, role):
    assert (site, role) in roles(nlp, text)


@pytest.mark.parametrize(
    "text, site, role",
    [
        ("Follicular carcinoma can metastasize to lungs, bones and brain via the blood.", "bone", "mention"),
        ("Gastric cancer commonly metastasizes to the liver and lungs.", "liver", "mention"),
        ("This sarcoma tends to spread to the lungs.", "lung", "mention"),
        ("In 2019 her cancer metastasized to the liver.", "liver", "metastasis"),
        ("The tumour may have spread to the liver.", "liver", "metastasis"),
    ],
)
def test_what_a_cancer_can_or_usually_does_is_no_metastasis(nlp, text, site, role):
    assert (site, role) in roles(nlp, text)


@pytest.mark.parametrize("text", [
    "She had a serous cystadenocarcinoma of the ovary.",
    "Bilateral ovarian mucinous cystadenocarcinomas were removed.",
])
def test_a_cystadenocarcinoma_names_its_primary(nlp_abbr, text):
    doc = nlp_abbr(text)
    assert ("ovary", "primary") in [(s._.value.site, s._.value.role) for s in doc.spans["sites"]]


def test_a_cystadenoma_names_no_primary(nlp_abbr):
    doc = nlp_abbr("She had a mucinous cystadenoma of the ovary.")
    assert ("ovary", "primary") not in [(s._.value.site, s._.value.role) for s in doc.spans["sites"]]
