"""Relatives who are patients of the same report, told in running text without "Case N"
headings: a relative introduced with an age of its own, and siblings named by birth order, each
open a row; the relatives of a one-patient report open none. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_introductions import introduced_patients


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


@pytest.mark.parametrize("text, heading", [
    # the age in the words that name the relative, whatever verb tells the illness
    ("Measles in siblings. A 6-year-old boy had a rash for three days. A week later his 3-year-old "
     "sister began to cough.", "his 3-year-old sister"),
    ("Scabies: mother-and-child cases. A 31-year-old woman had itching lesions of the wrist, and the "
     "same lesions appeared on the hands of this patient's four-year-old child.", "this patient's four-year-old child"),
    # the age set beside the name
    ("Gout in a father and son. The father, aged 70, had tophi. Ten years later his son, then aged 41, "
     "came with a swollen toe.", "his son"),
    # the later of a pair named with the article and an age of its own
    ("We report a mother and her daughter with thyroid cancer. The mother, a 45-year-old woman, had a nodule. "
     "The daughter, aged 20 years, had a similar nodule.", "The daughter"),
    ("Thyroid cancer in a mother and daughter. A 45-year-old woman had a nodule. The 20-year-old daughter had "
     "one too.", "The 20-year-old daughter"),
    # a transmission from one person to another, or a family cluster, names several patients
    ("Spousal transmission of Q fever. A 52-year-old man had fever and pneumonia. His 49-year-old wife developed "
     "fever two weeks later.", "His 49-year-old wife"),
    ("A household cluster of measles. A 4-year-old boy had a rash and cough. His 7-year-old sister developed a "
     "rash a week later.", "His 7-year-old sister"),
    ("Mother-to-child transmission of syphilis. A 24-year-old woman had a genital ulcer. Her 2-month-old son "
     "presented with a rash.", "Her 2-month-old son"),
    # an elder relative named with the article and an age, presenting as a patient of a family cluster
    ("A family cluster of arsenic poisoning. The 52 year old mother vomited and had diarrhoea. The 55 year old "
     "father presented two days later with neuropathy.", "The 55 year old father"),
])
def test_a_relative_introduced_with_an_age_of_its_own_is_a_patient_of_a_report_about_several(text, heading):
    assert [s.heading for s in introduced_patients(text)] == [heading]


@pytest.mark.parametrize("text", [
    "A 6-year-old boy had a rash for three days. A week later his 3-year-old sister began to cough.",
    "A 40-year-old woman had tuberculosis. The son, aged 12, was screened and was healthy.",
    "Measles in siblings. A 6-year-old boy had a rash. His 3-year-old sister was healthy.",
    # familial cases or twin pairs of the literature make no report about several patients
    "Familial cases and twin pairs are known. A 50-year-old woman had a goitre; her 47-year-old sister, "
    "operated on in 2001, takes levothyroxine.",
    # a sibling named by birth order who carries the variant without the disease
    # a mother named in a report on mother-to-child transmission, told only as the source
    "Mother-to-child transmission of HIV. A 3-month-old boy had oral thrush. His 25-year-old mother had not "
    "received antiretroviral therapy.",
    "Deafness in siblings? A 9-year-old boy had hearing loss. His siblings were tested. The younger sister "
    "carried the same variant and had no symptoms.",
    # a newborn's parent described with an age and no presenting verb
    "Mother-to-child transmission of syphilis. A 2-month-old boy had a rash. The 24-year-old mother had an "
    "uneventful pregnancy.",
])
def test_an_aged_relative_of_a_one_patient_report_or_a_healthy_one_is_no_patient(text):
    assert introduced_patients(text) == []


def test_siblings_named_by_birth_order_as_the_subjects_of_their_sentences_open_a_row_each(nlp):
    text = ("Fatal sibling cases of a storage disease\n\nThe older brother improved on enzyme therapy but "
            "developed seizures. He died at home. The younger brother had hepatomegaly at birth and was "
            "treated with imiglucerase. He is alive.")
    assert [s.heading for s in introduced_patients(text)] == ["The older brother", "The younger brother"]
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert rows[0].outcome == "died" and "imiglucerase" in rows[1].drugs and "imiglucerase" not in rows[0].drugs


def test_twins_announced_with_their_age_and_named_by_birth_order_open_a_row_each(nlp):
    # the age of the announcement is the group's, no patient presented before the elder twin
    text = ("We describe twin brothers aged 6 years. The elder twin presented with fever and received "
            "ceftriaxone. The younger twin presented with cough and received azithromycin.")
    rows = cases(nlp, text)
    assert [(r.sex, r.drugs) for r in rows] == [("male", ["ceftriaxone"]), ("male", ["azithromycin"])]


def test_a_sibling_named_by_birth_order_alone_with_an_age_beside_it_opens_the_next_row(nlp):
    text = ("Hearing loss in sisters. We describe two sisters with the syndrome. The younger sister, now 5 years "
            "old, has never walked and had seizures. The elder, currently 8 years and 2 months old, walks and "
            "has no seizures.")
    assert [s.heading for s in introduced_patients(text)] == ["The younger sister", "The elder"]
    rows = cases(nlp, text)
    assert [r.age for r in rows] == [5, 8.17]


def test_the_first_patient_named_by_the_kin_word_its_introduced_relative_makes_it_keeps_its_age(nlp):
    text = ("Gout in a father and son. The father, aged 70, had tophi and was treated with allopurinol. "
            "Ten years later his son, then aged 41, came with a swollen toe and was given colchicine.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(70, "male"), (41, "male")]
    assert rows[0].drugs == ["allopurinol"] and rows[1].drugs == ["colchicine"]


def test_a_kin_word_with_an_owner_in_the_first_patients_part_stays_a_relatives(nlp):
    text = ("Measles in siblings. A 6-year-old boy had a rash; his father, aged 40, had no rash. "
            "A week later his 3-year-old sister began to cough.")
    rows = cases(nlp, text)
    assert [r.age for r in rows] == [6, 3]


@pytest.mark.parametrize("text, ages", [
    # a unit and a half after each number
    ("Two female siblings, aged 4½ years and 9½ years, had the same rash. Both improved.", [4.5, 9.5]),
    ("We report two brothers, aged 3.5 years and 6 years, with the same rash. Both improved.", [3.5, 6]),
    # one and the other, each with its age
    ("Two male siblings, one aged three and a half months, and the other aged nine months, had the same "
     "rash. Both improved.", [0.29, 0.75]),
])
def test_ages_listed_together_with_halves_or_one_and_the_other_give_each_row_its_own(nlp, text, ages):
    assert [r.age for r in cases(nlp, text)] == ages


def test_a_list_of_years_and_months_is_one_age_not_two(nlp):
    rows = cases(nlp, "We report two brothers with the same rash, aged 5 years and 7 months at onset. Both improved.")
    assert rows[1].age != 7 and rows[1].age != 0.58


def test_siblings_of_a_pubmed_abstract_keep_their_rows_above_the_publication_type_line(nlp):
    text = ("Fatal sibling cases of a storage disease\n\nJ Rare Dis. 2010;3:1-5.\n\nAbstract\n\nThe older brother "
            "improved on enzyme therapy but developed seizures. He died at home. The younger brother had "
            "hepatomegaly at birth and was treated with imiglucerase. He is alive.\n\nPublication types\n"
            "Case Reports\n")
    rows = cases(nlp, text)
    assert len(rows) == 2 and rows[0].outcome == "died" and rows[1].drugs == ["imiglucerase"]


def test_an_ordinal_patient_of_a_report_that_announces_as_many_opens_its_row_without_an_age(nlp):
    text = ("Abstract We report two patients with lung metastases of a skin cancer. In our first patient, a "
            "heavy smoker, the nodule was resected. Our second patient, a young never-smoker, was confirmed as "
            "having a metastasis to the liver on biopsy.")
    assert [s.heading for s in introduced_patients(text)] == ["Our second patient"]
    rows = cases(nlp, text)
    assert len(rows) == 2 and rows[1].metastasis_sites == ["liver"] and "liver" not in rows[0].metastasis_sites


def test_an_ordinal_patient_beyond_the_announced_count_or_in_a_one_patient_report_opens_nothing():
    assert introduced_patients("A 60-year-old man had a rash. The second patient in the literature, a "
                               "woman, was reported by Smith.") == []
    assert introduced_patients("We report two patients with a rash. The third patient, a woman, was "
                               "treated elsewhere.") == []


@pytest.mark.parametrize("text", [
    # twins the authors present, with words before them, or a structured aim
    "We present a rare case of MZ twin sisters who both developed AML. Twin sister A was diagnosed at the age of "
    "21 months and received a transplant. Her sister was diagnosed later.",
    "The authors present the case of extremely preterm twins with coliform sepsis. Twin 2 was ill on day 10. "
    "Twin 1 developed meningitis 34 h later.",
    "Aim: to present a clinical case of acute lymphoblastic leukemia in identical twins. The disease course of one "
    "of the brothers was characterized by relapses.",
    # twins said to share the illness
    "Extremely preterm twins who both developed sepsis in the second week are described. Twin 1 was well at first.",
    # two persons, each with an age, falling ill together
    "A 32-year-old man and his 30-year-old wife presented with fever and arthralgia after eating raw cheese. "
    "Blood cultures grew Brucella in both.",
])
def test_two_patients_named_together_open_two_rows(nlp, text):
    assert len(cases(nlp, text)) == 2


@pytest.mark.parametrize("text", [
    "A 32-year-old woman with a twin pregnancy presented with pre-eclampsia at 30 weeks. She was delivered by "
    "caesarean section.",
    "A 30-year-old man presented with fever after eating raw cheese; his wife was well.",
    "We report a case of HELLP syndrome in a 28-year-old woman pregnant with twins, delivered at 32 weeks.",
])
def test_a_twin_pregnancy_or_a_healthy_spouse_opens_no_second_row(nlp, text):
    assert len(cases(nlp, text)) == 1


@pytest.mark.parametrize("text, ages", [
    ("Two Japanese patients with gastric lymphoma underwent spontaneous regression. One was a 40-year-old woman with "
     "an ulcerating tumor. The other was a 73-year-old man who had a tumor with central ulceration.", [40, 73]),
    ("Thyroid carcinoma with metastases: two cases. Clinical case 1: In 2019, a 57 year-old woman had back pain. "
     "Clinical case 2: In 2018, a 78 year-old woman, with hypertension, had a neck mass.", [57, 78]),
])
def test_the_other_and_a_clinical_case_label_open_the_next_patients_part(nlp, text, ages):
    assert [r.age for r in cases(nlp, text)] == ages


def test_the_other_of_a_relatives_sentence_opens_no_row(nlp):
    text = "A 40-year-old woman had a goitre. Her sisters were examined: one was healthy; the other was a 35-year-old teacher."
    assert len(cases(nlp, text)) == 1


@pytest.mark.parametrize("text", [
    "Congenital hypothyroidism in twins with a rare syndrome. A pair of female twins were admitted to our neonatology "
    "unit 16 hours after delivery. Thyroid tests in the first twin were low. The second twin was treated too.",
    "Shared psychotic disorder. A 16-year-old boy who had moved to Spain with his father reported delusional ideas. "
    "His father was diagnosed as having a delusional disorder. Both patients received cognitive behavioural therapy.",
])
def test_a_pair_admitted_or_both_patients_treated_make_two_rows(nlp, text):
    assert len(cases(nlp, text)) == 2


def test_both_patients_of_the_literature_make_no_second_row(nlp):
    text = ("A 16-year-old boy reported delusional ideas and received cognitive behavioural therapy. Both patients "
            "received antipsychotics in the series reported by Smith et al. [4].")
    assert len(cases(nlp, text)) == 1


def test_ages_coordinated_in_one_sentence_give_the_rows_of_their_parts_their_ages(nlp):
    text = ("Abstract\nTwo patients with peritoneal mesothelioma misdiagnosed as ovarian carcinoma were operated on. The "
            "patients were 74 and 45 years-old at admission.\n\nCase 1\nThe first patient had ascites and a pelvic mass. "
            "\n\nCase 2\nThe second patient had abdominal pain and omental thickening.")
    assert [r.age for r in cases(nlp, text)] == [74, 45]


def test_a_case_series_in_the_title_makes_each_patient_presented_a_row():
    text = ("A 27-year-old male presented with abdominal pain and a positive NS1 antigen test. A 57-year-old "
            "female presented with one day of fever. A 35-year-old female presented with a seven-day history of fever.")
    assert [s.heading for s in introduced_patients(text, title="Unusual manifestations of dengue: a case series")] \
        == ["A 57-year-old female", "A 35-year-old female"]
    assert introduced_patients(text, title="Unusual manifestations of dengue") == []


def test_the_status_of_the_aged_relative_a_row_is_is_that_rows(nlp):
    text = ("Thallium poisoning in a family\nThree cases of thallium poisoning occurred within the same family. "
            "The 58 year old mother died after four days of cardiovascular failure. The 59 year old father "
            "presented after four days with neuropathy. He recovered after Prussian blue. The 28 year old son "
            "presented on the tenth day. He recovered uneventfully.")
    assert [(r.age, r.outcome) for r in cases(nlp, text)] == [(58, "died"), (59, "recovered"), (28, "recovered")]


def test_a_relatives_status_in_a_clause_of_its_own_stays_the_relatives(nlp):
    text = ("Measles in siblings\nWe report two siblings with measles. A 6-year-old boy, whose mother died of "
            "measles pneumonia, had a rash. His 3-year-old sister presented with cough a week later.")
    assert [r.outcome for r in cases(nlp, text)] == [None, None]


def test_a_relative_told_with_her_age_after_her_person_word_has_its_sex(nlp):
    text = ("CASE REPORTS: We report two cases of pulmonary alveolar microlithiasis; a 17-year-old girl who consulted "
            "for cough. The CT scan showed calcified micronodules. We decided to carry out a family investigation with "
            "chest radiographs. All family members had normal radiographs, except for a sister who was three years "
            "old, with no particular history. Her chest radiograph showed microcalcifications.")
    rows = report_cases(nlp, Report(name="t.txt", text=text, title="Pulmonary alveolar microlithiasis: two cases"))
    assert [(r.age, r.sex) for r in rows] == [(17, "female"), (3, "female")]
