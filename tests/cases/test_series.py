"""Multi-patient reports: patients introduced inside running text, and series announced in the
title or abstract but described together. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_announcements import announced_patients, announced_sex
from pipeline.nlp.sections.patient_labels import inline_patient_starts


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


FLAT_SERIES = (
    "Abstract We describe three women with the disorder. Patient 1 showed weakness of the arms and "
    "patient 2 of the legs. CASE REPORTS Case 1 A 9 year-old girl was admitted with weakness. "
    "She received prednisolone. Case 2 A 32 year-old woman was admitted with weakness of the legs. "
    "She was given ibuprofen. Case #3 – Weakness after surgery A 54-year-old man came with pain. "
    "He was treated with morphine. DISCUSSION As in case 2, the weakness was mild."
)


def test_headings_run_into_the_text_open_one_row_per_patient(nlp):
    rows = cases(nlp, FLAT_SERIES)
    assert [(r.age, r.sex) for r in rows] == [(9, "female"), (32, "female"), (54, "male")]
    assert [r.drugs for r in rows] == [["prednisolone"], ["ibuprofen"], ["morphine"]]


def test_a_case_number_cited_without_a_description_is_no_heading():
    text = "Case 1 A 40-year-old man. As with case #3, physicians may prescribe narcotics. Patient 2 showed no rash."
    assert [s.number for s in inline_patient_starts(text)] == [1]


@pytest.mark.parametrize("text, numbers", [
    ("In case one, a 60-year-old female patient presented with ascites. In case two, a 56-year-old woman "
     "presented with a pelvic mass.", [1, 2]),
    ("The first patient was a 47-year-old man with fever. The second patient, a 12-year-old boy, had a rash.", [1, 2]),
    ("CASE PRESENTATION Case 1: A 70 yo woman. Case 2: A 66 yo woman.", [1, 2]),
    ("A 5-year-old girl had 2 seizures. Case 2 of the series was lost.", []),
    # ordinal headings on a line of their own or run into the text; not prose that opens with one
    ("Hyponatraemia: two cases\nFirst case\nA 44-year-old man was confused.\nSecond case\nA 67-year-old woman "
     "was found unconscious.", [1, 2]),
    ("Case series\nFIRST PATIENT: A 31-year-old woman had dyspnoea.\nSECOND PATIENT: A 27-year-old woman had "
     "chest pain.", [1, 2]),
    ("Introduction\nFirst case reports of the disease described a 40-year-old man.", []),
    # numeric ordinals, as some typesetting splits them ("1 st case")
    ("Cases\n1st case\nThis patient was a 4-year-old girl with nodules.\n2nd case\nThis patient was a "
     "9-month-old boy.", [1, 2]),
    ("Cases\n1 st case\nA 6-year-old girl had joint pain.\n2 nd case\nA 3-year-old boy had a hoarse voice.", [1, 2]),
    ("Discussion\n1st case reports of the syndrome came from Japan.", []),
    # a flattened page runs its section heading into the first patient's heading
    ("Case presentation Case report 1 A 29 year old man had fever. He recovered. Case report 2 A 76 year old man "
     "had chills.", [1, 2]),
    ("Case description Case 1 A 50-year-old woman had a rash. Case 2 A 61-year-old man had a cough.", [1, 2]),
    ("Report of cases Case no. 1 A 34-year-old woman had fever. Case no. 2 A 50-year-old man had cough.", [1, 2]),
    ("In our experience case report 2 A is rare.", []),
    # the number written as a word after "Number", the age after the person ("a female patient of 36 years")
    ("Case Number One\nA female patient of 36 years attended with a rash.\n\nCase Number Two\nA female patient "
     "of 59 years was referred with visual loss.", [1, 2]),
    # ordinal and lettered headings run into a page flattened to one line
    ("We report two adults. First case A 45-year-old man had fever. He recovered. Second case A 50-year-old "
     "woman had cough.", [1, 2]),
    ("We report two adults. Patient A A 45-year-old man had fever. Patient B A 50-year-old woman had cough.", [1, 2]),
    ("Introduction. First case reports came from Japan in 1980. A 45-year-old man had fever.", []),
    ("2. Presentation of cases First patient A 74-year-old man had jaundice. Second patient A 49-year-old woman "
     "had pain.", [1, 2]),
])
def test_inline_starts(text, numbers):
    assert [s.number for s in inline_patient_starts(text)] == numbers


@pytest.mark.parametrize("title, text, count", [
    ("Two cases of granulocytosis in gastric cancer", "", 2),
    ("Kikuchi disease as a rare cause of lymphadenopathy--two cases report and review", "", 2),
    ("Atypically located hydatid cysts: four unusual case reports", "", 4),
    ("Identical clones in pediatric monozygotic twins with acute myeloid leukemia", "", 2),
    (None, "We discuss identical pair of monochorionic twin toddlers who were detected to have pallor.", 2),
    (None, "To alert clinicians, we present case reports of three siblings comprising two males and a female.", 3),
    ("Kikuchi disease – three cases and a review", "", 3),
    ("Leukemoid reaction in lung cancer: report of three cases", "", 3),
    (None, "Objective. Here we describe four young patients with lupus of the face.", 4),
    (None, "We report the first 2 cases of this tumour.", 2),
    (None, "This report details 2 cases of bilateral sarcomas.", 2),
    (None, "Here we document three siblings with the same mutation.", 3),
    (None, "We are reporting two male siblings of age 8 years and 6 years.", 2),
    # the telling's noun as the counted ones ("2 case reports of ..."), not the literature's
    (None, "Patient concerns: This article presents 2 case reports of oral ulcers caused by drugs.", 2),
    (None, "This article presents 2 case reports from the literature on oral ulcers.", 1),
    # the authors' care of their patients as the telling verb
    (None, "In the hope of new insight, we have closely observed 2 cases of psoriasis in the pustular phase.", 2),
    (None, "We have previously observed two patients with this condition. We report a 40-year-old woman.", 1),
    (None, "In this case report, two RCC patients with head and neck metastases are presented.", 2),
    (None, "Here, three HCC patients with bone metastases are described.", 3),
    (None, "Here three cases, including 17-, 20-, and 23-year-old men, who were poisoned, have been reported.", 3),
    (None, "Objective: To present and compare two fatal cases of paraquat poisoning.", 2),
    (None, "It is important to report two cases a year to the registry.", 1),
    (None, "We report the clinical cases of a brother and sister who were admitted with fever.", 2),
    (None, "Skin necrosis is rare. We have studied two patients: a 48-years old woman and a 59 years old woman.", 2),
    # counts of the literature, of organs, of lesions are no announcement
    ("Two primary cancers in one patient", "Only two cases have been reported so far.", 1),
    (None, "We report a 40-year-old woman. Three cases were published before.", 1),
    (None, "She had two lesions in both ovaries.", 1),
    (None, "In the literature, two patients with head and neck metastases are presented [4].", 1),
])
def test_announced_patients(title, text, count):
    assert announced_patients(text, title) == count


def test_a_series_described_together_gives_each_patient_the_shared_disease(nlp):
    text = ("We report two cases of adenocarcinoma of the uterine cervix with marked leukocytosis. "
            "One was treated with radiotherapy and the other with radical hysterectomy. "
            "Both patients died of disease progression within 6 months.")
    rows = cases(nlp, text, title="Two cases of cervical adenocarcinoma producing G-CSF")
    assert len(rows) == 2
    for row in rows:
        assert (row.sex, row.primary_site, row.histology) == ("female", "cervix", "adenocarcinoma")
    assert rows[0].outcome == rows[1].outcome == "died"
    assert rows[1].age is None and rows[1].drugs == []
    assert all(e.kept for e in rows[1].evidence)


def test_one_patient_stays_one_row(nlp):
    rows = cases(nlp, "A 40-year-old woman had cervical squamous cell carcinoma. Two cases were reported before.")
    assert len(rows) == 1


@pytest.mark.parametrize("text, numbers", [
    # a heading with a colon may go on in lower case
    ("Case 1: a 52-year-old woman had pain. Case 2: a 61-year-old woman had fever.", [1, 2]),
    # after a sentence end, whatever follows
    ("We saw two women. Case 1 a 52-year-old woman had pain. Case 2 a 61-year-old woman had fever.", [1, 2]),
    # a number that is a count or an age is no heading
    ("A 40-year-old man. Patient 1 of 3 was 45 years old.", []),
])
def test_inline_heading_forms(text, numbers):
    assert [s.number for s in inline_patient_starts(text)] == numbers


def test_a_status_of_both_patients_before_case_1_is_each_cases_outcome(nlp):
    text = ("Abstract\nWe describe two siblings poisoned by an insecticide. Both patients recovered fully.\n"
            "Case 1\nA 7-year-old boy was admitted with vomiting. He was given atropine.\n"
            "Case 2\nA 10-year-old girl, his sister, was admitted the same day. She was given pralidoxime.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.outcome) for r in rows] == [(7, "recovered"), (10, "recovered")]


def test_patients_under_ordinal_headings_get_a_row_each(nlp):
    text = ("First case\nA 44-year-old man was admitted with confusion after a course of desmopressin. He recovered "
            "fully.\n\nSecond case\nA 67-year-old woman with diabetes insipidus was found unconscious. She was given "
            "hypertonic saline but died two days later.")
    rows = cases(nlp, text, title="Hyponatraemia after desmopressin: two cases")
    assert [(row.age, row.sex, row.outcome) for row in rows] == [(44, "male", "recovered"), (67, "female", "died")]


def test_patients_presented_one_after_the_other_in_one_sentence_take_their_own_age_and_sex():
    from pipeline.api import report_cases
    from pipeline.ingest.report import Report
    from pipeline.nlp.build import build_nlp
    text = ("Abstract\nWe report two cases of a rare syndrome: a 27-year-old woman was admitted with colicky pain "
            "and a 41-year-old man was referred with anaemia. Both underwent surgery.")
    rows = report_cases(build_nlp(), Report(name="t.txt", text=text))
    assert [(r.age, r.sex) for r in rows] == [(27, "female"), (41, "male")]


# -- patients listed in apposition ----------------------------------------------------------------

def test_a_boy_and_his_mother_are_two_rows_with_their_own_sex(nlp):
    text = ("Familial megalencephaly. We report two cases, a boy and his mother. The boy had a large head "
            "and normal development. The mother also had a large head.")
    assert [row.sex for row in cases(nlp, text)] == ["male", "female"]


def test_cousins_a_male_and_a_female_are_two_rows(nlp):
    text = ("Summary. First cousins, a male and a female, with a new type of nail dysplasia are described. "
            "Both had thin hair and small teeth.")
    assert [row.sex for row in cases(nlp, text)] == ["male", "female"]


def test_twins_given_one_age_together_each_have_it(nlp):
    text = ("Case presentation: 41 year-old female identical twins presented with hip "
            "pain on opposite sides. MRI showed a small cyst of the femoral head in each.")
    rows = cases(nlp, text, title="Hip cysts in identical twins")
    assert [(row.age, row.sex) for row in rows] == [(41.0, "female"), (41.0, "female")]


@pytest.mark.parametrize("text, ages, sexes", [
    # told together: the co-twin whose age the text does not write has the twin's age in years
    (("Simultaneous testicular tumours in a 41-year-old set of monozygotic twin brothers are reported. Both "
      "underwent orchiectomy."), [41.0, 41.0], ["male", "male"]),
    # twins of one egg are of one sex
    (("We present monozygotic twins with cardiomyopathy who both had a cardiac arrest. A 58-year-old man "
      "collapsed while jogging and was resuscitated. His twin had died of a cardiac arrest a month before."),
     [58.0, 58.0], ["male", "male"]),
])
def test_a_co_twin_told_together_has_the_twins_age_and_sex(nlp, text, ages, sexes):
    rows = cases(nlp, text)
    assert [row.age for row in rows] == ages and [row.sex for row in rows] == sexes


@pytest.mark.parametrize("text, count", [
    ("This is the first case report of monozygotic twins with the same rare cyst.", 2),
    ("Case presentation: 27 year-old male identical twins presented with knee pain.", 2),
    ("A 30-year-old woman delivered twins at 34 weeks and had a seizure.", 1),
])
def test_twins_as_the_subject_of_the_report_are_announced(text, count):
    assert announced_patients(text) == count


# -- the cases of a counted group; a group of one sex gives every row its sex


@pytest.mark.parametrize("text, count", [
    ("The cases of the two brothers are presented. The older one had a swollen jaw.", 2),
    ("We report the cases of three sisters with the same rash.", 3),
    ("Previously, the cases of two patients were reported. We report a 40-year-old woman.", 1),
    ("The cases of two sisters [4] showed the same rash. We saw a 40-year-old woman.", 1),
])
def test_the_cases_of_a_counted_group_announce_its_patients(text, count):
    assert announced_patients(text) == count


def test_twins_named_as_a_group_of_one_sex_give_the_second_row_its_sex(nlp):
    text = ("We present a case of dizygotic male twins born at 35 weeks. Case 1: on day 12, twin A became febrile "
            "and was given ampicillin. Case 2: twin B stayed well until day 20, when fever began.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert [row.sex for row in rows] == ["male", "male"]


def test_brothers_described_together_are_both_male(nlp):
    text = ("Cherubism is rare. The cases of the two brothers are presented. Both had a swollen jaw. "
            "The older one had poor vision.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert [row.sex for row in rows] == ["male", "male"]


def test_groups_of_both_sexes_give_no_row_a_sex(nlp):
    text = ("The eight siblings were four brothers and four sisters. Case 1: the third child, aged 57 years, "
            "had a haemorrhage. Case 2: the eldest child, aged 65 years, had a haemorrhage too.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert rows[0].sex is None and rows[1].sex is None


def test_siblings_listed_with_their_ages_take_one_each(nlp):
    text = ("Cherubism is rare. The cases of the two brothers are presented. The older brother aged 15 and the "
            "younger brother aged 14 years had a swollen jaw. The parents were unaffected.")
    rows = cases(nlp, text)
    assert [(row.age, row.sex) for row in rows] == [(15, "male"), (14, "male")]


@pytest.mark.parametrize("text, expected", [
    ("We describe two siblings with xeroderma pigmentosum; an 18-year-old sister and a 16-year-old brother "
     "from consanguineous parents. Both developed skin tumours.", [(18, "female"), (16, "male")]),
    ("We experienced two cases of thyroid tuberculosis presenting as a nodule in 26 year-old female and 65 "
     "year-old female patients. Both were treated with isoniazid.", [(26, "female"), (65, "female")]),
    ("Three patients were seen in our clinic: a 64-year-old man and an 82-year-old woman with a tumour of the "
     "nasal septum, and a 72-year-old woman with a tumour of the turbinate. All underwent resection.",
     [(64, "male"), (82, "female"), (72, "female")]),
])
def test_persons_listed_each_after_an_age_take_one_each(nlp, text, expected):
    assert [(row.age, row.sex) for row in cases(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the group's sex after its ages, the unit abbreviated
    ("Here we discuss the outcomes of 4 patients who developed acute kidney injury after star fruit ingestion "
     "(ages 28, 50, 54, and 55 y; all male). Two patients needed haemodialysis.",
     [(28, "male"), (50, "male"), (54, "male"), (55, "male")]),
    # one age for a group named by a plural person word
    ("We report 2 cases of Guillain-Barre syndrome in 58-year-old men with COVID-19. Both patients developed sepsis.",
     [(58, "male"), (58, "male")]),
    ("The authors present two cases of tako-tsubo cardiomyopathy in postmenopausal women, the first after an emotional "
     "event and the second after a blood transfusion.", [(None, "female"), (None, "female")]),
    # the disease's name long before the group's sex
    ("We present 2 cases of splenic infarction due to torsion of wandering spleen requiring laparoscopic "
     "splenectomy in adolescent girls. Both were successfully treated.", [(None, "female"), (None, "female")]),
    ("We report testicular neoplasms in 21-year-old identical twin men.\n\nCase 1\nThe first twin had a painless "
     "testicular mass.\n\nCase 2\nThe second twin had a mass too.\n", [(21, "male"), (21, "male")]),
])
def test_a_group_told_with_its_ages_and_sex_gives_them_to_every_row(nlp, text, expected):
    assert [(row.age, row.sex) for row in cases(nlp, text)] == expected


def test_the_date_of_a_group_told_together_is_every_rows(nlp):
    rows = cases(nlp, "Diphtheria in siblings. Five siblings were admitted to our hospital with diphtheria on 16 July "
                      "2018. A friend of them had died of diphtheria a week before.")
    assert [row.dates for row in rows] == [["2018-07-16"]] * 5


def test_dates_told_apart_for_each_patient_stay_the_first_rows(nlp):
    rows = cases(nlp, "Two patients with brucellosis were admitted to our hospital in May 2015 and June 2016, "
                      "respectively. Both were treated with doxycycline.")
    assert len(rows) == 2 and rows[1].dates == []


def test_the_spread_said_of_all_the_patients_before_their_parts_is_every_rows(nlp):
    text = ("Cutaneous metastases of renal cell carcinoma. We present two cases of cutaneous metastases from renal "
            "cell carcinoma. The first case involves a 56-year-old man with lung metastasis who developed a nodule "
            "on his finger. The second case describes a 57-year-old man with a scalp nodule.")
    rows = cases(nlp, text)
    assert len(rows) == 2 and all("skin" in row.metastasis_sites for row in rows)


def test_a_drug_said_of_all_the_patients_before_their_parts_is_every_rows(nlp):
    text = ("Background: Valproic acid can cause hyperammonaemia. Methods: We report on two cases of psychiatric "
            "inpatients with regular VPA intake who showed hyperammonaemia. Results: In the first case, a middle-aged "
            "woman became comatose. In the second case, we observed confusion in a younger man who we treated with "
            "topiramate.")
    rows = cases(nlp, text)
    assert len(rows) == 2 and all("valproic acid" in row.drugs for row in rows)
    assert "topiramate" not in rows[0].drugs


def test_one_person_told_twice_with_her_age_gives_the_other_row_no_age(nlp):
    text = ("Organophosphate poisoning from a head-lice emulsion. A 7-year-old girl and her mother were admitted "
            "after exposure to the emulsion. The 7-year-old girl was drowsy and had miosis.")
    rows = cases(nlp, text)
    assert len(rows) == 2 and rows[0].age == 7 and rows[1].age is None


def test_a_relative_listed_with_an_age_in_a_one_patient_report_is_no_row(nlp):
    text = "A 40-year-old woman was admitted with a rash. Her brother, aged 45, had had the same rash."
    rows = cases(nlp, text)
    assert len(rows) == 1 and rows[0].age == 40


@pytest.mark.parametrize("title, text, count", [
    ("Case report: lupus in monozygotic twins with the same serology", "", 2),
    ("Progeria in siblings: a recessive pattern", "", 2),
    ("Preeclampsia in a mother of twins", "A woman delivered twins at 34 weeks.", 1),
    (None, "Here we report a pair of sibs, 6- and 2-year-old boys, with tibial defects.", 2),
    (None, "Family study. Two affected siblings, 3 asymptomatic siblings and their parents were examined.", 2),
    (None, "She has two affected sisters and a healthy brother.", 1),
    (None, "Therefore, we report here on three cases of infants weighing under 300 g.", 3),
    (None, "This is a case report on 38 year old monozygotic female twins whom presented with lupus.", 2),
    # ages with one unit after a suspended hyphen, the persons a plural noun after their sex
    (None, "Sudden deafness is rare. 45- and 52-year-old healthy male smokers noted a loss of hearing.", 2),
    (None, "6-, 9- and 11-year-old brothers presented with ataxia.", 3),
])
def test_pairs_affected_relatives_and_titles_announce_patients(title, text, count):
    assert announced_patients(text, title) == count


def test_siblings_with_a_suspended_hyphen_take_their_ages_and_the_sex_after_an_adjective(nlp):
    text = ("Case report. Here we report a pair of sibs, 6- and 2-year-old Japanese boys, with tibial "
            "hemimelia. The elder brother had a short tibia and the younger brother had no tibia.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(6, "male"), (2, "male")]


def test_a_sister_named_again_with_her_age_is_the_same_patient(nlp):
    text = ("Abstract. We describe two siblings with intellectual disability. Samples were collected from the "
            "proband, his younger sister and parents who had presented at our hospital. The proband was a "
            "12-year-old boy who had presented with language delay. His 10-year-old sister also manifested "
            "delayed motor development.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(12, "male"), (10, "female")]


NEWBORN_REPORTS = [
    # the mother's age and obstetric words are hers; the newborn is 0 at birth
    ("Extremely low birth weight in a preterm newborn: a case report",
     "Methods: A 22-year-old primipara was admitted at 24 gestational weeks. She delivered vaginally at 26 weeks "
     "a live female infant of 700 g. The child was discharged on day 50 of life in good condition.", (0, "female")),
    # a newborn presented with no age word
    ("Survivors of very low birth weight infants: case report",
     "Case: A female infant, gestational age 30 weeks, birth weight 900 g, born to a G2P1 mother with preterm "
     "labour. CPAP was given. She was discharged at 40 days.", (0, "female")),
    # the newborn's own sex word, not the mother's "woman"
    ("Covid-19 in a neonate",
     "Introduction: we present a case of Covid-19 in a newborn from an infected mother. The male neonate was "
     "born by vaginal delivery in a primiparous 31-year-old woman. He was discharged on day 20.", (0, "male")),
    # the birth told first, the mother's age at the end of its clause, the sex word after the noun
    ("Neonatal sepsis with Escherichia coli: a case report",
     "An infant female was born via spontaneous vaginal delivery at a gestational age of 36 weeks and 0 days "
     "to a 17-year-old woman (gravida 2, para 1). On day 3 she developed fever and received ampicillin.",
     (0, "female")),
    # the mother's own report: her age stays
    ("Preeclampsia with HELLP syndrome: a case report",
     "A 30-year-old primigravida at 34 weeks presented with headache and hypertension. A healthy infant was "
     "delivered by caesarean section. She recovered well.", (30, "female")),
]


@pytest.mark.parametrize("title, text, expected", NEWBORN_REPORTS)
def test_a_newborn_report_gives_the_newborn_age_0_not_the_mothers_age(nlp, title, text, expected):
    rows = cases(nlp, text, title)
    assert [(r.age, r.sex) for r in rows] == [expected]


@pytest.mark.parametrize("title, text, expected", [
    # the newborn's report: "the neonate was discharged" is the row's own status
    ("Covid-19 in a neonate", "Case presentation: The female neonate was born by vaginal delivery in a primiparous "
     "31-year-old woman. She developed cyanosis and was admitted to the NICU. On day 28 the neonate was discharged in "
     "good general condition.", "recovered"),
    # the mother's own report: the baby's death is not hers
    ("Preeclampsia with HELLP syndrome: a case report", "A 30-year-old primigravida at 26 weeks presented with "
     "headache and hypertension. The baby was delivered by caesarean section and died on day 2.", None),
])
def test_the_newborns_status_is_the_rows_only_in_the_newborns_report(nlp, title, text, expected):
    assert [r.outcome for r in cases(nlp, text, title)] == [expected]


def test_newborns_of_an_announced_series_are_0(nlp):
    text = ("We report here on three cases of low birthweight infants born at 23 weeks. The infant in case 1 died "
            "of hepatic rupture. The infant in case 2 survived. The infant in case 3 did well.")
    assert [r.age for r in cases(nlp, text, "Extremely preterm infants: case series")] == [0, 0, 0]


def test_relatives_diagnosed_together_are_a_row_each_with_their_sex(nlp):
    text = ("Case report. In this family a young girl, her father, her uncle and her grandfather were diagnosed "
            "with the deletion syndrome. The grandfather had arthritis. The girl had speech delay.")
    assert [r.sex for r in cases(nlp, text)] == ["female", "male", "male", "male"]


@pytest.mark.parametrize("text, expected", [
    # the kin words listed together, the second with no article, and what they have between
    ("Case report. A sister and brother with the storage disease are described. The former had jaundice and "
     "was treated with penicillamine. The latter was well.", [(None, "female"), (None, "male")]),
    # the kin words after the count of children
    ("Case report. We report 2 children, sister and brother admitted after eating wild mushrooms. Both "
     "recovered.", [(None, "female"), (None, "male")]),
    # the second patient opened by "Another" and an age before the person word
    ("Case report. We report two cases of pancreatic stromal tumour. A 61-year-old man had a mass in the tail "
     "of the pancreas. Another 60-year-old man underwent CT, which showed a tumour in its head.",
     [(61, "male"), (60, "male")]),
    # the group's sex named after the disease in the announcement, the second patient untold
    ("Case report. We report two cases of Merkel cell carcinoma in older men. Case 1. A 75-year-old man presented "
     "with a nodule on the ear. It was excised.", [(75, "male"), (None, "male")]),
])
def test_siblings_and_patients_told_together_are_a_row_each(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == expected


def test_relatives_of_the_patient_diagnosed_before_are_no_rows(nlp):
    text = ("Case report. A 45-year-old woman presented with fever. Her son and her husband were diagnosed with "
            "influenza a week before. She recovered.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(45, "female")]


@pytest.mark.parametrize("text, expected", [
    ("Case report. A 30-year-female presented with a rash of the face. Biopsy showed lupus.", (30, "female")),
    ("Case report. An 85-year-oldman was admitted with chest pain. The ECG showed infarction.", (85, "male")),
])
def test_a_sex_word_glued_into_the_age_gives_the_sex(nlp, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [expected]


@pytest.mark.parametrize("text, ages", [
    # "respectively" after the ages of both patients
    ("Case report. We report two patients with cervical cancer. Both patients were aged 45 and 52 years, "
     "respectively. Case 1 was treated with cisplatin. Case 2 was treated with carboplatin.", [45, 52]),
    # each age with its article
    ("Case report. We present two cases of Merkel cell carcinoma in a 80-year and a 95-year old patient.\n"
     "Case 1\nThe first patient had a nodule on the cheek.\nCase 2\nThe second patient had a nodule on the ear.\n",
     [80, 95]),
    # a counted group's ages, its rows told apart later by ordinals
    ("Case report. Two men, aged 58 and 66 years, presented with painless jaundice. In the first case, CT "
     "showed a mass in the pancreas; he received gemcitabine. In the second case, a cholangiocarcinoma was "
     "resected.", [58, 66]),
])
def test_ages_listed_together_reach_each_row_in_order(nlp, text, ages):
    assert [r.age for r in cases(nlp, text)] == ages


def test_infants_ages_in_months_each_with_a_suspended_hyphen_reach_each_row(nlp):
    text = ("Case presentation: Herein, we report a case series of 5-month-, 9-month-, and 14-month-old infants that "
            "presented with bloody diarrhoea and were diagnosed with colitis.")
    rows = cases(nlp, text, title="Infantile colitis in three infants: a case series")
    assert [r.age for r in rows] == [0.42, 0.75, 1.17]


def test_a_neonate_born_at_weeks_of_gestation_is_0(nlp):
    text = ("Case report. A male neonate was born at 35 weeks of gestation by caesarean section. Soon after birth "
            "he developed jaundice.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(0, "male")]


def test_a_neonate_whose_illness_showed_on_a_day_of_life_is_that_many_days_old(nlp):
    # the weeks of gestation are no age; the day of life the jaundice showed is (3 days: 0.01 year)
    text = ("Case report. A male neonate was born at 35 weeks of gestation by caesarean section. On day 3 of life "
            "he developed jaundice.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(0.01, "male")]


def test_an_ordinal_of_a_kin_word_is_a_birth_order_not_a_patient_number():
    from pipeline.nlp.sections.patient_introductions import introduced_patients
    text = ("Aneurysms in three siblings. We present three of eight siblings. The third sister, aged 57 years, "
            "presented with a haemorrhage.")
    assert [s.number for s in introduced_patients(text)] == [0]


def test_siblings_listed_with_birth_orders_and_ages_are_a_row_each(nlp):
    text = ("Aneurysms found in three of eight siblings are presented. The patients were the third sister, aged "
            "57 years, the eldest brother, aged 65 years, and the eldest sister, aged 72 years.")
    rows = cases(nlp, text, "Intracranial aneurysms in three siblings")
    assert [(r.age, r.sex) for r in rows] == [(57, "female"), (65, "male"), (72, "female")]


def test_the_mothers_sex_words_do_not_give_the_newborn_a_sex(nlp):
    text = ("Case report. We report a 37 weeks gestation newborn who tested positive at 24 hours of age. The mother "
            "of the index case is a 16-year-old pregnant woman who presented with rupture of membranes. She was "
            "given paracetamol.")
    assert [(r.age, r.sex) for r in cases(nlp, text, "Covid-19 in a newborn")] == [(0, None)]


def test_twins_run_into_the_text_keep_the_text_order_and_their_own_sex(nlp):
    text = ("Case presentation\nTwin B, a girl, developed fever on day 3 and received ampicillin. Twin A, a boy, "
            "developed lethargy on day 5 and received cefotaxime.\n")
    rows = cases(nlp, text, "Neonatal sepsis in twins")
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(0, "female", ["ampicillin"]), (0, "male", ["cefotaxime"])]


def test_newborn_twins_under_headings_are_0(nlp):
    text = ("Case presentation\nTwin A\nA male infant born at 34 weeks developed fever on day 3. He received "
            "ampicillin.\nTwin B\nA female infant developed lethargy on day 5. She received cefotaxime.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text, "Neonatal sepsis in twins")] == [(0, "male"), (0, "female")]


def test_adult_twins_with_no_age_are_no_newborns(nlp):
    text = ("Problem. We studied identical female twins born in 1977 with lupus and Sjogren syndrome. Twin A had "
            "cervical dysplasia; twin B had vaginal carcinoma.")
    rows = cases(nlp, text, "Autoimmune and oncological diseases in identical female twins")
    assert [r.age for r in rows] == [None, None]


def test_a_flattened_page_of_two_cases_gives_each_patient_its_own_first_sentence(nlp):
    """The title and the heading run into the first patient's sentence on a page flattened to one
    line: the title's "case reports" does not make the first patient a published one."""
    text = ("Two patients with a rare liver disease: case reports CASE PRESENTATION Case No. 1 A 74-year-old man was "
            "referred in November 2000 for liver dysfunction. He received ursodeoxycholic acid. "
            + "He was followed up in the clinic. " * 40
            + "Case No. 2 A 49-year-old woman was admitted with jaundice. She received prednisolone. "
            + "She was followed up in the clinic. " * 40)
    rows = cases(nlp, text)
    assert [(row.age, row.sex) for row in rows] == [(74, "male"), (49, "female")]
    assert rows[0].dates == ["2000-11"]


def test_the_title_of_a_page_flattened_to_one_line_still_announces_its_patients(nlp):
    # no title of its own: the opening, run into the affiliations, is read as the title would be
    page = ("Acute leukaemia in identical twins: clinical cases Affiliation: 1. Institute of Paediatric "
            "Haematology, Kazan, Russia." + " The findings were discussed by the team." * 20
            + " The twins were born at term. Both boys were treated with vincristine and both are alive.")
    rows = cases(nlp, page)
    assert len(rows) == 2 and [row.sex for row in rows] == ["male", "male"]


def test_a_flattened_opening_that_presents_a_patient_or_cites_a_report_announces_none(nlp):
    page = ("A 52-year-old man presented with fever. Related articles: Fever of unknown origin in two "
            "siblings. Brown A, Green B. Am J Med. 2011;14:22-9." + " He was treated with antibiotics." * 20)
    assert len(cases(nlp, page)) == 1


def test_announced_patients_share_the_sex_their_primary_implies(nlp):
    text = ("Prostate cancer in three patients of one town\n\nAbstract\nWe present three patients with advanced "
            "prostate cancer treated at our hospital. All had bone pain and received androgen deprivation.\n")
    rows = report_cases(nlp, Report(name="p.txt", text=text))
    assert [r.sex for r in rows] == ["male", "male", "male"]


@pytest.mark.parametrize("title, text, sex", [
    # the first announcement says no sex, a later one does
    ("Spontaneous haemopneumothorax: report of three cases", "Abstract: In this study, we reported three male "
     "cases of spontaneous haemopneumothorax.", "male"),
    (None, "We report three female patients with lupus of the face.", "female"),
    ("Spontaneous haemopneumothorax: report of three cases", "Abstract: We report three cases.", None),
])
def test_the_sex_of_the_announced_group(title, text, sex):
    assert announced_sex(text, title) == sex


def test_the_one_age_all_the_patients_presented_at_is_each_rows(nlp):
    text = ("We describe three children with familial medulloblastoma. Two siblings of different sex and a cousin "
            "presented at exactly the same age of 18 months. All underwent resection and chemotherapy.")
    assert [r.age for r in cases(nlp, text)] == [1.5, 1.5, 1.5]
