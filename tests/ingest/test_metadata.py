"""Title, DOI, PMID and PMCID found in plain-text reports."""
import doctest

import pytest

from pipeline.ingest import metadata
from pipeline.ingest.metadata import find_doi, find_pmcid, find_pmid, guess_title


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published online 2018. doi:  [10.1155/2018/4970836] PMCID: PMC5821965", "10.1155/2018/4970836"),
        ("Cases J 2009 2:6879 https://doi.org/10.1186/1757-1626-2-6879 © Authors", "10.1186/1757-1626-2-6879"),
        ("DOI: 10.12659/AJCR.941076\n", "10.12659/AJCR.941076"),
        ("Vol. 51 Issue (6): 672-675.doi: 10.12280/gjfckx.20240591", "10.12280/gjfckx.20240591"),
        ("see (doi:10.1016/S0140-6736(20)30183-5).", "10.1016/S0140-6736(20)30183-5"),
        ("doi:10.21767/2471-8165.1000065, accessed", "10.21767/2471-8165.1000065"),
        ("http://dx.doi.org/10.1590/S0365-05962011000500017  CASE REPORT", "10.1590/S0365-05962011000500017"),
        # An unlabelled reference DOI first, the article's labelled one later: labelled wins.
        ("Gut. 1999;45:375. 10.1136/gut.45.3.375. ... DOI: 10.5555/ours.1", "10.5555/ours.1"),
        ("Only a reference: Gut. 1999;45:375. 10.1136/gut.45.3.375.", "10.1136/gut.45.3.375"),
        ("WBC 10.5/µL and 10.2/L, version 10.1234/", None),
        ("期刊 doi: 10.12280/gjfckx.20240591。摘要", "10.12280/gjfckx.20240591"),
        ("No identifier at all.", None),
    ],
)
def test_find_doi(text, expected):
    assert find_doi(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PMCID: PMC1681384  PMID: 16369331", "16369331"),
        ("indicated.  PMID:   12518936   [Indexed for MEDLINE]", "12518936"),
        ("Format: Abstract MEDLINE XML PMID List  Apply", None),
        ("PubMed ID 9340483", "9340483"),
        ("The patient ID was 12345678.", None),
    ],
)
def test_find_pmid(text, expected):
    assert find_pmid(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Journal List v.2018 PMC5821965 ... PMCID:  PMC5821965", "PMC5821965"),
        ("[PMC free article] [PubMed] PMC 3017697", "PMC3017697"),
        ("[PMC free article] [PubMed]", None),
    ],
)
def test_find_pmcid(text, expected):
    assert find_pmcid(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Skip to main content\n\nPleural metastasis from cervical cancer: a case report\n\nAbstract\n",
         "Pleural metastasis from cervical cancer: a case report"),
        ("Journal of Gynecologic Cases ›› 2023, Vol. 12 ›› Issue (4): 10-13.doi: 10.1/x\n"
         "• Case Report • Previous Articles     Next Articles\n\n"
         "A Case of Renal Metastasis from Endometrial Cancer\n\nZHANG Wei, LI Na\n",
         "A Case of Renal Metastasis from Endometrial Cancer"),
        ("OPEN ACCESS\nCASE REPORT\nBone metastasis of vulvar carcinoma\nAnna Smith1*, Ben Jones2\n",
         "Bone metastasis of vulvar carcinoma"),
        ("Anna Smith1*, Ben Jones2, Carl Brown3\nDepartment of Oncology, City University, Springfield\n"
         "Received: 3 March 2020\n", None),
        # A page flattened to one line: the title runs up to the site name.
        ("Gastric metastasis of ovarian cancer: a case report | Journal of Case Notes | Full Text "
         "Skip to content Menu " + "Home About Articles " * 40,
         "Gastric metastasis of ovarian cancer: a case report"),
        ("[Leukemoid reaction in lung cancer. A case report]. - PubMed - NCBI Warning: The NCBI "
         "web site requires JavaScript to function. " + "Resources All Resources " * 40,
         "Leukemoid reaction in lung cancer. A case report"),
        ("Adrenal metastasis of cervical cancer: case report   Services on Demand Journal "
         + "SciELO Analytics " * 40, "Adrenal metastasis of cervical cancer: case report"),
        # A journal's logo link, a citation line and PubMed's identifier line stand above the title.
        ("Skip to main content\nCase Reports in Cardiology logoLink to Case Reports in Cardiology\n"
         "Cardiol Case Rep. 2019 Jun; 7: 11-14\nPMCID: PMC1234567  PMID: 31234567\n\n"
         "Septic emboli after tooth extraction\n\nAbstract\nA 40-year-old man had fever.",
         "Septic emboli after tooth extraction"),
        ("Exp Clin Endocrinol Diabetes 2011; 119(4): 208-213\nArticle Text\n\nPrimary adrenal lymphoma: three "
         "case reports\n\nAbstract\nText.", "Primary adrenal lymphoma: three case reports"),
        ("West Afr J Med. 1999 Apr-Jun;18(2):80-6\n\nCongenital adrenal hyperplasia in three siblings\n\nAbstract",
         "Congenital adrenal hyperplasia in three siblings"),
        # Texts that open straight into the body have no title.
        ("Abstract\nA 45-year-old woman presented with pain. She had a mass.\n", None),
        ("Background\n\nParaneoplastic leukocytosis is common in solid tumours.\n", None),
        ("Dear Editor: A 48-year-old woman was referred to our department for management of a "
         "colorectal cancer metastatic to the liver. Past history was unremarkable.", None),
        ("We report the case of a 65-year-old man admitted with high fever. On admission the "
         "leukocyte count was 27,900/mm\n3 and 165 pg/ml, respectively.\n", None),
        ("", None),
        ("\n\n   \n", None),
    ],
)
def test_guess_title(text, expected):
    assert guess_title(text) == expected


def test_title_after_a_patient_who_received_line():
    text = "Leukocytosis in a patient who received filgrastim after chemotherapy\n\nAbstract\n"
    assert guess_title(text) == "Leukocytosis in a patient who received filgrastim after chemotherapy"


def test_docstring_examples():
    assert doctest.testmod(metadata).failed == 0


def test_markdown_title():
    assert guess_title("# Renal metastasis of cervical cancer\n\n## Abstract\n") == (
        "Renal metastasis of cervical cancer"
    )


@pytest.mark.parametrize("text, expected", [
    ("Journals & Books\nSearch\nCutaneous metastasis of cervical cancer: a case report\nAbstract\nA woman ...",
     "Cutaneous metastasis of cervical cancer: a case report"),
    ("Menu\nArticles\nLeiomyosarcoma of the vulva. Report of a case and review of the literature\nAbstract",
     "Leiomyosarcoma of the vulva. Report of a case and review of the literature"),
    ("CASE REPORT article\nUterine sarcoma in fibroids: case report and literature review\nAbstract",
     "Uterine sarcoma in fibroids: case report and literature review"),
    # a journal's name that ends with "Case Reports" is no title's type
    ("Leukaemoid reaction in cancer\nBMJ Case Reports\nAbstract", "Leukaemoid reaction in cancer"),
])
def test_a_line_naming_the_reports_type_is_the_title_over_navigation_above_it(text, expected):
    assert guess_title(text) == expected
