"""Laboratory tables flattened to text, in the two layouts the sentence readers do not see.

- A row whose values stand side by side with only spaces between them, as a page or a PDF
  flattens a table with one column per day: "WBC (x10^9/L) 12.1 15.3 22.8 18.0", "White blood
  cells 12.1 15.3 22.8 18.0 (4.0-10.0)". The analyte's name starts the line, and the rest of
  the line holds nothing but the values and, last, one cell of a unit or a reference range.
- A column: the analytes across the header row and one row per day, date or patient below it
  ("Day | WBC (×10^9/L) | Hb (g/dL)" over "1 | 12.1 | 10.2"), each line one row, its cells split
  by tabs, cell borders or runs of two or more spaces (a single space also stands inside a name:
  "WBC (×10^9/L)").

Pure functions over the text and its offsets: which numbers are a row's or a column's cells.
Reading them as counts (units, scale, plausible range) is table_values.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import regex_cache

# A cell border: a tab or a "|" of a scraped table, with the spaces around it, or a run of two
# or more spaces (a single space stands inside a cell: "WBC (×10^9/L)", "Day 3").
CELL_SEPARATOR = regex_cache.compile(r"[ \u00a0]*[\t|][ \t\u00a0]*|[ \u00a0]{2,}")
# A markdown table's rule under its header ("|---|:---:|"), or a line of dashes.
RULE_LINE = regex_cache.compile(r"[\s|:\-–—+=]*")
# The most rows a column is followed down.
MOST_ROWS = 60
# The longest line above a table that is read as its caption, in characters.
MOST_CAPTION = 100


@dataclass(frozen=True)
class Cell:
    """One cell of a table line: its text's offsets in the report, spaces and borders off."""

    start: int
    end: int


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the line that holds ``position``, without its line break."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of the line text[start:end]; the empty cells outside a scraped table's first
    and last border ("| WBC | 12.1 |") are not cells."""
    found, cursor = [], start
    for separator in CELL_SEPARATOR.finditer(text, start, end):
        found.append(_stripped(text, cursor, separator.start()))
        cursor = separator.end()
    found.append(_stripped(text, cursor, end))
    if found and found[0].start == found[0].end and "|" in text[start:end]:
        found = found[1:]
    if found and found[-1].start == found[-1].end and "|" in text[start:end]:
        found = found[:-1]
    return found


def _stripped(text: str, start: int, end: int) -> Cell:
    while start < end and text[start] in " \t\u00a0|":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0|":
        end -= 1
    return Cell(start, end)


def starts_its_line(text: str, position: int) -> bool:
    """True when only spaces or a cell border stand between the line's start and ``position``:
    a name there is a table row's label, not a word of a sentence."""
    start, _ = line_bounds(text, position)
    return not text[start:position].strip(" \t\u00a0|")


def spaced_values(text: str, cursor: int, number: re.Pattern, last_cell: re.Pattern) -> tuple[list[re.Match], re.Match | None]:
    """The bare numbers that follow a row's value at ``cursor`` with only spaces between them,
    to the end of the line ("12.1 15.3 22.8 18.0"), and the row's last cell when it is a unit or
    a reference range (``last_cell``, matched to the line's end). ([], None) when anything else
    stands on the rest of the line, or no number follows: then it is no table row."""
    _, end = line_bounds(text, cursor)
    values, position = [], cursor
    while True:
        gap = position
        while gap < end and text[gap] in " \u00a0":
            gap += 1
        if gap == position or gap >= end:
            break
        found = number.match(text, gap)
        if found is None or (found.end() < end and text[found.end()] not in " \u00a0"):
            break
        values.append(found)
        position = found.end()
    if not values:
        return [], None
    rest = text[position:end]
    if not rest.strip():
        return values, None
    tail = last_cell.fullmatch(text, position, end)
    return (values, tail) if tail is not None else ([], None)


def header_column(text: str, cell_start: int, cell_end: int) -> tuple[int, int] | None:
    """(index of the column, cells of each row) that the header cell text[cell_start:cell_end]
    heads, when the cell stands alone in its cell of a table line and the next line (past a
    markdown rule) is a row of the table; else None.

    - The header line has as many cells as the rows below, and the cell is not its first (that
      one labels a row): the column is the cell's.
    - A header of two lines, whose row labels' heading stands on the line above, spanning
      both ("Date | Laboratory examinations" over "WBC | Hb | PLT", then "17 March | 59 | 64 |
      196"): the rows have one cell more than the header line, the label, and the column is
      the cell's next one. Scraped journal tables flatten a header cell that spans two rows so."""
    start, end = line_bounds(text, cell_start)
    header = cells(text, start, end)
    index = next((i for i, cell in enumerate(header) if cell.start == cell_start and cell.end == cell_end), None)
    if index is None or len(header) < 2:
        return None
    if index > 0 and next(rows_below(text, end, len(header)), None) is not None:
        return index, len(header)
    if _spanning_label_above(text, start, len(header)) and next(rows_below(text, end, len(header) + 1), None) is not None:
        return index + 1, len(header) + 1
    return None


def _spanning_label_above(text: str, header_start: int, header_cells: int) -> bool:
    """Whether the line right above a header line (of ``header_cells`` cells) is the first line of a
    two-line header: a table line of fewer cells, the first of which names the row labels' column in words."""
    if header_start == 0:
        return False
    start, end = line_bounds(text, header_start - 1)
    above = cells(text, start, end)
    return 2 <= len(above) < header_cells and any(ch.isalpha() for ch in text[above[0].start:above[0].end])


def caption_above(text: str, line_start: int) -> tuple[int, int] | None:
    """(start, end) of the nearest line above the header line starting at ``line_start`` that
    holds words, skipping blank lines, when it is short enough to be a table's caption or the
    heading over it ("Table 2 Cerebrospinal fluid", "Urinalysis"); None when it is a paragraph
    of the text (a sentence naming a fluid there does not title the table) or at the text's start."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return (start, end) if end - start <= MOST_CAPTION else None
        end = start - 1
    return None


def rows_below(text: str, header_end: int, width: int):
    """The rows of the table under a header line ending at ``header_end``, each a list of
    ``width`` cells, down to the first line that is not such a row (a markdown rule is passed
    over)."""
    position = header_end
    for _ in range(MOST_ROWS):
        if position >= len(text):
            return
        start = position + 1
        _, end = line_bounds(text, start)
        if start >= end:
            return
        position = end
        if RULE_LINE.fullmatch(text, start, end) and "-" in text[start:end]:
            continue
        row = cells(text, start, end)
        if len(row) != width:
            return
        yield row
