"""Patients listed in one sentence of a report that tells them together, each item of the list
with what it says of its patient (pipeline/cases/series_list_items.py). Texts written for these tests."""
from case_helpers import nlp, rows  # noqa: F401 (nlp: the shared fixture)


def test_a_status_inside_one_listed_patient_is_that_patients(nlp):
    text = ("Posterior reversible encephalopathy in the emergency department\nWe report three cases of PRES "
            "seen in one month, including a 53-year-old woman with mild hypertension, a 69-year-old woman who "
            "ultimately died, and a 46-year-old woman who had an intracerebral haemorrhage.")
    assert [(r.age, r.outcome) for r in rows(nlp, text)] == [(53, None), (69, "died"), (46, None)]


def test_a_site_inside_one_numbered_item_is_that_patients(nlp):
    text = ("Metastases of cervical cancer: three cases\nThe three cases included (1) a 45-year-old woman with "
            "liver metastases, (2) a 52-year-old woman with lung metastases, and (3) a 61-year-old "
            "woman with a bone metastasis of the femur. All had squamous cell carcinoma of the cervix.")
    found = rows(nlp, text)
    assert [(r.age, r.metastasis_sites) for r in found] == [(45, ["liver"]), (52, ["lung"]), (61, ["bone"])]
    assert {r.histology for r in found} == {"squamous cell carcinoma"}


def test_types_numbered_in_a_later_sentence_are_each_patients(nlp):
    text = ("Three uncommon cervical cancers\nWe report three women aged 38, 47 and 66 years. Pathology confirmed "
            "(1) adenosquamous carcinoma, (2) small cell carcinoma and (3) clear cell carcinoma of the cervix.")
    assert [r.histology for r in rows(nlp, text)] == ["adenosquamous carcinoma", "small cell carcinoma", "clear cell carcinoma"]


def test_a_value_said_of_all_before_the_list_stays_everyones(nlp):
    text = ("Cisplatin in three women\nThree women treated with cisplatin are described: a 40-year-old woman "
            "with lung metastases, a 50-year-old woman and a 60-year-old woman.")
    assert [(r.drugs, r.metastasis_sites) for r in rows(nlp, text)] == [
        (["cisplatin"], ["lung"]), (["cisplatin"], []), (["cisplatin"], [])]


def test_a_value_after_a_list_in_subject_position_is_all_of_theirs(nlp):
    text = ("Lymphoma in a family\nThree patients, a 57-year-old man, his 60-year-old sister, and 81-year-old "
            "mother, developed diffuse large B-cell lymphoma; a 40-year-old cousin was healthy.")
    assert [r.histology for r in rows(nlp, text)] == ["diffuse large b-cell lymphoma"] * 3


def test_an_age_and_a_sex_inside_one_numbered_item_are_that_patients(nlp):
    # the first item gives no age: the one age told is the second patient's
    text = ("Primary CNS lymphoma: three cases\nCases: We describe three adults: (1) a septuagenarian with a "
            "parietal mass treated by resection who ultimately died; (2) a 71-year-old man with a frontal lesion "
            "treated with methotrexate; and (3) a middle-aged woman with multifocal lesions treated with "
            "methotrexate plus cytarabine.")
    assert [(r.age, r.sex) for r in rows(nlp, text)][1:] == [(71, "male"), (None, "female")]
    assert rows(nlp, text)[0].age is None


def test_a_sex_word_in_the_last_item_stays_the_others_too(nlp):
    text = ("Tuberculous meningitis in infants: case reports\nCase presentation: Description of three case reports. "
            "The patients of 10-month-old, 8-month-old, and 4-year-old male infant presented with convulsions.")
    assert [r.sex for r in rows(nlp, text)] == ["male", "male", "male"]


def test_a_status_inside_the_last_item_outranks_the_groups_and_a_recovery_beside_it(nlp):
    text = ("Primary CNS lymphoma: three cases\nCases: We describe three adults: (1) a 74-year-old woman treated "
            "by resection who ultimately died; (2) a 71-year-old man treated with methotrexate who died before "
            "consolidation; and (3) a 52-year-old woman treated with methotrexate plus cytarabine, achieving "
            "partial radiological response and sustained clinical improvement.")
    assert [r.outcome for r in rows(nlp, text)] == ["died", "died", "partial response"]


def test_each_listed_patients_own_primary(nlp):
    text = ("Two cancer cases with distant lymph node metastasis\nCancers of unknown primary may present in many ways. "
            "A 68-year-old male with prostatic carcinoma and a 60-year-old male with gastric carcinoma are presented "
            "here.")
    assert [r.primary_site for r in rows(nlp, text)] == ["other", "stomach"]


def test_a_site_of_one_items_second_tumour_leaves_the_primary_alone(nlp):
    text = ("Granulosa cell tumours: three cases\nWe report three women aged 45, 52 and 64 years with ovarian "
            "granulosa cell tumours. Pathology confirmed (1) juvenile GCT, (2) recurrent GCT and (3) a collision "
            "tumour: colonic adenocarcinoma and GCT.")
    assert [r.primary_site for r in rows(nlp, text)] == ["ovary"] * 3
