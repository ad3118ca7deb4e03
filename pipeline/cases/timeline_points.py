"""The points of a patient's time line: ``DatePoint`` and ``date_points``, every written date and
every relative time resolved into a date against the event it counts from (the rules:
``pipeline.cases.timeline``)."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from pipeline.cases.date_shift import shift
from pipeline.cases.event_anchors import _anchor_patterns
from pipeline.cases.mentions import Mention

# How far back "one week later" may look for the point it counts from, in characters (about four
# sentences).
PREVIOUS_EVENT_REACH = 1000
# Between a date and a relative time that only glosses it: "On July 2, 2012 (68 days after",
# "On July 2, 2012, 68 days after", "August 28, 2012 (12 days after paclitaxel and 1 week after".
GLOSS = re.compile(r"\s*(?:[,–—-]\s*|\((?:[^()]{0,80})?)", re.IGNORECASE)


@dataclass(frozen=True)
class DatePoint:
    """A date the narrative stands at: a written date, or a relative time resolved into one."""

    date: str
    derived: bool
    start: int
    end: int
    sentence: str
    sentence_start: int
    section_start: int
    shift: int = 0  # characters stripped from the start of ``sentence``
    carries: bool = True  # dates the sentences after its own (not a summary's date)


def date_points(mentions: list[Mention]) -> list[DatePoint]:
    """Every written date and every resolvable relative time of the patient, in text order."""
    dated = sorted(
        (m for m in mentions if _is_date(m) or m.group == "timing"),
        key=lambda m: m.start,
    )
    written = [_point(m, m.value.iso, False) for m in dated if _is_date(m)]
    # where relative times stand: the words "after the operation" name an event, they do not tell it
    naming = _Spans([(m.start, m.end) for m in dated if m.group == "timing"])
    points: list[DatePoint] = []
    for mention in dated:
        if _is_date(mention):
            points.append(_point(mention, mention.value.iso, False))
            continue
        relative = mention.value
        if _glosses_a_date(mention, points):
            continue
        if relative.anchor_text:
            base = _named_event(relative.anchor_text, mention, points, written, naming)
        else:
            base = _previous_event(mention, points)
        if base is None:
            continue
        date = shift(base.date, relative.amount, relative.unit, relative.direction)
        if date is not None:
            # counted from an event told later: a summary (an abstract), whose date stays in its sentence
            points.append(_point(mention, date, True, carries=base.start < mention.start))
    return points


# -- resolving relative times -------------------------------------------------------------------


def _is_date(mention: Mention) -> bool:
    return mention.group == "dates" and mention.label == "DATE" and not getattr(mention.value, "metadata", False)


def _point(mention: Mention, date: str, derived: bool, carries: bool = True) -> DatePoint:
    return DatePoint(
        date, derived, mention.start, mention.end, mention.sentence, mention.sentence_start, mention.section_start,
        _sentence_shift(mention), carries,
    )


def _glosses_a_date(mention: Mention, points: list[DatePoint]) -> bool:
    """True when the relative time stands right after a written date of its sentence, as its
    gloss: "On July 2, 2012 (68 days after the operation)"."""
    for point in reversed(points):
        if point.sentence_start != mention.sentence_start or point.end > mention.start:
            break
        if point.derived:
            continue
        gap = mention.sentence[point.end - mention.sentence_start - point.shift : mention.start - mention.sentence_start - point.shift]
        return GLOSS.fullmatch(gap) is not None
    return False


def _previous_event(mention: Mention, points: list[DatePoint]) -> DatePoint | None:
    if not points:
        return None
    previous = points[-1]
    if previous.section_start != mention.section_start or mention.start - previous.end > PREVIOUS_EVENT_REACH:
        return None
    return previous


def _named_event(anchor: str, mention: Mention, points: list[DatePoint], written: list[DatePoint], naming) -> DatePoint | None:
    """The point of the event ``anchor`` names: the latest before the mention whose sentence holds
    the anchor's own words or, failing that, tells of the same kind of event; in text written
    before any such point (an abstract), the first written date after it."""
    before = [p for p in points if p.end <= mention.start]
    after = [p for p in written if p.start > mention.end]
    patterns = _anchor_patterns(anchor)
    for candidates in (before[::-1], after):
        for pattern in patterns:
            for point in candidates:
                told = _where_told(point, pattern, naming)
                if told is not None:
                    same = [p for p in candidates if p.sentence_start == point.sentence_start]
                    return min(same, key=lambda p: abs(p.start - told))
    return None


def _where_told(point: DatePoint, pattern: re.Pattern, naming) -> int | None:
    """Where ``point``'s sentence tells of the event ``pattern`` finds, outside the relative
    times it holds ("68 days after the operation" does not tell of the operation)."""
    for match in pattern.finditer(point.sentence):
        position = point.sentence_start + point.shift + match.start()
        if position not in naming:
            return position
    return None


class _Spans:
    """Character spans sorted by start, asked whether they cover a position: a bisect, not a
    scan of every span (a long report holds thousands of relative times)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end so far

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.reach[index] > position


def _sentence_shift(mention: Mention) -> int:
    """Characters stripped from the start of ``mention.sentence`` (offsets are in the report)."""
    expected = mention.start - mention.sentence_start
    found = mention.sentence.find(mention.text, max(0, expected - 8)) if mention.text else -1
    return expected - found if 0 <= found <= expected else 0
