"""Hard-wrapped plain texts (a PDF's text layer saved as text) are joined back into paragraphs;
texts with a paragraph or a sentence per line are left alone. Text written for these tests."""
import pytest
from pathlib import Path

from pipeline.ingest.text import read_text
from pipeline.ingest.unwrap import _running_lines, unwrap, wrap_width

WRAPPED = """Subcutaneous metastasis of endometrial carcinoma

Case presentation
A 63-year-old woman was admitted in March 2018 with a painful nodule on
her left thigh. Two years earlier she had undergone a total hysterectomy
for a well-
differentiated endometrioid carcinoma of the endometrium, followed by
six cycles of carboplatin and paclitaxel. Excision of the nodule showed
a subcutaneous metastasis of the endometrial carcinoma, and her white
blood cell count was 14.2 × 10^9/L. She then received pembrolizumab and
lenvatinib, with a partial response of the nodules in the thigh and the
groin after four months of treatment, and a marked leuko-
cytosis resolved with the treatment of a urinary tract infection.
She is alive.

Discussion
Subcutaneous metastases of endometrial carcinoma are rare and usually
appear late in the course of the disease, most often in the abdominal
wall at the site of a previous incision or a drain.
References
1. Doe J, Roe R. Skin metastases of gynaecological cancers. Gynecol
Oncol. 2010;117:10-5.
2. Poe A. Endometrial cancer in the elderly. Lancet. 2012;380:1-9.
"""


def test_a_hard_wrapped_text_is_joined_into_paragraphs():
    text = unwrap(WRAPPED)
    lines = text.splitlines()
    assert "Case presentation" in lines and "Discussion" in lines and "References" in lines
    case = next(line for line in lines if line.startswith("A 63-year-old"))
    assert "on her left thigh" in case and "a well-differentiated endometrioid" in case
    assert "a marked leukocytosis resolved" in case and "pembrolizumab and lenvatinib" in case
    assert any(line.startswith("1. Doe J") and line.endswith("2010;117:10-5.") for line in lines)
    assert any(line.startswith("2. Poe A") for line in lines)


@pytest.mark.parametrize("left, right, joined", [
    # a whole drug name before the hyphen: two names of a combination
    ("piperacillin", "tazobactam", "piperacillin-tazobactam"),
    ("trimethoprim", "sulfamethoxazole", "trimethoprim-sulfamethoxazole"),
    # a break inside one name or word
    ("cyclophos", "phamide", "cyclophosphamide"),
    ("carbo", "platin", "carboplatin"),
    ("leuko", "cytosis", "leukocytosis"),
    # the unit of an age compound ("a 24-year-" + "old female")
    ("24-year", "old", "24-year-old"),
    ("3-month", "old", "3-month-old"),
])
def test_a_line_end_hyphen_is_kept_in_compounds_and_dropped_inside_words(left, right, joined):
    line = "She was admitted with fever and a cough and was treated with antibiotics"
    page = "\n".join([line] * 12) + f"\nand fluids; on day two she was given intravenous {left}-\n{right} for ten days and recovered.\n"
    assert joined in unwrap(page)


def test_the_text_reader_unwraps():
    report = read_text(WRAPPED.encode(), Path("wrapped.txt"))[0]
    assert "metastasis of the endometrial carcinoma, and her white blood cell count" in report.text


def test_texts_with_a_sentence_or_a_paragraph_per_line_are_left_alone():
    sentences = "\n".join(f"Sentence number {i} of the case tells one event of the patient's course." for i in range(30))
    assert wrap_width(sentences) is None and unwrap(sentences) == sentences
    paragraphs = "\n\n".join("A long paragraph of a web page. " * 12 for _ in range(15))
    assert unwrap(paragraphs) == paragraphs
    short = "Title\nA 40-year-old woman had a fever.\nShe recovered."
    assert unwrap(short) == short


RUNNING_HEADS = """Case presentation
A 58-year-old man was admitted in June 2019 with fever, weight loss and a
painful swelling of the right knee that had grown over the previous six
weeks. Aspiration of the joint yielded turbid fluid, and cultures grew a
Mills et al.
Page 2 of 5
methicillin-sensitive Staphylococcus aureus. He was treated with
intravenous cefazolin for two weeks followed by oral cefalexin, and the
swelling of the knee settled within ten days of the start of treatment.
His white cell count fell from 18.2 to 7.9 × 10^9/L over the first week,
and the C-reactive protein returned to normal at the end of the course.
A repeat aspiration was not needed, and he walked without support at the
Journal of Joint Infections 2020; 4: 33-37
3
time of discharge. He remained well at six months, with no recurrence of
the effusion and a normal range of movement of the knee on examination.
Mills et al.
Page 4 of 5
Discussion
Septic arthritis of a native joint in an adult is usually caused by
staphylococci, and early drainage with antibiotics gives good results.
"""


def test_running_heads_and_page_numbers_of_a_pdf_text_are_dropped():
    text = unwrap(RUNNING_HEADS)
    assert "et al" not in text and "Page 2" not in text
    case = next(line for line in text.splitlines() if line.startswith("A 58-year-old"))
    assert "cultures grew a methicillin-sensitive Staphylococcus aureus" in case
    assert "Joint Infections" not in case and "at the time of discharge" in case


def test_a_line_repeated_without_a_page_sign_is_kept():
    lines = ["Case 1", "text"] * 3 + ["Fever and cough"] * 2
    assert _running_lines(lines) == set()


def test_a_line_of_prose_with_a_number_printed_twice_is_kept():
    # a page repeats its abstract over its full text, wrapped the same way
    opening = "A 65-year-old woman presented with a one-month history of impaired"
    lines = ["Abstract", opening, "vision in the right eye.", "Case report", opening, "vision in the right eye."]
    assert _running_lines(lines) == set()
    # ... while a running head seen on two pages only still goes
    assert _running_lines(["text", "Doe et al. Page 1", "more", "Doe et al. Page 2", "end"]) == {1, 3}


def test_one_page_number_beside_its_running_head_is_dropped():
    lines = ["the patient was", "2", "Journal of Joint Infections 2020; 4: 33-37", "treated with", "12 mg"]
    assert _running_lines(lines) == {1, 2}


def test_a_journal_head_that_opens_with_case_is_a_running_head():
    lines = ["text", "Case Reports in Medicine 2021; 8: 1-5", "more", "text", "Case Reports in Medicine 2021; 8: 1-5"]
    assert _running_lines(lines) == {1, 4}


def test_a_case_report_heading_repeated_as_the_article_type_is_no_running_head():
    line = "A 45-year-old woman was admitted with fever and a white cell count of"
    page = "Case Report\nA title\n\n" + "\n".join([line] * 6) + "\n\nCASE REPORT\n" + "\n".join([line] * 8) + "\n"
    assert "CASE REPORT" in unwrap(page).splitlines()


def test_table_rows_are_not_joined():
    line = "A 45-year-old woman was admitted with fever and a white cell count of"
    rows = "Author, year | Age/Sex | Treatment given | Outcome\nLee, 2011 | 50/M | cisplatin | Died\n"
    text = unwrap("\n".join([line] * 14) + "\n" + rows)
    assert "Author, year | Age/Sex | Treatment given | Outcome" in text.splitlines()
    assert "Lee, 2011 | 50/M | cisplatin | Died" in text.splitlines()


# -- a running head met once -----------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "WJCC https://www.wjgnet.com  May 6, 2021  Volume 9  Issue 13",
    "Annals of Clinical Cases - Vol. 4, No. 2, April-June 2019",
    "Case Rep Nephrol 2018;7(1):12-18",
])
def test_a_line_naming_the_journal_issue_is_a_running_head_even_once(head):
    line = "An elderly man was admitted with a productive cough and a high fever of"
    page = "\n".join([line] * 8) + "\nThe chest radiograph showed a consolidation of the right lower lo-\n"
    page += head + "\nbe and a small effusion.\n" + "\n".join([line] * 6) + "\n"
    text = unwrap(page)
    assert head.split()[0] not in text
    assert "right lower lobe and a small effusion." in text


def test_a_sentence_with_a_web_address_and_a_year_is_kept():
    lines = ["the trial was registered at www.clinicaltrials.gov in 2019 and", "text", "more"]
    assert _running_lines(lines) == set()


def test_running_heads_wider_than_the_column_do_not_hide_the_wrap():
    line = "An elderly man was admitted with a productive cough and a high fever of"
    head = "International Journal of Case Reports and Clinical Images - Volume 12, Issue 3, July-September 2020"
    page = "\n".join(([line] * 9 + [head]) * 3 + [line] * 4 + ["39 C."])
    assert wrap_width(page) is not None
    assert "International Journal" not in unwrap(page)


def test_a_column_under_a_page_head_wider_than_it_is_joined():
    # a PDF's column of text under banner lines that overrun its width (links, author lists)
    head = ("Authors : A. Author; B. Author; C. Author; D. Author; E. Author; F. Author; G. Author\n"
            "Google Scholar : http://example.org/a-very-long-link-to-the-article-in-the-index\n"
            "Scribd : https://example.org/another-long-link-to-the-same-article-as-a-document\n")
    column = ("Case report: A 56 years old woman was followed since\n"
              "2007 for a locally advanced breast cancer, treated by\n"
              "upfront chemotherapy then a total left mastectomy with\n"
              "axillary lymphadenectomy and then hormonotherapy with\n"
              "tamoxifen. The follow up of our patient reveals several\n")
    words = "metastatic sites in the bone and the lymph nodes and a rare one in the uterine cervix of the patient".split()
    filler = "".join(" ".join(words[i % 7:] + words[:i % 7])[:52] + "\n" for i in range(24))
    text = head + column + filler
    assert wrap_width(text) is not None
    assert "since 2007 for a locally" in unwrap(text)


def test_a_pubmed_page_with_a_few_long_lines_is_left_alone():
    page = ("Brain metastasis from uterine cervical cancer\n\nJ Obstet Gynaecol Res. 2010 Jun;36(3):701-4.\n\n"
            "Abstract\n\n" + "Uterine cervical cancer usually spreads by local extension to the nodes. " * 8 +
            "\n\nPublication types\n\n  • Case Reports\n\nMeSH terms\n\n" + "  • Brain Neoplasms / secondary*\n" * 8)
    assert wrap_width(page) is None


def test_a_run_in_heading_after_a_sentence_opens_a_paragraph():
    # a paragraph's last line long enough to look full, then "Case report: ..." of the next paragraph
    line = "The significance of this case lies in the detailed description of the"
    page = "\n".join([line] * 12) + ("\nmanagement, which may guide clinicians facing similar cases in future.\n"
                                     "Case report: The patient in question is a 15-year-old male who had\n"
                                     "pain and swelling of the knee for three months before he was seen.\n")
    assert "\nCase report: The patient in question is a 15-year-old male who had pain" in unwrap(page)
