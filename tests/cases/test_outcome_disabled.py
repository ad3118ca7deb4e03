"""A discharge of a survivor left disabled is no recovery (the contract's "recovered": discharge
in good condition); reports written for the tests."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)


@pytest.mark.parametrize(
    "text",
    [
        "A 3-day-old boy had hypoxic-ischaemic encephalopathy after a difficult delivery. He was discharged at four weeks on nasogastric tube feeding.",
        "A 45-year-old man was admitted with a basilar artery occlusion. He was discharged to a rehabilitation centre with severe neurological sequelae.",
        "A 60-year-old woman had a cardiac arrest at home. After four weeks she was discharged to a nursing home in a vegetative state.",
    ],
)
def test_a_discharge_with_a_lasting_disability_is_no_recovery(full_nlp, text):
    assert only_case(full_nlp, text).outcome is None


def test_a_discharge_in_good_condition_stays_a_recovery(full_nlp):
    case = only_case(full_nlp, "A 30-year-old man had acute appendicitis. He underwent appendectomy and was discharged home on day 3.")
    assert case.outcome == "recovered"
