"""A discharge told together with a recovery that did not happen (session 18, helper
"fulltexts"), on reports written for the tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def full_nlp():
    return build_nlp()


def only_case(nlp, text):
    [case] = report_cases(nlp, Report(name="t.txt", text=text))
    return case


@pytest.mark.parametrize("sentence, expected", [
    # the discharge tells where she went, not a recovery
    ("Her peroneal nerve did not recover after the reduction, and she was discharged home with a brace.", None),
    ("He never regained movement of the arm and was discharged to his home.", None),
    # a discharge with its condition stays a recovery
    ("Her nerve did not recover at first, but she was discharged home in good condition.", "recovered"),
    # a plain discharge
    ("She was discharged home on day 12.", "recovered"),
])
def test_discharge_with_a_recovery_that_did_not_happen(full_nlp, sentence, expected):
    text = ("Case report\nA 70-year-old woman dislocated her hip prosthesis and underwent a closed reduction "
            "under general anaesthesia. " + sentence + "\n")
    assert only_case(full_nlp, text).outcome == expected
