"""Per-field precision, recall and F1 of extracted cases against a gold file.

The definitions are those of the annotation guide's scorer: a gold line per document
(``{"doc": ..., "cases": [{field: value, ...}, ...]}``) and a predicted line per case
(``{"doc": ..., "case": N, field: value, ...}``, as ``caselit extract -o X.jsonl`` writes).
Scalars score as right / wrong / missing / spurious (a gold list of scalars lists accepted
alternatives); list fields score as sets; numbers compare rounded to 2 decimals, text
case- and space-insensitively. A gold line may name the fields its annotator labelled
(``"labelled": ["age", "sex", "drugs"]``): the other fields of that document are not scored,
so a sheet labelled for some columns only still measures those columns.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SCALAR_FIELDS = ("age", "sex", "primary_site", "histology", "figo_stage", "wbc_max", "outcome")
LIST_FIELDS = ("metastasis_sites", "wbc_values", "drugs", "dates")


class EvaluationError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file and line."""


def normalise(value):
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 2)
    if isinstance(value, str):
        text = value.strip().lower()
        try:
            return round(float(text), 2)
        except ValueError:
            return " ".join(text.split())
    return value


def as_set(value) -> set:
    if value is None:
        return set()
    values = value if isinstance(value, list) else [value]
    return {normalise(v) for v in values if normalise(v) is not None}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    doc: str
    case: int
    field: str
    expected: list
    predicted: object


@dataclass
class Report:
    fields: dict[str, Counts]
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0

    @property
    def micro(self) -> Counts:
        return Counts(*(sum(getattr(c, k) for c in self.fields.values()) for k in ("tp", "fp", "fn")))

    def table(self) -> str:
        lines = [f"{'field':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, c in [*self.fields.items(), ("ALL (micro)", self.micro)]:
            lines.append(f"{name:18} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
        lines.append(f"micro-F1 {self.micro.f1:.3f} over {self.documents} documents")
        return "\n".join(lines)


def read_jsonl(path: str | Path) -> list[dict]:
    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as error:
                        raise EvaluationError(f"{path}:{number}: not JSON: {error.msg}") from None
    except OSError as error:
        raise EvaluationError(f"{path}: {error.strerror or error}") from None
    return rows


def evaluate(gold: Iterable[dict], predicted: Iterable[dict]) -> Report:
    by_doc: dict[str, dict[int, dict]] = {}
    for row in predicted:
        by_doc.setdefault(os.path.basename(str(row.get("doc", ""))), {})[int(row.get("case", 1) or 1)] = row
    counts = {name: Counts() for name in SCALAR_FIELDS + LIST_FIELDS}
    report = Report(counts)
    for document in gold:
        report.documents += 1
        doc = os.path.basename(document["doc"])
        gold_cases = document.get("cases", [])
        cases = by_doc.get(doc, {})
        labelled = set(document.get("labelled") or SCALAR_FIELDS + LIST_FIELDS)
        extra = [n for n in cases if n > len(gold_cases)]
        for index in range(1, len(gold_cases) + len(extra) + 1):
            expected = gold_cases[index - 1] if index <= len(gold_cases) else {}
            got = cases.get(index, {})
            for name in SCALAR_FIELDS:
                if name not in labelled:
                    continue
                wanted = expected.get(name)
                alternatives = {normalise(v) for v in wanted} if isinstance(wanted, list) else {normalise(wanted)}
                alternatives.discard(None)
                value = normalise(got.get(name))
                c = counts[name]
                if alternatives and value in alternatives:
                    c.tp += 1
                    continue
                c.fn += bool(alternatives)
                c.fp += value is not None
                if alternatives or value is not None:
                    report.misses.append(Miss(doc, index, name, sorted(map(str, alternatives)), value))
            for name in LIST_FIELDS:
                if name not in labelled:
                    continue
                wanted, values = as_set(expected.get(name)), as_set(got.get(name))
                c = counts[name]
                c.tp += len(wanted & values)
                c.fp += len(values - wanted)
                c.fn += len(wanted - values)
                if wanted != values:
                    report.misses.append(Miss(doc, index, name, sorted(map(str, wanted - values)), sorted(map(str, values - wanted))))
    return report
