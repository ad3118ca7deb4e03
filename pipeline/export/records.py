"""Case records back from a JSONL table (``caselit extract -o cases.jsonl``): what ``caselit report``
and ``caselit plot`` read, so that a page or a figure can be made again without running the
pipeline."""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.cases.labs import LabValue
from pipeline.cases.record import Case, Evidence
from pipeline.cases.timeline import TimelineEvent
from pipeline.cases.treatments import Treatment


class RecordError(ValueError):
    """A line of the JSONL file is not a case record (one line: where and why)."""


def _build(cls, record: dict):
    names = {f.name for f in dataclasses.fields(cls)}
    values = {k: tuple(v) if isinstance(v, list) and k in _TUPLE_FIELDS.get(cls, ()) else v
              for k, v in record.items() if k in names}
    return cls(**values)


_TUPLE_FIELDS = {
    Evidence: ("qualifiers",),
    Treatment: ("drugs",),
    LabValue: ("dimensions",),
    TimelineEvent: ("values",),
}


def case_from_dict(record: dict) -> Case:
    """A ``Case`` from its ``to_dict()`` form (unknown keys ignored: a newer or older file reads).

    >>> case = Case("a.txt", age=40, evidence=[Evidence("age", 40, "A 40-year-old.", 2, 13, 0)])
    >>> case_from_dict(json.loads(json.dumps(case.to_dict()))) == case
    True
    """
    record = dict(record)
    record["evidence"] = [_build(Evidence, e) for e in record.get("evidence") or ()]
    record["treatments"] = [_build(Treatment, t) for t in record.get("treatments") or ()]
    record["labs"] = [_build(LabValue, v) for v in record.get("labs") or ()]
    record["timeline"] = [_build(TimelineEvent, e) for e in record.get("timeline") or ()]
    return _build(Case, record)


def read_cases(path: str | os.PathLike) -> Iterator[Case]:
    """The cases of a JSONL file, one per line, streamed; raises RecordError on a bad line."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or "doc" not in record:
                    raise ValueError("not a case record (no 'doc')")
                yield case_from_dict(record)
            except (ValueError, TypeError) as failure:
                raise RecordError(f"{path.name}, line {number}: {failure}") from None
