"""The patients' timeline plots in the workbook: each case's plot (``pipeline.export.plots``) as an
image in the ``timeline`` sheet, to the right of the table, at the row of the case's first event
or, when the previous plot reaches further down, just below it (plots never overlap)."""
from __future__ import annotations

import math

from pipeline.cases.record import Case
from pipeline.export.plots import timeline_png

SHEET = "timeline"
COLUMN = "H"  # one empty column after the timeline table's six
SCALE = 0.6  # a plot is drawn for a page; shown smaller beside the table
_POINTS_PER_PIXEL = 0.75  # 96 pixels per inch, 72 points
_ROW_POINTS = 15.0  # the shortest a row can be: a plot spans at most this many rows per 15 points


class TimelinePlots:
    """Adds the plots of the cases, one by one, to a ``StreamingWorkbook``'s timeline sheet."""

    def __init__(self, book, sheet: str = SHEET):
        self.book, self.sheet = book, sheet
        self.next_free = 2  # row 1 is the header

    def first_row(self) -> int:
        """The row the next case's first event goes to: read it before appending that case's rows."""
        return self.book.rows(self.sheet) + 2

    def add(self, case: Case, first_row: int) -> bool:
        """Place the case's plot (if it has one) at ``first_row`` or below the previous plot."""
        png = timeline_png(case, title=f"{case.doc} · case {case.case}")
        if png is None:
            return False
        row = max(first_row, self.next_free)
        _, height = self.book.add_image(self.sheet, png, f"{COLUMN}{row}", SCALE)
        self.next_free = row + math.ceil(height * _POINTS_PER_PIXEL / _ROW_POINTS) + 1
        return True
