"""caselit refresh end to end on reports generated from tests/data: the command, a killed
batch resumed, and sheets it must refuse."""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.batch.cache import CACHE_FILE
from pipeline.batch.version import pipeline_version
from pipeline.cli import main

DATA = Path(__file__).parents[1] / "data"
REPO = Path(__file__).parents[2]


def make_reports(folder: Path, count: int) -> Path:
    """``count`` small reports, each different: the test reports with other ages, stages and
    an extra sentence."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    stages = ["IB1", "IB2", "IIA1", "IIB", "IIIC1", "IVA"]
    for number in range(count):
        text = sources[number % len(sources)]
        text = re.sub(r"\b(52|61)-year-old", f"{30 + number}-year-old", text)
        text = re.sub(r"FIGO stage \w+", f"FIGO stage {stages[number % len(stages)]}", text, count=1)
        text += f"\nFollow-up note {number}: the patient was seen in clinic {number + 2} times.\n"
        (folder / f"report-{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def cases_table(path: Path) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name="cases", dtype=str)


def cached(cache_dir: Path) -> int:
    try:
        with sqlite3.connect(cache_dir / CACHE_FILE, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_refresh_creates_then_updates_the_sheet(tmp_path, capsys):
    reports = make_reports(tmp_path / "reports", 3)  # report-001 has two cases
    review, cache = tmp_path / "review.xlsx", str(tmp_path / "cache")
    assert main(["refresh", str(review), str(reports), "--cache-dir", cache]) == 0
    assert "4 added, 0 updated, 0 unchanged, 0 conflicts, 0 failed" in capsys.readouterr().err
    book = openpyxl.load_workbook(review)
    sheet = book["cases"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Age") + 1, 99)  # the reviewer's correction
    sheet.cell(1, len(header) + 1, "Notes"), sheet.cell(2, len(header) + 1, "check histology")
    book.save(review)
    for name, old, new in (("report-000.txt", "30-year-old", "31-year-old"), ("report-002.txt", "FIGO stage IIA1", "FIGO stage IIB")):
        text = (reports / name).read_text(encoding="utf-8")
        assert old in text
        (reports / name).write_text(text.replace(old, new), encoding="utf-8")
    make_reports(tmp_path / "new", 4)
    (tmp_path / "new" / "report-003.txt").rename(reports / "report-003.txt")
    assert main(["refresh", str(review), str(reports), "--cache-dir", cache]) == 0
    err = capsys.readouterr().err
    assert "2 added, 1 updated, 3 unchanged, 1 conflict, 0 failed" in err
    assert "conflict in report-000.txt case 1, column 'Age': kept your '99'; caselit now finds '31'" in err
    table = cases_table(review)
    assert list(table["Report"]) == ["report-000.txt", "report-001.txt", "report-001.txt", "report-002.txt",
                                     "report-003.txt", "report-003.txt"]
    assert table["Age"][0] == "99" and table["Notes"][0] == "check histology" and table["FIGO stage"][3] == "IIB"
    assert review.with_name("review.bak.xlsx").exists()


def test_a_sheet_written_by_extract_refreshes_keeping_edits(tmp_path, capsys):
    review = tmp_path / "review.xlsx"
    assert main(["extract", str(DATA / "synthetic-cervix-report.txt"), "-o", str(review), "-q",
                 "--cache-dir", str(tmp_path / "cache")]) == 0
    book = openpyxl.load_workbook(review)
    header = [c.value for c in book["cases"][1]]
    book["cases"].cell(2, header.index("Outcome") + 1, "alive (checked)")
    book["cases"].cell(2, header.index("Histology") + 1).value = "Pathology"  # not a header: a value
    book["cases"].cell(1, header.index("Histology") + 1).value = "Pathology"  # renamed by the reviewer
    book.save(review)
    assert main(["refresh", str(review), str(DATA), "--cache-dir", str(tmp_path / "cache")]) == 0
    err = capsys.readouterr().err
    assert "not a review sheet" not in err and "'Pathology' -> Histology" in err
    table = cases_table(review)
    assert list(table["Report"]) == ["synthetic-cervix-report.txt", "synthetic-two-cases.txt", "synthetic-two-cases.txt"]
    assert table["Outcome"][0] == "alive (checked)" and table["Pathology"][0] == "Pathology"
    assert "Histology" not in table.columns  # recognised under its new name, not added again
    book = openpyxl.load_workbook(review)
    assert book["_caselit"].sheet_state == "hidden"
    evidence = {row[0] for row in book["evidence"].iter_rows(min_row=2, values_only=True)}
    assert evidence == {"synthetic-cervix-report.txt", "synthetic-two-cases.txt"}  # kept current
    assert main(["refresh", str(review), str(DATA), "--cache-dir", str(tmp_path / "cache"), "-q"]) == 0
    assert len(cases_table(review)) == 3


def test_a_damaged_sheet_is_refused_and_untouched(tmp_path, capsys):
    corrupt = tmp_path / "corrupt.csv"
    corrupt.write_bytes(b"\x00\x01garbage")
    assert main(["refresh", str(corrupt), str(DATA), "-q"]) == 2
    assert corrupt.read_bytes() == b"\x00\x01garbage"


def test_extract_with_jobs_and_cache_gives_the_same_table(tmp_path):
    reports = make_reports(tmp_path / "reports", 4)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(reports), "-o", str(one), "-q", "--no-cache"]) == 0
    assert main(["extract", str(reports), "-o", str(two), "-q", "--jobs", "2", "--cache-dir", str(tmp_path / "c")]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert cached(tmp_path / "c") == 4


def test_killed_batch_resumes_without_redoing_finished_reports(tmp_path, capsys):
    reports = make_reports(tmp_path / "reports", 40)
    reference, resumed = tmp_path / "reference.xlsx", tmp_path / "resumed.xlsx"
    pipeline_version.cache_clear()  # as the subprocess computes it: from the files now
    assert main(["refresh", str(reference), str(reports), "-q", "--cache-dir", str(tmp_path / "cache-a")]) == 0

    cache = tmp_path / "cache-b"
    command = [sys.executable, "-m", "pipeline", "refresh", str(resumed), str(reports), "-q", "--cache-dir", str(cache)]
    process = subprocess.Popen(command, cwd=REPO, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while cached(cache) < 5 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    done = cached(cache)
    assert 5 <= done < 40, "the batch should have been killed part-way"
    with sqlite3.connect(cache / CACHE_FILE) as db:
        versions = {v for (v,) in db.execute("SELECT DISTINCT version FROM results")}
    if versions != {pipeline_version()}:
        pytest.skip("the code or models/ changed while the test ran (another edit in this checkout)")
    assert not resumed.exists()  # nothing half-written

    capsys.readouterr()
    assert main(["refresh", str(resumed), str(reports), "--cache-dir", str(cache)]) == 0
    progress = [line for line in capsys.readouterr().err.splitlines() if "40/40 reports" in line]
    assert progress and f"{done} from cache" in progress[-1]
    pd.testing.assert_frame_equal(cases_table(resumed), cases_table(reference))
