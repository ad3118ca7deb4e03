"""What caselit remembers of a review sheet: for every row the report it came from and the
values it wrote last (to tell the reviewer's edits from its own), and where the table is.
Kept in the hidden sheet ``_caselit`` of an .xlsx, in ``REVIEW.csv.caselit.json`` beside a .csv.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.review.errors import ReviewError
from pipeline.review.stores import canonical

STATE_SHEET = "_caselit"
STATE_MARK, STATE_FORMAT = "caselit review state", 1
STATE_NOTE = "The values caselit wrote last, to tell the reviewer's edits from its own. Do not edit."
STATE_COLUMNS = ("caselit ID", "State")  # State: JSON of StateRow's other fields
# In a stored list of values: caselit never wrote that column for the row (values are text or null).
_NEVER_WRITTEN = False


@dataclass
class StateRow:
    """What caselit knows of one row: the report it came from and the values it wrote."""

    key: str  # the caselit ID in the sheet
    doc_id: str
    case: int
    source: str  # relative to the review's folder when possible
    report: str
    file_hash: str
    version: str  # of the pipeline that computed the values
    values: dict[str, str | None] = field(default_factory=dict)  # column -> remembered value
    text: str | None = field(default=None, repr=False, compare=False)  # as read; None once changed

    def to_row(self, columns: list[str], reuse: bool = True) -> list[object]:
        """[key, JSON]; the values as a list in the order of ``columns`` (stored once)."""
        if self.text is None or not reuse:
            values = [self.values.get(c) if c in self.values else _NEVER_WRITTEN for c in columns]
            while values and values[-1] is _NEVER_WRITTEN:
                values.pop()
            self.text = _json({"doc": self.doc_id, "case": self.case, "source": self.source,
                               "report": self.report, "file": self.file_hash, "pipeline": self.version,
                               "values": values})
        return [self.key, self.text]

    @classmethod
    def from_row(cls, row: list[object], columns: list[str]) -> StateRow:
        key, text = (list(row) + [None, None])[:2]
        return cls.from_stored(key, text, json.loads(text) if isinstance(text, str) else None, columns)

    @classmethod
    def from_stored(cls, key: object, text: str | None, stored: object, columns: list[str]) -> StateRow:
        """The row of ``key`` from its State text and that text decoded."""
        if not key or not isinstance(stored, dict) or not isinstance(stored.get("values"), list):
            raise ValueError("a state row without an id or values")
        if len(stored["values"]) > len(columns):
            raise ValueError("a state row with more values than columns")
        values = dict(zip(columns, stored["values"]))
        if _NEVER_WRITTEN in stored["values"]:
            values = {c: v for c, v in values.items() if v is not _NEVER_WRITTEN}
        get = stored.get
        return cls(str(key), str(get("doc") or ""), int(get("case") or 0), str(get("source") or ""),
                   str(get("report") or ""), str(get("file") or ""), str(get("pipeline") or ""), values, text)


def state_file(review: Path) -> Path:
    """review.csv -> review.csv.caselit.json: what caselit wrote last into a CSV review."""
    return review.with_name(review.name + ".caselit.json")


def parse_state(rows: list[list[object]]) -> tuple[dict[str, StateRow], list[str], dict]:
    if not rows or not rows[0] or rows[0][0] != STATE_MARK:
        raise ReviewError("its _caselit sheet is not caselit's")
    if len(rows[0]) < 2 or canonical(rows[0][1]) != str(STATE_FORMAT):
        raise ReviewError(f"its _caselit sheet has an unknown format ({rows[0][1:2]}); a newer caselit wrote it?")
    state = {}
    try:
        layout = json.loads(rows[0][4]) if len(rows[0]) > 4 and rows[0][4] else {}
        if not isinstance(layout, dict):
            raise ValueError("a layout that is not a mapping")
        columns = json.loads(rows[0][3]) if len(rows[0]) > 3 and rows[0][3] else []
        if not isinstance(columns, list):
            raise ValueError("no list of value columns")
        columns = [str(c) for c in columns]
        for row in _decoded_rows(rows[2:], columns):
            state[row.key] = row
    except (ValueError, TypeError) as error:
        raise ReviewError(f"its _caselit sheet is damaged ({error})") from None
    return state, columns, layout


def _decoded_rows(rows: list[list[object]], columns: list[str]) -> list[StateRow]:
    """The state rows: their JSON texts decoded at once (one call for 10,000 rows, not
    10,000), else row by row, which says which row is damaged."""
    pairs = [(row[0] if row else None, row[1] if len(row) > 1 else None) for row in rows]
    texts = [text for _, text in pairs]
    if all(isinstance(text, str) and text.startswith("{") and text.endswith("}") for text in texts):
        try:
            decoded = json.loads("[" + ",".join(texts) + "]")
        except ValueError:
            decoded = None
        if isinstance(decoded, list) and len(decoded) == len(pairs):
            return [StateRow.from_stored(key, text, stored, columns) for (key, text), stored in zip(pairs, decoded)]
    return [StateRow.from_row(row, columns) for row in rows]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(value: object) -> str:
    """Compact JSON text that any UTF-8 file can hold: a source path that is not valid UTF-8
    keeps its undecodable bytes as ``\\udcXX`` escapes, which json.loads turns back into the
    same path.

    >>> _json({"source": "caf\\udce9.txt", "report": "café"})
    '{"source":"caf\\\\udce9.txt","report":"café"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
