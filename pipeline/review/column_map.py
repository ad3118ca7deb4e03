"""Which column of a review sheet's table holds which caselit column (``ColumnMapping``, a
part of ``Review``): caselit's own names in its own sheets, the reviewer's headers read
through their synonyms and ``--map`` in a sheet it adopted, and the way each renamed column
writes its values (``style``)."""
from __future__ import annotations

from pipeline.review.headers import map_headers
from pipeline.review.machine_columns import REFERENCE_COLUMNS, machine_columns
from pipeline.review.opening import ID_COLUMN
from pipeline.review.reports import RefreshSummary
from pipeline.review.style import ColumnStyle


class ColumnMapping:
    """The columns of ``Review``: ``_map_columns`` once a refresh, then ``mapping_lines``,
    the header each column is shown under, the values written as its column writes them."""

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
