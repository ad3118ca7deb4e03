"""What a refresh receives (``ReportCases``: one report's cases) and what it returns
(``RefreshSummary``: rows added, updated, flagged, conflicts, and the one line that says so)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cases.record import Case
from pipeline.review.conflicts import Conflict
from pipeline.review.machine_columns import STATUS_COLUMN


@dataclass
class ReportCases:
    """One report's cases, as refresh needs them."""

    doc_id: str
    name: str  # the Report column: file name, "#n" for one article of several
    source: Path  # the file it was read from
    file_hash: str
    cases: list[Case]


@dataclass
class RefreshSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    flagged: int = 0  # rows newly marked: source missing, case gone
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)  # (file, document id) skipped
    new_columns: list[str] = field(default_factory=list)
    matched: int = 0  # rows of an adopted sheet linked to a report for the first time
    filled: int = 0  # empty cells filled in them
    mapping: list[str] = field(default_factory=list)  # how an adopted sheet's headers were read
    details: list[str] = field(default_factory=list)  # what a dry run would do, line by line

    def line(self, name: str) -> str:
        """'review.xlsx: 10 added, 2 updated, 9988 unchanged, 1 conflict, 0 failed'."""
        conflicts = len(self.conflicts)
        line = (f"{name}: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{conflicts} conflict{'' if conflicts == 1 else 's'}, {self.failed} failed")
        if self.matched:
            line += f"; {self.matched} of your rows matched to reports, {self.filled} empty cell(s) filled"
        if self.flagged:
            line += f"; {self.flagged} row(s) flagged in {STATUS_COLUMN!r}"
        if self.duplicates:
            line += f"; {len(self.duplicates)} duplicate report(s) skipped"
        return line
