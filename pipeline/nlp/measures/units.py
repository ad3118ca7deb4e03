"""Reading laboratory counts: numbers with thousands separators or decimal commas, and count
units in their many written forms, normalised to 10^9 cells per litre.

Pure functions (no spaCy): the unit grammar and conversion tables live in
``models/patterns/measures.toml`` and the plausible ranges in ``models/measures/analytes.tsv``.

>>> normalise_count("70.37", "*109/L")
70.37
>>> normalise_count("30,400", "/µL")
30.4
>>> normalise_count("12,5", "× 10^9/L")
12.5
>>> normalise_count("21,060", "/ml")  # per-µL count mistyped as per ml
21.06
>>> normalise_count("5000", "×10^9/L") is None  # not a blood count
True
>>> normalise_count("4.2", " 10 9 /L")  # sign and superscript both lost
4.2
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipeline import regex_cache
from pipeline.resources import read_patterns, read_table

PATTERNS = "patterns/measures.toml"
ANALYTES = "measures/analytes.tsv"
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Separators that only ever group thousands.
SPACE_SEPARATORS = regex_cache.compile(r"[\u00a0\u2009\u202f ]")


@lru_cache(maxsize=None)
def grammar(patterns: str = PATTERNS) -> dict:
    """The compiled pieces of the count grammar (cached: compiled once per process)."""
    spec = read_patterns(patterns)
    number = spec["number"]
    unit = spec["unit"]
    return {
        "spec": spec,
        "number": regex_cache.compile(number, re.VERBOSE),
        "unit": regex_cache.compile(r"\s*" + unit + r"\s*", re.VERBOSE),
        "count": regex_cache.compile(number + r"\s*" + unit, re.VERBOSE),
        "volumes": spec["volume_exponent"],
        "prefixes": spec["prefix_exponent"],
        "volume_spellings": [(regex_cache.compile(pattern), key) for pattern, key in spec["volume_spellings"]],
    }


@lru_cache(maxsize=None)
def plausible_range(analyte: str, analytes: str = ANALYTES) -> tuple[float, float] | None:
    """(minimum, maximum) of ``analyte`` ("WBC" or "wbc": names match in any case)."""
    for row in read_table(analytes):
        if row["analyte"].lower() == analyte.lower():
            return float(row["minimum"]), float(row["maximum"])
    return None


def volume_key(volume: str, patterns: str = PATTERNS) -> str:
    """'µL', 'microlitre', 'mm³', 'mm^3', 'cu mm', 'liter' -> 'ul', 'ul', 'mm3', 'mm3', 'cmm', 'l':
    the volume without spaces, points, brackets and markup, lower-cased, then rewritten by
    ``volume_spellings`` of the patterns, one after the other."""
    key = re.sub(r"[\s.^()]|</?sup>", "", volume.lower()).replace("µ", "u").replace("μ", "u").replace("³", "3")
    for pattern, replacement in grammar(patterns)["volume_spellings"]:
        key = pattern.sub(replacement, key)
    return key


def per_litre_power(match: re.Match, patterns: str = PATTERNS) -> int | None:
    """The power of ten of a count unit written per litre with a written power ("× 10^6/L" ->
    6), or None for any other unit."""
    tables = grammar(patterns)
    if tables["volumes"].get(volume_key(match.group("volume"), patterns)) != 0:
        return None
    return _written_power(match.groupdict())


def _written_power(groups: dict) -> int | None:
    """The power of ten a count unit writes ("× 10^9", "x10(9)", "×10⁹", "10<sup>9</sup>", "x 10 9",
    "x109"), or None when it writes none (a lost superscript, "thousand", a prefix)."""
    if groups.get("sup"):
        return int(groups["sup"].translate(SUPERSCRIPT_DIGITS))
    written = groups.get("exp") or groups.get("paren") or groups.get("tagged") or groups.get("spaced") or groups.get("glued")
    return int(written) if written else None


def unit_exponent(match: re.Match, patterns: str = PATTERNS, alone: bool = False) -> int | None:
    """The power of ten that turns the written number into 10^9/L, or None when the unit
    cannot be a count (a bare "109/L" without a multiplication sign, an unknown volume).
    ``alone``: the unit heads a table row or column by itself ("WBC (109/L) | 3.3"), with no
    number before it that "109" could be confused with, so a lost superscript needs no sign."""
    tables = grammar(patterns)
    key = volume_key(match.group("volume"), patterns)
    volume = tables["volumes"].get(key)
    if volume is None:
        return None
    groups = match.groupdict()
    power = _written_power(groups)
    # "x 10 9", "x109": a power without its superscript counts only after a multiplication sign,
    # except "4.2 10 9 /L": a page that lost both the sign and the superscript of "× 10⁹/L" still
    # spaces them apart, and a number, "10", a digit and "/L" are no other reading
    needs_sign = bool(groups.get("glued")) or bool(groups.get("spaced")) and volume != 0
    if power is None:
        if groups.get("lost") is not None:
            # "7× 10/L": the superscript vanished; 10^9/L and 10^3/µL are the usual forms
            power, needs_sign = (9 if volume == 0 else 3 if volume == 6 else None), True
        elif groups.get("thousand"):
            power, needs_sign = 3, True
        elif groups.get("prefix"):
            prefix = groups["prefix"]
            power = tables["prefixes"].get(prefix, tables["prefixes"].get(prefix.lower().rstrip("s")))
        else:
            power = 0
        if power is None:
            return None
    if needs_sign and not groups.get("sign") and not alone:
        return None
    spec = tables["spec"]
    if key in spec.get("litre_slip_volumes", ()) and power >= spec.get("litre_slip_min_power", 99):
        volume = 0  # "13 × 10^9/mL" means 13 × 10^9/L
    elif key == "ml" and power >= spec.get("true_millilitre_min_power", 99):
        volume = 3  # "15.5 × 10^6/mL": a millilitre holds 10^-3 L
    return power + volume - 9


def parse_number(text: str, exponent: int = 0) -> Decimal | None:
    """A written number as a Decimal. Which of "," and "." is the decimal mark depends on the
    unit: for per-µL counts (exponent <= -3) a single separator followed by exactly three
    digits groups thousands ("30,400/µL", "12.500/µl"); for 10^9/L-scale units it is a
    decimal mark ("12,5 × 10^9/L")."""
    text = SPACE_SEPARATORS.sub("", text.strip())
    if not text or not re.fullmatch(r"\d+(?:[.,]\d+)*", text):
        return None
    separators = re.findall(r"[.,]", text)
    if not separators:
        digits = text
    elif len(set(separators)) == 2:
        decimal_mark = separators[-1]
        if separators.count(decimal_mark) > 1:
            return None
        whole, _, fraction = text.rpartition(decimal_mark)
        if not _grouped(whole):
            return None
        digits = re.sub(r"[.,]", "", whole) + "." + fraction
    elif len(separators) > 1:
        if not _grouped(text):
            return None
        digits = re.sub(r"[.,]", "", text)
    else:
        whole, _, fraction = text.partition(separators[0])
        if exponent <= -3 and len(fraction) == 3:
            digits = whole + fraction
        else:
            digits = whole + "." + fraction
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _grouped(text: str) -> bool:
    # Indian reports group by lakh and crore: "1,23,000" is 123,000, "12,34,500" is 1,234,500
    return re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}", text) is not None


def within(value: float, analyte: str | None, analytes: str = ANALYTES) -> bool:
    """Whether ``value`` is positive and in the plausible range of ``analyte`` (from the
    ``analytes`` table)."""
    if analyte is None:
        return value > 0
    bounds = plausible_range(analyte, analytes)
    low, high = bounds if bounds else (0.0, float("inf"))
    return value > 0 and low <= value <= high


def to_float(number: Decimal, exponent: int) -> float:
    # Decimal keeps "47,680/µl" at 47.68 exactly (no 47.680000000000003)
    return float(number.scaleb(exponent))


def count_value(number_text: str, exponent: int, analyte: str | None, analytes: str = ANALYTES) -> float | None:
    """``number_text`` written in the count unit of ``exponent``, in 10^9/L, or None when the
    number cannot be read or the value is implausible for ``analyte``."""
    number = parse_number(number_text or "", exponent)
    if number is None:
        return None
    value = to_float(number, exponent)
    return value if within(value, analyte, analytes) else None


def normalise_count(number_text: str, unit_text: str, analyte: str | None = "WBC") -> float | None:
    """A count written as ``number_text`` ``unit_text`` in 10^9/L, or None when the unit is
    not a count unit, the number cannot be read, or the value is implausible for ``analyte``
    (bounds from models/measures/analytes.tsv; None checks only that it is positive).
    Never raises."""
    try:
        match = grammar()["unit"].fullmatch(unit_text or "")
        if match is None:
            return None
        exponent = unit_exponent(match)
        return count_value(number_text, exponent, analyte) if exponent is not None else None
    except (ValueError, ArithmeticError, OverflowError):
        return None


def normalise_unitless(number_text: str, analyte: str | None = "WBC", patterns: str = PATTERNS,
                       analytes: str = ANALYTES) -> float | None:
    """A count written with no unit ("WBC was 18", "WBC of 12,000"): a number of 1000 or more
    is per µL, one below the ``unitless_max_si`` setting is 10^9/L; others are ambiguous."""
    try:
        spec = grammar(patterns)["spec"]
        number = parse_number(number_text or "", exponent=-3)
        if number is None:
            return None
        if number >= 1000:
            value = to_float(number, -3)
        elif number < spec.get("unitless_max_si", 300):
            value = float(number)
        else:
            return None
        return value if within(value, analyte, analytes) else None
    except (ValueError, ArithmeticError, OverflowError):
        return None
