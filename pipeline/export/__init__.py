"""Export: Case records -> rows (or pandas frames) -> files (.xlsx, .csv, .jsonl, .parquet),
written as a stream of cases."""
from pipeline.export.table import (
    CASE_COLUMNS,
    EVIDENCE_COLUMNS,
    case_row,
    cases_frame,
    evidence_frame,
    evidence_rows,
)
from pipeline.export.writers import SUPPORTED_FORMATS, write_table

__all__ = [
    "CASE_COLUMNS",
    "EVIDENCE_COLUMNS",
    "SUPPORTED_FORMATS",
    "case_row",
    "cases_frame",
    "evidence_frame",
    "evidence_rows",
    "write_table",
]
