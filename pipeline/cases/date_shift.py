"""Moving a date by a relative time: ``shift`` ("68 days after" 2012-04-24 is 2012-07-01), at the
precision the date and the unit allow (the rules: ``pipeline.cases.timeline``)."""
from __future__ import annotations

import datetime
import math

DAYS_PER_MONTH = 30.4375


def shift(iso: str, amount: float, unit: str, direction: str) -> str | None:
    """``iso`` moved by ``amount`` ``unit`` ("day", "week", "hour", "month", "year") in
    ``direction`` ("after"/"before"), at the precision described in ``pipeline.cases.timeline``.

    >>> shift("2012-04-24", 68, "day", "after")
    '2012-07-01'
    >>> shift("2012-04-24", 2, "month", "after")
    '2012-06'
    >>> shift("2012-08", 3, "week", "after")
    '2012-09'
    >>> shift("2019", 18, "month", "before")  # a year anchor: whole years, half away from zero
    '2017'
    """
    try:
        parts = [int(p) for p in iso.split("-")]
        year, month, day = (parts + [None, None])[:3]
        sign = -1 if direction == "before" else 1
        days = {"day": 1.0, "week": 7.0, "hour": 1 / 24}.get(unit)
        if days is not None and day is not None:
            moved = datetime.date(year, month, day) + datetime.timedelta(days=_round(sign * amount * days))
            return moved.isoformat()
        months = amount * days / DAYS_PER_MONTH if days is not None else amount * {"month": 1, "year": 12}[unit]
        if month is None:
            return _year(year + _round(sign * months / 12))
        total = year * 12 + (month - 1) + _round(sign * months)
        return _year(total // 12, total % 12 + 1)
    except (ValueError, KeyError, TypeError, OverflowError):
        return None


def _round(value: float) -> int:
    """Half away from zero: half a year after 2019 is 2020, not 2019 (Python rounds half to even)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def _year(year: int, month: int | None = None) -> str | None:
    if not 1800 <= year <= 2200:
        return None
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
