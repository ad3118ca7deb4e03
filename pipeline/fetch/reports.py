"""Fetching case reports by PMID, PMCID, DOI or PubMed query into a folder that ``caselit
extract`` reads.

Each article is saved once, as the richest text available: the open-access full text (JATS
XML from Europe PMC, else PMC) as ``PMC<digits>.xml``, otherwise its PubMed record (title and
abstract) as ``pubmed-<PMID>.xml``. Both keep the article's PMID, PMCID and DOI. File names
are built from validated identifiers only, never from text a server sent.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from pipeline.fetch.client import FetchError, HttpClient, default_cache_dir
from pipeline.fetch.europepmc import DEFAULT_EUROPEPMC_URL, EuropePMC
from pipeline.fetch.eutils import DEFAULT_EUTILS_URL, EUtils
from pipeline.files import write_bytes
from pipeline.ingest.errors import IngestError
from pipeline.ingest.metadata import find_doi
from pipeline.ingest.xmltext import child, children, local, parse_xml

_PMID = re.compile(r"\d{1,9}")
_PMCID = re.compile(r"(?:PMC)?(\d{1,9})", re.IGNORECASE)


@dataclass
class FetchSettings:
    """Where and how to ask. ``from_env`` fills what is not given from the environment."""

    api_key: str | None = None
    email: str | None = None
    eutils_url: str = DEFAULT_EUTILS_URL
    europepmc_url: str = DEFAULT_EUROPEPMC_URL
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    full_text: bool = True
    retmax: int = 20

    @classmethod
    def from_env(cls, **given) -> FetchSettings:
        """Settings from keyword arguments, else NCBI_API_KEY, NCBI_EMAIL, CASELIT_EUTILS_URL,
        CASELIT_EUROPEPMC_URL and CASELIT_CACHE_DIR, else the defaults."""
        env = os.environ
        given = {k: v for k, v in given.items() if v is not None}
        given.setdefault("api_key", env.get("NCBI_API_KEY") or None)
        given.setdefault("email", env.get("NCBI_EMAIL") or env.get("CASELIT_EMAIL") or None)
        given.setdefault("eutils_url", env.get("CASELIT_EUTILS_URL") or DEFAULT_EUTILS_URL)
        given.setdefault("europepmc_url", env.get("CASELIT_EUROPEPMC_URL") or DEFAULT_EUROPEPMC_URL)
        return cls(**given)


@dataclass
class FetchResult:
    saved: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # what could not be fetched, one line each
    requests: int = 0


def parse_ids(values: Iterable[str] | None) -> list[str]:
    """'1,2 3' and ['4'] -> ['1', '2', '3', '4']: ids given as a list, comma- or space-separated."""
    return [part for value in values or () for part in re.split(r"[\s,;]+", value) if part]


class Fetcher:
    """Fetch reports into ``out_dir``; ``report(message)`` receives one line per article."""

    def __init__(self, out_dir: str | os.PathLike, settings: FetchSettings | None = None,
                 report: Callable[[str], None] = lambda message: None):
        self.settings = settings or FetchSettings.from_env()
        self.out_dir = Path(out_dir)
        self.report = report
        # NCBI: 3 requests a second without an API key, 10 with one.
        ncbi_rate = 10.0 if self.settings.api_key else 3.0
        common = dict(timeout=self.settings.timeout, retries=self.settings.retries,
                      backoff=self.settings.backoff, cache_dir=self.settings.cache_dir,
                      contact=self.settings.email)
        self.ncbi_client = HttpClient(per_second=ncbi_rate, **common)
        self.epmc_client = HttpClient(per_second=10.0, **common)
        self.eutils = EUtils(self.ncbi_client, self.settings.eutils_url, self.settings.api_key, self.settings.email)
        self.europepmc = EuropePMC(self.epmc_client, self.settings.europepmc_url)
        self.result = FetchResult()

    def fetch(self, pmids: Iterable[str] = (), pmcids: Iterable[str] = (), dois: Iterable[str] = (),
              query: str | None = None) -> FetchResult:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FetchError(str(self.out_dir), f"cannot create the folder ({error.strerror or error})") from None
        wanted_pmids = [p for p in (self._valid_pmid(p) for p in pmids) if p]
        if query:
            wanted_pmids += self._search(query)
        for doi in dois:
            wanted_pmids += self._pmids_for_doi(doi)
        self._fetch_pubmed(list(dict.fromkeys(wanted_pmids)))
        for pmcid in dict.fromkeys(p for p in (self._valid_pmcid(p) for p in pmcids) if p):
            self._fetch_pmc_article(pmcid)
        self.result.requests = self.ncbi_client.requests_sent + self.epmc_client.requests_sent
        return self.result

    # --- what to fetch ---------------------------------------------------------------------

    def _fail(self, what: str, reason: str) -> None:
        self.result.failed.append(f"{what}: {reason}")

    def _valid_pmid(self, value: str) -> str | None:
        value = value.strip()
        if _PMID.fullmatch(value):
            return value
        self._fail(f"PMID {value}", "not a PubMed ID (digits only)")
        return None

    def _valid_pmcid(self, value: str) -> str | None:
        match = _PMCID.fullmatch(value.strip())
        if match:
            return f"PMC{match.group(1)}"
        self._fail(f"PMCID {value}", "not a PMC ID (PMC followed by digits)")
        return None

    def _search(self, query: str) -> list[str]:
        try:
            pmids = self.eutils.search(query, retmax=self.settings.retmax)
        except FetchError as error:
            self._fail(error.what, error.reason)
            return []
        self.report(f"query {query!r}: {len(pmids)} PubMed record(s)")
        return pmids

    def _pmids_for_doi(self, value: str) -> list[str]:
        doi = find_doi(value.strip())
        if not doi:
            self._fail(f"DOI {value}", "not a DOI (10.<registrant>/<suffix>)")
            return []
        try:
            pmids = self.eutils.search(f'"{doi}"[doi]', retmax=1)
            if not pmids:  # not in PubMed: Europe PMC also indexes preprints and other sources
                found = self.europepmc.search(f'DOI:"{doi}"', page_size=1)
                pmids = [r["pmid"] for r in found if str(r.get("pmid", "")).isdigit()]
                if not pmids and found and found[0].get("pmcid"):
                    self._fetch_pmc_article(f"PMC{_PMCID.fullmatch(found[0]['pmcid']).group(1)}")
                    return []
        except FetchError as error:
            self._fail(f"DOI {doi}", error.reason)
            return []
        if not pmids:
            self._fail(f"DOI {doi}", "not found in PubMed or Europe PMC")
        return pmids

    # --- fetching and saving ---------------------------------------------------------------

    def _fetch_pubmed(self, pmids: list[str]) -> None:
        if not pmids:
            return
        try:
            articles = self.eutils.fetch_pubmed(pmids)
        except FetchError as error:
            for pmid in pmids:
                self._fail(f"PMID {pmid}", error.reason)
            return
        for pmid in pmids:
            article = articles.get(pmid)
            if article is None:
                self._fail(f"PMID {pmid}", "PubMed has no such record")
                continue
            ids = _pubmed_ids(article)
            pmcid = ids.get("pmc")
            if self.settings.full_text and pmcid and (full := self._full_text(pmcid)) is not None:
                path = self._save(f"{pmcid}.xml", _with_ids(full, pmid=pmid, doi=ids.get("doi")))
                self.report(f"PMID {pmid}: full text ({pmcid}) -> {path}")
            else:
                path = self._save(f"pubmed-{pmid}.xml", _pubmed_file(article))
                self.report(f"PMID {pmid}: abstract -> {path}")

    def _fetch_pmc_article(self, pmcid: str) -> None:
        try:
            full = self._full_text(pmcid, quiet=False)
            if full is None:  # no open full text: the front matter PMC gives (title, abstract)
                full = _parse(self.eutils.fetch_pmc(pmcid), f"PMC article {pmcid}")
                if child(full, "article") is None and local(full.tag) != "article":
                    self._fail(f"PMCID {pmcid}", "PMC has no such article")
                    return
                self.report(f"{pmcid}: no open full text; front matter only")
        except FetchError as error:
            self._fail(f"PMCID {pmcid}", error.reason)
            return
        self.report(f"{pmcid}: -> {self._save(f'{pmcid}.xml', _serialise(full))}")

    def _full_text(self, pmcid: str, quiet: bool = True) -> Element | None:
        """The article's JATS with a <body>: Europe PMC first, then PMC; None when neither has it."""
        sources = (lambda: self.europepmc.full_text_xml(pmcid), lambda: self.eutils.fetch_pmc(pmcid))
        for source in sources:
            try:
                body = source()
                root = _parse(body, f"full text {pmcid}") if body else None
            except FetchError as error:
                if not quiet:
                    self.report(f"{pmcid}: {error.reason}; trying the next source")
                continue
            if root is not None and any(local(e.tag) == "body" for e in root.iter()):
                return root
        return None

    def _save(self, name: str, data: bytes) -> Path:
        path = self.out_dir / name
        if path.resolve().parent != self.out_dir.resolve():  # names come from validated ids
            raise FetchError(name, "refused: file name outside the output folder")
        write_bytes(path, data)  # whole or not at all: a killed fetch leaves no half report
        self.result.saved.append(path)
        return path


def _parse(body: bytes, what: str) -> Element:
    try:
        return parse_xml(body, what)
    except IngestError as error:
        raise FetchError(what, f"unreadable answer ({error.reason})") from None


def _pubmed_ids(article: Element) -> dict[str, str]:
    """The article's own ids from PubmedData/ArticleIdList (pmc as 'PMC<digits>')."""
    ids = {}
    for element in children(child(article, "PubmedData", "ArticleIdList"), "ArticleId"):
        kind, value = (element.get("IdType") or "").lower(), (element.text or "").strip()
        if kind == "pmc" and (match := _PMCID.fullmatch(value)):
            ids.setdefault("pmc", f"PMC{match.group(1)}")
        elif kind == "doi" and value:
            ids.setdefault("doi", value)
    return ids


def _pubmed_file(article: Element) -> bytes:
    """One PubmedArticle as a PubMed XML file of its own."""
    body = tostring(article, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n'.encode()


def _serialise(root: Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False)


def _with_ids(root: Element, pmid: str | None, doi: str | None) -> bytes:
    """The JATS article, with the PubMed record's PMID and DOI added when its front lacks them."""
    article = root if local(root.tag) == "article" else next(
        (e for e in root.iter() if local(e.tag) == "article"), root)
    meta = child(article, "front", "article-meta")
    if meta is not None:
        present = {(e.get("pub-id-type") or "").lower() for e in children(meta, "article-id")}
        for kind, value in (("pmid", pmid), ("doi", doi)):
            if value and kind not in present:
                element = SubElement(meta, "article-id", {"pub-id-type": kind})
                element.text = value
                meta.remove(element)
                meta.insert(0, element)  # article-id comes first in article-meta
    return _serialise(root)
