"""Keeping text cells text when a spreadsheet opens them (OWASP "CSV injection").

A cell starting with =, +, -, @, tab or carriage return may be run as a formula by Excel or
LibreOffice. Titles and sentences come from downloaded web pages, so they are untrusted.
"""
from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32767  # characters Excel keeps in one cell
# Characters XML 1.0 (and so .xlsx) cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def csv_text(value: str) -> str:
    """A text cell for CSV: prefixed with ' when a spreadsheet would read it as a formula.

    >>> csv_text("=HYPERLINK(\\"http://x\\")"), csv_text("-5"), csv_text("cisplatin")
    ('\\'=HYPERLINK("http://x")', "'-5", 'cisplatin')
    """
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def xlsx_text(value: str) -> str:
    """A text cell for XLSX: characters XML cannot store removed, cut to Excel's limit."""
    value = _XML_ILLEGAL.sub("", value)
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - 1] + "…"
    return value
