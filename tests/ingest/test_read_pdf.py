"""Reading PDF articles: page order, columns, superscripts, hyphenation, running heads."""
import doctest
import logging

import pytest
from fpdf import FPDF

from pipeline.ingest import IngestError, read_report
from pipeline.ingest import pdf as pdf_module


def new_pdf(title=None) -> FPDF:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    return pdf


def write(tmp_path, pdf: FPDF, name="article.pdf"):
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    return path


def line(pdf: FPDF, text: str, style="", size=11, height=6):
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def test_pages_in_order_with_headings_and_paragraphs(tmp_path):
    pdf = new_pdf("Renal metastasis of cervical carcinoma: a case report")
    pdf.add_page()
    line(pdf, "Case presentation", "B")
    line(pdf, "A 45-year-old woman was admitted with flank pain. Her white blood cell")
    line(pdf, "count was 25,300/mm3 and she received cisplatin.")
    pdf.add_page()
    line(pdf, "Discussion", "B")
    line(pdf, "Renal metastasis is rare.")
    [report] = read_report(write(tmp_path, pdf))
    assert report.text == (
        "Case presentation\n\nA 45-year-old woman was admitted with flank pain. Her white blood "
        "cell count was 25,300/mm3 and she received cisplatin.\n\nDiscussion\n\nRenal metastasis is rare."
    )
    assert report.title == "Renal metastasis of cervical carcinoma: a case report"  # document info


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The patient had marked leuko-", "cytosis on admission.", "marked leukocytosis on admission."),
        ("The tumour was well-", "differentiated on biopsy.", "tumour was well-differentiated on biopsy."),
        ("She had a non-", "small cell carcinoma.", "had a non-small cell carcinoma."),
        # The report writes "follow-up" elsewhere, so the break keeps it.
        ("At her last follow-", "up visit and follow-up scan she was well.", "last follow-up visit"),
        ("Treatment with 5-", "FU was given.", "Treatment with 5-FU was given."),  # a term, not a word
    ],
)
def test_hyphenation_across_lines(tmp_path, first, second, expected):
    pdf = new_pdf()
    pdf.add_page()
    line(pdf, first)
    line(pdf, second)
    [report] = read_report(write(tmp_path, pdf))
    assert expected in report.text


def test_superscripts(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text, raised in [("The count was 48.2 x 10", "9"), ("/L and 12,000/mm", "3"),
                         (" on day 3 of fever.", "4,5"), (" She was well.", "")]:
        pdf.write(6, text)
        if raised:
            pdf.char_vpos = "SUP"
            pdf.write(6, raised)
            pdf.char_vpos = "LINE"
    [report] = read_report(write(tmp_path, pdf))
    assert report.text == "The count was 48.2 x 10⁹/L and 12,000/mm³ on day 3 of fever [4,5]. She was well."


def test_two_columns_are_read_column_by_column(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    left = ["A 61-year-old woman presented", "with abdominal pain and a mass.", "Biopsy showed adenocarcinoma."]
    right = ["She received carboplatin and", "paclitaxel for six cycles and", "remained well at one year."]
    for row, (a, b) in enumerate(zip(left, right)):
        pdf.text(15, 30 + 5 * row, a)
        pdf.text(115, 30 + 5 * row, b)
    [report] = read_report(write(tmp_path, pdf))
    assert report.text.index("Biopsy showed") < report.text.index("She received carboplatin")
    assert "She received carboplatin and paclitaxel for six cycles and remained well at one year." in report.text


def test_running_heads_and_page_numbers_are_dropped(tmp_path):
    pdf = new_pdf()
    body = ["A 70-year-old woman had a pelvic mass.", "Imaging showed liver metastases.",
            "She received carboplatin.", "She died two months later."]
    for page, sentence in enumerate(body, start=1):
        pdf.add_page()
        line(pdf, f"Journal of Invented Case Reports 2021; 9: {100 + page}", size=8)
        pdf.set_y(60)
        line(pdf, sentence)
        pdf.set_y(280)
        line(pdf, str(page), size=8)
    [report] = read_report(write(tmp_path, pdf))
    assert report.text.split("\n\n") == body


def test_page_break_inside_a_sentence_joins(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    line(pdf, "The leukocyte count rose to 52,000/uL and the patient")
    pdf.add_page()
    line(pdf, "was given hydroxyurea.")
    [report] = read_report(write(tmp_path, pdf))
    assert report.text == "The leukocyte count rose to 52,000/uL and the patient was given hydroxyurea."


def test_pdf_without_extension_or_named_txt(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    line(pdf, "A 39-year-old woman with cervical cancer.")
    data = bytes(pdf.output())
    for name in ("download", "article.txt"):
        (tmp_path / name).write_bytes(data)
        assert read_report(tmp_path / name)[0].text == "A 39-year-old woman with cervical cancer."


def test_scanned_pdf_without_text_layer(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_fill_color(0, 0, 0)
    pdf.rect(20, 20, 100, 50, style="F")  # a drawing, no text
    with pytest.raises(IngestError, match=r"article\.pdf: PDF has no text layer"):
        read_report(write(tmp_path, pdf))


def test_encrypted_pdf(tmp_path):
    pdf = new_pdf()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    line(pdf, "Locked text.")
    with pytest.raises(IngestError, match=r"locked\.pdf: encrypted PDF"):
        read_report(write(tmp_path, pdf, "locked.pdf"))


def test_truncated_pdf(tmp_path, caplog):
    pdf = new_pdf()
    pdf.add_page()
    line(pdf, "A 52-year-old woman with a vulvar carcinoma was treated.")
    data = bytes(pdf.output())
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * 0.6)])
    with caplog.at_level(logging.WARNING, logger="pipeline.ingest"):
        try:
            reports = read_report(path)
        except IngestError as error:  # the text was in the part cut off
            assert "cut.pdf: damaged or unreadable PDF" in str(error) or "no text layer" in str(error)
        else:  # pdfminer rebuilt what it could: read, with a warning line
            assert reports[0].text
            assert any("cut.pdf: the PDF looks truncated" in r.getMessage() for r in caplog.records)


def test_damaged_pdf_is_one_line(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(IngestError) as raised:
        read_report(path)
    assert "junk.pdf: " in str(raised.value) and "\n" not in str(raised.value)


def test_docstring_examples():
    assert doctest.testmod(pdf_module).failed == 0
