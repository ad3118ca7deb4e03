"""Site roles of lists, generic habits and revised readings, on sentences written for the tests
(issue 11: fresh oncology reports)."""
import pytest
from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)


def roles_of(nlp, text, role):
    return sorted({site for site, r in found(nlp, text) if r == role})


@pytest.mark.parametrize("text, expected", [
    ("Biopsies proved metastases to the cervical lymph nodes, duodenal mucosa, peritoneum, sigmoid wall, and liver.",
     ["liver", "lymph node", "peritoneum", "small intestine"]),
    ("She had metastatic disease with spread to the mediastinal nodes, the pleural surface, and the adrenal gland.",
     ["adrenal gland", "lymph node", "pleura"]),
    ("She presented with de novo metastatic diseases to the liver, bone, lung, and orbit.",
     ["bone", "liver", "lung", "orbit"]),
    ("Metastases were also present in the liver and in both lungs.", ["liver", "lung"]),
    # the level of the spine before its vertebrae goes on with the list
    ("She presented with liver and thoracic vertebral metastases four months later.", ["liver", "spine"]),
    ("CT showed lung and dorsal vertebral metastases.", ["lung", "spine"]),
])
def test_a_list_of_spread_sites_goes_on_past_an_items_head_noun(nlp, text, expected):
    assert set(expected) <= set(roles_of(nlp, text, "metastasis"))


@pytest.mark.parametrize("text, site", [
    ("He had metastases to the liver, the left lung base, and bone pain from old fractures.", "bone"),
    ("Metastases were seen in the liver, the patient was given oxaliplatin, and the spleen was normal.", "spleen"),
    ("Laparotomy found metastases to the liver capsule, the omental fat, and the spleen was spared.", "spleen"),
])
def test_a_symptom_or_a_new_clause_ends_the_list(nlp, text, site):
    assert (site, "metastasis") not in found(nlp, text)


@pytest.mark.parametrize("text, site", [
    ("As a rule, metastases of this sarcoma occur in the lungs.", "lung"),
    ("Metastases usually develop in the liver.", "liver"),
])
def test_what_happens_as_a_rule_is_no_finding_of_the_patient(nlp, text, site):
    assert (site, "metastasis") not in found(nlp, text)


def test_a_metastasis_said_to_have_occurred_stays(nlp):
    assert roles_of(nlp, "Two years later, metastases occurred in the lungs.", "metastasis") == ["lung"]


@pytest.mark.parametrize("text, site", [
    ("With a preoperative diagnosis of hepatic cancer, a segmentectomy was performed.", "liver"),
    ("Swellings of the arm and pelvis were initially diagnosed as a metastatic ovarian tumour.", "ovary"),
    ("Such a lesion is difficult to distinguish from primary gastric cancer.", "stomach"),
    ("Endoscopy could not differentiate it from a pancreatic carcinoma.", "pancreas"),
])
def test_a_reading_before_surgery_revised_or_weighed_is_a_mention(nlp, text, site):
    assert (site, "mention") in found(nlp, text)


def test_sampled_organs_consistent_with_metastatic_disease_hold_the_metastasis(nlp):
    text = "At laparotomy, biopsies of the omentum and the spleen were taken, which were consistent with metastatic melanoma."
    assert roles_of(nlp, text, "metastasis") == ["omentum", "spleen"]


TUMOUR = "She had an adenocarcinoma. "


@pytest.mark.parametrize("text, site", [
    ("CT revealed carcinomatous peritonitis.", "peritoneum"),
    ("Thoracoscopy confirmed pleuritis carcinomatosa.", "pleura"),
    ("Chest CT suggested lymphangitis carcinomatosa.", "lung"),
])
def test_carcinomatous_inflammation_of_a_serosa_is_its_metastasis(nlp, text, site):
    assert (site, "metastasis") in found(nlp, TUMOUR + text)


def test_what_the_metastases_involve_is_a_metastasis(nlp):
    text = TUMOUR + "The metastases had involved the liver, the spleen and both adrenal glands."
    assert roles_of(nlp, text, "metastasis") == ["adrenal gland", "liver", "spleen"]


def test_what_the_tumour_involves_stays_an_extension(nlp):
    assert ("bladder", "involvement") in found(nlp, TUMOUR + "The tumour involved the bladder wall.")


@pytest.mark.parametrize("text, site", [
    ("Metastatic nodules were seen in segments 2 and 3 of the liver.", "liver"),
    ("MRI showed a metastasis to the body of the third lumbar vertebra.", "spine"),
    ("Metastases to the para-aortic and pelvic lymph nodes were found.", "lymph node"),
])
def test_a_part_of_the_organ_or_a_coordinated_adjective_before_it_keeps_the_metastasis(nlp, text, site):
    assert (site, "metastasis") in found(nlp, TUMOUR + text)


def test_a_recurrent_mass_is_a_recurrence(nlp):
    assert ("other", "recurrence") in found(nlp, TUMOUR + "Two years later a recurrent pelvic mass was resected.")


def test_a_nodal_region_coordinated_with_nodes_is_no_organ(nlp):
    text = TUMOUR + "PET showed metastatic mediastinal and hilar lymph nodes."
    assert roles_of(nlp, text, "metastasis") == ["lymph node"]


@pytest.mark.parametrize("text, expected", [
    ("Bone scan was also consistent with metastatic disease.", ("bone", "metastasis")),
    ("A bone scan showed liver metastases.", ("bone", "mention")),
    ("CT and bone scan revealed metastases in the liver.", ("bone", "mention")),
    ("Bone scintigraphy was negative for metastases.", ("bone", "mention")),
])
def test_a_bone_scan_names_the_skeleton_only_for_what_it_shows_of_it(nlp, text, expected):
    assert expected in found(nlp, TUMOUR + text)


def test_a_metastasis_weighed_in_a_differential_listed_after_it_is_a_mention(nlp):
    text = TUMOUR + "Adrenal metastasis, adenoma and pheochromocytoma were considered in the differential diagnosis."
    assert ("adrenal gland", "mention") in found(nlp, text)


def test_a_mass_in_the_contralateral_organ_called_metastatic_by_the_next_sentence(nlp):
    text = ("She had breast cancer treated by mastectomy. She presented with a new mass in the contralateral "
            "breast. Biopsy showed metastatic ductal carcinoma.")
    assert ("breast", "metastasis") in found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("A metastatic lesion was found in the left adrenal gland.", ["adrenal gland"]),
    ("At laparotomy, tumour nodules were found on the diaphragm and the omentum.", ["omentum", "other"]),
    ("At second-look surgery a tumour focus was found within the pelvic peritoneum.", ["peritoneum"]),
    ("Malignant foci were seen on the pleura.", ["pleura"]),
])
def test_a_metastatic_lesion_found_in_an_organ_and_tumour_nodules_on_a_serosa(nlp, text, expected):
    assert roles_of(nlp, TUMOUR + text, "metastasis") == expected


def test_tumour_nodules_of_a_solid_organ_need_more_than_that(nlp):
    assert ("lung", "metastasis") not in found(nlp, TUMOUR + "Tumour nodules were found in the right lung.")


def test_an_infiltration_on_a_wall_and_the_items_listed_after_it(nlp):
    text = TUMOUR + "It showed infiltration on the anterior wall of the omental sac, greater omentum, and peritoneum."
    assert roles_of(nlp, text, "involvement") == ["omentum", "peritoneum"]


def test_a_nodal_region_right_before_abbreviated_nodes_is_no_organ(nlp):
    text = TUMOUR + "The following year, metastases were detected in the left cervical LNs."
    assert roles_of(nlp, text, "metastasis") == ["lymph node"]


@pytest.mark.parametrize("text, expected", [
    ("He presented with diaphragm, pancreatic, and liver tumors from PTC.", ["liver", "other", "pancreas"]),
    ("CT showed lung nodules from the known breast cancer.", ["lung"]),
    ("Cytology of the pleural effusion revealed pleural-seeded ESCC cells.", ["pleura"]),
])
def test_lesions_from_a_cancer_and_seeded_cells_in_an_effusion_are_metastases(nlp, text, expected):
    assert roles_of(nlp, TUMOUR + text, "metastasis") == expected


def test_lesions_from_an_infection_are_not(nlp):
    assert roles_of(nlp, TUMOUR + "CT showed lung nodules from TB.", "metastasis") == []


def test_a_list_of_spread_sites_goes_on_past_a_part_of_an_organ_and_a_bare_and(nlp):
    text = TUMOUR + ("Laparoscopy showed miliary spread on the parietal peritoneum, the surface of the small intestine "
                     "and the diaphragm.")
    assert roles_of(nlp, text, "metastasis") == ["other", "peritoneum", "small intestine"]


def test_a_soft_tissue_density_is_a_radiological_word_not_a_site(nlp):
    text = TUMOUR + "CT showed abdominal lymphadenopathy and a soft tissue density lesion in the left lung."
    assert "soft tissue" not in {site for site, _ in found(nlp, text)}


@pytest.mark.parametrize("text, expected", [
    # the tokenizer keeps a slash-joined token whole: each of its words is read as the lexicon reads it
    ("Two months later she had widespread cutaneous/subcutaneous metastases.",
     [("skin", "metastasis"), ("soft tissue", "metastasis")]),
    ("CT showed new hepatic/pulmonary metastases.", [("liver", "metastasis"), ("lung", "metastasis")]),
    # the words after the token belong to each of its parts
    ("Dissection found metastases in the pelvic/para-aortic lymph nodes.",
     [("lymph node", "metastasis"), ("lymph node", "metastasis"), ("lymph node", "metastasis")]),
    ("She later developed bone/soft tissue metastases.", [("bone", "metastasis"), ("soft tissue", "metastasis")]),
    # the first part ends a phrase the word before begins
    ("Metastases in the gall bladder/biliary tract were resected.", [("other", "metastasis"), ("other", "metastasis")]),
])
def test_the_words_of_a_slash_joined_token_are_sites(nlp, text, expected):
    assert sorted(found(nlp, text)) == sorted(expected)


def test_a_slash_joined_token_of_no_site_words_gives_none(nlp):
    assert found(nlp, "Signs/symptoms resolved and the and/or criteria were met on 12/05/2019.") == []


@pytest.mark.parametrize("text", [
    "CT showed metastatic lymphadenopathy in the left axilla.",
    "There were enlarged metastatic lymph nodes in the neck.",
    "A metastatic node in the right inguinal region was excised.",
    "PET showed lymph node metastases in the mediastinum.",
])
def test_a_region_right_after_a_node_phrase_is_where_the_nodes_are(nlp, text):
    assert roles_of(nlp, text, "metastasis") == ["lymph node"]


def test_a_region_after_a_node_phrase_and_another_clause_keeps_its_role(nlp):
    text = "She had metastatic lymph nodes and a metastasis in the thigh."
    assert roles_of(nlp, text, "metastasis") == ["lymph node", "other"]
