"""Writing the tables to files and reading them back: every format, safety, atomicity."""
import json
import os
import stat
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

from pipeline.cases.record import Case, Evidence
from pipeline.export import SUPPORTED_FORMATS, write_table
from pipeline.export import writers


ATTACKS = ['=HYPERLINK("http://attacker.example","click")', "+1+2", "-2+3", "@SUM(A1:A2)",
           "\tcmd", "\r=1"]


@pytest.fixture
def hostile_cases(make_cases):
    cases = make_cases()
    cases[0].title = ATTACKS[0]
    cases[0].drugs = ["=cmd|' /C calc'!A0"]
    cases[1].title = "-leading dash title"
    cases[1].outcome = "@outcome"
    return cases


def test_jsonl(tmp_path, make_cases):
    cases = make_cases()
    path = write_table(cases, tmp_path / "out.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records == [json.loads(json.dumps(case.to_dict())) for case in cases]
    first = records[0]
    for name in ("doc", "case", "age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites",
                 "wbc_values", "wbc_max", "drugs", "dates", "outcome", "title", "doi", "pmid", "evidence"):
        assert name in first
    assert first["age"] == 40 and isinstance(first["age"], int)
    assert first["evidence"][1] == {
        "field": "metastasis_sites", "value": "lymph node", "sentence": "No lymph node metastasis.",
        "start": 30, "end": 40, "sentence_start": 27, "qualifiers": ["negated"], "kept": False,
    }
    assert "×10⁹/L" in lines[0]  # written as UTF-8, not \\u escapes
    assert pd.read_json(path, lines=True)["doc"].tolist() == ["cervix-case.txt"] * 2


def test_csv(tmp_path, hostile_cases, expected_columns):
    path = write_table(hostile_cases, tmp_path / "out.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(frame.columns) == expected_columns
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["Title"] == "'" + ATTACKS[0]
    assert first["Drugs"] == "'=cmd|' /C calc'!A0"
    assert second["Title"] == "'-leading dash title" and second["Outcome"] == "'@outcome"
    assert first["Age"] == "40" and second["Age"] == "0.75"  # numbers stay numbers
    assert first["WBC max (×10⁹/L)"] == "70.37"
    assert first["WBC values (×10⁹/L)"] == "5.93; 23; 70.37"
    assert second["Primary site"] == ""


@pytest.mark.parametrize("attack", ATTACKS)
def test_csv_formula_triggers(tmp_path, attack):
    path = write_table([Case(doc="a.txt", title=attack)], tmp_path / "one.csv")
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert frame.iloc[0]["Title"] == "'" + attack


def test_parquet(tmp_path, make_cases, expected_columns):
    pytest.importorskip("pyarrow", exc_type=ImportError)
    path = write_table(make_cases(), tmp_path / "out.parquet")
    frame = pd.read_parquet(path)
    assert list(frame.columns) == expected_columns
    assert frame["Age"].tolist() == [40.0, 0.75]
    assert frame.iloc[0]["WBC values (×10⁹/L)"] == "5.93; 23; 70.37"
    assert frame.iloc[0]["WBC max (×10⁹/L)"] == pytest.approx(70.37)
    assert frame["Case"].tolist() == [1, 2]


@pytest.mark.parametrize("ages", [[40.0, 52.0], [40.0, 0.75], [None, None], []])
def test_parquet_schema_is_fixed(tmp_path, ages, expected_columns):
    """One type per column whatever the values: Age is float64 even when every age is whole,
    a column of only missing values is still text, and an empty table has the full schema."""
    pq = pytest.importorskip("pyarrow.parquet", exc_type=ImportError)
    path = write_table([Case(doc="a.txt", case=i + 1, age=age) for i, age in enumerate(ages)], tmp_path / "t.parquet")
    schema = pq.read_schema(path)
    types = {name: str(schema.field(name).type) for name in schema.names}
    assert list(types) == expected_columns
    assert types.pop("Case") == "int64"
    assert types.pop("Age") == types.pop("WBC max (×10⁹/L)") == "double"
    assert set(types.values()) == {"string"}
    frame = pd.read_parquet(path)
    assert (str(frame["Age"].dtype), str(frame["Case"].dtype)) == ("Float64", "Int64")
    assert frame["Age"].tolist() == [pd.NA if age is None else age for age in ages]


def test_parquet_without_pyarrow(tmp_path, monkeypatch, make_cases):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    with pytest.raises(RuntimeError, match="needs pyarrow"):
        write_table(make_cases(), tmp_path / "out.parquet")
    assert os.listdir(tmp_path) == []


def test_xlsx_layout_and_values(tmp_path, hostile_cases, expected_columns):
    cases = hostile_cases
    cases[0].evidence.append(Evidence("outcome", "complete remission", "x" * 300, 0, 1, 0))
    path = write_table(cases, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["cases", "treatments", "labs", "timeline", "evidence"]
    sheet = book["cases"]
    assert [c.value for c in sheet[1]] == expected_columns
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:V3"
    widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(16)]
    assert all(6 <= w <= 60 for w in widths)
    assert widths[expected_columns.index("Metastasis/recurrence sites")] >= len("Metastasis/recurrence sites")
    row = {name: cell for name, cell in zip(expected_columns, sheet[2])}
    assert row["Age"].value == 40 and row["Age"].data_type == "n"
    assert row["WBC max (×10⁹/L)"].value == pytest.approx(70.37) and row["WBC max (×10⁹/L)"].data_type == "n"
    assert row["Title"].value == ATTACKS[0] and row["Title"].data_type == "s"
    assert row["Drugs"].value == "=cmd|' /C calc'!A0" and row["Drugs"].data_type == "s"
    assert row["Primary site"].value == "cervix"
    assert sheet["D3"].value == 0.75 and sheet["C3"].value == "-leading dash title"
    assert sheet["E3"].value == "male" and sheet["F3"].value is None

    evidence = book["evidence"]
    assert [c.value for c in evidence[1]] == ["Report", "Case", "Field", "Value", "Sentence", "Start", "End", "Qualifiers", "In table"]
    assert evidence.freeze_panes == "A2" and evidence.auto_filter.ref == "A1:I5"
    assert evidence["H3"].value == "negated"
    assert evidence["E5"].alignment.wrap_text  # long sentences wrap
    assert evidence.column_dimensions["E"].width <= 60


def test_xlsx_long_text_columns_are_capped(tmp_path):
    cases = [Case(doc="a.txt", title="A long title " * 20, evidence=[Evidence("age", 40, "word " * 100, 0, 1, 0)])] * 5
    book = openpyxl.load_workbook(write_table(cases, tmp_path / "wide.xlsx"))
    assert book["cases"].column_dimensions["C"].width == 60
    assert book["evidence"].column_dimensions["E"].width == 60
    assert book["cases"]["C2"].alignment.wrap_text


def test_xlsx_holds_no_formula(tmp_path):
    path = write_table([Case(doc="a.txt", title=a, outcome=a, drugs=[a]) for a in ATTACKS], tmp_path / "f.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in archive.read(n) and b"<f " not in archive.read(n) for n in sheets)
    rows = openpyxl.load_workbook(path)["cases"].iter_rows(min_row=2, values_only=True)
    assert [row[2] for row in rows] == ATTACKS  # the text exactly as it was, kept as text
    frame = pd.read_excel(path, sheet_name="cases", dtype=str)
    assert frame["Title"].tolist() == ATTACKS


def test_xlsx_cleans_what_excel_cannot_hold(tmp_path):
    case = Case(doc="a.txt", title="bell\x07 and NUL\x00 gone", outcome="y" * 40000)
    path = write_table([case], tmp_path / "clean.xlsx")
    sheet = openpyxl.load_workbook(path)["cases"]
    assert sheet["C2"].value == "bell and NUL gone"
    assert len(sheet["N2"].value) == 32767 and sheet["N2"].value.endswith("…")


def test_empty_table(tmp_path, expected_columns):
    for extension in (".csv", ".jsonl", ".xlsx"):
        path = write_table([], tmp_path / f"empty{extension}")
        assert path.exists()
    assert [c.value for c in openpyxl.load_workbook(tmp_path / "empty.xlsx")["cases"][1]] == expected_columns
    assert (tmp_path / "empty.jsonl").read_text() == ""


def test_unknown_extension(tmp_path, make_cases):
    target = tmp_path / "new" / "out.docx"
    with pytest.raises(ValueError) as raised:
        write_table(make_cases(), target)
    message = str(raised.value)
    assert "out.docx" in message and "\n" not in message
    assert all(extension in message for extension in (".csv", ".jsonl", ".parquet", ".xlsx"))
    assert not (tmp_path / "new").exists()
    assert set(SUPPORTED_FORMATS) == {".csv", ".jsonl", ".parquet", ".xlsx", ".html"}


def test_uppercase_extension_and_missing_folders(tmp_path, make_cases):
    path = write_table(make_cases(), tmp_path / "a" / "b" / "OUT.XLSX")
    assert openpyxl.load_workbook(path).sheetnames == ["cases", "treatments", "labs", "timeline", "evidence"]


def test_folder_as_output(tmp_path, make_cases):
    (tmp_path / "table.csv").mkdir()
    with pytest.raises(ValueError, match="is a folder"):
        write_table(make_cases(), tmp_path / "table.csv")


@pytest.mark.parametrize("extension", [".csv", ".jsonl", ".xlsx", ".parquet"])
def test_failed_write_keeps_existing_file(tmp_path, monkeypatch, make_cases, extension):
    target = tmp_path / f"table{extension}"
    target.write_bytes(b"previous table")

    def fail_halfway(cases, handle):
        handle.write(b"half a table")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(writers.WRITERS, extension, fail_halfway)
    with pytest.raises(OSError, match="No space left"):
        write_table(make_cases(), target)
    assert target.read_bytes() == b"previous table"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_failure_inside_a_real_writer_keeps_existing_file(tmp_path, make_cases):
    target = tmp_path / "table.jsonl"
    target.write_text("previous\n")
    class Unserialisable(Case):
        def to_dict(self):
            raise RuntimeError("cannot serialise this case")

    cases = make_cases() + [Unserialisable(doc="b.txt")]  # fails after two lines were written
    with pytest.raises(RuntimeError, match="cannot serialise"):
        write_table(cases, target)
    assert target.read_text() == "previous\n"
    assert os.listdir(tmp_path) == ["table.jsonl"]


def test_replace_keeps_permissions(tmp_path, make_cases):
    target = tmp_path / "table.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_table(make_cases(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = write_table(make_cases(), tmp_path / "fresh.csv")  # not the 0600 of a temp file
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_current_umask()


def _current_umask():
    return writers._umask()


def test_returns_the_path(tmp_path, make_cases):
    assert write_table(make_cases(), str(tmp_path / "x.csv")) == tmp_path / "x.csv"
