"""Whose status a sentence tells (sentences written for the tests): the mother and the newborn of
a pregnancy's report, and a comparison with the literature before the patient's own clause in the
case description."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)

PREGNANT = ("A 30-year-old woman at 32 weeks of gestation presented with eclampsia. An emergency caesarean "
            "section was performed. ")


@pytest.mark.parametrize("ending, expected", [
    # the newborn's death is not the mother's status; "the mother" is the patient
    ("The baby died on day 2 of respiratory distress. The mother made a good recovery and was discharged "
     "on day 5.", "recovered"),
    ("The neonate died on day 2. She was discharged on day 5.", "recovered"),
    ("The baby was admitted to the neonatal unit. The mother made a good recovery.", "recovered"),
    # a newborn's good course says nothing of the mother's
    ("The baby was delivered in good condition and is doing well.", None),
])
def test_the_report_of_a_pregnant_woman(full_nlp, ending, expected):
    assert only_case(full_nlp, PREGNANT + ending).outcome == expected


@pytest.mark.parametrize("text, expected", [
    # a newborn's report: the infant is the patient, the mother another person
    ("A male infant was born at 34 weeks by caesarean section to a 30-year-old mother with eclampsia. He "
     "required ventilation. The mother died of intracranial haemorrhage on day 2. The infant was weaned "
     "from the ventilator and discharged on day 20.", "recovered"),
    ("A male infant was born at 34 weeks by caesarean section. He required ventilation for respiratory "
     "distress syndrome and died on day 3. The mother recovered.", "died"),
    # "her mother" of an adult woman is a relative
    ("A 45-year-old woman presented with fever. Her mother had died of ovarian cancer. She received "
     "ceftriaxone.", None),
])
def test_a_newborn_and_a_relative_mother(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected


CASE = "Case presentation\nA 30-year-old woman presented with a psoas abscess. She was treated with drainage. "


@pytest.mark.parametrize("ending", [
    "Similar to previously reported cases, the patient recovered completely after drainage.",
    "As described in the literature, she responded well to antibiotics and was discharged on day 10.",
    "Unlike most patients in the literature, she recovered without surgery.",
    "Unlike the two previous cases, she was discharged within a week.",
    "At the 2-month follow-up, the abscess had resolved on CT, similar to the cases reported by Lee et al.",
])
def test_a_comparison_with_the_literature_before_the_patients_clause(full_nlp, ending):
    assert only_case(full_nlp, CASE + ending).outcome == "recovered"


@pytest.mark.parametrize("ending", [
    "In a case reported by Lee et al., the patient died after drainage.",
    "Most patients recover after drainage.",
])
def test_the_literature_s_patients_in_the_case_description(full_nlp, ending):
    assert only_case(full_nlp, CASE + ending).outcome is None


@pytest.mark.parametrize("text, expected", [
    # "a year and a half" is a time, not "half" of a group of patients
    ("A 14-year-old girl had a pheochromocytoma of the right adrenal gland, which was resected. The patient "
     "underwent follow-up for a year and a half and showed no signs of recurrence.", "no evidence of disease"),
    ("A 61-year-old man had an adenocarcinoma of the lung treated with cisplatin. Two and a half years "
     "later he died of pneumonia.", "died"),
])
def test_a_time_and_a_half_is_no_group(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected
