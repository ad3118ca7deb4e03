"""Shared by the date component's tests (tests/nlp/test_dates.py, test_page_forms.py): the pipeline
fixture and the dates a text gives, of the case or of the page. A test module imports the fixture
by name (``from date_helpers import nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The date component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_dates")


def clinical(nlp, text):
    """ISO dates of ``text`` that date events of the case."""
    doc = nlp(text)
    return [s._.value.iso for s in doc.spans["dates"] if not s._.value.metadata]


def metadata(nlp, text):
    """ISO dates of ``text`` that date the page, the publication or the literature."""
    doc = nlp(text)
    return [s._.value.iso for s in doc.spans["dates"] if s._.value.metadata]
