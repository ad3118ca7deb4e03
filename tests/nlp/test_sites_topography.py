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
    ("A metastasis of the ciliary body caused secondary glaucoma.", ["orbit"]),
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
