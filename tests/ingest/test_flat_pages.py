"""A page flattened to one line gets its headings and numbered patient labels back on lines of
their own; a text with its lines is left as it is (texts written for the tests)."""
import pytest

from pipeline.extraction import report_cases
from pipeline.ingest import read_report
from pipeline.ingest.flat import is_flat, separate_flat_headings
from pipeline.nlp.build import build_nlp

FILLER = " The findings were discussed by the team." * 20


def lines_of(text: str) -> list[str]:
    return separate_flat_headings(text).split("\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rare tumours in twins: two case reports. Abstract Two cases were observed.",
         ["Rare tumours in twins: two case reports.", "Abstract", "Two cases were observed."]),
        ("We saw her in clinic. Case presentation A 45-year-old woman had fever.",
         ["We saw her in clinic.", "Case presentation", "A 45-year-old woman had fever."]),
        ("She recovered. Case 2: A 70-year-old man had fever.",
         ["She recovered.", "Case 2: A 70-year-old man had fever."]),
        ("The boy was treated. CONCLUSIONS Early surgery helps.",
         ["The boy was treated.", "CONCLUSIONS", "Early surgery helps."]),
        # a title has no full stop: a heading with its colon may follow any word
        ("Leukaemia in identical twins Background: Twins share a placenta.",
         ["Leukaemia in identical twins", "Background:", "Twins share a placenta."]),
    ],
)
def test_headings_of_a_flattened_page_start_lines_again(text, expected):
    lines = lines_of(text + FILLER)
    assert lines[:len(expected) - 1] == expected[:-1] and lines[len(expected) - 1].startswith(expected[-1])


@pytest.mark.parametrize(
    "text",
    [
        "The results were poor. Results were discussed with the family.",  # a heading word as the subject
        "She was seen. CASE STUDY DE, a 31-year-old woman, had a mass.",  # "CASE" with no colon
        "He was seen again. The case presentation was typical.",  # lower case, inside a sentence
        "We report a case of pneumonia. Discussion of the options followed.",
    ],
)
def test_heading_words_inside_sentences_stay(text):
    page = text + FILLER
    assert lines_of(page) == [page]


def test_a_text_with_its_lines_or_a_short_one_is_left_as_it_is():
    with_lines = "Title\n\nAbstract\nTwo cases were observed.\n\nCase presentation A 45-year-old woman." + FILLER
    short = "Abstract Two cases were observed."
    assert not is_flat(with_lines) and separate_flat_headings(with_lines) == with_lines
    assert not is_flat(short) and separate_flat_headings(short) == short


def test_a_flattened_two_patient_report_gives_two_rows(tmp_path):
    page = ("Pneumonia in two brothers: two case reports. Abstract We report two brothers with pneumonia."
            + FILLER + " Case 1: A 12-year-old boy had fever and cough. He was given ceftriaxone and recovered."
            " Case 2: His 9-year-old brother had fever. He was given azithromycin and recovered."
            " Discussion Pneumonia in siblings is common.")
    path = tmp_path / "flat.txt"
    path.write_text(page, encoding="utf-8")
    [report] = read_report(path)
    assert report.title == "Pneumonia in two brothers: two case reports"
    rows = report_cases(build_nlp(), report)
    assert [(row.age, row.drugs) for row in rows] == [(12, ["ceftriaxone"]), (9, ["azithromycin"])]


def test_the_title_of_a_flattened_page_still_announces_its_patients(tmp_path):
    page = ("Acute leukaemia in identical twins: clinical cases Affiliation: 1. Institute of Paediatric "
            "Haematology, Kazan, Russia" + FILLER + " The twins were born at term. Both boys were treated "
            "with vincristine and both are alive.")
    path = tmp_path / "twins.txt"
    path.write_text(page, encoding="utf-8")
    [report] = read_report(path)
    rows = report_cases(build_nlp(), report)
    assert len(rows) == 2 and [row.sex for row in rows] == ["male", "male"]


def test_blank_lines_do_not_make_a_flattened_page_a_page_with_lines():
    body = "Pneumonia in two brothers: two case reports. Abstract We report two brothers." + FILLER
    assert is_flat(body) and is_flat(body + "\n\n") and is_flat("Title\n\n" + body + "\n\n")
    assert separate_flat_headings(body + "\n\n").split("\n")[:2] == [
        "Pneumonia in two brothers: two case reports.", "Abstract"]
