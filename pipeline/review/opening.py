"""Reading a review sheet from disk for refresh: caselit's own sheet with the values it
remembers (the hidden ``_caselit`` sheet of an .xlsx, the state file beside a .csv), or a
sheet to adopt (``layout`` finds its table). Nothing is written here; what cannot be read is
a ReviewError naming the file, which is then left unchanged."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.export.safe import csv_text, xlsx_text
from pipeline.review.errors import ReviewError
from pipeline.review.layout import HEADER_SEARCH_ROWS, find_header, find_sheet
from pipeline.review.state import STATE_FORMAT, STATE_MARK, STATE_SHEET, StateRow, parse_state, state_file
from pipeline.review.stores import MemoryTable, XlsxTable
from pipeline.review.xlsx_edit import WorkbookError, XlsxWorkbook

ID_COLUMN = "caselit ID"
CASES_SHEET = "cases"
SUPPORTED_REVIEWS = (".xlsx", ".csv")


@dataclass
class OpenedSheet:
    """What a review sheet on disk holds: its table, the values caselit remembers for its rows,
    the files as read (to back up, and to tell whether another program saved them since)."""
    table: object
    state: dict[str, StateRow]
    book: XlsxWorkbook | None = None
    delimiter: str = ","
    state_columns: list[str] | None = None
    read: dict[Path, bytes | None] = field(default_factory=dict)
    adopted: bool = False
    layout: dict | None = None


def open_existing(path: Path, data: bytes, sheet: str | None = None,
                  overrides: dict[str, str | None] | None = None) -> OpenedSheet:
    """The sheet ``data`` read from ``path`` (.xlsx or .csv)."""
    if path.suffix.lower() == ".xlsx":
        return _open_xlsx(path, data, sheet, overrides)
    return _open_csv(path, data, overrides)


def _open_xlsx(path: Path, data: bytes, sheet: str | None = None,
               overrides: dict[str, str | None] | None = None) -> OpenedSheet:
    try:
        book = XlsxWorkbook(data)  # from the bytes read: what is checked before saving
    except WorkbookError as error:
        raise ReviewError(f"{path}: {error}; it was left unchanged") from None
    try:
        if STATE_SHEET not in book.sheet_names():
            return _adopt_xlsx(path, data, book, sheet, overrides)
        try:
            state, state_columns, layout = parse_state(book.worksheet(STATE_SHEET).rows_values())
        except ReviewError as error:
            raise ReviewError(f"{path}: {error}; it was left unchanged") from None
        names = book.sheet_names()
        first = [layout["sheet"]] if layout.get("sheet") in names else []
        for name in first + [CASES_SHEET] + [n for n in names if n != CASES_SHEET]:
            if name in names and name != STATE_SHEET:
                header_row = _id_header_row(book.worksheet(name))
                if header_row:
                    table = XlsxTable(book.worksheet(name), xlsx_text, header_row)
                    layout.update(sheet=name, header_row=header_row)
                    return OpenedSheet(table, state, book=book, state_columns=state_columns,
                                       read={path: data}, adopted=bool(layout.get("adopted")), layout=layout)
    except ReviewError:
        raise
    except Exception as error:  # a damaged part: report it, touch nothing
        raise ReviewError(f"{path}: cannot read it ({type(error).__name__}: {error}); it was left unchanged") from None
    raise ReviewError(_not_ours(path, f"no sheet has a {ID_COLUMN!r} column"))


def _adopt_xlsx(path: Path, data: bytes, book: XlsxWorkbook, sheet: str | None,
                overrides: dict[str, str | None] | None) -> OpenedSheet:
    if sheet is not None and sheet not in book.sheet_names():
        raise ReviewError(f"{path}: no sheet named {sheet!r} (it has {', '.join(map(repr, book.sheet_names()))}); "
                          "it was left unchanged")
    found = find_sheet(book, sheet, overrides)
    if found is None:
        raise ReviewError(_no_table(path))
    name, header_row = found
    table = XlsxTable(book.worksheet(name), xlsx_text, header_row)
    layout = {"sheet": name, "header_row": header_row, "adopted": True}
    return OpenedSheet(table, {}, book=book, read={path: data}, adopted=True, layout=layout)


def _open_csv(path: Path, data: bytes, overrides: dict[str, str | None] | None = None) -> OpenedSheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved by Excel in the Windows code page
        text = data.decode("cp1252", errors="replace")
    delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ReviewError(f"{path}: not a readable CSV file ({error}); it was left unchanged") from None
    at = next((i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if ID_COLUMN in [c.strip() for c in row]), 0)
    header = [cell.strip() or None for cell in rows[at]] if rows else []
    if ID_COLUMN not in header:
        return _adopt_csv(path, data, rows, delimiter, overrides)
    sidecar = state_file(path)
    state_data = read_if_present(sidecar)
    try:
        if state_data is None:
            raise FileNotFoundError(sidecar)
        stored = json.loads(state_data.decode("utf-8"))
        if stored.get(STATE_MARK) != STATE_FORMAT:
            raise ValueError(f"not a state file of format {STATE_FORMAT}")
        state_columns = [str(c) for c in stored["value columns"]]
        state = {row.key: row for row in (StateRow.from_row(r, state_columns) for r in stored["rows"])}
    except FileNotFoundError:
        raise ReviewError(f"{path}: its state file {sidecar.name} is missing, so caselit cannot tell "
                          "your edits from its own; the sheet was left unchanged") from None
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise ReviewError(f"{path}: its state file {sidecar.name} is damaged ({error}); "
                          "the sheet was left unchanged") from None
    data_rows = [[cell if cell != "" else None for cell in row] for row in rows[at + 1:]]
    layout = stored.get("layout") if isinstance(stored.get("layout"), dict) else {}
    return OpenedSheet(MemoryTable(header, data_rows, csv_text, preamble=rows[:at]), state, delimiter=delimiter,
                       state_columns=state_columns, read={path: data, sidecar: state_data},
                       adopted=bool(layout.get("adopted")), layout=layout)


def _adopt_csv(path: Path, data: bytes, rows: list[list[str]], delimiter: str,
               overrides: dict[str, str | None] | None) -> OpenedSheet:
    at, score = find_header(rows, overrides)
    # A title line above the table says nothing of the separator: the one under which a
    # header row reads best is the table's.
    head = "\n".join(data.decode("utf-8-sig", errors="replace").splitlines()[:HEADER_SEARCH_ROWS])
    for other in (",", ";", "\t"):
        if other != delimiter:
            other_rows = list(csv.reader(io.StringIO(head, newline=""), delimiter=other))
            other_at, other_score = find_header(other_rows, overrides)
            if other_score > score:
                text = data.decode("utf-8-sig", errors="replace")
                rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=other))
                at, score, delimiter = other_at, other_score, other
    if at < 0:
        raise ReviewError(_no_table(path))
    header = [cell.strip() or None for cell in rows[at]]
    data_rows = [[cell if cell != "" else None for cell in row] for row in rows[at + 1:]]
    table = MemoryTable(header, data_rows, csv_text, preamble=rows[:at])
    sidecar = state_file(path)
    return OpenedSheet(table, {}, delimiter=delimiter, read={path: data, sidecar: read_if_present(sidecar)},
                       adopted=True, layout={"header_row": at + 1, "adopted": True})


def check_review_path(path: Path) -> None:
    """Raise ReviewError when ``path`` cannot be a review sheet (before any work)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_REVIEWS:
        raise ReviewError(f"{path}: refresh keeps .xlsx or .csv review sheets, not {suffix or 'this file'}")
    if path.is_dir():
        raise ReviewError(f"{path}: is a folder")


def _not_ours(path: Path, why: str) -> str:
    return (f"{path}: not a review sheet kept by caselit refresh ({why}); it was left unchanged. "
            f"Start one with: caselit refresh NEW{path.suffix} REPORTS...")


def _id_header_row(sheet) -> int | None:
    """The row holding the caselit ID header: 1 in caselit's own sheets, lower in an adopted
    sheet with a title above its table."""
    for number in [1] + sheet.row_numbers()[:HEADER_SEARCH_ROWS]:
        if ID_COLUMN in XlsxTable(sheet, xlsx_text, number).columns:
            return number
    return None


def _no_table(path: Path) -> str:
    return (f"{path}: no sheet has a header row caselit recognises (Age, Sex, FIGO, Pathology, DOI, ...); "
            "it was left unchanged. Name your columns with --map \"Your header=caselit column\", or start a "
            f"new review with: caselit refresh NEW{path.suffix} REPORTS...")


def _delimiter(text: str) -> str:
    """The separator of the header line: Excel saves ';' in locales with a decimal comma."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_if_present(path: Path) -> bytes | None:
    """The file's bytes; None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ReviewError(f"{path}: cannot read it ({error.strerror or error})") from None
