"""What caselit remembers of a review sheet: for every row the report it came from and the
values it wrote last (to tell the reviewer's edits from its own), and where the table is.
Kept in the hidden sheet ``_caselit`` of an .xlsx, in ``REVIEW.csv.caselit.json`` beside a .csv.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.review.errors import ReviewError
from pipeline.review.stores import canonical

STATE_SHEET = "_caselit"
STATE_MARK, STATE_FORMAT = "caselit review state", 1
STATE_NOTE = "The values caselit wrote last, to tell the reviewer's edits from its own. Do not edit."
STATE_COLUMNS = ("caselit ID", "State")  # State: JSON of StateRow's other fields
# In a stored list of values: caselit never wrote that column for the row (values are text or null).
_NEVER_WRITTEN = False


class StateRow:
    """What caselit knows of one row: the report it came from and the values it wrote.

    ``values`` (column -> remembered value) of a row read from the sheet is decoded from its
    stored list on first use: a refresh of 10,000 rows that are all unchanged reads only
    their status (``get``) and writes their stored text back as it was.
    """

    __slots__ = ("key", "doc_id", "case", "source", "report", "file_hash", "version", "text",
                 "_values", "_stored", "_index")

    def __init__(self, key: str, doc_id: str, case: int, source: str, report: str, file_hash: str,
                 version: str, values: dict[str, str | None] | None = None, text: str | None = None):
        self.key = key  # the caselit ID in the sheet
        self.doc_id = doc_id
        self.case = case
        self.source = source  # relative to the review's folder when possible
        self.report = report
        self.file_hash = file_hash
        self.version = version  # of the pipeline that computed the values
        self.text = text  # the State text as read; None once changed
        self._values = {} if values is None else values
        self._stored: list | None = None  # the stored list of values, not decoded yet
        self._index: dict[str, int] | None = None  # column -> its place in that list

    @property
    def values(self) -> dict[str, str | None]:
        """Column -> remembered value (a column caselit never wrote for the row is absent)."""
        if self._values is None:
            self._values, self._stored = _decoded_values(list(self._index), self._stored), None
        return self._values

    @values.setter
    def values(self, values: dict[str, str | None]) -> None:
        self._values, self._stored = values, None

    @property
    def decoded(self) -> bool:
        """``values`` was used (it may hold columns the stored list has no place for)."""
        return self._values is not None

    def get(self, column: str, default: object = None) -> object:
        """``values.get(column, default)`` without decoding the row."""
        if self._values is not None:
            return self._values.get(column, default)
        at = self._index.get(column)
        if at is None or at >= len(self._stored) or self._stored[at] is _NEVER_WRITTEN:
            return default
        return self._stored[at]

    def _fields(self) -> tuple:
        return (self.key, self.doc_id, self.case, self.source, self.report, self.file_hash, self.version,
                self.values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StateRow):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return ("StateRow(key={!r}, doc_id={!r}, case={!r}, source={!r}, report={!r}, file_hash={!r}, "
                "version={!r}, values={!r})".format(*self._fields()))

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
    def from_stored(cls, key: object, text: str | None, stored: object, columns: list[str],
                    index: dict[str, int] | None = None) -> StateRow:
        """The row of ``key`` from its State text and that text decoded. ``index``:
        ``{column: place}`` of ``columns`` (made once for all the rows of a sheet)."""
        if not key or not isinstance(stored, dict) or not isinstance(stored.get("values"), list):
            raise ValueError("a state row without an id or values")
        stored_values = stored["values"]
        if len(stored_values) > len(columns):
            raise ValueError("a state row with more values than columns")
        get = stored.get
        row = cls(str(key), str(get("doc") or ""), int(get("case") or 0), str(get("source") or ""),
                  str(get("report") or ""), str(get("file") or ""), str(get("pipeline") or ""), None, text)
        index = index if index is not None else _index_of(columns)
        if len(index) == len(columns):
            row._values, row._stored, row._index = None, stored_values, index  # decoded on first use
        else:  # a column named twice: decoded now, as it always was
            row.values = _decoded_values(columns, stored_values)
        return row


def _index_of(columns: list[str]) -> dict[str, int]:
    """{column: its place} (in the order of ``columns``)."""
    return {column: at for at, column in enumerate(columns)}


def _decoded_values(columns: list[str], stored: list) -> dict[str, str | None]:
    """Column -> value of a stored list (a column never written for the row left out)."""
    values = dict(zip(columns, stored))
    if _NEVER_WRITTEN in stored:
        values = {c: v for c, v in values.items() if v is not _NEVER_WRITTEN}
    return values


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
            index = _index_of(columns)
            return [StateRow.from_stored(key, text, stored, columns, index)
                    for (key, text), stored in zip(pairs, decoded)]
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
