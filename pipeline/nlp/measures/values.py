"""Finding the numbers of values with a unit: each count or quantity match, with the numbers
before it that share its unit (a list or a range: "from 12,000 to 30,000/µL", "178.1, 172.7 and
4.2k/µL"), as :class:`Item`s, its reference range marked (references.py); the count units a
writer slipped on ("20.3 cells/ml", "11.5/µL"), and a count restated in another unit ("15.3 ×
10^9/L (15,300/µL)"). Which analyte a number belongs to is not read here (assignment.py)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Item
from pipeline.nlp.measures.quantities import quantity_grammar, unit_of
from pipeline.nlp.measures.references import ReferenceRanges
from pipeline.nlp.measures.units import grammar, parse_number, per_litre_power, to_float, unit_exponent, volume_key


class ValueFinder:
    """The counts (:meth:`counts`) and other quantities (:meth:`quantities`) of a text, each
    match a list of :class:`Item`s that share its unit."""

    def __init__(self, spec: dict, patterns: str):
        self.patterns = patterns
        self.references = ReferenceRanges(spec, patterns)
        self.count = grammar(patterns)["count"]
        self.quantity = quantity_grammar(patterns)["quantity"]
        self.list_item = regex_cache.compile(spec["number"] + spec["list_separator"], re.VERBOSE)
        self.unit_alone = regex_cache.compile(r"[x×X*∗·]\s*$")
        self.fluid_powers = set(spec.get("fluid_litre_powers", []))
        self.ml_slip_below = float(spec.get("ml_slip_below", 0))
        self.fraction_slip_volumes = set(spec.get("fraction_slip_volumes", []))
        self.not_a_count_before = regex_cache.compile(spec["not_a_count_before"], re.IGNORECASE)

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
            self.references.mark_count(text, items, match.end(), exponent)
            yield items

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
            self.references.mark_quantity(text, items, match.end(), unit)
            yield items

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
