"""Reading a worksheet part's rows and a shared-string table from their bytes, without
parsing the XML: where each row is, the value of a cell of the plain forms Excel, openpyxl and
caselit write, and the rows written back byte for byte when nobody changed them (see
``xlsx_sheet.Worksheet``)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from pipeline.review.xlsx_cells import (
    FEW_ROWS, MAIN, PARSER, column_index, column_letter, qname, rich_text, typed_value,
)


# Stands in the skeleton of an indexed sheet for its rows (text no part contains: checked).
ROWS_MARK = "caselit-rows-7d1f0c"
UNREAD = object()  # a value the bytes do not give: read it from the parsed row
# A cell of one of the plain forms: empty, a value, or one inline string run. Anything else
# (a formula, rich text, attributes on <v>) is read from the parsed row.
# A row of two inline strings in A and B, as caselit and openpyxl write them (caselit's state).
_INLINE_TEXT = rb'(?: s="\d+")? t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
_TEXT_PAIR_ROW = re.compile(rb'<row r="(\d+)"[^>]*><c r="A\1"' + _INLINE_TEXT + rb'<c r="B\1"' + _INLINE_TEXT + rb"</row>")
_PLAIN_FORMS = rb'([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})\d+"' + _PLAIN_FORMS)
_TYPE = re.compile(rb'\st="([^"]*)"')
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XML_DECLARATION = re.compile(rb'<\?xml[^>]*?\?>')
_ENCODING = re.compile(rb'encoding=["\']([A-Za-z0-9._-]+)["\']')


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    return _NAMED[name]


def _xml_text(raw: bytes) -> str:
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
        start = _content_start(data)
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
        return cls(data, starts, _holder_tags(etree.Element(qname("sst"), nsmap=namespaces)))

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
                text = _xml_text(plain.group(1))
            else:  # rich text runs, phonetic hints: parsed
                end = self.data.find(b"</si>", start) + 5
                text = rich_text(etree.fromstring(self.tags[0] + self.data[start:end] + self.tags[1], PARSER)[0])
            self._read[index] = text
        return text


_SHARED_STRING = re.compile(rb"<si>")
_PLAIN_SHARED_STRING = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')


def _content_start(data: bytes) -> int | None:
    """Where the root element may begin in an XML part this module reads from its bytes;
    None when it does not (another encoding; comments, CDATA, a DTD or processing
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


class RowIndex:
    """Where each row of a worksheet part's bytes is, found without parsing the XML.

    ``build`` returns None for a part it does not read this way; the caller parses it whole.
    """

    def __init__(self, data: bytes, spans: dict[int, tuple[int, int]], skeleton: bytes):
        self.data = data
        self.spans = spans  # row number -> (start, end) of its <row> element in ``data``
        self.skeleton = skeleton  # the part with the rows replaced by ROWS_MARK
        self._plain: dict[int, bool] = {}  # row -> every cell tag is '<c r="A1"...' (no rich text)
        self._holder: tuple[bytes, bytes] | None = None  # tags to parse a row in

    @classmethod
    def build(cls, data: bytes) -> RowIndex | None:
        start = _content_start(data)
        if (start is None or ROWS_MARK.encode("ascii") in data
                or data.count(b"<sheetData") != 1 or data.count(b"</sheetData>") != 1):
            return None
        root = data.find(b"<", start)
        root_end = data.find(b">", root)
        if not data.startswith(b"<worksheet", root) or f'xmlns="{MAIN}"'.encode("ascii") not in data[root:root_end]:
            return None  # a prefixed namespace (<x:worksheet>): parsed whole
        opening = data.find(b"<sheetData")
        content = data.find(b">", opening) + 1
        closing = data.find(b"</sheetData>")
        if data[content - 2:content] == b"/>" or closing < content:
            return None
        spans: dict[int, tuple[int, int]] = {}
        position, previous, find = content, 0, data.find
        while True:  # <row r="N" ...>...</row> or <row r="N" .../>, white space between them
            begin = find(b"<row", position, closing)
            if begin < 0:
                if data[position:closing].strip():
                    return None
                break
            if begin != position and data[position:begin].strip():
                return None  # something else than a row
            if data[begin + 4] != 0x20 and data[begin + 4] not in b"\t\r\n>/":
                return None
            tag_end = find(b">", begin, closing)
            number = find(b' r="', begin, tag_end) if tag_end > 0 else -1
            if number < 0:
                return None  # rows numbered by their order: parsed whole
            try:
                row = int(data[number + 4:find(b'"', number + 4, tag_end)])
            except ValueError:
                return None
            if data[tag_end - 1] == 0x2F:  # <row .../>
                end = tag_end + 1
            else:
                end = find(b"</row>", tag_end, closing)
                if end < 0:
                    return None
                end += 6
            if row <= previous:
                return None
            spans[row] = (begin, end)
            position, previous = end, row
        skeleton = data[:content] + ROWS_MARK.encode("ascii") + data[closing:]
        return cls(data, spans, skeleton)

    def parse(self, number: int, namespaces: dict):
        """The row's element, parsed alone within the sheet's namespace declarations."""
        start, end = self.spans[number]
        if self._holder is None:
            self._holder = _holder_tags(etree.Element(qname("sheetData"), nsmap=namespaces))
        opening, closing = self._holder
        return etree.fromstring(opening + self.data[start:end] + closing, PARSER)[0]

    def is_plain(self, number: int) -> bool:
        """Whether every cell tag of the row is written '<c r="A1"...' (and no rich text run
        has a <charset>, <color> or <condense>, which count as cells here)."""
        plain = self._plain.get(number)
        if plain is None:
            start, end = self.spans[number]
            data = self.data
            plain = self._plain[number] = data.count(b"<c", start, end) == data.count(b'<c r="', start, end)
        return plain

    def has_no_formula(self, number: int, column: int) -> bool | None:
        """True when the cell has a plain form (no formula) or is not there; None when the
        bytes cannot tell (the row must be parsed)."""
        span = self._cell(number, column)
        if span is None:
            return True if self.is_plain(number) else None
        match = _PLAIN_CELL.match(self.data, *span)
        return True if match is not None and match.end() == span[1] else None

    def _cell(self, number: int, column: int) -> tuple[int, int] | None:
        """(start, end) of the cell written '<c r="B7"...' (the usual form); None when the row
        has none (which means no such cell only in a plain row)."""
        start, end = self.spans[number]
        data = self.data
        found = data.find(b'<c r="%s%d"' % (_letters(column), number), start, end)
        if found < 0:
            return None
        tag_end = data.find(b">", found, end)
        if tag_end < 0:
            return found, end  # not a plain cell: the row is parsed
        if data[tag_end - 1] == 0x2F:  # <c .../>
            return found, tag_end + 1
        closing = data.find(b"</c>", tag_end, end)
        return found, (closing + 4 if closing >= 0 else end)

    def value(self, number: int, column: int, shared_strings) -> object:
        """The cell's value, or UNREAD when the row must be parsed to tell it."""
        if number not in self.spans:
            return None
        span = self._cell(number, column)
        if span is None:  # no '<c r="B7"': no such cell, if every cell of the row is written so
            return None if self.is_plain(number) else UNREAD
        match = _PLAIN_CELL.match(self.data, *span)
        if match is None or match.end() != span[1]:
            return UNREAD
        return _plain_value(match, shared_strings)

    def columns_values(self, columns: set[int], first_row: int, shared_strings) -> dict[int, dict[int, object]] | None:
        """{column: {row: value}} of the rows from ``first_row``, each column read in one pass
        of the regex engine over the sheet's bytes instead of a search in each row: what
        ``value`` gives (None included), UNREAD where the row must be parsed to tell. None
        when a cell is found outside its row (read row by row)."""
        found: dict[int, dict[int, object]] = {}
        data, spans = self.data, self.spans
        if not spans:
            return {column: {} for column in columns}
        start, end = next(iter(spans.values()))[0], spans[next(reversed(spans))][1]
        for column in columns:
            values = found[column] = {}
            for match in _column_cells(column).finditer(data, start, end):
                number = int(match.group(1))
                span = spans.get(number)
                if span is None or not span[0] < match.start() < span[1]:
                    return None
                if number < first_row or number in values:  # a second cell of that name: the first, as value()
                    continue
                # the plain forms, as _PLAIN_CELL reads them; any other: the row parsed
                values[number] = UNREAD if match.group(2) is None else _plain_value(match, shared_strings)
            for number in spans:  # no '<c r="B7"': no such cell, if every cell of the row is written so
                if number >= first_row and number not in values and not self.is_plain(number):
                    values[number] = UNREAD
        return found

    def text_pairs(self, shared_strings) -> dict[int, dict[int, object] | list[str]] | None:
        """``all_values`` of a sheet whose rows (but a few) are two inline strings in A and B
        (caselit's state: an ID and a JSON text), those rows as [A, B]: each row one match of
        one regex, and every text decoded at once. None for other sheets."""
        spans = self.spans
        if len(spans) <= FEW_ROWS:
            return None
        data = self.data
        last = spans[next(reversed(spans))]
        if _TEXT_PAIR_ROW.match(data, last[0], last[1]) is None:
            return None  # not such a sheet: not a pass over it
        matches = []
        for match in _TEXT_PAIR_ROW.finditer(data, next(iter(spans.values()))[0], last[1]):
            span = spans.get(int(match.group(1)))
            if span is None or span != match.span():
                return None
            matches.append(match)
        if len(spans) - len(matches) > FEW_ROWS:
            return None
        raw = b"\0".join([text for match in matches for text in match.group(2, 3)])
        texts = _xml_text(raw).split("\0")
        if len(texts) != 2 * len(matches):  # a NUL in a text (not XML): read cell by cell
            return None
        found: dict[int, dict[int, object] | list[str]] = {}
        for at, match in enumerate(matches):
            found[int(match.group(1))] = texts[2 * at:2 * at + 2]
        for number in spans:
            if number not in found:  # the few other rows, as all_values reads them
                values = self.row_values(number, shared_strings)
                if values is None:
                    return None
                found[number] = values
        return found

    def row_values(self, number: int, shared_strings) -> dict[int, object] | None:
        """{column: value} of the row's cells, or None when the row must be parsed."""
        if not self.is_plain(number):
            return None
        start, end = self.spans[number]
        values, count = {}, 0
        for match in _PLAIN_CELL.finditer(self.data, start, end):
            column = _COLUMN_OF_REF[match.group(1)]
            if column is None:
                return None
            values[column] = _plain_value(match, shared_strings)
            count += 1
        return values if count == self.data.count(b"<c", start, end) else None

    def last_column(self, number: int) -> int | None:
        """The column of the row's last cell (0: none), or None when the row must be parsed."""
        start, end = self.spans[number]
        data = self.data
        found = data.rfind(b"<c", start, end)
        if found < 0:
            return 0
        if not data.startswith(b'<c r="', found):
            return None  # rich text, or a cell without its reference
        return _COLUMN_OF_REF[data[found + 6:data.find(b'"', found + 6, end)].rstrip(b"0123456789")]

    def all_values(self, shared_strings) -> dict[int, dict[int, object]] | None:
        """{row: {column: value}} of every row, or None when some row must be parsed."""
        if not self.spans:
            return {}
        numbers, spans = list(self.spans), list(self.spans.values())
        data, start, end = self.data, spans[0][0], spans[-1][1]
        cells = data.count(b"<c", start, end)
        if cells != data.count(b'<c r="', start, end):
            return None
        found: dict[int, dict[int, object]] = {}
        index, row_end, values, count = -1, -1, None, 0
        for match in _PLAIN_CELL.finditer(data, start, end):
            while match.start() >= row_end:
                index += 1
                row_end = spans[index][1]
                values = found[numbers[index]] = {}
            column = _COLUMN_OF_REF[match.group(1)]
            if column is None:
                return None
            values[column] = _plain_value(match, shared_strings)
            count += 1
        return found if count == cells else None

    def rows_bytes(self, numbers: list[int], dirty: set[int], rows: dict[int, object]) -> list[bytes]:
        """The <row> elements in order: the unchanged ones as read (runs of them in one
        slice, with the white space between them), the others serialised."""
        out: list[bytes] = []
        run: tuple[int, int] | None = None
        for number in numbers:
            span = None if number in dirty else self.spans.get(number)
            if span is not None:
                run = span if run is None else (run[0], span[1])
                continue
            if run is not None:
                out.append(self.data[run[0]:run[1]])
                run = None
            out.append(_row_bytes(rows[number]))
        if run is not None:
            out.append(self.data[run[0]:run[1]])
        return out


_COLUMN_CELLS: dict[int, re.Pattern] = {}


def _column_cells(column: int) -> re.Pattern:
    """The cells of one column, '<c r="B(7)"', with the groups of _PLAIN_CELL where the cell
    has one of its forms (the attributes group is None where it has another)."""
    pattern = _COLUMN_CELLS.get(column)
    if pattern is None:
        pattern = _COLUMN_CELLS[column] = re.compile(rb'<c r="%s(\d+)"(?:%s)?' % (_letters(column), _PLAIN_FORMS))
    return pattern


def _plain_value(match: re.Match, shared_strings) -> object:
    """What ``Worksheet._read`` gives for a cell matched by _PLAIN_CELL."""
    _, attributes, value, inline = match.groups()
    kind = _KIND_OF_ATTRIBUTES[attributes]
    if inline is not None:
        return _xml_text(inline) if kind == "inlineStr" else None
    if not value or kind == "inlineStr":
        return None
    return typed_value(kind, _xml_text(value), shared_strings)


class _KindOfAttributes(dict):
    """A cell's attributes after its reference (b' s="3" t="s"') -> its type ('s'); a sheet
    has few different ones."""

    def __missing__(self, attributes: bytes) -> str:
        found = _TYPE.search(attributes)
        self[attributes] = kind = found.group(1).decode("ascii", "replace") if found else "n"
        return kind


_KIND_OF_ATTRIBUTES = _KindOfAttributes()


def _holder_tags(holder) -> tuple[bytes, bytes]:
    """The opening and closing tags of an empty element, as text to wrap content in."""
    text = etree.tostring(holder, encoding="UTF-8")  # <sheetData xmlns="..." .../>
    name = text[1:-2].split()[0]
    return text[:-2] + b">", b"</" + name + b">"


def _row_bytes(row) -> bytes:
    """A row element as text, without the namespace declarations its holder carries."""
    holder = row.getparent()
    text = etree.tostring(holder if holder is not None else row, encoding="UTF-8")
    if holder is None:
        return text
    opening = text.index(b">") + 1
    closing = text.rindex(b"</")
    return text[opening:closing]


_LETTERS: dict[int, bytes] = {}


class _ColumnOfRef(dict):
    """b'AB' -> 28; None for what is not a column's letters."""

    def __missing__(self, letters: bytes) -> int | None:
        text = letters.decode("ascii", "replace")
        self[letters] = column = column_index(text) if text.isalpha() and text.isupper() and len(text) <= 3 else None
        return column


_COLUMN_OF_REF = _ColumnOfRef()


def _letters(column: int) -> bytes:
    letters = _LETTERS.get(column)
    if letters is None:
        letters = _LETTERS[column] = column_letter(column).encode("ascii")
    return letters
