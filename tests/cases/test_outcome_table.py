"""The summary table of a case series gives each patient's status in that patient's row
(reports written for the tests)."""
from case_outcome_helpers import full_nlp  # noqa: F401 (the shared fixture)
from pipeline.api import report_cases
from pipeline.ingest.report import Report

SERIES = """Three cases of leptospirosis in farm workers

Case presentations
Case 1
A 34-year-old man presented with fever, myalgia and jaundice and was treated with penicillin.
Case 2
A 51-year-old man presented with fever and renal failure requiring haemodialysis and was given ceftriaxone.
Case 3
A 28-year-old woman presented with fever and conjunctival suffusion and was treated with doxycycline.

Table 1. Summary of the patients
{header}\tAge\tSex\tTreatment\tOutcome
{one}\t34\tM\tPenicillin\tRecovered
{two}\t51\tM\tCeftriaxone\tDied
{three}\t28\tF\tDoxycycline\tFull recovery
"""


def outcomes(nlp, text):
    return [case.outcome for case in report_cases(nlp, Report(name="t.txt", text=text))]


def test_each_numbered_row_is_its_patients_status(full_nlp):
    text = SERIES.format(header="Patient", one="1", two="2", three="3")
    assert outcomes(full_nlp, text) == ["recovered", "died", "recovered"]


def test_rows_labelled_by_case_need_no_header(full_nlp):
    text = SERIES.format(header="", one="Case 1", two="Case 2", three="Case 3")
    assert outcomes(full_nlp, text) == ["recovered", "died", "recovered"]


def test_rows_numbered_under_another_column_are_no_patients(full_nlp):
    # the first column is a day, not a patient: no row binds a status to a patient
    text = SERIES.format(header="Day", one="1", two="2", three="3")
    assert "died" not in outcomes(full_nlp, text)[:2]


def test_a_table_of_published_cases_in_a_one_patient_report_gives_no_status(full_nlp):
    text = ("Case report\nA 40-year-old woman with necrotizing fasciitis of the thigh underwent debridement and "
            "was treated with meropenem. She was discharged on day 30 with healed wounds.\n\n"
            "Table 1. Published cases\nNo.\tAuthor\tAge\tOutcome\n1\tSmith\t50\tDied\n2\tJones\t61\tRecovered\n")
    [case] = report_cases(full_nlp, Report(name="t.txt", text=text))
    assert case.outcome == "recovered"
