"""The patient's own survival endpoint told with its length (sentences written for the tests): a
disease-, relapse-, recurrence- or event-free survival says the patient is without disease, a
progression-free survival that the disease has not grown; the name with its abbreviation in
brackets, the abbreviation alone and the length told first are the same statement. A series'
median, mean or rate, and a survival that has ended ("after two years of ..."), tell no status."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    # the length first
    "Maintenance olaparib has since given her 18 months of disease-free survival.",
    "He is now in his third year, with four years of relapse-free survival behind him.",
    "Surgery was followed by 26 months of continuous recurrence-free survival.",
    # the name with its abbreviation, or the abbreviation alone
    "At the last visit her disease-free survival (DFS) was 40 months.",
    "His DFS has exceeded 5 years.",
    "The boy remains well, with an event-free survival of more than two years.",
    # the length in words, after the patient's verb
    "She has experienced long-term disease-free survival following treatment with letrozole.",
])
def test_a_free_survival_of_the_patient_is_no_evidence_of_disease(nlp, text):
    assert "no evidence of disease" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    "On second-line therapy she reached a progression-free survival (PFS) of 22 months.",
    "The regimen has so far achieved 15 months of progression-free survival.",
    "Her PFS is now over 3 years.",
])
def test_a_progression_free_survival_of_the_patient_is_stable_disease(nlp, text):
    assert "stable disease" in categories(nlp, text)


@pytest.mark.parametrize("text", [
    # a series' summary: a median, a mean, a rate
    "In that trial the median disease-free survival was 14 months.",
    "A median of 9 months of progression-free survival was reported with the combination.",
    "Mean relapse-free survival was 31 months in the surgical group.",
    "The median PFS was 6.1 months versus 4.2 months.",
    "The 3-year event-free survival was 72%.",
    # a survival that ended
    "After three years of disease-free survival she developed a pelvic mass.",
    "Following 20 months of progression-free survival, the lung lesions grew.",
])
def test_a_series_summary_or_an_ended_survival_is_no_status(nlp, text):
    found = categories(nlp, text)
    assert "no evidence of disease" not in found and "stable disease" not in found


@pytest.mark.parametrize("text", [
    "PFS was 8 months in the nivolumab arm of the trial.",
    "Disease-free survival was 30 months in the surgical group.",
])
def test_a_survival_of_a_trials_arm_or_a_group_is_no_status(nlp, text):
    found = categories(nlp, text)
    assert "no evidence of disease" not in found and "stable disease" not in found
