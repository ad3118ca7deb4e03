"""Report files' bytes decoded to Unicode text, and binary files told apart from text.

Decoding order: a byte-order mark (UTF-8/16/32), else UTF-8, else UTF-16 without a BOM (NUL
bytes in every other position), else charset-normalizer's best guess (GB18030, cp1252...).
A file that starts like a well-known binary format (PDF, Office documents, images, archives),
holds NUL bytes outside UTF-16, or whose decoded text is more than a twentieth control or
replacement characters, is refused with an ``IngestError``.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.normalize import _CONTROL

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of binary formats people drop into a reports folder by mistake.
BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
)

# Non-text share above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.05


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """The bytes after a byte-order mark, and the encoding the mark names (or None)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return data, None


def binary_kind(data: bytes) -> str | None:
    """Name of a well-known binary format the bytes start with, or None."""
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte (ASCII-range UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str | Path = "<bytes>", declared: str | None = None) -> str:
    """Decode a text file's bytes; raise IngestError for binary or undecodable content.

    ``declared`` is an encoding the file states about itself (an HTML ``<meta charset>``),
    tried after UTF-8, which a page labelled Latin-1 very often really is.
    """
    kind = binary_kind(data)
    if kind:
        raise IngestError(path, f"binary file ({kind}), not text")
    body, encoding = strip_bom(data)
    candidates = [encoding] if encoding else []
    if not encoding:
        if b"\x00" in body:
            utf16 = _utf16_without_bom(body)
            if not utf16:
                raise IngestError(path, "binary file (contains NUL bytes), not text")
            candidates.append(utf16)
        else:
            candidates.append("utf-8")
            if declared:
                candidates.append(declared)
    for candidate in candidates:
        try:
            text = body.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        if encoding or b"\x00" in body:  # a BOM or UTF-16 layout that does not decode
            raise IngestError(path, f"undecodable text (not valid {candidates[0].upper()})")
        text = _guess_decode(body, path)
    if _looks_binary(text):
        raise IngestError(path, "binary file (mostly non-text characters), not text")
    return text


def _guess_decode(body: bytes, path: str | Path) -> str:
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(body).best()
    if best is None:
        raise IngestError(path, "undecodable text (unknown character encoding)")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    noise = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return noise > _MAX_CONTROL_SHARE * len(sample)

