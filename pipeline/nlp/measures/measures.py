"""Finds laboratory counts and gives each to its analyte ("WBC: 5.93*109/L", "leukocytosis
(47,680/µl)", "WBC, absolute neutrophils and monocytes were 178.1, 172.7 and 4.2 k/µL,
respectively").

A count is a number with a count unit, found by regex over ``doc.text`` (scispaCy keeps
"109/L" or "30,400/µL" in one token, so token patterns are fragile). Numbers just before it
that share its unit ("from 12,000 to 30,000/µL") are counts too. Each count goes to the
nearest analyte keyword before it in its sentence, or, in a "respectively" sentence, to the
keyword in the same list position. Only analytes marked ``emit`` in the analyte table are
written out; the others are known so that their values are not taken for white-cell counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.units import grammar, normalise_unitless, parse_number, to_float, unit_exponent, within
from pipeline.nlp.resources import read_table
from pipeline.nlp.spans import char_span, set_group
from pipeline.nlp.text import doc_text

GROUP = "measures"
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# A number that stands for a time or an index, not a count: "on day 3, 12.5 ×10^9/L".
NOT_A_COUNT_BEFORE = re.compile(r"\b(?:days?|POD|weeks?|months?|years?|cycles?|hours?|h|d|no\.?|grade|stage|aged?|at|on)\s*$", re.IGNORECASE)
# What may follow a bare number for it to be a unit-less count ("WBC was 18.", "WBC of
# 12,000 and CRP 50"): anything but a unit.
UNIT_FOLLOWS = re.compile(
    r"[\d.,]?\d|\s*(?:%|[µμ°/×*^⁰¹²³⁴⁵⁶⁷⁸⁹]|[xX]\s*10|[A-Za-zµμ]+\s*/|(?:cells?|per|mg|g|mmol|mol|µmol|IU|U|ng|pg|fl|fL|mm|cm|days?|hours?|weeks?|months?|years?|times|fold|percent)\b)"
)





@dataclass
class Keyword:
    start: int
    end: int
    analyte: str


@dataclass
class Item:
    """One number of a count: its characters, the unit text it shares, its exponent to 10^9/L."""

    start: int
    end: int
    number: str
    unit_end: int
    exponent: int
    reference: bool = False  # inside "(4.0-10.0 ×10^9/L)" after a patient's value


class MeasureMatcher:
    """Puts laboratory counts in ``doc.spans["measures"]`` with a :class:`Measure` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_measures")
    >>> doc = nlp("On admission her WBC count was 30,400/µL and rose to 70.37*109/L.")
    >>> [(s.label_, s._.value.value) for s in doc.spans["measures"]]
    [('WBC', 30.4), ('WBC', 70.37)]
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "caselit_measures",
        patterns: str = "patterns/measures.toml",
        keywords: str = "measures/keywords.tsv",
        analytes: str = "measures/analytes.tsv",
        unitless: bool = True,
    ):
        self.name = name
        self.patterns = patterns
        tables = grammar(patterns)
        spec = tables["spec"]
        self.count = tables["count"]
        self.number = tables["number"]
        # any number, with its count unit when it has one (units hold digits: "10^9", "mm3");
        # the count's own groups are renamed so that the two alternatives do not clash
        self.item = re.compile("(?P<count>" + spec["number"].replace("?P<number>", "?:") + r"\s*" + spec["unit"].replace("?P<", "?P<u_") + ")|" + spec["number"], re.VERBOSE)
        self.list_item = re.compile(spec["number"] + spec["list_separator"], re.VERBOSE)
        self.reference_open = re.compile(spec["number"] + r"\s*[(\[]\s*$", re.VERBOSE)
        self.unitless_link = re.compile(spec["unitless_link"], re.VERBOSE)
        self.comparators = [
            (re.compile(r"(?<![A-Za-z])" + row["pattern"] + r"\s*(?:of\s+|than\s+)?$", re.IGNORECASE), row["symbol"], row["threshold"])
            for row in spec["comparator"]
        ]
        self.comparators_after = [
            (re.compile(row["pattern"], re.IGNORECASE), row["symbol"], row["threshold"]) for row in spec.get("comparator_after", [])
        ]
        self.definition = re.compile(spec["definition"], re.IGNORECASE | re.VERBOSE)
        self.fluid = re.compile(spec["fluid"], re.IGNORECASE | re.VERBOSE)
        self.sentence_end = re.compile(spec["sentence_end"])
        self.max_distance = int(spec.get("max_keyword_distance", 250))
        self.unitless = unitless
        rows = read_table(analytes)
        self.emit = {row["analyte"] for row in rows if row["emit"].lower() in {"yes", "true", "1"}}
        self.canonical_unit = {row["analyte"]: row["canonical_unit"] for row in rows}
        keyword_rows = read_table(keywords)
        self.keyword_analyte = {f"k{i}": row["analyte"] for i, row in enumerate(keyword_rows)}
        self.keywords = self._keyword_regex(keyword_rows, lambda row: True)
        # the emitted analytes' keywords alone, to find unit-less values in the whole text
        self.emitted_keywords = self._keyword_regex(keyword_rows, lambda row: row["analyte"] in self.emit)

    @staticmethod
    def _keyword_regex(rows, keep) -> re.Pattern:
        alternatives = [rf"(?P<k{i}>{row['pattern']})" for i, row in enumerate(rows) if keep(row)]
        if not alternatives:
            return re.compile("(?!)")
        # one look-behind for all alternatives: three times faster than one each
        return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans, seen = [], set()
        # Keywords are looked for only around counts (a few per report): one scan of the
        # whole text with every analyte's keywords would cost more than the tokenizer.
        for items in self._counts(text):
            for item in items:
                self._add(doc, text, item, spans, seen)
        if self.unitless:
            for match in self.emitted_keywords.finditer(text):
                keyword = Keyword(match.start(), match.end(), self.keyword_analyte[match.lastgroup])
                self._add_unitless(doc, text, keyword, spans, seen)
        set_group(doc, GROUP, spans)
        return doc

    # -- finding numbers -------------------------------------------------------------------

    def _keywords(self, text: str, start: int, end: int) -> list[Keyword]:
        """Keyword matches in text[start:end], with "white blood cell (WBC) count" merged into one."""
        merged: list[Keyword] = []
        for match in self.keywords.finditer(text, start, end):
            keyword = Keyword(match.start(), match.end(), self.keyword_analyte[match.lastgroup])
            if merged and merged[-1].analyte == keyword.analyte and re.fullmatch(r"[\s()\[\]:]*(?:counts?|levels?)?[\s()\[\]:]*", text[merged[-1].end : keyword.start]):
                merged[-1].end = keyword.end
            else:
                merged.append(keyword)
        return merged

    def _counts(self, text: str):
        """Each count match, with the numbers before it that share its unit, as Items."""
        for match in self.count.finditer(text):
            exponent = unit_exponent(match, self.patterns)
            if exponent is None:
                continue
            items = [Item(match.start("number"), match.end("number"), match.group("number"), match.end(), exponent)]
            # "from 12,000 to 30,000/µL", "178.1, 172.7 and 4.2k/µL": the first separator
            # back from the unit must be a word or dash (a lone comma is not a list)
            cursor = match.start("number")
            while True:
                before = self.list_item.search(text, max(0, cursor - 40), cursor)
                if before is None or before.end() != cursor:
                    break
                separator = text[before.end("number") : cursor]
                if len(items) == 1 and separator.strip() == ",":
                    break
                if NOT_A_COUNT_BEFORE.search(text, max(0, before.start() - 12), before.start()):
                    break
                items.insert(0, Item(before.start("number"), before.end("number"), before.group("number"), match.end(), exponent))
                cursor = before.start("number")
            # "15.2 (4.0-10.0 ×10^9/L)": the bracketed numbers are a reference range and the
            # number before the bracket is the patient's value, in the same unit
            opening = self.reference_open.search(text, max(0, cursor - 30), cursor)
            if opening is not None and opening.end() == cursor:
                for item in items:
                    item.reference = True
                items.insert(0, Item(opening.start("number"), opening.end("number"), opening.group("number"), match.end(), exponent))
            yield items

    # -- giving numbers to analytes --------------------------------------------------------

    def _context(self, text: str, position: int) -> tuple[tuple[int, int], list[Keyword]]:
        """The sentence around ``position`` and the keywords near it in that sentence."""
        start = low = max(0, position - 1000)
        for boundary in self.sentence_end.finditer(text, low, position + 1):
            if boundary.end() <= position:
                start = boundary.end()
        following = self.sentence_end.search(text, position, position + 1000)
        end = following.start() if following else min(len(text), position + 1000)
        window = (max(start, position - self.max_distance), min(end, position + self.max_distance))
        return (start, end), self._keywords(text, *window)

    def _analyte_keyword(self, text, item: Item, sentence, keywords: list[Keyword]) -> Keyword | None:
        start, end = sentence
        before = [k for k in keywords if k.end <= item.start]
        if not before:
            return None
        nearest = before[-1]
        respectively = RESPECTIVELY.search(text, item.end, end)
        if respectively and not any(item.end <= k.start <= respectively.start() for k in keywords):
            # "WBC, absolute neutrophils and monocytes were 178.1, 172.7 and 4.2 k/µL, respectively"
            values = [m.start() for m in self.item.finditer(text, nearest.end, respectively.start())]
            count = min(len(values), len(before))
            if count > 1 and item.start in values[-count:]:
                return before[-count:][values[-count:].index(item.start)]
        return nearest

    def _add(self, doc, text, item: Item, spans, seen) -> None:
        if (item.start, item.end) in seen:
            return
        sentence, keywords = self._context(text, item.start)
        keyword = self._analyte_keyword(text, item, sentence, keywords)
        if keyword is None or keyword.analyte not in self.emit:
            return
        number = parse_number(item.number, item.exponent)
        if number is None:
            return
        value = to_float(number, item.exponent)
        if not within(value, keyword.analyte) or self._in_other_fluid(text, keyword, item, sentence):
            return
        end = item.unit_end if self._has_own_unit(text, item) else item.end
        comparator, threshold = self._qualifiers(text, keyword, item, sentence)
        measure = Measure(keyword.analyte, value, self.canonical_unit.get(keyword.analyte, ""), text[item.start : end], threshold or item.reference, comparator)
        seen.add((item.start, item.end))
        spans.append(char_span(doc, item.start, end, keyword.analyte, measure))

    def _has_own_unit(self, text: str, item: Item) -> bool:
        """True for the last number of a list, the one the unit is written after."""
        match = self.count.match(text, item.start)
        return match is not None and match.end() == item.unit_end

    def _add_unitless(self, doc, text, keyword: Keyword, spans, seen) -> None:
        link = self.unitless_link.match(text, keyword.end)
        if link is None:
            return
        number = self.number.match(text, link.end())
        if number is None or UNIT_FOLLOWS.match(text, number.end()):
            return
        item = Item(number.start("number"), number.end("number"), number.group("number"), number.end("number"), -3)
        if (item.start, item.end) in seen:
            return
        sentence, keywords = self._context(text, item.start)
        nearest = self._analyte_keyword(text, item, sentence, keywords)
        if nearest is None or nearest.analyte != keyword.analyte or not nearest.start <= keyword.start < nearest.end:
            return
        value = normalise_unitless(item.number, keyword.analyte)
        if value is None or self._in_other_fluid(text, keyword, item, sentence):
            return
        comparator, threshold = self._qualifiers(text, keyword, item, sentence)
        measure = Measure(keyword.analyte, value, self.canonical_unit.get(keyword.analyte, ""), item.number, threshold, comparator)
        seen.add((item.start, item.end))
        spans.append(char_span(doc, item.start, item.end, keyword.analyte, measure))

    # -- qualifiers ------------------------------------------------------------------------

    def _lead_in(self, text: str, keyword: Keyword, sentence) -> str:
        """The few words before the keyword ("defined as", "typically"), cut at a number or
        bracket so that another value's "(normal range ...)" does not leak in."""
        lead = text[max(sentence[0], keyword.start - 60) : keyword.start]
        cut = max(lead.rfind(c) for c in "0123456789;)")
        return lead[cut + 1 :]

    def _qualifiers(self, text: str, keyword: Keyword, item: Item, sentence) -> tuple[str | None, bool]:
        between = text[keyword.end : item.start]
        after = text[item.unit_end : item.unit_end + 30]
        comparator, threshold = None, False
        for pattern, symbol, is_threshold in self.comparators:
            if pattern.search(between[-40:]):
                comparator, threshold = symbol, bool(is_threshold)
                break
        else:
            for pattern, symbol, is_threshold in self.comparators_after:
                if pattern.match(after):
                    comparator, threshold = symbol, bool(is_threshold)
                    break
        if self.definition.search(self._lead_in(text, keyword, sentence)) or self.definition.search(between):
            threshold = True
        return comparator, threshold

    def _in_other_fluid(self, text: str, keyword: Keyword, item: Item, sentence) -> bool:
        return self.fluid.search(text, max(sentence[0], keyword.start - 40), item.start) is not None
