"""Saving a refreshed review sheet (``ReviewSaving``, a part of ``Review``): atomically,
the previous one kept as a backup, and never over a save another program made meanwhile.
An .xlsx keeps the remembered values in its hidden state sheet and the conflicts in its
``conflicts`` sheet; a .csv keeps them in files beside it."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from pipeline.export.writers import CSV_ENCODING, atomic_output
from pipeline.review.conflicts import CONFLICT_COLUMNS, CONFLICTS_SHEET, conflicts_file
from pipeline.review.details import replace_detail_rows
from pipeline.review.disk import differs, write_atomically, write_csv
from pipeline.review.errors import ReviewChanged
from pipeline.review.opening import CASES_SHEET, read_if_present
from pipeline.review.state import STATE_COLUMNS, STATE_FORMAT, STATE_MARK, STATE_NOTE, STATE_SHEET, state_file
from pipeline.review.xlsx_edit import XlsxWorkbook


class ReviewSaving:
    """Writing ``Review`` back: ``save()``, ``backup_path()``, ``changed_on_disk()``."""

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

