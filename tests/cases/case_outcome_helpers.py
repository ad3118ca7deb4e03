"""Shared by the outcome tests of the case assembly (tests/cases/test_outcome_*.py): the full
pipeline, built once per module, the one row of a report written for a test and the outcomes of all
its rows. A test module imports the fixture by name (``from case_outcome_helpers import full_nlp``)."""
import pytest

from pipeline.api import report_cases
from pipeline.cases.outcome_choice import choose_outcome
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from mention_helpers import as_mentions


@pytest.fixture(scope="module")
def full_nlp():
    """The pipeline as caselit builds it."""
    return build_nlp()


@pytest.fixture(scope="module")
def sites_outcome_nlp(make_nlp):
    """The sites and outcome components alone: enough to choose a case's status."""
    return make_nlp("caselit_sites", "caselit_outcome")


def chosen(nlp, text):
    """The status the case assembly chooses from a text's outcome and site mentions, or None."""
    mentions = as_mentions(nlp(text), ["sites", "outcome"])
    outcome = choose_outcome([m for m in mentions if m.group == "outcome"], [m for m in mentions if m.group == "sites"])
    return outcome.value.category if outcome else None


def only_case(nlp, text):
    """The single row of a one-patient report."""
    [case] = report_cases(nlp, Report(name="t.txt", text=text))
    return case


def outcomes(nlp, text):
    """The outcome of every row of a report, in row order."""
    return [case.outcome for case in report_cases(nlp, Report(name="t.txt", text=text))]
