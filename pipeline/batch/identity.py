"""Which report is which, whatever its file is called.

A report keeps its identity when the file is renamed, moved or downloaded again: the DOI or
PMID it states about itself, else a hash of its text with the differences a re-download
brings (line ends, spacing, Unicode forms, case) normalised away.

    >>> from pipeline.ingest.report import Report
    >>> document_id(Report("a.txt", "Title\\ndoi: 10.1000/XYZ.1\\nA 40-year-old woman ...", doi="10.1000/XYZ.1"))
    'doi:10.1000/xyz.1'
    >>> document_id(Report("a.txt", "A 40-year-old  woman.")) == document_id(Report("b.txt", "a 40-year-old woman.\\r\\n"))
    True
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from pipeline.ingest.report import Report

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
# A DOI or PMID counts as the report's own only when stated in its opening part: one found
# further on is usually a reference's, and two reports citing the same paper would merge.
_HEAD_CHARACTERS = 1500
_HEAD_SHARE = 4  # or the first quarter of a longer text


def file_hash(data: bytes) -> str:
    """The hash of a file's bytes: the cache key of the file's results."""
    return hashlib.sha256(data).hexdigest()


def normalised_text(text: str) -> str:
    """Text with spacing, Unicode compatibility forms, invisible characters and case folded."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    """A short hash (80 bits) of the normalised text."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()[:20]


def _stated_early(text: str, value: str) -> bool:
    position = text.casefold().find(value.casefold())
    # Not in the text at all: it came from the page's metadata (citation_doi), which is its own.
    return position < 0 or position <= max(_HEAD_CHARACTERS, len(text) // _HEAD_SHARE)


def document_id(report: Report) -> str:
    """``doi:<lowercased DOI>``, else ``pmid:<digits>``, else ``sha:<content hash>``."""
    if report.doi and _stated_early(report.text, report.doi):
        return "doi:" + report.doi.casefold()
    if report.pmid and report.pmid.isdigit() and _stated_early(report.text, report.pmid):
        return "pmid:" + report.pmid
    return "sha:" + content_hash(report.text)
