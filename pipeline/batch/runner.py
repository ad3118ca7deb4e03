"""Processing many report files: cached results first, then the pipeline in 1..N processes.

The unit of work is a file (one or more reports). A worker process builds the pipeline once,
reads the file, runs ``report_cases`` on each report and sends back small ``Case`` records,
never Docs. The parent stores every finished file in the cache at once, which is what makes
a killed batch resumable.

The files and what they give are in ``inputs.py`` and ``results.py``, the worker processes
in ``workers.py``.
"""
from __future__ import annotations

import concurrent.futures as futures
import itertools
import multiprocessing
import os
import sqlite3
import sys
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.batch.cache import ResultCache
from pipeline.batch.inputs import InputFile, hash_input
from pipeline.batch.progress import Progress
# ReportResult is named here too: results cached as pipeline.batch.runner.ReportResult unpickle.
from pipeline.batch.results import FileResult, ReportResult, _failure, _renamed, process_file  # noqa: F401
from pipeline.batch.workers import _end_workers, _start_worker, _work, shared_nlp

# On Linux workers are forked from a parent that built the pipeline, so they start at once;
# elsewhere (macOS, Windows: fork is unsafe or missing) each spawned worker builds its own.
_FORK = sys.platform.startswith("linux")
# Files handed to each worker before the parent waits: keeps every worker busy without
# holding the whole folder's results in flight.
_IN_FLIGHT_PER_JOB = 2

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
