"""The course of a white-cell count: the bare numbers after a count that continue it, read in
its scale: each with its own time ("rose to 45.2 × 10^9/L on day 5, 60.1 on day 7 and 80.3 on
day 9"), each after an arrow ("WBC 18 → 12 → 9"), or the end of a range written "from 21 to
31"."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding, fill_template
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.units import count_value, grammar, unit_exponent


class Courses:
    """Adds the later values of a white-cell count's course to the findings (``spans``),
    skipping the characters already read (``seen``)."""

    def __init__(self, spec: dict, patterns: str, analytes: str):
        self.patterns = patterns
        self.analytes_file = analytes
        self.count = grammar(patterns)["count"]
        self.unit_follows = regex_cache.compile(spec["unit_follows"])
        self.continued = regex_cache.compile(fill_template(spec["continued"], {"time": spec["continued_time"]}))
        self.arrow_step = regex_cache.compile(spec.get("arrow_step", "(?!)"))
        self.range_end_step = regex_cache.compile(spec.get("range_end_step", "(?!)"))

    def add_continued(self, text: str, finding: Finding, spans, seen) -> None:
        """The bare counts that continue a dated course after a white-cell count with its unit:
        "rose to 45.2 × 10^9/L on day 5, 60.1 on day 7 and 80.3 on day 9". Each must be followed
        by its own time ("on day 7") and is read in the first count's unit."""
        match = self.count.match(text, finding.start)
        exponent = unit_exponent(match, self.patterns) if match is not None else None
        if exponent is None or match.end() != finding.end:
            return
        self.continue_course(text, finding.end, exponent, finding.value.unit, spans, seen)

    def range_end(self, text: str, cursor: int, exponent: int, unit: str, spans, seen) -> int:
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

    def continue_course(self, text: str, cursor: int, exponent: int, unit: str, spans, seen) -> None:
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
