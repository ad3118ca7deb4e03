"""Where each row of a worksheet part's bytes is (``RowSpans``), found without parsing the XML:
a row parsed alone when a cell of it must be, and the rows written back byte for byte when
nobody changed them (see ``xlsx_sheet.Worksheet``). The values of the cells read from those
bytes are ``xlsx_row_values.RowIndex``'s."""
from __future__ import annotations

from lxml import etree

from pipeline.review.xlsx_bytes import content_start, holder_tags
from pipeline.review.xlsx_cells import MAIN, PARSER, qname


# Stands in the skeleton of an indexed sheet for its rows (text no part contains: checked).
ROWS_MARK = "caselit-rows-7d1f0c"


class RowSpans:
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
    def build(cls, data: bytes) -> RowSpans | None:
        start = content_start(data)
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
            self._holder = holder_tags(etree.Element(qname("sheetData"), nsmap=namespaces))
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


def _row_bytes(row) -> bytes:
    """A row element as text, without the namespace declarations its holder carries."""
    holder = row.getparent()
    text = etree.tostring(holder if holder is not None else row, encoding="UTF-8")
    if holder is None:
        return text
    opening = text.index(b">") + 1
    closing = text.rindex(b"</")
    return text[opening:closing]
