"""The analytes the measure matcher knows and the keywords that name them
(``models/measures/analytes.tsv``, ``models/measures/keywords.tsv``): which analyte a keyword's
family and a value's unit make, and where a keyword stands around a value (before it, right
after it, or near a quantity at all)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Analyte, Item, Keyword
from pipeline.nlp.measures.quantities import Unit, parse_unit
from pipeline.resources import read_table

YES = {"yes", "true", "1"}


def keyword_regex(rows, keep) -> re.Pattern:
    """One regex of the keyword rows that ``keep`` keeps, each alternative named ``k<row>``."""
    alternatives = [rf"(?P<k{i}>{row['pattern']})" for i, row in enumerate(rows) if keep(row)]
    if not alternatives:
        return regex_cache.compile("(?!)")
    # one look-behind for all alternatives: three times faster than one each
    return regex_cache.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])", re.IGNORECASE)


class Vocabulary:
    """The analyte table (``analytes``, by keyword family ``of_family``, the measures known from
    their unit alone ``by_dimension``) and the keyword regexes: every keyword (``keywords``),
    those of the analytes read without a unit (``unitless_keywords``) and, per unit dimension,
    those of the emitted analytes measured in it (``candidates``)."""

    def __init__(self, spec: dict, keywords: str, analytes: str, patterns: str):
        self.patterns = patterns
        self.counted_as = regex_cache.compile(spec.get("counted_as", "(?!)"), re.IGNORECASE | re.VERBOSE)
        self.keyword_joint = regex_cache.compile(spec["keyword_joint"])
        self.value_after = regex_cache.compile(spec["value_follows"])
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
        self.keywords = keyword_regex(keyword_rows, lambda row: True)
        # keywords of the analytes read without a unit, to find them in the whole text
        self.unitless_families = {a.family for a in self.analytes if a.unitless and a.emit}
        self.emitted_keywords = keyword_regex(keyword_rows, lambda row: row["family"] in self.unitless_families)
        # per unit dimension, the keywords of the emitted analytes measured in it: a quick look
        # for one near a quantity saves the scan with every keyword around most percentages
        accepting: dict[str, set[str]] = {}
        for analyte in self.analytes:
            if analyte.emit and analyte.family != "-":
                dimensions = {analyte.dimension} | {unit.dimension for unit in (parse_unit(slip, patterns) for slip in analyte.slips) if unit}
                for dimension in dimensions:
                    accepting.setdefault(dimension, set()).add(analyte.family)
        self.candidates = {
            dimension: keyword_regex(keyword_rows, lambda row, families=families: row["family"] in families)
            for dimension, families in accepting.items()
        }

    def _keyword(self, match: re.Match) -> Keyword:
        return Keyword(match.start(), match.end(), self.keyword_family[match.lastgroup])

    def keywords_in(self, text: str, start: int, end: int) -> list[Keyword]:
        """Keyword matches in text[start:end], with "white blood cell (WBC) count" merged into one."""
        merged: list[Keyword] = []
        for match in self.keywords.finditer(text, start, end):
            keyword = self._keyword(match)
            if merged and merged[-1].family == keyword.family and self.keyword_joint.fullmatch(text[merged[-1].end : keyword.start]):
                merged[-1].end = keyword.end
            else:
                merged.append(keyword)
        return merged

    def unitless_keywords(self, text: str):
        """The keywords of the analytes read without a unit ("WBC was 18"), in the whole text."""
        for match in self.emitted_keywords.finditer(text):
            yield self._keyword(match)

    def unitless_analyte(self, family: str) -> Analyte | None:
        """The emitted analyte of ``family`` that is read without a unit, if any."""
        return next((a for a in self.of_family.get(family, ()) if a.unitless and a.emit), None)

    def analyte(self, family: str, unit: Unit | None) -> tuple[Analyte, Unit | None] | None:
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

    def value_follows(self, text: str, keyword: Keyword) -> bool:
        """True when a number follows the keyword closely ("neutrophils 80%"): the keyword
        names that value, not the one before it."""
        return self.value_after.match(text[keyword.end : keyword.end + 20]) is not None

    def keyword_after(self, text: str, item: Item, keywords: re.Pattern | None = None) -> Keyword | None:
        """The keyword right after a percentage: "80% polymorphs", "12% lymphocytes", or after
        a verb that names what the value counted: "of which 0.4 × 10^9/L were neutrophils"."""
        position = item.unit_end
        while position < len(text) and text[position] in " \t\u00a0":
            position += 1
        verb = self.counted_as.match(text, position)
        if verb is not None:
            position = verb.end()
        match = (keywords or self.keywords).match(text, position)
        return self._keyword(match) if match else None

    def may_have_keyword(self, text: str, item: Item, reach: int) -> bool:
        """True when a keyword of an analyte measured in the item's unit stands near it."""
        candidates = self.candidates.get(item.unit.dimension)
        if candidates is None:
            return False
        if candidates.search(text, max(0, item.start - reach), item.start):
            return True
        return item.unit.dimension == "percent" and self.keyword_after(text, item, candidates) is not None
