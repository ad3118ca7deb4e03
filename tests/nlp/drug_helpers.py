"""Shared by the drug component's tests (tests/nlp/test_drugs_*.py): the pipeline fixture and the
generics found in a text. A test module imports the fixture by name (``from drug_helpers import
nlp``), which pytest registers as that module's own."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The drug component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_drugs")


def generics(nlp, text):
    """The generics of the drugs found in ``text``, sorted."""
    doc = nlp(text)  # kept alive while its spans are read
    return sorted({g for s in doc.spans["drugs"] for g in s._.value.generics})
