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


@pytest.mark.parametrize("text, expected", [
    # a class named after the hormone, its abbreviation in brackets between: no drug of the class named
    ("She received fulvestrant in combination with luteinizing hormone-releasing hormone (LHRH) analogues.",
     ["fulvestrant"]),
    # the complement protein's abbreviation holds no isoniazid; the antituberculous INH stays one
    ("Complement studies including C4, C1q and C1-INH protein were normal; she was given danazol.", ["danazol"]),
    ("Latent tuberculosis was treated with INH and rifampicin.", ["isoniazid", "rifampicin"]),
    # the French name of artemisinin, one letter from artemisone
    ("Treatment with intravenous artemisine was started on admission.", ["artemisinin"]),
])
def test_names_that_look_like_a_drug_or_its_class(nlp, text, expected):
    assert generics(nlp, text) == expected
