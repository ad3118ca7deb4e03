"""Writing one report's cases into the rows of a review sheet (``RowUpdates``, a part of
``Review``): its rows updated where the reviewer did not edit them (``merge.cell_action``),
new cases appended, rows of cases gone flagged, and, in a sheet caselit did not create, the
reviewer's rows of the report found by its references and linked to it."""
from __future__ import annotations

from pipeline.export import table as table_module
from pipeline.review.conflicts import Conflict
from pipeline.review.machine_columns import CASE_GONE, STATUS_COLUMN
from pipeline.review.matching import RowIndex, doi_key, first_author, pmcid_key, pmid_key, report_keys
from pipeline.review.merge import CONFLICT, UNKNOWN, WRITE, cell_action
from pipeline.review.opening import ID_COLUMN
from pipeline.review.reports import RefreshSummary, ReportCases
from pipeline.review.state import StateRow
from pipeline.review.stores import canonical, remembered

_UNKNOWN = UNKNOWN  # no remembered value: a column caselit did not write before
_IDENTIFIERS = {"DOI": doi_key, "PMID": pmid_key, "PMCID": pmcid_key}


class RowUpdates:
    """The rows of ``Review``: one report's cases written, added or flagged; an adopted
    sheet's rows linked to their report."""

    # --- writing a report's rows ----------------------------------------------------------

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

    # --- adopting the rows of a sheet caselit did not create -----------------------------

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
