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


@pytest.mark.parametrize("text", [
    "A 43-year-old woman was in good health until March 1995, when vaginal bleeding developed.",
    # the state found at the examination on admission, or apart from the complaint
    "On clinical examination, she was in good general condition with a 3 cm ulcerated mass.",
    "Apart from her leg pain she was in good condition without fever or weight loss.",
    # a staging work-up free of spread is the diagnosis', not the follow-up's
    "Subsequent staging workup did not show any evidence of metastasis.",
    "Chest CT did not show any evidence of lung metastasis.",
])
def test_good_health_before_the_illness_or_at_presentation_is_no_status(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    "At the last visit, she was in good general condition.",
    "Follow-up CT after two years did not show any evidence of recurrence or metastasis.",
])
def test_good_health_at_follow_up_is_no_evidence_of_disease(nlp, text):
    assert categories(nlp, text) == ["no evidence of disease"]
