"""Being well, dated after the treatment, is the status at follow-up (sentences written for the
tests); being well before the illness began is the history's."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "She was well six months after chemotherapy.",
    "He is clinically well 2 years after the operation.",
    "The boy has been well for 18 months since the transplant.",
    "She was completely well three years later.",
])
def test_well_after_the_treatment_is_no_evidence_of_disease(nlp, text):
    assert categories(nlp, text) == ["no evidence of disease"]


@pytest.mark.parametrize("text", [
    "She was well until 3 days before admission, when fever began.",
    "He had been well two weeks before the onset of jaundice.",
    "The pain was well controlled 2 days after surgery.",
])
def test_well_before_the_illness_or_of_a_symptom_is_no_status(nlp, text):
    assert categories(nlp, text) == []
