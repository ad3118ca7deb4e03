"""PubMed's own distribution files (the annual baseline and the daily updates,
``pubmed25n0001.xml.gz``): streamed article by article.

A baseline file holds some 30,000 articles (about 25 MB gzipped, 200 MB of XML): it is never
held whole. ``iterparse`` (defusedxml's: a file declaring entities is refused, external
resources are never read) yields each ``PubmedArticle`` as it closes; it is turned into a
Report with the same code as a PubMed export (``pubmed.pubmed_report``) and cleared at once,
so memory stays flat whatever the file's size. Such files are therefore not subject to the
64 MB cap of ``read_file_bytes``.

Each article is one report, named by its PMID. ``publication_types`` keeps only the articles
of those types (``{"Case Reports"}``), compared without regard to case.

Streamed: files ending in ``.xml.gz``, and PubMed XML (``.xml``) over the cap or read with a
publication-type filter. A smaller PubMed export without a filter is read as before
(``name#1``, ``name#2``...), so existing tables keep their report names.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from defusedxml.ElementTree import iterparse

from pipeline.ingest.errors import IngestError
from pipeline.ingest.pubmed import pubmed_report
from pipeline.ingest.reader import MAX_BYTES, display_name
from pipeline.ingest.report import Report
from pipeline.ingest.xmltext import (PUBMED_ROOTS, XML_REFUSALS, child, children, inline_text, local, root_name,
                                     xml_refusal)

STREAMED_SUFFIXES = (".xml.gz",)
_ARTICLES = ("PubmedArticle", "PubmedBookArticle")
_READ_CHUNK = 1 << 20
_SNIFF_BYTES = 4096


def is_streamed_name(path: str | os.PathLike) -> bool:
    """A name PubMed gives its distribution files: ``*.xml.gz``.

    >>> is_streamed_name("pubmed25n0001.xml.gz"), is_streamed_name("case.xml")
    (True, False)
    """
    return os.fspath(path).lower().endswith(STREAMED_SUFFIXES)


def is_streamed(path: str | os.PathLike, publication_types: Iterable[str] | None = None) -> bool:
    """Whether ``path`` is read by this module rather than whole: a ``.xml.gz`` file, or a
    PubMed ``.xml`` file over the 64 MB cap or read with a publication-type filter."""
    if is_streamed_name(path):
        return True
    if Path(path).suffix.lower() != ".xml":
        return False
    try:
        with open(path, "rb") as handle:
            if not publication_types and os.fstat(handle.fileno()).st_size <= MAX_BYTES:
                return False
            return root_name(handle.read(_SNIFF_BYTES)) in PUBMED_ROOTS
    except OSError:
        return False  # reading it the usual way reports the problem


def cache_key(file_hash: str, publication_types: Iterable[str] | None = None) -> str:
    """The results-cache key of a streamed file: the hash of its bytes, and the filter (the
    same file gives other reports with another filter).

    >>> cache_key("ab12", ["Case Reports"])
    'ab12|types=case reports'
    """
    types = _normalised_types(publication_types)
    return f"{file_hash}|types={','.join(sorted(types))}" if types else file_hash


def stream_hash(path: str | os.PathLike) -> str:
    """The sha256 of a file's bytes, read a chunk at a time (no size cap)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_READ_CHUNK):
                digest.update(chunk)
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from None
    return digest.hexdigest()


class _HashingReader:
    """A binary file that hashes what is read from it (the cache key, in the same pass)."""

    def __init__(self, handle):
        self._handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.digest.update(data)
        return data

    def drain(self) -> str:
        """Read what the parser left (after the root closed) and give the hash."""
        while self.read(_READ_CHUNK):
            pass
        return self.digest.hexdigest()


def publication_types_of(article) -> list[str]:
    """The article's PublicationType values ('Case Reports', 'Journal Article'...)."""
    citation = child(article, "MedlineCitation")
    if citation is None:
        citation = child(article, "BookDocument")
    record = child(citation, "Article")
    types = children(child(record, "PublicationTypeList"), "PublicationType")
    if citation is not None and local(citation.tag) == "BookDocument":
        types += children(child(citation, "PublicationTypeList"), "PublicationType")
    return [inline_text(element) for element in types]


def _normalised_types(publication_types: Iterable[str] | None) -> set[str]:
    return {" ".join(kind.split()).casefold() for kind in publication_types or () if kind.strip()}


def stream_reports(path: str | os.PathLike, publication_types: Iterable[str] | None = None,
                   on_done=None) -> Iterator[Report]:
    """The articles of a PubMed file (gzipped or not) as Reports named by PMID, one at a time.

    ``on_done(file_hash)`` is called with the hash of the file's bytes once it was read to
    the end. Raises IngestError (one line naming the file) for a file that is not gzip, is
    truncated, is malformed XML or declares entities.
    """
    for _, report in stream_articles(path, publication_types, on_done):
        yield report


def stream_articles(path: str | os.PathLike, publication_types: Iterable[str] | None = None,
                    on_done=None, part: int = 0, parts: int = 1) -> Iterator[tuple[int, Report]]:
    """``(article number, Report)`` pairs as ``stream_reports`` gives them; with ``parts`` > 1
    only the articles numbered ``part`` modulo ``parts``: one slice of the file (every slice
    reads the whole file, but builds only its own articles)."""
    path = Path(path)
    wanted = _normalised_types(publication_types)
    try:
        raw = open(path, "rb")
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from None
    with raw:
        hashing = _HashingReader(raw)
        source = gzip.GzipFile(fileobj=hashing, mode="rb") if _is_gzip(raw) else hashing
        number = 0
        try:
            events = iterparse(source, events=("start", "end"), forbid_dtd=False,
                               forbid_entities=True, forbid_external=True)
            root = None
            for event, element in events:
                if root is None:
                    root = element
                    if local(root.tag) not in PUBMED_ROOTS:
                        raise IngestError(path, f"not a PubMed file (root <{local(root.tag)}>)")
                    continue
                if event != "end" or local(element.tag) not in _ARTICLES:
                    continue
                number += 1
                report = _article_report(element, path, number, wanted) if number % parts == part else None
                root.clear()  # the article (and the DeleteCitation lists before it) is freed
                if report is not None:
                    yield number, report
            digest = hashing.drain()
        except XML_REFUSALS as error:
            raise xml_refusal(path, error) from None
        except (EOFError, gzip.BadGzipFile, zlib.error) as error:
            raise IngestError(path, f"damaged or truncated gzip file ({error})") from None
        except OSError as error:
            raise IngestError(path, f"cannot read file ({error.strerror or error})") from None
    if on_done is not None:
        on_done(digest)


def _is_gzip(handle) -> bool:
    head = handle.read(2)
    handle.seek(0)
    return head == b"\x1f\x8b"


def _article_report(article, path: Path, number: int, wanted: set[str]) -> Report | None:
    if wanted and not wanted & _normalised_types(publication_types_of(article)):
        return None
    report = pubmed_report(article, path)
    if report is None:
        return None
    report.name = report.pmid or f"{display_name(path.name)}#{number}"
    return report
