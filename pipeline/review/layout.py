"""Where the table is in a reviewer's workbook or CSV: the sheet, the header row (not always
the first: a title row, a note or merged cells may sit above it), and so the data rows.

    >>> find_header([["Cervical cancer with leukocytosis: the cases"], [], ["First author", "Year", "Age (y)", "FIGO"], ["Smith", 2019, 45, "IIB"]])
    (2, 4)
"""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.review.headers import map_headers

HEADER_SEARCH_ROWS = 30  # a header row further down is not a header row
MIN_HEADERS = 2  # cells that must read as caselit's columns for a row to be the header
# Sheets caselit writes beside the table: never the reviewer's table.
CASELIT_SHEETS = ("_caselit", "conflicts", "evidence", "treatments", "labs", "timeline", "plots")


def find_header(rows: Sequence[Sequence[object]], overrides: dict | None = None) -> tuple[int, int]:
    """(0-based index of the header row among ``rows``, its score); (-1, 0) when none has
    ``MIN_HEADERS`` cells caselit recognises."""
    best, score = -1, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = len(map_headers(list(row), overrides))
        if found > score:
            best, score = index, found
    return (best, score) if score >= MIN_HEADERS else (-1, 0)


def sheet_rows(sheet, limit: int = HEADER_SEARCH_ROWS) -> list[tuple[int, list[object]]]:
    """(row number, values from column A) of the first ``limit`` rows of an xlsx_sheet Worksheet."""
    width = max(sheet.max_column(), 1)
    numbers = sheet.row_numbers()[:limit]
    return [(n, [sheet.value(n, c) for c in range(1, width + 1)]) for n in numbers]


def find_sheet(book, wanted: str | None = None, overrides: dict | None = None) -> tuple[str, int] | None:
    """(sheet name, 1-based header row) of the reviewer's table in an xlsx_edit XlsxWorkbook:
    sheet ``wanted``, else the one whose header row matches best (the first of equals)."""
    names = [wanted] if wanted else [n for n in book.sheet_names() if n.lower() not in CASELIT_SHEETS]
    best: tuple[int, str, int] | None = None
    for name in names:
        numbered = sheet_rows(book.worksheet(name))
        index, score = find_header([values for _, values in numbered], overrides)
        if index >= 0 and (best is None or score > best[0]):
            best = (score, name, numbered[index][0])
    return None if best is None else (best[1], best[2])
