"""Hormones of an endocrine work-up are measured, not given, unless a word of giving says so
(models/drugs/substances.tsv); two generated names written by their INN (models/drugs/inn.tsv).
Sentences written for the tests."""
import pytest

from drug_helpers import generics, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "Her follicle-stimulating hormone was 2.3 U/L and luteinising hormone 0.9 U/L.",
    "Oestradiol was raised at 610 pmol/l.",
    "The serum leptin concentration was undetectable.",
    "Deoxycorticosterone of 18 nmol/L and aldosterone below the assay range pointed to the adrenal.",
    "Morning cortisol was 2.1 µg/dL, with a high renin activity.",
    "Prolactin was mildly elevated (38 ng/mL).",
    "Serum erythropoietin was inappropriately low for the anaemia.",
])
def test_a_measured_hormone_is_no_drug(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("She was started on oestradiol 1 mg daily.", ["estradiol"]),
    ("Hydrocortisone 100 mg was given intravenously.", ["hydrocortisone"]),
    ("Calcitonin 100 IU was injected subcutaneously.", ["calcitonin"]),
    ("Erythropoietin was given three times a week for the anaemia.", ["epoetin alfa"]),
])
def test_a_hormone_given_stays_a_drug(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He has taken cysteamine since infancy.", ["mercaptamine"]),
    ("She takes low-dose aspirin every morning.", ["acetylsalicylic acid"]),
])
def test_names_the_generated_table_keeps_are_written_by_their_inn(nlp, text, expected):
    assert generics(nlp, text) == expected
