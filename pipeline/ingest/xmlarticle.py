"""Reading an XML report file: a PubMed export (one Report per article) or a JATS/PMC article.

The dispatch lives here, not in ``xmltext`` (the helpers both readers use), so that imports
flow one way: xmltext <- jats, pubmed <- xmlarticle <- reader.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import jats, pubmed
from pipeline.ingest.errors import IngestError
from pipeline.ingest.report import Report
from pipeline.ingest.xmltext import JATS_ROOTS, PUBMED_ROOTS, local, parse_xml


def read_xml(data: bytes, path: Path) -> list[Report]:
    """A PubMed export (one Report per article) or a JATS/PMC article file."""
    root = parse_xml(data, path)
    name = local(root.tag)
    if name in PUBMED_ROOTS:
        return pubmed.read_pubmed(root, path)
    if name in JATS_ROOTS:
        return jats.read_jats(root, path)
    raise IngestError(path, f"XML file is neither a PubMed export nor a JATS/PMC article (root <{name}>)")
