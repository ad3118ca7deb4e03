"""White-cell counts of laboratory tables as a case's values, end to end: a column headed by
the count's name with one row per day stays the patient's, and a table with one row per
patient gives each case the value of its row. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text):
    return report_cases(nlp, Report(name="t.txt", text=text))


def test_a_column_of_days_is_the_patients_course(nlp):
    text = ("Leukocytosis after surgery\nCase presentation\nA 63-year-old man underwent a colectomy. "
            "His counts are shown in Table 1.\nTable 1 Course\nDay\tWBC (×10^9/L)\tHb (g/dL)\n"
            "1\t12.1\t10.2\n3\t21.7\t9.8\n7\t8.4\t9.9\n")
    rows = cases(nlp, text)
    assert [(r.wbc_values, r.wbc_max) for r in rows] == [([12.1, 21.7, 8.4], 21.7)]


def test_a_row_per_patient_gives_each_case_its_row(nlp):
    text = ("Two cases of fever in cervical cancer\nCase 1\nA 45-year-old woman presented with fever.\nCase 2\n"
            "A 52-year-old woman presented with pelvic pain.\nTable 1 Findings\nPatient\tWBC (×10^9/L)\tHb (g/dL)\n"
            "Case 1\t18.2\t9.1\nCase 2\t25.6\t8.7\n")
    rows = cases(nlp, text)
    assert [r.wbc_values for r in rows] == [[18.2], [25.6]]


def test_a_row_of_spaced_days_is_the_patients_course(nlp):
    text = ("Leukocytosis after surgery\nCase presentation\nA 63-year-old man underwent a colectomy.\n"
            "Haematology (days 1, 3 and 7)\nWBC (x10^9/L) 12.1 21.7 8.4\nHb (g/dL) 10.2 9.8 9.9\n")
    rows = cases(nlp, text)
    assert [r.wbc_values for r in rows] == [[12.1, 21.7, 8.4]]


def test_a_count_only_aimed_for_is_no_value_of_the_patient(nlp):
    text = ("Dapsone agranulocytosis\nCase presentation\nA 30-year-old woman on dapsone had a WBC count of "
            "1,200/µL.\nConclusion\nStopping the use of the offending drug, careful monitoring of blood counts, "
            "isolation of the patient to avoid contact of infections, hand hygiene, use of granulocyte colony "
            "stimulating factors till white blood counts recover to more than 10,000/microL are advised.\n")
    rows = cases(nlp, text)
    assert [r.wbc_values for r in rows] == [[1.2]]
