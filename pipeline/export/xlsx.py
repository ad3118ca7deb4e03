"""The review workbook: sheet "cases" (one row per patient) and sheet "evidence".

Built for reading and filtering by a person: bold frozen header row, autofilter, column
widths from the content, long text wrapped. Every text cell is stored as a string, never a
formula, whatever it starts with.
"""
from __future__ import annotations

from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.export.safe import xlsx_text

_MIN_WIDTH, _MAX_WIDTH = 6, 60  # in characters
_WRAP_OVER = 40  # characters; longer text cells wrap instead of running over their neighbours
_WIDTH_SAMPLE = 500  # rows looked at to size a column


def write_xlsx(sheets: dict[str, pd.DataFrame], handle: BinaryIO) -> None:
    """Write each frame to its own sheet, in order, into an open binary file."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, frame in sheets.items():
        _fill_sheet(workbook.create_sheet(title), frame)
    workbook.save(handle)


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


def _fill_sheet(sheet, frame: pd.DataFrame) -> None:
    header_font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for column, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=column, value=xlsx_text(str(name)))
        cell.data_type = "s"
        cell.font = header_font
    for row, record in enumerate(frame.itertuples(index=False, name=None), start=2):
        for column, raw in enumerate(record, start=1):
            value = _cell_value(raw)
            if isinstance(value, str):
                text = xlsx_text(value)
                cell = sheet.cell(row=row, column=column, value=text)
                cell.data_type = "s"  # "=..." stays text: openpyxl would store a formula
                cell.alignment = wrap if len(text) > _WRAP_OVER or "\n" in text else top
            elif value is not None:
                sheet.cell(row=row, column=column, value=value).alignment = top
    sheet.freeze_panes = "A2"
    last_column = get_column_letter(max(len(frame.columns), 1))
    sheet.auto_filter.ref = f"A1:{last_column}{max(len(frame) + 1, 1)}"
    for column, name in enumerate(frame.columns, start=1):
        sample = frame.iloc[:_WIDTH_SAMPLE, column - 1]
        sheet.column_dimensions[get_column_letter(column)].width = _width(name, sample)


def _width(name: str, values: pd.Series) -> float:
    lengths = sorted(len(str(v)) for v in values if _cell_value(v) is not None)
    # The 90th percentile, so one very long sentence does not make a column page-wide.
    typical = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    return float(min(_MAX_WIDTH, max(_MIN_WIDTH, len(str(name)) + 2, typical + 2)))
