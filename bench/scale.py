"""Scaling out: the same input with 1 and 2 local processes and on a Dask cluster of 2 workers.

    python bench/scale.py                       # ../shared/bench/casereports, 3 copies
    python bench/scale.py --copies 6 --repeat 3 --corpus PATH

The corpus is copied N times into a temporary folder; then, one after another, the real
command runs on it (``python -m pipeline extract FOLDER -q -o OUT.jsonl --no-cache``):

* ``local x1``: ``--jobs 1``; ``local x2``: ``--jobs 2``;
* ``dask x2``: ``--engine dask --scheduler ADDRESS`` on a cluster this script starts: a
  ``dask scheduler`` and two ``dask worker --nthreads 1`` processes on 127.0.0.1, each a real
  separate process, warmed first on one report (a worker builds the pipeline once for its
  life, as on a real cluster) and ended at the end.

Each run's start-up (imports, building the pipeline; for Dask imports and connecting to the
warm workers) is measured on a one-line report and subtracted, so every row is steady
throughput: words per wall-clock second, its speed-up
over ``local x1``, and the peak resident memory of each worker process (VmHWM, or the
children's ``ru_maxrss``). Words are whitespace-separated tokens of the reports' texts.

Last, a projection from the measured words per core-second (CPU time of local x1, start-up
excluded: steadier than wall time on a busy machine) of the core-hours for
all PubMed case reports (abstracts) and the PMC open-access case reports (full texts); the
counts and sizes assumed are options and printed with it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "bench" / "casereports"
DASK = Path(sys.executable).with_name("dask")
# Assumed for the projection (options): PubMed's articles typed "Case Reports" and the
# words of a title + abstract; PMC open-access articles that are case reports and the
# words of a full text.
PUBMED_CASE_REPORTS = 2_500_000
ABSTRACT_WORDS = 250
PMC_OA_CASE_REPORTS = 250_000
FULL_TEXT_WORDS = 4_000


def count_words(folder: Path) -> int:
    from pipeline.ingest import iter_input_files, read_report

    return sum(len(report.text.split()) for path in iter_input_files([folder]) for report in read_report(path))


def run_extract(inputs: Path, out: Path, *options: str) -> tuple[float, float, float]:
    """(wall-clock seconds, peak RSS in MB of the largest process of the run: the command or
    one of its local workers, and CPU seconds of the command and its local workers, from
    ``wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(inputs), "-q", "-o", str(out),
                                "--no-cache", *options], cwd=REPO)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"caselit extract failed ({process.returncode})")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """The peak resident memory of a live process (Linux VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class LocalDaskCluster:
    """A scheduler and ``workers`` worker processes (one thread each) on 127.0.0.1."""

    def __init__(self, workers: int = 2):
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.processes = [self._start("scheduler", "--host", "127.0.0.1", "--port", self.address.rpartition(":")[2],
                                      "--no-dashboard", "--dashboard-address", f"127.0.0.1:{_free_port()}")]
        self.processes += [self._start("worker", self.address, "--nthreads", "1", "--no-dashboard",
                                       "--host", "127.0.0.1", "--name", f"w{n}") for n in range(workers)]
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    @staticmethod
    def _start(*arguments: str) -> subprocess.Popen:
        return subprocess.Popen([str(DASK), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)

    def worker_peaks_mb(self) -> list[float]:
        import psutil

        peaks = []
        for nanny in self.processes[1:]:  # the worker is the nanny's largest child
            children = psutil.Process(nanny.pid).children(recursive=True)
            peaks.append(max((peak_rss_mb(child.pid) for child in children), default=float("nan")))
        return peaks

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, interleaved; the fastest is kept")
    parser.add_argument("--pubmed-case-reports", type=int, default=PUBMED_CASE_REPORTS)
    parser.add_argument("--abstract-words", type=int, default=ABSTRACT_WORDS)
    parser.add_argument("--pmc-case-reports", type=int, default=PMC_OA_CASE_REPORTS)
    parser.add_argument("--full-text-words", type=int, default=FULL_TEXT_WORDS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="caselit-scale-") as tmp:
        tmp = Path(tmp)
        inputs = tmp / "reports"
        for copy in range(args.copies):
            shutil.copytree(args.corpus, inputs / f"copy{copy}")
        tiny = tmp / "tiny"
        tiny.mkdir()
        (tiny / "one.txt").write_text("A 50-year-old woman was seen.\n", encoding="utf-8")
        words = count_words(inputs)
        print(f"input: {args.copies} x {args.corpus.name}, {words:,} words")
        best: dict[str, float] = {}
        best_cpu = float("inf")  # CPU seconds of local x1 less its start-up: the projection's basis
        peaks: dict[str, list[float]] = {}
        cluster = LocalDaskCluster(2)
        try:
            # warmed: each worker builds the pipeline once for its life, as on a real cluster
            run_extract(inputs / "copy0", tmp / "warm.jsonl", "--engine", "dask", "--scheduler", cluster.address)
            for _ in range(args.repeat):  # interleaved; the fastest of each kept
                startup, _, startup_cpu = run_extract(tiny, tmp / "tiny.jsonl", "--jobs", "1")
                for jobs in (1, 2):
                    seconds, peak, cpu = run_extract(inputs, tmp / f"local{jobs}.jsonl", "--jobs", str(jobs))
                    name = f"local x{jobs}"
                    if jobs == 1:
                        best_cpu = min(best_cpu, cpu - startup_cpu)
                    best[name] = min(best.get(name, float("inf")), seconds - startup)
                    peaks[name] = [max(peaks.get(name, [0])[0], peak)]
                # its start-up: imports, connecting, one tiny task (the workers are warm)
                dask_startup = run_extract(tiny, tmp / "tiny.jsonl", "--engine", "dask", "--scheduler", cluster.address)[0]
                seconds, _, _ = run_extract(inputs, tmp / "dask.jsonl", "--engine", "dask", "--scheduler", cluster.address)
                best["dask x2"] = min(best.get("dask x2", float("inf")), seconds - dask_startup)
            peaks["dask x2"] = cluster.worker_peaks_mb()
        finally:
            cluster.close()
        rows = [(name, best[name], peaks[name]) for name in ("local x1", "local x2", "dask x2")]
        tables = {name: (tmp / f"{name}.jsonl").read_bytes() for name in ("local1", "local2", "dask")}
        same = ", ".join(f"{name} {'=' if table == tables['local1'] else '!='} local1" for name, table in tables.items())
    base = rows[0][1]
    load = os.getloadavg()[0]
    print(f"{'run':<10} {'seconds':>8} {'words/s':>9} {'speed-up':>9}  peak RSS (MB): largest process / each worker")
    for name, seconds, peaks in rows:
        print(f"{name:<10} {seconds:8.1f} {words / seconds:9.0f} {base / seconds:8.2f}x  "
              + ", ".join(f"{peak:.0f}" for peak in peaks))
    print(f"tables row for row: {same}; load average at the end: {load:.1f} on {os.cpu_count()} CPUs")
    per_core_second = words / best_cpu
    pubmed_hours = args.pubmed_case_reports * args.abstract_words / per_core_second / 3600
    pmc_hours = args.pmc_case_reports * args.full_text_words / per_core_second / 3600
    print(f"projection at {per_core_second:.0f} words per core-second (CPU time of local x1, start-up excluded):")
    print(f"  PubMed case reports: {args.pubmed_case_reports:,} abstracts x {args.abstract_words} words "
          f"= {pubmed_hours:,.0f} core-hours")
    print(f"  PMC open-access case reports: {args.pmc_case_reports:,} full texts x {args.full_text_words} words "
          f"= {pmc_hours:,.0f} core-hours")


if __name__ == "__main__":
    main()
