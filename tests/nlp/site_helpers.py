"""Shared by the site component's tests (tests/nlp/test_sites*.py): the pipeline fixture and the
(site, role) pairs a text gives. A test module imports the fixture by name (``from site_helpers
import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The site component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_sites")


def found(nlp, text):
    """The (site, role) of every site span of ``text``, in order."""
    doc = nlp(text)
    return [(s._.value.site, s._.value.role) for s in doc.spans["sites"]]
