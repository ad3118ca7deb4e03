"""A status whose clause names the patient, in a sentence that goes on to the literature
(reports written for the tests)."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)

CANCER = ("Case report\nA 52-year-old man with hepatitis B cirrhosis was diagnosed with multifocal "
          "hepatocellular carcinoma in 2014 and started on sorafenib. ")
INFECTION = ("Case report\nA 40-year-old woman was admitted with a psoas abscess and treated with drainage "
             "and intravenous cefazolin. ")


@pytest.mark.parametrize("head, closing, expected", [
    # the literature is a later clause's: the status is the patient's
    (CANCER, "After six years of treatment, the patient remained clinically stable, well beyond the survival "
             "documented in the literature for similar cases.", "stable disease"),
    (INFECTION, "Two weeks later she was asymptomatic, in keeping with previously reported cases.", "recovered"),
    # the literature before the status: the status may be theirs
    (INFECTION, "As in the cases reported by Lee et al., the patients were asymptomatic two weeks later.", None),
    (INFECTION, "In the series of Smith, most of whom died, the abscess recurred.", None),
])
def test_a_literature_cue_after_the_patients_status_leaves_it_the_patients(full_nlp, head, closing, expected):
    assert only_case(full_nlp, head + closing + "\n").outcome == expected


@pytest.mark.parametrize("discussion, expected", [
    # the literature's case, told in the discussion: no fallback
    ("In one such case, an epidural abscess was reported in a patient who was not immunocompromised, which "
     "was treated successfully with a six-week course of antibiotics.", None),
    # our patient, told in the discussion
    ("After the second revision our patient recovered fully and walks without pain.", "recovered"),
])
def test_the_discussion_fallback_leaves_the_literatures_cases_out(full_nlp, discussion, expected):
    text = ("Case report\nA 73-year-old man had a chronic infection of his hip prosthesis and underwent two "
            "revisions.\nDiscussion\n" + discussion + "\n")
    assert only_case(full_nlp, text).outcome == expected
