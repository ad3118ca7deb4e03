"""Reading PubMed XML exports and JATS (PMC, Europe PMC) articles."""
import doctest
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, read_report
from pipeline.ingest import xmltext

DATA = Path(__file__).parent / "data"
PUBMED = DATA / "pubmed-two-articles.xml"
JATS = DATA / "jats-article.nxml"


@pytest.fixture(scope="module")
def pubmed():
    return read_report(PUBMED)


@pytest.fixture(scope="module")
def jats():
    [report] = read_report(JATS)
    return report


def test_pubmed_set_gives_one_report_per_article(pubmed):
    assert [r.name for r in pubmed] == ["pubmed-two-articles.xml#1", "pubmed-two-articles.xml#2"]
    assert [r.pmid for r in pubmed] == ["39876543", "38765432"]


def test_pubmed_metadata(pubmed):
    first, second = pubmed
    assert first.title.startswith("Granulocyte colony-stimulating factor-producing squamous")
    assert not first.title.endswith(".")
    assert first.doi == "10.5555/jicr.2024.0512"  # the article's, not the cited reference's
    assert first.pmcid == "PMC11234567"
    assert first.authors == ["Tanaka, Aiko", "Müller, Jonas", "Invented Gynecologic Oncology Group"]
    assert (first.journal, first.year) == ("Journal of invented case reports", "2024")
    # A translated title loses PubMed's brackets; a MedlineDate gives its year; no DOI anywhere.
    assert second.title == "Leukemoid reaction in endometrial carcinoma: report of one case"
    assert (second.year, second.doi, second.pmcid) == ("2023", None, None)


def test_pubmed_abstract_labels_are_heading_lines(pubmed):
    lines = pubmed[0].text.split("\n")
    assert lines[0] == pubmed[0].title
    for label in ("Abstract", "BACKGROUND:", "CASE PRESENTATION:", "CONCLUSIONS:"):
        assert label in lines
    assert "32.6 × 10⁹/L" in pubmed[0].text  # <sup>9</sup> and thin spaces
    assert "weekly cisplatin [3]. The" in pubmed[0].text  # a citation stays apart, in its sentence
    assert "© 2024" not in pubmed[0].text and "earlier case" not in pubmed[0].text
    assert "58,000/µL" in pubmed[1].text


def test_jats_metadata(jats):
    assert jats.title.endswith("with leukocytosis: a case report")
    assert (jats.doi, jats.pmid, jats.pmcid) == ("10.5555/jicr.2024.0512", "39876543", "PMC11234567")
    assert jats.authors == ["Tanaka, Aiko", "Müller, Jonas"]  # not the editor
    assert (jats.journal, jats.year) == ("Journal of Invented Case Reports", "2024")


def test_jats_text_layout(jats):
    text = jats.text
    lines = text.split("\n")
    for heading in ("Abstract", "Background", "Case presentation", "Outcome and follow-up", "Conclusions"):
        assert heading in lines
    assert lines.index("Outcome and follow-up") > lines.index("Case presentation")
    assert "32.6 × 10⁹/L, with 91% neutrophils [2,3]. Biopsy" in text
    assert "Table 1 Laboratory values\nDay\tWBC (×10⁹/L)\n1\t32.6\n30\t8.1" in text
    assert "cisplatin 40 mg/m² weekly\nexternal beam radiotherapy" in text
    assert "Fig. 1 Computed tomography showing the cervical mass" in text
    assert "paraneoplastic [1]." in text
    for left_out in ("Graphical abstract", "nursing staff", "Lung metastases and leukocytosis in an earlier",
                     "Creative Commons", "Keywords", "Department of Obstetrics"):
        assert left_out not in text


def test_pmc_articleset_with_two_articles(tmp_path):
    article = JATS.read_text(encoding="utf-8").split("?>", 1)[1].split("]>", 1)[-1]
    article = article.split('"JATS-archivearticle1-3-mathml3.dtd">', 1)[-1]
    path = tmp_path / "efetch-pmc.xml"
    path.write_text(f'<?xml version="1.0"?>\n<pmc-articleset>{article}{article}</pmc-articleset>', encoding="utf-8")
    reports = read_report(path)
    assert [r.pmcid for r in reports] == ["PMC11234567", "PMC11234567"]
    assert [r.name for r in reports] == ["efetch-pmc.xml#1", "efetch-pmc.xml#2"]


def test_front_matter_only(tmp_path):
    """What PMC returns for an article whose publisher does not allow full-text XML."""
    path = tmp_path / "PMC1.xml"
    path.write_text(
        '<?xml version="1.0"?><pmc-articleset><article><front><article-meta>'
        '<article-id pub-id-type="pmcid">PMC1234567</article-id>'
        "<title-group><article-title>Orbital metastasis of cervical cancer</article-title></title-group>"
        "<abstract><p>A 50-year-old woman had proptosis.</p></abstract></article-meta></front>"
        "<!--The publisher of this article does not allow downloading of the full text in XML form.-->"
        "</article></pmc-articleset>", encoding="utf-8")
    [report] = read_report(path)
    assert report.text == "Orbital metastasis of cervical cancer\n\nAbstract\n\nA 50-year-old woman had proptosis."
    assert report.pmcid == "PMC1234567"


def test_undeclared_html_entities_and_namespaces(tmp_path):
    path = tmp_path / "a.nxml"
    path.write_text(
        '<article xmlns="http://jats.nlm.nih.gov/ns" xmlns:mml="http://www.w3.org/1998/Math/MathML">'
        "<front><article-meta><title-group><article-title>T&nbsp;cell lymphoma&ndash;a case"
        "</article-title></title-group></article-meta></front><body><p>WBC 12&nbsp;&times;&nbsp;10"
        "<sup>9</sup>/L &amp; rising.</p></body></article>", encoding="utf-8")
    [report] = read_report(path)
    assert report.title == "T cell lymphoma–a case"
    assert report.text.endswith("WBC 12 × 10⁹/L & rising.")


def test_gb18030_declared_xml(tmp_path):
    path = tmp_path / "zh.xml"
    xml = ('<?xml version="1.0" encoding="GB18030"?><PubmedArticleSet><PubmedArticle><MedlineCitation>'
           "<PMID>1</PMID><Article><ArticleTitle>宫颈癌伴类白血病反应一例</ArticleTitle><Abstract>"
           "<AbstractText>患者女性，52岁，白细胞计数为61.4×10<sup>9</sup>/L。</AbstractText></Abstract>"
           "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>")
    path.write_bytes(xml.encode("gb18030"))
    [report] = read_report(path)
    assert report.title == "宫颈癌伴类白血病反应一例"
    assert "白细胞计数为61.4×10⁹/L。" in report.text


def test_xml_sniffed_whatever_the_extension(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes(PUBMED.read_bytes())
    assert len(read_report(path)) == 2


@pytest.mark.parametrize(
    "content, reason",
    [
        # Billion laughs: entity expansion refused before anything is expanded.
        ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
         '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><PubmedArticleSet><PubmedArticle><MedlineCitation>'
         "<Article><ArticleTitle>&lol3;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
         "</PubmedArticleSet>", "XML declares entities"),
        # XXE: an external entity that would read a local file.
        ('<?xml version="1.0"?><!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
         "<article><front><article-meta><title-group><article-title>&xxe;</article-title>"
         "</title-group></article-meta></front></article>", "XML declares entities"),
        ('<?xml version="1.0"?><!DOCTYPE article [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x.dtd"> %ext;]>'
         "<article/>", "XML declares entities"),
        ('<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>',
         "truncated XML"),
        ('<?xml version="1.0"?><article><front></article-meta></front></article>', "malformed XML"),
        ('<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>', "no article"),
        ('<?xml version="1.0"?><article><front><article-meta/></front></article>', "no article text"),
    ],
)
def test_bad_xml_is_one_line(tmp_path, content, reason):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        read_report(path)
    message = str(raised.value)
    assert "bad.xml" in message and reason in message and "\n" not in message


def test_other_xml_is_refused(tmp_path):
    path = tmp_path / "settings.xml"
    path.write_text('<?xml version="1.0"?><config><a>1</a></config>', encoding="utf-8")
    with pytest.raises(IngestError, match=r"neither a PubMed export nor a JATS/PMC article \(root <config>\)"):
        read_report(path)


def test_docstring_examples():
    assert doctest.testmod(xmltext).failed == 0


# A JATS article as a download cut short leaves it: the title, the abstract and the start of the
# case, then the file stops inside an element or an attribute.
CUT_JATS = (
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal '
    'Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd"><article article-type="case-report">'
    "<front><article-meta><article-id pub-id-type=\"doi\">10.5555/cut.2024.01</article-id><title-group>"
    "<article-title>Pulmonary metastasis of a cervical carcinoma: a case report</article-title></title-group>"
    "<abstract><p>A 58-year-old woman with squamous cell carcinoma of the cervix, FIGO stage IIB, "
    "was treated with cisplatin.</p></abstract></article-meta></front><body><sec><title>Case presentation"
    "</title><p>She presented with cough. Chest CT showed nodules in both lungs.</p><p>Biopsy of the "
)


@pytest.mark.parametrize("cut", ["", '<fig id="f1" position="float', "<p>Her white cell count was &nbsp;"])
def test_cut_article_is_read_as_far_as_it_is_well_formed(tmp_path, caplog, cut):
    path = tmp_path / "cut.xml"
    path.write_text(CUT_JATS + cut, encoding="utf-8")
    with caplog.at_level("WARNING", logger="pipeline.ingest"):
        [report] = read_report(path)
    assert report.title == "Pulmonary metastasis of a cervical carcinoma: a case report"
    assert report.doi == "10.5555/cut.2024.01"
    assert "treated with cisplatin" in report.text and "nodules in both lungs" in report.text
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"warning: {path}: ") and "XML" in warning and warning.endswith("read as far as it is well-formed")


def test_cut_article_that_declares_entities_is_still_refused(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text(CUT_JATS.replace('"JATS-journalpublishing1.dtd">', '"x.dtd" [<!ENTITY e SYSTEM "file:///etc/passwd">]>')
                    + "&e;", encoding="utf-8")
    with pytest.raises(IngestError, match="XML declares entities"):
        read_report(path)
