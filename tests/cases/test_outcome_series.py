"""Outcome cells of patients announced together and told in one text (no "Case 1" heading):
each row takes the status said of it by number, by order, or of the patients as a group;
reports written for the tests."""
from case_outcome_helpers import full_nlp, outcomes  # noqa: F401 (the shared fixture)


def test_numbered_statuses_go_to_their_rows(full_nlp):
    text = ("We report two cases of invasive sinus aspergillosis: a 70-year-old woman and a 45-year-old man. "
            "Both underwent debridement and received voriconazole. Patient 1 died of pneumonia two months later. "
            "Patient 2 recovered fully and was well at one year.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_ordinal_statuses_go_to_their_rows(full_nlp):
    text = ("We report two cases of septic melioidosis in Taiwan. The first patient was a 66-year-old woman with "
            "cirrhosis and the second patient a 58-year-old man with pneumonia. The first patient died of septic "
            "shock on day 2. The second patient survived after four weeks of ceftazidime.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_ordinals_without_a_noun_before_a_verb_name_their_rows(full_nlp):
    text = ("Two cases of copper storage disease are reported. First case presented with acute liver failure and "
            "had a fatal outcome. The second had a slow onset and is progressing satisfactorily on zinc.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_a_status_of_the_announced_patients_is_every_rows(full_nlp):
    text = ("Here we describe two patients who were admitted with encephalitis after a dog bite and who died "
            "despite intensive care.")
    assert outcomes(full_nlp, text) == ["died", "died"]
