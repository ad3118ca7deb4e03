"""Export: Case records -> tables (pandas frames) -> files (.xlsx, .csv, .jsonl, .parquet)."""
from pipeline.export.table import CASE_COLUMNS, EVIDENCE_COLUMNS, cases_frame, evidence_frame
from pipeline.export.writers import SUPPORTED_FORMATS, write_table

__all__ = [
    "CASE_COLUMNS",
    "EVIDENCE_COLUMNS",
    "SUPPORTED_FORMATS",
    "cases_frame",
    "evidence_frame",
    "write_table",
]
