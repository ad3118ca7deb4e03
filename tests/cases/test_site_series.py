"""Metastasis sites of a report of several patients told together: a site the text tells of all of
them is each row's; one it tells apart is not (pipeline/cases/series.py), on sentences written for the tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def rows_of(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


def test_a_site_told_of_all_the_patients_is_each_rows(nlp):
    text = ("We present two cases of brain metastases from endometrial adenocarcinoma. Both women had been "
            "treated with hysterectomy years before, and the brain lesions were resected.")
    rows = rows_of(nlp, text, title="Brain metastases of endometrial cancer: two cases")
    assert len(rows) == 2
    assert [row.metastasis_sites for row in rows] == [["brain"], ["brain"]]


def test_sites_told_apart_are_not_copied(nlp):
    text = ("We report two cases of endometrial adenocarcinoma with metastases to the tibia and the liver, "
            "respectively. Both women were treated with chemotherapy.")
    rows = rows_of(nlp, text, title="Unusual metastases of endometrial cancer: two cases")
    assert [row.metastasis_sites for row in rows] == [["bone"], ["liver"]]
