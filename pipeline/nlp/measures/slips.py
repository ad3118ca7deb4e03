"""Count units a writer slipped on, told apart by the size of the number written before them.

A count per µL is a number of thousands ("6,250/mm3"); the same count in 10^9/L is a number of
units ("6.25 × 10^9/L", "6.25 × 10^3/µL"). Some reports write the per-µL number and then a power
of a thousand as well ("leukocytes 6250 × 10^3/mm3", "28 880 10^3/µL"): read as written, that is
6,250 × 10^9/L, no white-cell count. A whole number of a thousand or more before "× 10^3" per µL
(or per mm3, per cmm) is such a per-µL count; the power restates the unit's scale.

Pure functions (no spaCy); the threshold is ``stray_power_min_count`` in
``models/patterns/measures.toml``.
"""
from __future__ import annotations

import re

from pipeline.nlp.measures.units import PATTERNS, grammar, parse_number, volume_key, written_power

# Volumes of a per-µL count (volume_exponent 6 in the patterns); ml and dl are left to the
# millilitre slip of the measures component.
PER_MICROLITRE = {"ul", "mm3", "cmm"}
THOUSAND = 3


def stray_thousand_power(number_text: str, unit: re.Match, patterns: str = PATTERNS) -> bool:
    """True when ``number_text`` is a whole per-µL count (``stray_power_min_count`` or more)
    written before a unit of ten to the third per µL, mm3 or cmm: the count is per µL and the
    power a slip. A number with decimals ("6.25 × 10^3/µL") or below the threshold is a count
    in thousands, as written."""
    if written_power(unit) != THOUSAND or volume_key(unit.group("volume"), patterns) not in PER_MICROLITRE:
        return False
    minimum = grammar(patterns)["spec"].get("stray_power_min_count")
    number = parse_number(number_text, exponent=-3)
    return minimum is not None and number is not None and number == number.to_integral_value() and number >= minimum
