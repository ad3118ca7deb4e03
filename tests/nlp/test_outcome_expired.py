""""Expired" as the patient's death beyond a person word right before it: the second verb of the
patient's own sentence ("the boy needed dialysis and expired on day 9") and with an adverb of
likelihood or manner after it ("he expired probably of an arrhythmia"); a thing that expires is
still no death. Sentences written for the tests."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "The infant remained ventilator-dependent, required repeated platelet transfusions and expired at 4 months of age.",
    "She was transferred to the intensive care unit and then expired the same night.",
    "On the third day he suddenly expired, presumably of a malignant arrhythmia.",
    "After the second cycle she expired unexpectedly at home.",
    "She was transferred to a transplant centre where she expired without further intervention.",
    "He underwent a pancreatoduodectomy and concomitant chemoradiotherapy, but expired 19 months later.",
    # the patients of a report of several, as a group
    "Despite resuscitation efforts, they suddenly expired.",
    "Both patients expired within a week of admission.",
])
def test_expired_as_the_patients_later_verb_is_death(nlp, text):
    assert "died" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "The licence of the clinic was renewed and expired in 2019.",
    "Her passport had expired, so the transfer was delayed.",
    "The drug had been stored too long and expired without being used.",
])
def test_a_thing_that_expires_is_no_death(nlp, text):
    assert "died" not in categories(nlp, text)
