"""A status a report of several non-cancer patients says of them as a group, in the words groups are
told with: "both improved with ...", "the patients improved after ...", "both cases survived", a
treatment given "to both patients with excellent results", "an improvement in our patients'
condition", "with subsequent resolution of their ..." — each row's recovery, also when the
sentence stands in the introduction after the report has announced its patients. Not a group's
first improvement before a death, nor the literature's. Reports written for the tests."""
import pytest

from case_outcome_helpers import full_nlp, outcomes  # noqa: F401 (the shared fixture)

OPENING = ("Acute renal failure after mushroom poisoning: two cases\n\nAbstract\nWe describe two patients with "
           "acute renal failure after eating wild mushrooms. {said}\n\nCase 1\nA 45-year-old man presented with "
           "vomiting and oliguria. He was treated with hemodialysis.\n\nCase 2\nA 39-year-old woman presented with "
           "vomiting two days after the same meal. She received hemodialysis.\n")


@pytest.mark.parametrize("said", [
    "Both improved with the administration of fomepizole and fluids.",
    "The patients improved after plasmapheresis.",
    "After antivenom therapy both cases survived.",
    "Fomepizole was given to both patients with excellent results.",
    "Early dialysis allowed an improvement in our patients' condition and their transfer to the ward.",
    "The patients were treated with steroids, with subsequent resolution of their nephrotic syndrome.",
])
def test_a_status_told_of_the_group_is_each_rows(full_nlp, said):
    assert outcomes(full_nlp, OPENING.format(said=said)) == ["recovered", "recovered"]


@pytest.mark.parametrize("said", [
    "Both patients improved initially but died of sepsis.",
    "Both patients survived for two months.",
])
def test_a_first_improvement_or_a_time_to_death_is_no_recovery(full_nlp, said):
    assert outcomes(full_nlp, OPENING.format(said=said)) != ["recovered", "recovered"]


def test_a_group_status_in_the_introduction_after_the_announcement_is_the_groups(full_nlp):
    text = ("Neonatal Bartter syndrome\n\nIntroduction\nBartter syndrome is an inherited tubular disorder. We report "
            "two infants with the neonatal form who were diagnosed late. Both improved with the administration "
            "of indometacin.\n\nCase 1\nA 15-month-old boy was referred with failure to thrive since birth.\n\n"
            "Case 2\nA 10-month-old girl was referred with polyuria and vomiting.\n")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_the_literatures_group_of_two_is_not_the_patients(full_nlp):
    text = ("Case presentation\nA 52-year-old man presented with oliguria after eating wild mushrooms. He was given "
            "hemodialysis.\n\nDiscussion\nTwo similar patients were described by Lee et al. [4]; with early "
            "dialysis, both patients with acute renal failure survived.\n")
    assert outcomes(full_nlp, text) == [None]


def test_one_of_the_group_named_after_it_is_no_rows_status(full_nlp):
    said = "Both patients required repeated plasma exchange, and one died of the disease eight months later."
    assert outcomes(full_nlp, OPENING.format(said=said)) == [None, None]
