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

Row heights are capped at ``MAX_LINES`` lines: a spreadsheet program grows a row to show all of
its wrapped text, and one patient's 27 dates or a long sentence would fill the screen. The full
text stays in the cell (and in the detail sheets). Images (``add_image``: the timeline plots)
are kept in temporary files until ``save``, not in memory.
"""
from __future__ import annotations

import contextlib
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.export.safe import xlsx_text

_MIN_WIDTH, _MAX_WIDTH = 6, 60  # in characters
# Columns that may be wider: a Table-1 treatment line reads best in two lines, not five.
COLUMN_MAX_WIDTHS = {"Treatments": 90}
_WRAP_OVER = 40  # characters; longer text cells wrap instead of running over their neighbours
_WIDTH_SAMPLE = 500  # rows looked at to size a column
_HEADER_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
MAX_LINES = 3  # a row shows at most this many lines of wrapped text
_LINE_POINTS = 15.0  # the height of one line of 11-point text, in points


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

    def __init__(self, sheets: Mapping[str, Sequence[object]], temp_prefix: str | None = None):
        """``temp_prefix``: where the sheets' rows and the images wait until ``save`` — files
        named ``<temp_prefix>-sheetN.xml`` and a folder ``<temp_prefix>-images`` (see
        ``atomic_output``: beside the output, so that a killed run's leftovers are found
        and removed by the next one); default: the system's temporary folder."""
        self._book = Workbook(write_only=True)
        self._temp_prefix = temp_prefix
        self._sheets = {
            title: _Sheet(self._book.create_sheet(title), columns,
                          f"{temp_prefix}-sheet{number}.xml" if temp_prefix else None)
            for number, (title, columns) in enumerate(sheets.items(), start=1)
        }
        self._image_dir: str | None = None

    def append(self, title: str, row: Iterable[object]) -> None:
        """Add a row to a sheet: text, numbers or None (an empty cell)."""
        self._sheets[title].append(row)

    def rows(self, title: str) -> int:
        """Data rows appended to a sheet so far (its last row is ``rows + 1``: the header is row 1)."""
        return self._sheets[title].rows

    def add_image(self, title: str, png: bytes, anchor: str, scale: float = 1.0) -> tuple[int, int]:
        """Place a PNG image with its top-left corner in cell ``anchor`` ("H2"); returns its
        (width, height) in pixels as shown. The bytes wait in a temporary file until ``save``."""
        from openpyxl.drawing.image import Image

        if self._image_dir is None and self._temp_prefix:
            self._image_dir = f"{self._temp_prefix}-images"
            os.mkdir(self._image_dir)
        elif self._image_dir is None:
            self._image_dir = tempfile.mkdtemp(prefix="caselit-xlsx-")
        path = f"{self._image_dir}/{len(self._sheets[title].sheet._images)}-{title}.png"
        with open(path, "wb") as handle:
            handle.write(png)
        image = Image(path)
        image.width, image.height = round(image.width * scale), round(image.height * scale)
        self._sheets[title].sheet.add_image(image, anchor)
        return image.width, image.height

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
        if self._image_dir is not None:
            shutil.rmtree(self._image_dir, ignore_errors=True)


class _Sheet:
    def __init__(self, sheet, columns: Sequence[object], temp_path: str | None = None):
        self.sheet = sheet
        self.temp_path = temp_path
        self.columns = [xlsx_text(str(name)) for name in columns]
        self.rows = 0
        self.written = 1  # rows in the sheet's file: the header, then the data rows
        self.widths: list[float] = []
        self.sample: list[tuple] | None = []  # rows held back until the widths are set
        # Cells copy a ready style array: setting .alignment on each cell hashes the
        # Alignment every time, about a third of the time spent writing a cell.
        self.wrap, self.top = (_style_array(sheet, alignment) for alignment in (_WRAP, _TOP))

    def append(self, row: Iterable[object]) -> None:
        values = tuple(_cell_value(v) for v in row)
        self.rows += 1
        if self.sample is None:
            self._write(values)
            return
        self.sample.append(values)
        if len(self.sample) >= _WIDTH_SAMPLE:
            self._start()

    def _start(self) -> None:
        """Set what a write-only sheet writes before its rows, then write the held-back rows."""
        sheet, sample = self.sheet, self.sample
        for column, name in enumerate(self.columns, start=1):
            values = [row[column - 1] for row in sample if len(row) >= column]
            self.widths.append(_width(name, values, COLUMN_MAX_WIDTHS.get(name, _MAX_WIDTH)))
            sheet.column_dimensions[get_column_letter(column)].width = self.widths[-1]
        sheet.freeze_panes = "A2"
        header = []
        for name in self.columns:
            cell = WriteOnlyCell(sheet, name)
            cell.data_type = "s"
            cell.font = _HEADER_FONT
            header.append(cell)
        if self.temp_path:
            _write_rows_to(sheet, self.temp_path)
        sheet.append(header)
        for values in sample:
            self._write(values)
        self.sample = None

    def _write(self, values: tuple) -> None:
        self.written += 1
        # Every row of wrapped text gets its height: LibreOffice does not grow the others of a
        # sheet where some rows have one, and wrapped lines would run over the next row.
        lines = min(_lines(values, self.widths), MAX_LINES)
        if lines > 1:
            self.sheet.row_dimensions[self.written].height = lines * _LINE_POINTS
        self.sheet.append(self._cells(values))
        if lines > 1:  # written: forget it (memory stays flat over 100,000 rows)
            del self.sheet.row_dimensions[self.written]

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


def _write_rows_to(sheet, path: str) -> None:
    """Have openpyxl keep a write-only sheet's rows in ``path`` rather than in an anonymous
    file of the system's temporary folder (what ``WriteOnlyWorksheet._get_writer`` does, with
    the file named). Left as openpyxl does it should its private writer change."""
    try:
        from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter
    except ImportError:
        return
    if getattr(sheet, "_writer", None) is not None:
        return
    sheet._writer = WorksheetWriter(sheet, out=path)
    ALL_TEMP_FILES.append(path)  # openpyxl removes it after zipping it, and at exit
    sheet._writer.write_top()


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


def _lines(values: tuple, widths: list[float]) -> int:
    """How many lines a spreadsheet program would give the row (its wrapped text cells)."""
    most = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and (len(value) > _WRAP_OVER or "\n" in value):
            per_line = max(1, int(width) - 1)
            most = max(most, sum(max(1, math.ceil(len(line) / per_line)) for line in value.split("\n")))
    return most


def _width(name: str, values: Iterable[object], most: float = _MAX_WIDTH) -> float:
    lengths = sorted(len(str(v)) for v in values if v is not None)
    # The 90th percentile, so one very long sentence does not make a column page-wide.
    typical = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    return float(min(most, max(_MIN_WIDTH, len(str(name)) + 2, typical + 2)))
