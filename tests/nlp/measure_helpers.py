"""Shared by the measure component's table and unit tests (tests/nlp/test_measures_*.py): the
pipeline fixture and the white-cell values a text gives. A test module imports the fixture by
name (``from measure_helpers import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The measure component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_measures")


def wbc(nlp, text):
    """The white-cell counts of ``text`` that are results, not thresholds, in 10^9/L."""
    doc = nlp(text)
    return [s._.value.value for s in doc.spans["measures"] if s.label_ == "WBC" and not s._.value.threshold]
