"""Reading saved journal pages: article text with its block structure, chrome dropped."""
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, read_report
from pipeline.ingest.html import looks_like_html

PAGE = Path(__file__).parent / "data" / "journal-page.html"


@pytest.fixture(scope="module")
def report():
    [report] = read_report(PAGE)
    return report


def test_metadata_from_citation_meta_tags(report):
    assert report.name == "journal-page.html"
    assert report.title == "Paraneoplastic leukocytosis in a woman with endometrial carcinoma: a case report"
    assert report.doi == "10.5555/jio.2021.0042"
    assert report.pmid == "31234567"
    assert report.journal == "Journal of Imaginary Oncology"
    assert report.year == "2021"
    assert report.authors == ["Doe, Jane", "Roe, Richard"]


@pytest.mark.parametrize(
    "junk",
    [
        "cookie",  # cookie banner and its button
        "Skip to main content",  # skip link
        "Submit manuscript",  # <nav> inside the site <header>
        "Volume 9",  # breadcrumb
        "Share on",  # share buttons
        "Follow us",  # social links
        "Related articles",  # <aside>
        "Your comment",  # <form>
        "All rights reserved",  # <footer>
        "JavaScript",  # <noscript>
        "dataLayer",  # <script>
        "font-family",  # <style>
    ],
)
def test_page_chrome_is_dropped(report, junk):
    assert junk.lower() not in report.text.lower()


def test_block_structure(report):
    lines = report.text.split("\n")
    # Headings stand alone between blank lines, so section detection finds them.
    for heading in ("Abstract", "Case presentation", "Outcome and follow-up"):
        at = lines.index(heading)
        assert lines[at - 1] == "" and lines[at + 1] == ""
    # Paragraph text is joined across the source's line breaks.
    assert "We describe a 62-year-old woman with endometrial carcinoma and a white blood cell count of 48.2 × 10⁹/L." in lines
    # List items and table rows each on their own line, cells separated by a tab.
    assert "cisplatin 50 mg/m²\npaclitaxel" in report.text
    assert "Day\tWBC (×10⁹/L)\n1\t25.3\n14\t48.2" in report.text
    # <br> is a line break; the article's own <header> (title) is kept.
    assert "She was alive without disease\nat 12 months." in report.text
    assert lines[2] == report.title
    assert "\n\n\n" not in report.text


def test_superscripts(report):
    assert "48.2 × 10⁹/L" in report.text  # a power of ten stays one
    assert "25,300/mm³" in report.text
    assert "fever [3,4]. Laboratory" in report.text  # a citation stays apart, in its sentence
    assert "9.1 g/dL" in report.text  # &nbsp; -> space


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("WBC 12.1 × 10 <sup>9</sup>/L", "WBC 12.1 × 10⁹/L"),
        ("WBC 12.1x10<sup>9</sup>/L", "WBC 12.1x10⁹/L"),
        ("<i>10</i><sup>-9</sup>", "10⁻⁹"),
        ("an area of 2 cm<sup>2</sup>", "an area of 2 cm²"),
        ("as reported<sup>12</sup>.", "as reported [12]."),
        ("as reported<sup>[5–7]</sup>", "as reported [5–7]"),
        ("the 5<sup>th</sup> cycle", "the 5th cycle"),
        ("Taxol<sup>®</sup> was given", "Taxol® was given"),
    ],
)
def test_superscript_fragments(tmp_path, fragment, expected):
    path = write(tmp_path, "sup.html", f"<html><body><p>{fragment}</p></body></html>")
    assert read_report(path)[0].text == expected


def write(tmp_path, name, html, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return path


def test_title_fallbacks(tmp_path):
    page = "<html><head><title>Orbital metastasis of cervical cancer | Some Journal</title></head><body><p>Text.</p></body></html>"
    assert read_report(write(tmp_path, "a.html", page))[0].title == "Orbital metastasis of cervical cancer"
    page = '<html><head><meta property="og:title" content="OG title here"><title>x</title></head><body><p>Text.</p></body></html>'
    assert read_report(write(tmp_path, "b.html", page))[0].title == "OG title here"
    page = '<html><head><meta name="DC.Title" content="Dublin Core title"></head><body><h1>H</h1></body></html>'
    assert read_report(write(tmp_path, "c.html", page))[0].title == "Dublin Core title"
    page = "<html><body><h1>Splenic metastasis of cervical carcinoma</h1><p>Text.</p></body></html>"
    assert read_report(write(tmp_path, "d.htm", page))[0].title == "Splenic metastasis of cervical carcinoma"


def test_identifiers_from_dc_identifier_and_text(tmp_path):
    page = (
        '<html><head><meta name="dc.identifier" content="doi:10.1234/abc-5(6)7."></head>'
        "<body><p>PMCID: PMC7654321 PMID: 7654321</p></body></html>"
    )
    [report] = read_report(write(tmp_path, "e.html", page))
    assert (report.doi, report.pmid, report.pmcid) == ("10.1234/abc-5(6)7", "7654321", "PMC7654321")


@pytest.mark.parametrize(
    "attrs",
    ['class="cookie-notice"', 'id="navBar"', 'class="breadcrumbs"', 'class="social-share"',
     'role="navigation"', 'class="top-menu"', 'hidden', 'aria-hidden="true"'],
)
def test_junk_by_class_id_role(tmp_path, attrs):
    page = f"<html><body><div {attrs}><p>JUNK TEXT</p></div><p>Article text.</p></body></html>"
    [report] = read_report(write(tmp_path, "f.html", page))
    assert report.text == "Article text."


def test_wrapper_with_junk_class_around_the_article_is_kept(tmp_path):
    page = '<html><body><div class="page menu-closed"><article><p>Article text.</p></article></div></body></html>'
    assert read_report(write(tmp_path, "g.html", page))[0].text == "Article text."


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_declared_and_bom_encodings(tmp_path, encoding):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "</head><body><p>Leucocytose à 30 000/µL.</p></body></html>")
    [report] = read_report(write(tmp_path, "h.html", page, encoding))
    assert report.text == "Leucocytose à 30 000/µL."


def test_xhtml(tmp_path):
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<body><h2>Case report</h2><p>A 61-year-old man.</p></body></html>")
    assert read_report(write(tmp_path, "i.xhtml", page))[0].text == "Case report\n\nA 61-year-old man."


def test_page_without_text(tmp_path):
    page = "<html><body><nav>Home About</nav><script>x()</script></body></html>"
    with pytest.raises(IngestError, match=r"j\.html: no article text"):
        read_report(write(tmp_path, "j.html", page))


def test_deeply_nested_page(tmp_path):
    page = "<html><body>" + "<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000 + "</body></html>"
    assert read_report(write(tmp_path, "k.html", page))[0].text == "Deep text."


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"<!DOCTYPE html>\n<html>", True),
        (b"\xef\xbb\xbf  <html lang='en'>", True),
        ("<!doctype HTML>".encode("utf-16"), True),
        (b"<!-- saved from url=(0042) -->\n<html>", True),
        (b"<?xml version='1.0'?><article xmlns='jats'>", False),
        (b"Title line\n<html> mentioned in text", False),
        (b"%PDF-1.4", False),
    ],
)
def test_looks_like_html(head, expected):
    assert looks_like_html(head) is expected


def test_article_found_among_link_lists_and_sidebars(tmp_path):
    """Chrome without telltale class names (link lists, sidebars, site footers) is left out
    by trafilatura's main-content detection; headings stay on their own lines."""
    links = "".join(f'<li><a href="/a{i}">Unrelated article number {i} about another topic</a></li>' for i in range(15))
    page = (
        '<!DOCTYPE html><html><head><title>Case | Journal</title></head><body><div id="page">'
        f'<div class="col-left"><h3>Most read</h3><ul>{links}</ul></div><div class="col-main">'
        "<h1>Orbital metastasis of cervical carcinoma: a case report</h1>"
        '<div class="abstract"><h2>Abstract</h2><h3>Case presentation</h3><p>A 51-year-old woman with '
        "squamous cell carcinoma of the cervix, FIGO stage IIIB, developed proptosis. Her leukocyte count "
        "was 18.2 × 10<sup>9</sup>/L.</p></div><h2>Discussion</h2><p>Orbital metastases usually arise "
        "from breast and lung cancers.<sup>1,2</sup></p></div>"
        f'<div class="col-right"><h3>Related content</h3><ul>{links}</ul></div>'
        f'<div class="site-links"><ul>{links}</ul><p>Terms · Privacy · Accessibility</p></div></div></body></html>'
    )
    [report] = read_report(write(tmp_path, "orbit.html", page))
    assert report.text == (
        "Orbital metastasis of cervical carcinoma: a case report\n\nAbstract\n\nCase presentation\n\n"
        "A 51-year-old woman with squamous cell carcinoma of the cervix, FIGO stage IIIB, developed "
        "proptosis. Her leukocyte count was 18.2 × 10⁹/L.\n\nDiscussion\n\n"
        "Orbital metastases usually arise from breast and lung cancers [1,2]."
    )


def test_truncated_page_is_read_with_a_warning(tmp_path, caplog):
    page = "<!DOCTYPE html><html><body><h1>Title of a case</h1><p>A 40-year-old woman had a WBC of 3"
    with caplog.at_level("WARNING", logger="pipeline.ingest"):
        [report] = read_report(write(tmp_path, "cut.html", page))
    assert report.text.endswith("A 40-year-old woman had a WBC of 3")
    assert [r.getMessage() for r in caplog.records] == [
        f"warning: {tmp_path / 'cut.html'}: the page looks truncated (no closing </html>); read what is there"]
