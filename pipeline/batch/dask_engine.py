"""Running a batch on Dask (``--engine dask``): an embedded local cluster, or a running
cluster named by ``--scheduler tcp://HOST:8786`` / ``$DASK_SCHEDULER_ADDRESS``.

Everything that is not the pipeline stays in this process, as with ``--jobs``: the results
cache is read and written here, error lines and the progress bar come from here, and results
are yielded in input order (``BatchRunner.iter``), so the table is the same row for row as a
one-process run. One file is one task; a PubMed baseline file, when there are fewer of them
than worker threads, is cut into slices (every n-th article), one task each, put back in file
order here. A worker builds the pipeline on its first task and keeps it for its life
(``shared_nlp``, one per worker process), and sends back small ``ReportResult``/``Case``
records, never Docs.

A worker that dies (killed, out of memory) loses nothing: the scheduler runs its tasks again
on another worker. Workers read the files by their path, so on a real cluster the inputs
must be at the same path on every worker (a shared file system).
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.batch.runner import BatchRunner, ReportResult, _failure, _Task, process_file, shared_nlp
from pipeline.ingest.pubmed_baseline import is_streamed_name

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
# Files with the cluster at once, per worker thread: enough to keep each busy, while a slow
# file can hold back only that many finished results.
_IN_FLIGHT_PER_THREAD = 2
# A task is run again this many times when it raised (a worker that died is handled by the
# scheduler itself: its tasks go to another worker).
_RETRIES = 2
_CONNECT_SECONDS = 30
_CHATTY_LOGGERS = ("distributed", "dask")
_MAX_SLICES = 16
_RECOUNT_SECONDS = 5.0


def scheduler_address(given: str | None = None) -> str | None:
    """``given``, else ``$DASK_SCHEDULER_ADDRESS``, else None (an embedded local cluster)."""
    return given or os.environ.get(SCHEDULER_VARIABLE) or None


def dask_work(path: str, model: str | None, publication_types: Sequence[str] | None
              ) -> tuple[str | None, list[ReportResult] | None, str | None]:
    """One file on a worker: (hash of the bytes read, reports, None) or (None, None, reason)."""
    try:
        filters = (publication_types,) if publication_types else ()
        digest, reports = process_file(shared_nlp(model), Path(path), *filters)
        return digest, reports, None
    except Exception as error:  # one bad report must not end the batch
        return None, None, _failure(error)


def dask_work_slice(path: str, model: str | None, publication_types: Sequence[str] | None, part: int, parts: int
                    ) -> tuple[str | None, list[tuple[int, ReportResult]] | None, str | None]:
    """One slice of a streamed PubMed file on a worker: its articles numbered ``part`` modulo
    ``parts``, each with its number (the parent puts the slices back in file order)."""
    from pipeline.extraction import report_cases
    from pipeline.batch.identity import content_hash, document_id
    from pipeline.ingest.pubmed_baseline import cache_key, stream_articles

    try:
        nlp, seen = shared_nlp(model), []
        numbered = [(number, ReportResult(report.name, document_id(report), content_hash(report.text),
                                          report_cases(nlp, report)))
                    for number, report in stream_articles(Path(path), publication_types, seen.append, part, parts)]
        return cache_key(seen[0], publication_types), numbered, None
    except Exception as error:
        return None, None, _failure(error)


def _joined(outcomes: list[tuple]) -> tuple:
    """The outcome of a whole file from those of its slices: reports in file order."""
    for digest, numbered, reason in outcomes:
        if reason is not None:
            return None, None, reason
    reports = sorted((pair for _, numbered, _ in outcomes for pair in numbered), key=lambda pair: pair[0])
    return outcomes[0][0], [report for _, report in reports], None


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None):
    """A ``distributed.Client``: to ``scheduler`` (or ``$DASK_SCHEDULER_ADDRESS``), else to a
    local cluster of ``workers`` processes (default: one per CPU) of one thread each, closed
    on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise RuntimeError(f"--engine dask needs dask[distributed]: {error}") from None
    for name in _CHATTY_LOGGERS:  # every worker joining and leaving, at INFO: not our lines
        logging.getLogger(name).setLevel(logging.ERROR)
    address = scheduler_address(scheduler)
    if address:
        with Client(address, timeout=_CONNECT_SECONDS) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


class DaskRunner(BatchRunner):
    """A BatchRunner whose files run on a Dask cluster (``client``); see ``BatchRunner``.

    At most ``_IN_FLIGHT_PER_THREAD`` files per worker thread are with the cluster at once,
    and no new file is submitted while ``_MAX_WAITING`` finished results wait for a slower
    one before them, so memory stays bounded as with the process pool.
    """

    def __init__(self, client, cache=None, progress=None, model: str | None = None,
                 publication_types: Sequence[str] | None = None, slices: int | None = None):
        super().__init__(jobs=1, cache=cache, progress=progress, model=model, publication_types=publication_types)
        self.client = client
        # Tasks per streamed PubMed file; None: enough slices to keep every worker busy when
        # there are fewer such files than worker threads.
        self.slices = slices

    def _slices_per_file(self, files, threads: int) -> int:
        if self.slices:
            return max(1, self.slices)
        streamed = sum(1 for item in files if is_streamed_name(item.path))
        return max(1, min(threads // streamed, _MAX_SLICES)) if streamed else 1

    def _submit(self, item: _Task, parts: int) -> list:
        path = str(item.path.absolute())
        if parts > 1 and is_streamed_name(item.path):
            return [self.client.submit(dask_work_slice, path, self.model, self.publication_types, part, parts,
                                       pure=False, retries=_RETRIES) for part in range(parts)]
        return [self.client.submit(dask_work, path, self.model, self.publication_types, pure=False, retries=_RETRIES)]

    def _threads(self) -> int:
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception:
            return 1

    def _finished(self, files) -> Iterator[tuple[int, object]]:
        from distributed import as_completed

        from pipeline.batch import runner

        items = self._items(files)
        threads = self._threads()
        limit = threads * _IN_FLIGHT_PER_THREAD
        parts = self._slices_per_file(files, threads)
        running: dict[object, _Task] = {}
        slices: dict[int, list] = {}  # id(task) -> its slices' outcomes so far
        completed = as_completed()
        more = True
        counted = time.monotonic()
        try:
            while True:
                if time.monotonic() - counted > _RECOUNT_SECONDS:  # workers join and leave
                    limit, counted = self._threads() * _IN_FLIGHT_PER_THREAD, time.monotonic()
                while more and len(running) < limit and len(self._waiting) < runner._MAX_WAITING:
                    item = next(items, None)
                    if item is None:
                        more = False
                    elif isinstance(item, _Task):
                        submitted = self._submit(item, parts)
                        if len(submitted) > 1:
                            slices[id(item)] = []
                        for future in submitted:
                            running[future] = item
                            completed.add(future)
                    else:
                        yield item
                if not running:
                    return
                future = next(completed)
                task = running.pop(future)
                try:
                    outcome = future.result()
                except Exception as error:  # the task failed on every try (a worker kept dying)
                    outcome = (None, None, f"failed on the cluster: {_failure(error)}")
                future.release()
                if id(task) in slices:  # one slice of a file: the file is done with its last
                    slices[id(task)].append(outcome)
                    if any(other is task for other in running.values()):
                        continue
                    outcome = _joined(slices.pop(id(task)))
                yield from self._done(task, outcome)
        finally:
            for future in running:
                future.cancel()
