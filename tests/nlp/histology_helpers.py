"""Shared by the histology component's tests (tests/nlp/test_histology*.py): the pipeline fixtures
(the component alone, and the whole pipeline) and the normalised type names a text gives, or the
one row a report gives. A test module imports the fixture by name (``from
histology_helpers import nlp``), which pytest registers as that module's own."""
import pytest

from pipeline.extraction import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp(make_nlp):
    """The histology component alone on caselit's tokenizer and sentence rules."""
    return make_nlp("caselit_histology")


def names(nlp, text):
    """The normalised histology of every histology span of ``text``, in order."""
    doc = nlp(text)
    return [s._.value.histology for s in doc.spans["histology"]]


@pytest.fixture(scope="module")
def full():
    """The whole caselit pipeline, for tests of a case's primary site and type."""
    return build_nlp()


def row(nlp, text):
    """The one row (case) that ``text`` gives."""
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(rows) == 1
    return rows[0]
