"""A white-cell count's table row or column read cell by cell: the further cells of a row after
its first bare value ("WBC\\t19,000\\t10,000", "WBC (x10^9/L) 12.1 15.3 22.8 18.0"), a row's
reference-range cell before the patient's values ("WBC (/µL)\\t3,300-9,000\\t12,000"), and the
values of a column headed by the count ("Day | WBC (×10^9/L) | Hb" over "1 | 12.1 | 10.2").
Which cells a layout holds is table_rows.py's; here they are read as counts (bare_numbers.py)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding, fill_template
from pipeline.nlp.measures import table_rows
from pipeline.nlp.measures.bare_numbers import BareNumbers
from pipeline.nlp.measures.matches import Analyte, Item, Keyword
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.qualifiers import ValueQualifiers
from pipeline.nlp.measures.units import grammar, parse_number, unit_exponent

# The start of the next cell of a table row: tabs or one cell border (none when the text before
# already ended with them).
CELL_START = regex_cache.compile(r"[ ]*(?:\t+|\|)?[ ]*")


class TableValues:
    """Adds the values of a table's row or column to the findings (``spans``), skipping the
    characters already read (``seen``)."""

    def __init__(self, spec: dict, patterns: str, bare: BareNumbers, qualify: ValueQualifiers):
        self.patterns = patterns
        self.bare = bare
        self.qualify = qualify
        tables = grammar(patterns)
        self.number = tables["number"]
        self.count_unit = tables["unit"]
        self.row_cell = regex_cache.compile(fill_template(spec.get("row_cell", "(?!)"), {"number": spec["number"]}), re.VERBOSE)
        bare_number = spec["number"].replace("?P<number>", "?:")
        self.row_reference_cell = regex_cache.compile(fill_template(spec.get("row_reference_cell", "(?!)"), {"number": bare_number}), re.VERBOSE)
        # the reading of table layouts the sentences do not show (table_rows.py)
        self.spaced_row_last_cell = regex_cache.compile(fill_template(spec.get("spaced_row_last_cell", "(?!)"), {"unit": spec["unit"]}), re.VERBOSE)
        self.column_value_cell = regex_cache.compile(fill_template(spec.get("column_value_cell", "(?!)"), {"number": spec["number"]}), re.VERBOSE)
        self.reference_row = regex_cache.compile(spec.get("reference_row", "(?!)"), re.IGNORECASE)

    def past_reference_cell(self, text: str, keyword_end: int, name_end: int, analyte: Analyte) -> int | None:
        """The end of a table row's reference-range cell when it stands right after the
        analyte's name (and the name's unit, ending at ``name_end``) and before the cells of the
        patient's values: "White blood cell count (/µL)\t3,300-9,000\t12,000\t25,200", "WBC
        (×10^9/L) | [4–12] | 3.55". The row must be a table's (tabs or a cell border before the
        range) and the range a plausible white-cell reference range (``reference_range_bounds``,
        per µL or in 10^9/L); None otherwise."""
        if analyte.name != "wbc" or not self.bare.reference_bounds:
            return None
        cell = self.row_reference_cell.match(text, CELL_START.match(text, name_end).end())
        if cell is None or not re.search(r"[\t|]", text[keyword_end : cell.start()]):
            return None
        low, high = parse_number(cell.group("low"), -3), parse_number(cell.group("high"), -3)
        if low is None or high is None or not low < high:
            return None
        if self.bare.reference_scale(low, high) is None:
            return None
        return cell.end()

    def add_row_cells(self, text: str, item: Item, exponent, analyte: Analyte, header: bool, first: Measure, spans, seen,
                      label_start: int | None = None) -> None:
        """The further cells of a table row after its first bare value ("WBC\t19,000\t10,000",
        "WBC (x1000/mm3)\t26800\t24300\t25000": one column per time): each cell a bare number
        alone, read like the first. A cell of another form (a range, a unit, a word) ends the row.
        A row whose name starts its line may have only spaces between its cells (`_add_spaced_cells`)."""
        cursor = item.end
        if label_start is not None and self.row_cell.match(text, cursor) is None and table_rows.starts_its_line(text, label_start):
            self._add_spaced_cells(text, item, exponent, analyte, header, first, spans, seen)
            return
        while True:
            cell = self.row_cell.match(text, cursor)
            if cell is None:
                return
            read = self._read_cell(text, cell, exponent, analyte, header, first.threshold, seen)
            if read is None:
                return
            start, end, measure = read
            if not self.qualify.in_other_fluid_column(text, start):
                spans.append(Finding(start, end, analyte.label, measure))
            cursor = end

    def _add_spaced_cells(self, text: str, item: Item, exponent, analyte: Analyte, header: bool, first: Measure, spans, seen) -> None:
        """The values of a table row flattened with spaces only between its cells, after the
        first ("WBC (x10^9/L) 12.1 15.3 22.8 18.0", "White blood cells 12.1 15.3 22.8 18.0
        (4.0-10.0)"): the rest of the line must be bare numbers, and, last, one cell of a unit or a
        reference range (table_rows.spaced_values); the unit there reads the values when the name
        gave none."""
        values, last = table_rows.spaced_values(text, item.end, self.number, self.spaced_row_last_cell)
        if last is not None and last.group("unit") and exponent is None:
            exponent = unit_exponent(last, self.patterns, alone=True)
            header = exponent is not None
            if exponent is None:
                return  # another unit: no count
        for cell in values:
            read = self._read_cell(text, cell, exponent, analyte, header, first.threshold, seen)
            if read is None:
                return
            start, end, measure = read
            spans.append(Finding(start, end, analyte.label, measure))

    def add_column(self, text: str, name_end: int, keyword: Keyword, exponent, analyte: Analyte, spans, seen) -> bool:
        """The values of a table column headed by the analyte's name, one row per day, date or
        patient ("Day | WBC (×10^9/L) | Hb" over "1 | 12.1 | 10.2" and "3 | 15.3 | 9.8"): each
        row's cell in the name's column, a bare number (a flag may follow), read in the header's
        unit, else in a row of units under the header, else by its size. Rows of reference
        values or units, rows of another fluid ("CSF | 560 | ..."), and a table whose caption
        names another fluid ("Urinalysis", "Table 2 CSF findings") give no value. False when the
        name heads no column (table_rows.header_column)."""
        layout = table_rows.header_column(text, keyword.start, name_end)
        if layout is None:
            return False
        column, width = layout
        line_start, line_end = table_rows.line_bounds(text, keyword.start)
        caption = table_rows.caption_above(text, line_start)
        if caption is not None and (self.qualify.fluid.search(text, *caption) or self.qualify.fluid_sampling.search(text, *caption)):
            return True  # "Urinalysis" or "Table 2 CSF findings" over the header: another fluid's column
        for row in table_rows.rows_below(text, line_end, width):
            label, cell = row[0], row[column]
            if self.reference_row.match(text, label.start) or self.qualify.fluid.search(text, label.start, label.end):
                continue
            unit = self.count_unit.fullmatch(text, cell.start, cell.end) if exponent is None else None
            if unit is not None:
                exponent = unit_exponent(unit, self.patterns, alone=True)
                continue
            value_cell = self.column_value_cell.fullmatch(text, cell.start, cell.end)
            if value_cell is None:
                continue
            read = self._read_cell(text, value_cell, exponent, analyte, True, False, seen)
            if read is not None:
                start, end, measure = read
                spans.append(Finding(start, end, analyte.label, measure))
        return True

    def _read_cell(self, text: str, cell: re.Match, exponent, analyte: Analyte, header: bool, threshold: bool,
                   seen) -> tuple[int, int, Measure] | None:
        """The number of a cell (``cell``'s group "number") read as the analyte's value like the
        row's or column's first, as (start, end, measure), its characters then marked read in
        ``seen``; None when it gives no value or was read already."""
        start, end = cell.start("number"), cell.end("number")
        value = self.bare.value(text, cell.group("number"), exponent, cell, None, analyte, header)
        if value is None or (start, end) in seen:
            return None
        seen.add((start, end))
        return start, end, Measure(analyte.label, value, analyte.unit, cell.group("number"), threshold, None)
