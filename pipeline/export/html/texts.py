"""The report texts a review page marks the findings in.

The case records hold offsets into their report's text, not the text itself (a JSONL of 1,000
reports would carry every article twice). The page reads the texts again from the report files:
``ReportTexts(paths)`` indexes the report files under the paths given (the inputs of
``caselit extract``, or those given to ``caselit report``) by the name the table shows, and
reads a file only when the page needs one of its reports. A text is used only when the case's
evidence sentences are where the case says they are: a file edited since the extraction is not
marked with stale offsets (the page then shows the evidence sentences alone).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.ingest import IngestError, iter_input_files, read_report
from pipeline.ingest.reader import display_name

# Evidence sentences compared with the text before its offsets are trusted, and how much of each.
CHECKED_SENTENCES = 8
CHECKED_CHARACTERS = 60


class ReportTexts:
    """Report name (``Case.doc``) -> the report's text, read lazily from the files under ``paths``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("A 40-year-old woman.", encoding="utf-8")
    >>> ReportTexts([folder]).text("a.txt")
    'A 40-year-old woman.'
    """

    def __init__(self, paths: Iterable[str | os.PathLike]):
        self._files: dict[str, list[Path]] = {}
        for path in iter_input_files(list(paths)):
            self._files.setdefault(display_name(path.name), []).append(path)
        self._read: dict[Path, dict[str, str]] = {}

    def candidates(self, name: str) -> list[str]:
        """Texts of every report that bears ``name`` (files of the same name in two folders)."""
        base = name.partition("#")[0]
        texts = []
        for path in self._files.get(base, ()):
            reports = self._reports(path)
            if name in reports:
                texts.append(reports[name])
        return texts

    def text(self, name: str, evidence=()) -> str | None:
        """The text of report ``name`` whose evidence sentences sit at their offsets, or None."""
        for text in self.candidates(name):
            if matches(text, evidence):
                return text
        return None

    def _reports(self, path: Path) -> dict[str, str]:
        if path not in self._read:
            if len(self._read) > 4:  # one file at a time is read again: keep memory flat
                self._read.pop(next(iter(self._read)))
            try:
                self._read[path] = {report.name: report.text for report in read_report(path)}
            except (IngestError, OSError):
                self._read[path] = {}
        return self._read[path]


def matches(text: str, evidence) -> bool:
    """Whether the evidence sentences are found at their offsets in ``text``."""
    checked = 0
    for item in evidence:
        sentence = item.sentence or ""
        if not sentence:
            continue
        head = sentence[:CHECKED_CHARACTERS].rstrip("…")
        if text[item.sentence_start:item.sentence_start + len(head)] != head or item.end > len(text):
            return False
        checked += 1
        if checked >= CHECKED_SENTENCES:
            break
    return True
