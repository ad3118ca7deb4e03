"""A paper converted to Markdown reads as the same text without its markup (text written for
these tests)."""
from pathlib import Path

import pytest

from pipeline.ingest.markdown import plain_markdown
from pipeline.ingest.text import read_text

PAPER = """# Candida sepsis in a young man: a case report

## Introduction
Caspofungin is used in adults with candidaemia [1].

## Case presentation
**Case 1:** A 40-year-old man was admitted with fever. He received meropenem.

**Discussion**
Other patients received flucytosine [3].

### References ###
1. Smith J. Candidaemia. Lancet. 2010;375:1-9.
"""


def test_markdown_headings_and_bold_labels_lose_their_markup():
    lines = plain_markdown(PAPER).splitlines()
    assert lines[0] == "Candida sepsis in a young man: a case report"
    assert {"Introduction", "Case presentation", "Discussion", "References"} <= set(lines)
    assert "Case 1: A 40-year-old man was admitted with fever. He received meropenem." in lines


@pytest.mark.parametrize("line", [
    "The dose was 2 * 5 mg and the * marks a footnote.",
    "#1 priority was the airway.",
    "Her snake_case file name and a__b stay.",
])
def test_text_that_only_looks_like_markup_is_left_alone(line):
    assert plain_markdown(line) == line


def test_a_markdown_file_reads_as_its_plain_text_with_its_sections():
    from pipeline.nlp.build import build_nlp

    [report] = read_text(PAPER.encode(), Path("paper.md"))
    assert report.title == "Candida sepsis in a young man: a case report"
    doc = build_nlp()(report.text)
    sections = {s.label_ for s in doc.spans["sections"]}
    assert {"background", "case", "discussion", "references"} <= sections
