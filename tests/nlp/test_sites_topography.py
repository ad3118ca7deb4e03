"""Anatomical words of the ICD-O-3 topography and Terminologia Anatomica that case reports write, mapped to
the annotation's site list, and the phrases listed whole so that a site word inside them names no other
organ, on sentences written for the tests (issue 11: words no report of the development sets held)."""
import pytest
from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)


def sites(nlp, text):
    return sorted({site for site, _ in found(nlp, text)})


def metastases(nlp, text):
    return sorted({site for site, role in found(nlp, text) if role == "metastasis"})


@pytest.mark.parametrize("text, expected", [
    # bones (ICD-O-3 C40-C41): the skull, the girdles and the parts of long bones
    ("A calvarial metastasis was excised with the overlying scalp.", ["bone"]),
    ("Imaging showed metastases to the clivus and the petrous apex.", ["bone"]),
    ("Imaging showed a metastasis in the right zygomatic arch.", ["bone"]),
    ("Metastases were seen in the manubrium and the left acromion.", ["bone"]),
    ("A lytic metastasis of the greater trochanter caused a fracture.", ["bone"]),
    ("There was a metastatic lesion in the femoral diaphysis.", ["bone"]),
    ("Metastases involved the metaphyseal region of the tibia.", ["bone"]),
    ("Bone scan found a metastasis in the right sacroiliac joint.", ["bone"]),
    # the spine (C41.2)
    ("MRI showed a metastasis in the spinous process of the fourth lumbar vertebra.", ["spine"]),
    ("MRI revealed an intraspinal metastasis compressing the cord.", ["spine"]),
    # the brain and its coverings (C70-C71)
    ("MRI revealed metastases in the falx cerebri.", ["brain"]),
    ("A metastasis invaded the superior sagittal sinus.", ["brain"]),
    ("Metastatic deposits were found in the corpus callosum and the centrum semiovale.", ["brain"]),
    ("A suprasellar metastasis compressed the optic chiasm.", ["brain"]),
    ("A metastasis was found in the right cerebellopontine angle.", ["brain"]),
    # the eye and its adnexa (C69)
    ("A metastasis of the ciliary body caused secondary glaucoma.", ["other"]),  # the globe, not the orbit (sites.tsv)
    ("He developed a metastasis in the left lacrimal sac.", ["orbit"]),
    # the breast (C50): its quadrants and the area of the nipple
    ("A retroareolar metastasis was excised.", ["breast"]),
    ("A metastatic nodule in the upper outer quadrant was biopsied.", ["breast"]),
    # digestive and urinary subsites
    ("Metastatic melanoma was found in a Meckel's diverticulum.", ["small intestine"]),
    ("A metastasis arose in the urachal remnant.", ["bladder"]),
    ("Metastatic deposits were found in the falciform ligament.", ["peritoneum"]),
    ("A nodule in the gastrocolic ligament was consistent with metastasis.", ["omentum"]),
    ("She had an intrathyroidal metastasis of renal cell carcinoma.", ["thyroid"]),
    # organs outside the site list (male genital organs, ampulla, bile ducts, sinuses)
    ("Orchiectomy showed a metastasis in the left testicle.", ["other"]),
    ("The metastasis involved the epididymis and the spermatic cord.", ["other"]),
    ("A periampullary metastasis caused jaundice.", ["other"]),
    ("A metastasis was found in the common hepatic duct.", ["other"]),
    ("A metastasis was found in the left sphenoid sinus.", ["other"]),
    # the renal calyces (C65), the perirectal space and the pelvic muscles
    ("Urography showed a metastasis in the upper pole calyx.", ["kidney"]),
    ("A metastasis was found in the left levator ani.", ["muscle"]),
    # Latin plurals and older names of bones, the girdles, the eyeball's coats, the dural sac
    ("Bone scan showed metastases in both femora and humeri.", ["bone"]),
    ("X-rays showed a metastasis in the tenth dorsal vertebra.", ["spine"]),
    ("A metastasis was found in the left hemipelvis.", ["bone"]),
    ("He developed a metastasis of the jaw.", ["bone"]),
    ("An episcleral metastasis was excised.", ["orbit"]),
    ("MRI showed metastases in the cerebellar vermis.", ["brain"]),
    ("Metastatic deposits were seen within the thecal sac.", ["spine"]),
])
def test_topography_words_name_their_site(nlp, text, expected):
    assert metastases(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a phrase listed whole keeps a site word inside it from naming its own organ
    ("A metastasis was found in the cervical oesophagus.", ["other"]),
    ("The needle was inserted two centimetres medial to the anterior superior iliac spine.", ["bone"]),
    ("A mass arose from the choroid plexus of the lateral ventricle.", ["brain"]),
    ("Stenting of the common hepatic duct relieved the jaundice.", ["other"]),
    ("The tumour was in the upper outer quadrant of the left breast.", ["breast"]),
    ("Pus drained from the nasolacrimal duct.", ["orbit"]),
    # the skin of the external genitalia is its organ's (ICD-O-3 C51.9, C63.2)
    ("A recurrence was found in the vulvar skin near the clitoris.", ["vulva"]),
    ("There was a nodule on the scrotal skin.", ["other"]),
    # a vessel named after an organ is not the organ
    ("The pancreatic tumour encased the splenic artery and the superior mesenteric vein.", ["pancreas"]),
    ("A tumour thrombus extended into the left renal vein.", []),
    ("Embolisation of the uterine artery stopped the bleeding.", []),
    # the heart's muscle is the heart
    ("Biopsy showed carcinoma infiltrating the heart muscle.", ["heart"]),
])
def test_a_phrase_listed_whole_names_one_site(nlp, text, expected):
    assert sites(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("CT showed a retro-peritoneal metastasis.", ["other"]),
    ("A sub-cutaneous metastasis was excised from the flank.", ["soft tissue"]),
    ("A supra-renal metastasis was found on staging.", ["adrenal gland"]),
    ("Intra-hepatic metastases were seen on ultrasound.", ["liver"]),
    ("MRI revealed intra-cranial metastases.", ["brain"]),
])
def test_a_prefixed_adjective_written_with_a_hyphen_names_its_site(nlp, text, expected):
    assert metastases(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Examination showed a Sister Mary Joseph node.", ("umbilicus", "metastasis")),
    ("Laparotomy found a Krukenberg's tumor on the left.", ("ovary", "metastasis")),
    ("A Schnitzler's metastasis was felt on rectal examination.", ("peritoneum", "metastasis")),
    ("Troisier sign was noted on examination of the neck.", ("lymph node", "metastasis")),
])
def test_eponymous_metastases_in_their_other_spellings(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text", [
    # words whose sense is mostly no site are not in the lexicon
    "He was chewing gum at the time of the fall.",
    "She presented with right upper quadrant pain.",
    "The fundus was examined after dilating the pupils.",
    "Loose areolar tissue separated the layers.",
    "The drug was given as an intramuscular injection.",
    "He reported infantile colic in his history.",
])
def test_words_mostly_no_site_give_no_site(nlp, text):
    assert sites(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Colposcopy showed a metastasis on the posterior lip of the cervix.",
    "The ovarian carcinoma had spread to the anterior lip of cervix.",
    "A metastatic nodule was found on the lip of the uterine cervix.",
])
def test_the_lips_of_the_cervix_are_the_cervix(nlp, text):
    assert metastases(nlp, text) == ["cervix"]


def test_the_lip_of_the_mouth_stays_other(nlp):
    assert metastases(nlp, "Biopsy showed a metastasis of the lung carcinoma to the lower lip.") == ["other"]


def roles(nlp, text):
    return sorted({(site, role) for site, role in found(nlp, text) if role in ("primary", "metastasis")})


@pytest.mark.parametrize("text, site", [
    # ICD-O-3 subsites outside the site list (C00-C14, C30-C32, C60, C62): the primary is 'other'
    ("He presented with a squamous cell carcinoma of the nasal vestibule.", "other"),
    ("A squamous cell carcinoma of the right nostril was excised.", "other"),
    ("She had an adenocarcinoma arising in the maxillary antrum.", "other"),
    ("He was diagnosed with squamous cell carcinoma of the floor of mouth.", "other"),
    ("He was diagnosed with squamous cell carcinoma of the oral mucosa.", "other"),
    ("He was diagnosed with squamous cell carcinoma of the gingivobuccal sulcus.", "other"),
    ("He was diagnosed with squamous cell carcinoma of the mandibular gingiva.", "other"),
    ("He had a squamous cell carcinoma of the aryepiglottic fold.", "other"),
    ("He had a chondrosarcoma of the thyroid cartilage.", "other"),
    ("He had a squamous cell carcinoma of the glans penis.", "other"),
    ("He had a squamous cell carcinoma of the foreskin.", "other"),
    ("He had an adenocarcinoma of the rete testis.", "other"),
    ("She had a malignant paraganglioma of the glomus jugulare.", "other"),
    # subsites of organs in the list, as ICD-O-3 codes them
    ("He had a basal cell carcinoma of the nasal ala.", "skin"),
    ("He had a squamous cell carcinoma of the external ear.", "skin"),
    ("She had a melanoma of the vaginal vestibule.", "vulva"),
    ("She had a papillary carcinoma arising in a thyroglossal duct cyst.", "thyroid"),
    ("He had an intrahepatic bile duct carcinoma.", "liver"),
    ("He had a carcinoma of the ureteric orifice.", "bladder"),
    ("She had a solitary fibrous tumour of the pineal region.", "brain"),
    ("She had a malignant tumour of the third ventricle.", "brain"),
    ("He had a squamous cell carcinoma of the cornea.", "orbit"),
    ("She had a sarcoma of the aortic valve.", "heart"),
])
def test_a_primary_named_by_an_icd_o_subsite(nlp, text, site):
    assert roles(nlp, text) == [(site, "primary")]


@pytest.mark.parametrize("text, site", [
    ("Lung adenocarcinoma was known. A metastasis was found in the nasal vestibule.", "other"),
    ("Renal cell carcinoma was known. A metastasis was found in the left turbinate.", "other"),
    ("Renal cell carcinoma was known. A metastasis was found in the ethmoid air cells.", "other"),
    ("Lung adenocarcinoma was known. Metastases were found in the corpus cavernosum.", "other"),
    ("Lung adenocarcinoma was known. A metastasis to the pia mater was seen.", "brain"),
    ("Lung adenocarcinoma was known. A metastasis to the fourth ventricle was seen.", "brain"),
    ("Breast carcinoma was known. A metastasis was found in the hymen.", "vagina"),
    ("Breast carcinoma was known. A metastasis was found in the tendon sheath.", "soft tissue"),
])
def test_a_metastasis_at_an_icd_o_subsite(nlp, text, site):
    assert metastases(nlp, text) == [site]


@pytest.mark.parametrize("text", [
    # words near the new rows whose sense in clinical prose is no site
    "The tablets were taken by mouth and she reported a dry mouth.",
    "She had gastroesophageal reflux for years.",
    "Deep tendon reflexes were normal.",
    "The corneal reflex was absent.",
    "She had atrial fibrillation and ventricular ectopics.",
    "She had a mixed connective tissue disease.",
    "The nares were patent.",
    "He reported palatal weakness.",
    "The vestibule was normal.",
    "She had node-negative disease.",
])
def test_near_words_of_no_site_give_no_site(nlp, text):
    assert sites(nlp, text) == []


@pytest.mark.parametrize("text", [
    # 'lymphatic' alone names vessels or a route, not nodes
    "The tumour showed lymphovascular invasion.",
    "Lymphatic invasion was seen in the tumour.",
    "Lymphatic vessel invasion was seen.",
    "The carcinoma showed lymphatic and vascular involvement.",
    "The lymphatic drainage of the breast goes to the axilla.",
    "Lymphatic spread is common in this cancer.",
])
def test_lymphatic_alone_names_no_nodes(nlp, text):
    assert "lymph node" not in sites(nlp, text)


def test_adenoid_cystic_carcinoma_names_only_its_organ(nlp):
    assert sites(nlp, "She had adenoid cystic carcinoma of the parotid gland.") == ["other"]


@pytest.mark.parametrize("text", [
    # node metastasis in the wordings that the lexicon lacked
    "Gastric adenocarcinoma with lymphatic metastasis was diagnosed.",
    "Lymphatic metastases were found at gastrectomy.",
    "Lymphnode metastasis was found.",
    "Metastatic lymphnodes were found in the perigastric region.",
    "Lymphnodes were positive.",
    "Metastasis to the regional lymphnodes was found.",
    "Metastases were found in the lymphatic nodes.",
    "There were lymph-node metastases.",
    "Nodal metastasis was confirmed.",
    "Nodal disease was present at surgery.",
    "CT showed metastatic nodes.",
    "The axillary nodes showed metastatic carcinoma.",
    "Two axillary nodes were positive for metastatic carcinoma.",
    "She had node-positive breast cancer.",
    "She had lymph node-positive disease.",
])
def test_node_metastasis_wordings(nlp, text):
    # in a report about a tumour, as the rules for nodes read them
    assert metastases(nlp, "Gastric cancer was diagnosed. " + text) == ["lymph node"]


@pytest.mark.parametrize("text", [
    # a region after the node phrase is where the nodes are, across a verb of finding or after 'to'
    "Lymphatic metastasis was found in the neck.",
    "Metastatic nodes were found in the mediastinum.",
    "Lymph node metastases to the retroperitoneum were found.",
    "Lymphatic metastasis to the mediastinum was found.",
])
def test_a_region_after_a_node_metastasis_is_where_the_nodes_are(nlp, text):
    assert metastases(nlp, text) == ["lymph node"]


@pytest.mark.parametrize("text", [
    # region words coordinated before a node phrase name the nodes' regions, not organs
    "Lymphadenopathies involving cervical, axillary, inguinal lymph nodes were found.",
    "Metastatic cervical and axillary lymph nodes were found.",
])
def test_regions_listed_before_a_node_phrase_are_the_nodes(nlp, text):
    assert "cervix" not in {site for site, _ in found(nlp, text)}


def test_spread_to_a_region_stays_spread(nlp):
    assert metastases(nlp, "The tumour had spread to the retroperitoneum.") == ["other"]


@pytest.mark.parametrize("text, site", [
    # ICD-O-3 subsite titles whose qualifier no cue rule steps over, listed whole
    ("He had squamous cell carcinoma of the base of the tongue.", "other"),
    ("She had carcinoma of the right lateral border of the tongue.", "other"),
    ("He had squamous cell carcinoma of the lower thoracic esophagus.", "other"),
    ("He had squamous cell carcinoma of the middle third of the oesophagus.", "other"),
    ("He had a carcinoma of the middle ear.", "other"),
    ("He had a seminoma of an undescended testis.", "other"),
    ("He had an adenocarcinoma of the main bronchus.", "lung"),
    ("She had a carcinoma of the fundus uteri.", "uterus"),
    # the lung's lobes by their Terminologia Anatomica names; the thyroid's keep their organ
    ("He had an adenocarcinoma of the right inferior lobe.", "lung"),
    ("She had a papillary carcinoma of the inferior lobe of the thyroid.", "thyroid"),
])
def test_a_primary_at_a_qualified_subsite(nlp, text, site):
    assert roles(nlp, text) == [(site, "primary")]


def test_an_intraparotid_node_is_a_node(nlp):
    text = "A squamous cell carcinoma of the cheek skin had spread to an intraparotid lymph node."
    assert metastases(nlp, text) == ["lymph node"]
