"""What the commands read and what they leave alone: no report read means nothing written,
odd file names, files that are not regular files, what a folder walk reads and says."""
import shutil
from pathlib import Path

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
