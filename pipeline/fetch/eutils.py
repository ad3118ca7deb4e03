"""NCBI E-utilities: esearch (PubMed IDs for a query or a DOI) and efetch (PubMed records as
XML, PMC articles as JATS XML).

The base URL is the part up to ``/entrez/eutils``; ``/esearch.fcgi`` and ``/efetch.fcgi`` are
appended. Every request carries ``tool``, and ``email`` and ``api_key`` when given, as NCBI
asks.
"""
from __future__ import annotations

import json
from xml.etree.ElementTree import Element

from pipeline.fetch.client import FetchError, HttpClient
from pipeline.ingest.errors import IngestError
from pipeline.ingest.xmltext import child, local, parse_xml

DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
EFETCH_BATCH = 200  # ids per efetch request: NCBI's advice for GET requests


class EUtils:
    def __init__(self, client: HttpClient, base_url: str = DEFAULT_EUTILS_URL,
                 api_key: str | None = None, email: str | None = None):
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.identity = {"tool": "caselit", "email": email or None, "api_key": api_key or None}

    def search(self, term: str, retmax: int = 20, db: str = "pubmed") -> list[str]:
        """IDs of the records matching ``term`` (PubMed query syntax), best match first."""
        what = f"{db} search {term!r}"
        body = self.client.get(f"{self.base_url}/esearch.fcgi", what=what, params={
            "db": db, "term": term, "retmax": retmax, "retmode": "json", "sort": "relevance",
            **self.identity})
        try:
            result = json.loads(body)["esearchresult"]
        except (ValueError, KeyError, TypeError):
            raise FetchError(what, "unexpected answer (not esearch JSON)") from None
        if "ERROR" in result:
            raise FetchError(what, f"NCBI says: {result['ERROR']}")
        ids = [str(i) for i in result.get("idlist", [])]
        return [i for i in ids if i.isdigit()]

    def fetch_pubmed(self, pmids: list[str]) -> dict[str, Element]:
        """PubmedArticle elements by PMID (records PubMed does not have are absent)."""
        articles: dict[str, Element] = {}
        for start in range(0, len(pmids), EFETCH_BATCH):
            batch = pmids[start:start + EFETCH_BATCH]
            what = f"PubMed records {', '.join(batch[:3])}{'...' if len(batch) > 3 else ''}"
            body = self.client.get(f"{self.base_url}/efetch.fcgi", what=what, params={
                "db": "pubmed", "id": ",".join(batch), "retmode": "xml", **self.identity})
            root = _parse(body, what)
            if local(root.tag) != "PubmedArticleSet":
                raise FetchError(what, f"unexpected answer (root <{local(root.tag)}>, not PubmedArticleSet)")
            for article in root:
                pmid_element = child(article, "MedlineCitation", "PMID")
                if pmid_element is None:
                    pmid_element = child(article, "BookDocument", "PMID")
                pmid = (pmid_element.text or "").strip() if pmid_element is not None else ""
                if pmid.isdigit():
                    articles[pmid] = article
        return articles

    def fetch_pmc(self, pmcid: str) -> bytes:
        """The JATS XML PMC gives for an article: the full text for the open-access subset,
        the front matter only (with HTTP 200) for the others."""
        return self.client.get(f"{self.base_url}/efetch.fcgi", what=f"PMC article {pmcid}", params={
            "db": "pmc", "id": pmcid.removeprefix("PMC"), "retmode": "xml", **self.identity})


def _parse(body: bytes, what: str) -> Element:
    try:
        return parse_xml(body, what)
    except IngestError as error:
        raise FetchError(what, f"unreadable answer ({error.reason})") from None
