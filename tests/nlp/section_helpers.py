"""Shared by the section component's tests (tests/nlp/test_sections*.py): the pipeline fixture and
the section a phrase stands in. A test module imports the fixture by name (``from section_helpers
import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The section component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_sections")


def section_of(doc, phrase):
    """The label of the section that holds the first occurrence of ``phrase``."""
    start = doc.text.index(phrase)
    return next(s.label_ for s in doc.spans["sections"] if s.start_char <= start < s.end_char)
