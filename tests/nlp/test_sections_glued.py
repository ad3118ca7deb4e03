"""Headings glued to the first sentence of their section in lines of ordinary length (PDF text
reflowed into paragraphs, pages whose headings lost their line break but kept a space)."""
import pytest

from section_helpers import nlp, section_of  # noqa: F401 (nlp: the shared fixture)


PDF_PAGE = """Journal of Rare Infections Volume 3, Article ID 1234, 4 pages

A 52-year-old man was admitted with fever and was treated with ceftriaxone.

1. Introduction Infections of this kind were treated with vancomycin in earlier reports.
"""


def test_a_numbered_heading_glued_to_its_first_sentence_opens_its_section(nlp):
    doc = nlp(PDF_PAGE)
    assert section_of(doc, "Infections of this kind") == "background"
    assert section_of(doc, "A 52-year-old man") != "background"


def test_upper_case_headings_glued_to_their_text_at_a_line_start(nlp):
    doc = nlp("Title of a report\n\nCASE PRESENTATION A 52-year-old man was admitted with fever. "
              "He was treated with cefazolin.\n\nDISCUSSION Other patients received vancomycin [2].\n")
    assert section_of(doc, "He was treated") == "case"
    assert section_of(doc, "Other patients") == "discussion"


def test_a_case_heading_after_a_sentence_end_opens_the_case(nlp):
    doc = nlp("Title of a report\n\nThis infection is rare in adults and seldom reported [1]. Case Report "
              "An 81-year-old man was admitted with fever. He was treated with cefazolin.\n")
    assert section_of(doc, "He was treated") == "case"


@pytest.mark.parametrize("text", [
    # after a citation number glued to the sentence before, no full stop
    "Abstract Background Infarction is rare in the young; its profile needs study in young patients1 "
    "Clinical Case A 28–year–old male, occasional smoker, had chest pain. He was treated with aspirin.\n",
    # after a citation bracket, no full stop
    "Title of a report\n\nIts profile needs more study in young patients [1] Case Report A 28-year-old man had "
    "chest pain. He was treated with aspirin.\n",
])
def test_a_case_heading_run_in_after_any_word_before_the_patients_first_sentence(full_nlp, text):
    doc = full_nlp(text)
    assert section_of(doc, "He was treated") == "case"
    # the heading begins the patient's sentence: the study of the sentence before is not its subject
    assert [s._.subject for s in doc.spans["demographics"] if s.label_ == "AGE"] != ["other"]


def test_a_case_heading_run_in_before_no_patient_opens_nothing(nlp):
    doc = nlp("Title of a report\n\nIts profile needs study in young patients [1] Case Report A review of "
              "twelve series follows. Other authors used aspirin.\n")
    assert section_of(doc, "Other authors") != "case"


def test_a_title_or_running_head_after_case_report_opens_no_case(nlp):
    doc = nlp("Case Report A Case Report of Acute Cholecystitis due to a Rare Organism\n\n"
              "Department of Medicine, City Hospital, Town\n")
    assert section_of(doc, "Department of Medicine") == "front"


@pytest.mark.parametrize("sentence", [
    "Introduction of a nasogastric tube was uneventful.",
    "The discussion With the family was long.",
    "He was well. Conclusion Of the treatment was planned for May.",
])
def test_heading_words_in_running_text_open_nothing(nlp, sentence):
    doc = nlp(f"Case presentation\n\nA 60-year-old woman was admitted. {sentence} She went home.\n")
    assert section_of(doc, "She went home") == "case"


def test_a_heading_after_a_sentence_end_other_than_the_case_stays_in_its_paragraph(nlp):
    # "... we report a case. Conclusion Early surgery ..." ends an abstract's paragraph; the lines
    # after it are not the conclusion's
    doc = nlp("Abstract\n\nA rare tumour. We report a case. Conclusion Early surgery helps.\n\n"
              "A 45-year-old woman was admitted with pain. She was given cefazolin.\n")
    assert section_of(doc, "She was given") != "conclusion"


@pytest.fixture(scope="module")
def full_nlp():
    from pipeline.nlp.build import build_nlp
    return build_nlp()


def test_a_case_study_label_run_into_the_first_sentence_keeps_the_patient(full_nlp):
    # "Case study:" is the report's own label, no study of the literature
    doc = full_nlp("Rights and permissions\nThis article is licensed under a Creative Commons licence.\n"
                   "Case study: A 15-year-old girl was admitted on 12 January 2022 with fever.\n")
    assert {s.text: s._.subject for s in doc.spans["demographics"]}["15-year-old"] != "other"


def test_a_case_study_of_the_literature_stays_the_literature(full_nlp):
    doc = full_nlp("Discussion\n\nIn a case study by Smith et al., a 40-year-old woman received cefazolin.\n")
    assert {s.text: s._.subject for s in doc.spans["demographics"]}["40-year-old"] == "other"


def test_a_discussion_run_into_a_short_flattened_page_is_no_patient_text(nlp):
    doc = nlp("Title of a report Correspondence Address: Dr. A. Author, City. Source of Support: None "
              "Introduction Abscesses follow trauma [1]. Case Report A 47-year-old man presented with a swelling. "
              "He was discharged in good condition. Discussion Other authors used linezolid [3]. "
              "Earlier, a 30-year-old man died despite meropenem [4].\n")
    assert section_of(doc, "He was discharged") == "case"
    assert section_of(doc, "Other authors used") == "discussion"
    assert section_of(doc, "Earlier, a 30-year-old") == "discussion"


def test_a_discussion_after_a_sentence_end_holds_to_its_line_end_only(nlp):
    doc = nlp("Case presentation\n\nA 50-year-old woman was admitted. She was well. Discussion Such cases are rare.\n"
              "She was given cefazolin on day 2.\n")
    assert section_of(doc, "Such cases are rare") == "discussion"
    assert section_of(doc, "She was given cefazolin") == "case"


def test_a_case_heading_run_in_before_the_authors_presenting_the_patient_in_a_flattened_page(nlp):
    filler = "Infarction is rare in the young and its causes are many. " * 40  # a page flattened to one long line
    doc = nlp("Journal of Cases Abstract Background " + filler + "Clinical findings Case Report We present the case "
              "of a 28-year-old man with chest pain. He was treated with aspirin. Discussion Other authors used heparin.\n")
    assert section_of(doc, "He was treated") == "case"
