"""Statuses of reports with several patients: patients named by their order ("the second
patient"), announced by the authors ("we describe two patients who ..."), or standing for a
group named in the sentence before ("They died ..."); sentences written for the tests."""
import pytest

from outcome_helpers import nlp, outcomes  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize(
    "text, cases",
    [
        ("The first patient died of refractory shock on day 4.", (1,)),
        ("The second patient survived after six weeks of antifungal therapy.", (2,)),
        ("The third child was discharged home on day 12.", (3,)),
    ],
)
def test_a_patient_named_by_order_is_that_row(nlp, text, cases):
    [found] = outcomes(nlp, text)
    assert found.subject_reported_group and found.cases == cases and not found.subject_plural


def test_patients_announced_by_the_authors_are_the_reports_own(nlp):
    [found] = outcomes(nlp, "Here we describe two patients who were bitten by vipers and who died despite antivenom.")
    assert found.subject_reported_group and not found.subject_plural and found.cases == ()


def test_they_opening_a_sentence_stands_for_the_group_before(nlp):
    found = outcomes(nlp, "In both patients the lymphoma progressed despite salvage therapy. They died within a year.")
    assert found[-1].category == "died" and found[-1].subject_reported_group and not found[-1].subject_plural


@pytest.mark.parametrize("text, category", [
    # "they" opening a clause after a leading phrase
    (("Both patients had received a kidney graft. During follow-up, their immunosuppression was reduced and they "
      "were treated with alpha interferon with remission of the skin lesions."), "complete remission"),
    ("Both children were admitted to intensive care; they recovered without sequelae.", "recovered"),
])
def test_they_opening_a_clause_stands_for_the_group_before(nlp, text, category):
    found = outcomes(nlp, text)
    assert found[-1].category == category and found[-1].subject_reported_group


@pytest.mark.parametrize(
    "text",
    [
        # a group of the literature before "they"
        "Most patients with this toxin recover. They are usually discharged within a week.",
        # "they" of things
        "The lesions regressed after excision. They have not recurred.",
    ],
)
def test_they_without_a_reported_group_before_is_not_the_patients(nlp, text):
    assert not any(o.subject_reported_group for o in outcomes(nlp, text))


def test_the_other_two_are_not_the_one_patient(nlp):
    found = outcomes(nlp, "One woman recovered after transplantation, while the other two died of cerebral haemorrhage.")
    assert [(o.category, o.subject_plural) for o in found] == [("recovered", False), ("died", True)]


@pytest.mark.parametrize(
    "text",
    [
        "He could not be revived and death was announced at 21:40.",
        "Death was declared two hours after admission.",
        "Life support was withdrawn on day 27 because of absent brain activity.",
        "Life-sustaining treatment was eventually withdrawn.",
    ],
)
def test_death_certified_or_life_support_withdrawn_is_a_death(nlp, text):
    assert "died" in [o.category for o in outcomes(nlp, text)]


def test_withdrawal_of_life_support_only_discussed_is_no_death(nlp):
    assert "died" not in [o.category for o in outcomes(nlp, "The family discussed withdrawal of life support, but she improved.")]


def test_attending_the_emergency_department_after_a_discharge_is_a_new_admission(nlp):
    found = outcomes(nlp, "She was discharged on day 9. Two weeks later the patient attended the emergency department "
                          "of our hospital with fever.")
    assert found[0].readmitted_after


@pytest.mark.parametrize(
    "text, plural",
    [
        # the singular "they" of the patient the sentence opens on
        ("The patient, aged 73 years, had less joint pain after surgery; however, they died of metastases.", False),
        # ... not a "they" of the patient and another person
        ("The patient and her husband were admitted; they died of carbon monoxide poisoning.", True),
    ],
)
def test_they_after_the_patient_in_its_sentence(nlp, text, plural):
    [found] = [o for o in outcomes(nlp, text) if o.category == "died"]
    assert found.subject_plural is plural


@pytest.mark.parametrize(
    "text",
    [
        "Both tumours were removed. There is no evidence of tumoral activity in any of our patients.",
        "At present, patients are under regular oncology follow-up, with no evidence of disease recurrence.",
    ],
)
def test_the_reports_patients_named_as_any_of_ours_or_at_present(nlp, text):
    [found] = outcomes(nlp, text)
    assert found.category == "no evidence of disease" and found.subject_reported_group and not found.subject_plural


@pytest.mark.parametrize("text, but", [
    ("Unfortunately, case 2 passed away due to sepsis, while the other cases recovered.", (2,)),
    ("Patient 1 died on day 9; the other two recovered.", (1,)),
    ("Case 1 died, and the other patients were discharged in good condition.", (1,)),
])
def test_the_rest_after_patients_named_by_number_is_every_other_row(nlp, text, but):
    found = outcomes(nlp, text)[-1]
    assert found.subject_reported_group and found.but_cases == but and found.cases == () and not found.subject_plural


def test_the_other_patients_with_no_one_named_before_are_no_complement(nlp):
    found = outcomes(nlp, "The other two patients recovered.")[-1]
    assert found.but_cases == ()
