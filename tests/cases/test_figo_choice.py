"""Which FIGO stage a case gets: the first stated, unless a title's stage is refined by the
text (sentences written for the tests; issue 11, class 7 "sub-stages")."""
import pytest

from pipeline.cases.assemble import assemble
from pipeline.ingest.report import Report
from mention_helpers import as_mentions

GROUPS = ("stage", "sites", "histology")


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage", "caselit_sites", "caselit_histology")


def stage_of(nlp, title, body):
    text = f"{title}\n\n{body}"
    doc = nlp(text)
    return assemble(Report(name="test.txt", text=text, title=title), as_mentions(doc, GROUPS), [])[0].figo_stage


def test_the_text_refines_the_stage_of_the_title(nlp):
    assert stage_of(nlp, "Stage I vulvar carcinoma with an early relapse",
                    "We report a woman with stage IB squamous cell carcinoma of the vulva.") == "IB"


def test_a_different_stage_in_the_text_does_not_replace_the_title_stage(nlp):
    assert stage_of(nlp, "Stage I vulvar carcinoma with an early relapse",
                    "We report a woman with stage III squamous cell carcinoma of the vulva.") == "I"


def test_outside_a_title_the_first_stage_stated_stays(nlp):
    assert stage_of(nlp, "A borderline ovarian tumour in a young woman",
                    "She had stage III serous carcinoma of the ovary. At recurrence it was stage IIIC.") == "III"
