"""Patients of scraped pages whose numbering or labels the page damaged (issue 11, class 8):
a "Patient 2" label glued to its first word, a page cut above "Case 1".
Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.glued import separate_glued_headings
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


@pytest.mark.parametrize("text, expected", [
    ("She was weaned on day 9.\nPatient 2A previously well 30-year-old man.",
     "She was weaned on day 9.\nPatient 2\nA previously well 30-year-old man."),
    ("He left on day 3. Case 3The patient, a 50-year-old woman, was seen.",
     "He left on day 3.\nCase 3\nThe patient, a 50-year-old woman, was seen."),
    # a pedigree's patient 2A and a sub-case label are no glued labels
    ("Patient 2A was the proband's brother.", "Patient 2A was the proband's brother."),
    ("Case 2B showed the same variant.", "Case 2B showed the same variant."),
])
def test_a_numbered_patient_label_glued_to_its_first_word_stands_on_its_own_line(text, expected):
    assert separate_glued_headings(text) == expected


PAGE_CUT_ABOVE_CASE_1 = (
    "A 31-year-old woman presented to the emergency department with fever and dyspnoea for 3 days. "
    "Her white cell count was 14.2 x 10^9/L. She was given oseltamivir and recovered.\n"
    "Patient 2\n"
    "A previously well 45-year-old man was admitted with cough and fever. His white cell count was "
    "3.9 x 10^9/L. He was given ceftriaxone.\n"
)


def test_a_page_whose_numbering_starts_at_patient_2_still_has_patient_1(nlp):
    rows = cases(nlp, PAGE_CUT_ABOVE_CASE_1)
    assert [(r.age, r.sex, r.wbc_values, r.drugs) for r in rows] == [
        (31, "female", [14.2], ["oseltamivir"]), (45, "male", [3.9], ["ceftriaxone"])]


def test_the_glued_label_of_patient_2_opens_its_row(nlp):
    text = PAGE_CUT_ABOVE_CASE_1.replace("Patient 2\nA previously", "Patient 2A previously")
    rows = cases(nlp, separate_glued_headings(text))  # as the reader does
    assert [(r.age, r.sex) for r in rows] == [(31, "female"), (45, "male")]


def test_a_case_2_cited_in_a_one_patient_report_opens_no_row(nlp):
    text = ("Case presentation\nA 60-year-old man presented with jaundice. He was given ursodiol.\n"
            "Discussion\nAs in case 2 of the series by Lee et al., the bilirubin fell.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(60, "male")]


TWINS_BY_BIRTH_ORDER = (
    "Abstract\nUlcerative colitis in a pair of monozygotic female twins is reported. At the age of 14, the "
    "younger sister noticed bloody diarrhoea in May 2011. At 15 years of age, the elder sister also noticed "
    "abdominal pain in March 2013. Both were diagnosed with ulcerative colitis on biopsy. The younger sister "
    "needed a colectomy in October 2012. The elder sister was given mesalazine.\n"
)


def test_twins_told_apart_by_birth_order_get_a_row_each(nlp):
    rows = cases(nlp, TWINS_BY_BIRTH_ORDER)
    assert [(r.age, r.sex, r.dates, r.drugs) for r in rows] == [
        (14, "female", ["2011-05", "2012-10"], []), (15, "female", ["2013-03"], ["mesalazine"])]


def test_an_elder_sister_of_a_one_patient_report_is_family_history(nlp):
    text = ("Case presentation\nA 14-year-old girl noticed bloody diarrhoea in May 2011. The elder sister "
            "had the same disease at 20 years of age.\n")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(14, "female")]


@pytest.mark.parametrize("title, text, rows", [
    ("Simultaneous acute appendicitis in identical twins", "The twins presented within a day of each other.", 2),
    (None, "Abstract\nWe report a rare case of simultaneous appendicitis in twins. Both were operated on.", 2),
    # twins of a pregnancy: the mother is the patient
    (None, "A 31-year-old woman was admitted at 36 weeks. A caesarean section was performed because of "
           "the transverse presentation of twins.", 1),
])
def test_a_report_about_twins_has_two_rows(nlp, title, text, rows):
    assert len(cases(nlp, text, title)) == rows


def test_numbered_case_histories_get_a_row_each(nlp):
    text = ("Case history\n\nCase history #1\n\nA 58-year-old man presents with dyspnoea. He takes furosemide.\n\n"
            "Case history #2\n\nA 70-year-old woman presents after a fall. She takes sertraline.\n")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(58, "male", ["furosemide"]), (70, "female", ["sertraline"])]


def test_another_case_opening_a_sentence_is_the_next_patient(nlp):
    text = ("We report two cases of hyperleukocytosis. A six-year old girl presented with fever and a leukocyte "
            "count of 120.5 x 10^9/L. Another case is of a two-month old female infant, who presented with "
            "fever and a leukocyte count of 105.2 x 10^9/L.")
    rows = cases(nlp, text)
    assert [(r.age, r.wbc_values) for r in rows] == [(6, [120.5]), (0.17, [105.2])]


def test_another_case_after_the_literature_is_no_second_patient(nlp):
    text = ("Here, we describe another case in a 60-year-old man who had eaten raw pork. He was given "
            "doxycycline.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(60, "male")]


@pytest.mark.parametrize("title, text, expected", [
    ("Osteopetrosis in two siblings: two case reports",
     "The two siblings, aged five and 8 years, were admitted with fever.", [(5, None), (8, None)]),
    (None, "We presented two cases of appendicitis in 4 and 17 years old male patients. Both recovered.",
     [(4, "male"), (17, "male")]),
])
def test_the_ages_of_announced_patients_written_together(nlp, title, text, expected):
    assert [(r.age, r.sex) for r in cases(nlp, text, title)] == expected


def test_a_sibling_presented_beside_the_first_patient(nlp):
    text = ("We report a case of craniosynostosis in siblings: a 13-month-old boy and his five-and-a-half-year-old "
            "sister. Neither parent is affected. The younger sibling has dolichocephaly.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(1.08, "male"), (5.5, "female")]


def test_patients_described_by_their_decade_open_their_numbered_parts(nlp):
    text = ("We report two cases of hyponatremia after bowel preparation. Case 1: The patient, a man in his 70s, "
            "was admitted for a resection. His serum sodium was 122 mEq/L. Case 2: A patient in her 60s was "
            "scheduled for colonoscopy. Her serum sodium was 107 mEq/L.")
    assert [r.sex for r in cases(nlp, text)] == ["male", "female"]


def test_a_mother_daughter_pair_is_two_patients(nlp):
    text = ("Abstract\nThis case report describes a mother–daughter pair diagnosed with familial "
            "hypercholesterolaemia after an incidental finding in the daughter.")
    assert [r.sex for r in cases(nlp, text)] == ["female", "female"]


def test_one_patients_ages_at_two_examinations_open_no_second_row(nlp):
    text = ("We report two cases, a boy and his mother. The boy had a CT scan at 7 months of age and a second "
            "one at 3 years of age.")
    rows = cases(nlp, text)
    assert len(rows) == 2 and rows[1].age is None
