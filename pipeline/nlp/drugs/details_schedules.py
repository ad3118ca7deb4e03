"""The schedules of drug mentions (``ScheduleReading``, a part of ``details.DetailReader``): the
days of a cycle ("days 1 and 8") and the frequency ("every 3 weeks", "twice daily") written in a
window of the text, in the forms of ``models/drugs/patterns.toml``."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.drugs.details_doses import FLAGS

UNIT_NAMES = {"w": "week", "wk": "week", "wks": "week", "weeks": "week", "d": "day", "days": "day", "h": "hour",
              "hr": "hour", "hrs": "hour", "hours": "hour", "mo": "month", "months": "month", "min": "minute",
              "mins": "minute", "minutes": "minute"}
DAY_SEPARATOR = regex_cache.compile(r"\s*(?:,|&|\+|and)\s*", FLAGS)
DAY_RANGE = regex_cache.compile(r"\s*(?:[-–]|to|through)\s*", FLAGS)
TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times"}


class ScheduleReading:
    """The schedule readers of ``DetailReader``, which compiles the patterns they read and reads
    the numbers written in them (``_number``)."""

    @staticmethod
    def _schedule_text(days: str | None, frequency: str | None) -> str | None:
        # a single day is a schedule only beside a frequency ("day 1 every 3 weeks"); alone
        # ("on day 5") it is a moment of the hospital stay
        if days and not frequency and days.startswith("day "):
            days = None
        return " ".join(p for p in (days, frequency) if p) or None

    def _schedule(self, text: str, low: int, high: int) -> tuple[str | None, str | None, int]:
        """The first day list ("days 1 and 8") and the first frequency ("every 3 weeks")
        written, and where the first of them starts."""
        days = frequency = None
        position = high
        for match in self.schedule.finditer(text, low, high):
            form, index = self._form(match)
            position = min(position, match.start())
            if form.startswith("days"):
                days = days or self._days(match.group(f"days_{index}"))
            else:
                frequency = frequency or self._schedule_form(form, index, match)
            if days and frequency:
                break
        return days, frequency, position

    def _form(self, match: re.Match) -> tuple[str, int]:
        """The form of a schedule match and its index (the alternative that matched)."""
        index = next(i for i in range(len(self.forms)) if match.start(f"s{i}") >= 0)
        return self.forms[index], index

    def _days(self, listed: str) -> str:
        items = [DAY_RANGE.sub("-", item.strip()) for item in DAY_SEPARATOR.split(listed.strip()) if item.strip()]
        if len(items) == 1 and "-" not in items[0]:
            return f"day {items[0]}"
        return "days " + (", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0])

    def _schedule_form(self, form: str, index: int, match: re.Match) -> str:
        if "{n}" not in form:
            return form
        number = self._number(match.group(f"n_{index}")) or 1
        unit = match.group(f"unit_{index}").lower()
        if form.startswith("every"):
            unit = UNIT_NAMES.get(unit, unit.rstrip("s"))
            if number == 1:
                return {"day": "daily", "week": "weekly", "month": "monthly"}.get(unit, f"every {unit}")
            return f"every {number} {unit}s"
        # "{n} times a {unit}"
        unit = "daily" if unit.startswith("d") else "weekly"
        if number == 1:
            return unit
        return f"{TIMES.get(number, f'{number} times')} {unit}"
