"""Which age a row gets: the first age given for the patient at presentation (ANNOTATION.md),
an infant's as a fraction of a year. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def age(nlp, text):
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(rows) == 1
    return rows[0].age


@pytest.mark.parametrize(
    "text, expected",
    [
        # the referral's age, not an earlier episode told after it
        ("At the age of 6 months, the girl was referred to our clinic for failure to thrive. As a "
         "3-week-old neonate, she had received a blood transfusion for anaemia.", 0.5),
        # an earlier event "at the age of" still gives way to the presentation's age
        ("At the age of 2, she had surgery for a cleft palate. The 7-year-old girl now presented "
         "with a fever.", 7.0),
        ("A boy was referred to our hospital at 27 d of age because of jaundice.", 0.07),
        ("A one-and-half year old boy presented with fever and cough for five days.", 1.5),
    ],
)
def test_the_age_at_presentation(nlp, text, expected):
    assert age(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the sentence speaks of the parent, the age of the child it names is the patient's
        ("A three-day history of cough and a rash prompted the mother of a 7-year-old boy to bring "
         "her son to the practice. He was febrile.", 7.0),
        ("The parents of a 25-day-old girl were sent to our unit by their midwife. She had been "
         "feeding poorly since birth.", 0.07),
        # the patient's own age comes first and stays
        ("A 29-year-old woman, the mother of a 3-year-old boy, presented with headache.", 29.0),
    ],
)
def test_the_age_of_the_child_a_parent_is_named_after(nlp, text, expected):
    assert age(nlp, text) == expected


def ages(nlp, text):
    return [row.age for row in report_cases(nlp, Report(name="t.txt", text=text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a newborn's age is the day of life its illness showed, as a fraction of a year
        ("Colitis in premature twins\n\nTwin neonates were born at 33 weeks of gestation and passed bloody stools "
         "on day four of life. Both were fed an elemental formula.", [0.01, 0.01]),
        ("Late-onset sepsis in a preterm neonate\n\nA male newborn was born at 35 weeks. On the twelfth day "
         "after birth, he refused feeds and became lethargic.", [0.03]),
        # a day of life that dates a treatment is no onset: the newborn is at birth
        ("Congenital heart block in newborn twins\n\nTwin newborns were born at 38 weeks with a heart rate of "
         "60 per minute. Both received pacemakers at day 10 of life.", [0, 0]),
    ],
)
def test_a_newborns_age_is_the_day_of_life_its_illness_showed(nlp, text, expected):
    assert ages(nlp, text) == expected


def test_a_childs_own_age_before_its_mothers_word_is_the_childs(nlp):
    # "whose mother noticed" after the child's noun: the age is the infant's, not a mother's
    text = ("Retinoblastoma found in family photographs\nWe report the case of an 8-month-old male infant whose "
            "mother noticed a white reflex in the right eye while reviewing family photographs.")
    assert age(nlp, text) == 0.67
    # the mother's own age still is hers: the newborn is at birth
    text = ("Neonatal lupus\nA male neonate was born at 38 weeks to a 20-year-old primipara mother. He had a "
            "complete heart block.")
    assert age(nlp, text) == 0


def test_an_infant_is_a_newborn_only_with_a_birth_word(nlp):
    # an infant is any child under one year: no age at birth without a word of birth in its sentence
    text = "Nasal glioma in an infant\nWe report the case of an infant with a firm nasal mass present for months."
    assert age(nlp, text) is None
    text = "A female infant, gestational age 28 weeks, born to a G3P1 mother, developed bloody stools on admission."
    assert age(nlp, text) == 0
