"""What a mention adds to its date on the time line: ``describe`` a measure ("WBC 70.37 ×10^9/L",
written by ``format_measure``, which the labs share) or a drug (its generic names)."""
from __future__ import annotations

from functools import lru_cache

from pipeline.cases.mentions import Mention
from pipeline.resources import read_table

ANALYTES = "measures/analytes.tsv"


def describe(mention: Mention) -> tuple[str, ...]:
    """What a mention adds to its date on the time line: a measure as "WBC 70.37 ×10^9/L", a drug
    as its generic names; nothing for thresholds and other mentions."""
    if mention.group == "measures" and not getattr(mention.value, "threshold", False):
        return (format_measure(mention.value),)
    if mention.group == "drugs":
        return tuple(getattr(mention.value, "generics", ()))
    return ()


def format_measure(measure) -> str:
    """ "WBC 70.37 ×10^9/L", "neutrophils 58%", "tumour size 6.8×6.3×5.8 cm", "radiation dose 45
    Gy in 25 fractions", "LAP score 145"."""
    name = measure.analyte.lower()
    display = _display_names().get(name, name)
    unit = measure.unit
    if measure.dimensions:
        number = "×".join(_number(d) for d in measure.dimensions)
    else:
        number = _number(measure.value)
    if unit == "%":
        text = f"{display} {number}%"
    elif unit == "score":
        text = f"{display} {number}"
    elif unit.startswith("10^"):
        text = f"{display} {number} ×{unit}"
    else:
        text = f"{display} {number} {unit}"
    if measure.comparator:
        text = text.replace(f" {number}", f" {measure.comparator}{number}", 1)
    if getattr(measure, "fractions", None):
        text += f" in {measure.fractions} fractions"
    return text


# -- formatting ----------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _display_names() -> dict[str, str]:
    return {row["analyte"]: row.get("display") or row["analyte"] for row in read_table(ANALYTES)}


def _number(value: float) -> str:
    return f"{value:.6g}"
