"""Plain-text reports: bytes -> Unicode text -> Report.

Decoding order: a byte-order mark (UTF-8/16/32), else UTF-8, else UTF-16 without a BOM (NUL
bytes in every other position), else charset-normalizer's best guess (GB18030, cp1252...).
Normalisation folds compatibility characters (NFKC: fullwidth "６１．４", ligatures, "Ⅲ", "㎎")
except those whose folding changes a value (superscripts in "10⁹/L", "½", "µ", "™", "º"), and
removes layout noise: CR/LF variants, odd spaces, zero-width characters.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import ftfy
from ftfy.badness import is_bad

from pipeline.ingest.errors import IngestError
from pipeline.ingest.glued import separate_glued_ages, separate_glued_headings
from pipeline.ingest.metadata import text_metadata
from pipeline.ingest.report import Report
from pipeline.ingest.hyphens import rejoin_spaced_breaks
from pipeline.ingest.markdown import plain_markdown
from pipeline.ingest.unwrap import unwrap

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

_NEWLINES = re.compile(r"[\u2028\u2029\x85]")  # CR and CRLF are replaced first: faster
# NBSP, narrow NBSP, figure/thin/en/em spaces, ideographic space... -> an ordinary space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and soft hyphens split words invisibly in scraped text.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# Control characters other than tab and newline; form feeds end a page, so become newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Compatibility characters NFKC must leave alone: super/subscripts ("10⁹/L" is not "109/L"),
# vulgar fractions ("1½" is not "11⁄2"), the micro sign, ™/℠ ("Taxol™" is not "TaxolTM"), and
# the ordinal indicators often typed as a degree sign ("38.5ºC").
_KEEP_UNFOLDED = re.compile(r"[\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u2070-\u209f"
                            r"\u2122\u2120\u2150-\u215f\u2189]")

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]")
# Hyphens typeset as Unicode (NFKC keeps U+2010, makes U+2011 U+2010) are the ASCII hyphen
# the tokenizer and the patterns know ("post‑operative", "G‑CSF").
_HYPHENS = {"\u2010": "-", "\u2011": "-"}

_SUPERSCRIPTS = str.maketrans("0123456789+-−–()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻⁽⁾")
_SUP_NUMBER = re.compile(r"[+\-−–]?\d+")
_CITATION = re.compile(r"\[?\d+(?:\s*[,–-]\s*\d+)*\]?")
# A power of ten or a squared/cubed unit: "10<sup>9</sup>/L", "mm<sup>3</sup>", "m<sup>2</sup>".
_POWER_BASE = re.compile(r"(?:\b10|[×x*]\s?10|\b(?:mm|cm|µm|μm|m|dm|km|l|L|µL|μL))\s?$")


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


def fold_compatibility(text: str) -> str:
    """NFKC, except for the characters whose folding changes what a value means.

    >>> fold_compatibility("ＷＢＣ ６１．４×10⁹／L, stage ⅢC1, 1½ years, ﬁbrosis")
    'WBC 61.4×10⁹/L, stage IIIC1, 1½ years, fibrosis'
    """
    if text.isascii():
        return text
    folds = {}
    for char in set(text):
        if char > "\x9f" and not _KEEP_UNFOLDED.match(char):
            folded = unicodedata.normalize("NFKC", char)
            folded = _HYPHENS.get(folded, folded)
            if folded != char:
                folds[char] = folded
    if len(folds) <= 16:  # str.replace is C-fast and holds two copies at most
        for char, folded in folds.items():
            text = text.replace(char, folded)
    else:  # one regex pass: str.translate with a dict is slow on long texts
        text = re.compile(f"[{''.join(map(re.escape, folds))}]").sub(lambda m: folds[m.group()], text)
    # Canonical composition ("e" + combining acute -> "é") only where combining marks are.
    return unicodedata.normalize("NFC", text) if _COMBINING.search(text) else text


def render_superscript(text: str, before: str) -> str:
    """How a superscript reads in plain text, given the text just before it.

    A power of ten or of a unit becomes Unicode superscripts ("10" + "9" -> "10⁹", "mm" + "3"
    -> "mm³"), a citation number stands apart in brackets (" [3,4]"), anything else ("th",
    "®") is kept as written.

    >>> render_superscript("9", "a count of 12.1 × 10"), render_superscript("3,4", "fever.")
    ('⁹', ' [3,4]')
    """
    text = text.strip()
    if _SUP_NUMBER.fullmatch(text) and _POWER_BASE.search(before):
        return text.translate(_SUPERSCRIPTS)
    if _CITATION.fullmatch(text):
        return f" [{text.strip('[]')}]"
    return text


def append_superscript(pieces: list[str], raw: str) -> None:
    """Add a superscript's reading to text being assembled piece by piece.

    A power joins its base ("10 " + "9" -> "10⁹"); a citation after a sentence's full stop
    moves inside the sentence it supports ("fever." + "3,4" -> "fever [3,4]."), so that
    sentence splitting does not open the next sentence with it.

    >>> pieces = ["She had fever.", " "]
    >>> append_superscript(pieces, "3,4"); "".join(pieces)
    'She had fever [3,4]. '
    """
    raw = " ".join(raw.split())
    last = next((i for i in range(len(pieces) - 1, -1, -1) if pieces[i].strip()), None)
    rendered = render_superscript(raw, "".join(pieces[-4:]))
    if last is None:
        pieces.append(rendered.strip())
        return
    if rendered.startswith(" ["):
        text = pieces[last].rstrip()
        if text.endswith((".", ",", ";", ":")):
            pieces[last] = text[:-1] + rendered + text[-1] + pieces[last][len(text):]
            return
    elif rendered != raw:
        for i in range(last, len(pieces)):  # "10 <sup>9</sup>" is one number
            pieces[i] = pieces[i].rstrip(" ") if i == last else ""
    pieces.append(rendered)


# A middle dot between digits is a decimal point, The Lancet's house style ("11·5 × 10⁹/L", "aged
# 2·5 years", "0·5 mg/kg"), not a product: the patterns read "."; one character for one, so offsets
# hold. "3·10⁹/L" (a dot before a power of ten) stays a product.
_DECIMAL_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)(?!10\s*(?:[\u2070-\u2079\u00b9\u00b2\u00b3^]|\*\*|[eE]\d))")
MAX_RUN = 20
_LONG_RUN = re.compile(r"([^\w\s])\1{%d,}" % MAX_RUN)
# Texts are normalised a block of lines at a time: each pass copies the text and a regex with
# many matches builds a string per match, so a whole 20 MB text would briefly take ten times its
# size. Every step below is confined to a line (blocks end after a \n, so "\r\n" stays whole)
# or, on a line, to a word (a block may end with a space before a letter or digit, which no
# step changes); trailing spaces are removed from the lines a block ends, not from its last line.
BLOCK_CHARACTERS = 1 << 20
_WORD_START = re.compile(r" (?=[A-Za-z0-9])")


def normalize_text(text: str) -> str:
    """Newlines to \\n, odd spaces to spaces, invisible and control characters removed,
    compatibility characters folded where that keeps values intact (``fold_compatibility``).

    >>> normalize_text("WBC\\u00a010⁹/L\\r\\nleuko\\u00adcytosis\\x0c")
    'WBC 10⁹/L\\nleukocytosis'
    >>> normalize_text("WBC 11·5 × 10⁹/L; 3·10⁹/L")
    'WBC 11.5 × 10⁹/L; 3·10⁹/L'
    """
    if len(text) <= BLOCK_CHARACTERS:
        return _settled(_normalize_block(text).strip())
    blocks, start = [], 0
    while start < len(text):
        end = text.find("\n", start + BLOCK_CHARACTERS, start + 2 * BLOCK_CHARACTERS) + 1
        if not end:  # a text flattened to one line: cut between a space and a word
            word = _WORD_START.search(text, start + BLOCK_CHARACTERS)
            end = word.end() if word else len(text)
        blocks.append(_normalize_block(text[start:end]))
        start = end
    return _settled("".join(blocks).strip())


def _settled(text: str) -> str:
    """``text`` whose edge lines are normalised again while a mojibake repair still changes them (a
    mis-decoded space at the text's edge, "Â 0", shows only once the edge is stripped): normalising
    twice changes nothing. Every step is confined to a line and the blocks already settled their
    lines, so only the first and the last line are normalised again, never a long text whole (see
    BLOCK_CHARACTERS)."""
    for _ in range(3):
        if text.isascii() or not is_bad(text):
            break
        first_end, last_start = text.find("\n"), text.rfind("\n") + 1
        if first_end < 0:
            again = _normalize_block(text).strip()
        else:
            again = (_normalize_block(text[:first_end]) + text[first_end:last_start]
                     + _normalize_block(text[last_start:])).strip()
        if again == text:
            break
        text = again
    return text


def _without_mojibake(text: str) -> str:
    """UTF-8 read as Mac Roman or Windows-1252 somewhere upstream ("10^3/ŒºL", "12 Âµl", "Ã— 10^9"),
    undone line by line by ftfy's ``fix_encoding``: a page that mixes such lines with correct
    ones (a "μL" elsewhere) is not one mis-decoded text, and lines with no mojibake stay as they are.

    >>> _without_mojibake("WBC 364.6 x10^3/ŒºL\\nplatelets 98 x10^3/μL")
    'WBC 364.6 x10^3/μL\\nplatelets 98 x10^3/μL'
    """
    return "\n".join(ftfy.fix_encoding(line) if is_bad(line) else line for line in text.split("\n"))


def _normalize_block(text: str) -> str:
    text = _normalize_characters(text)
    # mojibake is undone on the normalised text (a control character inside it hides it from ftfy),
    # and the repaired text normalised again, until nothing changes: normalising is idempotent
    for _ in range(3):
        if text.isascii() or not is_bad(text):
            break
        fixed = _without_mojibake(text)
        if fixed == text:
            break
        text = _normalize_characters(fixed)
    return text


def _normalize_characters(text: str) -> str:
    text = fold_compatibility(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _NEWLINES.sub("\n", text)
        text = _ODD_SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
        if "\u00b7" in text:
            text = _DECIMAL_DOT.sub(".", text)
    text = text.replace("\x0c", "\n")
    text = _CONTROL.sub(" ", text)
    # spaCy's tokenizers take quadratic time on a long run of one punctuation mark ("=====",
    # "(((("); rules and separators never need more than a few
    text = _LONG_RUN.sub(lambda m: m.group(1) * MAX_RUN, text)
    lines = text.split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])


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
