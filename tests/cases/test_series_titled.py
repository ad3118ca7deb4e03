"""Reports of several patients whose shared disease or count is told once, in the title or in an
announcing sentence: twins in a title set in title case, the count after "the features and
outcome between", the title's disease for a later patient's part, sisters told apart by birth
order. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
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
    assert [(c.sex, c.primary_site, c.histology) for c in found] == [("female", "orbit", "retinoblastoma")] * 2


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
