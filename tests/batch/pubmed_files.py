"""PubMed distribution files built for tests: a PubmedArticleSet of ``count`` articles,
one in ``case_every`` typed "Case Reports" (with an abstract in the style of a case report),
the others "Journal Article"/"Review" with a short abstract. Texts are written for the tests."""
from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape

HEAD = ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
        '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        "<PubmedArticleSet>\n")
TAIL = "</PubmedArticleSet>\n"

ARTICLE = """<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>
<Article PubModel="Print"><Journal><JournalIssue><PubDate><Year>2023</Year></PubDate></JournalIssue>
<Title>Journal of generated reports</Title></Journal><ArticleTitle>{title}</ArticleTitle>
<Abstract><AbstractText>{abstract}</AbstractText></Abstract>
<AuthorList><Author ValidYN="Y"><LastName>Author{pmid}</LastName><ForeName>Test</ForeName></Author></AuthorList>
<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType>{extra}</PublicationTypeList>
</Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>
"""
CASE_TYPE = '<PublicationType UI="D002363">Case Reports</PublicationType>'
REVIEW_TYPE = '<PublicationType UI="D016454">Review</PublicationType>'


def case_abstract(number: int) -> str:
    age = 30 + number % 50
    return (f"A {age}-year-old woman presented with postmenopausal bleeding. Biopsy showed squamous "
            f"cell carcinoma of the cervix, FIGO stage IIB. Her white blood cell count was "
            f"{20 + number % 30}.5 x 10^9/L. She received cisplatin with radiotherapy and was alive "
            f"without disease after two years.")


def other_abstract(number: int) -> str:
    return (f"We reviewed {100 + number % 900} cohorts on screening intervals and summarise the "
            "evidence for each recommendation.")


def article(number: int, case_every: int, first_pmid: int = 30_000_000) -> str:
    pmid = first_pmid + number
    if number % case_every == 0:
        title, abstract, extra = f"Cervical carcinoma with leukocytosis: case {number}", case_abstract(number), CASE_TYPE
    else:
        title, abstract, extra = f"Screening review {number}", other_abstract(number), REVIEW_TYPE * (number % 2)
    return ARTICLE.format(pmid=pmid, title=escape(title), abstract=escape(abstract), extra=extra)


def write_pubmed_file(path: Path, count: int, case_every: int = 100, first_pmid: int = 30_000_000) -> Path:
    """Write ``count`` articles to ``path`` (gzipped when it ends in .gz), one at a time."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write(HEAD)
        for number in range(count):
            handle.write(article(number, case_every, first_pmid))
        handle.write(TAIL)
    return path


def case_pmids(count: int, case_every: int = 100, first_pmid: int = 30_000_000) -> list[str]:
    return [str(first_pmid + n) for n in range(0, count, case_every)]
