"""Status phrases whose words come in more kinds than the first lists held: a response of any
kind of test, a disease-free interval, stable disease with its extent named, a recovery of
several kinds, and a few spellings reports have (sentences written for the tests)."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, expected", [
    ("After radioiodine she had a complete biochemical response at six months.", ["complete remission"]),
    ("Serology showed a complete serological response one year later.", ["complete remission"]),
    ("Endoscopy at three months confirmed a complete endoscopic response.", ["complete remission"]),
    ("Radiotherapy alone gave a disease-free interval of more than eight years.", ["no evidence of disease"]),
    ("He is alive with a disease-free period of 30 months.", ["no evidence of disease"]),
    ("At two years, PET-CT showed stable systemic disease.", ["stable disease"]),
    ("The last MRI showed stable intracranial disease.", ["stable disease"]),
    ("She made a full clinical and symptomatic recovery.", ["recovered"]),
    ("He made a complete functional recovery within three months.", ["recovered"]),
    ("The postoperative progress was smooth.", ["recovered"]),
    ("Death occured one week after the diagnosis.", ["died"]),
    ("Multi-organ failure and cachexia lead into the patient's death.", ["died"]),
    # an improvement of the patient's picture, appearance or state, and "this patient's" finding resolving
    ("Her clinical appearance and eosinophilia improved within two days.", ["recovered"]),
    ("With steroids the clinical and biochemical picture dramatically improved.", ["recovered"]),
    ("After treatment, this patient's encephalopathy resolved.", ["recovered"]),
])
def test_status_in_its_other_kinds(nlp, text, expected):
    assert categories(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The median disease-free interval was 14 months in this series.",  # several patients' figure
    "He had stable coronary disease and hypertension.",  # no tumour's extent
    "A complete blood count was normal.",
    "Her mental state improved slightly before she deteriorated.",
])
def test_their_look_alikes_are_no_status(nlp, text):
    assert categories(nlp, text) == []
