"""Processing many report files: cached results first, then the pipeline in 1..N processes.

The unit of work is a file (one or more reports). A worker process builds the pipeline once,
reads the file, runs ``report_cases`` on each report and sends back small ``Case`` records,
never Docs. The parent stores every finished file in the cache at once, which is what makes
a killed batch resumable.
"""
from __future__ import annotations

import concurrent.futures as futures
import contextlib
import dataclasses
import itertools
import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.cache import ResultCache
from pipeline.batch.identity import content_hash, document_id, file_hash
from pipeline.batch.progress import Progress
from pipeline.cases.record import Case
from pipeline.ingest import IngestError, iter_input_files, read_report
from pipeline.ingest.pubmed_baseline import cache_key, is_streamed, is_streamed_name, stream_hash, stream_reports
from pipeline.ingest.reader import display_name, read_file_bytes

# On Linux workers are forked from a parent that built the pipeline, so they start at once;
# elsewhere (macOS, Windows: fork is unsafe or missing) each spawned worker builds its own.
_FORK = sys.platform.startswith("linux")
# Files handed to each worker before the parent waits: keeps every worker busy without
# holding the whole folder's results in flight.
_IN_FLIGHT_PER_JOB = 2
# Longest wait for killed workers to be gone (they always go; the kernel may be slow).
_KILLED_WAIT_SECONDS = 15
# How often a worker checks that its parent is alive (where the kernel cannot tell it).
_WATCH_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass
class ReportResult:
    """One report of a file: its name in the table, identity, and cases."""

    name: str
    doc_id: str
    content_hash: str
    cases: list[Case] = field(default_factory=list)


@dataclass
class InputFile:
    """A file to process: its path and the hash of its bytes (None with an error, or when
    it is not hashed yet: see ``read_inputs``)."""

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


def read_inputs(paths: Iterable[str | os.PathLike],
                on_skip: Callable[[Path, str], None] | None = None,
                publication_types: Sequence[str] | None = None,
                hashed: bool = True) -> list[InputFile]:
    """The report files under ``paths``, each with the hash of its bytes (a file that cannot
    be read, a FIFO named explicitly, comes with its error). ``on_skip``: see
    ``iter_input_files``. A PubMed file read as a stream (``pubmed_baseline``) is hashed a
    chunk at a time, its key naming the ``publication_types`` kept.

    ``hashed=False``: the files are only listed (``file_hash`` and ``error`` None) and each is
    read where it is needed, once: the runner hashes a window of files when it looks them up
    in the cache (``hash_input``), and without a cache the worker that runs the file hashes
    the bytes it reads. A batch then starts at once instead of after reading every input
    (a folder of PubMed baseline files is tens of gigabytes), and those reads run on the
    workers, in parallel, rather than here."""
    listed = (InputFile(path, None) for path in iter_input_files(paths, on_skip=on_skip))
    return [hash_input(item, publication_types) for item in listed] if hashed else list(listed)


def hash_input(item: InputFile, publication_types: Sequence[str] | None = None) -> InputFile:
    """``item`` with the hash of its bytes, or its error (as ``read_inputs``); an item already
    hashed, or with its error, as it is."""
    if item.file_hash is not None or item.error is not None:
        return item
    path = item.path
    try:
        if is_streamed(path, publication_types):
            return InputFile(path, cache_key(stream_hash(path), publication_types))
        return InputFile(path, file_hash(read_file_bytes(path)))
    except IngestError as error:
        return InputFile(path, None, error.reason)


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
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it
    # (one line, and it ends the workers), not each worker with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before this worker started
    shared_nlp(model)
    # A parent killed with SIGKILL cannot stop its workers: they notice and leave on their
    # own (at once on Linux through the kernel, else within a fraction of a second).
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _die_with_parent() -> None:
    """Linux: have the kernel kill this process when the parent that started it dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # the watch thread still ends the worker


def _end_workers(pool: futures.ProcessPoolExecutor) -> None:
    """Stop the workers now (Ctrl-C, an error): waiting for their files would take seconds."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # gone after shutdown
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    # A worker forked at the wrong moment can miss SIGTERM: what is left after a second is killed.
    deadline = time.monotonic() + 1
    killed = []
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                killed.append(process)
    # SIGKILL cannot be caught, but a loaded machine may take seconds to tear a large worker
    # down: wait for it (bounded), so that no worker outlives the command that started it.
    deadline = time.monotonic() + _KILLED_WAIT_SECONDS
    for process in killed:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
    pool.shutdown(wait=False, cancel_futures=True)


def _work(path: str, publication_types: Sequence[str] | None = None
          ) -> tuple[str | None, list[ReportResult] | None, str | None]:
    try:
        digest, reports = process_file(shared_nlp(_WORKER_MODEL), Path(path), publication_types)
        return digest, reports, None
    except Exception as error:  # one bad report must not end the batch
        return None, None, _failure(error)


# --- the batch ------------------------------------------------------------------------------

# Files looked up in the cache at once.
_CACHE_WINDOW = 256
# Finished results that may wait for a slower file before them (with N jobs, results finish
# out of order); beyond that no new file is started until the slow one is done.
_MAX_WAITING = 256


class _Task:
    """A file to run through the pipeline, with every input that has the same bytes."""

    __slots__ = ("file_hash", "inputs")

    def __init__(self, file_hash: str | None, index: int, path: Path):  # None: hashed by its worker
        self.file_hash = file_hash
        self.inputs = [(index, path)]

    @property
    def path(self) -> Path:
        return self.inputs[0][1]


class BatchRunner:
    """Run files through the pipeline: ``iter(files)`` yields a FileResult per file in the
    order given, as soon as it and the files before it are done; ``run(files)`` is the list.

    ``jobs`` processes (0: one per CPU; 1: in this process); ``cache`` a ResultCache (whose
    version must match the pipeline: see ``pipeline_version(model)``) or None; ``progress`` a
    Progress advanced once per file; ``model`` the optional NER model of ``build_nlp``;
    ``nlp`` a pipeline already built to use in this process.

    Memory does not grow with the number of files: the cache is read a window of files at a
    time, at most ``jobs * 2`` files are with the workers, and no new file starts while
    ``_MAX_WAITING`` finished results wait for a slower file before them.
    """

    def __init__(self, jobs: int = 1, cache: ResultCache | None = None, progress: Progress | None = None,
                 nlp=None, model: str | None = None, publication_types: Sequence[str] | None = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.publication_types = publication_types  # PubMed articles kept (None: all)
        self.cache = cache
        self.progress = progress
        self.nlp = nlp
        self.model = model
        self.processed = 0  # files run through the pipeline (not from the cache)
        self._waiting: dict[int, FileResult] = {}
        self._open: dict[str, _Task] = {}  # file hash -> its task, until its result is stored
        self._stored: set[str] = set()  # hashes put in the cache by this runner

    def run(self, files: Sequence[InputFile]) -> list[FileResult]:
        return list(self.iter(files))

    def iter(self, files: Sequence[InputFile]) -> Iterator[FileResult]:
        self._waiting = {}
        following = 0
        for index, result in self._finished(files):
            if self.progress is not None:
                self.progress.advance(cached=result.cached)
            self._waiting[index] = result
            while following in self._waiting:
                yield self._waiting.pop(following)
                following += 1

    def _items(self, files: Sequence[InputFile]) -> Iterator[tuple[int, FileResult] | _Task]:
        """``(index, result)`` for a file that needs no pipeline, a _Task for the others;
        strictly in input order, which is what keeps the results waiting bounded."""
        for start in range(0, len(files), _CACHE_WINDOW):
            window = files[start:start + _CACHE_WINDOW]
            cached = {}
            if self.cache is not None:  # the cache is keyed by the bytes: hashed here, a window at a time
                window = [hash_input(item, self.publication_types) for item in window]
                cached = self.cache.get_many(f.file_hash for f in window if f.file_hash and not f.error)
            for index, item in enumerate(window, start):
                digest = item.file_hash
                if item.error:
                    yield index, FileResult(item.path, None, error=item.error)
                elif self.cache is None:  # every file is processed (what a benchmark of copies expects);
                    yield _Task(digest, index, item.path)  # one not hashed yet is by its worker
                elif digest is None:
                    yield index, FileResult(item.path, None, error="cannot read file")
                elif digest in self._open:  # the same bytes are with the pipeline: share the result
                    self._open[digest].inputs.append((index, item.path))
                else:
                    if digest not in cached and digest in self._stored and self.cache is not None:
                        cached.update(self.cache.get_many([digest]))  # a copy finished meanwhile
                    if digest in cached:
                        yield index, FileResult(item.path, digest, _renamed(cached.pop(digest), item.path), cached=True)
                    else:
                        self._open[digest] = task = _Task(digest, index, item.path)
                        yield task

    def _finished(self, files: Sequence[InputFile]) -> Iterator[tuple[int, FileResult]]:
        """``(index, result)`` pairs in the order the files finish."""
        items = self._items(files)
        if self.jobs == 1:
            yield from self._run_here(items)
            return
        # A pool only pays with two files to run: the first is held until a second comes
        # (finished results go on meanwhile), or run here should too many wait behind it.
        held = None
        for item in items:
            if not isinstance(item, _Task):
                yield item
            elif held is None:
                held = item
            else:
                yield from self._run_pool(itertools.chain([held, item], items))
                return
            if held is not None and len(self._waiting) >= _MAX_WAITING:
                yield from self._run_here([held])
                held = None
        if held is not None:
            yield from self._run_here([held])

    def _done(self, task: _Task, outcome) -> Iterator[tuple[int, FileResult]]:
        seen_hash, reports, error = outcome
        self._open.pop(task.file_hash, None)
        if error is None:
            self.processed += 1
            if self.cache is not None:
                # Keyed by the bytes the worker read, should the file have changed meanwhile.
                try:
                    self.cache.put(seen_hash or task.file_hash, reports)
                    self._stored.add(seen_hash or task.file_hash)
                except sqlite3.Error as failure:  # locked too long, disk full: go on without it
                    print(f"caselit: cache write failed ({failure}); going on without the cache", file=sys.stderr)
                    self.cache = None
        for index, path in task.inputs:
            if error is not None:
                yield index, FileResult(path, task.file_hash, error=error)
            else:
                yield index, FileResult(path, seen_hash or task.file_hash, _renamed(reports, path))

    def _run_here(self, items) -> Iterator[tuple[int, FileResult]]:
        nlp = None
        for item in items:
            if not isinstance(item, _Task):
                yield item
                continue
            nlp = nlp or self.nlp or shared_nlp(self.model)
            try:
                filters = (self.publication_types,) if self.publication_types else ()
                seen_hash, reports = process_file(nlp, item.path, *filters)
                outcome = (seen_hash, reports, None)
            except Exception as error:  # one bad report must not end the batch
                outcome = (None, None, _failure(error))
            yield from self._done(item, outcome)

    def _run_pool(self, items) -> Iterator[tuple[int, FileResult]]:
        if _FORK:  # built once here, inherited by every worker (copy-on-write)
            shared_nlp(self.model)
        limit = self.jobs * _IN_FLIGHT_PER_JOB
        more = True
        while more:
            context = multiprocessing.get_context("fork" if _FORK else "spawn")
            with futures.ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=context,
                initializer=_start_worker, initargs=(os.getpid(), self.model),
            ) as pool:
                running: dict[futures.Future, _Task] = {}
                try:
                    while True:
                        while more and len(running) < limit and len(self._waiting) < _MAX_WAITING:
                            item = next(items, None)
                            if item is None:
                                more = False
                            elif isinstance(item, _Task):
                                running[pool.submit(_work, str(item.path), self.publication_types)] = item
                            else:
                                yield item
                        if not running:
                            # Results wait only behind a running file, so nothing is left.
                            return
                        done, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                        for future in done:
                            outcome = future.result()  # raises when the pool broke
                            yield from self._done(running.pop(future), outcome)
                except BrokenProcessPool:
                    # A worker died (out of memory, a crash in a library): the files it and
                    # its siblings held are reported; a new pool takes the rest.
                    for task in running.values():
                        yield from self._done(task, (None, None, "a worker process died while reading it or a file beside it; run again"))
                except BaseException:
                    _end_workers(pool)
                    raise
