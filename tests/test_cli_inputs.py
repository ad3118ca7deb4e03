"""What the commands read and what they leave alone: no report read means nothing written,
odd file names, files that are not regular files, what a folder walk reads and says."""
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main

DATA = Path(__file__).parent / "data"
REPORT = DATA / "synthetic-cervix-report.txt"


@pytest.fixture
def reports(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPORT, folder)
    return folder


# --- 1. no report read: the previous output stays ------------------------------------------

@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_typo_an_empty_folder_or_only_bad_files_leave_the_table_as_it_was(tmp_path, reports, capsys, suffix):
    out = tmp_path / f"table{suffix}"
    assert main(["extract", str(reports), "-o", str(out), "-q"]) == 0
    before = out.read_bytes()
    (tmp_path / "empty").mkdir()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    for inputs in ([str(tmp_path / "report")], [str(tmp_path / "empty")], [str(bad)]):
        capsys.readouterr()
        assert main(["extract", *inputs, "-o", str(out), "-q"]) == 2, inputs
        last = capsys.readouterr().err.strip().splitlines()[-1]
        assert last == f"caselit: nothing written: no report could be read; {out} was left as it was"
        assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_nothing_read_writes_no_new_table(tmp_path, capsys):
    out = tmp_path / "new.jsonl"
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "-o", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err.strip().splitlines()[-1] == "caselit: nothing written: no report could be read"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_refresh_with_nothing_read_leaves_the_review_as_it_was(tmp_path, reports, capsys, suffix):
    review = tmp_path / f"review{suffix}"
    assert main(["refresh", str(review), str(reports), "-q"]) == 0
    before = review.read_bytes()
    (tmp_path / "empty").mkdir()
    for folder in ("report", "empty"):
        capsys.readouterr()
        assert main(["refresh", str(review), str(tmp_path / folder), "-q"]) == 2
        assert capsys.readouterr().err.strip().splitlines()[-1].endswith(f"{review} was left as it was")
        assert review.read_bytes() == before


# --- 3. file names that are not UTF-8 -------------------------------------------------------

LATIN1_NAME = os.fsdecode(b"caf\xe9-report.txt")  # "café" saved by a Latin-1 system
SHOWN = "caf\\xe9-report.txt"


@pytest.fixture
def latin1_folder(tmp_path) -> Path:
    folder = tmp_path / "latin1"
    folder.mkdir()
    shutil.copy(REPORT, folder / LATIN1_NAME)
    (folder / os.fsdecode(b"\xe9mpty.txt")).write_bytes(b"")
    return folder


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".jsonl", ".parquet"])
def test_a_name_that_is_not_utf8_is_shown_escaped_in_every_table(tmp_path, latin1_folder, capsys, suffix):
    out = tmp_path / f"table{suffix}"
    assert main(["extract", str(latin1_folder), "-o", str(out), "-q"]) == 1  # the empty file is skipped
    err = capsys.readouterr().err
    assert "skipped " in err and "\\xe9mpty.txt: empty file" in err
    if suffix == ".jsonl":
        shown = [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()]
    elif suffix == ".csv":
        shown = list(pd.read_csv(out, encoding="utf-8-sig")["Report"])
    elif suffix == ".parquet":
        shown = list(pd.read_parquet(out)["Report"])
    else:
        shown = list(pd.read_excel(out, sheet_name="cases")["Report"])
    assert shown == [SHOWN]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_refresh_keeps_a_report_whose_name_is_not_utf8(tmp_path, latin1_folder, capsys, suffix):
    review = tmp_path / f"review{suffix}"
    assert main(["refresh", str(review), str(latin1_folder), "-q"]) == 1
    assert main(["refresh", str(review), str(latin1_folder)]) == 1
    assert "0 added, 0 updated, 1 unchanged, 0 conflicts, 1 failed" in capsys.readouterr().err  # not flagged missing
    table = pd.read_csv(review, encoding="utf-8-sig") if suffix == ".csv" else pd.read_excel(review, sheet_name="cases")
    assert list(table["Report"]) == [SHOWN] and table["caselit status"].isna().all()
