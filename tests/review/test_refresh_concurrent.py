"""Two refreshes of one review at once, and a review saved by someone else during a refresh:
no row and no edit is lost. The refreshes are real processes; the save during a refresh goes
through a test seam (the merge step) that writes the file between its read and its write."""
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.review import refresh as refresh_module
from pipeline.export.locks import ReviewLock, review_lock_path

DATA = Path(__file__).parents[1] / "data"
REPO = Path(__file__).parents[2]
SOURCE = (DATA / "synthetic-cervix-report.txt").read_text(encoding="utf-8")


def reports(folder: Path, ages: range) -> Path:
    """One report per age, each a different text (so a different report)."""
    folder.mkdir(parents=True, exist_ok=True)
    for age in ages:
        text = SOURCE.replace("52-year-old", f"{age}-year-old")
        (folder / f"patient-{age}.txt").write_text(text, encoding="utf-8")
    return folder


def ages_in(review: Path) -> list[str]:
    if review.suffix == ".csv":
        table = pd.read_csv(review, dtype=str, encoding="utf-8-sig")
    else:
        table = pd.read_excel(review, sheet_name="cases", dtype=str)
    return sorted(table["Age"].dropna())


def refresh_process(review: Path, folder: Path, cache: Path, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "pipeline", "refresh", str(review), str(folder), "-q", "--cache-dir", str(cache)]
    with log.open("wb") as err:
        return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)


def wait_for(predicate, processes, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        if all(p.poll() is not None for p in processes):
            return predicate()
        time.sleep(0.05)
    return False


def test_two_refreshes_started_together_take_turns_and_keep_both_sets_of_rows(tmp_path):
    review = tmp_path / "review.xlsx"
    assert main(["refresh", str(review), str(reports(tmp_path / "first", range(30, 32))), "-q"]) == 0
    new_a, new_b = reports(tmp_path / "newA", range(40, 42)), reports(tmp_path / "newB", range(50, 53))
    cache = tmp_path / "cache"  # filled here, so that the processes need not build the pipeline
    assert main(["extract", str(new_a), str(new_b), "-o", str(tmp_path / "scratch.jsonl"), "-q",
                 "--cache-dir", str(cache)]) == 0
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    # The test holds the lock while both start, so that both must wait: without the lock
    # they would both read the sheet at once and the second save would drop the first's rows.
    with ReviewLock(review):
        processes = [refresh_process(review, folder, cache, log) for folder, log in zip((new_a, new_b), logs)]
        waiting = wait_for(lambda: all("waiting for it to finish" in log.read_text() for log in logs), processes)
    for process in processes:
        process.wait(timeout=120)
    errors = [log.read_text() for log in logs]
    assert [p.returncode for p in processes] == [0, 0], errors
    assert ages_in(review) == ["30", "31", "40", "41", "50", "51", "52"], errors
    assert waiting, errors
    assert all(f"{review} is being refreshed by another caselit (process {os.getpid()})" in e for e in errors)


def _save_during_merge(monkeypatch, edit, times: int = 1):
    """Make ``edit()`` run (another program saving the sheet) after the refresh read the
    sheet and before it writes it, ``times`` times."""
    apply = refresh_module.Review.apply
    calls = []

    def apply_then_edit(self, *args, **kwargs):
        summary = apply(self, *args, **kwargs)
        if len(calls) < times:
            calls.append(1)
            time.sleep(0.01)  # a later modification time, as a real save would have
            edit(len(calls))
        return summary

    monkeypatch.setattr(refresh_module.Review, "apply", apply_then_edit)
    return calls


def _edit_xlsx(review: Path, age: str):
    def edit(_):
        book = openpyxl.load_workbook(review)
        sheet = book["cases"]
        header = [c.value for c in sheet[1]]
        sheet.cell(2, header.index("Age") + 1, age)
        sheet.cell(1, len(header) + 1, "Notes")
        sheet.cell(2, len(header) + 1, f"checked {age}")
        book.save(review)
    return edit


def _edit_csv(review: Path, age: str):
    def edit(_):
        table = pd.read_csv(review, dtype=str, encoding="utf-8-sig", keep_default_na=False)
        table.loc[0, "Age"] = age
        table.to_csv(review, index=False, encoding="utf-8-sig")
    return edit


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_save_during_the_refresh_is_merged_not_overwritten(tmp_path, monkeypatch, capsys, suffix):
    review = tmp_path / f"review{suffix}"
    assert main(["refresh", str(review), str(reports(tmp_path / "reports", range(30, 32))), "-q"]) == 0
    reports(tmp_path / "reports", range(40, 42))
    editor = _edit_xlsx if suffix == ".xlsx" else _edit_csv
    calls = _save_during_merge(monkeypatch, editor(review, "99"))
    capsys.readouterr()
    assert main(["refresh", str(review), str(tmp_path / "reports"), "-q"]) == 0
    assert calls == [1]
    err = capsys.readouterr().err
    assert f"{review.name} changed on disk during the refresh (saved in another program?): merging again" in err
    assert ages_in(review) == ["31", "40", "41", "99"]  # the edit made meanwhile, and the new rows
    if suffix == ".xlsx":
        notes = pd.read_excel(review, sheet_name="cases", dtype=str)["Notes"].dropna().tolist()
        assert notes == ["checked 99"]


def test_a_sheet_that_keeps_changing_is_left_as_the_other_program_saved_it(tmp_path, monkeypatch, capsys):
    review = tmp_path / "review.xlsx"
    assert main(["refresh", str(review), str(reports(tmp_path / "reports", range(30, 32))), "-q"]) == 0
    reports(tmp_path / "reports", range(40, 41))
    _save_during_merge(monkeypatch, lambda n: _edit_xlsx(review, str(90 + n))(n), times=99)
    capsys.readouterr()
    assert main(["refresh", str(review), str(tmp_path / "reports"), "-q"]) == 2
    assert "kept changing on disk while caselit refreshed it" in capsys.readouterr().err.strip().splitlines()[-1]
    assert ages_in(review) == ["31", "93"]  # the third save by the other program, untouched


def test_the_lock_file_is_hidden_beside_the_review(tmp_path):
    review = tmp_path / "review.xlsx"
    assert review_lock_path(review) == tmp_path / ".review.xlsx.caselit-lock"


def test_a_file_system_without_locks_is_said_once_and_the_refresh_goes_on(tmp_path, monkeypatch, capsys):
    from pipeline.export import locks

    def no_locks(fd, blocking=True):
        raise OSError(37, "No locks available")

    monkeypatch.setattr(locks, "lock_file", no_locks)
    review = tmp_path / "review.csv"
    assert main(["refresh", str(review), str(reports(tmp_path / "reports", range(30, 31))), "-q"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"caselit: cannot lock {review} (No locks available); going on without the lock: "
                   "do not run two refreshes of it at once"]
    assert ages_in(review) == ["30"]
