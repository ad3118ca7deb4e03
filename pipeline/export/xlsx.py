"""The review workbook, written row by row: sheets of rows (e.g. "cases", one row per patient,
and "evidence").

Built for reading and filtering by a person: bold frozen header row, autofilter, column
widths from the content, long text wrapped. Every text cell is stored as a string, never a
formula, whatever it starts with.

``StreamingWorkbook`` uses openpyxl's write-only mode: each sheet's rows go to a temporary
file as they are appended (sheets may be filled in any interleaving) and the workbook is
zipped from those files on ``save``, so memory holds only the first ``_WIDTH_SAMPLE`` rows of
each sheet: a write-only sheet writes its column widths and frozen pane before its first
row, and the widths come from those rows.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.export.safe import xlsx_text

_MIN_WIDTH, _MAX_WIDTH = 6, 60  # in characters
_WRAP_OVER = 40  # characters; longer text cells wrap instead of running over their neighbours
_WIDTH_SAMPLE = 500  # rows looked at to size a column
_HEADER_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


class StreamingWorkbook:
    """A workbook whose sheets, created in the order given with their header rows, are
    filled with ``append`` and written once with ``save``. Use it as a context manager: on
    leaving, the temporary files of a workbook that was not saved are removed.

    >>> import io, openpyxl
    >>> out = io.BytesIO()
    >>> with StreamingWorkbook({"cases": ("Report", "Age")}) as book:
    ...     book.append("cases", ("a.txt", 40.0))
    ...     book.append("cases", ("=1+1", None))
    ...     book.save(out)
    >>> [[c.value for c in row] for row in openpyxl.load_workbook(out)["cases"].rows]
    [['Report', 'Age'], ['a.txt', 40], ['=1+1', None]]
    """

    def __init__(self, sheets: Mapping[str, Sequence[object]]):
        self._book = Workbook(write_only=True)
        self._sheets = {title: _Sheet(self._book.create_sheet(title), columns) for title, columns in sheets.items()}

    def append(self, title: str, row: Iterable[object]) -> None:
        """Add a row to a sheet: text, numbers or None (an empty cell)."""
        self._sheets[title].append(row)

    def save(self, handle: BinaryIO) -> None:
        """Write the workbook into an open binary file; the workbook is then closed."""
        for sheet in self._sheets.values():
            sheet.finish()
        self._book.save(handle)

    def __enter__(self) -> StreamingWorkbook:
        return self

    def __exit__(self, *exc_info) -> None:
        # openpyxl removes a sheet's temporary file once it has zipped it; after a failure
        # they would stay until the process exits.
        for sheet in self._book.worksheets:
            if getattr(sheet, "_writer", None) is None:  # no row yet: no file
                continue
            if not sheet.closed:
                with contextlib.suppress(Exception):
                    sheet.close()
            with contextlib.suppress(OSError, ValueError):  # already removed by a save
                sheet._writer.cleanup()


class _Sheet:
    def __init__(self, sheet, columns: Sequence[object]):
        self.sheet = sheet
        self.columns = [xlsx_text(str(name)) for name in columns]
        self.rows = 0
        self.sample: list[tuple] | None = []  # rows held back until the widths are set
        # Cells copy a ready style array: setting .alignment on each cell hashes the
        # Alignment every time, about a third of the time spent writing a cell.
        self.wrap, self.top = (_style_array(sheet, alignment) for alignment in (_WRAP, _TOP))

    def append(self, row: Iterable[object]) -> None:
        values = tuple(_cell_value(v) for v in row)
        self.rows += 1
        if self.sample is None:
            self.sheet.append(self._cells(values))
            return
        self.sample.append(values)
        if len(self.sample) >= _WIDTH_SAMPLE:
            self._start()

    def _start(self) -> None:
        """Set what a write-only sheet writes before its rows, then write the held-back rows."""
        sheet, sample = self.sheet, self.sample
        for column, name in enumerate(self.columns, start=1):
            values = [row[column - 1] for row in sample if len(row) >= column]
            sheet.column_dimensions[get_column_letter(column)].width = _width(name, values)
        sheet.freeze_panes = "A2"
        header = []
        for name in self.columns:
            cell = WriteOnlyCell(sheet, name)
            cell.data_type = "s"
            cell.font = _HEADER_FONT
            header.append(cell)
        sheet.append(header)
        for values in sample:
            sheet.append(self._cells(values))
        self.sample = None

    def finish(self) -> None:
        if self.sample is not None:
            self._start()
        last_column = get_column_letter(max(len(self.columns), 1))
        self.sheet.auto_filter.ref = f"A1:{last_column}{self.rows + 1}"

    def _cells(self, values: tuple) -> list:
        cells = []
        for value in values:
            if value is None:
                cells.append(None)
                continue
            if isinstance(value, str):
                text = xlsx_text(value)
                wrap = len(text) > _WRAP_OVER or "\n" in text
                cell = Cell(self.sheet, row=1, column=1, value=text, style_array=self.wrap if wrap else self.top)
                cell.data_type = "s"  # "=..." stays text: openpyxl would store a formula
            else:
                cell = Cell(self.sheet, row=1, column=1, value=value, style_array=self.top)
            cells.append(cell)
        return cells


def write_xlsx(sheets: dict[str, pd.DataFrame], handle: BinaryIO) -> None:
    """Write each frame to its own sheet, in order, into an open binary file."""
    with StreamingWorkbook({title: list(frame.columns) for title, frame in sheets.items()}) as book:
        for title, frame in sheets.items():
            for record in frame.itertuples(index=False, name=None):
                book.append(title, record)
        book.save(handle)


def _style_array(sheet, alignment: Alignment):
    cell = WriteOnlyCell(sheet)
    cell.alignment = alignment
    return cell._style


def _cell_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):  # numpy scalars -> Python numbers
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _width(name: str, values: Iterable[object]) -> float:
    lengths = sorted(len(str(v)) for v in values if v is not None)
    # The 90th percentile, so one very long sentence does not make a column page-wide.
    typical = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    return float(min(_MAX_WIDTH, max(_MIN_WIDTH, len(str(name)) + 2, typical + 2)))
