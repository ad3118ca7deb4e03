"""Throughput and memory of ``caselit extract`` beside spaCy's bare tokenizer.

    python bench/speed.py                        # ../shared/bench/casereports at 1x, 4x, 12x
    python bench/speed.py --copies 1,4 --repeat 3 --corpus PATH

For each size the corpus is copied N times into a temporary folder, then, one after another,
each in its own subprocess (so that the peak RSS is that run's alone, read with ``wait4``):

* ``bare``: ``spacy.blank("en")``'s tokenizer over every report text, read one at a time;
  its token count is the corpus's word count, and only the tokenizer calls are timed;
* ``extract``: the real command, ``python -m pipeline extract FOLDER -o OUT.jsonl --no-cache
  --jobs 1``, timed from outside (without ``--no-cache`` every copy after the first would be
  a cache hit). Its start-up (imports, building the pipeline) is measured once on a one-line
  report and subtracted, so that the ratio compares throughput with throughput; the
  end-to-end figure, start-up included, is printed too.

Last, a profile run (``--profile-copies``, 1x by default) times each stage of the same
extraction by hand — reading, scispaCy's tokenizer, every pipe of ``nlp.pipeline``, mention
records, case assembly, writing the table — and prints each one's share.

Shared machines are noisy: compare the ratio, not absolute times, and use ``--repeat`` (the
fastest of the repeats is kept) when a number matters.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "bench" / "casereports"


# ---------------------------------------------------------------------------------------
# Children: each prints one JSON line on stdout.

def child_bare(folder: str) -> dict:
    import spacy

    from pipeline.ingest import iter_input_files, read_report

    nlp = spacy.blank("en")
    words = reports = 0
    seconds = 0.0
    for path in iter_input_files([folder]):
        for report in read_report(path):
            start = time.process_time()
            doc = nlp.make_doc(report.text)
            seconds += time.process_time() - start
            words += len(doc)
            reports += 1
    return {"words": words, "reports": reports, "seconds": seconds}


def child_profile(folder: str, out: str) -> dict:
    """The extraction of pipeline.api.extract, stage by stage, with a clock around each."""
    from pipeline.api import chunks
    from pipeline.cases.assemble import assemble
    from pipeline.cases.mentions import doc_mentions
    from pipeline.export import write_table
    from pipeline.ingest import iter_input_files, read_report
    from pipeline.nlp.build import build_nlp

    start = time.perf_counter()
    nlp = build_nlp()
    setup = time.perf_counter() - start
    stages = {"read": 0.0, "tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    stages.update({"mentions": 0.0, "assemble": 0.0, "write": 0.0})
    cases = []

    def clock(stage: str, function, *args):
        begin = time.perf_counter()
        result = function(*args)
        stages[stage] += time.perf_counter() - begin
        return result

    for path in iter_input_files([folder]):
        for report in clock("read", read_report, path):
            mentions, starts = [], []
            for offset, piece in chunks(report.text):
                doc = clock("tokenizer", nlp.make_doc, piece)
                for name, proc in nlp.pipeline:
                    doc = clock(name, proc, doc)
                found, patients = clock("mentions", doc_mentions, doc, offset)
                mentions += found
                starts += patients
            cases += clock("assemble", assemble, report, mentions, starts)
    clock("write", write_table, cases, out)
    return {"setup": setup, "stages": stages, "cases": len(cases)}


# ---------------------------------------------------------------------------------------
# Parent.

def run(command: list[str], stdout_path: Path) -> dict:
    """Run ``command``; its wall time, peak RSS (MB) and stdout's last line."""
    with open(stdout_path, "w") as out, open(stdout_path.with_suffix(".err"), "w") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would keep the largest so far)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: some inputs skipped, the table still written
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{stdout_path.with_suffix('.err').read_text()[-2000:]}")
    lines = stdout_path.read_text().strip().splitlines()
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
            "output": json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None}


def extract_command(folder: Path, out: Path) -> list[str]:
    """The CLI on one core, every file processed (options it does not know are left out)."""
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "-q", "-o", str(out)]
    usage = subprocess.run(command[:4] + ["--help"], capture_output=True, text=True, cwd=REPO).stdout
    return command + [option for option in ("--no-cache", "--jobs=1") if option.split("=")[0] in usage]


def make_copies(corpus: Path, copies: int, into: Path) -> Path:
    folder = into / f"x{copies}"
    if not folder.exists():
        for number in range(copies):
            shutil.copytree(corpus, folder / f"copy{number:03d}")
    return folder


def best(runs: list[dict], key: str) -> dict:
    return min(runs, key=lambda r: r[key])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of reports (default: %(default)s)")
    parser.add_argument("--copies", default="1,4,12", help="sizes, as copies of the corpus (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--profile-copies", type=int, default=1, help="size of the profile run; 0 skips it")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--child", choices=("bare", "profile"), help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "bare":
        print(json.dumps(child_bare(args.folder)))
        return 0
    if args.child == "profile":
        print(json.dumps(child_profile(args.folder, args.out)))
        return 0

    if not args.corpus.is_dir():
        parser.error(f"no corpus folder at {args.corpus}")
    sizes = [int(n) for n in args.copies.split(",") if n.strip()]
    me = str(Path(__file__).resolve())
    results: dict = {"corpus": str(args.corpus), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="caselit-bench-") as temporary:
        temporary = Path(temporary)
        tiny = temporary / "startup"
        tiny.mkdir()
        (tiny / "one.txt").write_text("A 52-year-old woman presented with FIGO stage IB1 squamous cell carcinoma of the cervix.\n")
        command = extract_command(tiny, temporary / "startup.jsonl")
        startup = best([run(command, temporary / "startup.log") for _ in range(args.repeat)], "cpu")
        results["command"] = " ".join(command[1:])
        results["startup"] = startup
        print(f"extract: python {' '.join(command[1:4])} FOLDER -q -o OUT.jsonl {' '.join(command[8:])}")
        print(f"extract start-up (one-line report): {startup['cpu']:.1f} s CPU, {startup['wall']:.1f} s wall, "
              f"peak RSS {startup['rss_mb']:.0f} MB\n", flush=True)
        header = (f"{'size':>4} {'reports':>7} {'cases':>5} {'words':>9} | {'bare w/s':>8} {'RSS MB':>6} | "
                  f"{'extract w/s':>11} {'wall s':>6} {'RSS MB':>6} | {'ratio':>5} | {'end-to-end':>10}")
        print(header)
        print("-" * len(header), flush=True)
        for copies in sizes:
            folder = make_copies(args.corpus, copies, temporary)
            out = temporary / f"x{copies}.jsonl"
            bares, extracts = [], []
            for _ in range(args.repeat):  # interleaved, so that a busy spell hits both alike
                bares.append(run([sys.executable, me, "--child", "bare", str(folder)], temporary / f"bare{copies}.log"))
                extracts.append(run(extract_command(folder, out), temporary / f"extract{copies}.log"))
            bare, extract = best(bares, "cpu"), best(extracts, "cpu")
            words = bare["output"]["words"]
            bare_rate = words / bare["output"]["seconds"]
            # CPU seconds, start-up subtracted: throughput against throughput, and less
            # sensitive than wall time to other processes on a shared machine
            rate = words / max(extract["cpu"] - startup["cpu"], 1e-9)
            row = {"reports": bare["output"]["reports"], "cases": sum(1 for _ in out.open(encoding="utf-8")),
                   "words": words, "bare_words_per_s": bare_rate, "bare_rss_mb": bare["rss_mb"],
                   "extract_words_per_s": rate, "extract_wall_s": extract["wall"], "extract_cpu_s": extract["cpu"],
                   "extract_rss_mb": extract["rss_mb"], "ratio": rate / bare_rate,
                   "ratio_end_to_end": words / extract["wall"] / bare_rate}
            results["sizes"][copies] = row
            print(f"{str(copies) + 'x':>4} {row['reports']:>7} {row['cases']:>5} {words:>9} | {bare_rate:>8,.0f} "
                  f"{bare['rss_mb']:>6.0f} | {rate:>11,.0f} {extract['wall']:>6.1f} {extract['rss_mb']:>6.0f} | "
                  f"{row['ratio']:>5.2f} | {row['ratio_end_to_end']:>10.2f}", flush=True)
        print("\nbare w/s: spaCy's blank('en') tokenizer alone (words = its tokens); extract w/s: the same words\n"
              "over the command's CPU time less its start-up; ratio = extract w/s / bare w/s; end-to-end: the\n"
              "command's words per wall-clock second, start-up included, over bare w/s.")
        if args.profile_copies:
            folder = make_copies(args.corpus, args.profile_copies, temporary)
            profile = run([sys.executable, me, "--child", "profile", str(folder), "--out", str(temporary / "profile.jsonl")],
                          temporary / "profile.log")["output"]
            results["profile"] = profile
            stages = profile["stages"]
            total = sum(stages.values())
            print(f"\nprofile at {args.profile_copies}x (pipeline built in {profile['setup']:.1f} s, not counted below):")
            for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
                print(f"  {stage:<24} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
            print(f"  {'total':<24} {total:7.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
