"""Plain-text reports: bytes -> Unicode text -> Report.

The bytes are decoded by ``decoding`` (a byte-order mark, UTF-8, UTF-16 without a BOM, else
charset-normalizer's best guess) and the text normalised by ``normalize`` (compatibility
characters folded where that keeps values intact, layout noise removed); the steps below then
undo what a conversion or a scraper did to the text's lines.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.decoding import decode_bytes
from pipeline.ingest.errors import IngestError
from pipeline.ingest.glued import separate_glued_ages, separate_glued_headings
from pipeline.ingest.metadata import text_metadata
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.report import Report
from pipeline.ingest.hyphens import rejoin_spaced_breaks
from pipeline.ingest.markdown import plain_markdown
from pipeline.ingest.unwrap import unwrap


def read_text(data: bytes, path: Path) -> list[Report]:
    """A plain-text file as one Report, with title/DOI/PMID/PMCID found in its lines."""
    text = normalize_text(decode_bytes(data, path))
    if not text:
        raise IngestError(path, "empty file (only whitespace)")
    text = plain_markdown(text)  # "## Case presentation", "**Discussion**": a paper converted to Markdown
    text = unwrap(text)  # a PDF's text layer saved with hard line wraps
    text = separate_glued_headings(text)  # a page's bold headings run into their text
    text = separate_glued_ages(text)  # "a52-year-old", "7-year-oldWhite": an age run into its words
    text = rejoin_spaced_breaks(text)  # "sib- lings": a PDF's line breaks flattened to spaces
    meta = text_metadata(text)
    return [Report(name=path.name, text=text, source=str(path), **meta)]
