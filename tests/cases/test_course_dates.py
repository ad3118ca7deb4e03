"""Dates of the clinical course, not of the page: a dateline, an issue's or a column's date
standing on a line of its own outside the case description is left out; a sentence of prose
keeps its date wherever it stands. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def dates(nlp, text):
    cases = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(cases) == 1
    return cases[0].dates


CASE = (
    "Case presentation\n"
    "A 54-year-old man was admitted on 3 March 2019 with fever. He underwent surgery on 9 March 2019 "
    "and recovered.\n"
)


@pytest.mark.parametrize("line", [
    "Case of the month - June 2018",
    "Lyon, 21 September 2020",
    "Reprinted from Annals of Rare Cases, October 2016, Volume 4, Pages 10-14",
    "Record: S-0001 | repository | 2015 Nov",
    "Fourth Regional Congress of Internal Medicine, May 12-14, 2016",
])
def test_a_dateline_above_the_case_is_no_date_of_the_course(nlp, line):
    assert dates(nlp, line + "\n\n" + CASE) == ["2019-03-03", "2019-03-09"]


@pytest.mark.parametrize("line, date", [
    # a line that tells an event of the course, or holds another finding, keeps its date
    ("Date of admission: 14 February 2021", "2021-02-14"),
    ("Birth date: 2 June 2022", "2022-06-02"),
    ("Amoxicillin from 1 May 2020", "2020-05-01"),
])
def test_a_line_of_the_course_keeps_its_date(nlp, line, date):
    assert date in dates(nlp, line + "\n\n" + CASE)


def test_a_sentence_of_prose_without_headings_keeps_its_date(nlp):
    text = ("A 61-year-old woman had a history of hypertension. During a routine check in 2012, a soft "
            "murmur was heard. She was referred in May 2013 and recovered after surgery.")
    assert dates(nlp, text) == ["2012", "2013-05"]
