"""The patient's illness told fatal in the past tense, or told as the cause of the patient's
death, is the patient's death; a fatality of the disease in general is not. Sentences written
for the tests."""
import pytest

from outcome_helpers import categories, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "The disseminated infection was rapidly fatal.",
    "The bleeding proved fatal despite transfusion.",
    "The tumour caused the sudden death of the patient.",
    "Despite early treatment, the infection spread, resulting in a fatal outcome.",
    "Despite organ support, the patient was ultimately not salvageable.",
    "Three days later she suffered a fatal intracranial haemorrhage.",
    # the course that ended it, told in the past tense, or "with a fatal end"
    "She developed progressive dementia that led to her death.",
    "The pneumonia led to death within a week.",
    "He was admitted with encephalitis, with fatal end after two months.",
    # a stay counted from admission is no state found on admission
    "He had been on admission for thirteen days when he died.",
    # a fatal event told as it occurred
    "Ultimately fatal type B aortic dissection occurred on post-partum day 15.",
    # the end of care
    "Chelation was started, but he did not make a neurological recovery, and care was withdrawn.",
    # the death at the end of a course, after its complications; an illness the patient developed told fatal
    "She developed a bleeding disorder, which led to severe complications and ultimately death despite treatment.",
    "Three days after admission the patient developed fatal massive hemoptysis.",
    "On day 4 he developed fatal respiratory failure.",
    # a finding that contributed to the end
    "Calcifications spread to the lungs and kidneys, which contributed to multi-organ failure and death.",
])
def test_an_illness_told_fatal_or_causing_the_patients_death_is_died(nlp, text):
    assert categories(nlp, text) == ["died"]


@pytest.mark.parametrize("text", [
    "The disease is often fatal if untreated.",
    "The infection was fatal in 30% of reported cases.",
    # a share of the cases, written with a percentage right after the preposition
    "Untreated, the infection progresses rapidly, resulting in a fatal outcome in 30% of cases.",
    "Untreated, the infection resulted in death in 25% of the published cases.",
    "Untreated patients can develop a fatal arrhythmia.",
    "Aortic dissection is a leading cause of sudden death of young athletes.",
    # a course that kills only when it is left untreated, or in a share of the cases
    "Infection typically progresses rapidly, resulting in death when untreated.",
    "The infection led to death in 30% of the published cases.",
    "The infection can lead to death.",
    "The infection can lead to sepsis, organ failure and eventually death.",
    "The syndrome led to complications and eventually death in 30% of the published cases.",
    "Fatal arrhythmias may occur in such patients.",
    # the time a death usually comes in: the disease's course, not the patients'
    "The affected children presented at various ages and all of them have died, usually within two years.",
    "The anticoagulant was withdrawn because of bleeding.",
])
def test_a_fatality_of_the_literature_is_none(nlp, text):
    assert "died" not in categories(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a progression that ends in death: the death is the status
    ("Unfortunately, she rapidly progressed and expired within 10 months.", ["died"]),
    ("He progressed and then died of respiratory failure.", ["died"]),
    ("The disease progressed after two cycles.", ["progressive disease"]),
])
def test_a_progression_that_ends_in_death(nlp, text, expected):
    assert categories(nlp, text) == expected
