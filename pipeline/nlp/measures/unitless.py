"""The analytes read without a unit (the white-cell count): a bare number after the analyte's
keyword ("WBC was 18", "WBC of 12,000", "WBC 18K"), with the unit a table writes after the name
("WBC (×10^9/L) 12.3", "WBC | ×10^9/L | 12.3") or in a bracket after the number ("WBC 48.8*
(10^3/mm3)"), or the reference range in brackets after it ("WBC 12.3 (4.0-10.0)"); from the
first value on, the rest of its table row or column (table_values.py) and of its course
(courses.py)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding
from pipeline.nlp.measures.assignment import Assigner
from pipeline.nlp.measures.bare_numbers import BareNumbers, unitless_scale
from pipeline.nlp.measures.courses import Courses
from pipeline.nlp.measures.matches import Item, Keyword
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.qualifiers import ValueQualifiers
from pipeline.nlp.measures.table_values import TableValues
from pipeline.nlp.measures.units import grammar, parse_number, unit_exponent
from pipeline.nlp.measures.vocabulary import Vocabulary


def set_apart(header: re.Match) -> bool:
    """True for a table's unit written in brackets or in a cell of its own after the
    analyte's name ("WBC (109/L)", "WCC [109/L]", "WBC | 109/L |"): nothing but the name
    stands before it, so a power whose superscript was lost ("109") is still a power."""
    return bool(re.match(r"[^(\[|]*[(\[|]", header.group()))


class UnitlessReader:
    """Adds the values read after the keywords of the analytes read without a unit (:meth:`add`)
    to the findings (``spans``), skipping the characters already read (``seen``)."""

    def __init__(self, spec: dict, patterns: str, vocabulary: Vocabulary, assign: Assigner, bare: BareNumbers,
                 tables: TableValues, courses: Courses, qualify: ValueQualifiers):
        self.patterns = patterns
        self.vocabulary = vocabulary
        self.assign = assign
        self.bare = bare
        self.tables = tables
        self.courses = courses
        self.qualify = qualify
        self.number = grammar(patterns)["number"]
        self.bracketed_reference = regex_cache.compile(spec.get("bracketed_reference", "(?!)"))
        self.unitless_link = regex_cache.compile(spec["unitless_link"], re.VERBOSE)
        self.comma_reference_link = regex_cache.compile(spec.get("comma_reference_link", "(?!)"))
        self.slash_lost_volume = regex_cache.compile(spec.get("slash_lost_volume", "(?!)"))
        self.thousands_suffix = regex_cache.compile(spec.get("thousands_suffix", "(?!)"))
        self.bare_power = regex_cache.compile(spec.get("bare_power", "(?!)"))
        self.unit_follows = regex_cache.compile(spec["unit_follows"])
        # a table's unit written after the analyte's name: "WBC (×10^9/L) 12.3", "WBC, ×10^9/L: 12.3",
        # "WBC | ×10^9/L | 12.3" (a scraped table's unit column)
        # the laboratory's reference range may share the name's bracket with the unit, before or
        # after it: "WBC (×10^9/L, 4.8-18.5)", "WBC (4.8-18.5; ×10^9/L)", or stand in a bracket of
        # its own after the unit: "WBC, × 10^9/L (3.5–9.5)"
        self.header_unit = regex_cache.compile(
            r"(?:\s+(?:counts?|levels?))?\s*[,|]?\s*(?:" + spec.get("name_bracket_range_first", "(?!)") + r"|[(\[])?\s*" + spec["unit"]
            + r"(?:" + spec.get("name_bracket_range", "(?!)") + r")?\s*[)\]]?"
            + r"(?:" + spec.get("name_range_after_unit", "(?!)") + r")?", re.VERBOSE)
        # a bare value's own unit in brackets right after it, a laboratory's flag for a high or
        # low result may stand between: "WBC 48.8* (10^3/mm3)", "white cell count 29.6 (109 cells/L)"
        self.bracketed_unit = regex_cache.compile(r"[ \t]*(?:[*↑↓]|HH?|LL?)?[ \t]*[(\[][ \t]*" + spec["unit"] + r"[ \t]*[)\]]", re.VERBOSE)

    def add(self, text, keyword: Keyword, spans, seen) -> None:
        """The value a bare number after an analyte's keyword gives ("WBC was 18", "WBC 18K", "WBC
        12.3 (4.0-10.0)", "WBC (×10^9/L)\t12.1\t15.3"), with the further cells of its table row or
        column and the later values of its course."""
        analyte = self.vocabulary.unitless_analyte(keyword.family)
        if analyte is None:
            return
        header = self.header_unit.match(text, keyword.end) if analyte.dimension == "count" else None
        exponent = unit_exponent(header, self.patterns, alone=set_apart(header)) if header is not None else None
        if header is not None and exponent is None:
            return
        name_end = header.end() if header else keyword.end
        # "Day | WBC (×10^9/L) | Hb" over "1 | 12.1 | 10.2": the name heads a column of values
        if analyte.name == "wbc" and self.tables.add_column(text, name_end, keyword, exponent, analyte, spans, seen):
            return
        # "WBC (/µL)\t3,300-9,000\t12,000\t25,200": the reference column comes first, the
        # patient's values in the cells after it
        past_reference = self.tables.past_reference_cell(text, keyword.end, name_end, analyte)
        link = self.unitless_link.match(text, name_end) if past_reference is None else None
        if link is None and past_reference is None and header is None and analyte.dimension == "count":
            link = self.comma_reference_link.match(text, name_end)  # "white blood cells, 8.79 (3.5–9.5) × 10^9/L"
        if past_reference is None and link is None:
            return
        number = self.tables.row_cell.match(text, past_reference) if past_reference is not None else self.number.match(text, link.end())
        if number is None:
            return
        # "WBC 12.3 (4.0-10.0)", and with the table's unit after the name: "WBC (10^9/L) 12.3 (4.0-10.0)"
        bracket = self.bracketed_reference.match(text, number.end()) if analyte.dimension == "count" else None
        # "WBC 18K": thousands per µL, the number in 10^9/L
        thousands = analyte.dimension == "count" and header is None and (
            self.thousands_suffix.match(text, number.end()) or self.bare_power.match(text, number.end())
        )
        if thousands:
            exponent = 0
        own_unit = self.bracketed_unit.match(text, number.end()) if analyte.dimension == "count" and header is None else None
        if own_unit is not None:
            # the bracket sets the unit apart as a table's header does: a power whose
            # superscript was lost ("109") is still a power
            exponent = unit_exponent(own_unit, self.patterns, alone=True)
            if exponent is None:
                return
        if (bracket is None and not thousands and own_unit is None and past_reference is None and self.unit_follows.match(text, number.end())
                and not self._slash_lost(text, number)):
            return
        item = Item(number.start("number"), number.end("number"), number.group("number"), number.end("number"), -3)
        if (item.start, item.end) in seen:
            return
        sentence, keywords = self.assign.context(text, item.start)
        nearest, _ = self.assign.assigned(text, item, sentence, keywords)
        if nearest is None or nearest.family != keyword.family or not nearest.start <= keyword.start < nearest.end:
            return
        value = self.bare.value(text, item.number, exponent, number, bracket, analyte, header is not None)
        if value is None or self.qualify.in_other_fluid(text, keyword, item, sentence):
            return
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, item.number, threshold, comparator)
        seen.add((item.start, item.end))
        if not self.qualify.in_other_fluid_column(text, item.start):  # "WBC | 560 | 14,200" under "CSF | Blood"
            spans.append(Finding(item.start, item.end, analyte.label, measure))
        if bracket is None and not thousands:
            self.tables.add_row_cells(text, item, exponent, analyte, header is not None, measure, spans, seen, keyword.start)
        if analyte.name == "wbc" and not measure.threshold and bracket is None:
            # "WBC was 15.2 on day 3 and 18.4 on day 5", "WBC 18 → 12 → 9": the later bare
            # numbers are read in the scale the first was read in
            scale = exponent if exponent is not None else 0 if thousands else unitless_scale(item.number)
            cursor = item.end
            if link is not None and link.group().rstrip().endswith("from"):  # "WBC rose from 21 to 31"
                cursor = self.courses.range_end(text, cursor, scale, analyte.unit, spans, seen)
            self.courses.continue_course(text, cursor, scale, analyte.unit, spans, seen)

    def _slash_lost(self, text: str, number: re.Match) -> bool:
        """True for a count of 1000 or more followed by a per-µL volume without its slash
        ("21,860 μL"): a count per µL, not a volume."""
        if not self.slash_lost_volume.match(text, number.end()):
            return False
        value = parse_number(number.group("number"), -3)
        return value is not None and value >= 1000
