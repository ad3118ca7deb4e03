"""A patient's time line: the dated events of the case, in date order, with the values measured and
the drugs given on each date.

Pure functions over the patient's :class:`~pipeline.cases.mentions.Mention` records (text order).
Every absolute date written in the text (``dates`` group, not publication metadata) is a point of
the time line, at its written precision ("2012-04-18", "2012-08", "2023"). A relative time
(``timing`` group: "68 days after the operation", "one week later") becomes a point too, marked
``derived``, when the event it counts from has a date:

- an expression that names its event ("after the operation", "after laparoscopic radical
  hysterectomy", "after paclitaxel") counts from the latest dated sentence before it that tells of
  that event: one that holds the anchor's own words, else one of the same kind of event
  (``models/cases/event_anchors.tsv``: an operation is told with "underwent", "-ectomy"...); in an
  abstract, written before the case's dates, the first such sentence after it;
- an expression that names none ("one week later", "on the following day", "three years
  earlier") counts from the point just before it, when that point is in the same section and
  close (``PREVIOUS_EVENT_REACH`` characters);
- an expression that glosses a date written just before it ("On July 2, 2012 (68 days after the
  operation)") is no point of its own: the written date is.

Precision of a derived date: days, weeks and hours give a day when the anchor has a day; months
and years give a month (calendar months are added: two months after 2012-04-24 is 2012-06) when
the anchor has a month; a coarser anchor keeps its own precision (the offset is rounded to whole
months or years). "Two months after" is never given a day: the text does not say which.

A value or a drug takes the date of the point it is written with: a date right after it ("63*65*58
mm on July 30, 2012"), else the last point before it in its sentence (the first of a range: "from
August 12 to August 24, she was treated with ..."), else the first after it in
its sentence, else the last point before it in its section within ``CARRY_REACH`` characters
(not in an abstract, whose sentences summarise rather than follow one another, nor from a date
worked out from an event told later in the text, which marks a summary too).
"""
from __future__ import annotations

import bisect
import datetime
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.cases.mentions import Mention
from pipeline.resources import read_table

EVENT_ANCHORS = "cases/event_anchors.tsv"
ANALYTES = "measures/analytes.tsv"
# How far back "one week later" may look for the point it counts from, and how far a date carries
# to the values written after it, in characters (about four sentences).
PREVIOUS_EVENT_REACH = 1000
CARRY_REACH = 1000
EVENT_MAX_CHARS = 300
# Sections whose sentences summarise rather than follow one another in time: a date does not
# carry to the next sentence there.
NO_CARRY_SECTIONS = frozenset({"abstract"})
DAYS_PER_MONTH = 30.4375
# Between a value and a date that dates it: "63*65*58 mm on July 30, 2012", "8.1*109/L (August 2)".
DATE_RIGHT_AFTER = re.compile(r"[\s)\]]*(?:on|at|in|by|dated|of)?[\s(\[]*", re.IGNORECASE)
# Between a date and a relative time that only glosses it: "On July 2, 2012 (68 days after",
# "On July 2, 2012, 68 days after", "August 28, 2012 (12 days after paclitaxel and 1 week after".
GLOSS = re.compile(r"\s*(?:[,–—-]\s*|\((?:[^()]{0,80})?)", re.IGNORECASE)
# Between the two dates of a range: "from 12 August 2012 to 24 August 2012", "16 March-22 April 1993".
RANGE = re.compile(r"\s*,?\s*(?:to|until|till|through|and|-|–|—)\s*", re.IGNORECASE)
# Words of an anchor too general to find its event by ("after the first course of ...").
GENERAL_WORDS = frozenset(
    "the a an of his her their this that first second third last initial final start starting end "
    "completion beginning onset same previous prior patient patients course courses cycle cycles "
    "treatment therapy day days week weeks month months year years have been were with from into "
    "when also then went under over".split()
)


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event: ``date`` ISO at its precision; ``derived`` when computed from a relative
    time; ``event`` the sentence, trimmed; ``values`` the lab values and measures ("WBC 70.37
    ×10^9/L") and drugs (generic names) of that date; ``start`` the date's offset in the report."""

    date: str
    derived: bool
    event: str
    values: tuple[str, ...]
    start: int


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


def case_timeline(mentions: list[Mention], dating: Dating | None = None) -> list[TimelineEvent]:
    """The patient's dated events, sorted by date then text order (``dating``: the case's, if
    already worked out)."""
    dating = dating or Dating(mentions)
    points = dating.points
    values: dict[int, list[str]] = {}
    for mention in mentions:
        described = describe(mention)
        if not described:
            continue
        index = dating.index(mention)
        if index is not None:
            for value in described:
                if value not in values.setdefault(index, []):
                    values[index].append(value)
    events = [
        TimelineEvent(point.date, point.derived, _trim(point.sentence), tuple(values.get(index, ())), point.start)
        for index, point in enumerate(points)
    ]
    return sorted(events, key=lambda e: (e.date, e.start))


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


class Dating:
    """The patient's date points (``date_points``) and, for a mention, the one that dates it
    (``index``; see the module docstring): worked out once per case, shared by the labs and the
    time line."""

    def __init__(self, mentions: list[Mention]):
        self.points = date_points(mentions)
        # sentence_start -> indexes of its points: looked up, not searched for every mention
        self.by_sentence: dict[int, list[int]] = {}
        for i, point in enumerate(self.points):
            self.by_sentence.setdefault(point.sentence_start, []).append(i)

    def index(self, mention: Mention) -> int | None:
        """The index in ``points`` of the point that dates ``mention``, or None."""
        same = self.by_sentence.get(mention.sentence_start, [])
        if same:
            sentence = mention.sentence
            shift_ = _sentence_shift(mention)
            # a span widened to whole tokens may end with the sentence's full stop ("109/L.")
            end = mention.end - (len(mention.text) - len(mention.text.rstrip(".,;:!?")))
            for i in same:
                gap_start, gap_end = end - mention.sentence_start - shift_, self.points[i].start - mention.sentence_start - shift_
                if 0 <= gap_start <= gap_end <= gap_start + 14 and DATE_RIGHT_AFTER.fullmatch(sentence, gap_start, gap_end):
                    return i
            before = [i for i in same if self.points[i].start < mention.start]
            if len(before) > 1 and _is_range(self.points[before[-2]], self.points[before[-1]]):
                return before[-2]  # "From 12 August to 24 August, she was treated with ...": the start
            return before[-1] if before else same[0]
        index = bisect.bisect_left(self.points, mention.start, key=lambda p: p.start) - 1
        if index >= 0 and mention.section not in NO_CARRY_SECTIONS:
            point = self.points[index]
            if point.carries and point.section_start == mention.section_start and mention.start - point.end <= CARRY_REACH:
                return index
        return None


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


def shift(iso: str, amount: float, unit: str, direction: str) -> str | None:
    """``iso`` moved by ``amount`` ``unit`` ("day", "week", "hour", "month", "year") in
    ``direction`` ("after"/"before"), at the precision described in the module docstring.

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


# -- resolving relative times -------------------------------------------------------------------


def _is_range(first: DatePoint, second: DatePoint) -> bool:
    gap = first.sentence[first.end - first.sentence_start - first.shift : second.start - first.sentence_start - first.shift]
    return RANGE.fullmatch(gap) is not None


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


@lru_cache(maxsize=4096)
def _anchor_patterns(anchor: str) -> tuple[re.Pattern, ...]:
    """Patterns to find the anchor's event with, most specific first: its own content words, then
    the event wording of each kind of event it names."""
    patterns = []
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]{3,}", anchor) if w.lower() not in GENERAL_WORDS]
    if words:
        patterns.append(re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE))
    for kind in event_kinds():
        if kind["anchor"].search(anchor):
            patterns.append(kind["event"])
    return tuple(patterns)


@lru_cache(maxsize=None)
def event_kinds() -> tuple[dict, ...]:
    """The kinds of clinical events of ``cases/event_anchors.tsv``: kind, anchor and event patterns."""
    return tuple(
        {"kind": row["kind"], "anchor": re.compile(row["anchor"], re.IGNORECASE), "event": re.compile(row["event"], re.IGNORECASE)}
        for row in read_table(EVENT_ANCHORS)
    )


def _sentence_shift(mention: Mention) -> int:
    """Characters stripped from the start of ``mention.sentence`` (offsets are in the report)."""
    expected = mention.start - mention.sentence_start
    found = mention.sentence.find(mention.text, max(0, expected - 8)) if mention.text else -1
    return expected - found if 0 <= found <= expected else 0


# -- formatting ----------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _display_names() -> dict[str, str]:
    return {row["analyte"]: row.get("display") or row["analyte"] for row in read_table(ANALYTES)}


def _number(value: float) -> str:
    return f"{value:.6g}"


def _round(value: float) -> int:
    """Half away from zero: half a year after 2019 is 2020, not 2019 (Python rounds half to even)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def _year(year: int, month: int | None = None) -> str | None:
    if not 1800 <= year <= 2200:
        return None
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


def _trim(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= EVENT_MAX_CHARS else text[: EVENT_MAX_CHARS - 1].rstrip() + "…"
