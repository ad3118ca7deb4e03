"""Scaling out: the same input with 1 and 2 local processes and on a Dask cluster of 2 workers.

    python bench/scale.py                       # ../shared/bench/casereports, 6 copies, 3 rounds
    python bench/scale.py --copies 12 --repeat 5 --corpus PATH

The corpus is copied N times into a temporary folder; then the real command runs on it
(``python -m pipeline extract FOLDER -q -o OUT.jsonl --no-cache``) in three modes:

* ``local x1``: ``--jobs 1``; ``local x2``: ``--jobs 2``;
* ``dask x2``: ``--engine dask --scheduler ADDRESS`` on a cluster this script starts: a
  ``dask scheduler`` and two ``dask worker --nthreads 1`` processes on 127.0.0.1, each a real
  separate process, with the settings caselit recommends for a cluster
  (``dask_engine.worker_environment()``), ended at the end.

Every mode is treated alike: each round runs, for each mode, its start-up alone (the same
command with the same options on two one-line reports: imports, building the pipeline or
connecting to the workers, forking the pool) and then the input; the rounds are
interleaved. Before its runs in each round the cluster's workers are restarted (their
nannies start new processes) and warmed on the two one-line reports: a worker has built the
pipeline, as on a cluster that has been working, but has not seen the input's texts, as a
fresh ``local x1`` process has not (a process that has read a text once reads it again a
few per cent faster). A mode's steady time is its input runs less its fastest start-up;
its best and worst over the rounds are printed (the spread), and the speed-up is best over
best.

Columns: steady seconds (best, and worst-best spread), words per second, speed-up over
``local x1``; CPU seconds of all the processes of the run, start-up excluded (the command
and its workers; for Dask also the scheduler, the nannies and the workers), relative to
``local x1``: what the extra processes cost, and a bound on the speed-up (two cores over
it) that does not depend on what else the machine runs; the share of the machine's CPU
that other processes took during the best run (from /proc/stat): the wall-clock figures
mean something only when it is small; and the peak resident memory of each worker process
(VmHWM, or the children's ``ru_maxrss``). Words are whitespace-separated tokens of the
reports' texts. Below the table: the CPU of the best Dask run by process (the command,
which is the client; the scheduler; the nannies; the workers' event loops and their
tasks), start-up excluded, and what the idle cluster took meanwhile during the local runs
(their CPU figures leave it out; it runs on the core ``local x1`` leaves free).

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


class Run:
    """One command's wall-clock seconds, CPU seconds of its processes, the CPU seconds other
    processes of the machine took meanwhile, the peak RSS (MB) of its largest process, and
    its CPU seconds by process (``roles``: the command's, and a cluster's by role)."""

    def __init__(self, seconds: float, cpu: float, others: float, peak: float, roles: dict[str, float]):
        self.seconds, self.cpu, self.others, self.peak, self.roles = seconds, cpu, others, peak, roles


def machine_busy_seconds() -> float:
    """CPU seconds every process of the machine has run (busy jiffies of /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    except (OSError, ValueError):
        return float("nan")
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_extract(inputs: Path, out: Path, *options: str, cluster: "LocalDaskCluster | None" = None) -> Run:
    """The command on ``inputs``, its CPU time being its own and its local workers' (``wait4``)
    and, with ``cluster``, that of the cluster's processes meanwhile."""
    busy, started = machine_busy_seconds(), time.perf_counter()
    cluster_before = cluster.cpu_by_role() if cluster else {}
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(inputs), "-q", "-o", str(out),
                                "--no-cache", *options], cwd=REPO)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"caselit extract failed ({process.returncode})")
    roles = {"command": usage.ru_utime + usage.ru_stime}
    if cluster:
        roles.update(_difference(cluster.cpu_by_role(), cluster_before))
    cpu = sum(roles.values())
    return Run(seconds, cpu, machine_busy_seconds() - busy - cpu, usage.ru_maxrss / 1024, roles)


def _difference(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {role: seconds - before.get(role, 0.0) for role, seconds in after.items()}


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
    """A scheduler and ``workers`` worker processes (one thread each, under a nanny) on
    127.0.0.1."""

    def __init__(self, workers: int = 2):
        self.workers = workers
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
        # started as the README says a cluster for caselit should be (dask_engine.BATCH_CONFIG)
        from pipeline.batch.dask_engine import worker_environment

        return subprocess.Popen([str(DASK), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True, env={**os.environ, **worker_environment()})

    def restart_workers(self) -> None:
        """New worker processes (each nanny starts one), connected before this returns."""
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.restart(timeout=180)
            client.wait_for_workers(self.workers, timeout=180)

    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds so far of the scheduler, the nannies, the workers' event loops (their
        main threads) and the rest of the workers' threads (their tasks)."""
        import psutil

        roles = dict.fromkeys(("scheduler", "nannies", "worker loops", "worker tasks"), 0.0)
        for number, started in enumerate(self.processes):
            try:
                process = psutil.Process(started.pid)
                members = [process, *process.children(recursive=True)]
            except psutil.Error:
                continue
            for member in members:
                try:
                    if number == 0:
                        roles["scheduler"] += sum(member.cpu_times()[:2])
                    elif member.pid == started.pid:
                        roles["nannies"] += sum(member.cpu_times()[:2])
                    else:  # a worker: its main thread (tid = pid) runs the event loop
                        loop = sum(thread.user_time + thread.system_time
                                   for thread in member.threads() if thread.id == member.pid)
                        roles["worker loops"] += loop
                        roles["worker tasks"] += sum(member.cpu_times()[:2]) - loop
                except psutil.Error:
                    pass
        return roles

    def cpu_seconds(self) -> float:
        """CPU seconds so far of the scheduler, the nannies and the workers."""
        return sum(self.cpu_by_role().values())

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


MODES = {"local x1": ("--jobs", "1"), "local x2": ("--jobs", "2"), "dask x2": ("--engine", "dask")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every mode, interleaved")
    parser.add_argument("--modes", default=",".join(MODES),
                        help="the modes to run, comma-separated (local x1 always runs: it is the base)")
    parser.add_argument("--pubmed-case-reports", type=int, default=PUBMED_CASE_REPORTS)
    parser.add_argument("--abstract-words", type=int, default=ABSTRACT_WORDS)
    parser.add_argument("--pmc-case-reports", type=int, default=PMC_OA_CASE_REPORTS)
    parser.add_argument("--full-text-words", type=int, default=FULL_TEXT_WORDS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    modes = {name: flags for name, flags in MODES.items()
             if name == "local x1" or name in {mode.strip() for mode in args.modes.split(",")}}
    with tempfile.TemporaryDirectory(prefix="caselit-scale-") as tmp:
        tmp = Path(tmp)
        inputs = tmp / "reports"
        for copy in range(args.copies):
            shutil.copytree(args.corpus, inputs / f"copy{copy}")
        tiny = tmp / "tiny"  # two reports: --jobs 2 starts its pool only for two files or more
        tiny.mkdir()
        for name in ("one.txt", "two.txt"):
            (tiny / name).write_text("A 50-year-old woman was seen.\n", encoding="utf-8")
        words = count_words(inputs)
        print(f"input: {args.copies} x {args.corpus.name}, {words:,} words; {args.repeat} rounds; "
              f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
        startups: dict[str, list[Run]] = {name: [] for name in modes}
        runs: dict[str, list[Run]] = {name: [] for name in modes}
        dask_peaks: list[float] = []
        idle_cluster = [0.0, 0.0]  # CPU seconds of the cluster during the local runs, their seconds
        cluster = LocalDaskCluster(2)
        try:
            options = {name: [*flags, *(("--scheduler", cluster.address) if name.startswith("dask") else ())]
                       for name, flags in modes.items()}
            for _ in range(args.repeat):
                for name in modes:
                    on = cluster if name.startswith("dask") else None
                    if on:  # new workers that have built the pipeline but not read these texts
                        cluster.restart_workers()
                        run_extract(tiny, tmp / "warm.jsonl", *options[name])
                    before = cluster.cpu_seconds()
                    startups[name].append(run_extract(tiny, tmp / "tiny.jsonl", *options[name], cluster=on))
                    runs[name].append(run_extract(inputs, tmp / f"{name}.jsonl", *options[name], cluster=on))
                    if not on:
                        idle_cluster[0] += cluster.cpu_seconds() - before
                        idle_cluster[1] += startups[name][-1].seconds + runs[name][-1].seconds
            if "dask x2" in modes:
                dask_peaks = cluster.worker_peaks_mb()
        finally:
            cluster.close()
        tables = {name: (tmp / f"{name}.jsonl").read_bytes() for name in modes}
        same = ", ".join(f"{name} {'=' if tables[name] == tables['local x1'] else '!='} local x1"
                         for name in modes if name != "local x1")
    steady = {}  # name -> (steady seconds of each round, fastest first; CPU of the fastest; its run)
    by_role = {}  # name -> CPU seconds of the fastest run by process, the fastest start-up's less
    for name in modes:
        startup_seconds = min(run.seconds for run in startups[name])
        fastest_startup = min(startups[name], key=lambda run: run.cpu)
        ordered = sorted(runs[name], key=lambda run: run.seconds)
        steady[name] = ([run.seconds - startup_seconds for run in ordered], ordered[0].cpu - fastest_startup.cpu,
                        ordered[0])
        by_role[name] = _difference(ordered[0].roles, fastest_startup.roles)
    base_seconds, base_cpu = steady["local x1"][0][0], steady["local x1"][1]
    print(f"{'run':<9} {'seconds':>7} {'spread':>7} {'words/s':>8} {'speed-up':>8} {'CPU s':>6} {'CPU/x1':>6} "
          f"{'bound':>6} {'others':>6}  peak RSS MB (largest process or each worker)")
    for name, (seconds, cpu, best) in steady.items():
        peaks = dask_peaks if name.startswith("dask") else [best.peak]
        others = best.others / (best.seconds * (os.cpu_count() or 1))
        print(f"{name:<9} {seconds[0]:7.1f} {seconds[-1] - seconds[0]:7.1f} {words / seconds[0]:8.0f} "
              f"{base_seconds / seconds[0]:7.2f}x {cpu:6.1f} {cpu / base_cpu:6.2f} "
              f"{min(2, os.cpu_count() or 1) * base_cpu / cpu if name != 'local x1' else 1:5.2f}x {others:6.0%}  "
              + ", ".join(f"{peak:.0f}" for peak in peaks))
    print(f"tables row for row: {same}; load average at the end: {os.getloadavg()[0]:.1f}")
    for name, roles in by_role.items():
        if name.startswith("dask"):
            print(f"{name} CPU s by process (best run, start-up excluded): "
                  + ", ".join(f"{'command (client)' if role == 'command' else role} {seconds:.2f}"
                              for role, seconds in roles.items()))
    if idle_cluster[1]:
        print(f"the idle cluster during the local runs: {idle_cluster[0] / idle_cluster[1]:.3f} of a core "
              "(not in their CPU figures)")
    per_core_second = words / base_cpu
    pubmed_hours = args.pubmed_case_reports * args.abstract_words / per_core_second / 3600
    pmc_hours = args.pmc_case_reports * args.full_text_words / per_core_second / 3600
    print(f"projection at {per_core_second:.0f} words per core-second (CPU time of local x1, start-up excluded):")
    print(f"  PubMed case reports: {args.pubmed_case_reports:,} abstracts x {args.abstract_words} words "
          f"= {pubmed_hours:,.0f} core-hours")
    print(f"  PMC open-access case reports: {args.pmc_case_reports:,} full texts x {args.full_text_words} words "
          f"= {pmc_hours:,.0f} core-hours")


if __name__ == "__main__":
    main()
