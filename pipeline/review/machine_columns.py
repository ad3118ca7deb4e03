"""The columns caselit writes into a review sheet, and what its ``caselit status`` column says.

The exporter's columns are read at call time, then the status column; a reviewer's table
may also have reference columns caselit fills from the report's metadata.
"""
from __future__ import annotations

from pipeline.export import table as table_module

STATUS_COLUMN = "caselit status"
SOURCE_MISSING = "source file missing"
CASE_GONE = "case no longer found in the report"

# Columns a reviewer's table may have that caselit fills from the report's metadata, beyond
# the exporter's.
REFERENCE_COLUMNS = ("First author",)


def machine_columns() -> tuple[str, ...]:
    """The columns caselit fills: the exporter's, read at call time, then the status."""
    return tuple(table_module.CASE_COLUMNS) + (STATUS_COLUMN,)
