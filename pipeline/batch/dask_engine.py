"""Running a batch on Dask (``--engine dask``): an embedded local cluster, or a running
cluster named by ``--scheduler tcp://HOST:8786`` / ``$DASK_SCHEDULER_ADDRESS``.

Everything that is not the pipeline stays in this process, as with ``--jobs``: the results
cache is read and written here, error lines and the progress bar come from here, and results
are yielded in input order (``BatchRunner.iter``), so the table is the same row for row as a
one-process run. One file (a whole PubMed baseline file too) is one task; a worker builds the
pipeline on its first task and keeps it for its life (``shared_nlp``, one per worker
process), and sends back small ``ReportResult``/``Case`` records, never Docs.

A worker that dies (killed, out of memory) loses nothing: the scheduler runs its tasks again
on another worker. Workers read the files by their path, so on a real cluster the inputs
must be at the same path on every worker (a shared file system).
"""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.batch.runner import BatchRunner, ReportResult, _failure, _Task, process_file, shared_nlp

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
# Files with the cluster at once, per worker thread: enough to keep each busy, while a slow
# file can hold back only that many finished results.
_IN_FLIGHT_PER_THREAD = 2
# A task is run again this many times when it raised (a worker that died is handled by the
# scheduler itself: its tasks go to another worker).
_RETRIES = 2
_CONNECT_SECONDS = 30
_CHATTY_LOGGERS = ("distributed", "dask")


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
                 publication_types: Sequence[str] | None = None):
        super().__init__(jobs=1, cache=cache, progress=progress, model=model, publication_types=publication_types)
        self.client = client

    def _threads(self) -> int:
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception:
            return 1

    def _finished(self, files) -> Iterator[tuple[int, object]]:
        from distributed import as_completed

        from pipeline.batch import runner

        items = self._items(files)
        limit = self._threads() * _IN_FLIGHT_PER_THREAD
        running: dict[object, _Task] = {}
        completed = as_completed()
        more = True
        try:
            while True:
                while more and len(running) < limit and len(self._waiting) < runner._MAX_WAITING:
                    item = next(items, None)
                    if item is None:
                        more = False
                    elif isinstance(item, _Task):
                        future = self.client.submit(dask_work, str(item.path.absolute()), self.model, self.publication_types,
                                                    pure=False, retries=_RETRIES)
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
                yield from self._done(task, outcome)
        finally:
            for future in running:
                future.cancel()
