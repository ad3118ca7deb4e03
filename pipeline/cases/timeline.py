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

from dataclasses import dataclass

from pipeline.cases.mentions import Mention
from pipeline.cases.timeline_dating import Dating
from pipeline.cases.timeline_values import describe

EVENT_MAX_CHARS = 300


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


def _trim(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= EVENT_MAX_CHARS else text[: EVENT_MAX_CHARS - 1].rstrip() + "…"
