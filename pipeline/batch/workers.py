"""The pipeline, once per process (``shared_nlp``), and the worker processes of a pool: how
a worker starts (``_start_worker``), dies with its parent (``_die_with_parent``), runs a
file (``_work``) and is ended at once (``_end_workers``)."""
from __future__ import annotations

import concurrent.futures as futures
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from pipeline.batch.results import ReportResult, _failure, process_file

# Longest wait for killed workers to be gone (they always go; the kernel may be slow).
_KILLED_WAIT_SECONDS = 15
# How often a worker checks that its parent is alive (where the kernel cannot tell it).
_WATCH_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


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
