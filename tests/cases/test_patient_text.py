"""Which text is the reported patient's (issue 11, class 1): a row is never left empty because
page furniture or a misread heading stands before the patient's paragraph, and the drugs of the
discussion and of the literature stay out. Texts written for these tests."""
import pytest
from case_helpers import nlp, row  # noqa: F401 (nlp: the shared fixture)

from pipeline.cases.mentions import Mention
from pipeline.cases.patients import about_patient

FURNITURE_FIRST = """Leiomyosarcoma of the uterus: a case report
Author information
Jane Roe, John Doe
Department of Gynecology, City Hospital, Springfield
Correspondence Address: Dr Jane Roe, City Hospital, Springfield
Source of Support: Nil, Conflict of Interest: None
Rights and Permissions
A 52-year-old woman presented with abdominal pain and a pelvic mass.
She underwent total abdominal hysterectomy and received doxorubicin.
Discussion
Gemcitabine and docetaxel have been reported to be active in this disease [4].
"""


def test_patient_paragraph_after_page_furniture_fills_the_row(nlp):
    case = row(nlp, FURNITURE_FIRST)
    assert (case.age, case.sex) == (52, "female")
    assert case.drugs == ["doxorubicin"]


STRUCTURED_ONE_PARAGRAPH = (
    "Early recurrence of cervical adenocarcinoma: a case report\n"
    "Rationale: Chemoradiotherapy is standard for patients with early stage cervical cancer. "
    "Patient concerns: A 48-year-old woman presented with vaginal bleeding. "
    "Diagnosis: Cervical adenocarcinoma. Interventions: She received cisplatin. "
    "Lessons: Bone nodules after treatment need a biopsy.\n"
)


def test_structured_abstract_in_one_paragraph(nlp):
    case = row(nlp, STRUCTURED_ONE_PARAGRAPH)
    assert (case.age, case.sex) == (48, "female")
    assert case.drugs == ["cisplatin"]


FLATTENED_PAGE = (
    "Gastric lymphoma in a young man: case report | Journal of Case Reports Skip to content Menu "
    "Table of Contents Abstract Background Case presentation Discussion Conclusions References "
    "Case report Open Access Gastric lymphoma in a young man Received: 1 May 2010 "
    "Abstract Background Gastric lymphoma is rare. Case presentation We describe a 31-year-old man with "
    "epigastric pain. Conclusions Endoscopy helps. Keywords Lymphoma Stomach Rituximab Background "
    "Gastric lymphoma accounts for a small share of gastric tumours [ 1 ]. Case presentation A 31-year-old "
    "man presented with epigastric pain and weight loss. He was treated with rituximab and recovered. "
    "Discussion Surgery has been replaced by chemotherapy. Cyclophosphamide and vincristine are usually "
    "combined with prednisone. Conclusions Endoscopy helps. References Lee K: Gastric lymphoma. Gut 2001, "
    "48: 1-5. " + "Download citation Share this article " * 60
)


def test_discussion_drugs_of_a_flattened_page_stay_out(nlp):
    case = row(nlp, FLATTENED_PAGE)
    assert (case.age, case.sex) == (31, "male")
    assert case.drugs == ["rituximab"]


def test_fallback_keeps_the_demographics_paragraph(nlp):
    text = ("Funding\nThis work had no funding.\nThe patient was a 71-year-old man with fever, treated with "
            "ceftriaxone.\nDiscussion\nFever is common in such patients [1].\n")
    case = row(nlp, text)
    assert (case.age, case.sex) == (71, "male")
    assert case.drugs == ["ceftriaxone"]


def mention(section, subject, group="drugs", negated=False):
    return Mention(group, "DRUG", None, "x", 0, 1, "x", 0, section, 0, subject, negated=negated)


@pytest.mark.parametrize("section, subject, kept", [
    ("case", "probable", True),
    ("case", "other", False),  # literature cited in the case description
    ("case", "generic", False),
    ("discussion", "probable", False),
    ("discussion", "patient", True),  # "our patient received ..."
    ("furniture", "patient", False),
    ("references", "patient", False),
    ("front", "unknown", True),
])
def test_about_patient(section, subject, kept):
    assert about_patient(mention(section, subject)) is kept


# The same patient whatever page it is printed on (scripts/perturb_check.py). Texts written for
# these tests.
def test_case_split_over_subheadings_tells_one_story(nlp):
    """A remission told under "Treatment" is undone by the recurrence told under "Outcome and
    follow-up", as it is when the case stands under one heading."""
    body = ("A 58-year-old woman with squamous cell carcinoma of the cervix, FIGO stage IIB, was treated "
            "with cisplatin and pelvic radiotherapy.\nShe achieved a complete remission.\n"
            "Ten months later, metastases to the liver were found.")
    one = row(nlp, "Cervical cancer: a case report\nCase presentation\n" + body)
    split = row(nlp, "Cervical cancer: a case report\nCase presentation\n" + body.replace(
        "\nShe achieved", "\nTreatment\nShe achieved").replace("\nTen months", "\nOutcome and follow-up\nTen months"))
    assert split.outcome == one.outcome
    assert split.outcome != "complete remission"


def test_case_under_a_heading_the_list_does_not_know(nlp):
    case = row(nlp, "Hepatic abscess in a young adult\nIntroduction\nLiver abscesses are uncommon [1]. "
                    "Metronidazole and ceftriaxone are the usual treatment.\nClinical vignette\n"
                    "A 29-year-old man was admitted with fever.\nAn abscess was drained and he received "
                    "piperacillin-tazobactam.\nDiscussion\nSmith et al. reported a 45-year-old woman who died [2].")
    assert (case.age, case.sex) == (29, "male")
    assert "piperacillin" in case.drugs and "metronidazole" not in case.drugs
    assert case.outcome != "died"


def test_citation_marker_in_the_case_description_keeps_the_drug(nlp):
    case = row(nlp, "Pulmonary hypertension: a case report\nCase presentation\nA 34-year-old woman had dyspnoea.\n"
                    "Treatment with bosentan was initiated [4].\nShe was also given sildenafil [5].")
    assert {"bosentan", "sildenafil"} <= set(case.drugs)


def test_a_differential_weighed_in_the_discussion_is_not_the_patients_diagnosis(nlp):
    case = row(nlp, "Fever of unknown origin\nCase presentation\nA 37-year-old man had fever for six weeks.\n"
                    "A liver biopsy showed caseating granulomas and he was given isoniazid and rifampicin.\n"
                    "He recovered.\nDiscussion\nThe differential diagnosis in our patient included lymphoma and "
                    "carcinoma of the stomach.")
    assert case.primary_site is None and case.histology is None
    assert case.outcome == "recovered"


FLAT_PAGE = ("Journal of Case Studies Year : 2020 | Volume : 12 Abstract 1. Introduction The disease is rare [1]. "
             "CASE REPORT A 61-year-old man presented with jaundice. CT showed a pancreatic mass and he underwent "
             "resection. He was discharged on day 10. 3. Discussion Table 1 summarises the published cases. "
             "Table 1: Reported cases Author, year | Age/Sex | Treatment | Outcome Kumar, 2017 | 52/M | ceftriaxone "
             "| Recovered Hoffmann, 2015 | 63/M | meropenem, vancomycin | Died Our case | 61/M | - | - The diagnosis "
             "was delayed in most of these patients. 4. Conclusions Clinicians should keep this entity in mind.")


def test_a_table_of_published_cases_flattened_into_the_discussion_gives_the_patient_no_drug(nlp):
    assert row(nlp, FLAT_PAGE).drugs == []


def test_the_patients_own_drug_beside_such_a_table_stays(nlp):
    text = FLAT_PAGE.replace("he underwent resection.", "he underwent resection and received gemcitabine.")
    assert row(nlp, text).drugs == ["gemcitabine"]


def test_the_current_study_presenting_the_case_marks_the_patients_text(nlp):
    # a flattened page whose case heading is lost among the author sidebar's entries
    text = ("Case Rep. 2019; 12(6): e229871. Introduction " + "The hospital serves a large region of the country. " * 45
            + "Case presentation • Authors: • Sojun Hoshimoto • Nobuo Hoshi • View Affiliations • Published online on: "
            "March 1, 2018 Investigations Metrics: Total Views: 0 Treatment Abstract The current study presents the case "
            "of a 72-year-old woman with a liver metastasis from gastric cancer. Histologically, the lesion was an "
            "adenocarcinoma similar to the primary lesion. Discussion Three features deserve comment.")
    case = row(nlp, text)
    assert (case.age, case.histology) == (72, "adenocarcinoma")


def test_the_case_report_presented_here_marks_the_patients_text(nlp):
    # the patient introduced in the last paragraph of the introduction, with no case heading
    text = ("Introduction\nTrastuzumab has changed the natural history of HER2-positive breast cancer.\n\n"
            "The case report presented here describes a woman who underwent a mastectomy for invasive ductal "
            "carcinoma and received trastuzumab for a liver metastasis.\n\nDiscussion\nThree features deserve comment.")
    case = row(nlp, text)
    assert case.histology == "invasive ductal carcinoma"


def test_the_introductions_preview_of_the_case_gives_its_findings(nlp):
    # the introduction names the patient's extreme count; the case section after it tells other values
    text = ("Introduction\nLung cancers may be associated with paraneoplastic syndromes. The case described here, "
            "however, is of a 61-year-old woman with adenocarcinoma of the lung who developed leukocytosis of "
            "142,000/µL.\n\nCase presentation\nA 61-year-old woman presented with cough. She received carboplatin.\n\n"
            "Discussion\nIn a review of 30 patients, counts above 100,000/µL were rare.")
    case = row(nlp, text)
    assert case.wbc_values == [142.0] and case.drugs == ["carboplatin"]


def test_a_case_under_a_heading_the_list_does_not_know_keeps_its_paragraph(nlp):
    text = ("Background\nThe condition was first described in 1952.\n\nClinical summary\nWe report the case of a "
            "65-year-old man who was admitted with high fever. Abdominal CT demonstrated a pancreatic tail tumor. "
            "The autopsy showed anaplastic carcinoma of the pancreas. Here we present this case along with a review "
            "of the literature.\n\nDiscussion\nFewer than 20 similar patients have been reported.")
    case = row(nlp, text)
    assert (case.primary_site, case.histology) == ("pancreas", "anaplastic carcinoma")
