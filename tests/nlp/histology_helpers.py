"""Shared by the histology component's tests (tests/nlp/test_histology*.py): the pipeline fixture
and the normalised type names a text gives. A test module imports the fixture by name (``from
histology_helpers import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The histology component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_histology")


def names(nlp, text):
    """The normalised histology of every histology span of ``text``, in order."""
    doc = nlp(text)
    return [s._.value.histology for s in doc.spans["histology"]]
