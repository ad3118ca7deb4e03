"""The events a relative time counts from: the kinds of clinical events of
``cases/event_anchors.tsv`` (``event_kinds``: an operation is told with "underwent", "-ectomy"...)
and the patterns that find the event an anchor ("after the operation") names in a sentence."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.resources import read_table

EVENT_ANCHORS = "cases/event_anchors.tsv"
# Words of an anchor too general to find its event by ("after the first course of ...").
GENERAL_WORDS = frozenset(
    "the a an of his her their this that first second third last initial final start starting end "
    "completion beginning onset same previous prior patient patients course courses cycle cycles "
    "treatment therapy day days week weeks month months year years have been were with from into "
    "when also then went under over".split()
)


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
