"""A report about a newborn: an age of a parent's years on the newborn's row is the parent's, and
the row takes the newborn's own first age, or 0 at birth; an adult the report goes on to tell of
keeps the age read. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def ages(nlp, text, title=None):
    return [row.age for row in report_cases(nlp, Report(name="t.txt", text=text, title=title))]


@pytest.mark.parametrize("title, text, age", [
    # the mother's age in a clause about the pregnancy, in a report titled after the newborn
    ("Congenital toxoplasmosis in a newborn",
     "We describe the first pregnancy of a 26-year-old woman. The newborn, at 2 months of age, had "
     "hydrocephalus and was given pyrimethamine.", 0.17),
    # an identity table of the parents above the neonate's history: no own age, so 0 at birth
    (None,
     "A term male neonate with transient tachypnoea\n\nIDENTITY\n\nPatient's name : Baby K Father's name : "
     "Mr. K\n\nSex : Male Age : 41 years old\nBirth date : March 3rd, 2021 Occupation : Teacher\nAge : 0 day "
     "old Mother's name : Mrs. K\n\nHISTORY\n\nA male neonate was born by caesarean section and had grunting "
     "soon after birth.", 0),
])
def test_a_parents_age_on_the_newborns_row_gives_way_to_the_newborns_own(nlp, title, text, age):
    assert ages(nlp, text, title) == [age]


def test_an_adult_the_report_tells_of_keeps_the_age_read(nlp):
    # titled after the preterm birth, but the woman's own course is told after her age
    text = ("A 30-year-old woman presented at 28 weeks with preterm labour and was given nifedipine. "
            "She delivered a baby boy who did well.")
    assert ages(nlp, text, "Preterm labour after a fall") == [30.0]
