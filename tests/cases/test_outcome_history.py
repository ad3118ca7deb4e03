"""Statuses that are not the status at the end of a one-patient report (sentences written for the
tests): a recovery told as the history before the presentation, a discharge the patient came back
from, and a published patient of the discussion named without the report's article."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "A 40-year-old man presented with fever. He had recovered from an episode of pneumonia in 2019. "
    "Blood cultures grew streptococci.",
    "A 40-year-old man presented with fever. He had recovered from COVID-19 two months earlier. "
    "Blood cultures grew streptococci.",
    "A 40-year-old man presented with fever. He had been discharged from another hospital a week before "
    "with a diagnosis of viral illness. Blood cultures grew streptococci.",
    "A 40-year-old man presented with fever. The fever had subsided spontaneously before admission. "
    "Blood cultures grew streptococci.",
    "A 40-year-old man presented with fever. He was treated at a local clinic and discharged, but returned "
    "with worsening pain. Blood cultures grew streptococci.",
    # the state the patient came in with
    "A 40-year-old man presented with sudden loss of vision after COVID-19. At presentation, his viral and "
    "systemic symptoms were resolved. Fundoscopy showed optic disc swelling.",
    "A 30-year-old woman presented with weakness after gastroenteritis. On admission, her diarrhea had "
    "already subsided. Nerve conduction studies showed a demyelinating neuropathy.",
    # a status inside the words that introduce the patient, before the presentation's verb
    "A 3-year-old girl with a ventricular septal defect, closed in infancy with no cardiac sequelae, "
    "presented to the emergency room with fever and a limp. Blood cultures grew staphylococci.",
    # well until the illness the report is about
    "A 26-day-old boy presented with fever. He was discharged home on day of life 7 and did well until his "
    "presenting illness. Blood cultures grew streptococci.",
])
def test_a_status_of_the_history_is_not_the_outcome(full_nlp, text):
    assert only_case(full_nlp, text).outcome is None


@pytest.mark.parametrize("text", [
    # the pluperfect of the course itself, with no time before the presentation
    "A 40-year-old man presented with a rash. He received prednisolone. By the 3-month visit the rash "
    "had resolved.",
    # a history recovered from, then the course's own recovery
    "A 40-year-old man presented with fever. He had recovered from pneumonia in 2019. He received "
    "ceftriaxone and was discharged home on day 6.",
    # the course told on after the time of the presentation
    "A 60-year-old woman presented with myxoedema coma. At admission, ventilatory assistance was required, "
    "and the patient presented progressive improvement after oral levothyroxine.",
    "A 60-year-old woman presented with myxoedema coma. On admission she received levothyroxine and "
    "her symptoms resolved within three days.",
    # the patient's introduction, then the course: the recovery after the presentation stays
    "A 3-year-old girl presented to the emergency room with Kawasaki disease. She was treated with "
    "intravenous immunoglobulin, with resolution of the coronary artery aneurysm.",
])
def test_a_recovery_of_the_course_stays(full_nlp, text):
    assert only_case(full_nlp, text).outcome == "recovered"


def test_a_published_patient_of_the_discussion_is_not_the_patient(full_nlp):
    text = ("Case presentation\nA 50-year-old man presented with fever and a new infiltrate. Bronchoscopy "
            "showed Pneumocystis. He received co-trimoxazole.\n\nDiscussion\nIn the series of Smith et al., "
            "most patients recovered with co-trimoxazole. One patient died of respiratory failure.\n")
    assert only_case(full_nlp, text).outcome is None


def test_the_patient_of_the_discussion_is_the_patient(full_nlp):
    text = ("Case presentation\nA 50-year-old man presented with fever and a new infiltrate. Bronchoscopy "
            "showed Pneumocystis. He received co-trimoxazole.\n\nDiscussion\nPneumocystis pneumonia is rare "
            "in this setting. Our patient, a 50-year-old man, recovered fully with co-trimoxazole.\n")
    assert only_case(full_nlp, text).outcome == "recovered"
