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

    >>> import tempfile, pathlib
    >>> from pipeline.cases.record import Case
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.csv"
    >>> review = Review.open(path)
    >>> report = ReportCases("doi:10.1/x", "x.txt", path.parent / "x.txt", "f1", [Case("x.txt", age=40)])
    >>> review.apply([report], version="v1").line(path.name)
    'review.csv: 1 added, 0 updated, 0 unchanged, 0 conflicts, 0 failed'
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.files import folder_and_name
from pipeline.cases.record import Case
from pipeline.export import table as table_module
from pipeline.review.stores import MemoryTable, XlsxTable, canonical, remembered
from pipeline.export.safe import csv_text, xlsx_text
from pipeline.export.writers import CSV_ENCODING, atomic_output
from pipeline.review.xlsx_edit import XlsxWorkbook
from pipeline.review.details import replace_detail_rows
from pipeline.review.disk import differs, existing_sources, write_atomically, write_csv
from pipeline.review.conflicts import CONFLICT_COLUMNS, CONFLICTS_SHEET, Conflict, conflicts_file
from pipeline.review.errors import ReviewChanged, ReviewError  # noqa: F401 (callers import them from here)
from pipeline.review.headers import Header, map_headers
from pipeline.review.matching import RowIndex, doi_key, first_author, pmcid_key, pmid_key, report_keys
from pipeline.review.merge import CONFLICT, UNKNOWN, WRITE, cell_action
from pipeline.review.opening import (
    CASES_SHEET, ID_COLUMN, check_review_path, open_existing, read_if_present,
)
from pipeline.review.state import (
    STATE_COLUMNS, STATE_FORMAT, STATE_MARK, STATE_NOTE, STATE_SHEET, StateRow, state_file,
)
from pipeline.review.style import ColumnStyle

STATUS_COLUMN = "caselit status"
SOURCE_MISSING = "source file missing"
CASE_GONE = "case no longer found in the report"

_UNKNOWN = UNKNOWN  # no remembered value: a column caselit did not write before
# Columns a reviewer's table may have that caselit fills from the report's metadata, beyond
# the exporter's.
REFERENCE_COLUMNS = ("First author",)
_IDENTIFIERS = {"DOI": doi_key, "PMID": pmid_key, "PMCID": pmcid_key}


def machine_columns() -> tuple[str, ...]:
    """The columns caselit fills: the exporter's, read at call time, then the status."""
    return tuple(table_module.CASE_COLUMNS) + (STATUS_COLUMN,)


@dataclass
class ReportCases:
    """One report's cases, as refresh needs them."""

    doc_id: str
    name: str  # the Report column: file name, "#n" for one article of several
    source: Path  # the file it was read from
    file_hash: str
    cases: list[Case]


@dataclass
class RefreshSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    flagged: int = 0  # rows newly marked: source missing, case gone
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)  # (file, document id) skipped
    new_columns: list[str] = field(default_factory=list)
    matched: int = 0  # rows of an adopted sheet linked to a report for the first time
    filled: int = 0  # empty cells filled in them
    mapping: list[str] = field(default_factory=list)  # how an adopted sheet's headers were read
    details: list[str] = field(default_factory=list)  # what a dry run would do, line by line

    def line(self, name: str) -> str:
        """'review.xlsx: 10 added, 2 updated, 9988 unchanged, 1 conflict, 0 failed'."""
        conflicts = len(self.conflicts)
        line = (f"{name}: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{conflicts} conflict{'' if conflicts == 1 else 's'}, {self.failed} failed")
        if self.matched:
            line += f"; {self.matched} of your rows matched to reports, {self.filled} empty cell(s) filled"
        if self.flagged:
            line += f"; {self.flagged} row(s) flagged in {STATUS_COLUMN!r}"
        if self.duplicates:
            line += f"; {len(self.duplicates)} duplicate report(s) skipped"
        return line


class Review:
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

    def _refresh_report(self, report: ReportCases, old_cases: dict[int, StateRow], also: list[str],
                        version: str, columns_of_row: tuple[str, ...], summary: RefreshSummary) -> None:
        """Write one report's cases into their rows (``old_cases``: case number -> its row),
        append the new ones and flag the rows of cases no longer found. ``also``: the other
        files the same article was read from, listed in its Report cell; ``columns_of_row``: the
        names of ``case_row``'s values."""
        source = self.source_key(report.source)
        self._refreshed[report.name] = report.cases
        if not old_cases and self._unkeyed_rows:
            old_cases = self._adopt_rows(report, source, version, summary)
        numbers = set()
        for case in report.cases:
            values = {name: _plain(value) for name, value in zip(columns_of_row, table_module.case_row(case))}
            values[STATUS_COLUMN] = None
            if "First author" in self._columns:
                values["First author"] = first_author(case)
            if also and values.get("Report"):
                values["Report"] = table_module.LIST_SEPARATOR.join(dict.fromkeys([str(values["Report"]), *also]))
            values = self._styled(values)
            numbers.add(case.case)
            row = old_cases.get(case.case)
            if row is None:
                self._add(report, source, case.case, values, version)
                summary.added += 1
                continue
            before = (row.doc_id, row.source, row.report, row.file_hash, row.version)
            row.doc_id, row.source, row.report = report.doc_id, source, report.name
            row.file_hash, row.version = report.file_hash, version
            if before != (row.doc_id, row.source, row.report, row.file_hash, row.version):
                self.dirty, row.text = True, None
            if self._update(row, values, summary):
                summary.updated += 1
            else:
                summary.unchanged += 1
        for number, row in old_cases.items():
            if number not in numbers:
                summary.flagged += self._update(row, {STATUS_COLUMN: CASE_GONE}, summary)

    def _new_key(self, doc_id: str, case: int) -> str:
        key = f"{doc_id}#{case}"
        suffix = 2
        while key in self.state or key in self._rows_by_key:
            key, suffix = f"{doc_id}#{case}~{suffix}", suffix + 1
        return key

    def _add(self, report: ReportCases, source: str, case: int, values: dict[str, object], version: str) -> None:
        key = self._new_key(report.doc_id, case)
        columns = self._columns
        cells: dict[int, object] = {}
        if self.adopted:  # every column of the row, so that each takes the look of the row above
            cells = {index: None for index in range(len(self.table.columns))}
        cells.update((columns[name], value) for name, value in values.items() if name in columns)
        cells[columns[ID_COLUMN]] = key
        self._rows_by_key[key] = self.table.append(cells)
        remembered_values = {name: self.table.written(value) for name, value in values.items() if name in columns}
        self.state[key] = StateRow(key, report.doc_id, case, source, report.name, report.file_hash, version,
                                   remembered_values)
        self._by_source.setdefault(source, []).append(self.state[key])
        self.dirty = True
        if self.dry_run:
            shown = ", ".join(f"{self._shown(n)}={canonical(v)}" for n, v in values.items()
                              if n in columns and canonical(v) is not None and n != STATUS_COLUMN)
            self.details.append(f"would add {report.name} case {case}: {shown}")

    # --- adopting the rows of a sheet caselit did not create -----------------------------

    def _map_columns(self, summary: RefreshSummary) -> dict[str, int]:
        """{caselit column: index in the table}: caselit's own names first (not in an adopted
        sheet), then the reviewer's headers through the synonyms of models/review/headers.tsv
        and --map; the caselit ID column is added when missing. Other machine columns are
        added only to caselit's own sheets, and not when the reviewer deleted them."""
        table = self.table
        header = table.header()
        machine = (*machine_columns(), ID_COLUMN)
        columns: dict[str, int] = {}
        if not self.adopted:
            for index, name in enumerate(header):
                if name in machine and name not in columns and name not in self.overrides:
                    columns[name] = index
        self.mapping = map_headers(header, self.overrides)
        taken = set(columns.values())
        for name, found in self.mapping.items():
            if name not in columns and found.index not in taken and (name in machine or name in REFERENCE_COLUMNS):
                columns[name] = found.index
                taken.add(found.index)
        remembered = set(self.state_columns)
        for name in machine:
            if name in columns:
                continue
            if name != ID_COLUMN and (self.adopted or name in remembered):
                continue  # not in the reviewer's table, or deleted by the reviewer: stays out
            columns[name] = table.add_column(name)
            if not (self.adopted and name == ID_COLUMN):
                summary.new_columns.append(name)
            self.dirty = True
        self._columns = columns
        self._headers = {name: header[index] for name, index in columns.items()
                         if index < len(header) and header[index]}
        # Values are written as the reviewer's column writes them where it was renamed.
        renamed = {name: found for name, found in self.mapping.items()
                   if columns.get(name) == found.index and found.text != name}
        written = table.columns_values([columns[name] for name in renamed if ColumnStyle.reads_values(name)])
        self._styles = {name: ColumnStyle(name, list(written.get(columns[name], {}).values()), found.unit)
                        for name, found in renamed.items()}
        if (self.adopted and not self.state) or self.dry_run:  # the first time, or asked
            summary.mapping = self.mapping_lines()
        present = {str(text).strip().lower() for text in header if text}
        summary.mapping += [f"--map {text!r}: no column of that name in the table"
                            for text in self.overrides if text.strip().lower() not in present]
        self.details = summary.details
        return columns

    def mapping_lines(self) -> list[str]:
        """How the table's headers were read: "'Pathology' -> Histology", "'Notes': yours", and
        one line for the columns under caselit's own names."""
        by_index = {index: name for name, index in self._columns.items()}
        lines, own = [], []
        for index, text in enumerate(self.table.header()):
            if not text:
                continue
            name = by_index.get(index)
            if name is None:
                lines.append(f"{text!r}: your own column, not written")
            elif name == ID_COLUMN:
                lines.append(f"{text!r}: which report each row is (added by caselit; do not edit it)")
            elif name == text:
                own.append(text)
            else:
                unit = self.mapping.get(name).unit if name in self.mapping else None
                lines.append(f"{text!r} -> {name}" + (f" (written in {unit})" if unit and "WBC" in name else ""))
        if own:
            lines.insert(0, "caselit's columns: " + ", ".join(own))
        return lines

    def _shown(self, name: str) -> str:
        return self._headers.get(name, name)

    def _styled(self, values: dict[str, object]) -> dict[str, object]:
        for name, style in self._styles.items():
            if name in values:
                values[name] = style.apply(values[name])
        return values

    def _row_index(self, rows: list[int]) -> RowIndex:
        wanted = ("DOI", "PMID", "PMCID", "Title", "First author", "Year", "Report", "Case", "Age")
        found: dict[int, dict[str, object]] = {row: {} for row in rows}
        names = {self._columns[name]: name for name in wanted if name in self._columns}
        for column, values in self.table.columns_values(list(names)).items():
            for row, value in values.items():
                if row in found:
                    found[row][names[column]] = value
        return RowIndex(found)

    def _adopt_rows(self, report: ReportCases, source: str, version: str, summary: RefreshSummary) -> dict[int, StateRow]:
        """Link the reviewer's rows of this report (found by its references) to it: they get
        a caselit ID and state with nothing remembered, so only their empty cells are filled."""
        if not report.cases:
            return {}
        if self._unkeyed is None:
            self._unkeyed = self._row_index(self._unkeyed_rows)
        index = self._unkeyed
        rows = index.find(report_keys(report.name, report.cases[0]))
        if not rows:
            return {}
        adopted = {}
        for case, row in index.assign(rows, [(c.case, c.age) for c in report.cases]).items():
            key = self._new_key(report.doc_id, case)
            self.table.set(row, self._columns[ID_COLUMN], key)
            self._rows_by_key[key] = row
            state = StateRow(key, report.doc_id, case, source, report.name, report.file_hash, version, {})
            self.state[key] = state
            self._by_source.setdefault(source, []).append(state)
            adopted[case] = state
            summary.matched += 1
            self.dirty = True
        return adopted

    def _update(self, state: StateRow, values: dict[str, object], summary: RefreshSummary) -> bool:
        """Write the machine values into the row where the reviewer did not edit; True when a
        cell changed. A row the reviewer deleted stays deleted."""
        row = self._rows_by_key.get(state.key)
        if row is None:
            return False
        table, changed = self.table, False
        for name, value in values.items():
            column = self._columns.get(name)
            if column is None:  # not a column of this sheet
                continue
            new = table.written(value)
            last = state.values.get(name, _UNKNOWN)
            cell = table.value(row, column)
            current = remembered(cell)
            if name in _IDENTIFIERS and current is not None and _IDENTIFIERS[name](cell) == _IDENTIFIERS[name](value):
                current = new  # "https://doi.org/10.1/X" is the same DOI as "10.1/x"
            action = cell_action(current, last, new, table.has_formula(row, column))
            if action == WRITE:
                table.set(row, column, value)
                changed = True
                if last is _UNKNOWN:
                    summary.filled += 1
                    if self.dry_run:
                        self.details.append(f"would fill {self._shown(name)!r} of {state.report} case {state.case} "
                                            f"with {canonical(value)}")
            elif action == CONFLICT:
                summary.conflicts.append(Conflict(state.key, state.report, state.case, self._shown(name), cell,
                                                  None if last is _UNKNOWN else last, value))
            if state.values.get(name, _UNKNOWN) != new:
                state.values[name] = new
                self.dirty, state.text = True, None
        self.dirty |= changed
        return changed

    # --- saving ---------------------------------------------------------------------------

    def _now_read(self, path: Path) -> None:
        """``path`` was just written by this refresh: what is on disk now is what it wrote."""
        if path in self.read:
            self.read[path] = read_if_present(path)

    def backup_path(self) -> Path:
        """review.xlsx -> review.bak.xlsx: the sheet as it was before the last refresh."""
        return self.path.with_name(self.path.stem + ".bak" + self.path.suffix)

    def changed_on_disk(self) -> list[Path]:
        """The files read (the sheet, a CSV's state file) that are no longer as they were read."""
        return [path for path, data in self.read.items() if differs(path, data)]

    def _check_unchanged(self) -> None:
        """Raise ReviewChanged when a file read was saved meanwhile by another program: called
        just before each file is replaced, so that their save is never overwritten."""
        changed = self.changed_on_disk()
        if changed:
            names = " and ".join(path.name for path in changed)
            raise ReviewChanged(f"{names} changed on disk during the refresh")

    def save(self, backup: bool = True) -> Path | None:
        """Write the refreshed sheet atomically; the previous one becomes ``backup_path()``.
        Returns the backup's path (None for a new sheet).

        Raises ReviewChanged, replacing nothing, when the sheet or its state file on disk is
        no longer the one that was read (saved in a spreadsheet program meanwhile): open it
        again and merge again. Run under ``ReviewLock`` so that two refreshes take turns."""
        self._check_unchanged()
        saved = None
        if backup and not self.is_new:
            saved = self.backup_path()  # the sheet this refresh merged, as it was read
            write_atomically(saved, self.read[self.path])
            if self.path.suffix.lower() == ".csv" and self.read.get(state_file(self.path)) is not None:
                write_atomically(state_file(saved), self.read[state_file(self.path)])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.suffix.lower() == ".xlsx":
            self._save_xlsx()
        else:
            self._save_csv()
        self.is_new = False
        return saved

    def _state_rows(self) -> tuple[list[str], list[list[object]]]:
        """(the columns of the stored value lists, the rows): rows read and left alone keep
        their stored text unless a column was added."""
        columns, known = list(self.state_columns), set(self.state_columns)
        for row in self.state.values():
            if not row.decoded:  # as read: its columns are the state's (not decoded for this)
                continue
            for name in row.values:
                if name not in known:
                    columns.append(name)
                    known.add(name)
        reuse = columns == self.state_columns
        return columns, [row.to_row(columns, reuse) for row in self.state.values()]

    def _conflict_rows(self) -> list[list[object]]:
        when = dt.datetime.now().isoformat(timespec="seconds")
        return [conflict.row(when) for conflict in self.conflicts]

    def _save_xlsx(self) -> None:
        if self.book is None:  # a new workbook: formatted by the exporter, then the state added
            import pandas as pd  # only here: refreshing an existing sheet does not need it

            from pipeline.export.xlsx import write_xlsx

            frame = pd.DataFrame(self.table.padded_rows(), columns=self.table.columns, dtype=object)
            handle = io.BytesIO()
            write_xlsx({CASES_SHEET: frame, CONFLICTS_SHEET: pd.DataFrame(columns=list(CONFLICT_COLUMNS))}, handle)
            self.book = XlsxWorkbook(handle.getvalue())
        book = self.book
        columns, rows = self._state_rows()
        meta = [STATE_MARK, STATE_FORMAT, STATE_NOTE, json.dumps(columns, ensure_ascii=False)]
        if self.layout:
            meta.append(json.dumps(self.layout, ensure_ascii=False))
        book.replace_rows(STATE_SHEET, [meta, list(STATE_COLUMNS), *rows], hidden=True)
        self.state_columns = columns
        if self.conflicts:
            if CONFLICTS_SHEET in book.sheet_names():
                sheet = book.worksheet(CONFLICTS_SHEET)
            else:
                sheet = book.add_worksheet(CONFLICTS_SHEET)
            if sheet.max_row == 0:
                for column, name in enumerate(CONFLICT_COLUMNS, 1):
                    sheet.set_value(1, column, name)
            for values in self._conflict_rows():
                row = sheet.max_row + 1
                for column, value in enumerate(values, 1):
                    sheet.set_value(row, column, value)
        if self._refreshed:
            replace_detail_rows(book, self._refreshed)
            self._refreshed = {}
        book.save(self.path, before_replace=self._check_unchanged)
        self._now_read(self.path)
        self.conflicts = []

    def _save_csv(self) -> None:
        table = self.table
        with atomic_output(self.path, before_replace=self._check_unchanged) as handle:
            write_csv(handle, [*table.preamble, table.columns, *table.padded_rows()], self.delimiter)
        self._now_read(self.path)
        # The sheet first, then the state: should only the sheet be new, its cells equal
        # caselit's new values and the next refresh sets the state right.
        columns, rows = self._state_rows()
        stored = {STATE_MARK: STATE_FORMAT, "note": STATE_NOTE, "value columns": columns, "rows": rows}
        if self.layout:
            stored["layout"] = self.layout
        self.state_columns = columns
        with atomic_output(state_file(self.path), before_replace=self._check_unchanged) as handle:
            handle.write(json.dumps(stored, ensure_ascii=False, indent=0).encode("utf-8"))
        self._now_read(state_file(self.path))
        if self.conflicts:
            log = conflicts_file(self.path)
            previous = []
            if log.exists():
                with log.open(encoding=CSV_ENCODING, newline="") as existing:
                    previous = list(csv.reader(existing))[1:]
            with atomic_output(log) as handle:
                write_csv(handle, [list(CONFLICT_COLUMNS), *previous, *self._conflict_rows()], ",")
            self.conflicts = []


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


def _plain(value: object) -> object:
    """A cell value as a plain Python value: None for NaN, int for whole numbers (40, not 40.0)."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            return int(value)
    return value
