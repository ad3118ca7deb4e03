"""Reading quantities other than cell counts (percentages, mass and enzyme concentrations,
temperatures, radiation doses, lengths) and converting them to an analyte's canonical unit.

Pure functions (no spaCy): the unit grammar and the prefix tables live in
``models/patterns/measures.toml``.

>>> normalise_quantity("10,7", "g/dL", "g/L")
107.0
>>> normalise_quantity("2359", "ng per liter", "pg/mL")
2359.0
>>> normalise_quantity("101.3", "°F", "°C")
38.5
>>> normalise_quantity("4500", "cGy", "Gy")
45.0
>>> normalise_quantity("68", "mm", "cm")
6.8
>>> normalise_quantity("14.32", "U/L", "U/mL", slips={"U/L": "U/mL"})
14.32
>>> normalise_quantity("12", "mg/dL", "U/mL") is None  # not the same kind of quantity
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.measures.units import SPACE_SEPARATORS, parse_number
from pipeline.nlp.base import fill_template
from pipeline.resources import read_patterns

PATTERNS = "patterns/measures.toml"


@dataclass(frozen=True)
class Unit:
    """A unit as read: its dimension, its normalised name ("mg/dL") and the power of ten that
    turns a value in it into the dimension's base unit (g/L, U/L, Gy, cm)."""

    dimension: str
    name: str
    exponent: int


@lru_cache(maxsize=None)
def quantity_grammar(patterns: str = PATTERNS) -> dict:
    """The compiled pieces of the quantity grammar (compiled once per process)."""
    spec = read_patterns(patterns)
    number = spec["quantity_number"]
    unit = spec["quantity_unit"]
    bare_number = number.replace("?P<number>", "?:")
    return {
        "spec": spec,
        "quantity": regex_cache.compile(number + r"\s*" + unit, re.VERBOSE),
        "unit": regex_cache.compile(r"\s*" + unit + r"\s*", re.VERBOSE),
        "size": regex_cache.compile(fill_template(spec["size"], {"number": bare_number}), re.VERBOSE),
        "size_number": regex_cache.compile(r"(?P<number>\d+(?:[.,]\d+)?)(?:(?:\s*|-)(?P<unit>cm|mm))?"),
        "mass": spec["mass_exponent"],
        "enzyme": spec["enzyme_exponent"],
        "volume": spec["concentration_volume_exponent"],
        "volume_spellings": {key: tuple(starts) for key, starts in spec["concentration_volume_spellings"].items()},
        "mass_names": spec["mass_names"],
        "volume_names": spec["concentration_volume_names"],
        # units outside the concentration grammar: name -> (dimension, power of ten to its base)
        "fixed": {name: (dimension, int(power)) for name, (dimension, power) in spec["fixed_units"].items()},
    }


def _volume_key(text: str, spellings: dict[str, tuple[str, ...]]) -> str:
    """The volume key of a written volume: "deciliter" -> "dl", "mL" -> "ml"."""
    key = re.sub(r"\s", "", text).lower()
    return next((volume for volume, starts in spellings.items() if key.startswith(starts)), key)


def unit_of(match: re.Match, patterns: str = PATTERNS) -> Unit | None:
    """The :class:`Unit` of a match of the ``quantity_unit`` grammar, or None."""
    tables = quantity_grammar(patterns)
    groups = match.groupdict()
    if groups.get("mass"):
        mass = groups["mass"].lower().replace("µ", "u").replace("μ", "u")
        volume = _volume_key(groups.get("mass_volume") or "dl", tables["volume_spellings"])  # "g%" is grams per 100 mL
        if mass not in tables["mass"] or volume not in tables["volume"]:
            return None
        name = f"{tables['mass_names'][mass]}/{tables['volume_names'][volume]}"
        return Unit("mass_concentration", name, int(tables["mass"][mass]) - int(tables["volume"][volume]))
    if groups.get("enzyme"):
        enzyme = groups["enzyme"].lower()
        volume = _volume_key(groups.get("enzyme_volume") or "", tables["volume_spellings"])
        if enzyme not in tables["enzyme"] or volume not in tables["volume"]:
            return None
        prefix = {3: "k", -3: "m"}.get(int(tables["enzyme"][enzyme]), "")
        name = f"{prefix}U/{tables['volume_names'][volume]}"
        return Unit("enzyme_concentration", name, int(tables["enzyme"][enzyme]) - int(tables["volume"][volume]))
    for group, name in (("percent", "%"), ("celsius", "°C"), ("fahrenheit", "°F")):
        if groups.get(group):
            return Unit(tables["fixed"][name][0], name, 0)
    if groups.get("gray"):
        name = "cGy" if groups["gray"].startswith("c") else "Gy"
        return Unit("dose", name, tables["fixed"][name][1])
    return None


@lru_cache(maxsize=None)
def parse_unit(text: str, patterns: str = PATTERNS) -> Unit | None:
    """A unit written alone ("mg/dL", "ng per liter", "°C", "cm", "score"), or None."""
    text = (text or "").strip()
    fixed = quantity_grammar(patterns)["fixed"]
    if text in fixed:
        dimension, exponent = fixed[text]
        return Unit(dimension, text, exponent)
    match = quantity_grammar(patterns)["unit"].fullmatch(text)
    return unit_of(match, patterns) if match else None


def parse_quantity_number(text: str) -> Decimal | None:
    """A written number of a quantity. A point is a decimal mark; a single comma is a decimal
    mark ("10,7 g/dL") unless exactly three digits follow it and the whole part is not 0
    ("1,200 pg/mL", "4,500 cGy")."""
    text = SPACE_SEPARATORS.sub("", (text or "").strip())
    if re.fullmatch(r"[1-9]\d{0,2},\d{3}", text):
        return parse_number(text, -3)
    return parse_number(text, 0)


def convert(number: Decimal, written: Unit, canonical: Unit) -> Decimal | None:
    """``number`` in ``written`` as a number in ``canonical``, or None across dimensions."""
    if written.dimension != canonical.dimension:
        return None
    if written.name == canonical.name:
        return number
    if written.dimension == "temperature":
        celsius = (number - 32) * 5 / 9 if written.name == "°F" else number
        celsius = celsius.quantize(Decimal("0.1"))
        return celsius if canonical.name == "°C" else celsius * 9 / 5 + 32
    return number.scaleb(written.exponent - canonical.exponent)


def normalise_quantity(number_text: str, unit_text: str, canonical: str, slips: dict[str, str] | None = None) -> float | None:
    """A quantity written as ``number_text`` ``unit_text`` in the ``canonical`` unit, or None
    when the unit is unknown or of another kind. ``slips`` maps written units to the ones
    they stand for. Never raises."""
    try:
        written = parse_unit(unit_text)
        target = parse_unit(canonical)
        if written is None or target is None:
            return None
        if slips and written.name in slips:
            written = parse_unit(slips[written.name]) or written
        number = parse_quantity_number(number_text)
        if number is None:
            return None
        value = convert(number, written, target)
        return None if value is None else float(value)
    except (ValueError, ArithmeticError, OverflowError, InvalidOperation):
        return None
