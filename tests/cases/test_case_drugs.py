"""Which drug mentions give a case its drugs (the drug part of pipeline/cases/cells.py)."""
import pytest
from case_helpers import nlp, row  # noqa: F401 (nlp: the shared fixture)

from pipeline.cases.cells import _own_drug
from pipeline.cases.mentions import Mention
from pipeline.nlp.drugs.model import Drug


def drug_mention(section, subject="unknown"):
    value = Drug(("cisplatin",), "cisplatin", False)
    return Mention("drugs", "DRUG", value, "cisplatin", 10, 19, "Cisplatin was given.", 0, section, 0, subject)


@pytest.mark.parametrize("section, subject, own", [
    ("case", "unknown", True),  # the patient's own case text
    (None, "unknown", True),  # a text without headings
    ("conclusion", "unknown", False),  # a summary table after the last case lists every patient's drugs
    ("front", "probable", False),
    ("abstract", "probable", True),  # "Abstract ... Case 1: ... Case 2: ... was treated with cisplatin"
    ("conclusion", "patient", True),  # "the second patient received cisplatin"
])
def test_a_drug_of_a_multi_patient_report_comes_from_its_own_text(section, subject, own):
    assert _own_drug(drug_mention(section, subject)) is own


def table_row_mention(row):
    value = Drug(("cisplatin",), "Cisplatin", False)
    return Mention("drugs", "DRUG", value, "Cisplatin", 10, 19, row, 0, "case", 0, "unknown")


@pytest.mark.parametrize("row, number, own", [
    ("1 | 61 | Cisplatin + RT", 1, True),
    ("1 | 61 | Cisplatin + RT", 2, False),  # the first patient's row in the second patient's text
    ("Case 2 | 54 | Cisplatin + RT", 2, True),
    ("Cisplatin 40 mg/m2 was given weekly.", 2, True),  # no row: the patient's own case text
])
def test_a_row_of_a_table_of_patients_belongs_to_the_patient_it_numbers(row, number, own):
    assert _own_drug(table_row_mention(row), number) is own


@pytest.mark.parametrize("text, drugs", [
    # a drug named only in the keywords says nothing of its giving
    ("Classical Hodgkin lymphoma presenting with pruritus\nCategories: Oncology Keywords: pruritus, lymphadenopathy, "
     "brentuximab vedotin\nA 25-year-old woman had pruritus. Biopsy confirmed Hodgkin lymphoma, and she received "
     "doxorubicin and vincristine.", ["doxorubicin", "vincristine"]),
    # a recommendation to begin a treatment is no treatment given
    ("A 69-year-old man had a metastatic renal cell carcinoma of the tongue. The tumour was staged at IV with a goal of "
     "palliative care and a recommendation to begin nivolumab plus ipilimumab.", []),
])
def test_keywords_and_recommendations_give_no_drug(nlp, text, drugs):
    assert row(nlp, text).drugs == drugs


def test_a_list_of_the_patients_medications_is_no_keywords_line(nlp):
    text = ("A 70-year-old man with hypertension was admitted with confusion. Home medications: atenolol, "
            "hydrochlorothiazide, levothyroxine. CT showed a lung mass.")
    assert row(nlp, text).drugs == ["atenolol", "hydrochlorothiazide", "levothyroxine"]
