"""Ingest: files -> ``Report`` (text plus what is known about the article).

``iter_input_files(paths)`` finds report files among files and folders; ``read_report(path)``
reads one file into a list of reports (a list because some formats hold several articles),
raising ``IngestError`` with a one-line message naming the file when it cannot.
"""
from pipeline.ingest.discover import iter_input_files
from pipeline.ingest.errors import IngestError
from pipeline.ingest.reader import read_report, register_reader, supported_extensions
from pipeline.ingest.report import Report

__all__ = [
    "IngestError",
    "Report",
    "iter_input_files",
    "read_report",
    "register_reader",
    "supported_extensions",
]
