"""Refreshing a review sheet the reviewer already works in, never overwriting their edits.

The sheet holds one row per case with the exporter's columns (``CASE_COLUMNS``) plus
``caselit status`` and ``caselit ID`` (which row is which; do not edit it). For every row
caselit remembers the values it wrote last: in a hidden sheet ``_caselit`` of an .xlsx, in
``REVIEW.csv.caselit.json`` beside a .csv. On refresh a machine column's cell is

- still what caselit wrote: it is caselit's, and takes the new value;
- anything else (typed over, cleared, a formula): it is the reviewer's and is kept; when
  caselit's own value changed meanwhile, that is a conflict, listed in the ``conflicts``
  sheet (``REVIEW.conflicts.csv`` for a .csv) and returned for the terminal.

Reports not yet in the sheet are appended; rows of reports whose file is gone are flagged
in ``caselit status``, never deleted; rows, columns, sheets and formatting the reviewer
added are kept; a machine column added to caselit appears as a new column at the right.
A report is recognised by its document id (DOI, PMID or content hash), else by its file.

A sheet caselit did not create (the reviewer's own, or one from ``caselit extract``) is
adopted on its first refresh: ``layout`` finds the table, ``headers`` maps its columns,
``matching`` links its rows to reports by their references, and only their empty cells are
filled (``merge.cell_action`` with nothing remembered); values are written the way each
column writes them (``style``). No column is added to it but the ``caselit ID``; a caselit
column a reviewer deleted from caselit's own sheet stays deleted.

``Review`` is put together from its parts: ``column_map`` (which column is which),
``row_updates`` (one report's rows written) and ``saving`` (the files written back).

    >>> import tempfile, pathlib
    >>> from pipeline.cases.record import Case
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.csv"
    >>> review = Review.open(path)
    >>> report = ReportCases("doi:10.1/x", "x.txt", path.parent / "x.txt", "f1", [Case("x.txt", age=40)])
    >>> review.apply([report], version="v1").line(path.name)
    'review.csv: 1 added, 0 updated, 0 unchanged, 0 conflicts, 0 failed'
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.files import folder_and_name
from pipeline.cases.record import Case
from pipeline.export import table as table_module
from pipeline.review.stores import MemoryTable, XlsxTable, canonical
from pipeline.export.safe import csv_text, xlsx_text
from pipeline.review.xlsx_edit import XlsxWorkbook
from pipeline.review.column_map import ColumnMapping
from pipeline.review.conflicts import Conflict
from pipeline.review.disk import existing_sources
from pipeline.review.headers import Header
from pipeline.review.machine_columns import SOURCE_MISSING, STATUS_COLUMN, machine_columns
from pipeline.review.opening import ID_COLUMN, check_review_path, open_existing, read_if_present
from pipeline.review.reports import RefreshSummary, ReportCases
from pipeline.review.row_updates import RowUpdates
from pipeline.review.saving import ReviewSaving
from pipeline.review.state import StateRow, state_file


class Review(ColumnMapping, RowUpdates, ReviewSaving):
    """A review sheet opened for refresh: ``Review.open(path)``, ``apply(...)``, ``save()``."""

    def __init__(self, path: Path, table, state: dict[str, StateRow], book: XlsxWorkbook | None = None,
                 delimiter: str = ",", state_columns: list[str] | None = None,
                 read: dict[Path, bytes | None] | None = None, adopted: bool = False,
                 layout: dict | None = None, overrides: dict[str, str | None] | None = None):
        self.path = path
        # A sheet caselit did not create: only its mapped columns are written, none is added
        # but the caselit ID; its rows are matched to reports by their references.
        self.adopted = adopted
        self.layout = dict(layout or {})  # where the table is: sheet, header row; stored in the state
        self.overrides = dict(overrides or {})  # --map
        self.mapping: dict[str, Header] = {}
        self.dry_run = False
        self._refreshed: dict[str, list[Case]] = {}  # report name -> its cases, for the detail sheets
        # The files as they were read (None: missing), to back them up and to tell, before
        # replacing them, whether another program saved them meanwhile.
        self.read = dict(read) if read is not None else {path: None}
        self.state_columns = list(state_columns or [])  # the order of remembered values
        self._source_keys: dict[str, str] = {}  # path -> source_key(path)
        self._folder_keys: dict[str, str] = {}  # its folder -> the folder's key
        self.table = table
        self.state = state
        self.book = book
        self.delimiter = delimiter
        self.is_new = self.read.get(path) is None
        self.conflicts: list[Conflict] = []
        self.dirty = self.is_new  # something to save
        self._by_source: dict[str, list[StateRow]] = {}
        for row in state.values():
            self._by_source.setdefault(row.source, []).append(row)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, sheet: str | None = None,
             overrides: dict[str, str | None] | None = None) -> Review:
        """Open ``path`` (.xlsx or .csv) for refresh; a missing file starts a new review.

        A sheet caselit did not create (the reviewer's own, or one from ``caselit extract``)
        is adopted: the table is the one of sheet ``sheet``, else of the sheet whose header
        row reads best as caselit's columns (``overrides``: {header: column or None}, as
        ``--map``). Raises ReviewError, touching nothing, when no table is found or the file
        cannot be read.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        check_review_path(path)
        data = read_if_present(path)
        if data is None:
            text_form = xlsx_text if suffix == ".xlsx" else csv_text
            read = {path: None} if suffix == ".xlsx" else {path: None, state_file(path): None}
            return cls(path, MemoryTable([*machine_columns(), ID_COLUMN], [], text_form), {}, read=read,
                       overrides=overrides)
        opened = open_existing(path, data, sheet, overrides)
        return cls(path, opened.table, opened.state, book=opened.book, delimiter=opened.delimiter,
                   state_columns=opened.state_columns, read=opened.read, adopted=opened.adopted,
                   layout=opened.layout, overrides=overrides)


    # --- what needs work ------------------------------------------------------------------

    def source_key(self, path: str | os.PathLike) -> str:
        """How a source file is remembered: relative to the review's folder when possible,
        so that a project folder moved elsewhere keeps its links."""
        text = os.fspath(path)
        key = self._source_keys.get(text)
        if key is None:
            folder, name = folder_and_name(text)
            if name in ("", os.curdir, os.pardir):  # not a file's name: the whole path, as it reads
                key = self._relative_key(text)
            else:  # each folder once: a whole folder of 10,000 reports is 10,000 lookups, not relpaths
                prefix = self._folder_keys.get(folder)
                if prefix is None:
                    prefix = self._folder_keys[folder] = self._relative_key(folder or os.curdir)
                key = name if prefix == "." else prefix.rstrip("/") + "/" + name
            self._source_keys[text] = key
        return key

    def _relative_key(self, path: str) -> str:
        """``path`` relative to the review's folder, with "/"; absolute on another drive."""
        absolute = os.path.abspath(path)
        try:
            return Path(os.path.relpath(absolute, os.path.abspath(self.path.parent))).as_posix()
        except ValueError:  # another drive
            return Path(absolute).as_posix()

    def is_unchanged(self, source: str | os.PathLike, file_hash: str, version: str) -> bool:
        """The file's rows are up to date: same bytes, same pipeline, nothing flagged."""
        rows = self._by_source.get(self.source_key(source))
        if not rows:
            return False
        for row in rows:  # one row a report, mostly: a loop, not a generator for each of 10,000 files
            if row.file_hash != file_hash or row.version != version or row.get(STATUS_COLUMN) is not None:
                return False
        return True

    # --- the refresh ----------------------------------------------------------------------

    def apply(self, reports: Sequence[ReportCases], unchanged: Iterable[str | os.PathLike] = (), failed: Iterable[Path] = (),
              version: str = "") -> RefreshSummary:
        """Bring the table up to date with ``reports`` (in input order).

        ``unchanged``: files skipped because ``is_unchanged``; ``failed``: files that could
        not be read (their rows are left alone, not flagged).
        """
        summary = RefreshSummary()
        failed = list(failed)
        summary.failed = len(failed)
        failed_keys = {self.source_key(p) for p in failed}
        self._index_rows(self._map_columns(summary))
        by_doc: dict[str, dict[int, StateRow]] = {}
        for row in self.state.values():
            by_doc.setdefault(row.doc_id, {})[row.case] = row
        seen: dict[str, str | os.PathLike] = {}  # document ids met in this run -> their file
        for path in unchanged:
            for row in self._by_source.get(self.source_key(path), ()):
                seen.setdefault(row.doc_id, path)
                summary.unchanged += 1
        matches, duplicate, claimed = self._claim_rows(reports, by_doc, seen)
        also = _also_read_from(reports, duplicate)
        # The rows as plain values (case_row), not a pandas frame: a refresh never loads pandas.
        columns_of_row = tuple(table_module.CASE_COLUMNS)
        for report, old_doc, is_duplicate in zip(reports, matches, duplicate):
            if is_duplicate:
                summary.duplicates.append((report.source, report.doc_id))
                continue
            old_cases = by_doc.get(old_doc, {}) if old_doc else {}
            self._refresh_report(report, old_cases, also.get(report.doc_id, []), version, columns_of_row, summary)
        others = [row for row in self.state.values() if row.doc_id not in claimed and row.source not in failed_keys]
        exists = existing_sources(os.path.abspath(self.path.parent), {row.source for row in others})
        for row in others:
            if row.source not in exists:
                summary.flagged += self._update(row, {STATUS_COLUMN: SOURCE_MISSING}, summary)
        self.conflicts.extend(summary.conflicts)
        return summary

    def _index_rows(self, columns: dict[str, int]) -> None:
        """Which table row each caselit ID is on, and the rows caselit does not know yet (an
        adopted sheet's); new rows take the look of the reviewer's last one."""
        table = self.table
        self._rows_by_key: dict[str, int] = {}
        unkeyed: list[int] = []  # rows caselit does not know yet (an adopted sheet's)
        ids = table.column_values(columns[ID_COLUMN])
        rows_by_key = self._rows_by_key
        # A row without an ID counts in an adopted sheet only: elsewhere only the IDs are read.
        for row in table.data_rows() if self.adopted else ids:
            value = ids.get(row)
            key = value if _plain_id(value, self.state) else canonical(value)
            if key and key not in rows_by_key and (key in self.state or not self.adopted):
                rows_by_key[key] = row
            elif self.adopted and (key is None or key not in self.state):
                unkeyed.append(row)
        if isinstance(table, XlsxTable):
            if self.adopted:  # new rows look like the reviewer's last row
                width = range(len(table.columns))
                last = next((r for r in reversed(list(table.data_rows()))
                             if any(table.value(r, c) is not None for c in width)), None)
                table.use_style_of(last)
                # Excel users format whole columns: blank formatted rows below the table are not rows.
                table.last_row = last if last is not None else table.header_row
            else:
                keyed = [self._rows_by_key[k] for k in self.state if k in self._rows_by_key]
                table.use_style_of(max(keyed) if keyed else None)
        self._unkeyed_rows, self._unkeyed = unkeyed, None  # indexed when a report needs it

    def _claim_rows(self, reports: Sequence[ReportCases], by_doc: dict[str, dict[int, StateRow]],
                    seen: dict[str, str | os.PathLike]) -> tuple[list[str | None], list[bool], set[str]]:
        """Which earlier rows each report takes (the document id they were written for, or
        None), which reports are duplicates, and every document id claimed.

        First the rows with the report's document id, then, for the rest, those read from the
        same file (a text edited without a DOI changes its hash); a document met twice is a
        duplicate."""
        by_file = {(row.source, row.report): row.doc_id for row in self.state.values()}
        matches: list[str | None] = [None] * len(reports)
        claimed: set[str] = set(seen)
        duplicate = [False] * len(reports)
        for index, report in enumerate(reports):
            if report.doc_id in claimed:
                duplicate[index] = True
            else:
                claimed.add(report.doc_id)
                matches[index] = report.doc_id if report.doc_id in by_doc else None
        for index, report in enumerate(reports):
            old_doc = by_file.get((self.source_key(report.source), report.name))
            if not duplicate[index] and matches[index] is None and old_doc and old_doc not in claimed:
                matches[index] = old_doc
                claimed.add(old_doc)
        return matches, duplicate, claimed


def _also_read_from(reports: Sequence[ReportCases], duplicate: list[bool]) -> dict[str, list[str]]:
    """{document id: the other files it was read from}: one article, one row, whose Report
    cell lists every file it was read from."""
    also: dict[str, list[str]] = {}
    for report, is_duplicate in zip(reports, duplicate):
        if is_duplicate and report.name not in also.setdefault(report.doc_id, []):
            also[report.doc_id].append(report.name)
    return also


def _plain_id(value: object, state: dict) -> bool:
    """``value`` is a caselit ID of ``state`` as it writes them, so its own ``canonical`` form
    (text with a '#': not a number; no surrounding space, no carriage return): no comparison
    form made for each of 10,000 rows."""
    return (type(value) is str and value in state and "#" in value and "\r" not in value
            and not value[0].isspace() and not value[-1].isspace())

