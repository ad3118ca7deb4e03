"""Section headings a scraped page glued to their text are put back on lines of their own."""
import doctest

import pytest

from pipeline.ingest import glued as glued_module
from pipeline.ingest import read_report
from pipeline.ingest.glued import separate_glued_headings


def test_doctests():
    assert doctest.testmod(glued_module).failed == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bold heading that lost its line break runs into its paragraph
        ("BackgroundSarcomas of the uterus are rare.", "Background\nSarcomas of the uterus are rare."),
        ("CONCLUSIONSEarly surgery helps.", "CONCLUSIONS\nEarly surgery helps."),
        # heading, colon and text with no space anywhere
        ("Background:Measles is back.Case presentation:The boy was 4 years old.",
         "Background:\nMeasles is back.\nCase presentation:\nThe boy was 4 years old."),
        # a numbered patient glued to the sentence before it
        ("She recovered.Case 2: A 70-year-old man had fever.",
         "She recovered.\nCase 2: A 70-year-old man had fever."),
        ("Case descriptionCase 1: A 9-year-old girl.", "Case description\nCase 1: A 9-year-old girl."),
    ],
)
def test_glued_headings_are_separated(text, expected):
    assert separate_glued_headings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Background: Measles is back.\nCase presentation: The boy was 4 years old.",
        "The results of the study.Results were poor in the elderly.",  # not a heading: a sentence
        "Caseload was high in 2019. Case 3 is described below.",
        "Case1: A 45-year-old man.",  # a numbered label is not cut
        "Diagnosis of the lesion was difficult.",
    ],
)
def test_text_without_glued_headings_is_unchanged(text):
    assert separate_glued_headings(text) == text


def test_a_glued_abstract_keeps_its_patient(tmp_path):
    path = tmp_path / "kawasaki.txt"
    path.write_text(
        "Kawasaki disease in an infant: a case report\n\n"
        "Background:Kawasaki disease is a vasculitis of childhood.Case presentation:A 3-months old "
        "male infant had fever for six days and was treated with aspirin.Conclusion:Think of it.\n",
        encoding="utf-8",
    )
    text = read_report(path)[0].text
    assert "\nCase presentation:\nA 3-months old male infant" in text
    assert "\nConclusion:\nThink of it." in text
