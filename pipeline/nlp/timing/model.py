from dataclasses import dataclass


@dataclass(frozen=True)
class RelativeDate:
    """A time written relative to an event, e.g. ``RelativeDate(68, "day", "after", "the
    operation", "68 days after the operation")``.

    ``amount`` counts ``unit`` ("day", "week", "month", "year" or "hour"; 0 for "the same
    day", 0.5 for "half a year"); ``direction`` is "after" or "before" the event named by
    ``anchor_text`` ("the operation", "laparoscopic radical hysterectomy", "admission"), or,
    when ``anchor_text`` is empty, the event narrated just before ("one week later", "on the
    following day").
    """

    amount: float
    unit: str
    direction: str
    anchor_text: str
    written: str

    def norm(self) -> str:
        """The normalised value is the expression as written ("68 days after the operation"):
        it becomes a date only with its event's date (``pipeline.cases.timeline``).

        >>> RelativeDate(68, "day", "after", "the operation", "68 days after the operation").norm()
        '68 days after the operation'
        """
        return self.written
