"""Running a batch on Dask (``--engine dask``): an embedded local cluster, or a running
cluster named by ``--scheduler tcp://HOST:8786`` / ``$DASK_SCHEDULER_ADDRESS``.

Everything that is not the pipeline stays in this process, as with ``--jobs``: the results
cache is read and written here, error lines and the progress bar come from here, and results
are yielded in input order (``BatchRunner.iter``), so the table is the same row for row as a
one-process run. The inputs themselves are read on the workers: this process hashes a file
only to look it up in the cache (a window at a time, as the batch goes), and without a cache
it does not open the files at all (``inputs.read_inputs``). A task is a batch of files, the batches shrinking as the input runs out (see
``_batches``); a PubMed baseline file is a task of its own or, when there are fewer of them
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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pipeline.batch.results import ReportResult, _failure, process_file
from pipeline.batch.runner import BatchRunner, _Task
from pipeline.batch.workers import shared_nlp
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
# Files are sent in batches: every task costs the scheduler, this client and the worker's
# event loop CPU of their own (measured on 600 one-line reports: about 2 ms a task all told,
# 1.2 s less CPU in batches than one task each), and on a machine whose cores all run
# workers that CPU is taken from them. A batch holds about 1/_SHARES_PER_THREAD per worker
# thread of the bytes still to come (guided self-scheduling): large batches first, single
# files at the end, so that no worker waits for another's long last batch.
_SHARES_PER_THREAD = 4
_BATCH_MIN_BYTES = 16 << 10
_BATCH_MAX_BYTES = 1 << 20
_BATCH_MAX_FILES = 64
# Dask settings for CPU-bound batch work (distributed's configuration keys; on a cluster
# started by hand, the same as environment variables: ``worker_environment()``). The
# statistical profiler samples the worker thread's stack every 10 ms for the dashboard; the
# event-loop tick (20 ms: it only measures how late the loop runs), the system monitor
# (0.5 s) and the memory monitor of every worker and nanny (0.1 s: a process's memory read
# from /proc) wake every process. Measured with psutil on an idle two-worker cluster:
# 0.14 of a core with the defaults, 0.035 with the profiler off, the tick at 200 ms and the
# system monitor at 2 s, 0.02 with these (the tick at 1 s, the memory monitor at 0.5 s): CPU
# taken from the workers when every core runs one. A worker's memory is still watched (it is
# paused, spilled or restarted at the limits), half a second later at most; the rest is
# monitoring only. The results are the same.
BATCH_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}


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


def dask_work_batch(paths: Sequence[str], model: str | None, publication_types: Sequence[str] | None
                    ) -> list[tuple[str | None, list[ReportResult] | None, str | None]]:
    """Files on a worker, one after another: the outcome of each, as ``dask_work``'s."""
    return [dask_work(path, model, publication_types) for path in paths]


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


def worker_environment() -> dict[str, str]:
    """``BATCH_CONFIG`` as the environment variables ``dask scheduler``/``dask worker`` read
    (``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``...), for a cluster started by hand.

    >>> worker_environment()["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"]
    'False'
    """
    return {"DASK_" + "__".join(part.upper().replace("-", "_") for part in key.split(".")): str(value)
            for key, value in BATCH_CONFIG.items()}


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
    import dask

    # the nannies hand this configuration to the worker processes they start
    with dask.config.set(BATCH_CONFIG), \
            LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


class DaskRunner(BatchRunner):
    """A BatchRunner whose files run on a Dask cluster (``client``); see ``BatchRunner``.

    At most ``_IN_FLIGHT_PER_THREAD`` tasks (batches of at most ``_BATCH_MAX_FILES`` files)
    per worker thread are with the cluster at once, and no new task is submitted while
    ``_MAX_WAITING`` finished results wait for a slower one before them, so memory stays
    bounded as with the process pool.
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

    def _submit(self, unit: list[_Task], parts: int) -> list:
        """The futures of a unit of ``_batches``: one for a batch, ``parts`` for a sliced file."""
        if parts > 1 and is_streamed_name(unit[0].path):
            path = str(unit[0].path.absolute())
            return [self.client.submit(dask_work_slice, path, self.model, self.publication_types, part, parts,
                                       pure=False, retries=_RETRIES) for part in range(parts)]
        return [self.client.submit(dask_work_batch, [str(task.path.absolute()) for task in unit], self.model,
                                   self.publication_types, pure=False, retries=_RETRIES)]

    def _threads(self) -> int:
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception:
            return 1

    def _batches(self, files, threads: Callable[[], int]) -> Iterator[tuple[int, object] | list[_Task]]:
        """``(index, result)`` for a file that needs no pipeline (as ``_items``), else the
        files to send as one task: a streamed PubMed file alone, the others in batches of
        about 1/``_SHARES_PER_THREAD`` per worker thread of the bytes from the batch's first
        file on (between ``_BATCH_MIN_BYTES`` and ``_BATCH_MAX_BYTES``, at most
        ``_BATCH_MAX_FILES`` files). Lazy: a batch is sized when it is asked for."""
        after = _bytes_after(files)
        batch: list[_Task] = []
        target = filled = 0
        for item in self._items(files):
            if not isinstance(item, _Task):
                yield item
                continue
            if is_streamed_name(item.path):
                yield [item]
                continue
            index = item.inputs[0][0]
            if not batch:
                share = after[index] // (threads() * _SHARES_PER_THREAD)
                target = min(max(share, _BATCH_MIN_BYTES), _BATCH_MAX_BYTES)
            batch.append(item)
            filled += after[index] - after[index + 1]
            if filled >= target or len(batch) >= _BATCH_MAX_FILES:
                yield batch
                batch, filled = [], 0
        if batch:
            yield batch

    def _finished(self, files) -> Iterator[tuple[int, object]]:
        from distributed import as_completed

        from pipeline.batch import runner

        threads = self._threads()
        counted = time.monotonic()

        def current_threads() -> int:  # workers join and leave
            nonlocal threads, counted
            if time.monotonic() - counted > _RECOUNT_SECONDS:
                threads, counted = self._threads(), time.monotonic()
            return threads

        units = self._batches(files, current_threads)
        parts = self._slices_per_file(files, threads)
        running: dict[object, list[_Task]] = {}
        slices: dict[int, list] = {}  # id(task) -> its slices' outcomes so far
        completed = as_completed()
        more = True
        try:
            while True:
                while more and len(running) < current_threads() * _IN_FLIGHT_PER_THREAD \
                        and len(self._waiting) < runner._MAX_WAITING:
                    unit = next(units, None)
                    if unit is None:
                        more = False
                    elif isinstance(unit, list):
                        submitted = self._submit(unit, parts)
                        if len(submitted) > 1:
                            slices[id(unit[0])] = []
                        for future in submitted:
                            running[future] = unit
                            completed.add(future)
                    else:
                        yield unit
                if not running:
                    return
                future = next(completed)
                unit = running.pop(future)
                try:
                    outcomes = future.result()
                except Exception as error:  # the task failed on every try (a worker kept dying)
                    failed = (None, None, f"failed on the cluster: {_failure(error)}")
                    outcomes = [failed] * len(unit) if id(unit[0]) not in slices else failed
                future.release()
                if id(unit[0]) in slices:  # one slice of a file: the file is done with its last
                    task = unit[0]
                    slices[id(task)].append(outcomes)
                    if any(other is unit for other in running.values()):
                        continue
                    outcomes = [_joined(slices.pop(id(task)))]
                for task, outcome in zip(unit, outcomes):
                    yield from self._done(task, outcome)
        finally:
            for future in running:
                future.cancel()


def _bytes_after(files) -> list[int]:
    """``after[i]``: the size in bytes of ``files[i:]`` (a file that cannot be read: 0)."""
    after = [0] * (len(files) + 1)
    for index in range(len(files) - 1, -1, -1):
        item = files[index]
        size = 0
        if not item.error:
            with contextlib.suppress(OSError):
                size = item.path.stat().st_size
        after[index] = after[index + 1] + size
    return after
