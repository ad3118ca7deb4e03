"""Reports of several patients whose shared disease or count is told once, in the title or in an
announcing sentence: twins in a title set in title case, the count after "the features and
outcome between", the title's disease for a later patient's part, sisters told apart by birth
order. Texts written for these tests."""
import tempfile
from pathlib import Path

import pytest

from pipeline.api import report_cases
from pipeline.ingest.reader import read_report
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def rows(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


def test_a_title_case_title_on_twins_with_its_full_stop_counts_two(nlp):
    text = ("Bilateral Retinoblastoma in Identical Twins.\n\nAbstract:\nTheir mother noticed that the elder sister "
            "gazed upward. We found retinoblastoma in both eyes, and the younger sister had the same fundus. We "
            "enucleated both eyes of the elder sister.")
    found = rows(nlp, text)
    assert [(c.sex, c.primary_site, c.histology) for c in found] == [("female", "other", "retinoblastoma")] * 2  # the eye is no part of the orbit (sites.tsv)


def test_a_sentence_that_ends_on_twins_is_no_title(nlp):
    text = ("A 30-year-old woman was admitted at 34 weeks with pre-eclampsia.\nShe was delivered of healthy "
            "twins.\nShe recovered well.")
    assert len(rows(nlp, text)) == 1


def test_the_count_after_the_features_and_outcome_between(nlp):
    text = ("Abstract\nWe report the different presentation features and clinical outcome between two identical "
            "infant twins with acute lymphoblastic leukaemia. One twin relapsed and died, but the other is in "
            "complete remission 4 years after diagnosis.")
    found = rows(nlp, text)
    assert [c.histology for c in found] == ["acute lymphoblastic leukemia"] * 2
    assert [c.outcome for c in found] == ["died", "complete remission"]


@pytest.mark.parametrize("second, expected", [
    # the later part names no disease: the title's
    ("In the second case a 56-year-old man was diagnosed with a mass of the pancreas and underwent surgery.",
     ("lung", "squamous cell carcinoma")),
    # the later part names its own
    ("In the second case a 56-year-old man had a breast adenocarcinoma resected.", ("breast", "adenocarcinoma")),
])
def test_the_titles_disease_is_a_later_parts_when_no_text_precedes_the_first(nlp, second, expected):
    title = "Gastrointestinal solitary metastases from squamous cell lung cancer"
    text = (title + "\nMetastases of lung carcinoma to the bowel are rare. Here, we present two cases. In the first "
            "case a 69-year-old woman was diagnosed with squamous cell carcinoma of the right upper lobe in "
            "October 2005. Colonoscopy showed a metastasis. " + second)
    found = rows(nlp, text, title=title)
    assert len(found) == 2
    assert (found[1].primary_site, found[1].histology) == expected


def test_a_second_person_who_had_a_finding_opens_the_next_patient(nlp):
    text = ("We report 2 cases of pancreatic endocrine tumors that obstructed the main pancreatic duct. A 49-year-old "
            "asymptomatic man was referred because the duct was dilated on ultrasonography. Pancreaticoduodenectomy "
            "revealed a 5 mm serotonin-positive endocrine tumor. A 32-year-old asymptomatic man had elevated serum "
            "amylase and a dilated duct. Resection of the middle part of the pancreas revealed a serotonin-positive "
            "endocrine tumor of 5 mm. Small pancreatic endocrine tumors may thus obstruct the duct.")
    found = rows(nlp, text)
    assert [(c.age, c.sex, c.primary_site, c.histology) for c in found] == [
        (49, "male", "pancreas", "neuroendocrine tumor"), (32, "male", "pancreas", "neuroendocrine tumor")]


def test_relatives_listed_after_a_count_of_patients_are_the_patients(nlp):
    text = ("Malignant lymphoma occurring in a family\nThree patients, a 57-year-old man, his 60-year-old sister, and "
            "81-year-old mother, developed non-Hodgkin's lymphoma within an interval of 12 months.")
    assert [(c.age, c.histology) for c in rows(nlp, text)] == [
        (57, "non-hodgkin lymphoma"), (60, "non-hodgkin lymphoma"), (81, "non-hodgkin lymphoma")]


@pytest.mark.parametrize("text, count", [
    # affected relatives counted, and ages listed
    ("Abstract\nIntracranial aneurysms found in three out of eight siblings in one family are presented, with a "
     "review of the literature.", 3),
    ("Multiple myeloma is rare in families. Herein we present a family with 3 affected cases in an autosomal "
     "dominant pattern.", 3),
    ("Steroid-resistant nephrotic syndrome is rare. Herein, an Iranian family is presented here with three affected "
     "children with nephrotic syndrome.", 3),
    ("Background. Wilson's disease is rare.\n25-year-old and 22-year-old young women (siblings) presented with "
     "difficulty keeping balance.", 2),
    # the literature's affected relatives are no announcement
    ("A 40-year-old man presented with headache. Aneurysms were found in three of five siblings in the family "
     "reported by Smith.", 1),
    # a count told with an apposition or after "in this paper"
    ("An event of consecutive bites on two men by one snake was observed. Two brothers, working in their restaurant, "
     "were successively bitten by the same cobra on their lower limbs. Both received antivenom.", 2),
    ("Familial Hodgkin's disease is rare. We report in this paper two siblings presenting with Hodgkin's disease at the "
     "same time.", 2),
    # the patients whose courses or features are presented
    ("Homozygous familial hypercholesterolemia is rare. The clinical courses of a pair of siblings with an identical "
     "genotype were analyzed. The older sibling was diagnosed at the age of 4.", 2),
    ("Neuroblastoma is usually sporadic. The clinical features of these four patients and a discussion of genetic "
     "aspects are included in this report.", 4),
])
def test_the_patients_a_report_counts_get_a_row_each(nlp, text, count):
    assert len(rows(nlp, text)) == count


def test_relatives_listed_with_ages_over_several_sentences_take_them_in_order(nlp):
    text = ("Abstract\nIntracranial aneurysms found in three out of eight siblings in one family are presented. "
            "Patients suffering from subarachnoid hemorrhage were the third sister, aged 57 years, and the eldest "
            "brother, aged 65 years. They were treated by clipping. The eldest sister, aged 72 years, had an "
            "unruptured aneurysm.")
    assert [(c.age, c.sex) for c in rows(nlp, text)] == [(57, "female"), (65, "male"), (72, "female")]


@pytest.mark.parametrize("text, count", [
    ("Main Article Content\nHoloprosencephaly in identical twin neonates: An extremely rare case report\nAbstract\n"
     "The twins were delivered preterm. Twin one was microcephalic, while twin two had hydrocephalus.", 2),
    ("Simultaneous cancer of the pancreas occurring in husband and wife.\nThe simultaneous occurrence of cancer of "
     "the pancreas in husband and wife is reported.", 2),
])
def test_a_title_under_page_furniture_or_of_a_married_couple_counts_its_patients(nlp, text, count):
    assert len(rows_read(nlp, text)) == count


def rows_read(nlp, text):
    """The rows of ``text`` saved as a file and read as the command line reads it (title included)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text(text, encoding="utf-8")
        return [case for report in read_report(str(path)) for case in report_cases(nlp, report)]


def test_a_series_told_in_short_by_ordinals_opens_a_row_per_patient(nlp):
    text = ("Chondrosarcoma of the pelvis is difficult to treat. We report 3 patient with chondrosarcoma in the pelvic "
            "region. First patient, male 28 y.o. with chondrosarcoma in the left iliac wing. Second, woman, 47 y.o "
            "with chondrosarcoma in the right pubic rami. Last patient, pregnant woman 22 y.o. with chondrosarcoma "
            "in the right pubic rami.")
    assert [(c.age, c.sex) for c in rows(nlp, text)] == [(28, "male"), (47, "female"), (22, "female")]


def test_a_second_point_of_an_argument_is_no_patient(nlp):
    text = ("A 45-year-old woman had a chondrosarcoma of the pelvis. First, surgery is the mainstay of treatment. "
            "Second, wide margins are needed.")
    assert len(rows(nlp, text)) == 1


def test_the_first_named_by_its_order_before_the_second_case(nlp):
    text = ("Abstract\n2 cases are presented of cerebral venous thrombosis in women using oral contraceptives. The "
            "first was 35-year-old with 5 children. She died 1 week later. The second case was a 27-year-old mother "
            "of 3 who had been taking norethindrone and mestranol for 12 days. She gradually improved.")
    assert [(c.age, c.outcome) for c in rows(nlp, text)] == [(35, "died"), (27, "recovered")]


def test_persons_listed_with_ages_after_them_give_the_rows_without_one_theirs(nlp):
    text = ("Familial Hodgkin lymphoma is rare. Materials and Methods: Two siblings, a girl 15-year old and a boy "
            "25-year old, presented with Hodgkin lymphoma, stage III.")
    assert [c.age for c in rows(nlp, text)] == [15, 25]


def test_all_patients_were_male_gives_every_row_its_sex(nlp):
    text = ("Abstract\nWe describe 3 patients with delayed encephalopathy after carbon monoxide poisoning treated with "
            "hyperbaric oxygen. All patients were male and around 50 years old.")
    assert [c.sex for c in rows(nlp, text)] == ["male", "male", "male"]


@pytest.mark.parametrize("text, ages", [
    # ages told in order for patients told together, one per row
    ("Two Cases of Intravascular Lymphoma\nTwo women, 56 years old (patient 1) and 59 years old (patient 2), had a "
     "month of fever. Both had ground-glass opacities on CT.", [56, 59]),
    # a third age (an earlier event's, another person's) makes the order no listing: the rows keep what they read
    ("Two Cases of Intravascular Lymphoma\nTwo women, 56 years old (patient 1) and 59 years old (patient 2), had a "
     "month of fever. The daughter of patient 1, 30 years old, brought her in.", [56, None]),
])
def test_the_patients_distinct_ages_in_order_give_rows_without_one_theirs(nlp, text, ages):
    assert [c.age for c in rows(nlp, text, title=text.split("\n")[0])] == ages


@pytest.mark.parametrize("text, expected", [
    # the disease every other row reads, in a report whose opening names a cancer
    ("Background: Wilms' tumor is rare in adults. Case 1: A 35-year-old man had a renal mass; nephrectomy showed "
     "nephroblastoma. Case 2: A 42-year-old woman had flank pain and underwent nephrectomy.",
     [("kidney", "nephroblastoma"), ("kidney", "nephroblastoma")]),
    # an opening about no cancer: a patient's own cancer is not the other's
    ("Two Types of Necrotizing Fasciitis\nCase 1\nA 62-year-old woman had fasciitis of the leg.\nCase 2\nA "
     "50-year-old man had fasciitis of the thigh; a biopsy of his chronic ulcer showed squamous cell carcinoma of the "
     "skin.\n", [(None, None), ("skin", "squamous cell carcinoma")]),
])
def test_a_row_that_reads_no_disease_shares_the_others_when_the_opening_names_a_cancer(nlp, text, expected):
    assert [(c.primary_site, c.histology) for c in rows(nlp, text)] == expected


def test_times_after_an_event_or_spells_are_no_ages(nlp):
    text = ("We describe two cases of umbilical metastases of ovarian cancer. Two patients with ovarian cancer were "
            "followed up after debulking surgery. An umbilical nodule was noted 8 years and 3 years, respectively, "
            "after the initial operation. Both patients have been in complete remission for 22 months and 12 months, "
            "respectively.")
    assert [c.age for c in rows(nlp, text)] == [None, None]


def test_cases_labelled_in_a_paragraph_with_ages_written_y_old(nlp):
    text = ("Abstract\nBackground: Pertussis can be deadly in infants.\nCase Description: Case 1: A 32 y old, at 18 w "
            "of pregnancy, presented with cough for 2 w. Her symptoms resolved upon discharge. Case 2: A 27 y old, "
            "pregnant at 38 w, presented with cough for 3 w. Case 3: A 30 y old woman, 36 w pregnant, presented with "
            "sore throat.\nDiscussion: Pertussis in pregnancy is underdiagnosed.")
    assert [c.age for c in rows(nlp, text)] == [32, 27, 30]


def test_relatives_labelled_by_number_are_the_patients(nlp):
    text = ("Familial Hodgkin's disease in two siblings\nWe report in this paper two siblings presenting with "
            "Hodgkin's disease at the same time.\nSibling 1: A 14-year-old male child had fever for 4 years. Biopsy "
            "of a cervical node showed Hodgkin's disease.\nSibling 2: A 10-year-old girl had cervical "
            "lymphadenopathy for 6 months.\n")
    assert [c.age for c in rows(nlp, text)] == [14, 10]
