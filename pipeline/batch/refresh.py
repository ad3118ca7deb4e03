"""Refreshing a review sheet from report files: the files whose rows are up to date are
skipped on their hash alone, the others come from the cache or the pipeline, and the sheet
is updated by ``pipeline.review.refresh`` and written atomically (previous one kept as
``REVIEW.bak.xlsx``).

    >>> summary = refresh_review("review.xlsx", ["reports/"], jobs=4)   # doctest: +SKIP
    >>> print(summary.line("review.xlsx"))                              # doctest: +SKIP
    review.xlsx: 10 added, 2 updated, 9988 unchanged, 1 conflict, 0 failed
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from pipeline.batch.cache import default_cache_dir, open_cache
from pipeline.batch.file_stats import FileStats
from pipeline.batch.progress import Progress
from pipeline.batch.engine import open_runner
from pipeline.batch.inputs import InputFile, hash_input
from pipeline.batch.results import FileResult
from pipeline.batch.version import pipeline_version
from pipeline.export.locks import ReviewLock
from pipeline.ingest.discover import iter_input_texts
from pipeline.review.errors import ReviewChanged, ReviewError
from pipeline.review.opening import check_review_path
from pipeline.review.refresh import Review
from pipeline.review.reports import RefreshSummary, ReportCases

# Merges of one refresh when another program keeps saving the sheet meanwhile.
MERGE_ATTEMPTS = 3
# Allocations between two runs of the cyclic garbage collector during a refresh (Python's
# default is 700).
GC_THRESHOLD = 50_000


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
    on_notice: Callable[[str], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
    sheet: str | None = None,
    overrides: dict[str, str | None] | None = None,
    dry_run: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> RefreshSummary:
    """Add, update and flag the rows of the review sheet at ``review_path`` (created when
    missing) from the report files under ``inputs``. Raises ReviewError, leaving the sheet
    untouched, when it is not a sheet caselit keeps, and NothingRead (a ReviewError) when no
    report could be read. ``on_skip``: the files of a folder that are not reports (see
    ``iter_input_files``). ``sheet``, ``overrides``: where the table of a sheet caselit did
    not create is and how its headers read (``Review.open``); ``dry_run``: merge, write nothing;
    ``engine``, ``scheduler``: where the reports run, as for ``iter_batch``.

    The review is locked for the whole read–merge–write (``ReviewLock``): a second refresh
    of the same sheet waits for this one, telling ``on_notice`` once. When another program
    saved the sheet during the refresh, the refresh merges again from the saved file
    (``on_notice`` says so) instead of overwriting it, and gives up with a ReviewError,
    leaving it as the other program saved it, if that happens ``MERGE_ATTEMPTS`` times."""
    review_path = Path(review_path)
    check_review_path(review_path)
    options = dict(jobs=jobs, cache_dir=cache_dir, use_cache=use_cache, quiet=quiet, backup=backup,
                   on_error=on_error, model=model, on_notice=on_notice, on_skip=on_skip, sheet=sheet,
                   overrides=overrides, dry_run=dry_run, engine=engine, scheduler=scheduler)
    # a dry run reads only: no lock file beside the sheet
    lock = nullcontext() if dry_run else ReviewLock(review_path, on_wait=on_notice)
    with _fewer_collections(), lock:
        return _refresh_locked(review_path, inputs, **options)


@contextmanager
def _fewer_collections(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """Python's cyclic garbage collector run less often meanwhile: a refresh allocates a few
    objects for each of 10,000 files and rows, nearly all freed by reference counting, and
    the default threshold (700 allocations) ran a collection every few dozen rows."""
    old = gc.get_threshold()
    if not gc.isenabled() or old[0] >= threshold:
        yield
        return
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _refresh_locked(review_path: Path, inputs, jobs, cache_dir, use_cache, quiet, backup, on_error, model,
                    on_notice, on_skip, sheet=None, overrides=None, dry_run=False, engine="local",
                    scheduler=None) -> RefreshSummary:
    version = pipeline_version(model)
    files = None
    results: dict[Path, FileResult] = {}  # kept across merges: a file is processed once
    for _attempt in range(MERGE_ATTEMPTS):
        review = Review.open(review_path, sheet=sheet, overrides=overrides)
        review.dry_run = dry_run
        if files is None:
            texts, hashes, files = _hashed_inputs(inputs, on_skip, cache_dir, use_cache)
        # Paths as str for the 10,000 files of a folder: no pathlib hashing or formatting, and
        # an InputFile (a Path) only for the files whose rows are not up to date.
        is_unchanged = review.is_unchanged
        same = [bool(file_hash) and is_unchanged(text, file_hash, version) for text, file_hash in zip(texts, hashes)]
        unchanged = [text for text, up_to_date in zip(texts, same) if up_to_date]
        rest = [files.get(text) or InputFile(Path(text), file_hash)
                for text, file_hash, up_to_date in zip(texts, hashes, same) if not up_to_date]
        todo = [f for f in rest if f.path not in results]
        for result in _run(todo, jobs, cache_dir, use_cache, quiet, model, version, engine, scheduler):
            results[result.path] = result
            if result.error and on_error is not None:
                on_error(result.path, result.error)
        reports, failed = [], []
        done = [results[f.path] for f in rest]
        for result in done:
            if result.error:
                failed.append(result.path)
                continue
            for report in result.reports:
                reports.append(ReportCases(report.doc_id, report.name, result.path, result.file_hash, report.cases))
        if not unchanged and not any(result.error is None for result in done):
            # A typo for the reports folder, or an empty one: nothing to refresh from.
            kept = f"; {review.path} was left as it was" if not review.is_new else ""
            raise NothingRead(f"nothing written: no report could be read{kept}")
        summary = review.apply(reports, unchanged=unchanged, failed=failed, version=version)
        if not review.dirty or dry_run:
            return summary
        try:
            review.save(backup=backup)
            return summary
        except ReviewChanged as change:
            if on_notice is not None:
                on_notice(f"{change} (saved in another program?): merging again from the saved file")
    raise ReviewError(f"{review_path} kept changing on disk while caselit refreshed it; it was left as the "
                      "other program saved it: close it there and run the refresh again")


def _read_inputs(inputs, on_skip, cache_dir, use_cache: bool) -> list[InputFile]:
    """The report files under ``inputs`` with the hashes of their bytes, as ``read_inputs``
    gives them; a file whose size, times and inode are those recorded with its hash the last
    time (``FileStats``, beside the results cache) is not read again. Without the cache
    every file is read."""
    return _read_input_paths(inputs, on_skip, cache_dir, use_cache)[0]


def _read_input_paths(inputs, on_skip, cache_dir, use_cache: bool) -> tuple[list[InputFile], list[str]]:
    """``_read_inputs`` and the files' paths as str (``os.fspath`` of each ``InputFile.path``)."""
    texts, hashes, files = _hashed_inputs(inputs, on_skip, cache_dir, use_cache)
    return [files.get(text) or InputFile(Path(text), file_hash) for text, file_hash in zip(texts, hashes)], texts


def _hashed_inputs(inputs, on_skip, cache_dir, use_cache: bool
                   ) -> tuple[list[str], list[str | None], dict[str, InputFile]]:
    """(the files' paths as str, the hash of each (None: see its InputFile), {path: InputFile}
    of the files hashed now, errors included): ``_read_input_paths`` without an InputFile
    for each file ``FileStats`` knows unchanged."""
    texts = list(iter_input_texts(inputs, on_skip=on_skip))
    files: dict[str, InputFile] = {}
    if not use_cache:
        for text in texts:
            files[text] = hash_input(InputFile(Path(text), None))
        return texts, [files[text].file_hash for text in texts], files
    hashes: list[str | None] = []
    hashed = []
    with FileStats(Path(cache_dir) if cache_dir else default_cache_dir()) as stats:
        known = stats.known(texts)  # keyed by the str paths
        for text in texts:
            file_hash = known.get(text)
            if file_hash is not None:
                hashes.append(file_hash)
                continue
            path = Path(text)
            try:  # before reading: a file written meanwhile no longer matches
                status = os.stat(path)
            except OSError:
                status = None
            item = files[text] = hash_input(InputFile(path, None))
            hashes.append(item.file_hash)
            if status is not None and not item.error:
                hashed.append((path, status, item.file_hash))
        stats.record(hashed)
    return texts, hashes, files


def _run(todo, jobs, cache_dir, use_cache, quiet, model, version, engine, scheduler) -> list[FileResult]:
    if not todo:
        return []
    cache = open_cache(cache_dir, version) if use_cache else None
    try:
        with Progress(len(todo), quiet=quiet) as progress, \
                open_runner(engine, jobs, cache, progress, scheduler=scheduler, model=model) as runner:
            return runner.run(todo)
    finally:
        if cache is not None:
            cache.close()
