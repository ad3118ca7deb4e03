"""Shared by the tests of a whole report's row (tests/cases/): the full pipeline fixture and the
row or rows a text gives. A test module imports the fixture by name (``from case_helpers import
nlp``), which pytest registers as that module's own."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    """The whole pipeline, as ``caselit extract`` builds it."""
    return build_nlp()


def row(nlp, text):
    """The one row (Case) of a report of ``text``."""
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(rows) == 1
    return rows[0]


def rows(nlp, text, title=None):
    """The rows (Cases) of a report of ``text``, one per patient."""
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))
