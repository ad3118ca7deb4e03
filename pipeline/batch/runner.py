"""Processing many report files: cached results first, then the pipeline in 1..N processes.

The unit of work is a file (one or more reports). A worker process builds the pipeline once,
reads the file, runs ``report_cases`` on each report and sends back small ``Case`` records,
never Docs. The parent stores every finished file in the cache at once, which is what makes
a killed batch resumable.
"""
from __future__ import annotations

import concurrent.futures as futures
import dataclasses
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.cache import ResultCache
from pipeline.batch.identity import content_hash, document_id, file_hash
from pipeline.batch.progress import Progress
from pipeline.cases.record import Case
from pipeline.ingest import IngestError, iter_input_files, read_report

# On Linux workers are forked from a parent that built the pipeline, so they start at once;
# elsewhere (macOS, Windows: fork is unsafe or missing) each spawned worker builds its own.
_FORK = sys.platform.startswith("linux")
# Files handed to each worker before the parent waits: keeps every worker busy without
# holding the whole folder's results in flight.
_IN_FLIGHT_PER_JOB = 2


@dataclass
class ReportResult:
    """One report of a file: its name in the table, identity, and cases."""

    name: str
    doc_id: str
    content_hash: str
    cases: list[Case] = field(default_factory=list)


@dataclass
class InputFile:
    """A file to process: its path and the hash of its bytes (None with an error)."""

    path: Path
    file_hash: str | None
    error: str | None = None


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


def read_inputs(paths: Iterable[str | os.PathLike]) -> list[InputFile]:
    """The report files under ``paths``, each with the hash of its bytes."""
    found = []
    for path in iter_input_files(paths):
        try:
            found.append(InputFile(path, file_hash(path.read_bytes())))
        except FileNotFoundError:
            found.append(InputFile(path, None, "file not found"))
        except IsADirectoryError:
            found.append(InputFile(path, None, "is a folder, not a file"))
        except OSError as error:
            found.append(InputFile(path, None, f"cannot read file ({error.strerror or error})"))
    return found


def process_file(nlp, path: Path) -> tuple[str, list[ReportResult]]:
    """(hash of the bytes read, reports with their cases); raises IngestError."""
    from pipeline.api import report_cases

    try:
        digest = file_hash(path.read_bytes())
    except OSError:
        digest = None  # read_report raises the error with a proper message
    results = []
    for report in read_report(path):
        cases = report_cases(nlp, report)
        results.append(ReportResult(report.name, document_id(report), content_hash(report.text), cases))
    return digest, results


def _failure(error: BaseException) -> str:
    if isinstance(error, IngestError):
        return error.reason
    return f"{type(error).__name__}: {error}"


def _renamed(reports: list[ReportResult], path: Path) -> list[ReportResult]:
    """Cached results of a file now called ``path``: report names and Case.doc follow the file."""
    renamed = []
    for report in reports:
        base, hash_mark, number = report.name.partition("#")
        name = path.name + hash_mark + number
        if name == report.name:
            renamed.append(report)
            continue
        cases = [dataclasses.replace(case, doc=name) for case in report.cases]
        renamed.append(dataclasses.replace(report, name=name, cases=cases))
    return renamed


# --- the pipeline, once per process ---------------------------------------------------------

_NLP: dict[str | None, object] = {}
_WORKER_MODEL: str | None = None


def shared_nlp(model: str | None = None):
    """The caselit pipeline (with the NER ``model``, if any), built on first use and kept
    for the life of the process."""
    if model not in _NLP:
        from pipeline.nlp.build import build_nlp

        _NLP[model] = build_nlp(model=model) if model else build_nlp()
    return _NLP[model]


def _start_worker(parent_pid: int, model: str | None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    shared_nlp(model)
    # A parent killed with SIGKILL cannot stop its workers: they notice and leave on their own.
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _work(path: str) -> tuple[str | None, list[ReportResult] | None, str | None]:
    try:
        digest, reports = process_file(shared_nlp(_WORKER_MODEL), Path(path))
        return digest, reports, None
    except Exception as error:  # one bad report must not end the batch
        return None, None, _failure(error)


# --- the batch ------------------------------------------------------------------------------


class BatchRunner:
    """Run files through the pipeline: ``run(files) -> [FileResult]`` in the order given.

    ``jobs`` processes (0: one per CPU; 1: in this process); ``cache`` a ResultCache (whose
    version must match the pipeline: see ``pipeline_version(model)``) or None; ``progress`` a
    Progress advanced once per file; ``model`` the optional NER model of ``build_nlp``;
    ``nlp`` a pipeline already built to use in this process.
    """

    def __init__(self, jobs: int = 1, cache: ResultCache | None = None, progress: Progress | None = None,
                 nlp=None, model: str | None = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cache = cache
        self.progress = progress
        self.nlp = nlp
        self.model = model
        self.processed = 0  # files run through the pipeline (not from the cache)

    def run(self, files: Sequence[InputFile]) -> list[FileResult]:
        results: list[FileResult | None] = [None] * len(files)
        # file hash -> indexes of the files with those bytes, processed once; without a cache
        # every file is processed (what a benchmark of copies of one corpus expects).
        todo: dict[str, list[int]] = {}
        for index, item in enumerate(files):
            if item.error or item.file_hash is None:
                self._finish(results, index, FileResult(item.path, None, error=item.error or "cannot read file"))
            elif self.cache is None:
                todo[f"{item.file_hash}:{index}"] = [index]
            else:
                todo.setdefault(item.file_hash, []).append(index)
        if self.cache is not None and todo:
            for digest, reports in self.cache.get_many(todo).items():
                for index in todo.pop(digest):
                    self._finish(results, index, FileResult(files[index].path, digest, _renamed(reports, files[index].path), cached=True))
        if todo:
            work = [(files[indexes[0]].file_hash, indexes) for indexes in todo.values()]
            if self.jobs == 1 or len(work) == 1:
                self._run_here(files, work, results)
            else:
                self._run_pool(files, work, results)
        return results  # type: ignore[return-value]

    def _finish(self, results, index: int, result: FileResult) -> None:
        results[index] = result
        if self.progress is not None:
            self.progress.advance(cached=result.cached)

    def _store(self, files, results, digest, indexes, outcome) -> None:
        seen_hash, reports, error = outcome
        if error is None:
            self.processed += 1
            if self.cache is not None:
                # Keyed by the bytes the worker read, should the file have changed meanwhile.
                try:
                    self.cache.put(seen_hash or digest, reports)
                except sqlite3.Error as failure:  # locked too long, disk full: go on without it
                    print(f"caselit: cache write failed ({failure}); going on without the cache", file=sys.stderr)
                    self.cache = None
        for index in indexes:
            path = files[index].path
            if error is not None:
                self._finish(results, index, FileResult(path, digest, error=error))
            else:
                self._finish(results, index, FileResult(path, seen_hash or digest, _renamed(reports, path)))

    def _run_here(self, files, work, results) -> None:
        nlp = self.nlp or shared_nlp(self.model)
        for digest, indexes in work:
            try:
                seen_hash, reports = process_file(nlp, files[indexes[0]].path)
                outcome = (seen_hash, reports, None)
            except Exception as error:  # one bad report must not end the batch
                outcome = (None, None, _failure(error))
            self._store(files, results, digest, indexes, outcome)

    def _run_pool(self, files, work, results) -> None:
        queue = list(reversed(work))
        if _FORK:  # built once here, inherited by every worker (copy-on-write)
            shared_nlp(self.model)
        while queue:
            context = multiprocessing.get_context("fork" if _FORK else "spawn")
            with futures.ProcessPoolExecutor(
                max_workers=min(self.jobs, len(queue)), mp_context=context,
                initializer=_start_worker, initargs=(os.getpid(), self.model),
            ) as pool:
                running: dict[futures.Future, tuple[str, list[int]]] = {}
                try:
                    while queue or running:
                        while queue and len(running) < self.jobs * _IN_FLIGHT_PER_JOB:
                            digest, indexes = queue.pop()
                            running[pool.submit(_work, str(files[indexes[0]].path))] = (digest, indexes)
                        done, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                        for future in done:
                            digest, indexes = running[future]
                            outcome = future.result()  # raises when the pool broke
                            del running[future]
                            self._store(files, results, digest, indexes, outcome)
                except BrokenProcessPool:
                    # A worker died (out of memory, a crash in a library): the files it and
                    # its siblings held are reported; a new pool takes the rest.
                    for digest, indexes in running.values():
                        outcome = (None, None, "a worker process died while reading it or a file beside it; run again")
                        self._store(files, results, digest, indexes, outcome)
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise


def run_batch(
    paths: Iterable[str | os.PathLike],
    jobs: int = 1,
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
    quiet: bool = True,
    on_error: Callable[[Path, str], None] | None = None,
    model: str | None = None,
    nlp=None,
) -> list[FileResult]:
    """Every report file under ``paths`` processed (cached results reused), in input order.

    Files that cannot be read come back with ``error`` set (and go to ``on_error``).
    """
    from pipeline.batch.cache import open_cache
    from pipeline.batch.version import pipeline_version

    files = read_inputs(paths)
    cache = open_cache(cache_dir, pipeline_version(model)) if use_cache and files else None
    try:
        with Progress(len(files), quiet=quiet) as progress:
            results = BatchRunner(jobs, cache, progress, nlp=nlp, model=model).run(files)
    finally:
        if cache is not None:
            cache.close()
    if on_error is not None:
        for result in results:
            if result.error:
                on_error(result.path, result.error)
    return results
