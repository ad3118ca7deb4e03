"""Cells where the reviewer's value and caselit's disagree: the reviewer's is kept, the
disagreement listed (terminal, the ``conflicts`` sheet, ``REVIEW.conflicts.csv``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.review.stores import canonical

CONFLICTS_SHEET = "conflicts"
CONFLICT_COLUMNS = ("Refreshed", "caselit ID", "Report", "Case", "Column", "Your value",
                    "caselit wrote before", "caselit finds now")


@dataclass
class Conflict:
    """A cell the reviewer changed whose machine value changed too: the reviewer's is kept."""

    key: str
    report: str
    case: int
    column: str
    yours: object
    before: str | None
    now: object

    def line(self) -> str:
        return (f"conflict in {self.report} case {self.case}, column {self.column!r}: kept your "
                f"{_show(self.yours)}; caselit now finds {_show(self.now)} (it wrote {_show(self.before)} before)")

    def row(self, when: str) -> list[object]:
        before = self.before if not (self.before or "").startswith("sha256:") else "(long text)"
        return [when, self.key, self.report, self.case, self.column, _cell(self.yours), before, _cell(self.now)]


def _show(value: object) -> str:
    text = canonical(value)
    if text is None:
        return "(empty)"
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _cell(value: object) -> object:
    return None if canonical(value) is None else value


def conflicts_file(review: Path) -> Path:
    """review.csv -> review.conflicts.csv."""
    return review.with_name(review.stem + ".conflicts.csv")
