import doctest

import pytest
import spacy
from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)

from pipeline.nlp.sites import sites as sites_module
from pipeline.nlp.sites.lexicon import written_forms


def roles_of(nlp, text, role):
    return sorted({site for site, r in found(nlp, text) if r == role})


@pytest.mark.parametrize(
    "text, site",
    [
        ("A mass was found in the vaginal cuff.", "vagina"),
        ("MRI showed a lesion at the vaginal stump.", "vagina"),
        ("A subcutaneous nodule on the left thigh was excised.", "soft tissue"),
        ("Resection of the skeletal muscle soft tissue tumour was performed.", "soft tissue"),
        ("CT showed enlarged para-aortic lymph nodes.", "lymph node"),
        ("She had inguinal lymphadenopathy.", "lymph node"),
        ("Multiple pulmonary nodules were seen.", "lung"),
        ("A bone scan showed osseous lesions.", "bone"),
        ("A lesion of the left femoral head was found.", "bone"),
        ("The tumour arose in the greater wing of the sphenoid bone.", "bone"),
        ("The hepatic mass was resected.", "liver"),
        ("A cerebellar lesion was seen.", "brain"),
        ("A left parietooccipital lobe lesion was seen.", "brain"),
        ("A lesion of the vertebral body was seen.", "spine"),
        ("An intramedullary spinal cord lesion was found.", "spine"),
        ("A mass in the right ventricle was found.", "heart"),
        ("A right atrium thrombus was suspected.", "heart"),
        ("A painless umbilical nodule was palpated.", "umbilicus"),
        ("The primary was in the sigmoid colon.", "colon"),
        ("A tumour of the esophagogastric junction was resected.", "stomach"),
        ("Biopsy of the uterine cervix was done.", "cervix"),
        ("The endometrial biopsy was normal.", "endometrium"),
        ("A tubal lesion was removed.", "fallopian tube"),
        ("Peritoneal nodules were seen.", "peritoneum"),
        ("An orbital mass was seen.", "orbit"),
        ("Swelling of the right thumb was noted.", "bone"),
        ("A nodule in the prostate was found.", "other"),
        ("The diaphragm was thickened.", "other"),
        ("The superior vena cava was compressed.", "other"),
        ("A mass in the rectovaginal septum was found.", "other"),
        ("An intra-abdominal mass was found.", "other"),
        ("Omental thickening was seen.", "omentum"),
        ("Both adrenal glands were enlarged.", "adrenal gland"),
        ("The splenic lesion was solitary.", "spleen"),
        ("Bone marrow involvement was absent.", "bone marrow"),
        ("A nodule of the anterior abdominal wall was seen.", "abdominal wall"),
    ],
)
def test_site_names(nlp, text, site):
    assert site in [s for s, _ in found(nlp, text)]


@pytest.mark.parametrize(
    "text, site, absent",
    [
        # the neck, not the uterine cervix
        ("Enlarged cervical lymph nodes were palpable.", "lymph node", "cervix"),
        ("MRI of the cervical spine was normal.", "spine", "cervix"),
        ("A fracture of the cervical vertebra was seen.", "spine", "cervix"),
        ("Para-aortic lymph nodes were enlarged.", "lymph node", "other"),
        ("The bone marrow was hypercellular.", "bone marrow", "bone"),
        ("The gallbladder was normal.", "other", "bladder"),
        # the adnexa of the eye and of the skin, not the uterine adnexa
        ("Orbital adnexal malignant tumours are rare.", "orbit", "ovary"),
        ("A sebaceous carcinoma of the ocular adnexa was excised.", "orbit", "ovary"),
        ("Biopsy showed a cutaneous adnexal carcinoma of the scalp.", "skin", "ovary"),
    ],
)
def test_longest_phrase_wins(nlp, text, site, absent):
    sites = [s for s, _ in found(nlp, text)]
    assert site in sites and absent not in sites


@pytest.mark.parametrize(
    "text",
    [
        "She presented with vaginal bleeding for two months.",
        "Liver function tests were normal.",
        "On the other hand, the fever persisted.",
        "Metastasis to the breast from an extra-mammary malignancy is rare.",  # only "breast"
    ],
)
def test_phrases_that_are_no_site(nlp, text):
    sites = [s for s, _ in found(nlp, text)]
    assert sites in ([], ["breast"])


def test_plural_forms():
    assert "lymph nodes" in written_forms("lymph node")
    assert "vertebrae" in written_forms("vertebra")
    assert written_forms("bones") == {"bones"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An autopsy revealed multiple metastases to the liver, lungs, vertebrae, prostate, and cerebellum.",
         ["brain", "liver", "lung", "other", "spine"]),
        ("The lesions that had metastasized to the liver and lungs were stained.", ["liver", "lung"]),
        ("She developed an isolated left parietooccipital lobe metastasis.", ["brain"]),
        ("Histopathology showed metastatic deposit in the breast from cervical cancer.", ["breast"]),
        ("Multiple liver metastases and a pulmonary metastasis were detected.", ["liver", "lung"]),
        ("The biopsy indicated metastasis of adenocarcinoma to the bone and soft tissues.", ["bone", "soft tissue"]),
        ("Orbital metastasis from carcinoma of the cervix is rare.", ["orbit"]),
        ("Follow-up imaging revealed findings in the spleen, which were confirmed to be metastatic cancer.", ["spleen"]),
        ("Multiple pulmonary and peritoneal nodules consistent with metastatic disease were seen.", ["lung", "peritoneum"]),
        ("We diagnosed the skin and orbital masses as metastases from the cervical primary.", ["orbit", "skin"]),
        ("Metastasis of squamous cell carcinoma of the uterine cervix to the right ventricle, then to the right "
         "atrium and superior vena cava was found.", ["heart", "other"]),
        ("On metastatic work-up, lesions were found involving the left femoral head, liver, and spinal column, "
         "with adjacent lymphadenopathy.", ["bone", "liver", "lymph node", "spine"]),
        ("The cancer metastasized to the left obturator lymph node.", ["lymph node"]),
        ("A painless umbilical nodule (Sister Mary Joseph nodule) was found.", ["umbilicus"]),
        ("CT showed diffuse peritoneal carcinomatosis.", ["peritoneum"]),
        ("She presented with an acrometastasis.", ["bone"]),
        ("Metastatic lymph nodes were removed.", ["lymph node"]),
        ("Two of the pelvic lymph nodes were positive for metastases.", ["lymph node"]),
        ("Cervical carcinoma metastatic to the orbit.", ["orbit"]),
        ("There was no lymph node metastasis.", ["lymph node"]),  # negation is the context pipe's job
        ("Metastases were detected in the liver and spleen.", ["liver", "spleen"]),
        ("Pathology showed metastatic breast carcinoma in the cervix.", ["cervix"]),
        ("Metastatic adenocarcinoma was found in the right ovary.", ["ovary"]),
        ("The cancer spread from the cervix to the bladder.", ["bladder"]),
        ("Secondary renal neoplasms are rare.", ["kidney"]),
        ("MRI showed mets to the brain.", ["brain"]),
        ("A Krukenberg tumour was found in a woman with gastric cancer.", ["ovary"]),
        # an eponym with its apostrophe as pages print it
        ("A hard Virchow\u2019s node was palpable above the left clavicle.", ["lymph node"]),
        ("A Sister Mary Joseph`s nodule was found at the umbilicus.", ["umbilicus"]),
        ("Chest radiography showed cannonball metastases.", ["lung"]),
        ("Two years later in-transit metastases appeared between the scar and the groin.", ["skin"]),
        ("At surgery she had N2 disease.", ["lymph node"]),
        ("He was staged M1a with pulmonary nodules.", ["lung"]),
        # a cancer's effusion or inflammation of a serous membrane, whatever its adjective
        ("He presented with cancerous pericarditis and cardiac tamponade.", ["pericardium"]),
        ("Cytology confirmed a neoplastic pleural effusion.", ["pleura"]),
        ("She developed carcinomatous ascites.", ["peritoneum"]),
        # the port and trocar sites of laparoscopy are in the abdominal wall
        ("Eight months after laparoscopic cholecystectomy she developed a port site metastasis.", ["abdominal wall"]),
        ("A subcutaneous metastasis appeared at the epigastric trocar site.", ["abdominal wall", "soft tissue"]),
        # a list whose items carry a region ("skin of the back") or an adjective of place ("gluteal")
        ("Workup found disseminated metastases to the scrotum, skin of the back, gluteal musculature, and frontal "
         "bones.", ["bone", "muscle", "other", "skin"]),
        ("CT showed metastases to the lungs, gluteal musculature and the liver.", ["liver", "lung", "muscle"]),
    ],
)
def test_metastasis_sites(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 40-year-old patient with cervical squamous carcinoma suffering from vaginal cuff recurrence.", ["vagina"]),
        ("The tumour recurred in the vaginal vault one year later.", ["vagina"]),
        ("A relapsed squamous cell carcinoma of the uterine cervix arising from the rectovaginal septum.", ["other"]),
        ("A recurrent tumour mass in the pelvic sidewall was biopsied.", ["other"]),
        ("She had locally advanced cervical cancer and recurrence in the right thumb.", ["bone"]),
        ("An intraabdominal recurrence of her cancer was detected on day 35.", ["other"]),
        ("The disease progressed after 50 days with a 6 cm tumor in the vaginal cuff.", ["vagina"]),
        ("Recurrence of the cancer was found in the left lung two years later.", ["lung"]),
    ],
)
def test_recurrence_sites(nlp, text, expected):
    assert roles_of(nlp, text, "recurrence") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She had clinical stage IIA1 cervical squamous carcinoma.", ["cervix"]),
        ("A case of squamous cell carcinoma of the uterine cervix.", ["cervix"]),
        ("She was diagnosed with cervical cancer.", ["cervix"]),
        ("A woman with endometrial carcinoma was referred.", ["endometrium"]),
        ("Brain metastasis from cervical cancer is rare.", ["cervix"]),
        ("CT demonstrated a pancreatic tail tumor.", ["pancreas"]),
        ("A 48-year-old man died of bladder cancer.", ["bladder"]),
        ("A man with non-small cell lung cancer was admitted.", ["lung"]),
        ("Liver biopsy showed hepatocellular carcinoma.", ["liver"]),
        ("The autopsy showed anaplastic carcinoma of the pancreas.", ["pancreas"]),
        ("A liver metastasis from esophagogastric junction (EGJ) cancer was resected.", ["stomach"]),
        ("The histopathology was invasive carcinoma, No Special Type (NST) of right breast.", ["breast"]),
        ("The primary tumour was in the sigmoid colon.", ["colon"]),
        ("An undifferentiated pelvic tumor with probable cervical origination.", ["cervix", "other"]),
        ("A case of undifferentiated uterine sarcoma of the cervix.", ["cervix"]),
        ("Squamous cell carcinoma arising in ovarian mature cystic teratoma.", ["ovary"]),
    ],
)
def test_primary_sites(nlp, text, expected):
    assert roles_of(nlp, text, "primary") == expected


def test_metastatic_cervical_cancer_is_the_primary(nlp):
    assert found(nlp, "Workup was consistent with metastatic cervical cancer.") == [("cervix", "primary")]


def test_a_lesion_with_its_own_head_noun_after_clinical_adjectives_makes_no_list(nlp):
    # "an asymptomatic singular brain metastasis" is a phrase of its own after the mass of the leg
    text = ("She had a bulky ulcerated tumor mass on the right proximal upper leg, an asymptomatic singular brain "
            "metastasis, and enlarged nodes.")
    assert "other" not in roles_of(nlp, text, "metastasis")


def test_site_after_to_is_the_metastasis(nlp):
    assert found(nlp, "Metastasis of cervical cancer to the sigmoid colon.") == [
        ("cervix", "primary"), ("colon", "metastasis")]


@pytest.mark.parametrize(
    "text, site",
    [
        ("The tumour showed invasion of the posterior wall of the stomach.", "stomach"),
        ("There was downward involvement of the vaginal wall.", "vagina"),
        ("The mass had extended into the orbit.", "orbit"),
        ("MRI suggested parametrial involvement.", "other"),
    ],
)
def test_involvement(nlp, text, site):
    assert (site, "involvement") in found(nlp, text)


def test_background_sites_are_kept(nlp):
    # background statements are qualified by the context pipe, not dropped here
    text = "Common sites of distant metastasis include the lungs, bones, liver and brain."
    assert [site for site, _ in found(nlp, text)] == ["lung", "bone", "liver", "brain"]


@pytest.mark.parametrize(
    "text",
    [
        "The liver and spleen were normal in size.",
        "She underwent hysterectomy with removal of the ovaries.",
        "Proximal humerus fracture with recurrent dislocation.",  # no tumour in the text
        "Tuberculosis had spread to the lungs.",
        "Granular IgA deposits on the papillary dermis were seen.",
        "Secondary intestinal pseudo-obstruction developed in this cancer patient.",
    ],
)
def test_plain_mentions(nlp, text):
    assert {role for _, role in found(nlp, text)} == {"mention"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pathological stage pT1b pN1 M0.", [("lymph node", "pN1")]),
        ("The tumour was staged T2N1M0.", [("lymph node", "T2N1M0")]),
        ("TNM stage: T3 N3a M0.", [("lymph node", "N3a")]),
        ("She had pT2 N2 disease (AJCC 8th edition).", [("lymph node", "N2")]),
        ("Clinical T4N0M1 (PUL) disease.", [("lung", "PUL")]),
    ],
)
def test_tnm(nlp, text, expected):
    doc = nlp(text)
    got = [(s._.value.site, s._.value.written) for s in doc.spans["sites"] if s._.value.role == "metastasis"]
    assert got == expected


def test_m1_with_an_organ(nlp):
    assert ("lung", "metastasis") in found(nlp, "The disease was classified as M1 (lung) at diagnosis.")


@pytest.mark.parametrize(
    "text",
    [
        "The tumour was staged T2N0M0.",
        "N2 gas was used for insufflation.",
        "Staged pN0 after lymphadenectomy.",
    ],
)
def test_no_nodal_tnm(nlp, text):
    doc = nlp(text)
    assert [s for s in doc.spans["sites"] if s._.value.role == "metastasis"] == []


def test_value_fields(nlp):
    doc = nlp("Metastases to the liver were found.")
    value = doc.spans["sites"][0]._.value
    assert (value.site, value.role, value.written, value.cue) == ("liver", "metastasis", "liver", "Metastases to")
    assert doc.spans["sites"][0].label_ == "SITE"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "metastasis to the " * 200, "T9N9M9 9" * 50])
def test_odd_input(nlp, text):
    nlp(text)


def test_works_without_sentence_boundaries():
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_sites")
    doc = nlp("The liver was normal. Metastases to the lung were found.")
    assert [(s._.value.site, s._.value.role) for s in doc.spans["sites"]] == [
        ("liver", "mention"), ("lung", "metastasis")]


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(sites_module).failed == 0


# ---- issue 11, class 4: metastasis phrasings of published reports --------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two years after surgery for endometrial cancer, CT showed deposits in the liver.", ["liver"]),
        ("Laparotomy for the ovarian carcinoma found omental deposits.", ["omentum"]),
        ("After treatment of her vulvar carcinoma, she developed nodules in the skin of the abdomen.", ["skin"]),
        ("PET of the cervical carcinoma showed bone, lymph node and peritoneal metastases.",
         ["bone", "lymph node", "peritoneum"]),
        ("The cervical cancer had spread to the bladder, bones and lungs.", ["bladder", "bone", "lung"]),
        ("Cancer of the cervix with metastases: liver, lung and bone.", ["bone", "liver", "lung"]),
        ("She had a cervical cancer with two sites of metastases (kidney and paraspinal muscle).", ["kidney", "muscle"]),
        ("There was metastatic involvement of the left adrenal gland by the lung cancer.", ["adrenal gland"]),
        ("Hematogenous small intestinal metastasis of an ovarian cancer was resected.", ["small intestine"]),
        ("A uterine sarcoma with intravenous metastasis was found.", ["other"]),
        ("Endometrial cancer with an isolated lytic lesion in the right fibula, which turned out to be metastatic.",
         ["bone"]),
    ],
)
def test_metastasis_phrasings(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_recurrent_mass_invading_neighbours(nlp):
    text = "The first recurrence of the cervical cancer was a bulky lesion invading the bladder wall and pelvic wall."
    assert roles_of(nlp, text, "recurrence") == ["bladder", "other"]


@pytest.mark.parametrize(
    "text",
    [
        "Calcium deposits in the kidney were seen beside the bladder cancer.",
        "Amyloid deposits in the heart were found at autopsy of the lymphoma patient.",
    ],
)
def test_deposits_that_are_no_tumour(nlp, text):
    assert roles_of(nlp, text, "metastasis") == []


def test_list_after_of_stays_in_its_clause(nlp):
    # "metastases of ... cancer" must not reach a site of a later clause over commas
    text = ("Ovarian metastases of colorectal cancer may present as pelvic tumours and, thus, "
            "examination of the gastrointestinal tract is required.")
    assert "other" not in roles_of(nlp, text, "metastasis")


def test_multiple_skin_nodules(nlp):
    assert roles_of(nlp, "After cervical cancer surgery, multiple skin nodules appeared.", "metastasis") == ["skin"]


@pytest.mark.parametrize(
    "text",
    [
        "Two percent of cervical cancer patients have lung metastases at presentation.",
        "In 5-35% of women with cervical cancer the lungs are involved by metastases later on.",
        "Nodal involvement is infrequent in gastrointestinal stromal tumours.",
        "Brain metastases are rare in cervical cancer.",
    ],
)
def test_statements_about_patients_in_general(nlp, text):
    assert roles_of(nlp, text, "metastasis") == []


def test_a_rarity_said_of_the_patients_own_metastasis_keeps_it(nlp):
    text = "The patient developed liver metastases, which are rare in this tumour."
    assert roles_of(nlp, text, "metastasis") == ["liver"]


# ---- issue 11, class 6: a cancer that is not the patient's ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "She was referred with a suspicion of colonic tumour.",
        "The differential diagnosis included ovarian cancer and tubo-ovarian abscess.",
        "The adnexal mass was mimicking ovarian cancer on ultrasound.",
        "A biopsy was taken to rule out malignancy of the cervix.",
        "The lesion was initially misdiagnosed as a pancreatic tumour.",
        "A mature cystic teratoma of the right ovary was removed.",
        "Laparoscopy showed a right ovarian cystic teratoma.",
    ],
)
def test_no_primary_for_a_possible_or_benign_lesion(nlp, text):
    assert roles_of(nlp, text, "primary") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cone biopsy revealed uterine cervical minimal deviation adenocarcinoma.", ["cervix"]),
        ("A large gastrointestinal stromal tumor of the duodenum was resected.", ["small intestine"]),
        ("The final diagnosis was a duodenal GIST.", ["small intestine"]),
        ("She presented with an early recurrence of borderline ovarian tumor.", ["ovary"]),
        ("Medullary thyroid carcinoma was diagnosed on FNAC.", ["thyroid"]),
    ],
)
def test_primary_site_of_named_subtypes(nlp, text, expected):
    assert roles_of(nlp, text, "primary") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In the gastric cancer, metastasis was found in four of 56 regional lymph nodes.", ["lymph node"]),
        ("The rectal cancer had spread to 8 of the 32 lymph nodes.", ["lymph node"]),
        ("PET of the lung cancer showed distant metastasis (left supraclavicular and mediastinal lymph nodes).",
         ["lymph node"]),
        ("The cervical cancer metastasized to the obturator lymph node and the left internal and external "
         "iliac lymph nodes.", ["lymph node"]),
    ],
)
def test_metastasis_counts_and_bracketed_lists(nlp, text, expected):
    assert roles_of(nlp, text, "metastasis") == expected


def test_every_site_of_a_long_list_shares_the_cue(nlp):
    text = "The cervical cancer metastasized to the obturator node and the left internal and external iliac lymph nodes."
    doc = nlp(text)
    metastases = [s.text for s in doc.spans["sites"] if s._.value.role == "metastasis"]
    assert metastases == ["obturator node", "external iliac lymph nodes"]


@pytest.mark.parametrize(
    "text, primary, metastasis",
    [
        ("Review of the specimen showed ovarian metastasis to the cervix.", ["ovary"], ["cervix"]),
        ("A carcinoid tumor of the left kidney with liver metastasis was resected.", ["kidney"], ["liver"]),
    ],
)
def test_origin_and_destination(nlp, text, primary, metastasis):
    assert roles_of(nlp, text, "primary") == primary
    assert roles_of(nlp, text, "metastasis") == metastasis


def test_tnm_read_from_the_stage_component(make_nlp):
    # with the stage component in the pipeline, its TNM classifications give the nodal category
    nlp = make_nlp("caselit_stage", "caselit_sites")
    doc = nlp("The cervical tumour was staged pT1b2N1M0 and the vulvar one ypN0.")
    nodes = [(s.text, s._.value.cue) for s in doc.spans["sites"] if s._.value.site == "lymph node"]
    assert nodes == [("pT1b2N1M0", "pT1b2N1M0")]


def test_tnm_without_the_stage_component(nlp):
    doc = nlp("The cervical tumour was staged pT1b2N1M0 and the vulvar one ypN0.")
    assert [s.text for s in doc.spans["sites"] if s._.value.site == "lymph node"] == ["pT1b2N1M0"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She was treated for carcinoma cervix stage IIIB.", ["cervix"]),
        ("A case of carcinoma endometrium with leukocytosis.", ["endometrium"]),
        ("Known case of Ca breast on tamoxifen, with a malignant effusion.", ["breast"]),
        # organs outside the site list, by their nouns
        ("Carcinoma Penis with unusual site of metastasis at the nose.", ["other"]),
        ("A case of carcinoma gall bladder with a leukemoid reaction.", ["other"]),
        ("He was a known case of Ca prostate, a malignancy on hormonal therapy.", ["other"]),
    ],
)
def test_cancer_word_before_the_organ_noun(nlp, text, expected):
    assert roles_of(nlp, text, "primary") == expected


def test_cancer_word_before_a_metastatic_organ(nlp):
    text = "Breast cancer liver metastases were resected."
    assert roles_of(nlp, text, "primary") == ["breast"]
    assert roles_of(nlp, text, "metastasis") == ["liver"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The cervical cancer recurred as a pelvic sidewall mass.", ["other"]),
        ("The endometrial cancer recurred with a supraclavicular mass and axillary adenopathy.", ["lymph node"]),
        ("After cervical cancer surgery she relapsed with fever and a liver abscess.", []),
    ],
)
def test_recurred_as_or_with(nlp, text, expected):
    assert roles_of(nlp, text, "recurrence") == expected


@pytest.mark.parametrize(
    "text",
    [
        "All patients had serous carcinoma and three had recurrence in lymph nodes.",
        "In 12 of the 40 women with cervical cancer the lungs were involved by metastases.",
    ],
)
def test_a_series_is_not_the_reported_patient(nlp, text):
    assert roles_of(nlp, text, "metastasis") == roles_of(nlp, text, "recurrence") == []


def test_both_patients_of_a_two_case_report_keep_their_sites(nlp):
    assert roles_of(nlp, "Both patients with cervical cancer developed lung metastases.", "metastasis") == ["lung"]


@pytest.mark.parametrize(
    "text, site",
    [
        ("Pancreatic cancer was suspected on CT.", "pancreas"),
        ("Ovarian carcinoma was initially considered.", "ovary"),
        ("Gastric cancer was excluded by endoscopy.", "stomach"),
        ("He had a screening colonoscopy for colorectal cancer.", "colon"),
        ("Ring-enhancing lesions were initially thought to represent brain metastases.", "brain"),
        ("A cavitating mass with hilar lymphadenopathy, highly suggestive of lung cancer, was seen.", "lung"),
        ("The endometrium was 15 mm thick, and endometrial cancer was a concern.", "endometrium"),
        ("The raised CA-125 level raised concern for ovarian malignancy.", "ovary"),
    ],
)
def test_a_cancer_or_metastasis_only_suspected_or_screened_for_is_a_mention(nlp, text, site):
    assert (site, "mention") in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("Ovarian cancer was suspected and confirmed by biopsy.", "ovary"),
        ("The gastric cancer was considered for neoadjuvant chemotherapy.", "stomach"),
        ("A liver metastasis from rectal cancer was suspected on MRI.", "rectum"),
    ],
)
def test_a_suspicion_confirmed_or_a_plan_keeps_the_primary(nlp, text, site):
    assert (site, "primary") in found(nlp, text)
