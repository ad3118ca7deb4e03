""""Both", whatever noun or verb follows it, names two people the report tells of together: in a
report of two patients their shared status is each row's ("both neonates recovered", "both
succumbed"), and in a one-patient report "both lesions resolved" is the patient's own recovery,
not a group of other patients. "Both studies" is the literature. Reports written for the tests."""
from case_outcome_helpers import full_nlp, outcomes  # noqa: F401 (the shared fixture)


def test_both_with_a_noun_of_newborns_is_each_of_the_two_patients(full_nlp):
    text = ("We report two newborns with bullous skin lesions at birth. Case 1. A 2-day-old boy born at term had "
            "blisters on the trunk. Case 2. A 3-day-old girl born at 36 weeks had blisters on the legs. Both were "
            "given flucloxacillin. Both neonates made a complete recovery.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_both_followed_by_a_verb_is_each_of_the_two_patients(full_nlp):
    text = ("We describe two women with axillary nodal metastases of ovarian carcinoma. Case 1. A 58-year-old woman "
            "had serous carcinoma of the ovary. Case 2. A 64-year-old woman had serous carcinoma of the ovary. "
            "Despite surgery and chemotherapy, both succumbed within three years of diagnosis.")
    assert outcomes(full_nlp, text) == ["died", "died"]


def test_both_lesions_resolving_is_the_one_patients_recovery(full_nlp):
    text = ("A 34-year-old man presented with two nodules of cutaneous leishmaniasis on the forearm. He received "
            "intralesional meglumine antimoniate, and both lesions resolved within two months.")
    assert outcomes(full_nlp, text) == ["recovered"]


def test_both_studies_are_the_literature(full_nlp):
    text = ("Case presentation\nA 45-year-old man presented with botulism after eating canned fish. He was "
            "intubated and given antitoxin.\n\nDiscussion\nBotulism is rare. Two series have been published; in "
            "both studies the patients recovered after antitoxin.\n")
    assert outcomes(full_nlp, text) == [None]


def test_both_infants_recovering_from_an_episode_of_bloody_stools_is_each_ones_recovery(full_nlp):
    # "bloody" is no specimen the recovery was made from ("recovered from blood cultures")
    text = ("Colitis in premature twins\n\nTwin infants born at 33 weeks passed bloody stools on day four of "
            "life. Both infants recovered from episodes of bloody stools on an elemental formula.")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]
