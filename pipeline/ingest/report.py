from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    """One case report as read from a file (or fetched): its text and what is known about it.

    ``name`` is what the table's Report column and the JSONL ``doc`` field show: the file
    name, with ``#N`` appended when one file holds several articles.
    """

    name: str
    text: str
    source: str | None = None  # path or URL it was read from
    title: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    authors: list[str] = field(default_factory=list)
    journal: str | None = None
    year: str | None = None
