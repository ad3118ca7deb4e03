"""Refreshing a review sheet from report files: the files whose rows are up to date are
skipped on their hash alone, the others come from the cache or the pipeline, and the sheet
is updated by ``pipeline.export.refresh`` and written atomically (previous one kept as
``REVIEW.bak.xlsx``).

    >>> summary = refresh_review("review.xlsx", ["reports/"], jobs=4)   # doctest: +SKIP
    >>> print(summary.line("review.xlsx"))                              # doctest: +SKIP
    review.xlsx: 10 added, 2 updated, 9988 unchanged, 1 conflict, 0 failed
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.batch.cache import open_cache
from pipeline.batch.progress import Progress
from pipeline.batch.runner import BatchRunner, read_inputs
from pipeline.batch.version import pipeline_version
from pipeline.export.refresh import RefreshSummary, ReportCases, Review, ReviewError


class NothingRead(ReviewError):
    """No report could be read: the review sheet is left as it was."""


def refresh_review(
    review_path: str | os.PathLike,
    inputs: Iterable[str | os.PathLike],
    jobs: int = 1,
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
    quiet: bool = True,
    backup: bool = True,
    on_error: Callable[[Path, str], None] | None = None,
    model: str | None = None,
) -> RefreshSummary:
    """Add, update and flag the rows of the review sheet at ``review_path`` (created when
    missing) from the report files under ``inputs``. Raises ReviewError, leaving the sheet
    untouched, when it is not a sheet caselit keeps, and NothingRead (a ReviewError) when no
    report could be read."""
    review = Review.open(review_path)
    version = pipeline_version(model)
    files = read_inputs(inputs)
    unchanged = [f.path for f in files if f.file_hash and review.is_unchanged(f.path, f.file_hash, version)]
    skipped = set(unchanged)
    todo = [f for f in files if f.path not in skipped]
    cache = open_cache(cache_dir, version) if use_cache and todo else None
    try:
        with Progress(len(todo), quiet=quiet) as progress:
            results = BatchRunner(jobs, cache, progress, model=model).run(todo)
    finally:
        if cache is not None:
            cache.close()
    reports, failed = [], []
    for result in results:
        if result.error:
            failed.append(result.path)
            if on_error is not None:
                on_error(result.path, result.error)
            continue
        for report in result.reports:
            reports.append(ReportCases(report.doc_id, report.name, result.path, result.file_hash, report.cases))
    if not unchanged and not any(result.error is None for result in results):
        # A typo for the reports folder, or an empty one: nothing to refresh from.
        kept = f"; {review.path} was left as it was" if not review.is_new else ""
        raise NothingRead(f"nothing written: no report could be read{kept}")
    summary = review.apply(reports, unchanged=unchanged, failed=failed, version=version)
    if review.dirty:
        review.save(backup=backup)
    return summary
