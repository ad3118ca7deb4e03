"""A status phrase that opens a statement about published patients is no status of the
reported patient (sentences written for the tests)."""
import pytest

from outcome_helpers import nlp  # noqa: F401 (the shared fixture)


def plural(nlp, text):
    doc = nlp(text)
    return [s._.value.subject_plural for s in doc.spans["outcome"]]


@pytest.mark.parametrize("text", [
    "Complete recovery is described in fewer than half of the published cases.",
    "Full recovery has been reported in most children treated early.",
    "Complete resolution is usually seen in patients who receive steroids within a week.",
])
def test_a_general_statement_after_the_phrase_is_the_literature(nlp, text):
    assert plural(nlp, text) == [True]


@pytest.mark.parametrize("text", [
    "She made a full recovery, which is rarely reported in adults.",
    "He made a full recovery.",
    "Complete recovery was observed at the three-month visit.",
])
def test_the_patients_status_stays_the_patients(nlp, text):
    assert plural(nlp, text) == [False]
