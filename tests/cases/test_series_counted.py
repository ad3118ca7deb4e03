"""A report that counts its patients as a group ("Two inpatients of one ward died", "A cluster
of 5 family members ... were hospitalized", "We report the story of two newborns", "We report a
married couple ...") gets a row per patient; what the counting sentence tells of the group is
every patient's. Counts of the literature's patients are none. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_announcements import announced_patients, counted_subject


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


@pytest.mark.parametrize("text, count", [
    ("Abstract\nThree outpatients of a dialysis unit developed fever within one week. Blood cultures grew Serratia.", 3),
    ("A group of four family members, a father and three daughters, were admitted with vomiting after a meal.", 4),
    ("Mushrooms are often mistaken. Two adolescents from a boarding school were hospitalized with liver failure.", 2),
    ("Rare presentations are reviewed. Three cases of this tumour, in the lung, the liver and the skin respectively, "
     "are described.", 3),
    ("Such lesions are rare. Two cases of sarcoidosis which were first seen as skin nodules, in the scalp and the "
     "shin respectively, are presented.", 2),
    ("We report the stories of two neonates who were born with blisters.", 2),
    ("We describe here the course of three toddlers who swallowed button batteries.", 3),
    ("We report here an elderly couple who developed botulism after eating home-canned beans.", 2),
    ("We present a husband and wife with simultaneous legionellosis.", 2),
    ("Here, the authors report a series of four children (three boys and a girl) who swallowed magnets.", 4),
    ("Pancreatitis after mumps: report of three adolescents.", 3),
    ("The present study reports two cases of gout in young women.", 2),
    ("The current report describes three brothers with the same myopathy.", 3),
    ("Herein, the authors present two infants with congenital syphilis.", 2),
    # the authors' verb of meeting the patients
    ("The authors have encountered two cases of spinal cord metastasis of small cell lung carcinoma.", 2),
    ("We experienced three patients with cholera after a flood.", 3),
    # a bracket between the count and the persons' word
    ("Case series We present three genetically confirmed (MT-ND1:m.3700G>A, MT-ND6:m.14484T>C and "
     "MT-ND4:m.11778G>A) patients with subacute vision loss.", 3),
])
def test_a_counted_group_of_patients_announces_them(text, count):
    assert announced_patients(text) == count


@pytest.mark.parametrize("text", [
    "Only two inpatients have been described with this complication. A 50-year-old man presented with fever.",
    "This tumour is rare. Three cases of it were described in 1990. We present a 61-year-old woman.",
    "Two outpatients developed the same reaction in an earlier series [4]. A 44-year-old man was admitted.",
    "A 30-year-old woman presented with fever. Her two children had been ill the week before.",
    "In a series of five patients, the drug was stopped. We present a 61-year-old man with gout.",
    "Magnets were removed endoscopically in a series of four children [7]. A 6-year-old boy swallowed two magnets.",
    "This case report describes a 40-year-old woman whose two children had measles.",
    "We encountered a 50-year-old man whose two sons had the same rash.",
])
def test_counts_of_other_people_announce_nobody(text):
    assert announced_patients(text) == 1


def test_a_sentence_opening_on_the_group_is_about_every_patient():
    assert counted_subject("Two toddlers of the same nursery died of sepsis.") == 2
    assert counted_subject("A cluster of 3 family members, a mother and two sons, were hospitalized.") == 3
    assert counted_subject("Two toddlers had been reported before.") == 0
    assert counted_subject("The two toddlers were siblings.") == 0


def test_what_the_counting_sentence_tells_is_each_patients(nlp):
    text = ("Abstract\nTwo inpatients of a surgical ward died after an infusion. Contamination of the "
            "infusion bags with Klebsiella was confirmed. Precautions were taken on the ward afterwards.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert [r.outcome for r in rows] == ["died", "died"]


def test_a_counted_cluster_gets_a_row_per_member(nlp):
    text = ("A cluster of 4 family members, a grandmother and 3 grandchildren, were hospitalized with "
            "influenza pneumonia. Oseltamivir was given to the household contacts.")
    assert len(cases(nlp, text)) == 4


def test_spouses_reported_together_get_a_row_each_with_their_age(nlp):
    text = ("Background: Two spouses with the same rare disease are seldom seen. We report here a married "
            "couple who developed myasthenia gravis within a year. Results: The husband is a 66 y.o. man who "
            "developed ptosis in March of 2019. He was treated with pyridostigmine. His wife was a 63 y.o. "
            "woman who began to have diplopia in 2020. She received prednisone.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(66, "male"), (63, "female")]
    assert rows[0].drugs == ["pyridostigmine"]
    assert rows[1].drugs == ["prednisone"]


def test_one_patient_report_mentioning_her_husband_keeps_one_row(nlp):
    text = ("A 52-year-old woman presented with fever and jaundice. Her husband was a 55-year-old man who "
            "had been treated for hepatitis B. She received entecavir and recovered.")
    rows = cases(nlp, text)
    assert len(rows) == 1
    assert (rows[0].age, rows[0].sex) == (52, "female")


def test_a_series_of_both_sexes_gives_nobody_the_sex_of_its_larger_part(nlp):
    text = ("Here, the authors report a series of three patients (one male and two females) who developed "
            "a second and a third primary cancer. All were treated by a multidisciplinary board.")
    rows = cases(nlp, text)
    assert len(rows) == 3
    assert [r.sex for r in rows] == [None, None, None]


@pytest.mark.parametrize("counted", ["There were two males and one female.", "They were 2 women and 1 man."])
def test_the_last_of_a_group_counted_by_sex_is_nobodys_sex(nlp, counted):
    text = (f"Three cases of hepatoblastoma treated at our centre were reviewed. {counted} The ages of the "
            "patients were 2, 3 and 5 years. All received cisplatin.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(2, None), (3, None), (5, None)]


def test_a_series_of_one_sex_gives_every_row_its_sex(nlp):
    text = ("We report a series of three women who developed a second and a third primary cancer. "
            "All were treated by a multidisciplinary board.")
    assert [r.sex for r in cases(nlp, text)] == ["female", "female", "female"]


@pytest.mark.parametrize("text", [
    # the patient presented first, then a review counts other patients
    "A 45-year-old man presented with rectal bleeding and a rectal adenocarcinoma was resected. Five patients "
    "received cyclophosphamide, three of whom achieved remission; four died of the disease.",
    # a count under the discussion's heading
    "We report a case of cardiac metastasis of a cervical cancer.\nDISCUSSION\nWe found 14 published cases. Five "
    "patients received cyclophosphamide; four died of the disease.",
])
def test_a_count_after_the_patient_or_in_the_discussion_opens_no_rows(nlp, text):
    assert len(cases(nlp, text)) == 1


def test_a_brother_announced_but_told_by_no_part_takes_the_familys_sex_and_cancer(nlp):
    # the third brother's paragraph is cut off: his row still shows the report's disease and the brothers' sex
    text = ("We treated a family of 3 brothers with prostate cancer.\nCase 1\nThe first brother was diagnosed at "
            "the age of 68 years with a PSA of 12.7 ng/ml and underwent radical prostatectomy for prostate cancer.\n"
            "Case 2\nThe third brother was diagnosed at the age of 61 years with prostate cancer and underwent "
            "radical prostatectomy.\n")
    rows = cases(nlp, text, title="Familial prostate cancer in three brothers")
    assert [(r.sex, r.primary_site) for r in rows] == [("male", "other")] * 3


def test_the_series_disease_the_title_names_goes_to_the_row_that_reads_none(nlp):
    # the father's lung cancer beside the mother's mesothelioma: the title says which is the family's
    text = ("Patient 1, the father, worked as a pipe insulator. Asbestosis was diagnosed at age 60 years, and "
            "adenocarcinoma of the lung was found in 1977.\nPatient 2, the mother, was in good health until a pleural "
            "effusion developed at age 50 years; pleural biopsy showed mesothelioma.\nPatient 3, the daughter, was "
            "seen at age 30 years for chest pain.\n")
    rows = cases(nlp, text, title="Familial mesothelioma after asbestos exposure at home")
    assert [(r.primary_site, r.histology) for r in rows] == [
        ("lung", "adenocarcinoma"), ("pleura", "mesothelioma"), ("pleura", "mesothelioma")]


def test_a_count_in_a_reference_with_its_year_in_brackets_announces_no_one(nlp):
    # a reference list with no heading: "... - A report of four cases. Indian J Cancer (1993). 30(3): 146-150."
    title = "Gastric cancer found in the marrow"
    text = (f"{title}\n\nHerewith we present a case of 50 year old male who presented with fever. Bone marrow biopsy "
            "showed metastatic carcinoma.\n\nRao KM, Shah VS. Unusual bone metastasis of gastric cancer - A report of "
            "four cases. Indian J Cancer (1993). 30(3): 146-150.\n")
    rows = report_cases(nlp, Report(name="t.txt", text=text, title=title))
    assert len(rows) == 1 and "bone" not in rows[0].metastasis_sites


def test_a_structured_abstracts_description_of_three_case_reports_counts_three(nlp):
    text = ("Tuberculous meningitis in infants: case reports\n\nCase presentation: Description of three case "
            "reports. The patients of 10-month-old, 8-month-old, and 4-year-old male infant presented with "
            "convulsions and prolonged fever.\n")
    assert announced_patients(text) == 3
    assert [r.age for r in cases(nlp, text)] == [0.83, 0.67, 4]


def test_a_title_about_delivering_a_baby_is_the_mothers_report(nlp):
    title = "Ruptured ectopic in heterotopic pregnancy: management and delivery of a live baby at term"
    text = (title + "\n\nWe present Mrs. A, a 29-year-old primigravida with a heterotopic pregnancy at 7 weeks. After "
            "laparotomy the pregnancy was carried to term, and she delivered a live male baby.\n")
    rows = cases(nlp, text, title=title)
    assert [(r.age, r.sex) for r in rows] == [(29, "female")]


def test_the_date_a_count_of_cases_occurred_before_their_parts_is_every_rows(nlp):
    text = ("Endocarditis in adults with repaired heart disease: two cases\n\nMethods: Two cases of IE were observed "
            "in 2019. The first case involved a 36-year-old woman with a repaired defect. The second case involved "
            "a 28-year-old woman. Both received vancomycin.\n")
    assert [(r.age, r.dates) for r in cases(nlp, text)] == [(36, ["2019"]), (28, ["2019"])]


def test_a_drug_said_of_one_patient_of_the_group_is_no_rows(nlp):
    text = ("Pheochromocytoma crisis: two patients\n\nWe report two patients with pheochromocytoma crisis. Although "
            "hypertension was controlled in both patients with phenoxybenzamine, phentolamine (1 patient) and "
            "nitroprusside, both patients deteriorated rapidly.\n")
    assert [r.drugs for r in cases(nlp, text)] == [["nitroprusside", "phenoxybenzamine"]] * 2


@pytest.mark.parametrize("said", [
    "We report three cases of neuroleptic malignant syndrome; one following levodopa withdrawal, two related to neuroleptics.",
    "All three patients were given dantrolene and recovered and, in two, bromocriptine appeared to shorten the course.",
])
def test_a_drug_of_a_clause_told_of_some_of_the_group_is_not_every_rows(nlp, said):
    text = (f"Neuroleptic malignant syndrome: three cases\n\n{said}\n\nCase 1\nA 34-year-old man presented with "
            "rigidity and fever.\n\nCase 2\nA 51-year-old woman presented with fever.\n\nCase 3\nA 29-year-old man "
            "presented with confusion.\n")
    rows = cases(nlp, text)
    assert len(rows) == 3 and not any(drug in row.drugs for row in rows[1:] for drug in ("levodopa", "bromocriptine"))


def test_a_clause_counting_all_the_patients_gives_its_drugs_to_every_row(nlp):
    text = ("Kaposi sarcoma after renal transplantation: three cases\n\nCases: Three kidney transplant recipients aged "
            "43, 50 and 53 who had been treated with ciclosporin and mycophenolate mofetil presented with purple skin "
            "lesions.\n")
    assert [r.drugs for r in cases(nlp, text)] == [["ciclosporin", "mycophenolate mofetil"]] * 3


def test_the_date_opening_a_sentence_about_the_group_is_every_rows_though_one_is_set_apart_later(nlp):
    text = ("Amanita poisoning: a case series\n\nIn March 2019, three patients ate wild mushrooms, and one of them "
            "received a liver transplant. Case 1 was a 41-year-old man. Case 2 was a 38-year-old woman. Case 3 was "
            "a 29-year-old woman.\n")
    assert [r.dates for r in cases(nlp, text)] == [["2019-03"]] * 3


def test_dates_given_respectively_are_not_every_rows(nlp):
    text = ("Amanita poisoning: a case series\n\nThree patients were admitted in March 2019, April 2019 and May 2019 "
            "respectively. Case 1 was a 41-year-old man. Case 2 was a 38-year-old woman. Case 3 was a 29-year-old "
            "woman.\n")
    assert not any(r.dates == ["2019-03", "2019-04", "2019-05"] for r in cases(nlp, text)[1:])


def test_clinical_observations_announce_their_patients_and_sex(nlp):
    # "clinical observations" for cases, as abstracts of Eastern European journals write; "The article" as the
    # authors' subject
    text = ("Lupus erythematosus is a multisystemic connective tissue disease. The article presents two clinical "
            "observations of male patients with systemic lupus erythematosus, the diagnosis of which could not "
            "have been established for several years.")
    assert [r.sex for r in cases(nlp, text)] == ["male", "male"]


def test_ages_listed_with_commas_only_and_a_part_of_one_sex(nlp):
    # "(23, 25, 27, 28 years)" gives each of the four its age in order; "all three women" of four patients
    # gives no row its sex
    text = ("We report on the clinical course of four patients (three female and one male) with non-resectable "
            "gastric cancer diagnosed under the age of 29 years (23, 25, 27, 28 years). Prior to diagnosis, all "
            "three women had recently been pregnant.")
    rows = cases(nlp, text)
    assert [r.age for r in rows] == [23, 25, 27, 28]
    assert [r.sex for r in rows][1:] == [None, None, None]


@pytest.mark.xfail(reason="the first row keeps the sex the one-patient reading took from \"all three women\"; "
                          "a part of the group is not yet told from the whole there", strict=True)
def test_a_part_of_one_sex_gives_the_first_row_no_sex_either(nlp):
    text = ("We report on the clinical course of four patients (three female and one male) with non-resectable "
            "gastric cancer diagnosed under the age of 29 years (23, 25, 27, 28 years). Prior to diagnosis, all "
            "three women had recently been pregnant.")
    assert cases(nlp, text)[0].sex is None
