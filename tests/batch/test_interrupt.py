"""Ctrl-C during a batch: one line, exit 130, the table as it was, finished reports in the
cache, and no worker process left running."""
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import runner
from pipeline.batch.cache import ResultCache
from pipeline.batch.version import pipeline_version
from pipeline.cli import main

DATA = Path(__file__).parents[1] / "data"
INTERRUPTED = "caselit: interrupted: outputs were left as they were; finished reports are kept in the cache, " \
              "so running the same command again resumes"


@pytest.fixture
def folder(tmp_path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    text = (DATA / "synthetic-cervix-report.txt").read_text(encoding="utf-8")
    for age in (41, 42, 43):
        (reports / f"case-{age}.txt").write_text(text.replace("52-year-old", f"{age}-year-old"), encoding="utf-8")
    return reports


def test_ctrl_c_is_one_line_keeps_the_table_and_the_finished_reports(tmp_path, folder, capsys, monkeypatch):
    out, cache = tmp_path / "cases.xlsx", tmp_path / "cache"
    shutil.copy(DATA / "synthetic-two-cases.txt", tmp_path / "old.txt")
    assert main(["extract", str(tmp_path / "old.txt"), "-o", str(out), "-q", "--cache-dir", str(cache)]) == 0
    before = out.read_bytes()
    process_file, calls = runner.process_file, []

    def interrupted_on_the_second_file(nlp, path):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return process_file(nlp, path)

    monkeypatch.setattr(runner, "process_file", interrupted_on_the_second_file)
    capsys.readouterr()
    assert main(["extract", str(folder), "-o", str(out), "-q", "--cache-dir", str(cache)]) == 130
    assert capsys.readouterr().err.strip().splitlines() == [INTERRUPTED]
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "cases.xlsx", "old.txt", "reports"]
    with ResultCache(cache, pipeline_version()) as stored:
        assert stored.count() == 2  # old.txt and the first report of the batch


def test_ctrl_c_ends_the_worker_processes_at_once(tmp_path, folder, capsys, monkeypatch):
    workers = []
    # children that earlier tests of the session left running are not this batch's workers
    before = {child.pid for child in multiprocessing.active_children()}

    def interrupted_while_waiting(running, **kwargs):
        workers.extend(c for c in multiprocessing.active_children() if c.pid not in before)
        raise KeyboardInterrupt

    monkeypatch.setattr(runner.futures, "wait", interrupted_while_waiting)
    started = time.monotonic()
    assert main(["extract", str(folder), "-o", str(tmp_path / "cases.csv"), "-q", "-j", "2", "--no-cache"]) == 130
    assert workers, "the batch should have started worker processes"
    for worker in workers:  # ended by the batch; the timeout only bounds a failing run
        worker.join(timeout=20)
    # a worker another thread of the pool has already reaped is gone, though its Process object, which
    # cannot wait for it any more, still calls it alive (seen under load in CI)
    left = [w for w in workers if w.is_alive() and _alive(w.pid)]
    assert left == [], f"workers left running: {[(w.name, _state(w.pid)) for w in left]}"
    assert time.monotonic() - started < 30
    assert capsys.readouterr().err.strip().splitlines() == [INTERRUPTED]


PARENT = """
import os, sys, time
from pipeline.batch.workers import _die_with_parent
child = os.fork()
if child == 0:
    _die_with_parent()
    time.sleep(120)
    os._exit(0)
print(child, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_worker_dies_with_a_parent_killed_by_sigkill(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    time.sleep(0.2)  # the child has set its parent-death signal
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.02)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    return _state(pid) not in ("Z", "gone")  # a zombie waits for its reaper only


def _state(pid: int) -> str:
    """The kernel's state letter of a process (R, S, D, Z...), for a failing run's message."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0]
    except FileNotFoundError:
        return "gone"
