"""--engine dask on a real cluster: a `dask scheduler` and two `dask worker` processes on
127.0.0.1 (random free ports, one thread each), started here and ended in the fixture.

Checked: the same JSONL as a one-process run, a worker killed mid-run loses no report, a bad
file is one error line, a PubMed baseline-style file keeps only its case reports."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from pipeline.batch.dask_engine import DaskRunner  # noqa: E402
from pipeline.batch.inputs import read_inputs  # noqa: E402
from pipeline.batch.runner import BatchRunner  # noqa: E402
from pubmed_files import case_pmids, write_pubmed_file  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
DEV = REPO.parent / "shared" / "eval" / "dev"
DASK = Path(sys.executable).with_name("dask")
# The dev texts used beside the corpus (a handful keeps the suite fast).
DEV_FILES = 6


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(*arguments: str) -> subprocess.Popen:
    # Own session: the worker's nanny and its child end together (killpg).
    return subprocess.Popen([str(DASK), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, cwd="/")


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Cluster:
    def __init__(self):
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.scheduler = _start("scheduler", "--host", "127.0.0.1", "--port", self.address.rpartition(":")[2],
                                "--no-dashboard", "--dashboard-address", f"127.0.0.1:{_free_port()}")
        self.workers = [self.start_worker(name) for name in ("w1", "w2")]
        self.client = distributed.Client(self.address, timeout=60)
        self.client.wait_for_workers(2, timeout=120)

    def start_worker(self, name: str) -> subprocess.Popen:
        return _start("worker", self.address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                      "--name", name, "--death-timeout", "60")

    def close(self):
        try:
            self.client.close()
        finally:
            for process in [*self.workers, self.scheduler]:
                _stop(process)


@pytest.fixture(scope="module")
def cluster():
    if not DASK.exists():
        pytest.skip("the dask command is not installed")
    started = None
    try:
        started = Cluster()
        yield started
    finally:
        if started is not None:
            started.close()


@pytest.fixture(scope="module")
def inputs():
    paths = [CORPUS]
    if DEV.is_dir():
        paths += sorted(DEV.glob("*.txt"))[:DEV_FILES]
    return read_inputs(paths)


def _jsonl(results) -> list[str]:
    return [json.dumps(case.to_dict(), ensure_ascii=False, default=str) for r in results for case in r.cases]


@pytest.fixture(scope="module")
def one_process(inputs):
    return _jsonl(BatchRunner(1).run(inputs))


def test_same_jsonl_as_one_process(cluster, inputs, one_process):
    results = DaskRunner(cluster.client).run(inputs)
    assert [r.error for r in results] == [None] * len(inputs)
    assert _jsonl(results) == one_process
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev not present: checked on the corpus only")


def test_results_cache_is_kept_here(cluster, tmp_path):
    from pipeline.batch.cache import ResultCache

    files = read_inputs([CORPUS])
    with ResultCache(tmp_path / "cache") as cache:
        first = DaskRunner(cluster.client, cache=cache)
        fresh = _jsonl(first.run(files))
        again = DaskRunner(cluster.client, cache=cache)
        assert _jsonl(again.run(files)) == fresh
    assert (first.processed, again.processed) == (len(files), 0)


def test_bad_file_is_one_error(cluster, tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(CORPUS / sorted(os.listdir(CORPUS))[0], good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    results = DaskRunner(cluster.client).run(read_inputs([tmp_path]))
    errors = {r.path.name: r.error for r in results if r.error}
    assert sorted(errors) == ["broken.pdf", "empty.txt"]
    assert all("\n" not in reason for reason in errors.values())
    assert [r.path.name for r in results if r.cases] == ["good.txt"]


def test_pubmed_file_keeps_its_case_reports_only(cluster, tmp_path):
    path = write_pubmed_file(tmp_path / "pubmed25n0001.xml.gz", 20_000, case_every=400)
    runner = DaskRunner(cluster.client, publication_types=["Case Reports"])
    assert runner._slices_per_file(read_inputs([path]), 2) == 2  # one file, two workers: two slices
    [result] = runner.run(read_inputs([path]))
    assert result.error is None
    assert [r.name for r in result.reports] == case_pmids(20_000, case_every=400)  # in file order
    assert all(r.cases for r in result.reports)


def test_a_worker_killed_mid_run_loses_no_report(cluster, inputs, one_process, tmp_path):
    copies = []
    for round_ in range(4):  # enough work that the kill falls in the middle of it
        folder = tmp_path / f"copy{round_}"
        folder.mkdir()
        for item in inputs:  # corpus/ and dev/ share a file name: each keeps its folder
            (folder / item.path.parent.name).mkdir(exist_ok=True)
            shutil.copy(item.path, folder / item.path.parent.name / item.path.name)
        copies.append(folder)
    files = read_inputs(copies)
    runner = DaskRunner(cluster.client)
    results, killed = [], False
    for result in runner.iter(files):
        results.append(result)
        if not killed:
            _stop(cluster.workers[0], signal.SIGKILL)  # nanny and worker at once
            killed = True
    assert killed and len(results) == len(files)
    assert [r.error for r in results] == [None] * len(files)
    assert _jsonl(results) == one_process * 4
    cluster.workers[0] = cluster.start_worker("w1-again")


def test_command_and_api_take_the_engine(cluster, inputs, tmp_path, capsys):
    from pipeline import extract
    from pipeline.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [str(item.path) for item in inputs] + [str(tmp_path / "empty.txt")]
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", *paths, "-q", "--no-cache", "-o", str(local)]) == 1
    capsys.readouterr()
    assert main(["extract", *paths, "-q", "--no-cache", "-o", str(dask), "--engine", "dask",
                 "--scheduler", cluster.address]) == 1
    assert capsys.readouterr().err.splitlines() == [f"caselit: skipped {tmp_path / 'empty.txt'}: empty file"]
    assert dask.read_bytes() == local.read_bytes()
    through_api = [case.to_dict() for case in extract(paths[:2], engine="dask", scheduler=cluster.address)]
    assert through_api == [case.to_dict() for case in extract(paths[:2])]


def test_refresh_takes_the_engine(cluster, inputs, tmp_path, capsys):
    from pipeline.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [str(item.path) for item in inputs] + [str(tmp_path / "empty.txt")]
    local, dask = tmp_path / "local.csv", tmp_path / "dask.csv"
    assert main(["refresh", str(local), *paths, "-q", "--no-cache"]) == 1
    capsys.readouterr()
    assert main(["refresh", str(dask), *paths, "-q", "--no-cache", "--engine", "dask",
                 "--scheduler", cluster.address]) == 1
    assert f"caselit: skipped {tmp_path / 'empty.txt'}: empty file" in capsys.readouterr().err.splitlines()
    assert dask.read_bytes() == local.read_bytes()


def test_batches_shrink_as_the_input_runs_out(tmp_path):
    from pipeline.batch import dask_engine

    for number in range(40):
        (tmp_path / f"r{number:02d}.txt").write_text("A 50-year-old woman was seen. " * 1000, encoding="utf-8")
    files = read_inputs([tmp_path])
    units = list(DaskRunner(client=None)._batches(files, lambda: 2))
    sizes = [len(unit) for unit in units]
    assert sum(sizes) == 40 and all(isinstance(unit, list) for unit in units)
    assert sizes[0] > 1 and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    assert [task.path for unit in units for task in unit] == [item.path for item in files]  # input order
    assert max(sizes) <= dask_engine._BATCH_MAX_FILES
