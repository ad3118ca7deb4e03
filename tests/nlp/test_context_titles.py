"""A report's title that names its two parts ("... : case report and review of the literature")
keeps the findings it names as the reported patient's; a title or sentence about the literature
alone still gives them to the literature. Sentences written for the tests."""
import pytest

from pipeline.nlp.spans import char_span


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_sections", "caselit_context")


def subject(nlp, text, word):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "caselit_context":
            start = text.index(word)
            doc.spans["sites"] = [char_span(doc, start, start + len(word), "X")]
        doc = proc(doc)
    return doc.spans["sites"][0]._.subject


@pytest.mark.parametrize("title", [
    "Stage IB Adenocarcinoma of the Uterine Cervix in Pregnancy: Case Report and Review of the Literature",
    "Metastasis of endometrial carcinoma to the tonsil: a case report and literature review",
    "Leiomyosarcoma of the vulva: report of a case and review of the literature",
    "Two sisters with ovarian dysgerminoma: case reports and review of the literature",
])
def test_a_title_naming_the_case_and_its_review_is_the_patients(nlp, title):
    word = next(w for w in ("Cervix", "tonsil", "vulva", "ovarian") if w in title)
    assert subject(nlp, title + "\n\nAbstract\n\nShe presented with bleeding.", word) == "patient"


@pytest.mark.parametrize("text, word", [
    ("Adenocarcinoma of the cervix in pregnancy: a review of the literature", "cervix"),
    ("Cervical metastases are rare in the literature.", "Cervical"),
])
def test_the_literature_alone_stays_the_literatures(nlp, text, word):
    assert subject(nlp, text, word) == "other"
