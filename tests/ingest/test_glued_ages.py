"""A patient's age phrase that a page ran into the word before or after it gets its space back."""
import pytest

from pipeline.ingest import read_report
from pipeline.ingest.glued import separate_glued_ages


@pytest.mark.parametrize(
    "text, expected",
    [
        # the article before the number lost its space (a link or a column break after "a")
        ("We describe a63-year-old farmer with fever.", "We describe a 63-year-old farmer with fever."),
        ("He was an18-month-old toddler.", "He was an 18-month-old toddler."),
        ("A71 year old woman had pain.", "A 71 year old woman had pain."),
        ("The patient, aged48 years, was well.", "The patient, aged 48 years, was well."),
        ("a man of60 years", "a man of 60 years"),
        # "old" run into the capitalised word after it (a bold or italic run that lost its space)
        ("A 9-year-oldCaucasian boy was seen.", "A 9-year-old Caucasian boy was seen."),
        ("a 34 years oldMale farmer", "a 34 years old Male farmer"),
        ("a 5-day-oldNeonate", "a 5-day-old Neonate"),
        ("a 2.5-year-oldGirl", "a 2.5-year-old Girl"),
    ],
)
def test_glued_ages_are_separated(text, expected):
    assert separate_glued_ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 63-year-old farmer with fever.",
        "Metadata52 years of records were read.",  # a longer word before the number: not an article
        "The Bold type, the threshold of 5 years and a 40-year-old man.",
        "Stage pT1a2 and FIGO IA2 disease.",
        "an 18-month-old toddler and a 3-year-old sibling",
        "The 12-year-old's mother was seen.",
    ],
)
def test_text_without_glued_ages_is_unchanged(text):
    assert separate_glued_ages(text) == text


def test_a_page_with_a_glued_age_keeps_it(tmp_path):
    path = tmp_path / "glued-age.txt"
    path.write_text(
        "Septic hip in a child\n\nHISTORY\nTom is a previously healthy 8-year-oldHispanic boy who "
        "presented with hip pain.\nWe report a42-year-old woman with the same complaint.\n",
        encoding="utf-8",
    )
    text = read_report(path)[0].text
    assert "8-year-old Hispanic boy" in text
    assert "We report a 42-year-old woman" in text
