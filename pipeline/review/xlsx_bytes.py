"""Reading an XML part of a workbook from its bytes, without parsing the XML: where its root
element may begin (or that the part is parsed whole), the text a parser gives for character
data, the tags to parse a fragment in, a column's letters as bytes and back, and the
shared-string table (``SharedStrings``), each string read when a cell asks for it. The rows of
a worksheet read this way are in ``xlsx_rows`` and ``xlsx_row_values``."""
from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from pipeline.review.xlsx_cells import MAIN, PARSER, column_index, column_letter, qname, rich_text


_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XML_DECLARATION = re.compile(rb'<\?xml[^>]*?\?>')
_ENCODING = re.compile(rb'encoding=["\']([A-Za-z0-9._-]+)["\']')


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    return _NAMED[name]


def xml_text(raw: bytes) -> str:
    """The text XML parsers give for character data ``raw``: line ends normalised, then the
    character and predefined entity references replaced."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    text = raw.decode("utf-8")
    return _ENTITY.sub(_entity, text) if "&" in text else text


class SharedStrings(Sequence):
    """The shared-string table of a workbook Excel saved (often 100,000 strings), each
    string read from the part's bytes when a cell asks for it."""

    def __init__(self, data: bytes, starts: list[int], namespace_tags: tuple[bytes, bytes]):
        self.data = data
        self.starts = starts  # where each <si> begins
        self.tags = namespace_tags
        self._read: dict[int, str] = {}

    @classmethod
    def build(cls, data: bytes) -> SharedStrings | None:
        """None for a table this does not read from bytes: parse it whole."""
        start = content_start(data)
        if start is None:
            return None
        root = data.find(b"<", start)
        root_end = data.find(b">", root)
        if not data.startswith(b"<sst", root) or f'xmlns="{MAIN}"'.encode("ascii") not in data[root:root_end]:
            return None
        if root_end < 0 or data[root_end - 1] == 0x2F:  # <sst .../>
            return None
        starts = [match.start() for match in _SHARED_STRING.finditer(data, root_end)]
        if len(starts) != data.count(b"<si", root_end):
            return None  # <si/>, or an <si> with attributes
        try:
            namespaces = etree.fromstring(data[root:root_end] + b"/>", PARSER).nsmap
        except etree.XMLSyntaxError:
            return None
        return cls(data, starts, holder_tags(etree.Element(qname("sst"), nsmap=namespaces)))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        text = self._read.get(index)
        if text is None:
            start = self.starts[index]
            plain = _PLAIN_SHARED_STRING.match(self.data, start)
            if plain is not None:
                text = xml_text(plain.group(1))
            else:  # rich text runs, phonetic hints: parsed
                end = self.data.find(b"</si>", start) + 5
                text = rich_text(etree.fromstring(self.tags[0] + self.data[start:end] + self.tags[1], PARSER)[0])
            self._read[index] = text
        return text


_SHARED_STRING = re.compile(rb"<si>")
_PLAIN_SHARED_STRING = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')


def content_start(data: bytes) -> int | None:
    """Where the root element may begin in an XML part this module or ``xlsx_rows`` reads from
    its bytes; None when it does not (another encoding; comments, CDATA, a DTD or processing
    instructions, which could hold what looks like markup)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    declaration = _XML_DECLARATION.match(data, start)
    if declaration:
        encoding = _ENCODING.search(declaration.group())
        if encoding and encoding.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            return None
        start = declaration.end()
    elif not data.startswith(b"<", start):
        return None  # UTF-16, or text before the root
    if (b"!" in data and b"<!" in data) or data.find(b"<?", start) >= 0:
        return None
    return start


def holder_tags(holder) -> tuple[bytes, bytes]:
    """The opening and closing tags of an empty element, as text to wrap content in."""
    text = etree.tostring(holder, encoding="UTF-8")  # <sheetData xmlns="..." .../>
    name = text[1:-2].split()[0]
    return text[:-2] + b">", b"</" + name + b">"


class _ColumnOfRef(dict):
    """b'AB' -> 28; None for what is not a column's letters."""

    def __missing__(self, letters: bytes) -> int | None:
        text = letters.decode("ascii", "replace")
        self[letters] = column = column_index(text) if text.isalpha() and text.isupper() and len(text) <= 3 else None
        return column


COLUMN_OF_REF = _ColumnOfRef()
_LETTERS: dict[int, bytes] = {}


def letter_bytes(column: int) -> bytes:
    """28 -> b'AB'."""
    letters = _LETTERS.get(column)
    if letters is None:
        letters = _LETTERS[column] = column_letter(column).encode("ascii")
    return letters
