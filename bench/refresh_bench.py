"""How long ``caselit refresh`` takes on a big review sheet (a benchmark, not a test).

    python bench/refresh_bench.py                 # 10,000 rows, 10 new reports, best of 3
    python bench/refresh_bench.py --rows 2000 --new 5 --repeat 1 --keep /tmp/bench-refresh

Setup (not timed): 10,000 small report files and a review sheet with one row per file, as
``caselit refresh`` would have written it (synthetic cases, so that setup does not run the
pipeline 10,000 times), then saved once by openpyxl as a spreadsheet program would save it
(openpyxl keeps caselit's inline strings, where Excel writes a shared-string table), with a
reviewer's column and a hundred edited cells. The new reports are the test reports of
tests/data with other ages, stages and sentences.

Timed, each on a fresh copy of the sheet and an empty results cache, in a subprocess pinned to
one CPU (``taskset``, when there is one), start-up and building the pipeline included:

* ``first run``: ``new only`` with an empty build cache too (the compiled patterns and parsed
  lexicons of ``pipeline.disk_cache``): the very first run after installing or editing
  ``models/``, once;
* ``new only``: ``caselit refresh review.xlsx new/`` (the 10 reports just downloaded);
* ``whole folder``: ``caselit refresh review.xlsx reports/ new/`` (10,010 files, the 10,000
  known ones recognised as unchanged by their hash, taken without reading them when their
  size, times and inode are those of the previous run: ``pipeline.batch.file_stats``);
* ``nothing new``: the same again on the sheet it wrote: every file unchanged, no pipeline
  built, nothing written (the daily case);
* ``extract one``: ``caselit extract tests/data/synthetic-cervix-report.txt -o x.jsonl
  --no-cache``, the shortest run there is.

Each row also gives its ratio to ``spaCy alone`` measured in the same run (``python -c
"import spacy; spacy.blank('en')"``, code caselit does not change): the machine's speed varies
by a third from one run to the next, the ratios much less.

Then the start-up profile of a fresh process (Python and the imports, building the pipeline
component by component) and the same ``new only`` refresh phase by phase. The goals: the two
refresh rows under 3 s, ``extract one`` under 2 s. Wall time suffers on a shared machine; the
CPU time of the run is printed beside it, and each row is the best of ``--repeat`` runs.
"""
from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SITES = ["cervix", "endometrium", "ovary", "vulva", "vagina", "lung", "breast"]
HISTOLOGY = ["squamous cell carcinoma", "adenocarcinoma", "clear cell carcinoma", "carcinosarcoma"]
STAGES = ["IA1", "IB1", "IB2", "IIA1", "IIB", "IIIB", "IIIC1", "IVA", "IVB"]
DRUGS = ["cisplatin", "carboplatin", "paclitaxel", "docetaxel", "bevacizumab", "pembrolizumab", "gemcitabine"]
OUTCOMES = ["died", "alive with disease", "no evidence of disease", "complete remission", None]


def snapshot(work: Path) -> Path:
    """A copy of the package and its data to run from: the pipeline version (a hash of the
    code and models/) must not change between setup and the timed runs, whatever else is
    edited in the checkout meanwhile."""
    root = work / "snapshot"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "pipeline", root / "pipeline", ignore=ignore)
    shutil.copytree(REPO / "models", root / "models", ignore=ignore)
    # An installed package has its bytecode (pip compiles it); a fresh copy has none, and with
    # PYTHONDONTWRITEBYTECODE set every timed run would compile a hundred modules (0.2 s).
    compileall.compile_dir(root / "pipeline", quiet=1)
    sys.path.insert(0, str(root))
    return root


def synthetic_case(name: str, rng: random.Random):
    from pipeline.cases.record import Case

    wbc = sorted(round(rng.uniform(4, 120), 2) for _ in range(rng.randint(0, 4)))
    return Case(
        doc=name, title=f"Leukaemoid reaction in {rng.choice(SITES)} cancer: a case report and review",
        age=float(rng.randint(19, 90)), sex="female", primary_site=rng.choice(SITES),
        histology=rng.choice(HISTOLOGY), figo_stage=rng.choice(STAGES),
        metastasis_sites=rng.sample(["lung", "liver", "bone", "lymph node", "brain"], rng.randint(0, 3)),
        wbc_values=wbc, wbc_max=max(wbc) if wbc else None, drugs=rng.sample(DRUGS, rng.randint(0, 4)),
        dates=[f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}"], outcome=rng.choice(OUTCOMES),
    )


def build(work: Path, rows: int, new: int) -> None:
    from pipeline.batch.identity import content_hash, file_hash
    from pipeline.batch.version import pipeline_version
    from pipeline.review.refresh import Review
    from pipeline.review.reports import ReportCases

    rng = random.Random(7)
    reports = work / "reports"
    reports.mkdir(parents=True)
    version = pipeline_version()
    started = time.perf_counter()
    review = Review.open(work / "review.xlsx")
    batch = []
    for number in range(rows):
        name = f"case-{number:05d}.txt"
        text = f"Case report {number}. A {rng.randint(19, 90)}-year-old woman presented with bleeding.\n"
        (reports / name).write_text(text, encoding="utf-8")
        batch.append(ReportCases("sha:" + content_hash(text), name, reports / name,
                                 file_hash(text.encode("utf-8")), [synthetic_case(name, rng)]))
    review.apply(batch, version=version)
    review.save(backup=False)
    print(f"setup: {rows} rows written by caselit in {time.perf_counter() - started:.1f} s")

    import openpyxl  # the reviewer's pass: their column, their edits, saved as Excel saves

    started = time.perf_counter()
    book = openpyxl.load_workbook(work / "review.xlsx")
    sheet = book["cases"]
    notes = sheet.max_column + 1
    sheet.cell(1, notes, "Reviewer notes")
    for row in range(2, rows + 2, max(1, rows // 100)):
        sheet.cell(row, 4, 50)  # Age
        sheet.cell(row, notes, "checked against the full text")
    book.save(work / "review.xlsx")
    print(f"setup: the reviewer's pass through openpyxl in {time.perf_counter() - started:.1f} s")

    sources = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "data").glob("*.txt"))]
    (work / "new").mkdir()
    for number in range(new):
        text = re.sub(r"\b(52|61)-year-old", f"{30 + number}-year-old", sources[number % len(sources)])
        text += f"\nShe was seen again {number + 2} months later.\n"
        (work / "new" / f"new-{number:02d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(work / "review.xlsx", work / "review.original.xlsx")


def fresh(work: Path, build_cache: bool = True) -> None:
    """The original sheet and no cached results; the build cache is kept unless
    ``build_cache`` is False (what a user has after the first run: it depends on caselit's
    data files only, never on the reports)."""
    shutil.copy(work / "review.original.xlsx", work / "review.xlsx")
    if not build_cache:
        shutil.rmtree(work / "cache", ignore_errors=True)
    for path in (work / "cache").glob("results.sqlite*"):
        path.unlink()


def timed(work: Path, arguments: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, last line of stderr) of ``python ARGUMENTS`` on one CPU."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    environment = dict(os.environ, PYTHONPATH=str(work / "snapshot"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([*pin, sys.executable, *arguments], cwd=work, capture_output=True, text=True, env=environment)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {arguments}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = result.stderr.strip().splitlines()
    return elapsed, cpu, lines[-1] if lines else ""


def timed_cli(work: Path, inputs: list[str], build_cache: bool = True) -> tuple[float, float, str]:
    fresh(work, build_cache)
    return timed(work, ["-m", "pipeline", "refresh", "review.xlsx", *inputs, "--cache-dir", "cache"])


def timed_extract(work: Path) -> tuple[float, float, str]:
    report = REPO / "tests" / "data" / "synthetic-cervix-report.txt"
    return timed(work, ["-m", "pipeline", "extract", str(report), "-o", "one.jsonl", "--no-cache", "--cache-dir", "cache"])


def best(runs: list[tuple[float, float, str]]) -> tuple[float, float, str]:
    """The fastest wall time and the least CPU time of the runs (each on its own: on a shared
    machine the two minima need not be the same run), with the last run's summary."""
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[-1][2]


BASELINE = "import spacy; spacy.blank('en')"

STARTUP = """
import time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
import pipeline.cli, pipeline.commands.refresh, pipeline.batch.refresh
pipeline.spacy_import.defer_spacy_cli()  # as pipeline.cli.main does
mark("import caselit's command modules")
import spacy
mark("import spaCy")
import pipeline.nlp.build as build
mark("import the pipeline's components")
from pipeline import disk_cache
disk_cache.configure("cache")
nlp = build.blank_nlp()
mark("blank English model and scispaCy's tokenizer")
for name in ("caselit_sentences", "caselit_abbreviations", "caselit_sections", *build.FINDING_PIPES, "caselit_context"):
    nlp.add_pipe(name)
    mark("  " + name)
for (_, wall0, cpu0), (name, wall1, cpu1) in zip(marks, marks[1:]):
    print(f"  {wall1 - wall0:6.2f} s {cpu1 - cpu0:6.2f} s CPU  {name}")
print(f"  {marks[-1][1] - marks[0][1]:6.2f} s {marks[-1][2] - marks[0][2]:6.2f} s CPU  total (after Python's own start)")
"""


def startup_profile(work: Path) -> None:
    """Where the start-up of a fresh process goes, with the build cache warm."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    environment = dict(os.environ, PYTHONPATH=str(work / "snapshot"))
    result = subprocess.run([*pin, sys.executable, "-c", STARTUP], cwd=work, capture_output=True, text=True,
                            env=environment)
    if result.returncode != 0:
        raise SystemExit(f"failed: start-up profile\n{result.stderr}")
    print("\nstart-up profile, a fresh process (wall, CPU):")
    print(result.stdout.rstrip())


def phases(work: Path) -> None:
    from pipeline.batch.refresh import _fewer_collections

    from pipeline import disk_cache
    from pipeline.nlp import build  # noqa: F401 - imports are not a phase here

    disk_cache.configure(work / "cache")
    fresh(work)
    with _fewer_collections():  # the garbage collector set as refresh_review sets it: the command's phases
        _timed_phases(work)


def _timed_phases(work: Path) -> None:
    from pipeline.batch.cache import ResultCache
    from pipeline.batch.runner import BatchRunner, read_inputs, shared_nlp
    from pipeline.batch.version import pipeline_version
    from pipeline.review.refresh import Review
    from pipeline.review.reports import ReportCases

    marks = [("start", time.perf_counter(), time.process_time())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter(), time.process_time()))

    review = Review.open(work / "review.xlsx")
    mark("open the sheet and its state")
    files = read_inputs([work / "new"])
    mark("find and hash the inputs")
    nlp = shared_nlp()
    mark("build the pipeline")
    with ResultCache(work / "cache") as cache:
        results = BatchRunner(cache=cache, nlp=nlp).run(files)
    mark(f"run {len(files)} reports")
    reports = [ReportCases(r.doc_id, r.name, res.path, res.file_hash, r.cases) for res in results for r in res.reports]
    summary = review.apply(reports, version=pipeline_version())
    mark("compare and update cells")
    review.save()
    mark("write the sheet (and the backup)")
    print("\nphases, in this process (imports excluded; wall, CPU):")
    for (_, wall0, cpu0), (name, wall1, cpu1) in zip(marks, marks[1:]):
        print(f"  {wall1 - wall0:6.2f} s {cpu1 - cpu0:6.2f} s CPU  {name}")
    print(f"  {marks[-1][1] - marks[0][1]:6.2f} s {marks[-1][2] - marks[0][2]:6.2f} s CPU  total   "
          f"({summary.line('review.xlsx')})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="runs of each timed row; the best is shown")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temporary folder")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="caselit-refresh-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        snapshot(work)
        build(work, args.rows, args.new)
        size = (work / "review.xlsx").stat().st_size / 2**20
        print(f"sheet: {args.rows} rows, {size:.1f} MB\n")
        # The yardstick: plain spaCy (its own import, CLI included, and a blank English model),
        # code caselit does not change, measured in this run: the ratios say how caselit's
        # commands compare with it whatever this machine's speed today (it varies by a third).
        wall, cpu, _ = best([timed(work, ["-c", BASELINE]) for _ in range(args.repeat)])
        yardstick = wall
        print(f"{'spaCy alone':>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  1.00x  (python, import spacy, spacy.blank('en'))")
        imports = ["-c", "import pipeline.batch.refresh, pipeline.commands.refresh, pipeline.nlp.build"]
        wall, cpu, _ = best([timed(work, imports) for _ in range(args.repeat)])
        print(f"{'imports':>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  {wall / yardstick:4.2f}x  "
              f"(caselit's modules, spaCy imported as spaCy has it)")
        wall, cpu, summary = timed_cli(work, ["new"], build_cache=False)
        print(f"{'first run':>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  {wall / yardstick:4.2f}x  caselit refresh review.xlsx new"
              f"   (empty build cache)")
        for label, inputs in (("new only", ["new"]), ("whole folder", ["reports", "new"])):
            wall, cpu, summary = best([timed_cli(work, inputs) for _ in range(args.repeat)])
            print(f"{label:>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  {wall / yardstick:4.2f}x  caselit refresh review.xlsx {' '.join(inputs)}"
                  f"   [{summary}]")
        # the sheet the last whole-folder run wrote, the results cache it filled: nothing to do
        wall, cpu, summary = best([timed(work, ["-m", "pipeline", "refresh", "review.xlsx", "reports", "new",
                                                "--cache-dir", "cache"]) for _ in range(args.repeat)])
        print(f"{'nothing new':>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  {wall / yardstick:4.2f}x  caselit refresh review.xlsx reports new"
              f"   (again)   [{summary}]")
        wall, cpu, _ = best([timed_extract(work) for _ in range(args.repeat)])
        print(f"{'extract one':>12}: {wall:5.2f} s wall, {cpu:5.2f} s CPU  {wall / yardstick:4.2f}x  caselit extract "
              f"tests/data/synthetic-cervix-report.txt -o one.jsonl --no-cache")
        startup_profile(work)
        phases(work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
