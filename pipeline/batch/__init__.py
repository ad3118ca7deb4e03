"""Batches of reports: document identity, the results cache, N-process runs with progress,
and the refresh of a review sheet (``refresh_review``)."""
from pipeline.batch.cache import ResultCache, default_cache_dir
from pipeline.batch.identity import content_hash, document_id, file_hash
from pipeline.batch.progress import Progress
from pipeline.batch.engine import iter_batch, run_batch
from pipeline.batch.inputs import InputFile, read_inputs
from pipeline.batch.results import FileResult, ReportResult
from pipeline.batch.runner import BatchRunner
from pipeline.batch.version import pipeline_version


def __getattr__(name):
    # refresh pulls in the exporters (pandas, lxml): loaded when asked for.
    if name == "refresh_review":
        from pipeline.batch.refresh import refresh_review

        return refresh_review
    raise AttributeError(name)

__all__ = [
    "BatchRunner",
    "FileResult",
    "InputFile",
    "Progress",
    "ReportResult",
    "ResultCache",
    "content_hash",
    "default_cache_dir",
    "document_id",
    "file_hash",
    "iter_batch",
    "pipeline_version",
    "read_inputs",
    "refresh_review",
    "run_batch",
]
