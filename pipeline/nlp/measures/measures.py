"""Finds laboratory values and clinical measures and gives each to its analyte ("WBC:
5.93*109/L", "leukocytosis (47,680/µl)", "neutrophils: 58%", "Hb 10.7 g/dL", "SCCA and CA125
had decreased to 1.0 ng/ml and 49.46 U/L, respectively", "a fever of 39.2°C", "a 68*63*58 mm
mass", "45 Gy in 25 fractions").

A value is a number with a unit, found by regex over ``doc.text`` (scispaCy keeps "109/L" or
"30,400/µL" in one token, so token patterns are fragile): a cell count (units.py), another
quantity (quantities.py) or a tumour size. Numbers just before it that share its unit ("from
12,000 to 30,000/µL") are values too. Each value goes to the nearest analyte keyword before it
in its sentence, or, in a "respectively" sentence, to the keyword in the same list position;
the keyword's family and the unit's dimension name the analyte (``models/measures/analytes.tsv``:
a NEUT keyword with a count is the neutrophil count, with a percentage the neutrophil
fraction). Temperatures, radiation doses and tumour sizes are known from their unit alone.
Only analytes marked ``emit`` are written out; the others are known so that their values are
not taken for another analyte's. A white-cell count's table row or column is read cell by cell:
the cells of the layouts flattened without tabs or borders (values side by side with spaces, a
column under the name in the header row) are found by table_rows.py. Whether a value is a
patient's result or a threshold, and blood's or another fluid's, is read by qualifiers.py; the
keyword, number and analyte records it passes around are in matches.py.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding, fill_template
from pipeline.nlp.measures import table_rows
from pipeline.nlp.measures.matches import Analyte, Item, Keyword
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.qualifiers import ValueQualifiers
from pipeline.nlp.measures.quantities import (
    Unit,
    convert,
    parse_quantity_number,
    parse_unit,
    quantity_grammar,
    unit_of,
)
from pipeline.nlp.measures.units import (
    count_value,
    grammar,
    normalise_unitless,
    parse_number,
    per_litre_power,
    to_float,
    unit_exponent,
    volume_key,
    within,
)
from pipeline.nlp.text import merge_windows
from pipeline.resources import read_table

GROUP = "measures"
YES = {"yes", "true", "1"}
# A value restated in brackets right after another one: "12.3 ×10^9/L (85%)", "45 mg/L (4.5 mg/dL)".
# The names of a "respectively" list ("HbA1c, WBC, Ht value and ferritin were ..."): split at
# commas and "and", after the verb or colon that ends the list is taken off.
LIST_SPLIT = regex_cache.compile(r",\s*(?:and\s+)?|\s+and\s+")
LIST_VERB = regex_cache.compile(r"(?:\s+(?:were|was|are|is|of|measured|showed|revealed)\b)?[\s:=]*$")
# The gap between two cells of a table row: spaces or tabs, with at most one cell border ("|")
# of a table scraped from a web page.
CELL_GAP = regex_cache.compile(r"[ \t\u00a0]*(?:\|[ \t\u00a0]*)?$")
# The start of the next cell of a table row: tabs or one cell border (none when the text before
# already ended with them).
CELL_START = regex_cache.compile(r"[ ]*(?:\t+|\|)?[ ]*")
RESTATED = regex_cache.compile(r"\s*(?:[^\s\d()\[\]]{1,12}\s*)?[(\[]\s*")


class MeasureMatcher(Component):
    """Puts laboratory values and measures in ``doc.spans["measures"]`` with a
    :class:`Measure` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_measures")
    >>> doc = nlp("On admission her WBC count was 30,400/µL and rose to 70.37*109/L.")
    >>> [(s.label_, s._.value.value) for s in doc.spans["measures"]]
    [('WBC', 30.4), ('WBC', 70.37)]
    >>> doc = nlp("Hb was 10.7 g/dL, CRP 112 mg/L (normal <5 mg/L) and her temperature 39.2 °C.")
    >>> [(s.label_, s._.value.value, s._.value.unit) for s in doc.spans["measures"] if not s._.value.threshold]
    [('HAEMOGLOBIN', 107.0, 'g/L'), ('CRP', 112.0, 'mg/L'), ('TEMPERATURE', 39.2, '°C')]
    """

    group = GROUP

    def __init__(
        self,
        nlp: Language,
        name: str = "caselit_measures",
        patterns: str = "patterns/measures.toml",
        keywords: str = "measures/keywords.tsv",
        analytes: str = "measures/analytes.tsv",
        unitless: bool = True,
    ):
        super().__init__(nlp, name)
        self.patterns = patterns
        self.analytes_file = analytes  # plausible ranges are read from it too
        tables = grammar(patterns)
        spec = tables["spec"]
        self.count = tables["count"]
        self.number = tables["number"]
        # any number, with its count unit when it has one (units hold digits: "10^9", "mm3");
        # the count's own groups are renamed so that the two alternatives do not clash
        self.item = regex_cache.compile("(?P<count>" + spec["number"].replace("?P<number>", "?:") + r"\s*" + spec["unit"].replace("?P<", "?P<u_") + ")|" + spec["number"], re.VERBOSE)
        self.list_item = regex_cache.compile(spec["number"] + spec["list_separator"], re.VERBOSE)
        self.reference_open = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*$", re.VERBOSE)
        self.flat_reference = regex_cache.compile(spec["number"] + spec.get("flat_reference_gap", "(?!)"), re.VERBOSE)
        self.bracketed_reference = regex_cache.compile(spec.get("bracketed_reference", "(?!)"))
        self.unit_alone = regex_cache.compile(r"[x×X*∗·]\s*$")
        self.reference_word_bracket = regex_cache.compile(spec.get("reference_word_bracket", "(?!)"))
        self.header_range_result = regex_cache.compile(r"\s*[)\]]\s*[:=]?\s*" + spec["number"], re.VERBOSE)
        self.reference_bounds = spec.get("reference_range_bounds", {})
        self.count_unit = tables["unit"]
        self.reference_labelled = regex_cache.compile(spec["number"] + r"\s*[(\[]\s*" + spec["reference_label"] + "$", re.VERBOSE)
        self.bracket_open = regex_cache.compile(r"[(\[]\s*(?:" + spec["reference_label"] + r")?(?:[<>≤≥]=?\s*)?$")
        self.unitless_link = regex_cache.compile(spec["unitless_link"], re.VERBOSE)
        self.slash_lost_volume = regex_cache.compile(spec.get("slash_lost_volume", "(?!)"))
        self.thousands_suffix = regex_cache.compile(spec.get("thousands_suffix", "(?!)"))
        self.bare_power = regex_cache.compile(spec.get("bare_power", "(?!)"))
        self.fluid_powers = set(spec.get("fluid_litre_powers", []))
        self.ml_slip_below = float(spec.get("ml_slip_below", 0))
        self.fraction_slip_volumes = set(spec.get("fraction_slip_volumes", []))
        self.row_cell = regex_cache.compile(fill_template(spec.get("row_cell", "(?!)"), {"number": spec["number"]}), re.VERBOSE)
        bare_number = spec["number"].replace("?P<number>", "?:")
        self.row_reference_cell = regex_cache.compile(fill_template(spec.get("row_reference_cell", "(?!)"), {"number": bare_number}), re.VERBOSE)
        # a table cell holding a bare number, ending where the next cell's gap begins
        self.bare_cell_before = regex_cache.compile(r"(?:^|[\t|])[ \u00a0]*" + spec["number"] + r"[ \u00a0]*$", re.VERBOSE | re.MULTILINE)
        # a table's unit written after the analyte's name: "WBC (×10^9/L) 12.3", "WBC, ×10^9/L: 12.3",
        # "WBC | ×10^9/L | 12.3" (a scraped table's unit column)
        # the laboratory's reference range may share the name's bracket with the unit, before or
        # after it: "WBC (×10^9/L, 4.8-18.5)", "WBC (4.8-18.5; ×10^9/L)", or stand in a bracket of
        # its own after the unit: "WBC, × 10^9/L (3.5–9.5)"
        self.header_unit = regex_cache.compile(
            r"(?:\s+(?:counts?|levels?))?\s*[,|]?\s*(?:" + spec.get("name_bracket_range_first", "(?!)") + r"|[(\[])?\s*" + spec["unit"]
            + r"(?:" + spec.get("name_bracket_range", "(?!)") + r")?\s*[)\]]?"
            + r"(?:" + spec.get("name_range_after_unit", "(?!)") + r")?", re.VERBOSE)
        # the reading of table layouts the sentences do not show (table_rows.py)
        self.spaced_row_last_cell = regex_cache.compile(fill_template(spec.get("spaced_row_last_cell", "(?!)"), {"unit": spec["unit"]}), re.VERBOSE)
        self.column_value_cell = regex_cache.compile(fill_template(spec.get("column_value_cell", "(?!)"), {"number": spec["number"]}), re.VERBOSE)
        self.reference_row = regex_cache.compile(spec.get("reference_row", "(?!)"), re.IGNORECASE)
        self.comma_reference_link = regex_cache.compile(spec.get("comma_reference_link", "(?!)"))
        # a bare value's own unit in brackets right after it, a laboratory's flag for a high or
        # low result may stand between: "WBC 48.8* (10^3/mm3)", "white cell count 29.6 (109 cells/L)"
        self.bracketed_unit = regex_cache.compile(r"[ \t]*(?:[*↑↓]|HH?|LL?)?[ \t]*[(\[][ \t]*" + spec["unit"] + r"[ \t]*[)\]]", re.VERBOSE)
        self.respectively = regex_cache.compile(spec["respectively"], re.IGNORECASE)
        self.not_a_count_before = regex_cache.compile(spec["not_a_count_before"], re.IGNORECASE)
        self.unit_follows = regex_cache.compile(spec["unit_follows"])
        self.continued = regex_cache.compile(fill_template(spec["continued"], {"time": spec["continued_time"]}))
        self.arrow_step = regex_cache.compile(spec.get("arrow_step", "(?!)"))
        self.range_end_step = regex_cache.compile(spec.get("range_end_step", "(?!)"))
        self.keyword_joint = regex_cache.compile(spec["keyword_joint"])
        self.value_follows = regex_cache.compile(spec["value_follows"])
        self.range_or_list_before = regex_cache.compile(spec["range_or_list_before"])
        self.other_unit_after_bracket = regex_cache.compile(spec["other_unit_after_bracket"])
        self.qualify = ValueQualifiers(spec)
        self.counted_as = regex_cache.compile(spec.get("counted_as", "(?!)"), re.IGNORECASE | re.VERBOSE)
        self.sentence_end = regex_cache.compile(spec["sentence_end"])
        self.max_distance = int(spec.get("max_keyword_distance", 250))
        self.max_quantity_distance = int(spec.get("max_quantity_distance", 100))
        quantities = quantity_grammar(patterns)
        self.quantity = quantities["quantity"]
        self.size = quantities["size"]
        self.size_number = quantities["size_number"]
        self.dose_fractions = regex_cache.compile(spec["dose_fractions"])
        self.dose_per_fraction_after = regex_cache.compile(spec["dose_per_fraction_after"], re.IGNORECASE)
        self.dose_times_after = regex_cache.compile(spec["dose_times_after"])
        self.dose_fractions_before = regex_cache.compile(spec["dose_fractions_before"], re.IGNORECASE)
        self.not_body_temperature = regex_cache.compile(spec["not_body_temperature"])
        self.size_after = regex_cache.compile(spec["size_after"] + spec["lesion"] + r"(?![A-Za-z])")
        self.size_before = regex_cache.compile(r"(?<![A-Za-z])" + spec["lesion"] + spec["size_before"])
        self.unitless = unitless
        self.analytes = [
            Analyte(
                row["analyte"],
                row["family"],
                row["emit"].lower() in YES,
                row["dimension"],
                row["canonical_unit"],
                row["unitless"].lower() in YES,
                dict(slip.split("=", 1) for slip in row["slips"].split(",") if "=" in slip),
            )
            for row in read_table(analytes)
        ]
        self.of_family: dict[str, list[Analyte]] = {}
        for analyte in self.analytes:
            self.of_family.setdefault(analyte.family, []).append(analyte)
        # measures known from their unit alone: temperature, dose, length
        self.by_dimension = {a.dimension: a for a in self.of_family.get("-", [])}
        keyword_rows = read_table(keywords)
        self.keyword_family = {f"k{i}": row["family"] for i, row in enumerate(keyword_rows)}
        self.keywords = self._keyword_regex(keyword_rows, lambda row: True)
        # keywords of the analytes read without a unit, to find them in the whole text
        self.unitless_families = {a.family for a in self.analytes if a.unitless and a.emit}
        self.emitted_keywords = self._keyword_regex(keyword_rows, lambda row: row["family"] in self.unitless_families)
        # per unit dimension, the keywords of the emitted analytes measured in it: a quick look
        # for one near a quantity saves the scan with every keyword around most percentages
        accepting: dict[str, set[str]] = {}
        for analyte in self.analytes:
            if analyte.emit and analyte.family != "-":
                dimensions = {analyte.dimension} | {unit.dimension for unit in (parse_unit(slip, patterns) for slip in analyte.slips) if unit}
                for dimension in dimensions:
                    accepting.setdefault(dimension, set()).add(analyte.family)
        self.candidates = {
            dimension: self._keyword_regex(keyword_rows, lambda row, families=families: row["family"] in families)
            for dimension, families in accepting.items()
        }

    @staticmethod
    def _keyword_regex(rows, keep) -> re.Pattern:
        alternatives = [rf"(?P<k{i}>{row['pattern']})" for i, row in enumerate(rows) if keep(row)]
        if not alternatives:
            return regex_cache.compile("(?!)")
        # one look-behind for all alternatives: three times faster than one each
        return regex_cache.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])", re.IGNORECASE)

    def find(self, doc: Doc, text: str) -> list[Finding]:
        """Counts, other quantities, tumour sizes and unitless counts, each as a
        :class:`Finding` normalised to its analyte's canonical unit."""
        spans, seen = [], set()
        # Keywords are looked for only around values: one scan of the whole text with every
        # analyte's keywords would cost more than the tokenizer.
        for items in self._counts(text):
            for item in items:
                self._add(doc, text, item, items[0].start, spans, seen)
        for finding in [f for f in spans if f.label == "WBC" and not f.value.threshold]:
            self._add_continued(text, finding, spans, seen)
        groups = list(self._quantities(text))
        # the keywords around all quantities, found in one scan of their merged windows
        reach = self.max_quantity_distance + 50
        near = []
        for items in groups:
            for item in items:
                item.near = self.by_dimension.get(item.unit.dimension) is None and self._may_have_keyword(text, item, reach)
                if item.near:
                    near.append((item.start, item.end))
        keywords = [k for start, end in merge_windows(near, reach, reach, len(text)) for k in self._keywords(text, start, end)]
        for items in groups:
            for item in items:
                self._add_quantity(doc, text, item, items[0].start, keywords, spans, seen)
        for match in self.size.finditer(text):
            self._add_size(doc, text, match, spans, seen)
        if self.unitless:
            for match in self.emitted_keywords.finditer(text):
                keyword = Keyword(match.start(), match.end(), self.keyword_family[match.lastgroup])
                self._add_unitless(doc, text, keyword, spans, seen)
        return spans

    # -- finding numbers -------------------------------------------------------------------

    def _keywords(self, text: str, start: int, end: int) -> list[Keyword]:
        """Keyword matches in text[start:end], with "white blood cell (WBC) count" merged into one."""
        merged: list[Keyword] = []
        for match in self.keywords.finditer(text, start, end):
            keyword = Keyword(match.start(), match.end(), self.keyword_family[match.lastgroup])
            if merged and merged[-1].family == keyword.family and self.keyword_joint.fullmatch(text[merged[-1].end : keyword.start]):
                merged[-1].end = keyword.end
            else:
                merged.append(keyword)
        return merged

    def _counts(self, text: str):
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

    def _quantities(self, text: str):
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
            scale = 1000 if high >= 1000 else 1
            (low_min, low_max), (high_min, high_max) = self.reference_bounds["low"], self.reference_bounds["high"]
            if not (low_min <= low / scale <= low_max and high_min <= high / scale <= high_max):
                return None
            value = float(written / scale)
        return value if within(value, analyte.name, self.analytes_file) else None

    def _may_have_keyword(self, text: str, item: Item, reach: int) -> bool:
        """True when a keyword of an analyte measured in the item's unit stands near it."""
        candidates = self.candidates.get(item.unit.dimension)
        if candidates is None:
            return False
        if candidates.search(text, max(0, item.start - reach), item.start):
            return True
        return item.unit.dimension == "percent" and self._keyword_after(text, item, candidates) is not None

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

    # -- giving numbers to analytes --------------------------------------------------------

    def _sentence(self, text: str, position: int) -> tuple[int, int]:
        start = low = max(0, position - 1000)
        for boundary in self.sentence_end.finditer(text, low, position + 1):
            if boundary.end() <= position:
                start = boundary.end()
        following = self.sentence_end.search(text, position, position + 1000)
        end = following.start() if following else min(len(text), position + 1000)
        return start, end

    def _context(self, text: str, position: int) -> tuple[tuple[int, int], list[Keyword]]:
        """The sentence around ``position`` and the keywords near it in that sentence."""
        start, end = self._sentence(text, position)
        window = (max(start, position - self.max_distance), min(end, position + self.max_distance))
        return (start, end), self._keywords(text, *window)

    def _assigned(self, text, item: Item, sentence, keywords: list[Keyword]) -> tuple[Keyword | None, bool]:
        """The keyword the value belongs to, and whether it was found by list position in a
        "respectively" sentence."""
        start, end = sentence
        before = [k for k in keywords if k.end <= item.start]
        if not before:
            return None, False
        nearest = before[-1]
        respectively = self.respectively.search(text, item.end, end)
        if respectively and not any(item.end <= k.start <= respectively.start() for k in keywords):
            by_name = self._listed_by_name(text, item, start, respectively.start(), keywords)
            if by_name is not None:
                return by_name[0], True
            # "WBC, absolute neutrophils and monocytes were 178.1, 172.7 and 4.2 k/µL, respectively"
            values, previous_end = [], None
            for match in self.item.finditer(text, nearest.end, respectively.start()):
                # "2% (176/µL)": the bracketed value restates the one before it
                if previous_end is None or not RESTATED.fullmatch(text, previous_end, match.start()):
                    values.append(match.start())
                previous_end = match.end()
            count = min(len(values), len(before))
            if count > 1 and item.start in values[-count:]:
                return before[-count:][values[-count:].index(item.start)], True
        return nearest, False

    def _listed_by_name(self, text: str, item: Item, start: int, stop: int,
                        keywords: list[Keyword]) -> tuple[Keyword | None] | None:
        """In "HbA1c, WBC, RBC, Ht value and ferritin were 5.6%, 4,000/µL, 438 x 104/µL, 39.4% and
        169 ng/mL, respectively", the name in the list position of the value, counting every
        name of the list (also those caselit does not read: HbA1c, Ht): (its keyword,) or (None,)
        when the name at that position is none of ``keywords``. None when the names and the
        values do not pair up one to one (then the keywords alone are paired)."""
        values, previous_end, depth = [], None, 0
        first = None
        for match in self.item.finditer(text, start, stop):
            if not any(k.end <= match.start() for k in keywords):
                continue  # a number before the list of names ("On day 3, ...")
            if first is None:
                first = match.start()
            between = text[previous_end if previous_end is not None else first:match.start()]
            depth = max(0, depth + between.count("(") + between.count("[") - between.count(")") - between.count("]"))
            previous_end = match.end()
            if depth == 0:  # "4,000/µL (Neut/Lymp=1.19)": a bracketed number restates or details
                values.append(match.start())
        if first is None or item.start not in values:
            return None
        names_text = LIST_VERB.sub("", text[start:first])
        names = [n for n in LIST_SPLIT.split(names_text) if n.strip()]
        if len(names) != len(values) or len(names) < 2:
            return None
        offsets, cursor = [], start
        for name in names:
            cursor = text.index(name, cursor)
            offsets.append((cursor, cursor + len(name)))
            cursor += len(name)
        low, high = offsets[values.index(item.start)]
        inside = [k for k in keywords if low <= k.start and k.end <= high]
        return (inside[-1] if inside else None,)

    def _first_value_after(self, text: str, keyword: Keyword, first: int) -> bool:
        """True when no other value stands between the keyword and the value's list starting
        at ``first`` ("CRP 45 mg/L, D-dimer 2.5 mg/L": 2.5 is not CRP's), save a day or cycle
        number ("CRP on day 3 was 45 mg/L") and the value restated in brackets ("(85%)")."""
        last = None
        for match in self.item.finditer(text, keyword.end, first):
            if not self.not_a_count_before.search(text, max(0, match.start() - 12), match.start()):
                last = match
        return last is None or RESTATED.fullmatch(text, last.end(), first) is not None

    def _analyte(self, family: str, unit: Unit | None) -> tuple[Analyte, Unit | None] | None:
        """The analyte of ``family`` measured in ``unit`` (None: a cell count), and the unit
        the value is read in (after the analyte's unit slips)."""
        for analyte in self.of_family.get(family, ()):
            if unit is None:
                if analyte.dimension == "count":
                    return analyte, None
                continue
            read = parse_unit(analyte.slips[unit.name], self.patterns) if unit.name in analyte.slips else unit
            if read is not None and read.dimension == analyte.dimension:
                return analyte, read
        return None

    def _add(self, doc, text, item: Item, first: int, spans, seen) -> None:
        if (item.start, item.end) in seen:
            return
        sentence, keywords = self._context(text, item.start)
        keyword, listed = self._assigned(text, item, sentence, keywords)
        # "1,300 /µL WBC, 30,000 /µL platelets": the name written after the unit, unless a name
        # before is followed by this value ("WBC 18,000/mm3 neutrophil predominance")
        label = self._label_after(text, item) if not listed and (keyword is None or not self._value_follows(text, keyword)) else None
        if label is not None:
            keyword = label
        found = self._analyte(keyword.family, None) if keyword else None
        if found is None or not found[0].emit:
            return
        if keyword and not listed and not self._first_value_after(text, keyword, first):
            # "a leukocyte count of 21,000/mm3, including 16,400/mm3 neutrophils": a second value
            # with another analyte's name right after its unit is that analyte's
            after = self._keyword_after(text, item)
            if after is not None and after.family != keyword.family and not self._value_follows(text, after):
                found = self._analyte(after.family, None)
                if found is None or not found[0].emit:
                    return
                keyword = Keyword(item.start, item.start, after.family)
        analyte = found[0]
        # the white-cell count keeps its own, tested rules; other counts must follow their keyword
        if analyte.name != "wbc" and not listed and not self._first_value_after(text, keyword, first):
            return
        number = parse_number(item.number, item.exponent)
        if number is None:
            return
        value = to_float(number, item.exponent)
        if not within(value, analyte.name, self.analytes_file) or self.qualify.in_other_fluid(text, keyword, item, sentence):
            return
        if self.qualify.in_other_fluid_column(text, item.start):
            return
        end = item.unit_end if self._has_own_unit(self.count, text, item) else item.end
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, text[item.start : end], threshold or item.reference, comparator)
        seen.add((item.start, item.end))
        spans.append(Finding(item.start, end, analyte.label, measure))

    def _add_quantity(self, doc, text, item: Item, first: int, near: list[Keyword], spans, seen) -> None:
        if (item.start, item.end) in seen:
            return
        analyte = self.by_dimension.get(item.unit.dimension)
        if analyte is not None:
            # known from the unit: the qualifiers read the words just before the value
            sentence = self._sentence(text, item.start)
            keyword = self._words_before(text, sentence, item.start)
            read = item.unit
        elif not item.near:
            return
        else:
            sentence = self._sentence(text, item.start)
            reach = self.max_quantity_distance + 50
            low, high = max(sentence[0], item.start - reach), min(sentence[1], item.start + reach)
            keywords = [k for k in near if low <= k.start and k.end <= high]
            keyword = self._keyword_after(text, item) if item.unit.dimension == "percent" else None
            if keyword is None:
                keyword, listed = self._assigned(text, item, sentence, keywords)
                if keyword is None or item.start - keyword.end > self.max_quantity_distance:
                    return
                # a reference range in brackets belongs to the value just before it
                if not listed and not item.reference and not self._first_value_after(text, keyword, first):
                    return
            found = self._analyte(keyword.family, item.unit)
            if found is None:
                return
            analyte, read = found
            if keyword.start > item.start:  # "80% polymorphs": qualifiers read the words before
                keyword = Keyword(item.start, item.start, keyword.family)
            if self.qualify.in_other_fluid(text, keyword, item, sentence):
                return
        if not analyte.emit:
            return
        number = parse_quantity_number(item.number)
        target = parse_unit(analyte.unit, self.patterns)
        value = convert(number, read, target) if number is not None and target is not None else None
        if value is None:
            return
        fractions = None
        if analyte.dimension == "dose":
            dose = self._dose(text, item, value)
            if dose is None:
                return
            value, fractions = dose
        elif analyte.dimension == "temperature" and self.not_body_temperature.search(text, max(sentence[0], item.start - 80), item.start):
            return
        value = float(value)
        if not within(value, analyte.name, self.analytes_file):
            return
        end = item.unit_end if self._has_own_unit(self.quantity, text, item) else item.end
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, text[item.start : end], threshold or item.reference, comparator, fractions=fractions)
        seen.add((item.start, item.end))
        spans.append(Finding(item.start, end, analyte.label, measure))

    @staticmethod
    def _words_before(text: str, sentence, position: int) -> Keyword:
        """A stand-in keyword for a measure known from its unit: the qualifiers then read the
        few words before the value, cut after the last number or bracket ("CRP 12 mg/L
        (normal <5) and a temperature of 39 °C" is not a reference range of temperature)."""
        start = max(sentence[0], position - 40)
        words = text[start:position]
        cut = max(words.rfind(c) for c in "0123456789;)")
        start += cut + 1
        return Keyword(start, start, "-")

    def _label_after(self, text: str, item: Item) -> Keyword | None:
        """The analyte's name written right after a value's own unit, with no value of its own
        ("1,300 /µL WBC, 30,000 /µL platelets", "dropped to 1.8 × 10^9/L leukocytes"), as a
        keyword standing at the value; None otherwise. Only spaces may stand between (a tab is
        the next cell of a table)."""
        if not self._has_own_unit(self.count, text, item):
            return None
        after = self._keyword_after(text, item)
        if after is None or "\t" in text[item.unit_end : after.start] or self._value_follows(text, after):
            return None
        return Keyword(item.start, item.start, after.family)

    def _value_follows(self, text: str, keyword: Keyword) -> bool:
        """True when a number follows the keyword closely ("neutrophils 80%"): the keyword
        names that value, not the one before it."""
        return self.value_follows.match(text[keyword.end : keyword.end + 20]) is not None

    def _keyword_after(self, text: str, item: Item, keywords: re.Pattern | None = None) -> Keyword | None:
        """The keyword right after a percentage: "80% polymorphs", "12% lymphocytes", or after
        a verb that names what the value counted: "of which 0.4 × 10^9/L were neutrophils"."""
        position = item.unit_end
        while position < len(text) and text[position] in " \t\u00a0":
            position += 1
        verb = self.counted_as.match(text, position)
        if verb is not None:
            position = verb.end()
        match = (keywords or self.keywords).match(text, position)
        return Keyword(match.start(), match.end(), self.keyword_family[match.lastgroup]) if match else None

    def _dose(self, text: str, item: Item, value):
        """(total dose, fractions) of a dose in Gy, or None for one fraction's dose whose total
        is not written with it ("2 Gy per fraction")."""
        after = text[item.unit_end : item.unit_end + 40]
        before = self.dose_fractions_before.search(text, max(0, item.start - 40), item.start)
        if before is not None:
            # "25 fractions of 1.8 Gy": the total, unless it is written just before
            if not before.group("fractions") or "Gy" in text[max(0, item.start - 60) : before.start()]:
                return None
            fractions = int(before.group("fractions"))
            return value * fractions, fractions
        times = self.dose_times_after.match(after)
        if times is not None:
            fractions = int(times.group("fractions"))
            return value * fractions, fractions
        if self.dose_per_fraction_after.match(after):
            return None
        written = self.dose_fractions.match(after)
        return value, int(written.group("fractions")) if written else None

    def _add_size(self, doc, text, match: re.Match, spans, seen) -> None:
        """A tumour size: two or three dimensions, or one next to a lesion word."""
        analyte = self.by_dimension.get("length")
        if analyte is None or not analyte.emit or (match.start(), match.end()) in seen:
            return
        parts = [(m.group("number"), m.group("unit")) for m in self.size_number.finditer(match.group())]
        sentence = self._sentence(text, match.start())
        if len(parts) == 1 and not (
            self.size_after.match(text, match.end())
            or self.size_before.search(text, max(sentence[0], match.start() - 70), match.start())
        ):
            return
        dimensions = []
        unit = parts[-1][1]
        for number_text, written_unit in reversed(parts):
            unit = written_unit or unit  # "3 x 4 cm": a dimension takes the next unit written
            number = parse_quantity_number(number_text)
            value = convert(number, parse_unit(unit, self.patterns), parse_unit(analyte.unit, self.patterns)) if number is not None else None
            if value is None:
                return
            dimensions.insert(0, float(value))
        largest = max(dimensions)
        if not within(largest, analyte.name, self.analytes_file):
            return
        item = Item(match.start(), match.end(), parts[0][0], match.end(), 0)
        keyword = self._words_before(text, sentence, item.start)
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, largest, analyte.unit, match.group(), threshold, comparator, dimensions=tuple(dimensions))
        seen.add((match.start(), match.end()))
        spans.append(Finding(match.start(), match.end(), analyte.label, measure))

    def _has_own_unit(self, pattern: re.Pattern, text: str, item: Item) -> bool:
        """True for the last number of a list, the one the unit is written after."""
        match = pattern.match(text, item.start)
        return match is not None and match.end() == item.unit_end

    def _add_unitless(self, doc, text, keyword: Keyword, spans, seen) -> None:
        analyte = next((a for a in self.of_family.get(keyword.family, ()) if a.unitless and a.emit), None)
        if analyte is None:
            return
        header = self.header_unit.match(text, keyword.end) if analyte.dimension == "count" else None
        exponent = unit_exponent(header, self.patterns, alone=self._set_apart(header)) if header is not None else None
        if header is not None and exponent is None:
            return
        name_end = header.end() if header else keyword.end
        # "Day | WBC (×10^9/L) | Hb" over "1 | 12.1 | 10.2": the name heads a column of values
        if analyte.name == "wbc" and self._add_column(text, name_end, keyword, exponent, analyte, spans, seen):
            return
        # "WBC (/µL)\t3,300-9,000\t12,000\t25,200": the reference column comes first, the
        # patient's values in the cells after it
        past_reference = self._past_reference_cell(text, keyword.end, name_end, analyte)
        link = self.unitless_link.match(text, name_end) if past_reference is None else None
        if link is None and past_reference is None and header is None and analyte.dimension == "count":
            link = self.comma_reference_link.match(text, name_end)  # "white blood cells, 8.79 (3.5–9.5) × 10^9/L"
        if past_reference is None and link is None:
            return
        number = self.row_cell.match(text, past_reference) if past_reference is not None else self.number.match(text, link.end())
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
        sentence, keywords = self._context(text, item.start)
        nearest, _ = self._assigned(text, item, sentence, keywords)
        if nearest is None or nearest.family != keyword.family or not nearest.start <= keyword.start < nearest.end:
            return
        value = self._unitless_value(text, item.number, exponent, number, bracket, analyte, header is not None)
        if value is None or self.qualify.in_other_fluid(text, keyword, item, sentence):
            return
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, item.number, threshold, comparator)
        seen.add((item.start, item.end))
        if not self.qualify.in_other_fluid_column(text, item.start):  # "WBC | 560 | 14,200" under "CSF | Blood"
            spans.append(Finding(item.start, item.end, analyte.label, measure))
        if bracket is None and not thousands:
            self._add_row_cells(text, item, exponent, analyte, header is not None, measure, spans, seen, keyword.start)
        if analyte.name == "wbc" and not measure.threshold and bracket is None:
            # "WBC was 15.2 on day 3 and 18.4 on day 5", "WBC 18 → 12 → 9": the later bare
            # numbers are read in the scale the first was read in
            scale = exponent if exponent is not None else 0 if thousands else self._unitless_scale(item.number)
            cursor = item.end
            if link is not None and link.group().rstrip().endswith("from"):  # "WBC rose from 21 to 31"
                cursor = self._range_end(text, cursor, scale, analyte.unit, spans, seen)
            self._continue_course(text, cursor, scale, analyte.unit, spans, seen)

    def _past_reference_cell(self, text: str, keyword_end: int, name_end: int, analyte: Analyte) -> int | None:
        """The end of a table row's reference-range cell when it stands right after the
        analyte's name (and the name's unit, ending at ``name_end``) and before the cells of the
        patient's values: "White blood cell count (/µL)\t3,300-9,000\t12,000\t25,200", "WBC
        (×10^9/L) | [4–12] | 3.55". The row must be a table's (tabs or a cell border before the
        range) and the range a plausible white-cell reference range (``reference_range_bounds``,
        per µL or in 10^9/L); None otherwise."""
        if analyte.name != "wbc" or not self.reference_bounds:
            return None
        cell = self.row_reference_cell.match(text, CELL_START.match(text, name_end).end())
        if cell is None or not re.search(r"[\t|]", text[keyword_end : cell.start()]):
            return None
        low, high = parse_number(cell.group("low"), -3), parse_number(cell.group("high"), -3)
        if low is None or high is None or not low < high:
            return None
        scale = 1000 if high >= 1000 else 1
        (low_min, low_max), (high_min, high_max) = self.reference_bounds["low"], self.reference_bounds["high"]
        if not (low_min <= low / scale <= low_max and high_min <= high / scale <= high_max):
            return None
        return cell.end()

    @staticmethod
    def _set_apart(header: re.Match) -> bool:
        """True for a table's unit written in brackets or in a cell of its own after the
        analyte's name ("WBC (109/L)", "WCC [109/L]", "WBC | 109/L |"): nothing but the name
        stands before it, so a power whose superscript was lost ("109") is still a power."""
        return bool(re.match(r"[^(\[|]*[(\[|]", header.group()))

    def _range_end(self, text: str, cursor: int, exponent: int, unit: str, spans, seen) -> int:
        """The bare end of a course written "from 21 to 31" after its bare start, read in the
        start's scale; returns the position after it (or ``cursor`` when there is none)."""
        step = self.range_end_step.match(text, cursor)
        if step is None or self.unit_follows.match(text, step.end("number")):
            return cursor
        value = count_value(step.group("number"), exponent, "wbc", self.analytes_file)
        start, end = step.start("number"), step.end("number")
        if value is None or (start, end) in seen:
            return cursor
        seen.add((start, end))
        spans.append(Finding(start, end, "WBC", Measure("WBC", value, unit, step.group("number"))))
        return end

    def _unitless_scale(self, number_text: str) -> int:
        """The exponent a bare count was read in: per µL from 1000 up, else 10^9/L."""
        number = parse_number(number_text, -3)
        return -3 if number is not None and number >= 1000 else 0

    def _unitless_value(self, text, number_text: str, exponent, number, bracket, analyte: Analyte, header: bool) -> float | None:
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

    def _add_row_cells(self, text: str, item: Item, exponent, analyte: Analyte, header: bool, first: Measure, spans, seen,
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
            start, end = cell.start("number"), cell.end("number")
            value = self._unitless_value(text, cell.group("number"), exponent, cell, None, analyte, header)
            if value is None or (start, end) in seen:
                return
            measure = Measure(analyte.label, value, analyte.unit, cell.group("number"), first.threshold, None)
            seen.add((start, end))
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
            start, end = cell.start("number"), cell.end("number")
            value = self._unitless_value(text, cell.group("number"), exponent, cell, None, analyte, header)
            if value is None or (start, end) in seen:
                return
            seen.add((start, end))
            spans.append(Finding(start, end, analyte.label, Measure(analyte.label, value, analyte.unit, cell.group("number"), first.threshold, None)))

    def _add_column(self, text: str, name_end: int, keyword: Keyword, exponent, analyte: Analyte, spans, seen) -> bool:
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
            start, end = value_cell.start("number"), value_cell.end("number")
            value = self._unitless_value(text, value_cell.group("number"), exponent, value_cell, None, analyte, True)
            if value is None or (start, end) in seen:
                continue
            seen.add((start, end))
            spans.append(Finding(start, end, analyte.label, Measure(analyte.label, value, analyte.unit, value_cell.group("number"))))
        return True

    def _add_continued(self, text: str, finding: Finding, spans, seen) -> None:
        """The bare counts that continue a dated course after a white-cell count with its unit:
        "rose to 45.2 × 10^9/L on day 5, 60.1 on day 7 and 80.3 on day 9". Each must be followed
        by its own time ("on day 7") and is read in the first count's unit."""
        match = self.count.match(text, finding.start)
        exponent = unit_exponent(match, self.patterns) if match is not None else None
        if exponent is None or match.end() != finding.end:
            return
        self._continue_course(text, finding.end, exponent, finding.value.unit, spans, seen)

    def _continue_course(self, text: str, cursor: int, exponent: int, unit: str, spans, seen) -> None:
        """The bare counts after a white-cell count at ``cursor``, read in its scale
        (``exponent``): each with its own time ("60.1 on day 7 and 80.3 on day 9"), or each
        after an arrow ("18 → 12 → 9": a course, with no unit of its own)."""
        while True:
            step = self.continued.match(text, cursor) or self._arrow_step(text, cursor)
            if step is None:
                return
            value = count_value(step.group("number"), exponent, "wbc", self.analytes_file)
            start, end = step.start("number"), step.end("number")
            if value is None or (start, end) in seen:
                return
            measure = Measure("WBC", value, unit, step.group("number"))
            seen.add((start, end))
            spans.append(Finding(start, end, "WBC", measure))
            cursor = end

    def _arrow_step(self, text: str, cursor: int) -> re.Match | None:
        """The next value of a course written with arrows ("WBC 18 → 12 → 9"): a bare number
        after the arrow, with no unit of its own (with one, it is a list of its own)."""
        step = self.arrow_step.match(text, cursor)
        if step is None or self.unit_follows.match(text, step.end("number")):
            return None
        return step

    def _slash_lost(self, text: str, number: re.Match) -> bool:
        """True for a count of 1000 or more followed by a per-µL volume without its slash
        ("21,860 μL"): a count per µL, not a volume."""
        if not self.slash_lost_volume.match(text, number.end()):
            return False
        value = parse_number(number.group("number"), -3)
        return value is not None and value >= 1000

    # -- qualifiers ------------------------------------------------------------------------
