"""A report's title tells the course of the case, not the status at last follow-up: its sentence
gives no outcome, except a title that calls the case fatal (sentences written for the tests)."""
from pipeline.api import report_cases
from pipeline.ingest.report import Report

from case_outcome_helpers import full_nlp  # noqa: F401 (full_nlp: the shared fixture)


def row(nlp, title, body):
    [case] = report_cases(nlp, Report(name="t.txt", text=f"{title}\n\n{body}", title=title))
    return case


def test_progression_in_the_title_is_no_status(full_nlp):
    case = row(full_nlp, "Rapid progression of a hepatocellular carcinoma producing G-CSF: a case report",
               "A 67-year-old man was admitted with fever. CT showed a liver mass of 9 cm. Biopsy showed "
               "hepatocellular carcinoma. Lenvatinib was started.")
    assert case.outcome is None


def test_recovery_in_the_title_of_a_cancer_case_is_no_status(full_nlp):
    case = row(full_nlp, "Full recovery after resection of a hepatocellular carcinoma producing G-CSF",
               "A 67-year-old man was admitted with fever. CT showed a liver mass of 9 cm. Biopsy showed "
               "hepatocellular carcinoma. He underwent a right hepatectomy.")
    assert case.outcome is None


def test_the_text_status_after_a_title_stays(full_nlp):
    case = row(full_nlp, "Rapid progression of a hepatocellular carcinoma producing G-CSF: a case report",
               "A 67-year-old man was admitted with fever. Biopsy showed hepatocellular carcinoma. Despite "
               "lenvatinib he died of liver failure two months later.")
    assert case.outcome == "died"


def test_a_fatal_title_still_gives_death(full_nlp):
    case = row(full_nlp, "Fatal disseminated strongyloidiasis in a kidney transplant recipient",
               "A 52-year-old man with a kidney transplant presented with abdominal pain and diarrhoea. "
               "Larvae were seen in the sputum. Ivermectin was started.")
    assert case.outcome == "died"


def test_a_citation_of_the_report_holding_its_title_is_no_status(full_nlp):
    title = "Rapid progression of a hepatocellular carcinoma producing G-CSF: a case report and literature review"
    body = ("How to cite this article:\nLee K, Park J. " + title + ". J Case Rep 2019;4:12-5\n\n"
            "A 67-year-old man was admitted with fever. Biopsy showed hepatocellular carcinoma. Lenvatinib was started.")
    assert row(full_nlp, title, body).outcome is None


def test_a_sentence_holding_a_short_phrase_of_the_title_still_counts(full_nlp):
    # "Tetanus" alone is no title a status sentence could cite
    case = row(full_nlp, "Tetanus", "A 9-year-old boy presented with trismus after a foot wound. He received "
               "metronidazole. The boy recovered fully from tetanus and was discharged home.")
    assert case.outcome == "recovered"


def test_progression_in_the_journal_line_of_a_flattened_page_is_no_status(full_nlp):
    text = ("BMJ Case Rep. 2019; 12(6): e229871. Published online 2019 Jun 9. doi: 10.1136/bcr-2019-229871 Rapid "
            "progression of a hepatocellular carcinoma producing G-CSF Author information Hiroshi Tanaka, Department of "
            "Surgery, Tokyo Introduction " + "The hospital serves a large region of the country. " * 45 +
            "Case presentation A 67-year-old man was admitted with fever. Biopsy showed hepatocellular carcinoma. "
            "Lenvatinib was started.")  # one line of more than 2,000 characters: a flattened page
    [case] = report_cases(full_nlp, Report(name="t.txt", text=text))
    assert case.outcome is None


def test_a_status_beside_the_titles_words_in_a_sentence_is_a_status(full_nlp):
    # the sentence holds the (short) title whole, but the status stands outside the title's words
    case = row(full_nlp, "Subacute pulmonary mucormycosis",
               "We describe a 61-year-old man with subacute pulmonary mucormycosis who died of pulmonary haemorrhage "
               "despite amphotericin B.")
    assert case.outcome == "died"


def test_a_status_word_opening_the_title_inside_a_longer_sentence_is_the_titles(full_nlp):
    # a flattened page's head: the journal line, the title and its authors in one sentence
    title = "Rapid progression of a hepatocellular carcinoma producing G-CSF: a case report and literature review"
    body = ("Clinical Case Reports Volume 9, Issue 7 CASE REPORT Open Access " + title + " Tomasz Lee, Grace Park "
            "First published: 14 July 2021\n\nA 67-year-old man was admitted with fever. Biopsy showed "
            "hepatocellular carcinoma. Lenvatinib was started.")
    assert row(full_nlp, title, body).outcome is None


def test_a_sentence_opening_with_the_title_gives_no_status(full_nlp):
    # a flattened page whose title was read from its journal line: the head sentence opens with it
    title = "Clinical Case Reports Volume 9, Issue 7"
    body = (title + " e04512 CASE REPORT Open Access Rapid progression of a hepatocellular carcinoma producing "
            "G-CSF: a case report Tomasz Lee, Grace Park First published: 14 July 2021 A 67-year-old man was "
            "admitted with fever. Biopsy showed hepatocellular carcinoma. Lenvatinib was started.")
    assert row(full_nlp, title, body).outcome is None
