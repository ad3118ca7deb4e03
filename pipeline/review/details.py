"""The detail sheets ``caselit extract`` writes beside the table (treatments, labs, timeline,
evidence): caselit's, kept current for the reports a refresh reads when the workbook has them."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.cases.record import Case
from pipeline.export import table as table_module
from pipeline.review.xlsx_edit import XlsxWorkbook

DETAIL_SHEETS = {
    "treatments": (table_module.TREATMENT_COLUMNS, table_module.treatment_rows),
    "labs": (table_module.LAB_COLUMNS, table_module.lab_rows),
    "timeline": (table_module.TIMELINE_COLUMNS, table_module.timeline_rows),
    "evidence": (table_module.EVIDENCE_COLUMNS, table_module.evidence_rows),
}


def replace_detail_rows(book: XlsxWorkbook, refreshed: Mapping[str, Sequence[Case]]) -> None:
    """The rows of the reports read now (``refreshed``: report name -> its cases) replace
    theirs in the detail sheets ``book`` has (values only: they are caselit's); a sheet whose
    header is no longer caselit's is the reviewer's, left alone."""
    names = set(book.sheet_names())
    for name, (columns, rows_of) in DETAIL_SHEETS.items():
        if name not in names:
            continue
        existing = book.worksheet(name).rows_values()
        if not existing or tuple(existing[0][:len(columns)]) != tuple(columns):
            continue
        kept = [row for row in existing[1:] if not row or row[0] not in refreshed]
        new = [list(row) for cases in refreshed.values() for case in cases for row in rows_of(case)]
        book.replace_rows(name, [list(columns), *kept, *new])
