"""Which reader handles a file: by sniffed content first, then by extension.

Content beats the name because pages are often saved with the wrong one (an HTML page saved
as ``.txt``, a PubMed export as ``.txt``, a PDF without extension). Other readers can be added
with ``register_reader``.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.html import looks_like_html, read_html
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.report import Report
from pipeline.ingest.text import read_text
from pipeline.ingest.xmltext import looks_like_xml_article, read_xml

Reader = Callable[[bytes, Path], list[Report]]
Sniffer = Callable[[bytes], bool]

MAX_BYTES = 64 * 1024 * 1024  # far above any article; guards against a stray disk image
_SNIFF_BYTES = 4096

_BY_EXTENSION: dict[str, Reader] = {}
_SNIFFERS: list[tuple[Sniffer, Reader]] = []


def register_reader(
    extensions: tuple[str, ...], reader: Reader, sniff: Sniffer | None = None
) -> None:
    """Make ``reader`` handle files with these extensions, and any file ``sniff`` accepts."""
    for extension in extensions:
        _BY_EXTENSION[extension.lower()] = reader
    if sniff is not None:
        _SNIFFERS.append((sniff, reader))


def supported_extensions() -> tuple[str, ...]:
    """Extensions read when a folder is walked, e.g. ('.htm', '.html', '.md', ...)."""
    return tuple(sorted(_BY_EXTENSION))


register_reader((".txt", ".text", ".md"), read_text)
register_reader((".html", ".htm", ".xhtml"), read_html, sniff=looks_like_html)
register_reader((".xml", ".nxml"), read_xml, sniff=looks_like_xml_article)
register_reader((".pdf",), read_pdf, sniff=lambda head: b"%PDF-" in head[:1024])


def display_name(name: str | os.PathLike) -> str:
    """A file name (or path) as it can be shown and stored: a name that is not valid UTF-8
    (its bytes kept by Python as lone surrogates, which no UTF-8 file can hold) gets those
    bytes escaped.

    >>> display_name("caf\\udce9.txt"), display_name("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    name = os.fspath(name)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def read_report(path: str | os.PathLike) -> list[Report]:
    """The report(s) in one file; raise IngestError (a one-line message naming it) otherwise.

    A file holding several articles yields ``name#1``, ``name#2``... as Report names; a name
    that is not valid UTF-8 is shown escaped (``display_name``).
    """
    path = Path(path)
    data = _read_bytes(path)
    if not data.strip():
        raise IngestError(path, "empty file")
    reader = _choose_reader(path, data[:_SNIFF_BYTES])
    reports = reader(data, path)
    name = display_name(path.name)
    if len(reports) > 1:
        for number, report in enumerate(reports, start=1):
            report.name = f"{name}#{number}"
    else:
        for report in reports:
            report.name = display_name(report.name)
    return reports


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise IngestError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(path, f"file too large for a report ({size / 2**20:.0f} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "file not found") from None
    except PermissionError:
        raise IngestError(path, "cannot read file (permission denied)") from None
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from None


def _choose_reader(path: Path, head: bytes) -> Reader:
    for sniff, reader in _SNIFFERS:
        if sniff(head):
            return reader
    extension = path.suffix.lower()
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    if not extension:  # extension-less files are usually text dumps
        return read_text
    supported = ", ".join(supported_extensions())
    raise IngestError(path, f"unsupported file type '{extension}' (supported: {supported})")
