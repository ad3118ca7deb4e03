"""PubMed XML (an efetch ``retmode=xml`` answer or a "PubMed XML" export): one Report per
``PubmedArticle``, its text the title and the abstract.

A structured abstract's labels ("BACKGROUND", "CASE PRESENTATION") become heading lines
("CASE PRESENTATION:") so that section detection sees them. The DOI and PMCID come from the
article's own identifiers (``ELocationID``, ``PubmedData/ArticleIdList``), never from the
identifiers of the references listed after it.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from pipeline.ingest.errors import IngestError
from pipeline.ingest.metadata import find_doi
from pipeline.ingest.report import Report
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.xmltext import child, children, clean_title, inline_text, local

_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def read_pubmed(root: Element, path: Path) -> list[Report]:
    """The articles of a PubmedArticleSet (or a lone PubmedArticle) as Reports."""
    articles = [root] if local(root.tag) != "PubmedArticleSet" else [
        element for element in root if local(element.tag) in ("PubmedArticle", "PubmedBookArticle")
    ]
    reports = [report for article in articles if (report := pubmed_report(article, path))]
    if not reports:
        raise IngestError(path, "PubMed XML holds no article with a title or an abstract")
    return reports


def pubmed_report(article: Element, path: Path) -> Report | None:
    citation = child(article, "MedlineCitation")
    if citation is None:
        citation = child(article, "BookDocument")
    if citation is None:
        return None
    record = child(citation, "Article")
    if record is None:  # a book chapter: BookDocument holds the title and abstract itself
        record = citation
    title = clean_title(inline_text(child(record, "ArticleTitle"))
                        or inline_text(child(record, "VernacularTitle"))
                        or inline_text(child(record, "Book", "BookTitle")))
    text = normalize_text("\n\n".join(filter(None, [title, abstract_text(child(record, "Abstract"))])))
    if not text:
        return None
    ids = _article_ids(article)
    pmid = inline_text(child(citation, "PMID")) or ids.get("pubmed")
    return Report(
        name=path.name,
        text=text,
        source=str(path),
        title=title,
        doi=_doi(record) or find_doi(ids.get("doi", "")),
        pmid=pmid if pmid and pmid.isdigit() else None,
        pmcid=_pmcid(ids.get("pmc")),
        authors=_authors(child(record, "AuthorList")),
        journal=inline_text(child(record, "Journal", "Title")) or None,
        year=_year(record),
    )


def abstract_text(abstract: Element | None) -> str:
    """'Abstract', then each AbstractText; a labelled one under a 'LABEL:' heading line."""
    if abstract is None:
        return ""
    blocks = []
    for part in children(abstract, "AbstractText"):
        label = " ".join((part.get("Label") or "").split())
        body = inline_text(part)
        if label and label.upper() not in ("UNLABELLED", "UNASSIGNED"):
            blocks.append(f"{label}:")
        if body:
            blocks.append(body)
    return "\n\n".join(["Abstract", *blocks]) if blocks else ""


def _article_ids(article: Element) -> dict[str, str]:
    """PubmedData/ArticleIdList: the article's own ids (the ReferenceList has its own lists)."""
    ids: dict[str, str] = {}
    for element in children(child(article, "PubmedData", "ArticleIdList"), "ArticleId"):
        kind = (element.get("IdType") or "").lower()
        if kind and element.text and kind not in ids:
            ids[kind] = element.text.strip()
    return ids


def _doi(record: Element) -> str | None:
    for location in children(record, "ELocationID"):
        if location.get("EIdType") == "doi" and location.get("ValidYN", "Y") == "Y":
            doi = find_doi(location.text or "")
            if doi:
                return doi
    return None


def _pmcid(value: str | None) -> str | None:
    digits = (value or "").upper().removeprefix("PMC")
    return f"PMC{digits}" if digits.isdigit() else None


def _authors(author_list: Element | None) -> list[str]:
    """'Surname, Forename' (or the group's name), as citation_author writes them."""
    names = []
    for author in children(author_list, "Author"):
        if author.get("ValidYN", "Y") != "Y":
            continue
        last = inline_text(child(author, "LastName"))
        first = inline_text(child(author, "ForeName")) or inline_text(child(author, "Initials"))
        name = f"{last}, {first}" if last and first else last or inline_text(child(author, "CollectiveName"))
        if name:
            names.append(name)
    return names


def _year(record: Element) -> str | None:
    issue_date = child(record, "Journal", "JournalIssue", "PubDate")
    for element in (child(issue_date, "Year"), child(issue_date, "MedlineDate"),
                    child(record, "ArticleDate", "Year"), child(record, "PubDate", "Year")):
        match = _YEAR.search(inline_text(element))
        if match:
            return match.group(1)
    return None
