"""Shared by the outcome component's tests (tests/nlp/test_outcome*.py): the pipeline fixture
and the readings of a text. A test module imports the fixture by name (``from outcome_helpers
import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The outcome component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_outcome")


def outcomes(nlp, text):
    """The :class:`Outcome` values found in ``text``, in order."""
    doc = nlp(text)  # the spans live as long as their doc
    return [s._.value for s in doc.spans["outcome"]]


def categories(nlp, text):
    """The categories found in ``text``, in order."""
    return [o.category for o in outcomes(nlp, text)]
