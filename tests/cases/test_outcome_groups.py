"""The status of the report's own patients told as a group by words the context component reads
as other patients' ("these cases", "neither of these cases"): every row's, unless another cue of the
literature stands before it (reports written for the tests)."""
import pytest
from case_outcome_helpers import full_nlp, outcomes  # noqa: F401 (the shared fixture)


def test_neither_of_these_cases_is_every_numbered_rows(full_nlp):
    text = ("We describe two women with endometrial carcinoma. Case 1. A 55-year-old woman underwent hysterectomy "
            "for endometrioid carcinoma. Case 2. A 61-year-old woman underwent hysterectomy for serous carcinoma. "
            "After five years, neither of these cases has shown any sign of tumour recurrence.")
    assert outcomes(full_nlp, text) == ["no evidence of disease", "no evidence of disease"]


def test_in_these_cases_is_the_announced_patients(full_nlp):
    text = ("Two brothers were bitten by the same krait while sleeping. Both developed ptosis within hours. They "
            "received polyvalent antivenom. In these cases, early antivenom resulted in successful recoveries.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_a_group_of_the_literature_in_the_discussion_is_not_the_patients(full_nlp):
    text = ("Case presentation\nA 45-year-old man presented with botulism after eating canned fish. He was "
            "intubated and given antitoxin.\n\nDiscussion\nBotulism is rare. In the outbreak reported by Lee et al., "
            "the patients recovered after antitoxin.\n")
    assert outcomes(full_nlp, text) == [None]


def test_a_tumour_marker_back_to_undetectable_ends_a_cancer_case_without_disease(full_nlp):
    text = ("A 68-year-old man had prostate adenocarcinoma with a testicular metastasis. After orchidectomy his PSA "
            "fell to undetectable levels and he needed no further treatment.")
    assert outcomes(full_nlp, text) == ["no evidence of disease"]


def test_friends_who_died_are_other_people(full_nlp):
    text = ("A 40-year-old man drank home-brewed spirit with four friends. The friends became ill after drinking the said "
            "liquor and died within a day. He presented with blurred vision and was treated with fomepizole.")
    assert outcomes(full_nlp, text) == [None]


def test_an_abstracts_status_with_a_later_clause_about_patients_in_general_is_the_patients(full_nlp):
    text = ("Abstract\nWe present a 68-year-old woman with diabetes and dementia who was found unresponsive. A perforated "
            "duodenal ulcer was diagnosed. Sadly, despite emergency laparotomy, she succumbed to septic shock, "
            "underlining the risks in patients with many chronic conditions.")
    assert outcomes(full_nlp, text) == ["died"]


def test_a_lasting_disability_stated_now_undoes_an_earlier_resolution(full_nlp):
    text = ("We report a boy born with congenital toxoplasmosis who received pyrimethamine and sulfadiazine for a year, "
            "with complete resolution of the hepatitis. Currently he has severe developmental delay and epilepsy.")
    assert outcomes(full_nlp, text) == [None]


def test_a_recovery_without_a_later_disability_stays(full_nlp):
    text = ("We report a boy born with congenital toxoplasmosis who received pyrimethamine and sulfadiazine for a year, "
            "with complete resolution of the hepatitis. Currently he is thriving.")
    assert outcomes(full_nlp, text) == ["recovered"]


def test_each_patient_and_they_after_it_are_the_group(full_nlp):
    text = ("We report two cases of appendicitis in pregnancy. Case 1: A 25-year-old woman presented with abdominal "
            "pain. She underwent appendectomy. Case 2: A 31-year-old woman presented with fever and right lower "
            "quadrant pain. Laparotomy revealed a perforated appendix. The postoperative course of each patient was "
            "uneventful and they were discharged 14 and 6 days post-surgery, respectively.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_their_courses_are_the_groups(full_nlp):
    text = ("We report two patients with renal abscess, a 61-year-old man and a 73-year-old woman. Both were treated "
            "with ceftriaxone and drainage. Their postoperative courses were uneventful.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_each_patient_of_a_recommendation_is_no_status(full_nlp):
    text = ("Case 1: A 25-year-old woman presented with abdominal pain. Case 2: A 31-year-old woman presented with "
            "fever. Each patient should be discharged only after the fever resolves.")
    assert outcomes(full_nlp, text) == [None, None]


def test_the_patients_told_well_together_at_the_end_is_every_rows(full_nlp):
    text = ("Gallstone ileus: two cases\n\nCase 1. A 78-year-old woman presented with vomiting and was operated on.\n\n"
            "Case 2. An 84-year-old woman presented with vomiting and was operated on.\n\n"
            "Presently the patients are in good health without any symptoms.\n")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_a_first_row_made_a_cancer_case_by_the_series_reads_the_groups_cancer_status(full_nlp):
    # the disease is named only in the title: the first row is read as no cancer's before the
    # series gives it the title's disease
    text = ("Case Report\nMale breast cancer: report of 2 cases and review of the literature\nA. Author 1B. Author 1\n"
            "Affiliations\n1 Department of General Surgery, City Hospital\nAbstract\nBackground and Aim: Male breast "
            "cancer is rare and accounts for 1% of all breast cancers. The authors report two cases of male breast "
            "cancer at stage III and review the literature. A mastectomy with axillary clearance was performed. "
            "Patients were given adjuvant chemotherapy and started on tamoxifen. At one year follow-up the patients "
            "are alive and free from disease. Modified radical mastectomy is the preferred surgical approach for "
            "localized disease.\nKeywords\n- Breast cancer\n")
    assert outcomes(full_nlp, text) == ["no evidence of disease", "no evidence of disease"]


def test_all_patients_stable_at_follow_up_is_every_cancer_rows_stable_disease(full_nlp):
    text = ("Papillary thyroid carcinoma in three brothers\n\nWe report three brothers with papillary thyroid "
            "carcinoma. All patients underwent a total thyroidectomy. All patients remained stable at follow-up.\n")
    assert outcomes(full_nlp, text) == ["stable disease"] * 3


def test_all_with_their_count_before_the_verb_is_every_row(full_nlp):
    text = ("We present four children with malignant peripheral nerve sheath tumour. Wide excision and radiotherapy "
            "were given to all. All four died 32, 18, 10, and 22 months after diagnosis with progressive disease.")
    assert outcomes(full_nlp, text) == ["died"] * 4


@pytest.mark.xfail(reason="a group of the literature named before the group words ('In a published series of four "
                          "patients, all four died [3]') is read as the report's patients; so it was before 'all' took "
                          "its count (the literature cue is weighed only for statuses the context gave to others)",
                   strict=True)
def test_all_of_a_count_of_the_literature_is_not_the_rows(full_nlp):
    text = ("We present two women with a mucinous ovarian tumour. Both underwent surgery and were discharged on day "
            "5. In a published series of four patients, all four died within a year [3].")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_the_patients_of_the_authors_treatment_told_with_their_status(full_nlp):
    text = ("We report the successful use of rituximab in the treatment of two patients with refractory autoimmune "
            "hemolytic anemia, who recovered.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_the_patients_of_the_literature_treated_the_same_way_are_not_the_rows(full_nlp):
    text = ("We report two patients with refractory autoimmune hemolytic anemia who received rituximab. The use of "
            "rituximab in the treatment of two patients described by Smith [4] was followed by their death.")
    assert outcomes(full_nlp, text) == [None, None]
