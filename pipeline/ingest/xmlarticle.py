"""Reading an XML report file: a PubMed export (one Report per article) or a JATS/PMC article.

The dispatch lives here, not in ``xmltext`` (the helpers both readers use), so that imports
flow one way: xmltext <- jats, pubmed <- xmlarticle <- reader.
"""
from __future__ import annotations

import logging
from pathlib import Path

from pipeline.ingest import jats, pubmed
from pipeline.ingest.errors import IngestError
from pipeline.ingest.report import Report
from pipeline.ingest.xmltext import JATS_ROOTS, PUBMED_ROOTS, BrokenXML, local, parse_xml, recover_xml

log = logging.getLogger(__name__)


def read_xml(data: bytes, path: Path) -> list[Report]:
    """A PubMed export (one Report per article) or a JATS/PMC article file. A truncated or
    malformed file is read as far as it is well-formed, with a warning, when that part holds
    an article's text (as the HTML and PDF readers read a page cut short); otherwise it is
    refused with its one line."""
    try:
        return _read_root(parse_xml(data, path), path)
    except BrokenXML as refusal:
        root = recover_xml(data)
        if root is None:
            raise
        try:
            reports = _read_root(root, path)
        except IngestError:
            raise refusal from None
        log.warning("warning: %s: %s; read as far as it is well-formed", path, refusal.reason)
        return reports


def _read_root(root, path: Path) -> list[Report]:
    name = local(root.tag)
    if name in PUBMED_ROOTS:
        return pubmed.read_pubmed(root, path)
    if name in JATS_ROOTS:
        return jats.read_jats(root, path)
    raise IngestError(path, f"XML file is neither a PubMed export nor a JATS/PMC article (root <{name}>)")
