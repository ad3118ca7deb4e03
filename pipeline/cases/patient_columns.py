"""A table with one column per patient, flattened to text ("| Case 1 | Case 2" above "WBC
(x10^9/L) | 18.2 | 25.6"), or one row per patient ("Case 2 | 25.6 | 8.7" under "Patient | WBC |
Hb"): each value goes to the row of its column's or its row's patient."""
from __future__ import annotations

import re

from pipeline.cases.record import Case


# A table flattened to text: cells split by "|" or a tab.
CELL_BREAK = re.compile(r"\||\t")


# A column heading naming one patient: "Case 1", "Patient 2", "Pt. 3", "Case #2".
COLUMN_PATIENT = re.compile(r"^\s*(?:case|patient|pt)\.?\s*(?:#|no\.?)?\s*(?P<number>\d{1,2})\s*$", re.IGNORECASE)


# How many lines above a row its column headings may stand.
HEADER_REACH = 25


# The fields a table of the patients gives one value per column.
COLUMN_FIELDS = ("wbc_values", "drugs")


def table_columns(text: str, rows: list[Case]) -> None:
    """A table with one column per patient ("| Case 1 | Case 2" above "WBC (x10^9/L) | 18.2 |
    25.6", "Treatment | cisplatin | carboplatin"), read into the part of the case it stands in:
    each value goes to the row of its column's patient."""
    moves = []
    for row in rows:
        for item in row.evidence:
            if item.field not in COLUMN_FIELDS or not item.kept:
                continue
            number = _column_patient(text, item.start) or _row_patient(text, item.start)
            if number and number != row.case and 1 <= number <= len(rows):
                moves.append((row, rows[number - 1], item))
    for source, target, item in moves:
        source.evidence.remove(item)
        target.evidence.append(item)
        if item.field == "wbc_values":
            if item.value in source.wbc_values:
                source.wbc_values.remove(item.value)
            target.wbc_values.append(item.value)
        elif not any(e.field == "drugs" and e.kept and e.value == item.value for e in source.evidence):
            source.drugs = [drug for drug in source.drugs if drug != item.value]
        if item.field == "drugs":
            target.drugs = sorted(set(target.drugs) | {item.value})
    for row in rows:
        row.wbc_max = max(row.wbc_values) if row.wbc_values else None


def _column_patient(text: str, position: int) -> int:
    """The patient number of the column a table cell at ``position`` stands in, read from the
    nearest line above whose cells name patients ("| Case 1 | Case 2"); 0 outside such a table."""
    line_start = text.rfind("\n", 0, position) + 1
    if not CELL_BREAK.search(text, line_start, position):
        return 0
    column = len(CELL_BREAK.findall(text, line_start, position))
    end = line_start - 1
    for _ in range(HEADER_REACH):
        if end <= 0:
            return 0
        start = text.rfind("\n", 0, end) + 1
        cells = CELL_BREAK.split(text[start:end])
        named = {index: COLUMN_PATIENT.match(cell) for index, cell in enumerate(cells)}
        if sum(1 for match in named.values() if match) >= 2:
            match = named.get(column)
            return int(match.group("number")) if match else 0
        end = start - 1
    return 0


def _row_patient(text: str, position: int) -> int:
    """The patient number that the first cell of a table row names, for a cell at ``position``
    further along that row: a table with one row per patient ("Patient | WBC | Hb" above "Case
    2 | 48.9 | 8.7"); 0 when the row names none or the position is in its first cell."""
    line_start = text.rfind("\n", 0, position) + 1
    cells = CELL_BREAK.split(text[line_start:position])
    if len(cells) < 2:
        return 0
    first = next((cell for cell in cells[:-1] if cell.strip()), "")
    match = COLUMN_PATIENT.match(first)
    return int(match.group("number")) if match else 0
