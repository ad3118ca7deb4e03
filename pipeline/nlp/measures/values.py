"""Finding the numbers of values with a unit: each count or quantity match, with the numbers
before it that share its unit (a list or a range: "from 12,000 to 30,000/µL", "178.1, 172.7 and
4.2k/µL"), as :class:`Item`s; which of them are a reference range rather than the patient's
value ("15.2 (4.0-10.0 ×10^9/L)", "7,730/µL (3,500-11,000/µL)", a flattened table row "WBC 12.3 H
4.0-10.0 x10^9/L"); and the count units a writer slipped on ("20.3 cells/ml", "11.5/µL").
Which analyte a number belongs to is not read here (assignment.py)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Item
from pipeline.nlp.measures.quantities import quantity_grammar, unit_of
from pipeline.nlp.measures.units import grammar, parse_number, per_litre_power, to_float, unit_exponent, volume_key

# The gap between two cells of a table row: spaces or tabs, with at most one cell border ("|")
# of a table scraped from a web page.
CELL_GAP = regex_cache.compile(r"[ \t\u00a0]*(?:\|[ \t\u00a0]*)?$")


class ValueFinder:
    """The counts (:meth:`counts`) and other quantities (:meth:`quantities`) of a text, each
    match a list of :class:`Item`s that share its unit."""

    def __init__(self, spec: dict, patterns: str):
        self.patterns = patterns
        tables = grammar(patterns)
        self.count = tables["count"]
        self.number = tables["number"]
        self.quantity = quantity_grammar(patterns)["quantity"]
        self.list_item = regex_cache.compile(spec["number"] + spec["list_separator"], re.VERBOSE)
        self.reference_open = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*$", re.VERBOSE)
        self.flat_reference = regex_cache.compile(spec["number"] + spec.get("flat_reference_gap", "(?!)"), re.VERBOSE)
        self.unit_alone = regex_cache.compile(r"[x×X*∗·]\s*$")
        self.reference_word_bracket = regex_cache.compile(spec.get("reference_word_bracket", "(?!)"))
        self.header_range_result = regex_cache.compile(r"\s*[)\]]\s*[:=]?\s*" + spec["number"], re.VERBOSE)
        self.reference_labelled = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*" + spec["reference_label"] + "$", re.VERBOSE)
        self.bracket_open = regex_cache.compile(r"[(\[]\s*(?:" + spec["reference_label"] + r")?(?:[<>≤≥]=?\s*)?$")
        self.fluid_powers = set(spec.get("fluid_litre_powers", []))
        self.ml_slip_below = float(spec.get("ml_slip_below", 0))
        self.fraction_slip_volumes = set(spec.get("fraction_slip_volumes", []))
        # a table cell holding a bare number, ending where the next cell's gap begins
        self.bare_cell_before = regex_cache.compile(r"(?:^|[\t|])[ \u00a0]*" + spec["number"] + r"[ \u00a0]*$", re.VERBOSE | re.MULTILINE)
        self.unit_follows = regex_cache.compile(spec["unit_follows"])
        self.not_a_count_before = regex_cache.compile(spec["not_a_count_before"], re.IGNORECASE)
        self.range_or_list_before = regex_cache.compile(spec["range_or_list_before"])

    def counts(self, text: str):
        """Each count match, with the numbers before it that share its unit, as Items."""
        for match in self.count.finditer(text):
            exponent = unit_exponent(match, self.patterns)
            if exponent is None or per_litre_power(match, self.patterns) in self.fluid_powers:
                continue  # "1,706 × 10^6/L": a count of a body fluid (CSF), not of blood
            if self.unit_alone.search(text, max(0, match.start("number") - 4), match.start("number")) and match.group("number").startswith("10"):
                continue  # "White blood cell count × 103/µL | 5.7": a header's unit, "10" then its power
            items = self._list(text, Item(match.start("number"), match.end("number"), match.group("number"), match.end(), exponent))
            self._thousands_per_ml(match, items)
            self._thousands_with_a_fraction(match, items)
            if len(items) == 1 and self._restated(text, items[0]):
                continue  # "15.3 × 10^9/L (15,300/µL)": the same count in another unit
            # "15.2 (4.0-10.0 ×10^9/L)": the bracketed numbers are a reference range and the
            # number before the bracket is the patient's value, in the same unit
            cursor = items[0].start
            opening = self.reference_open.search(text, max(0, cursor - 30), cursor)
            flat = self._flat_result(text, items)
            if flat is not None:
                # "WBC 12.3 H 4.0-10.0 x10^9/L": a flattened table row, result then range
                for item in items:
                    item.reference = True
                items.insert(0, Item(flat.start("number"), flat.end("number"), flat.group("number"), match.end(), exponent))
            elif opening is not None and opening.end() == cursor:
                for item in items:
                    item.reference = True
                items.insert(0, Item(opening.start("number"), opening.end("number"), opening.group("number"), match.end(), exponent))
            elif (self._after_a_value(text, cursor, len(items) > 1) or self._range_after_a_value(text, items)
                  or self._range_line_after_a_value(text, items, match.end())
                  or (len(items) == 2 and self.reference_word_bracket.search(text, max(0, cursor - 40), cursor))):
                # "... was higher than normal (4–10 × 10^9/L)": a bracketed range named a reference
                # "7,730/µL (3,500-11,000/µL)": a reference range after the patient's value
                for item in items:
                    item.reference = True
            else:
                result = self._result_after_header_range(text, items, match.end())
                if result is not None:
                    # "Leukocytes (4.0–10.0 × 10^9/L): 15.6": the range heads the row, the
                    # number after it is the patient's value in the range's unit
                    for item in items:
                        item.reference = True
                    items.append(Item(result.start("number"), result.end("number"), result.group("number"), result.end("number"), exponent))
            yield items

    def _result_after_header_range(self, text: str, items: list[Item], unit_end: int) -> re.Match | None:
        """The bare number after a dashed range with its unit in brackets right after an
        analyte's name ("Leukocytes (4.0–10.0 × 10^9/L): 15.6", "WBC count [4.0–10.0 ×
        10^9/L] 15.6"): the range is the reference of the value written after it; None otherwise."""
        if len(items) != 2 or not re.fullmatch(r"\s*[-–—]\s*", text[items[0].end : items[1].start]):
            return None
        if not re.search(r"[(\[]\s*$", text[max(0, items[0].start - 3) : items[0].start]):
            return None
        after = self.header_range_result.match(text, unit_end)
        if after is None or self.unit_follows.match(text, after.end("number")):
            return None
        low, high = parse_number(items[0].number, items[0].exponent), parse_number(items[1].number, items[1].exponent)
        return after if low is not None and high is not None and low < high else None

    def _thousands_per_ml(self, match: re.Match, items: list[Item]) -> None:
        """"A white blood count of 20.3 cells/ml": per millilitre with no power is read as a
        slip for per µL ("21,060/ml"), but a number below ``ml_slip_below`` per µL is no blood
        count; the writer meant thousands per µL, i.e. 10^9/L (20.3)."""
        if match.group("volume") is None or volume_key(match.group("volume"), self.patterns) != "ml":
            return
        for item in items:
            number = parse_number(item.number, item.exponent)
            if item.exponent == -3 and number is not None and number < self.ml_slip_below:  # read as per µL
                item.exponent = 0

    def _thousands_with_a_fraction(self, match: re.Match, items: list[Item]) -> None:
        """"A WBC count of 11.5/µL": a count per µL (or mm³) with no power of ten and a decimal
        fraction counts no whole cells; the writer dropped the "× 10^3" of thousands per µL, so
        the number is already in 10^9/L (11.5). "11.570/µL" groups thousands and stays 11,570/µL."""
        if match.group("volume") is None or volume_key(match.group("volume"), self.patterns) not in self.fraction_slip_volumes:
            return
        for item in items:
            number = parse_number(item.number, item.exponent)
            if item.exponent == -3 and number is not None and number != number.to_integral_value():
                item.exponent = 0

    def _range_after_a_value(self, text: str, items: list[Item]) -> bool:
        """True for a dashed range written right after a count with its own unit, with only
        spaces or a table's tab or one cell border between: "TLC\t13400 cells/mm3\t4000-10000
        cells/mm3" (the next column holds the reference range), "WBC | 8.4 x 103/µL | 4.8-10.8 x
        103/µL |" (a table scraped with its borders), "WBC 13,200/µL 4,000-10,000/µL"; and, in a
        table row, after a cell holding a bare number: "White blood cells\t13.5\t30.1\t4.0–10.0 ×
        103/µL" (the unit written once, in the reference column after one column per day)."""
        if len(items) != 2 or not re.fullmatch(r"\s*[-–—]\s*", text[items[0].end : items[1].start]):
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
        if len(items) != 2 or not re.fullmatch(r"\s*[-–—]\s*", text[items[0].end : items[1].start]):
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

    def _restated(self, text: str, item: Item) -> bool:
        """True when ``item`` is the count right before its bracket written in another unit:
        "15.3 × 10^9/L (15,300/µL)", "12,300/mm3 (12.3 × 10^9/L)"."""
        bracket = re.search(r"[(\[]\s*$", text[max(0, item.start - 5) : item.start])
        if bracket is None:
            return False
        end = len(text[: item.start - len(bracket.group())].rstrip())
        value = parse_number(item.number, item.exponent)
        for match in self.count.finditer(text, max(0, end - 40), end):
            if match.end() != end:
                continue
            exponent = unit_exponent(match, self.patterns)
            before = parse_number(match.group("number"), exponent) if exponent is not None else None
            if before is not None and value is not None:
                first, second = to_float(before, exponent), to_float(value, item.exponent)
                return abs(first - second) <= 0.01 * max(first, second)
        return False

    def quantities(self, text: str):
        """Each quantity match (percentage, concentration, temperature, dose), with the numbers
        before it that share its unit, as Items."""
        for match in self.quantity.finditer(text):
            unit = unit_of(match, self.patterns)
            if unit is None:
                continue
            first = Item(match.start("number"), match.end("number"), match.group("number"), match.end(), unit.exponent, unit=unit)
            items = self._list(text, first)
            cursor = items[0].start
            # "CRP was 39 (normal range: 0-5 mg/L)": the number before the bracket is the
            # patient's value in the bracket's unit; "112 mg/L (0-5 mg/L)": a reference range
            opening = self.reference_labelled.search(text, max(0, cursor - 60), cursor)
            if opening is not None and opening.end() == cursor:
                for item in items:
                    item.reference = True
                items.insert(0, Item(opening.start("number"), opening.end("number"), opening.group("number"), match.end(), unit.exponent, unit=unit))
            elif self._after_a_value(text, cursor, len(items) > 1):
                for item in items:
                    item.reference = True
            yield items

    def _flat_result(self, text: str, items: list[Item]) -> re.Match | None:
        """The result written just before a dashed range with only spaces and a flag between
        them ("12.3 H 4.0-10.0 x10^9/L"), or None. The result must not itself end a list or a
        range ("from 8 to 12 14-16") nor be a day or cycle number."""
        if len(items) != 2 or not re.fullmatch(r"\s*[-–—]\s*", text[items[0].end : items[1].start]):
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

    def _list(self, text: str, last: Item) -> list[Item]:
        """``last`` with the numbers before it that share its unit: "from 12,000 to 30,000/µL",
        "178.1, 172.7 and 4.2k/µL". The first separator back from the unit must be a word or a
        dash (a lone comma is not a list)."""
        items = [last]
        cursor = last.start
        while True:
            before = self.list_item.search(text, max(0, cursor - 40), cursor)
            if before is None or before.end() != cursor:
                break
            separator = text[before.end("number") : cursor]
            if len(items) == 1 and separator.strip() == ",":
                break
            if self.not_a_count_before.search(text, max(0, before.start() - 12), before.start()):
                break
            items.insert(0, Item(before.start("number"), before.end("number"), before.group("number"), last.unit_end, last.exponent, unit=last.unit))
            cursor = before.start("number")
        return items

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
