"""Which point of the time line dates a mention: ``Dating``, worked out once per case and shared
by the labs and the time line (the rules: ``pipeline.cases.timeline``)."""
from __future__ import annotations

import bisect
import re

from pipeline.cases.mentions import Mention
from pipeline.cases.timeline_points import DatePoint, _sentence_shift, date_points

# How far a date carries to the values written after it, in characters (about four sentences).
CARRY_REACH = 1000
# Sections whose sentences summarise rather than follow one another in time: a date does not
# carry to the next sentence there.
NO_CARRY_SECTIONS = frozenset({"abstract"})
# Between a value and a date that dates it: "63*65*58 mm on July 30, 2012", "8.1*109/L (August 2)".
DATE_RIGHT_AFTER = re.compile(r"[\s)\]]*(?:on|at|in|by|dated|of)?[\s(\[]*", re.IGNORECASE)
# Between the two dates of a range: "from 12 August 2012 to 24 August 2012", "16 March-22 April 1993".
RANGE = re.compile(r"\s*,?\s*(?:to|until|till|through|and|-|–|—)\s*", re.IGNORECASE)


class Dating:
    """The patient's date points (``date_points``) and, for a mention, the one that dates it
    (``index``; see ``pipeline.cases.timeline``): worked out once per case, shared by the labs and
    the time line."""

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


def _is_range(first: DatePoint, second: DatePoint) -> bool:
    gap = first.sentence[first.end - first.sentence_start - first.shift : second.start - first.sentence_start - first.shift]
    return RANGE.fullmatch(gap) is not None
