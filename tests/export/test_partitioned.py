"""-o DIR/ --format parquet|jsonl: one part per task, evidence as its own dataset; .xlsx over
Excel's row limit refused in one line."""
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.export import writers

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in DATA.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_parquet_dataset_reads_as_the_single_table(tmp_path, reports):
    single, folder = tmp_path / "cases.parquet", tmp_path / "dataset"
    assert main(["extract", str(reports), "-q", "--no-cache", "-o", str(single)]) == 0
    assert main(["extract", str(reports), "-q", "--no-cache", "-o", f"{folder}/", "--format", "parquet"]) == 0
    parts = sorted(p.name for p in folder.glob("*.parquet"))
    assert parts == ["part-00000.parquet", "part-00001.parquet"]  # one per report file
    assert sorted(p.name for p in (folder / "_evidence").iterdir()) == parts
    expected = pd.read_parquet(single)
    pd.testing.assert_frame_equal(pd.read_parquet(folder).reset_index(drop=True), expected)
    evidence = pd.read_parquet(folder / "_evidence")
    assert set(evidence["Report"]) == set(expected["Report"]) and len(evidence) > len(expected)


def test_jsonl_dataset_and_a_rerun_replaces_the_old_parts(tmp_path, reports):
    single, folder = tmp_path / "cases.jsonl", tmp_path / "dataset"
    assert main(["extract", str(reports), "-q", "--no-cache", "-o", str(single)]) == 0
    (folder / "part-00007.jsonl").parent.mkdir()
    (folder / "part-00007.jsonl").write_text("left from an earlier run\n")
    assert main(["extract", str(reports), "-q", "--no-cache", "-o", str(folder), "--format", "jsonl"]) == 0
    lines = [line for part in sorted(folder.glob("*.jsonl")) for line in part.read_text().splitlines()]
    assert lines == single.read_text().splitlines()
    assert json.loads((folder / "_evidence" / "part-00000.jsonl").read_text().splitlines()[0])["Field"]


def test_a_folder_without_format_is_one_line(tmp_path, reports, capsys):
    assert main(["extract", str(reports), "-q", "-o", f"{tmp_path / 'out'}/"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"caselit: cannot write {tmp_path / 'out'}: a folder takes --format parquet or --format jsonl"]


def test_xlsx_over_excels_rows_is_refused_up_front(tmp_path, reports, capsys):
    huge = tmp_path / "pubmed25n0001.xml.gz"
    with open(huge, "wb") as handle:  # sparse: its size says ~1.3 million articles
        handle.truncate(1 << 30)
    assert main(["extract", str(huge), str(reports), "--no-cache", "-o", str(tmp_path / "cases.xlsx")]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "1,048,576" in line and "--format parquet" in line
    assert not (tmp_path / "cases.xlsx").exists()


def test_xlsx_sheet_over_the_limit_is_one_line_and_keeps_the_old_table(tmp_path, reports, capsys, monkeypatch):
    out = tmp_path / "cases.xlsx"
    out.write_bytes(b"the reviewer's old table")
    monkeypatch.setattr(writers, "EXCEL_MAX_ROWS", 3)
    assert main(["extract", str(reports), "-q", "--no-cache", "-o", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "1,048,576 per sheet (sheet " in line and "--format parquet" in line
    assert out.read_bytes() == b"the reviewer's old table"
    assert os.listdir(tmp_path) == sorted(os.listdir(tmp_path))  # no temporary left: same names
    assert sorted(os.listdir(tmp_path)) == ["cases.xlsx", "reports"]
