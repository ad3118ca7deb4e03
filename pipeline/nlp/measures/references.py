"""Reference ranges next to a value: which numbers of a count's or a quantity's list are the
laboratory's reference range rather than the patient's value, and where the patient's value
stands by it - before its bracket ("15.2 (4.0-10.0 ×10^9/L)", "CRP was 39 (normal range: 0-5
mg/L)"), before it in a flattened table row ("WBC 12.3 H 4.0-10.0 x10^9/L"), after it when the
range heads a row ("Leukocytes (4.0–10.0 × 10^9/L): 15.6"), or in the cell, the bracket or the
line before it, with a unit of its own ("7,730/µL (3,500-11,000/µL)", "TLC\t13400
cells/mm3\t4000-10000 cells/mm3", "WBC\n33.0 x 10^9/L\n4.0 - 11.0 x 10^9/L")."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Item
from pipeline.nlp.measures.quantities import Unit, quantity_grammar
from pipeline.nlp.measures.units import grammar, parse_number

# The gap between two cells of a table row: spaces or tabs, with at most one cell border ("|")
# of a table scraped from a web page.
CELL_GAP = regex_cache.compile(r"[ \t\u00a0]*(?:\|[ \t\u00a0]*)?$")


def dashed_range(text: str, items: list[Item]) -> bool:
    """True for a list of two numbers joined by a dash: "4.0-10.0", "4.0 – 10.0"."""
    return len(items) == 2 and re.fullmatch(r"\s*[-–—]\s*", text[items[0].end : items[1].start]) is not None


def as_reference(items: list[Item]) -> None:
    """Marks every number of ``items`` as a reference range's."""
    for item in items:
        item.reference = True


class ReferenceRanges:
    """Reads a value's list of numbers for a reference range (:meth:`mark_count`,
    :meth:`mark_quantity`)."""

    def __init__(self, spec: dict, patterns: str):
        tables = grammar(patterns)
        self.count = tables["count"]
        self.number = tables["number"]
        self.quantity = quantity_grammar(patterns)["quantity"]
        self.reference_open = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*$", re.VERBOSE)
        self.flat_reference = regex_cache.compile(spec["number"] + spec.get("flat_reference_gap", "(?!)"), re.VERBOSE)
        self.reference_word_bracket = regex_cache.compile(spec.get("reference_word_bracket", "(?!)"))
        self.header_range_result = regex_cache.compile(r"\s*[)\]]\s*[:=]?\s*" + spec["number"], re.VERBOSE)
        self.reference_labelled = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*" + spec["reference_label"] + "$", re.VERBOSE)
        self.bracket_open = regex_cache.compile(r"[(\[]\s*(?:" + spec["reference_label"] + r")?(?:[<>≤≥]=?\s*)?$")
        # a table cell holding a bare number, ending where the next cell's gap begins
        self.bare_cell_before = regex_cache.compile(r"(?:^|[\t|])[ \u00a0]*" + spec["number"] + r"[ \u00a0]*$", re.VERBOSE | re.MULTILINE)
        self.unit_follows = regex_cache.compile(spec["unit_follows"])
        self.not_a_count_before = regex_cache.compile(spec["not_a_count_before"], re.IGNORECASE)
        self.range_or_list_before = regex_cache.compile(spec["range_or_list_before"])

    def mark_count(self, text: str, items: list[Item], unit_end: int, exponent: int) -> None:
        """Marks the numbers of a count's list (``items``, its unit ending at ``unit_end``) that
        are a reference range, and adds the patient's value the range stands by, read in the
        same unit (``exponent``): before the range ("15.2 (4.0-10.0 ×10^9/L)", "12.3 H 4.0-10.0
        x10^9/L") or after it ("Leukocytes (4.0–10.0 × 10^9/L): 15.6")."""
        # "15.2 (4.0-10.0 ×10^9/L)": the bracketed numbers are a reference range and the
        # number before the bracket is the patient's value, in the same unit
        cursor = items[0].start
        opening = self.reference_open.search(text, max(0, cursor - 30), cursor)
        flat = self._flat_result(text, items)
        if flat is not None:
            # "WBC 12.3 H 4.0-10.0 x10^9/L": a flattened table row, result then range
            as_reference(items)
            items.insert(0, Item(flat.start("number"), flat.end("number"), flat.group("number"), unit_end, exponent))
        elif opening is not None and opening.end() == cursor:
            as_reference(items)
            items.insert(0, Item(opening.start("number"), opening.end("number"), opening.group("number"), unit_end, exponent))
        elif (self._after_a_value(text, cursor, len(items) > 1) or self._range_after_a_value(text, items)
              or self._range_line_after_a_value(text, items, unit_end)
              or (len(items) == 2 and self.reference_word_bracket.search(text, max(0, cursor - 40), cursor))):
            # "... was higher than normal (4–10 × 10^9/L)": a bracketed range named a reference
            # "7,730/µL (3,500-11,000/µL)": a reference range after the patient's value
            as_reference(items)
        else:
            result = self._result_after_header_range(text, items, unit_end)
            if result is not None:
                # "Leukocytes (4.0–10.0 × 10^9/L): 15.6": the range heads the row, the
                # number after it is the patient's value in the range's unit
                as_reference(items)
                items.append(Item(result.start("number"), result.end("number"), result.group("number"), result.end("number"), exponent))

    def mark_quantity(self, text: str, items: list[Item], unit_end: int, unit: Unit) -> None:
        """Marks the numbers of a quantity's list that are a reference range, and adds the
        patient's value written before a labelled one, in the range's ``unit``."""
        cursor = items[0].start
        # "CRP was 39 (normal range: 0-5 mg/L)": the number before the bracket is the
        # patient's value in the bracket's unit; "112 mg/L (0-5 mg/L)": a reference range
        opening = self.reference_labelled.search(text, max(0, cursor - 60), cursor)
        if opening is not None and opening.end() == cursor:
            as_reference(items)
            items.insert(0, Item(opening.start("number"), opening.end("number"), opening.group("number"), unit_end, unit.exponent, unit=unit))
        elif self._after_a_value(text, cursor, len(items) > 1):
            as_reference(items)

    def _flat_result(self, text: str, items: list[Item]) -> re.Match | None:
        """The result written just before a dashed range with only spaces and a flag between
        them ("12.3 H 4.0-10.0 x10^9/L"), or None. The result must not itself end a list or a
        range ("from 8 to 12 14-16") nor be a day or cycle number."""
        if not dashed_range(text, items):
            return None
        cursor = items[0].start
        found = self.flat_reference.search(text, max(0, cursor - 40), cursor)
        if found is None or found.end() != cursor:
            return None
        before = text[max(0, found.start() - 12) : found.start()]
        if self.not_a_count_before.search(before) or self.range_or_list_before.search(before) or re.search(r"\d\s*$", before):
            return None
        low, high = parse_number(items[0].number, items[0].exponent), parse_number(items[1].number, items[1].exponent)
        return found if low is not None and high is not None and low < high else None

    def _after_a_value(self, text: str, position: int, is_range: bool) -> bool:
        """True when ``position`` opens a reference range in brackets right after a number with
        a unit: "112 mg/L (0-5", "(normal 4-10". A single value in brackets with no label is
        the same value in another unit: "12.3 ×10^9/L (85%)"."""
        bracket = self.bracket_open.search(text, max(0, position - 40), position)
        if bracket is None or not (is_range or bracket.group().strip("([ \t")):
            return False
        end = len(text[: bracket.start()].rstrip())
        for pattern in (self.quantity, self.count):
            for match in pattern.finditer(text, max(0, end - 40), end):
                if match.end() == end:
                    return True
        return False

    def _range_after_a_value(self, text: str, items: list[Item]) -> bool:
        """True for a dashed range written right after a count with its own unit, with only
        spaces or a table's tab or one cell border between: "TLC\t13400 cells/mm3\t4000-10000
        cells/mm3" (the next column holds the reference range), "WBC | 8.4 x 103/µL | 4.8-10.8 x
        103/µL |" (a table scraped with its borders), "WBC 13,200/µL 4,000-10,000/µL"; and, in a
        table row, after a cell holding a bare number: "White blood cells\t13.5\t30.1\t4.0–10.0 ×
        103/µL" (the unit written once, in the reference column after one column per day)."""
        if not dashed_range(text, items):
            return False
        end = CELL_GAP.search(text, max(0, items[0].start - 20), items[0].start).start()
        gap = text[end : items[0].start]
        if end == items[0].start or "\n" in gap:
            return False
        if any(match.end() == end for match in self.count.finditer(text, max(0, end - 40), end)):
            return True
        return ("\t" in gap or "|" in gap) and self.bare_cell_before.search(text, max(0, end - 20), end) is not None

    def _range_line_after_a_value(self, text: str, items: list[Item], unit_end: int) -> bool:
        """True for a dashed range with its unit alone on its line, right under a line that
        holds one value alone: a table flattened one cell per line keeps the row's cells in
        order, the patient's value then the reference range ("WBC\n33.0 x 10^9/L\n4.0 - 11.0
        x 10^9/L\nRBC ..."), as the tab or border of `_range_after_a_value` does on one line.
        A range followed by words on its line ("15.2-18.4 ×10^9/L on the following days") is a
        course of values, and a line under a sentence is not a table's cell."""
        if not dashed_range(text, items):
            return False
        line_start = text.rfind("\n", 0, items[0].start) + 1
        line_end = text.find("\n", unit_end)
        line_end = len(text) if line_end < 0 else line_end
        # a scraped table may keep a cell border at the start of each line ("| 4.0–11.0 x 10^9/L")
        if line_start == 0 or text[line_start : items[0].start].strip(" \t|") or text[unit_end:line_end].strip(" \t|"):
            return False
        above_end = line_start - 1
        above_start = text.rfind("\n", 0, above_end) + 1
        above = text[above_start:above_end].rstrip(" \t|")
        value_start = above_start + len(above) - len(above.lstrip(" \t|"))
        value_end = above_start + len(above)
        if value_start >= value_end:
            return False
        if self.number.fullmatch(text, value_start, value_end) is not None:
            return True  # "33.0" alone on the line above: a bare value's cell
        return any(match.start("number") == value_start and match.end() == value_end
                   for match in self.count.finditer(text, value_start, value_end))

    def _result_after_header_range(self, text: str, items: list[Item], unit_end: int) -> re.Match | None:
        """The bare number after a dashed range with its unit in brackets right after an
        analyte's name ("Leukocytes (4.0–10.0 × 10^9/L): 15.6", "WBC count [4.0–10.0 ×
        10^9/L] 15.6"): the range is the reference of the value written after it; None otherwise."""
        if not dashed_range(text, items):
            return None
        if not re.search(r"[(\[]\s*$", text[max(0, items[0].start - 3) : items[0].start]):
            return None
        after = self.header_range_result.match(text, unit_end)
        if after is None or self.unit_follows.match(text, after.end("number")):
            return None
        low, high = parse_number(items[0].number, items[0].exponent), parse_number(items[1].number, items[1].exponent)
        return after if low is not None and high is not None and low < high else None
