"""One report given as plain text, a saved web page, a PubMed XML record and a PDF gives the
same table row (the fields all four versions carry: the patient's values, title, DOI, PMID)."""
from html import escape

import pytest

from pipeline.api import extract
from pipeline.cases.record import FIELDS
from pipeline.ingest import read_report

TITLE = ("Splenic metastasis and paraneoplastic leukocytosis in a woman with cervical squamous "
         "cell carcinoma: a case report")
DOI, PMID = "10.5555/jicr.2020.0117", "32345678"
AUTHORS = [("Lin", "Mei"), ("Okafor", "Chidi")]
JOURNAL, YEAR = "Journal of Invented Case Reports", "2020"
# {sup} marks the superscript each format writes its own way: <sup>, a raised PDF glyph, "⁹".
SECTIONS = [
    ("Background", "Paraneoplastic leukocytosis is a rare complication of gynaecological cancers "
     "and usually signals advanced disease."),
    ("Case presentation", "A 47-year-old woman presented with postcoital bleeding in May 2018. Biopsy "
     "of the cervix showed squamous cell carcinoma, FIGO stage IIB. She was treated with cisplatin "
     "and pelvic radiotherapy. In March 2019 she developed fever and her white blood cell count "
     "was 38.4 × 10{sup}/L. Computed tomography revealed a splenic metastasis. Despite "
     "chemotherapy with paclitaxel and carboplatin, she died in June 2019."),
    ("Conclusions", "New leukocytosis in a patient treated for cervical cancer may herald distant "
     "metastasis."),
]


def as_text() -> bytes:
    lines = [TITLE, "", ", ".join(f"{given} {last}" for last, given in AUTHORS),
             f"{JOURNAL}. {YEAR}. DOI: {DOI}  PMID: {PMID}", "", "Abstract", ""]
    for heading, body in SECTIONS:
        lines += [heading, body.replace("{sup}", "⁹"), ""]
    return "\n".join(lines).encode("utf-8")


def as_html() -> bytes:
    metas = "".join(f'<meta name="citation_author" content="{last}, {given}">' for last, given in AUTHORS)
    sections = "".join(
        f"<section><h2>{heading}</h2><p>{escape(body).replace('{sup}', '<sup>9</sup>')}</p></section>"
        for heading, body in SECTIONS
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE} | {JOURNAL}</title>'
        f'<meta name="citation_title" content="{TITLE}"><meta name="citation_doi" content="{DOI}">'
        f'<meta name="citation_pmid" content="{PMID}">{metas}'
        f'<meta name="citation_journal_title" content="{JOURNAL}">'
        f'<meta name="citation_publication_date" content="{YEAR}/04/02"></head><body>'
        '<nav class="site-nav"><a href="/">Home</a> <a href="/search">Search</a></nav>'
        '<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>'
        f"<main><article><h1>{TITLE}</h1><h2>Abstract</h2>{sections}</article></main>"
        "<footer><p>© Invented Press</p></footer></body></html>"
    ).encode("utf-8")


def as_pubmed_xml() -> bytes:
    abstract = "".join(
        f'<AbstractText Label="{heading.upper()}" NlmCategory="UNASSIGNED">'
        f"{escape(body).replace('{sup}', '<sup>9</sup>')}</AbstractText>"
        for heading, body in SECTIONS
    )
    authors = "".join(f'<Author ValidYN="Y"><LastName>{last}</LastName><ForeName>{given}</ForeName></Author>'
                      for last, given in AUTHORS)
    return (
        '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st '
        'January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        f'<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
        f'<PMID Version="1">{PMID}</PMID><Article PubModel="Electronic"><Journal>'
        f"<JournalIssue><PubDate><Year>{YEAR}</Year></PubDate></JournalIssue><Title>{JOURNAL}</Title>"
        f"</Journal><ArticleTitle>{TITLE}.</ArticleTitle>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{DOI}</ELocationID><Abstract>{abstract}</Abstract>'
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList></Article></MedlineCitation>'
        f'<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{PMID}</ArticleId>'
        f'<ArticleId IdType="doi">{DOI}</ArticleId></ArticleIdList></PubmedData>'
        "</PubmedArticle></PubmedArticleSet>"
    ).encode("utf-8")


def as_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.set_author("; ".join(f"{given} {last}" for last, given in AUTHORS))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, ", ".join(f"{given} {last}" for last, given in AUTHORS), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, f"{JOURNAL}. {YEAR}. DOI: {DOI}  PMID: {PMID}", new_x="LMARGIN", new_y="NEXT")
    for heading, body in [("Abstract", "")] + SECTIONS:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        before, _, after = body.partition("{sup}")
        pdf.write(6, before)
        if after:  # a real superscript: smaller glyphs above the baseline
            pdf.char_vpos = "SUP"
            pdf.write(6, "9")
            pdf.char_vpos = "LINE"
            pdf.write(6, after)
        pdf.ln(6)
    return bytes(pdf.output())


FORMATS = {"report.txt": as_text, "report.html": as_html, "report.xml": as_pubmed_xml, "report.pdf": as_pdf}


@pytest.fixture(scope="module")
def rows(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("same-report")
    for name, build in FORMATS.items():
        (folder / name).write_bytes(build())
    cases = {}
    for case in extract([folder], nlp=nlp):
        assert case.doc not in cases, f"{case.doc} gave more than one patient"
        cases[case.doc] = case
    return cases


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp.build import build_nlp

    return build_nlp()


def test_every_format_gives_one_row(rows):
    assert sorted(rows) == sorted(FORMATS)


@pytest.mark.parametrize("name", [n for n in FORMATS if n != "report.txt"])
def test_same_row_as_the_text_version(rows, name):
    expected, got = rows["report.txt"], rows[name]
    for field in (*FIELDS, "title", "doi", "pmid"):
        assert getattr(got, field) == getattr(expected, field), field


def test_the_row_is_the_report(rows):
    case = rows["report.xml"]
    assert (case.age, case.sex, case.figo_stage) == (47, "female", "IIB")
    assert case.wbc_values == [38.4]
    assert "spleen" in case.metastasis_sites
    assert {"cisplatin", "paclitaxel", "carboplatin"} <= set(case.drugs)
    assert (case.title, case.doi, case.pmid) == (TITLE, DOI, PMID)


@pytest.mark.parametrize("name", ["report.html", "report.xml", "report.pdf"])
def test_structured_formats_carry_authors(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FORMATS[name]())
    [report] = read_report(path)
    assert report.authors in (["Lin, Mei", "Okafor, Chidi"], ["Mei Lin", "Chidi Okafor"])
    if name != "report.pdf":  # a PDF's document info has no journal or year
        assert (report.journal, report.year) == (JOURNAL, YEAR)
