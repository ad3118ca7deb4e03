"""One worksheet of a workbook opened for editing (``xlsx_edit.XlsxWorkbook``): its cells
read and changed 1-based ``(row, column)`` as in Excel, its rows written back."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol

from lxml import etree

from pipeline.export.safe import xlsx_text
from pipeline.review.xlsx_cells import (
    C, F, FEW_ROWS, IS, PARSER, ROW, T, V, XML_SPACE, column_letter, column_of, number_text, qname,
    rich_text, split_ref, to_bytes, typed_value,
)
from pipeline.review.xlsx_row_values import UNREAD, RowIndex
from pipeline.review.xlsx_rows import ROWS_MARK


class SharedStringSource(Protocol):
    """What a worksheet needs of its workbook: the shared strings its cells may point to."""

    def shared_strings(self) -> Sequence[str]: ...


class Worksheet:
    """One worksheet's cells, 1-based ``(row, column)`` as in Excel.

    A big sheet is not parsed whole: its rows are found in the part's bytes (``RowIndex``),
    a cell's value is read from its bytes when it has one of the plain forms Excel, openpyxl
    and caselit write (a number, a shared string, an inline string), and a row is parsed
    with lxml only when it is changed or holds anything else (a formula, rich text). When
    written, the rows nobody changed are copied as they were read, byte for byte. A part
    this cannot index (comments or CDATA in it, another encoding, a namespace prefix on the
    cells) is parsed whole, as before.
    """

    def __init__(self, book: SharedStringSource, data: bytes, name: str = ""):
        self.book = book
        self.name = name
        self.filter_ref: str | None = None  # the autofilter range, once stretched
        self.changed = False
        self._rows: dict[int, object] = {}  # parsed rows (all of them when not indexed)
        self._cells: dict[int, dict[int, object]] = {}
        self._dirty: set[int] = set()  # rows changed or added: written from their element
        self._values_read: list[list[object]] | None = None  # every row, as rows_values() read them
        self._index = RowIndex.build(data)
        if self._index is not None:
            self.root = etree.fromstring(self._index.skeleton, PARSER)
            self.data = self.root.find(qname("sheetData"))
            if self.data is None or self.data.text != ROWS_MARK or len(self.data):
                self._index = None  # not the skeleton expected: read it whole
        if self._index is None:
            self.root = etree.fromstring(data, PARSER)
            self.data = self.root.find(qname("sheetData"))
            if self.data is None:
                self.data = etree.SubElement(self.root, qname("sheetData"))
            previous = 0
            for row in self.data.iterchildren(ROW):
                ref = row.get("r")
                number = int(ref) if ref else previous + 1
                if not ref:
                    row.set("r", str(number))
                self._rows[number] = row
                previous = number
            self._numbers = sorted(self._rows)
        else:
            self._numbers = list(self._index.spans)  # in increasing order
            self._namespaces = self.data.nsmap
        self.first_max_row = self.max_row
        self._max_column: int | None = None
        self.first_max_column: int | None = None  # taken before the first change

    @property
    def max_row(self) -> int:
        return self._numbers[-1] if self._numbers else 0

    def row_numbers(self) -> list[int]:
        return list(self._numbers)

    def max_column(self) -> int:
        """The rightmost column holding a cell in any row."""
        if self._max_column is None:
            last = 0
            for number in self._numbers:
                cells = self._cells.get(number)
                if cells:
                    last = max(last, max(cells))
                    continue
                if number not in self._rows:
                    found = self._index.last_column(number)
                    if found is not None:
                        last = max(last, found)
                        continue
                row = self._element(number)
                tail = row[-1] if len(row) else None
                while tail is not None and tail.tag != C:
                    tail = tail.getprevious()
                if tail is not None:
                    ref = tail.get("r")
                    last = max(last, column_of(ref) if ref else max(self._row_cells(number), default=0))
            self._max_column = last
        return self._max_column

    def _element(self, number: int):
        """The row's element, parsed from its bytes the first time; None for no such row."""
        row = self._rows.get(number)
        if row is None and self._index is not None and number in self._index.spans:
            row = self._index.parse(number, self._namespaces)
            self._rows[number] = row
        return row

    def _row_cells(self, number: int) -> dict[int, object]:
        cells = self._cells.get(number)
        if cells is None:
            cells = {}
            row = self._element(number)
            previous = 0
            for cell in row.iterchildren(C) if row is not None else ():
                ref = cell.get("r")
                column = column_of(ref) if ref else previous + 1
                if not ref:
                    cell.set("r", f"{column_letter(column)}{number}")
                cells[column] = cell
                previous = column
            self._cells[number] = cells
        return cells

    def column_values(self, column: int) -> dict[int, object]:
        """{row: value} of one column, for every row holding a cell there."""
        return self.columns_values([column])[column]

    def columns_values(self, columns: list[int], first_row: int = 1) -> dict[int, dict[int, object]]:
        """{column: {row: value}} of several columns in one pass over the rows from
        ``first_row``; a cell without a value is left out."""
        found: dict[int, dict[int, object]] = {column: {} for column in columns}
        if not columns:
            return found  # nothing to read: not a pass over every cell of the sheet
        wanted = set(columns)
        from_bytes = self._index.columns_values(wanted, first_row, self.book.shared_strings) if self._index else None
        if from_bytes is None:
            for number in self._numbers:
                if number < first_row:
                    continue
                if number in self._rows:
                    self._read_parsed(number, wanted, found)
                    continue
                for column in wanted:  # from the bytes
                    value = self.value(number, column)
                    if value is not None:
                        found[column][number] = value
            return found
        parsed = [number for number in self._rows if number >= first_row]  # changed or added: read below
        skip = set(parsed)
        for column, values in from_bytes.items():
            kept = found[column]
            for number, value in values.items():
                if number in skip:
                    continue
                if value is UNREAD:  # not one of the plain forms: its row parsed
                    value = self.value(number, column)
                if value is not None:
                    kept[number] = value
        if parsed:
            for number in parsed:
                self._read_parsed(number, wanted, found)
            found = {column: dict(sorted(values.items())) for column, values in found.items()}  # in row order
        return found

    def _read_parsed(self, number: int, wanted: set[int], found: dict[int, dict[int, object]]) -> None:
        """The values of the ``wanted`` columns of parsed row ``number`` into ``found``."""
        cells = self._cells.get(number)
        if cells is not None:
            pairs = [(c, cells[c]) for c in wanted if c in cells]
        else:
            pairs, previous, last = [], 0, max(wanted)
            for cell in self._rows[number].iterchildren(C):
                ref = cell.get("r")
                column = column_of(ref) if ref else previous + 1
                previous = column
                if column in wanted:
                    pairs.append((column, cell))
                elif column > last and ref:  # cells are in column order: the rest are further right
                    break
        for column, cell in pairs:
            value = self._read(cell)
            if value is not None:
                found[column][number] = value

    def rows_values(self) -> list[list[object]]:
        """Every row as a list of values from column A (rows without cells are skipped)."""
        rows = []
        every = None
        if self._index is not None and not self._rows:
            every = self._index.text_pairs(self.book.shared_strings)
            if every is None:
                every = self._index.all_values(self.book.shared_strings)
        for number in self._numbers:
            values = every.get(number) if every is not None else None
            if values is None and number not in self._rows and self._index is not None:
                values = self._index.row_values(number, self.book.shared_strings)
            if values is None:
                cells = self._row_cells(number)
                values = {column: self._read(cell) for column, cell in cells.items()}
            if type(values) is list:  # [A, B] (text_pairs)
                rows.append(values)
            elif values:
                row = [None] * max(values)
                for column, value in values.items():
                    row[column - 1] = value
                rows.append(row)
        numbers = self._numbers
        if not self.changed and len(rows) == len(numbers) and (not numbers or numbers[0] == 1 == numbers[-1] - len(numbers) + 1):
            self._values_read = [list(row) for row in rows]  # row n is rows[n - 1]: see update_rows
        if not self.changed and self._max_column is None:  # each row's last cell was read: no pass for it
            self._max_column = max(map(len, rows), default=0)
        return rows

    def update_rows(self, rows: list[list[object]]) -> bool:
        """Make the sheet hold exactly ``rows`` (values from column A) by changing the rows that
        differ from what ``rows_values()`` read, when it read every row and few differ; False
        otherwise, touching nothing. Rows caselit rewrites on every refresh (its hidden state:
        10,000 rows, a few new) are written mostly as they were read."""
        read = self._values_read
        if read is None or self.changed or len(rows) < len(read):
            return False
        changed = [index for index, row in enumerate(rows) if index >= len(read) or not _same_values(row, read[index])]
        if len(changed) > max(FEW_ROWS, len(rows) // 4):
            return False  # most rows differ: written anew
        for index in changed:
            old, new = (read[index] if index < len(read) else []), rows[index]
            for column in range(max(len(old), len(new))):
                value = new[column] if column < len(new) else None
                previous = old[column] if column < len(old) else None
                if not _same_values([value], [previous]):
                    self.set_value(index + 1, column + 1, value)
        self._values_read = None
        return True

    def value(self, row: int, column: int) -> object:
        """str, int, float, bool or None; an error cell gives its text ('#N/A'). Read from the
        bytes when the row was not parsed."""
        if row not in self._rows and self._index is not None:
            found = self._index.value(row, column, self.book.shared_strings)
            if found is not UNREAD:
                return found
        cell = self._row_cells(row).get(column)
        return None if cell is None else self._read(cell)

    def has_formula(self, row: int, column: int) -> bool:
        if row not in self._rows and self._index is not None:
            if self._index.has_no_formula(row, column):
                return False
        cell = self._row_cells(row).get(column)
        return cell is not None and cell.find(F) is not None

    def style(self, row: int, column: int) -> str | None:
        cell = self._row_cells(row).get(column)
        return None if cell is None else cell.get("s")

    def _read(self, cell) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(IS)
            return None if inline is None else rich_text(inline)
        value = cell.find(V)
        if value is None or value.text is None:
            return None
        return typed_value(kind, value.text, self.book.shared_strings)

    # --- writing ---------------------------------------------------------------------------

    def _row(self, number: int):
        row = self._element(number)
        if row is None:
            if self._index is not None:  # kept apart from the skeleton, written in its place
                holder = etree.Element(qname("sheetData"), nsmap=self._namespaces)
                row = etree.SubElement(holder, ROW)
            else:
                row = etree.Element(ROW)
            row.set("r", str(number))
            position = bisect_left(self._numbers, number)
            if self._index is None:
                if position == len(self._numbers):
                    self.data.append(row)
                else:
                    self._rows[self._numbers[position]].addprevious(row)
            self._numbers.insert(position, number)
            self._rows[number] = row
            self._cells[number] = {}
        self._dirty.add(number)
        return row

    def set_value(self, row: int, column: int, value: object, style: str | None = None) -> None:
        """Write a value (None empties the cell); the cell keeps its style, a new cell takes
        ``style`` (an index into the workbook's cell formats, as another cell's ``style()``)."""
        if self.first_max_column is None:
            self.first_max_column = self.max_column()
        self._max_column = max(self.max_column(), column)
        self.changed = True
        element = self._row(row)
        element.attrib.pop("spans", None)  # a hint Excel recomputes; stale once cells move
        cells = self._row_cells(row)
        cell = cells.get(column)
        if cell is None:
            cell = etree.Element(C)
            cell.set("r", f"{column_letter(column)}{row}")
            if style is not None:
                cell.set("s", style)
            later = [c for c in cells if c > column]
            if later:
                cells[min(later)].addprevious(cell)
            else:
                tail = element.find(qname("extLst"))
                if tail is not None:
                    tail.addprevious(cell)
                else:
                    element.append(cell)
            cells[column] = cell
        for child in list(cell):
            if child.tag != qname("extLst"):
                cell.remove(child)
        cell.attrib.pop("t", None)
        if value is None or (isinstance(value, float) and (value != value or value in (float("inf"), float("-inf")))):
            return
        if isinstance(value, bool):
            cell.set("t", "b")
            etree.SubElement(cell, V).text = "1" if value else "0"
        elif isinstance(value, (int, float)):
            cell.insert(0, etree.Element(V))
            cell[0].text = number_text(value)
        else:
            cell.set("t", "inlineStr")
            inline = etree.Element(IS)
            text = etree.SubElement(inline, T)
            text.text = xlsx_text(str(value))
            text.set(XML_SPACE, "preserve")
            cell.insert(0, inline)

    def to_bytes(self) -> bytes:
        self._update_ranges()
        if self._index is None:
            return to_bytes(self.root)
        head, tail = to_bytes(self.root).split(ROWS_MARK.encode("ascii"))
        return b"".join([head, *self._index.rows_bytes(self._numbers, self._dirty, self._rows), tail])

    def _update_ranges(self) -> None:
        """Stretch the used range and an autofilter over the rows and columns added."""
        last_row, last_column = self.max_row, self.max_column()
        dimension = self.root.find(qname("dimension"))
        if dimension is not None and last_row and last_column:
            dimension.set("ref", f"A1:{column_letter(last_column)}{last_row}")
        autofilter = self.root.find(qname("autoFilter"))
        if autofilter is not None and ":" in autofilter.get("ref", ""):
            start, end = autofilter.get("ref").split(":", 1)
            try:
                end_row, end_column = split_ref(end)
            except ValueError:
                return
            if end_row == self.first_max_row:
                end_row = max(end_row, last_row)
            if end_column == self.first_max_column:
                end_column = max(end_column, last_column)
            self.filter_ref = f"{start}:{column_letter(end_column)}{end_row}"
            autofilter.set("ref", self.filter_ref)


def _same_values(one: list[object], other: list[object]) -> bool:
    """The same values of the same types (True is not 1: a cell of each is written apart)."""
    if len(one) != len(other):
        return False
    for value, previous in zip(one, other):
        # the same object (a state row's text kept as read): no comparison
        if value is not previous and (value != previous or type(value) is not type(previous)):
            return False
    return True
