"""Reading a number written without a unit of its own as an analyte's value ("WBC was 18", "WBC
12.3 (4.0-10.0) ×10^9/L", a table cell under "WBC (×10^9/L)"): in the unit a table's header or
the bracket after it gives, else by the scale of its bracketed reference range, else by its
size (units.normalise_unitless). Also which ranges are a plausible white-cell reference range
(``reference_range_bounds`` of the patterns)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Analyte
from pipeline.nlp.measures.quantities import parse_quantity_number
from pipeline.nlp.measures.units import count_value, grammar, normalise_unitless, parse_number, unit_exponent, within


def unitless_scale(number_text: str) -> int:
    """The exponent a bare count was read in: per µL from 1000 up, else 10^9/L."""
    number = parse_number(number_text, -3)
    return -3 if number is not None and number >= 1000 else 0


class BareNumbers:
    """The value of a bare number in its analyte's unit (:meth:`value`)."""

    def __init__(self, spec: dict, patterns: str, analytes: str):
        self.patterns = patterns
        self.analytes_file = analytes  # plausible ranges are read from it
        self.count_unit = grammar(patterns)["unit"]
        self.other_unit_after_bracket = regex_cache.compile(spec["other_unit_after_bracket"])
        self.reference_bounds = spec.get("reference_range_bounds", {})

    def reference_scale(self, low, high) -> int | None:
        """1000 when the range ``low``-``high`` (numbers read per µL) is a plausible white-cell
        reference range per µL, 1 when it is one in 10^9/L, None when it is none."""
        scale = 1000 if high >= 1000 else 1
        (low_min, low_max), (high_min, high_max) = self.reference_bounds["low"], self.reference_bounds["high"]
        if not (low_min <= low / scale <= low_max and high_min <= high / scale <= high_max):
            return None
        return scale

    def value(self, text, number_text: str, exponent, number, bracket, analyte: Analyte, header: bool) -> float | None:
        """A bare number's value in the analyte's unit: in the header's unit when a table row
        names one (a header "×1000/mm3" over values of 1000 or more is a slip: they are per
        mm3), from its bracketed reference range, or by its size."""
        if exponent is not None:
            value = count_value(number_text, exponent, analyte.name, self.analytes_file)
            if value is None and header:
                value = normalise_unitless(number_text, analyte.name, self.patterns, self.analytes_file)
            return value
        if bracket is not None:
            return self._bracketed_result(text, number, bracket, analyte)
        if analyte.dimension == "count":
            return normalise_unitless(number_text, analyte.name, self.patterns, self.analytes_file)
        parsed = parse_quantity_number(number_text)
        return float(parsed) if parsed is not None and within(float(parsed), analyte.name, self.analytes_file) else None

    def _bracketed_result(self, text: str, number: re.Match, bracket: re.Match, analyte: Analyte) -> float | None:
        """A bare count followed by its reference range in brackets ("WBC 12.3 (4.0-10.0)
        ×10^9/L"): the value in 10^9/L, from the unit after the bracket, else from the scale
        of a range that is a plausible white-cell reference range; None otherwise."""
        unit = self.count_unit.match(text, bracket.end())
        if unit is not None:
            exponent = unit_exponent(unit, self.patterns)
            return count_value(number.group("number"), exponent, analyte.name, self.analytes_file) if exponent is not None else None
        elif self.other_unit_after_bracket.match(text[bracket.end() : bracket.end() + 20]):
            return None  # another unit ("(5-10)/hpf", a urine sediment)
        else:
            low, high = parse_number(bracket.group("low"), -3), parse_number(bracket.group("high"), -3)
            written = parse_number(number.group("number"), -3)
            if None in (low, high, written) or analyte.name != "wbc" or not self.reference_bounds:
                return None
            scale = self.reference_scale(low, high)
            if scale is None:
                return None
            value = float(written / scale)
        return value if within(value, analyte.name, self.analytes_file) else None
