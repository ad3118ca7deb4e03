"""The review table as refresh sees it, whatever file holds it: a header row and data rows
of cells, read and written one cell at a time.

``canonical(value)`` is how cells are compared: a value caselit wrote and the same value read
back after a spreadsheet program saved the file (40 vs 40.0 vs "40", trailing spaces,
Windows line ends) are equal; anything else a reviewer typed is a change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import numbers
import re
from collections.abc import Callable, Iterable

from pipeline.export.table import format_number
from pipeline.review.xlsx_sheet import Worksheet

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# Values longer than this are remembered by a hash: the state must fit in one sheet cell.
_REMEMBERED_LENGTH = 300


def canonical(value: object) -> str | None:
    """A cell's value as comparable text; None for an empty cell.

    >>> [canonical(v) for v in (40, 40.0, "40", " 40 ", 70.370000001, "", None, "IIA1")]
    ['40', '40', '40', '40', '70.37', None, None, 'IIA1']
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, numbers.Number):
        number = float(value)  # type: ignore[arg-type]
        return None if number != number else format_number(number)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return None
    if len(text) <= 24 and _NUMBER.fullmatch(text):
        return format_number(float(text))
    return text


def remembered(value: object) -> str | None:
    """``canonical(value)``, long text replaced by a hash of it (what the state keeps)."""
    text = canonical(value)
    if text is not None and len(text) > _REMEMBERED_LENGTH:
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text


class MemoryTable:
    """A table held as lists (a CSV file, or a new workbook before it is written).

    ``text_form`` is what a string becomes in the file (Excel's cell limit, CSV's guard
    against formulas), so that what caselit remembers is what the file will hold.
    """

    def __init__(self, header: list[str | None], rows: list[list[object]], text_form: Callable[[str], str],
                 preamble: list[list[object]] | None = None):
        self.columns = list(header)
        self.rows = [list(row) for row in rows]
        self.text_form = text_form
        self.preamble = [list(row) for row in preamble or ()]  # rows above the header (a title), kept as they are

    def header(self) -> list[str | None]:
        return list(self.columns)

    def data_rows(self) -> Iterable[int]:
        return range(len(self.rows))

    def column_values(self, column: int) -> dict[int, object]:
        return {i: row[column] for i, row in enumerate(self.rows) if column < len(row) and row[column] not in (None, "")}

    def columns_values(self, columns: list[int]) -> dict[int, dict[int, object]]:
        return {column: self.column_values(column) for column in columns}

    def value(self, row: int, column: int) -> object:
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def has_formula(self, row: int, column: int) -> bool:
        return False

    def set(self, row: int, column: int, value: object) -> None:
        cells = self.rows[row]
        cells.extend([None] * (column + 1 - len(cells)))
        cells[column] = self.text_form(value) if isinstance(value, str) else value

    def append(self, values: dict[int, object]) -> int:
        self.rows.append([])
        for column, value in values.items():
            self.set(len(self.rows) - 1, column, value)
        return len(self.rows) - 1

    def add_column(self, name: str) -> int:
        self.columns.append(name)
        return len(self.columns) - 1

    def written(self, value: object) -> str | None:
        return remembered(self.text_form(value) if isinstance(value, str) else value)

    def padded_rows(self) -> list[list[object]]:
        width = len(self.columns)
        return [row + [None] * (width - len(row)) for row in self.rows]


class XlsxTable:
    """A worksheet of an existing workbook: the header in row ``header_row`` (1 for caselit's
    own sheets; lower in a sheet with a title above its table), the data below; columns are
    0-based here."""

    def __init__(self, sheet: Worksheet, text_form: Callable[[str], str], header_row: int = 1):
        self.sheet = sheet
        self.text_form = text_form
        self.header_row = header_row
        width = max(sheet.max_column(), 1)
        self.columns = [None if (v := sheet.value(header_row, c)) is None else str(v).strip()
                        for c in range(1, width + 1)]
        self._style_row: int | None = None  # new rows take the look of caselit's last row
        self.last_row: int | None = None  # where appending starts, when set (else below every row)

    def header(self) -> list[str | None]:
        return list(self.columns)

    def data_rows(self) -> Iterable[int]:
        return [r for r in self.sheet.row_numbers() if r > self.header_row]

    def column_values(self, column: int) -> dict[int, object]:
        return {r: v for r, v in self.sheet.column_values(column + 1).items() if r > self.header_row}

    def columns_values(self, columns: list[int]) -> dict[int, dict[int, object]]:
        """{column: {row: value}} of several columns (0-based), data rows only, in one pass."""
        found = self.sheet.columns_values([c + 1 for c in columns], first_row=self.header_row + 1)
        return {column - 1: values for column, values in found.items()}

    def value(self, row: int, column: int) -> object:
        return self.sheet.value(row, column + 1)

    def has_formula(self, row: int, column: int) -> bool:
        return self.sheet.has_formula(row, column + 1)

    def set(self, row: int, column: int, value: object) -> None:
        self.sheet.set_value(row, column + 1, value)

    def use_style_of(self, row: int | None) -> None:
        self._style_row = row

    def append(self, values: dict[int, object]) -> int:
        if self.last_row is not None:  # below the table's last filled row, not its formatted blank ones
            self.last_row += 1
            row = self.last_row
        else:
            row = self.sheet.max_row + 1
        for column, value in sorted(values.items()):
            style = self.sheet.style(self._style_row, column + 1) if self._style_row else None
            if value is not None or style is not None:
                self.sheet.set_value(row, column + 1, value, style=style)
        return row

    def add_column(self, name: str) -> int:
        column = len(self.columns) + 1
        header = self.header_row
        self.sheet.set_value(header, column, name, style=self.sheet.style(header, column - 1) if column > 1 else None)
        self.columns.append(name)
        return column - 1

    def written(self, value: object) -> str | None:
        return remembered(self.text_form(value) if isinstance(value, str) else value)
