"""What a report tells of a group of its patients at once gives each of them: the age of twins
written before or after the group in any unit ("5-day-old twins", "twins, aged 15 years",
"twins dying at 10 weeks of age") and the sex of the group ("two adult males", "female teenage
twins", "the twins were girls"). Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.cases.record import Case
from pipeline.cases.series_groups import _group_age, kin_pair_sexes
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


@pytest.mark.parametrize("text, age", [
    ("We describe dizygotic twins who died in their sleep at 10 weeks of age.", 0.19),
    ("Monozygotic male teenage twins, aged 15 years, were referred for short stature.", 15),
    ("Dizygotic 9-day-old twins were brought in with jaundice.", 0.02),
    ("Identical twin sisters aged 7 months were admitted with bronchiolitis.", 0.58),
    ("Two 41-year-old twins presented with the same rash.", 41),
    ("The patients were four-year-old monozygotic twin boys with fever.", 4),
    ("We describe a melanoma in two 44-year-old identical, female twins on the same site.", 44),
    # a word between "twin" and the group's noun; the report's own twins after "the case of"
    ("6 month old former 35 week twin Hispanic girls presented with bulging fontanelles.", 0.5),
    ("We report the case of 67-year-old monozygotic twin sisters, both diagnosed with thyroid cancer.", 67),
    ("We present testicular cancer in two brothers. Both patients were diagnosed at 21 years of age.", 21),
])
def test_one_age_is_given_to_a_group_of_twins(text, age):
    found = _group_age(text, 2500)
    assert found is not None and found[0] == age


@pytest.mark.parametrize("text", [
    "A male twin was born at 35 weeks of gestation and admitted for apnoea.",  # a gestational age
    "The patient is a mother of 3-year-old twins and presented with a breast lump.",  # another's twins
    "The twins were delivered at 34 weeks and fed by tube.",  # no age of the twins
])
def test_no_age_is_read_for_twins_from_a_gestation_or_another_persons_twins(text):
    assert _group_age(text, 2500) is None


def test_twins_aged_below_a_title_ending_in_with_both_take_the_age(nlp):
    # the title's last words ("... with Fever") are not a "with" that makes the twins another person's
    text = ("Six-month-old twin girls presented to the emergency department with fever. Twin A had a bulging "
            "fontanelle. Twin B had rhinorrhoea.")
    rows = cases(nlp, "Twins with fever\n" + text, title="Twins with fever")
    assert [(r.age, r.sex) for r in rows] == [(0.5, "female"), (0.5, "female")]


def test_male_twins_of_a_chorionicity_are_both_boys(nlp):
    text = ("A set of male dichorionic diamniotic twins were delivered at 34 weeks of gestation. Twin A developed "
            "respiratory distress. Twin B was asymptomatic until day 11, when he developed fever.")
    assert [r.sex for r in cases(nlp, text, title="Sepsis in twins")] == ["male", "male"]


def test_twins_whose_age_follows_the_group_both_take_it(nlp):
    text = ("Monozygotic male teenage twins, aged 15 years, were referred for short stature. "
            "Twin 1 had delayed bone age. Twin 2 had a small pituitary gland.")
    rows = cases(nlp, text, title="Growth hormone deficiency in identical twins")
    assert [(r.age, r.sex) for r in rows] == [(15, "male"), (15, "male")]


def test_twins_named_women_after_the_group_are_both_women(nlp):
    text = ("We report acute cholecystitis in identical twins. The identical twins were women in their third "
            "decade who presented within two days of each other with right upper quadrant pain.")
    rows = cases(nlp, text, title="Simultaneous cholecystitis in identical twins")
    assert [r.sex for r in rows] == ["female", "female"]


def test_two_adult_males_are_both_men(nlp):
    text = ("On 2 June 2018 two adult males presented with diplopia after eating home-canned fish. "
            "Patient A was intubated. Patient B recovered without ventilation.")
    assert [r.sex for r in cases(nlp, text)] == ["male", "male"]


@pytest.mark.parametrize("group, sex", [
    ("two young Nepalese males", "male"), ("both Nepalese women", "female"), ("two Nepalese farm workers", None)])
def test_a_group_of_one_sex_with_other_words_before_its_noun_is_of_that_sex(nlp, group, sex):
    text = f"We report two cases of leptospirosis in {group}. The first patient had jaundice; the second had meningitis."
    assert [r.sex for r in cases(nlp, text)] == [sex, sex]


def test_a_group_of_one_sex_with_its_ages_in_brackets_is_of_that_sex(nlp):
    text = ("We report two cases of hepatocellular carcinoma with portal vein thrombosis. Two male adult (59 and "
            "57 years) cirrhotic patients were treated with sorafenib for 10 and 12 months respectively.")
    assert [r.sex for r in cases(nlp, text)] == ["male", "male"]


@pytest.mark.parametrize("text, sex", [
    # a sex adjective before any plural noun of persons, not only twins, children or patients
    ("We report two male adolescents admitted with severe tetanus after a wound of the foot. "
     "Both were treated with magnesium sulfate.", "male"),
    ("We describe three female toddlers with iron deficiency. Each had been fed goat milk only.", "female"),
    # the group's sex told after its age words ("young adult males")
    ("Both patients were young adult males who had ingested a herbicide. The first died on day 3; "
     "the second died on day 5.", "male"),
    ("We report two cases of hip fracture. All the patients were elderly women. The first had a fall at "
     "home; the second fell in the garden.", "female"),
])
def test_a_group_sex_said_before_any_plural_noun_or_after_age_words_is_each_rows(nlp, text, sex):
    rows = cases(nlp, text)
    assert len(rows) >= 2 and {r.sex for r in rows} == {sex}


def test_male_and_female_adolescents_are_no_group_of_one_sex(nlp):
    # the second sex word, after "and", is not read as the sex of the whole group
    text = ("We report two adolescents, male and female adolescents admitted with tetanus. The first had "
            "trismus; the second had spasms.")
    assert [r.sex for r in cases(nlp, text)] not in (["male", "male"], ["female", "female"])


def test_siblings_treated_together_each_get_the_drugs_and_the_recovery(nlp):
    text = ("We have managed two siblings with Kawasaki disease. The disease of the elder brother alerted us to "
            "the disease of the younger brother. Both siblings were treated with intravenous immunoglobulin and "
            "dipyridamole with resolution of the coronary artery aneurysm.")
    rows = cases(nlp, text)
    assert [(r.drugs, r.outcome) for r in rows] == [(["dipyridamole", "immunoglobulin"], "recovered")] * 2


@pytest.mark.parametrize("text, expected", [
    # one age before a plural group of the patients: each of them has it, with the group's sex
    ("We report two cases of Crohn disease. Both patients were 23-year-old men with ileal strictures.",
     [(23, "male"), (23, "male")]),
    ("We describe two 35-year-old women with tuberculous meningitis.", [(35, "female"), (35, "female")]),
    # the ages listed after a plural sex word: each its age, all the group's sex
    ("We present two cases of tuberculous meningitis in women aged 30 and 45 years.",
     [(30, "female"), (45, "female")]),
])
def test_a_plural_group_of_the_patients_gives_each_its_age_and_sex(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == expected


def test_an_age_group_of_the_discussion_is_no_patients_age(nlp):
    text = ("We report two cases of pneumonia.\n\nCase 1\nA 45-year-old man presented with cough. Pneumonia is "
            "common in 60-year-old men.\n\nCase 2\nA woman presented with fever.\n")
    assert [r.age for r in cases(nlp, text)] == [45, None]


def test_ages_listed_each_with_its_own_unit_are_each_rows(nlp):
    text = "We report three siblings, 11-month-old, 7-year-old, and 5-year-old boys, with recurrent fever."
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(0.92, "male"), (7, "male"), (5, "male")]


def test_infants_listed_with_their_ages_in_months_respectively_are_each_rows(nlp):
    text = ("Two previously healthy infants, a boy and a girl aged 3 and 4 months, respectively, were admitted "
            "for fever of unknown origin. The boy presented with vomiting. The girl presented with irritability.")
    rows = cases(nlp, text, title="Persistent fever in two young infants")
    assert [(r.age, r.sex) for r in rows] == [(0.25, "male"), (0.33, "female")]


@pytest.mark.parametrize("text, expected", [
    ("Patients: Female, 72-year-old • Female, 60-year-old • Male, 74-year-old Final Diagnosis: Concurrent "
     "carcinoma and follicular lymphoma Specialty: Oncology\nCASE REPORTS: We describe a case series of 3 "
     "patients who presented to our institute with a lump.\n",
     [(72, "female"), (60, "female"), (74, "male")]),
    ("Patients: Male, 45-year-old • Female, 38-year-old Final Diagnosis: Scrub typhus Specialty: Infectious "
     "Diseases\nCASE REPORT: A farmer presented with fever and an eschar on the leg. His wife developed fever "
     "a week later. Both received doxycycline and recovered.\n",
     [(45, "male"), (38, "female")]),
    ("Patient concerns: We present 2 patients with serous cystic neoplasm (1 male, 54, and 1 female, 42). Both "
     "patients were asymptomatic.", [(54, "male"), (42, "female")]),
])
def test_patients_headed_each_by_sex_and_age_are_each_rows(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # one sentence of the opening ages each patient by sex and an age of its own
    ("Here we describe two urothelial cancers metastatic to the penis. Namely, a 69 years-old man with warty "
     "lesions of the glans; and a 71 years-old man with a reddish skin lesion of the glans.",
     [(69, "male"), (71, "male")]),
    ("Thyroid carcinoma with lung metastases was found in a 9-year-old boy and a 12-year-old girl at our hospital.",
     [(9, "male"), (12, "female")]),
    # ... the same age told again is one patient
    ("We saw a 61-year-old woman, a 61-year-old female smoker, with chest pain.", [(61, "female")]),
    # ... and the literature's patients of an introduction, told between citations, none
    ("Introduction\nSince then, about 150 cases have appeared in print.[1,2] An 81-year-old man described by Weber and Hoffmann "
     "presented with a similar lesion, received doxorubicin, and died 2 months later.[2] In contrast, a "
     "52-year-old woman survived for 9 years after surgery.[3]\nCase presentation\nA 60-year-old man presented "
     "with a painless mass of the neck.", [(60, "male")]),
    # a half written as a fraction
    ("Two male siblings aged 13 1/2 and 12 years from a poor family were reported with tuberculosis.",
     [(13.5, "male"), (12, "male")]),
])
def test_patients_aged_in_one_sentence_are_each_rows(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == expected


def test_years_and_months_of_one_age_stay_one_age(nlp):
    text = "We report two siblings with recurrent fever. The elder, aged 5 years and 7 months, was admitted first."
    assert 5.58 in [r.age for r in cases(nlp, text)]


def test_half_sisters_are_two_women(nlp):
    text = ("Main observation: Two half-sisters developed mucous membrane pemphigoid at about the same age. The older "
            "presented with mucosal disease, while the younger had cutaneous disease.")
    assert [r.sex for r in cases(nlp, text)] == ["female", "female"]


def test_a_numbered_patient_introduced_by_kinship_has_that_age(nlp):
    text = ("This report describes two cases of pertussis.\n\nPatient 1. On 11 October, a 4-month-old boy developed a "
            "mild cough. He was treated with erythromycin.\n\nPatient 2. During September, the infant's 47-year-old "
            "aunt had visited his home. During the visit, she developed a mild cough.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(0.33, "male"), (47, "female")]


def test_a_relatives_age_later_in_a_numbered_part_is_not_the_patients(nlp):
    text = ("This report describes two cases of pertussis.\n\nPatient 1. A 4-month-old boy developed a mild cough.\n\n"
            "Patient 2. A woman developed a cough in September. She had visited her sister. Her 70-year-old mother "
            "was well.\n")
    assert [r.age for r in cases(nlp, text)] == [0.33, None]


@pytest.mark.parametrize("text", [
    "Background: Neoadjuvant chemotherapy is debated. Cases: Two cases of cervical carcinoma, aged 33 and 40 "
    "years old, were given neoadjuvant cisplatin. Result: Progression of disease was observed in both cases.",
    "Neoadjuvant chemotherapy in cervical cancer\n\nAbstract\nTwo patients with cervical cancer, aged 33 and 40 "
    "years, were given neoadjuvant cisplatin. Progression of disease was observed in both cases.",
])
def test_the_disease_and_status_of_a_group_told_together_are_each_patients(nlp, text):
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.primary_site, r.outcome) for r in rows] == [
        (33, "female", "cervix", "progressive disease"), (40, "female", "cervix", "progressive disease")]


def test_cases_of_the_literature_after_a_label_are_no_patients_of_the_report(nlp):
    text = ("Background: Two cases of cervical carcinoma have been reported in men. Case: A 40-year-old woman "
            "had cervical carcinoma and received cisplatin.")
    assert len(cases(nlp, text)) == 1


@pytest.mark.parametrize("label", ["Patients and methods", "Clinical material"])
def test_cases_told_by_order_after_a_label_get_their_own_ages(nlp, label):
    text = ("Background: Wilms tumour is the commonest renal cancer in children. " + label + ": Two cases are "
            "presented. The first one - a little girl of 22 months, had constipation; nephrectomy confirmed "
            "nephroblastoma. The second case - also a girl, of 3 years, had flank pain; nephrectomy confirmed "
            "nephroblastoma. Discussion: Both cases were girls.")
    assert [(r.age, r.sex, r.histology) for r in cases(nlp, text)] == [
        (1.83, "female", "nephroblastoma"), (3.0, "female", "nephroblastoma")]


def test_a_status_said_of_one_numbered_patient_in_a_sentence_about_all_is_not_the_others(nlp):
    text = ("Ovarian metastases of breast cancer in three women. We report three cases of breast cancer with ovarian "
            "metastasis. All three women had multiple extra-ovarian metastases when ovarian metastasis was detected "
            "</jats:sec> Outcomes: Patient 1 had stable bone metastasis; patient 2 had stable lung metastasis and "
            "died of heart disease, and patient 3 had brain metastases.")
    rows = cases(nlp, text)
    assert len(rows) == 3 and rows[0].outcome != "died" and rows[2].outcome != "died"


@pytest.mark.parametrize("text, expected", [
    # a list of ages with an Oxford comma
    ("Delayed death after paraquat poisoning: three case reports. Here three cases, including 17-, 20-, and "
     "23-year-old men, who were poisoned with paraquat, have been reported.",
     [(17, "male"), (20, "male"), (23, "male")]),
    # each age with its person word, which gives the sex
    ("Adult Still's disease: two clinical cases. The authors describe two clinical cases in two young people, one a "
     "man of 18 years and the other a woman of 28 years, both admitted for prolonged fever.",
     [(18, "male"), (28, "female")]),
    ("Authors describe autopsy findings of two cases whose COVID-19 diagnosis was supported by laboratory data. Both "
     "patients were Caucasian individuals of middle "
     "age (one male, 47 years old; the other a female aging 36 years) that were previously healthy.",
     [(47, "male"), (36, "female")]),
])
def test_ages_and_sexes_listed_together_are_each_rows(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == expected


def test_a_group_death_said_with_they_is_each_rows(nlp):
    text = ("Delayed death after paraquat poisoning: three case reports. Here three cases, including 17-, 20-, and "
            "23-year-old men, who were poisoned with paraquat, have been reported. After several days, the patients "
            "were referred to the hospital for the second time and despite resuscitation efforts, they suddenly expired.")
    assert [r.outcome for r in cases(nlp, text)] == ["died", "died", "died"]


@pytest.mark.parametrize("text, outcome", [
    ("Primary small cell carcinoma of the esophagus is a rare entity. Two new cases with clinicopathological "
     "characteristics are presented. In both female patients aged 62 and 66 who suffered from dysphagia, "
     "esophagectomy was performed. The patients have died respectively nine and four months after the surgery.",
     "died"),
    ("Authors describe autopsy findings of two cases whose COVID-19 diagnosis was supported by laboratory data. Both "
     "patients were Caucasian individuals (one male, 47 years old; the other a female aging 36 years). Clinically "
     "they died from cardiorespiratory insufficiency.", "died"),
    # a group cured, named by "both patients" or by "all" standing for them
    ("We report two men with cerebral nocardial abscess. Case 1: a 45-year-old man presented with headache. "
     "Case 2: a 50-year-old man presented with seizures. Both patients were cured with antibiotics and surgery.",
     "recovered"),
    ("Two cases of multiple cerebral nocardial abscess are presented. The first patient had headache and the "
     "second seizures. All were cured by a combination of chemotherapy and surgery.", "recovered"),
])
def test_a_status_said_of_the_patients_as_a_group_is_each_rows(nlp, text, outcome):
    assert [r.outcome for r in cases(nlp, text)] == [outcome, outcome]


def test_a_group_of_the_literature_cured_is_not_the_patients(nlp):
    text = ("A 45-year-old man presented with headache. CT showed a cerebral abscess, which was drained. He died on "
            "day 3 of sepsis. In the series of Smith et al., all were cured with antibiotics.")
    assert [r.outcome for r in cases(nlp, text)] == ["died"]


def test_a_groups_recovery_is_no_cancer_status(nlp):
    text = ("Multiple primary cancers of the female genital tract: two cases. Two women aged 50 and 60 years had "
            "endometrial carcinoma and cervical carcinoma. The 2 patients all recovered well after surgery.")
    assert "recovered" not in [r.outcome for r in cases(nlp, text)]


@pytest.mark.parametrize("text, ages, sexes", [
    ("Four children of Greek origin, three boys aged 12, 8 and 7 years, and a girl aged 5 years, presented with "
     "recurrent fever and abdominal pain. They were treated with colchicine.",
     [12, 8, 7, 5], ["male", "male", "male", "female"]),
    ("We report two siblings, a girl aged 9 years and a boy aged 4 years, with the same rash.",
     [9, 4], ["female", "male"]),
    ("We present case reports of three siblings comprising two males (aged 4 years 10 months and 3 years 10 months) "
     "and a female (aged 16 months).", [4.83, 3.83, 1.33], ["male", "male", "female"]),
    ("Three children of one family, two sons aged 9 and 6 years and a daughter aged 3 years, developed jaundice.",
     [9, 6, 3], ["male", "male", "female"]),
])
def test_ages_listed_in_groups_of_persons(nlp, text, ages, sexes):
    rows = cases(nlp, text)
    assert [row.age for row in rows] == ages
    assert [row.sex for row in rows] == sexes


@pytest.mark.parametrize("text, ages, sexes", [
    # "aged" with no unit after the listed numbers: years
    ("Two cases of small cell carcinoma of the esophagus are presented. Both female patients aged 62 and 66 "
     "suffered from dysphagia for a few months.", [62, 66], ["female", "female"]),
    # a singular person word after the list is every listed patient's
    ("Two cases of Kikuchi disease in a 33 and 27-year-old woman with fever and lymphadenopathy are presented.",
     [33, 27], ["female", "female"]),
    ("Two cases of hip fracture in 70 and 75 years old ladies are presented.", [70, 75], ["female", "female"]),
])
def test_ages_listed_together(nlp, text, ages, sexes):
    rows = cases(nlp, text)
    assert [row.age for row in rows] == ages
    assert [row.sex for row in rows] == sexes


def test_a_range_after_aged_gives_no_listed_ages(nlp):
    rows = cases(nlp, "Two patients with gout are described. Men aged 40 and over are at risk. The first patient "
                      "was a 45-year-old man. The second patient was a woman.")
    assert rows[1].age is None


@pytest.mark.parametrize("text, sexes", [
    ("Case 1\nA 9-month-old girl presented with fever and rash.\nCase 2\nTwo weeks later the sibling, aged 3 "
     "years, developed fever.\nWe report a brother and sister with Kawasaki disease.", ["female", "male"]),
    ("Familial pemphigus in a father and son.\nCase 1\nThe patient, aged 52, had oral erosions.\nCase 2\n"
     "The patient, aged 25, had skin blisters.", ["male", "male"]),
])
def test_a_pair_of_relatives_gives_the_rows_their_sexes(nlp, text, sexes):
    assert [row.sex for row in cases(nlp, text)] == sexes


def test_a_pair_of_relatives_told_together_gives_the_rows_their_sexes_in_its_order(nlp):
    text = ("Simultaneous cancer of the pancreas occurring in husband and wife.\n\nThe simultaneous occurrence of "
            "cancer of the pancreas in husband and wife is reported. Both patients shared dietary habits.")
    assert [row.sex for row in cases(nlp, text)] == ["male", "female"]


@pytest.mark.parametrize("text", [
    "Case 1\nThe patient, aged 9, had fever.\nCase 2\nThe patient, aged 6, had a rash.\n"
    "Kawasaki disease in the elder brother alerted us to the disease in the younger brother.",
    "Case 1\nThe patient, aged 9, had fever.\nCase 2\nThe patient, aged 6, had a rash.\n"
    "The course of one of the brothers was marked by relapses.",
])
def test_brothers_named_one_by_one_are_a_group_of_one_sex(nlp, text):
    assert [row.sex for row in cases(nlp, text)] == ["male", "male"]


@pytest.mark.parametrize("text, second", [
    ("Two patients are described: a brother and sister with the same rash.", "female"),
    # the patient's own relatives are no pair of patients
    ("Two patients are described. Her brother and sister were healthy.", None),
    ("Two patients are described. The patient's brother and sister were healthy.", None),
])
def test_only_a_pair_of_patients_tells_the_sexes(text, second):
    rows = [Case(doc="t.txt", case=1, sex="male"), Case(doc="t.txt", case=2)]
    kin_pair_sexes(text, None, rows, "sections/patients.toml")
    assert rows[1].sex == second


def test_a_case_label_with_a_bracket_after_it_heads_its_patient(nlp):
    text = ("Case C (Status: died in April 2011; survival: 3 years)\n\nA 57-year-old male presented in May 2005 with "
            "melanoma of the finger. He died in April 2011.\n\nCase D (Status: alive and disease-free; survival: 13 "
            "years)\n\nA 58-year-old male presented in 2000 with melanoma in the liver.\n")
    assert [r.age for r in cases(nlp, text, title="Long-term survivors of advanced melanoma")] == [57, 58]


@pytest.mark.parametrize("title, sex", [
    ("Kaposi sarcoma in HIV-negative men: a case series", "male"),
    ("Non-surgical treatment of primary female urethral cancer", "female"),
    ("Takotsubo cardiomyopathy in postmenopausal women: two cases", "female"),
])
def test_the_population_the_title_names_is_each_rows_sex(nlp, title, sex):
    text = ("Case 1\nA 61-year-old patient presented with a violaceous plaque of the left foot.\n\n"
            "Case 2\nA 58-year-old patient presented with nodules of both legs.\n")
    assert [r.sex for r in cases(nlp, text, title=title)] == [sex, sex]


@pytest.mark.parametrize("title", ["Male and female twins with a violaceous rash", "Female and male siblings with nodules of the legs"])
def test_a_title_naming_both_sexes_gives_no_sex(nlp, title):
    text = ("Case 1\nA 61-year-old patient presented with a violaceous plaque of the left foot.\n\n"
            "Case 2\nA 58-year-old patient presented with nodules of both legs.\n")
    assert [r.sex for r in cases(nlp, text, title=title)] == [None, None]


def test_groups_each_with_its_sex_a_colon_and_their_ages_are_each_rows(nlp):
    text = ("In this report we present 4 cases of neurofibrosarcoma (3 females: 13, 12, and 13 years old and 1 male: "
            "10 years old) arising in patients with neurofibromatosis. All of them presented with a painful mass.")
    rows = cases(nlp, text, title="Neurofibrosarcoma in children: four cases")
    assert [(r.age, r.sex) for r in rows] == [(13, "female"), (12, "female"), (13, "female"), (10, "male")]


@pytest.mark.parametrize("listed, ages", [
    # months past eleven are a second age, not a part of the first one
    ("aged 5 years and 30 months", [5, 2.5]),
    ("aged 5 years and 7 months", [5.58, None]),
])
def test_two_ages_in_years_and_in_months_past_eleven(nlp, listed, ages):
    text = (f"Here, we report two siblings with mucopolysaccharidosis. Parents brought two male siblings {listed} "
            "because of short stature and a waddling gait.")
    rows = cases(nlp, text, title="Morquio syndrome in two siblings")
    assert [r.age for r in rows] == ages


@pytest.mark.parametrize("said, ages", [
    # a label after each number names whose age it is
    ("presented at 31 (patient 1) and 35 (patient 2) years of age, respectively", [31, 35]),
    # "respectively": one age per patient, not an age in years and months
    ("were diagnosed at 4 years and 3.5 months, respectively", [4, 0.29]),
    ("were diagnosed at 4 years and 3 months", [None, None]),
    # "at the ages" with no unit after: years
    ("were seen at the ages 64 and 77", [64, 77]),
    ("were seen at the ages 64 and 77 months after birth", [None, None]),
    # the ages "of the patients" are theirs; patients' ages said as a group's stay unread
    ("were seen in 2019. The ages of the patients were 64 and 77 years", [64, 77]),
    ("were seen in 2019. Such patients are 64 and 77 years", [None, None]),
    # a time after an event written with labels is no age
    ("relapsed 14 (patient 1) and 20 (patient 2) months after the first treatment", [None, None]),
])
def test_ages_listed_with_labels_respectively_or_after_at_the_ages(nlp, said, ages):
    text = (f"Here, we report two brothers with a hereditary anaemia. The two brothers {said}. Both were "
            "transfused.")
    rows = cases(nlp, text, title="Hereditary anaemia in two brothers")
    assert [r.age for r in rows] == ages


def test_the_ordinal_case_without_article_opens_the_next_row(nlp):
    text = ("Primary thyroid lymphoma: two cases\n\nThe first case is of a 79-year-old woman who presented with a "
            "rapidly enlarging goitre in March 2017. PMH hypothyroidism. Core biopsy confirmed a diffuse large B cell "
            "lymphoma.\n \nSecond case is of a 52year old man with PMH hypothyroidism, with a recent 3 week history "
            "of an enlarging left neck swelling in late September 2017.")
    rows = cases(nlp, text, title="Primary thyroid lymphoma: two cases")
    # (the September date is the second patient's)
    assert [(r.age, r.sex, r.dates) for r in rows] == [(79, "female", ["2017-03"]), (52, "male", ["2017-09"])]


def test_a_case_whose_age_has_a_hyphen_and_a_space_before_its_unit_opens_its_row(nlp):
    text = ("Adult Wilms tumour: three case reports\n\nCorrespondence Address: Dr A, Department of Urology, Kolkata, "
            "India\nCase 1\nIn May 2001, a 25- years old male presented with a painless left flank lump. Nephrectomy "
            "showed a Wilms tumour.\nCase 2\nIn July 2003, a 21-years old lady presented with right flank pain. "
            "Nephrectomy showed a Wilms tumour.\nCase 3\nA 30-year-old man presented with haematuria.")
    rows = cases(nlp, text, title="Adult Wilms tumour: three case reports")
    assert [(r.age, r.sex) for r in rows] == [(25, "male"), (21, "female"), (30, "male")]


def test_a_site_said_of_some_of_the_group_is_no_rows(nlp):
    text = ("In this report we present 4 cases of neurofibrosarcoma (3 females: 13, 12, and 13 years old and 1 male: "
            "10 years old) arising in patients with neurofibromatosis. All four died 32, 18, 10, and 22 months after "
            "diagnosis with progressive disease locally and pulmonary metastases in two of them.")
    rows = cases(nlp, text, title="Neurofibrosarcoma in children: four cases")
    assert [r.metastasis_sites for r in rows] == [[], [], [], []]


def test_a_site_said_of_the_whole_group_is_every_rows(nlp):
    text = ("In this report we present 4 cases of neurofibrosarcoma (3 females: 13, 12, and 13 years old and 1 male: "
            "10 years old) arising in patients with neurofibromatosis. All four died 32, 18, 10, and 22 months after "
            "diagnosis with pulmonary metastases.")
    rows = cases(nlp, text, title="Neurofibrosarcoma in children: four cases")
    assert [r.metastasis_sites for r in rows] == [["lung"]] * 4
