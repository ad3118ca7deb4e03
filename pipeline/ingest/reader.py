"""Which reader handles a file: by sniffed content first, then by extension.

Content beats the name because pages are often saved with the wrong one (an HTML page saved
as ``.txt``, a PubMed export as ``.txt``, a PDF without extension). Other readers can be added
with ``register_reader``.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.html import looks_like_html, read_html
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.report import Report
from pipeline.ingest.decoding import binary_kind, strip_bom
from pipeline.ingest.text import read_text
from pipeline.ingest.xmlarticle import read_xml
from pipeline.ingest.xmltext import looks_like_xml_article

Reader = Callable[[bytes, Path], list[Report]]
Sniffer = Callable[[bytes], bool]

MAX_BYTES = 64 * 1024 * 1024  # far above any article; guards against a stray disk image
_SNIFF_BYTES = 4096
_READ_CHUNK = 1 << 20
# Control characters (other than tab, newlines, form feed) above this share of a file's
# first bytes: not text.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})

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


def special_file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO"...), from its ``st_mode``; None for
    a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def read_file_bytes(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` (default ``MAX_BYTES``) bytes;
    IngestError otherwise.

    A FIFO, socket or device is refused without being read (reading a FIFO waits for a writer
    forever, /dev/zero never ends), and the limit is kept while reading: a file that grows,
    or whose size the file system misreports, is cut off at ``limit + 1`` bytes and refused.
    """
    path = Path(path)
    limit = MAX_BYTES if limit is None else limit
    try:
        kind = special_file_kind(os.stat(path).st_mode)
        if kind == "a folder":
            raise IngestError(path, "is a folder, not a file")
        if kind:
            raise IngestError(path, f"not a regular file ({kind})")
        # O_NONBLOCK: should the file have become a FIFO since, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise IngestError(path, "file not found") from None
    except PermissionError:
        raise IngestError(path, "cannot read file (permission denied)") from None
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from None
    try:
        status = os.fstat(fd)
        kind = special_file_kind(status.st_mode)
        if kind:
            raise IngestError(path, f"not a regular file ({kind})")
        if status.st_size > limit:
            raise IngestError(path, f"file too large for a report ({status.st_size / 2**20:.0f} MB)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_READ_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise IngestError(path, f"file too large for a report (over {limit / 2**20:.0f} MB)")
        return b"".join(chunks)
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from None
    finally:
        os.close(fd)


def looks_like_report(head: bytes) -> bool:
    """Whether the first bytes of a file without extension are a report caselit reads: a
    page, an article's XML or a PDF by their content, else text (not blank, no binary
    signature, few control characters)."""
    if any(sniff(head) for sniff, _ in _SNIFFERS):
        return True
    if not head.strip() or binary_kind(head):
        return False
    body, encoding = strip_bom(head)
    if encoding:
        return True
    if b"\x00" in body:
        return False
    controls = sum(body.count(byte) for byte in _CONTROL_BYTES)
    return controls <= _MAX_CONTROL_SHARE * len(body)


def read_report(path: str | os.PathLike, data: bytes | None = None) -> list[Report]:
    """The report(s) in one file; raise IngestError (a one-line message naming it) otherwise.

    A file holding several articles yields ``name#1``, ``name#2``... as Report names; a name
    that is not valid UTF-8 is shown escaped (``display_name``). ``data``: the file's bytes,
    when they were read already (by ``read_file_bytes``).
    """
    path = Path(path)
    if data is None:
        data = read_file_bytes(path)
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
