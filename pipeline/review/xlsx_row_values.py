"""The value of a cell of the plain forms Excel, openpyxl and caselit write, read from the
bytes of its row (``RowIndex``, on the rows ``xlsx_rows.RowSpans`` finds): one cell, a column
in one pass, a row, every row, or caselit's state of two texts a row; UNREAD where the row
must be parsed (see ``xlsx_sheet.Worksheet``)."""
from __future__ import annotations

import re

from pipeline.review.xlsx_bytes import COLUMN_OF_REF, letter_bytes, xml_text
from pipeline.review.xlsx_cells import FEW_ROWS, typed_value
from pipeline.review.xlsx_rows import RowSpans


UNREAD = object()  # a value the bytes do not give: read it from the parsed row
# A cell of one of the plain forms: empty, a value, or one inline string run. Anything else
# (a formula, rich text, attributes on <v>) is read from the parsed row.
# A row of two inline strings in A and B, as caselit and openpyxl write them (caselit's state).
_INLINE_TEXT = rb'(?: s="\d+")? t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
_TEXT_PAIR_ROW = re.compile(rb'<row r="(\d+)"[^>]*><c r="A\1"' + _INLINE_TEXT + rb'<c r="B\1"' + _INLINE_TEXT + rb"</row>")
_PLAIN_FORMS = rb'([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})\d+"' + _PLAIN_FORMS)
_TYPE = re.compile(rb'\st="([^"]*)"')


class RowIndex(RowSpans):
    """The values of a worksheet part's cells read from the bytes of their rows, where a cell
    has one of the plain forms; UNREAD where the row must be parsed to tell."""

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
        found = data.find(b'<c r="%s%d"' % (letter_bytes(column), number), start, end)
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
        texts = xml_text(raw).split("\0")
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
            column = COLUMN_OF_REF[match.group(1)]
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
        return COLUMN_OF_REF[data[found + 6:data.find(b'"', found + 6, end)].rstrip(b"0123456789")]

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
            column = COLUMN_OF_REF[match.group(1)]
            if column is None:
                return None
            values[column] = _plain_value(match, shared_strings)
            count += 1
        return found if count == cells else None


_COLUMN_CELLS: dict[int, re.Pattern] = {}


def _column_cells(column: int) -> re.Pattern:
    """The cells of one column, '<c r="B(7)"', with the groups of _PLAIN_CELL where the cell
    has one of its forms (the attributes group is None where it has another)."""
    pattern = _COLUMN_CELLS.get(column)
    if pattern is None:
        pattern = _COLUMN_CELLS[column] = re.compile(rb'<c r="%s(\d+)"(?:%s)?' % (letter_bytes(column), _PLAIN_FORMS))
    return pattern


def _plain_value(match: re.Match, shared_strings) -> object:
    """What ``Worksheet._read`` gives for a cell matched by _PLAIN_CELL."""
    _, attributes, value, inline = match.groups()
    kind = _KIND_OF_ATTRIBUTES[attributes]
    if inline is not None:
        return xml_text(inline) if kind == "inlineStr" else None
    if not value or kind == "inlineStr":
        return None
    return typed_value(kind, xml_text(value), shared_strings)


class _KindOfAttributes(dict):
    """A cell's attributes after its reference (b' s="3" t="s"') -> its type ('s'); a sheet
    has few different ones."""

    def __missing__(self, attributes: bytes) -> str:
        found = _TYPE.search(attributes)
        self[attributes] = kind = found.group(1).decode("ascii", "replace") if found else "n"
        return kind


_KIND_OF_ATTRIBUTES = _KindOfAttributes()
