"""What the measure matcher reads before a value becomes a :class:`Measure`: an analyte's
keyword, one number with its unit, the analyte table's row."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.nlp.measures.quantities import Unit


@dataclass
class Keyword:
    start: int
    end: int
    family: str


@dataclass
class Item:
    """One number of a value: its characters, the unit text it shares, its exponent to 10^9/L
    (counts) or the :class:`Unit` it is written in (other quantities)."""

    start: int
    end: int
    number: str
    unit_end: int
    exponent: int
    reference: bool = False  # inside "(4.0-10.0 ×10^9/L)" after a patient's value
    unit: Unit | None = None  # None: a cell count
    near: bool = False  # a keyword of an analyte measured in ``unit`` stands near

    def has_own_unit(self, pattern: re.Pattern, text: str) -> bool:
        """True for the last number of a list, the one the unit is written after (``pattern``:
        the count or quantity grammar)."""
        match = pattern.match(text, self.start)
        return match is not None and match.end() == self.unit_end


@dataclass(frozen=True)
class Analyte:
    """A row of the analyte table."""

    name: str
    family: str
    emit: bool
    dimension: str
    unit: str
    unitless: bool
    slips: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def label(self) -> str:
        return self.name.upper()
