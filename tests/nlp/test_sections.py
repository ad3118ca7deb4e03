import doctest

import pytest

from pipeline.nlp.sections import sections as sections_module


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_sections")


def section_of(doc, phrase):
    start = doc.text.index(phrase)
    return next(s.label_ for s in doc.spans["sections"] if s.start_char <= start < s.end_char)


REPORT = """Skip to main content

Leukemoid reaction in cervical cancer: a case report

Abstract

Background

A leukemoid reaction is rare.

Case presentation

We report a 40-year-old patient.

1. Introduction

Cervical cancer is common worldwide [1].

2. Case Report

A 40-year-old woman was admitted on April 18, 2012.

Discussion

Two patients received gemcitabine [3].

Conclusions

Our case responded to chemotherapy.

References

1. Smith J. Cervical cancer. Lancet 2010.
Acknowledgements
We thank the nurses.
"""


@pytest.mark.parametrize("phrase, section", [
    ("Leukemoid reaction in cervical", "front"),
    ("A leukemoid reaction is rare", "background"),
    ("We report a 40-year-old", "case"),
    ("Cervical cancer is common", "background"),
    ("A 40-year-old woman was admitted", "case"),
    ("Two patients received", "discussion"),
    ("Our case responded", "conclusion"),
    ("Smith J.", "references"),
    ("We thank the nurses", "back"),
])
def test_sections_from_headings(nlp, phrase, section):
    assert section_of(nlp(REPORT), phrase) == section


def test_inline_heading_with_colon(nlp):
    doc = nlp("Title line\nCase presentation: A 60-year-old man had fever.\nDiscussion: Fever is common.")
    assert section_of(doc, "A 60-year-old man") == "case"
    assert section_of(doc, "Fever is common") == "discussion"


def test_merged_two_column_headings_open_a_mixed_section(nlp):
    doc = nlp("Abstract text.\nINTRODUCTION CASE REPORT\nA 68-year-old woman was admitted.")
    assert section_of(doc, "A 68-year-old") == "body"


def test_a_long_sentence_is_not_a_heading(nlp):
    doc = nlp("Title\nThe discussion of this case was held at the tumour board on Monday morning.")
    assert [s.label_ for s in doc.spans["sections"]] == ["front"]


def test_patient_markers(nlp):
    doc = nlp("Case reports\nCase 1\nA 50-year-old woman.\nCase 2: A 61-year-old woman.\nDiscussion\nBoth cases...")
    assert [m._.value.number for m in doc.spans["patients"]] == [1, 2]


def test_docstring_example():
    assert doctest.testmod(sections_module).failed == 0
