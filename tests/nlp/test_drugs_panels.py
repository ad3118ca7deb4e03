"""The antibiotics of a culture's susceptibility report are tested, not given, also when the
report leaves out the subject ("Sensitive to ...", the isolate named in the sentence before)
(models/drugs/patterns.toml `microbe_pronoun`). Sentences written for the tests."""
import pytest

from drug_helpers import generics, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, expected", [
    ("Pus culture grew Proteus mirabilis. Sensitive to ceftriaxone and amikacin. She was given cefuroxime.",
     ["cefuroxime"]),
    ("Urine culture grew Klebsiella oxytoca +++. Resistant to ampicillin; susceptible to meropenem.", []),
    ("The blood culture yielded Enterococcus faecalis. Highly susceptible to vancomycin.", []),
])
def test_a_subjectless_susceptibility_report_names_no_drug_given(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was allergic to nothing and was started on amoxicillin. Sensitive to touch, the wound was dressed.",
     ["amoxicillin"]),
    ("She had a fever. Sensitive to the risk of bleeding, we gave tranexamic acid.", ["tranexamic acid"]),
])
def test_a_sentence_opening_on_sensitive_without_a_microbe_keeps_its_drugs(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The drug sensitivity results showed that she was sensitive to linezolid and intermediate to clindamycin. "
     "She was given ceftriaxone.", ["ceftriaxone"]),
    ("Sensitivity testing showed the patient to be susceptible to doxycycline only.", []),
    ("Culture and sensitivity: sensitive to nitrofurantoin and fosfomycin.", []),
])
def test_a_susceptibility_report_named_only_by_its_test_names_no_drug_given(nlp, text, expected):
    assert generics(nlp, text) == expected
