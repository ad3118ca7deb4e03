"""A discharge told together with a recovery that did not happen, on reports written for the
tests."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)




@pytest.mark.parametrize("sentence, expected", [
    # the discharge tells where she went, not a recovery
    ("Her peroneal nerve did not recover after the reduction, and she was discharged home with a brace.", None),
    ("He never regained movement of the arm and was discharged to his home.", None),
    # a discharge with its condition stays a recovery
    ("Her nerve did not recover at first, but she was discharged home in good condition.", "recovered"),
    # a plain discharge
    ("She was discharged home on day 12.", "recovered"),
    # a discharge told as a time, with a need the patient still had
    ("At discharge, she still required oxygen.", None),
    ("Upon discharge she was prescribed apixaban.", "recovered"),
])
def test_discharge_with_a_recovery_that_did_not_happen(full_nlp, sentence, expected):
    text = ("Case report\nA 70-year-old woman dislocated her hip prosthesis and underwent a closed reduction "
            "under general anaesthesia. " + sentence + "\n")
    assert only_case(full_nlp, text).outcome == expected
