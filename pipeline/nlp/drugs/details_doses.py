"""The doses of drug mentions, normalised: "75 mg/m²" -> "75 mg/m2", "300 mcg / kg / d" ->
"300 µg/kg/day", "AUC=5" -> "AUC 5", with the units and per-units written in their usual form
(``details.DetailReader`` finds where a dose is written)."""
from __future__ import annotations

import re

from pipeline import regex_cache

FLAGS = re.IGNORECASE
UNITS = {"mcg": "µg", "ug": "µg", "μg": "µg", "iu": "IU", "miu": "MIU", "unit": "U", "units": "U", "u": "U",
         "ml": "mL", "meq": "mEq"}
PER_UNITS = {"m²": "m2", "m^2": "m2", "sqm": "m2", "d": "day", "hr": "h", "hour": "h", "wk": "week"}
QUANTITY = regex_cache.compile(r"(?:(?P<low>\d+(?:[.,]\d+)?)\s*(?:[-–~]|to)\s*)?(?P<high>\d+(?:[.,]\d+)?)\s*(?P<unit>[a-zµμ]+)(?P<per>.*)", FLAGS | re.DOTALL)
PER = regex_cache.compile(r"(?:/|per)\s*(m2|m²|m\^2|sqm|square\s+met(?:er|re)|kg|day|d|body|dose|h|hr|hour|week|wk|cycle|min)", FLAGS)
AUC = regex_cache.compile(r"AUC\s*(?:=|of)?\s*(\d+(?:\.\d+)?)", FLAGS)


def normalise_number(number: str) -> str:
    """ "1,000" -> "1000" (a comma before three digits groups thousands), "1,5" -> "1.5"."""
    if "," in number:
        whole, _, part = number.partition(",")
        number = whole + part if len(part) == 3 else whole + "." + part
    return number


def normalise_dose(written: str) -> str | None:
    """ "75 mg/m²" -> "75 mg/m2", "300 mcg / kg / d" -> "300 µg/kg/day", "AUC=5" -> "AUC 5"."""
    auc = AUC.match(written)
    if auc:
        return f"AUC {auc.group(1)}"
    quantity = QUANTITY.match(written.strip())
    if not quantity:
        return None
    unit = quantity.group("unit")
    unit = UNITS.get(unit.lower(), unit if unit in ("IU", "MIU", "U") else unit.lower())
    per = "".join("/" + PER_UNITS.get(p.lower(), "m2" if p.lower().startswith("square") else p.lower())
                  for p in PER.findall(quantity.group("per")))
    amount = normalise_number(quantity.group("high"))
    if quantity.group("low"):
        amount = normalise_number(quantity.group("low")) + "-" + amount
    return f"{amount} {unit}{per}"
