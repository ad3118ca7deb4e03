"""The measures read past one number and its unit: a tumour size, two or three dimensions ("a
68*63*58 mm mass", "3 x 4 cm") or one next to a lesion word ("a 5-cm tumour"), as its largest
dimension; and a radiation dose's total, from the fractions written with it ("45 Gy in 25
fractions", "25 fractions of 1.8 Gy", "1.8 Gy x 25")."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding
from pipeline.nlp.measures.assignment import Assigner, words_before
from pipeline.nlp.measures.matches import Item
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.qualifiers import ValueQualifiers
from pipeline.nlp.measures.quantities import convert, parse_quantity_number, parse_unit, quantity_grammar
from pipeline.nlp.measures.units import within
from pipeline.nlp.measures.vocabulary import Vocabulary


class SizesAndDoses:
    """Adds the tumour sizes of a text to the findings (:meth:`add_sizes`); reads a dose's total
    (:meth:`dose`)."""

    def __init__(self, spec: dict, patterns: str, analytes: str, vocabulary: Vocabulary, assign: Assigner,
                 qualify: ValueQualifiers):
        self.patterns = patterns
        self.analytes_file = analytes
        self.vocabulary = vocabulary
        self.assign = assign
        self.qualify = qualify
        quantities = quantity_grammar(patterns)
        self.size = quantities["size"]
        self.size_number = quantities["size_number"]
        self.size_after = regex_cache.compile(spec["size_after"] + spec["lesion"] + r"(?![A-Za-z])")
        self.size_before = regex_cache.compile(r"(?<![A-Za-z])" + spec["lesion"] + spec["size_before"])
        self.dose_fractions = regex_cache.compile(spec["dose_fractions"])
        self.dose_per_fraction_after = regex_cache.compile(spec["dose_per_fraction_after"], re.IGNORECASE)
        self.dose_times_after = regex_cache.compile(spec["dose_times_after"])
        self.dose_fractions_before = regex_cache.compile(spec["dose_fractions_before"], re.IGNORECASE)

    def add_sizes(self, text: str, spans, seen) -> None:
        """Each tumour size of the text, skipping the characters already read (``seen``)."""
        for match in self.size.finditer(text):
            self._add_size(text, match, spans, seen)

    def _add_size(self, text, match: re.Match, spans, seen) -> None:
        """A tumour size: two or three dimensions, or one next to a lesion word."""
        analyte = self.vocabulary.by_dimension.get("length")
        if analyte is None or not analyte.emit or (match.start(), match.end()) in seen:
            return
        parts = [(m.group("number"), m.group("unit")) for m in self.size_number.finditer(match.group())]
        sentence = self.assign.sentence(text, match.start())
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
        keyword = words_before(text, sentence, item.start)
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, largest, analyte.unit, match.group(), threshold, comparator, dimensions=tuple(dimensions))
        seen.add((match.start(), match.end()))
        spans.append(Finding(match.start(), match.end(), analyte.label, measure))

    def dose(self, text: str, item: Item, value):
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
