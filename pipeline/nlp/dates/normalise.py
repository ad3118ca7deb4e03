"""Reading written dates into ISO strings with the precision written.

Pure functions (no spaCy). The date grammar lives in ``models/patterns/dates.toml``; this
module expands its placeholders, compiles it once, and turns matched parts into ISO dates.

>>> parse_date("April 18, 2012")
('2012-04-18', 'day')
>>> parse_date("in late October 1993")
('1993-10', 'month')
>>> parse_date("25.08.2012")
('2012-08-25', 'day')
>>> parse_date("08/09/2012") is None  # day and month order unknown
True
>>> parse_date("February 30, 2012") is None
True
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.base import fill_template
from pipeline.resources import read_patterns

PATTERNS = "patterns/dates.toml"
# Dates written alone, for parse_date(): ISO year-month and year (so that parse_date is
# idempotent on its own output).
ISO_PARTIAL = regex_cache.compile(r"(?P<year>(?:19|20)\d{2})(?:-(?P<month>0[1-9]|1[0-2]))?")


@lru_cache(maxsize=None)
def month_numbers(patterns: str = PATTERNS) -> dict[str, int]:
    """Month name (Title, UPPER) -> number."""
    months = read_patterns(patterns)["months"]
    table = {}
    for name, number in months.items():
        table[name] = int(number)
        table[name.upper()] = int(number)
    return table


def _month_regex(group: str, full_only: bool, patterns: str) -> str:
    table = month_numbers(patterns)
    names = list(table)
    if full_only:  # the longest name of each month ("June", not "Jun")
        longest = {}
        for name, number in table.items():
            longest[number] = max(longest.get(number, ""), name.title(), key=len)
        names = [n for n in names if n.title() == longest[table[n]]]
    names.sort(key=len, reverse=True)
    dot = "" if full_only else r"(?:\.(?!\d))?"
    return rf"(?<![A-Za-z])(?P<{group}>{'|'.join(names)})(?![a-z]){dot}"


@lru_cache(maxsize=None)
def lead_in(patterns: str = PATTERNS) -> re.Pattern:
    """The words before a date that parse_date() sets aside (``lead_in`` of the patterns)."""
    return regex_cache.compile(read_patterns(patterns)["lead_in"], re.IGNORECASE)


@lru_cache(maxsize=None)
def compiled_patterns(patterns: str = PATTERNS) -> tuple[tuple[str, str, re.Pattern, bool, bool], ...]:
    """(name, kind, compiled regex, needs a year, needs a month name) for every pattern, in
    order of precedence."""
    spec = read_patterns(patterns)
    replacements = dict(spec["parts"])
    replacements["MONTH"] = _month_regex("month", False, patterns)
    replacements["MONTH1"] = _month_regex("month1", False, patterns)
    # FULLMONTH: full names only ("in June"); it fills the "month" group
    replacements["FULLMONTH"] = _month_regex("month", True, patterns)
    compiled = []
    for row in spec["pattern"]:
        regex = fill_template(row["regex"], replacements)
        needs_year, needs_month = "{YEAR}" in row["regex"], "MONTH" in row["regex"]
        compiled.append((row["name"], row["kind"], regex_cache.compile(regex), needs_year, needs_month))
    return tuple(compiled)


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """"2012-08-25", "2012-08" or "2012", or None for an impossible date (Feb 30, month 13)."""
    try:
        if day is not None:
            return datetime.date(year, month, day).isoformat()
        if month is not None:
            datetime.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        datetime.date(year, 1, 1)
        return f"{year:04d}"
    except (TypeError, ValueError, OverflowError):
        return None


def precision_of(iso_date: str) -> str:
    return {10: "day", 7: "month"}.get(len(iso_date), "year")


def month_of(name: str | None, patterns: str = PATTERNS) -> int | None:
    if not name:
        return None
    return month_numbers(patterns).get(name.rstrip("."))


def parts_from_match(match: re.Match, patterns: str = PATTERNS) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of the (second) date in a match of a "full" pattern (month names
    from the ``patterns`` file)."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month_text = groups.get("month") or groups.get("cmonth")
    if month_text and month_text.isdigit():
        month = int(month_text)
    else:
        month = month_of(month_text, patterns)
    day_text = groups.get("day") or groups.get("cday")
    day = int(day_text) if day_text else None
    return year, month, day


def numeric_order(first: int, second: int) -> str | None:
    """"dm" or "md" when the numbers alone say which is the day, "same" when it does not
    matter (08/08/2012), else None."""
    if first == second:
        return "same"
    if first > 12 and second <= 12:
        return "dm"
    if second > 12 and first <= 12:
        return "md"
    return None


def parse_date(text: str, patterns: str = PATTERNS) -> tuple[str, str] | None:
    """A date written alone ("April 18, 2012", "18th April 2012", "2012-08-25", "Aug 2012",
    "25.08.2012", "2019") as (ISO string, precision), precision being "day", "month" or
    "year"; None when the text is not exactly one valid, unambiguous date. Never raises."""
    try:
        text = (text or "").strip()
        text = lead_in(patterns).sub("", text, count=1).strip().rstrip(".,;")
        if not text or len(text) > 60:
            return None
        partial = ISO_PARTIAL.fullmatch(text)
        if partial:
            month = int(partial.group("month")) if partial.group("month") else None
            value = iso(int(partial.group("year")), month)
            return (value, precision_of(value)) if value else None
        for _name, kind, pattern, _year, _month in compiled_patterns(patterns):
            if kind not in {"full", "numeric"}:
                continue
            match = pattern.fullmatch(text)
            if match is None or match.groupdict().get("first"):
                continue
            if kind == "numeric":
                a, b = int(match.group("a")), int(match.group("b"))
                order = numeric_order(a, b)
                if order is None:
                    return None
                day, month = (b, a) if order == "md" else (a, b)
                value = iso(int(match.group("year")), month, day)
            else:
                year, month, day = parts_from_match(match, patterns)
                value = iso(year, month, day) if year else None
            return (value, precision_of(value)) if value else None
        return None
    except (re.error, ValueError, TypeError, KeyError):
        return None
