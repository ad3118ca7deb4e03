"""What a file gives: one file run through the pipeline (``process_file``), its reports with
their cases (``ReportResult``, the records the cache stores) and the result of the file
(``FileResult``), with the cached results of a renamed file (``_renamed``) and the one line
of a failure (``_failure``)."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.identity import content_hash, document_id, file_hash
from pipeline.cases.record import Case
from pipeline.ingest import IngestError, read_report
from pipeline.ingest.pubmed_baseline import cache_key, is_streamed, is_streamed_name, stream_reports
from pipeline.ingest.reader import display_name, read_file_bytes


@dataclass
class ReportResult:
    """One report of a file: its name in the table, identity, and cases."""

    name: str
    doc_id: str
    content_hash: str
    cases: list[Case] = field(default_factory=list)


@dataclass
class FileResult:
    path: Path
    file_hash: str | None
    reports: list[ReportResult] = field(default_factory=list)
    error: str | None = None  # one line: why the file was skipped
    cached: bool = False

    @property
    def cases(self) -> list[Case]:
        return [case for report in self.reports for case in report.cases]


def process_file(nlp, path: Path, publication_types: Sequence[str] | None = None) -> tuple[str, list[ReportResult]]:
    """(hash of the bytes read, reports with their cases); raises IngestError. A PubMed file
    read as a stream gives its articles one at a time (only those of ``publication_types``)."""
    from pipeline.extraction import report_cases

    if is_streamed(path, publication_types):
        seen = []
        results = [ReportResult(report.name, document_id(report), content_hash(report.text), report_cases(nlp, report))
                   for report in stream_reports(path, publication_types, on_done=seen.append)]
        return cache_key(seen[0], publication_types), results
    data = read_file_bytes(path)
    digest = file_hash(data)
    results = []
    for report in read_report(path, data):
        cases = report_cases(nlp, report)
        results.append(ReportResult(report.name, document_id(report), content_hash(report.text), cases))
    return digest, results


def _failure(error: BaseException) -> str:
    if isinstance(error, IngestError):
        return error.reason
    return f"{type(error).__name__}: {error}"


def _renamed(reports: list[ReportResult], path: Path) -> list[ReportResult]:
    """Cached results of a file now called ``path``: report names and Case.doc follow the file
    (those of a streamed PubMed file are PMIDs: they stay)."""
    if is_streamed_name(path) or (path.suffix.lower() == ".xml" and all(r.name.isdigit() for r in reports)):
        return reports
    renamed = []
    for report in reports:
        base, hash_mark, number = report.name.partition("#")
        name = display_name(path.name) + hash_mark + number
        if name == report.name:
            renamed.append(report)
            continue
        cases = [dataclasses.replace(case, doc=name) for case in report.cases]
        renamed.append(dataclasses.replace(report, name=name, cases=cases))
    return renamed
