"""Writing a value the way the reviewer's column already writes it, where that is
unambiguous: every value already in the column agrees ("F"/"M" rather than "female",
"Stage IIA1" rather than "IIA1", "Cervix" rather than "cervix", ", " between drugs), and
WBC counts in the unit the header states.

    >>> ColumnStyle("Sex", ["F", "M", "F"]).apply("female")
    'F'
    >>> ColumnStyle("FIGO stage", ["Stage IB1", "stage IIIC"]).apply("IIA1")   # not agreed: as caselit writes
    'IIA1'
    >>> ColumnStyle("FIGO stage", ["Stage IB1", "Stage IIIC"]).apply("IIA1")
    'Stage IIA1'
    >>> ColumnStyle("WBC max (×10⁹/L)", [], unit="/µL").apply(23.5)
    23500
"""
from __future__ import annotations

import re

from pipeline.export.table import LIST_SEPARATOR, format_number

_TEXT_COLUMNS = {"Primary site", "Histology", "Outcome", "Metastasis/recurrence sites", "Drugs", "Treatments"}
_LIST_COLUMNS = {"Metastasis/recurrence sites", "Drugs", "Dates", "WBC values (×10⁹/L)"}
_WBC_COLUMNS = {"WBC max (×10⁹/L)", "WBC values (×10⁹/L)"}
_STAGE_PREFIX = re.compile(r"^(stage|figo(?: stage)?)\s+(?=[IV0]|[1-4])", re.IGNORECASE)


def wbc_factor(unit: str | None) -> float | None:
    """How many of the header's unit make one ×10⁹/L; None for a unit not understood.

    >>> [wbc_factor(u) for u in ("×10⁹/L", "x10^9/L", "G/L", "×10³/µL", "K/uL", "/µL", "cells/mm³", "mg/dL")]
    [1.0, 1.0, 1.0, 1.0, 1.0, 1000.0, 1000.0, None]
    """
    if unit is None:
        return 1.0
    text = unit.lower().replace("μ", "u").replace("µ", "u").replace(" ", "").replace("^", "")
    text = text.replace("⁹", "9").replace("³", "3").replace("×", "x").replace("*", "x")
    if re.search(r"10(?:9|e9)/l$|^g/l$|giga/l", text):
        return 1.0
    if re.search(r"(?:10(?:3|e3)|k|thousands?)/(?:ul|mm3|cmm)$", text):
        return 1.0
    if re.search(r"(?:^|cells|/)/?(?:ul|mm3|cmm)$", text) and not re.search(r"10", text):
        return 1000.0
    return None


class ColumnStyle:
    """How one of the reviewer's columns writes its values, learnt from the values in it."""

    def __init__(self, column: str, values: list[object], unit: str | None = None):
        self.column = column
        texts = [str(v).strip() for v in values if isinstance(v, str) and str(v).strip()]
        self.factor = wbc_factor(unit) if column in _WBC_COLUMNS else 1.0
        self.sex_letters = None
        if column == "Sex" and texts:
            if all(t in ("F", "M") for t in texts):
                self.sex_letters = "upper"
            elif all(t in ("f", "m") for t in texts):
                self.sex_letters = "lower"
            elif all(t in ("Female", "Male") for t in texts):
                self.sex_letters = "title"
        self.stage_prefix = None
        if column == "FIGO stage" and texts:
            prefixes = {(m.group(0) if (m := _STAGE_PREFIX.match(t)) else "") for t in texts}
            if len(prefixes) == 1:
                self.stage_prefix = prefixes.pop()
        self.capitalise = (column in _TEXT_COLUMNS and bool(texts)
                           and all(t[0].isupper() for t in texts if t[0].isalpha()) and any(t[0].isalpha() for t in texts))
        self.separator = LIST_SEPARATOR
        if column in _LIST_COLUMNS and texts:
            with_lists = [t for t in texts if "," in t or ";" in t]
            if with_lists and all("," in t and ";" not in t for t in with_lists):
                self.separator = ", "

    @staticmethod
    def reads_values(column: str) -> bool:
        """Whether the column's writing is learnt from its values (a WBC column's from its header)."""
        return column == "Sex" or column == "FIGO stage" or column in _TEXT_COLUMNS or column in _LIST_COLUMNS

    def apply(self, value: object) -> object:
        if value is None:
            return None
        if self.column in _WBC_COLUMNS and self.factor not in (None, 1.0):
            return _scaled(value, self.factor)
        if not isinstance(value, str):
            return value
        if self.sex_letters and value in ("female", "male"):
            letter = value[0]
            return {"upper": letter.upper(), "lower": letter, "title": value.title()}[self.sex_letters]
        if self.stage_prefix and not _STAGE_PREFIX.match(value):
            value = self.stage_prefix + value
        if self.separator != LIST_SEPARATOR:
            value = value.replace(LIST_SEPARATOR, self.separator)
        if self.capitalise and value[:1].islower():
            value = value[0].upper() + value[1:]
        return value


def _scaled(value: object, factor: float) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        scaled = round(value * factor, 6)
        return int(scaled) if float(scaled).is_integer() else scaled
    if isinstance(value, str):
        return re.sub(r"\d+(?:\.\d+)?", lambda m: format_number(float(m.group()) * factor), value)
    return value
