"""Mapping a reviewer's column headers to caselit's columns, with the synonyms of
``models/review/headers.tsv``.

    >>> mapping = map_headers(["First author", "Year", "Age (y)", "Pathology", "WBC (/µL)", "Notes"])
    >>> {h.column: (h.index, h.unit) for h in mapping.values()}["WBC max (×10⁹/L)"]
    (4, '/µL')
    >>> sorted(mapping)
    ['Age', 'First author', 'Histology', 'WBC max (×10⁹/L)', 'Year']
    >>> sorted(map_headers(["Pathology", "Histology"], overrides=parse_overrides(["Pathology=histology"])))
    ['Histology']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline.resources import read_table

HEADERS_FILE = "review/headers.tsv"
# A unit written in the header: "WBC (×10⁹/L)", "Age [years]", "WBC, /µL".
_UNIT = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\]|,\s*([^,]*/[^,]*))\s*$")


@dataclass(frozen=True)
class Header:
    """One of the reviewer's columns that stands for a caselit column."""

    index: int  # 0-based position in the header row
    text: str  # as the reviewer wrote it
    column: str  # caselit's column
    unit: str | None = None  # the unit written in the header, if any


def normalise(header: str) -> tuple[str, str | None]:
    """(the header's words, lower case without punctuation; the unit it states).

    >>> normalise("WBC (×10⁹/L)"), normalise("Age (y)"), normalise("Ref.")
    (('wbc', '×10⁹/L'), ('age', 'y'), ('ref', None))
    """
    text = unicodedata.normalize("NFKC", str(header)).replace("\n", " ").strip()
    unit = None
    match = _UNIT.search(text)
    if match and match.start() > 0:
        unit = next(g for g in match.groups() if g is not None).strip() or None
        text = text[:match.start()]
    words = re.sub(r"[^\w#]+", " ", text.lower()).strip()
    if not words and unit:  # "(n)": nothing but brackets
        words, unit = re.sub(r"[^\w#]+", " ", unit.lower()).strip(), None
    return words, _raw_unit(header, unit)


def _raw_unit(header: str, unit: str | None) -> str | None:
    """The unit as written (superscripts kept): NFKC turns '10⁹' into '109'."""
    if unit is None:
        return None
    match = _UNIT.search(str(header).strip())
    if match:
        return next(g for g in match.groups() if g is not None).strip()
    return unit


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["column"], re.compile(row["header"], re.IGNORECASE)) for row in read_table(HEADERS_FILE))


def column_for(header: object) -> tuple[str | None, str | None]:
    """(caselit's column for one header, or None; the unit the header states)."""
    if header is None:
        return None, None
    text = str(header).strip()
    if not text:
        return None, None
    words, unit = normalise(text)
    for column, pattern in _synonyms():
        if column == text or pattern.fullmatch(words):
            return column, unit
    return None, unit


def known_columns() -> list[str]:
    return list(dict.fromkeys(column for column, _ in _synonyms()))


def resolve_column(name: str) -> str:
    """``--map`` takes caselit's column name or a field name: 'histology', 'Histology',
    'figo_stage', 'wbc max' all work. Raises ValueError for an unknown one."""
    wanted = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    for column in known_columns():
        if re.sub(r"[^a-z0-9]+", " ", column.lower()).strip() == wanted:
            return column
    mapped, _ = column_for(name)
    if mapped is not None:
        return mapped
    raise ValueError(f"unknown caselit column {name!r} (one of: {', '.join(known_columns())})")


def parse_overrides(items: list[str] | None) -> dict[str, str | None]:
    """``--map "Pathology=histology"`` (several allowed; "Ref.=" leaves a column unmapped)
    -> {header: caselit column or None}."""
    overrides: dict[str, str | None] = {}
    for item in items or ():
        header, sep, column = item.partition("=")
        if not sep or not header.strip():
            raise ValueError(f"--map {item!r}: write it as \"Your header=caselit column\"")
        overrides[header.strip()] = resolve_column(column.strip()) if column.strip() else None
    return overrides


def map_headers(header: list[object], overrides: dict[str, str | None] | None = None) -> dict[str, Header]:
    """{caselit column: the reviewer's Header}; the first header standing for a column takes it
    (an override first), the others are the reviewer's."""
    overrides = {k.strip().lower(): v for k, v in (overrides or {}).items()}
    mapping: dict[str, Header] = {}
    forced = []
    for index, cell in enumerate(header):
        if cell is None or not str(cell).strip():
            continue
        text = str(cell).strip()
        column, unit = column_for(text)
        if text.lower() in overrides:
            column = overrides[text.lower()]
            forced.append(column)
        elif column in forced:
            continue
        if column is not None and (column not in mapping or text.lower() in overrides):
            mapping[column] = Header(index, text, column, unit)
    return mapping


def header_score(row: list[object]) -> int:
    """How many cells of a row read as caselit headers: the header row scores highest."""
    return len(map_headers(row))
