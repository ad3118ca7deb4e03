"""Status wording of fresh full texts read blind for session 20 (issue 11; sentences written for
the tests, in the style of case reports): remissions named by their kind, and a symptom-free
follow-up told with its time written number first."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    # a remission named by its kind (response criteria of haematological cancers; spontaneous)
    "The lymphoma achieved spontaneous remission four months after the biopsy.",
    "She achieved morphologic spontaneous remission soon after the core biopsy.",
    "He went into haematological remission after two courses of induction.",
    "She remains in complete morphologic remission 18 months later.",
    "A complete cytogenetic remission was documented at 12 months.",
    "He has been in durable, continuous remission since 2019.",
    "Bone marrow examination confirmed molecular remission.",
])
def test_a_remission_named_by_its_kind_is_a_complete_remission(nlp, text):
    assert categories(nlp, text) == ["complete remission"]


@pytest.mark.parametrize("text, expected", [
    # a partial remission stays partial
    ("She achieved a partial remission after four cycles.", ["partial response"]),
    # spontaneous remission as a topic, with no verb of the patient's
    ("Spontaneous remission of lymphoma is a rare phenomenon.", []),
    # a rate is no status
    ("Molecular remission rates are higher with the newer regimen.", []),
])
def test_remission_words_that_are_not_a_complete_remission(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Thirty months after the repair of the fistula the patient had no specific symptoms of abdominal disease.",
    "Six months after the operation she was asymptomatic.",
    "Two weeks following discharge he was completely asymptomatic.",
    "Three months post-surgery she had no further complaints.",
])
def test_a_symptom_free_follow_up_with_the_time_written_number_first(nlp, text):
    assert categories(nlp, text) == ["recovered"]


@pytest.mark.parametrize("text", [
    # the time before the illness, not after a treatment
    "Six months before admission she had no specific symptoms.",
    "She was asymptomatic until two months before admission.",
])
def test_a_symptom_free_time_before_the_illness_is_no_recovery(nlp, text):
    assert categories(nlp, text) == []


@pytest.mark.parametrize("text", [
    "She failed to achieve complete remission.",
    "He failed to achieve haematological remission after induction.",
    "She was unable to attain a durable remission.",
    "He did not achieve molecular remission.",
])
def test_a_remission_not_achieved_is_no_status(nlp, text):
    assert categories(nlp, text) == []
