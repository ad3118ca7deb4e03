"""write_table streams: a generator of cases is read once, lazily, and memory holds only a
few cases at a time, in every format; a failure of the generator itself keeps the old file."""
import json
import tempfile
import weakref

import openpyxl
import pandas as pd
import pytest

from pipeline.cases.labs import LabValue
from pipeline.cases.record import Case, Evidence
from pipeline.cases.timeline import TimelineEvent
from pipeline.cases.treatments import Treatment
from pipeline.export import SUPPORTED_FORMATS, write_table
from pipeline.export import writers, xlsx

CASES = 300  # several times the batch sizes below
# Each case becomes its rows at once; a writer keeping a list would hold all of them.
MOST_ALIVE = 10


def make_case(i: int) -> Case:
    sentence = f"Her white cell count was {i}.5 ×10⁹/L on day {i}."
    return Case(
        doc=f"report-{i // 2:05d}.txt", case=i % 2 + 1, title=f"Case {i}", age=0.75 if i % 7 == 0 else 30.0 + i % 40,
        sex="female", drugs=["cisplatin"], wbc_values=[i + 0.5], wbc_max=i + 0.5, outcome="=1+1" if i == 3 else "alive",
        treatments=[Treatment("drug", "cisplatin", ("cisplatin",), "40 mg/m2", None, 6, None, None, "cisplatin", 10)],
        labs=[LabValue("wbc", i + 0.5, "10^9/L", "2012-05-02", f"{i}.5", 20)],
        timeline=[TimelineEvent("2012-05-02", False, sentence, (f"WBC {i}.5 ×10^9/L",), 30)],
        evidence=[Evidence("wbc_values", [i + 0.5], sentence, 0, 5, 0), Evidence("age", 40, "x" * 50, 6, 8, 0)],
    )


class Cases:
    """A one-pass source of cases that counts how many it made are still alive (weak
    references: CPython frees a case once the writer drops it) and can run a check or fail
    when it reaches a given case."""

    def __init__(self, count, at=None, then=None):
        self.count, self.at, self.then = count, at, then
        self.made = self.freed = self.most_alive = 0
        self._refs = []

    def _free(self, _ref):
        self.freed += 1

    def __iter__(self):
        for i in range(self.count):
            self.most_alive = max(self.most_alive, self.made - self.freed)
            if i == self.at:
                self.then()
            case = make_case(i)
            self._refs.append(weakref.ref(case, self._free))
            self.made += 1
            yield case


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """Batches as in use but smaller, so that a few hundred cases cross them: Parquet row groups
    are written before the input ends, XLSX rows are streamed after the width sample."""
    monkeypatch.setattr(writers, "PARQUET_BATCH", 50)
    monkeypatch.setattr(writers, "PARQUET_ROW_GROUP", 200)
    monkeypatch.setattr(xlsx, "_WIDTH_SAMPLE", 50)


@pytest.fixture
def spool(tmp_path, monkeypatch):
    """openpyxl's temporary sheet files go here, to check that none is left behind."""
    folder = tmp_path / "spool"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("extension", SUPPORTED_FORMATS)
def test_a_generator_is_written_lazily(tmp_path, spool, extension):
    source = Cases(CASES)
    path = write_table(iter(source), tmp_path / "out" / f"table{extension}")
    assert source.made == CASES and source.most_alive <= MOST_ALIVE
    assert list(spool.iterdir()) == [] and [p.name for p in path.parent.iterdir()] == [path.name]
    if extension == ".jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(records) == CASES and records[-1]["title"] == f"Case {CASES - 1}"
        assert len(records[5]["evidence"]) == 2
        return
    if extension == ".html":  # the review page: one table row per case, in input order
        page = path.read_text(encoding="utf-8")
        assert page.count("<tr data-report=") == CASES and page.endswith("</html>\n")
        return
    if extension == ".xlsx":
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["cases", "treatments", "labs", "timeline", "evidence"]
        rows = {name: book[name].max_row - 1 for name in book.sheetnames}
        assert rows == {"cases": CASES, "treatments": CASES, "labs": CASES, "timeline": CASES, "evidence": 2 * CASES}
        evidence = book["evidence"]
        assert evidence.auto_filter.ref == f"A1:I{2 * CASES + 1}" and evidence.freeze_panes == "A2"
        assert evidence["E2"].alignment.wrap_text and evidence.column_dimensions["E"].width == 52
        cases = book["cases"]
        assert cases["N5"].value == "=1+1" and cases["N5"].data_type == "s"  # past the width sample too:
        assert cases[f"C{CASES + 1}"].value == f"Case {CASES - 1}" and cases[f"D{CASES - 5}"].data_type == "n"
        frame = pd.read_excel(path, sheet_name="cases")
    elif extension == ".csv":
        frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
        assert frame["Age"].iloc[:2].tolist() == ["0.75", "31"]
    else:
        frame = pd.read_parquet(path)
    assert len(frame) == CASES
    assert frame["Title"].tolist() == [f"Case {i}" for i in range(CASES)]  # in input order
    assert [str(v) for v in frame["Case"].iloc[:3]] == ["1", "2", "1"]


@pytest.mark.parametrize("extension", [".jsonl", ".csv", ".parquet"])
def test_rows_reach_the_file_before_the_input_ends(tmp_path, extension):
    sizes = []

    def look():
        sizes.extend(p.stat().st_size for p in tmp_path.glob(".table*.part"))

    write_table(iter(Cases(CASES, at=CASES - 1, then=look)), tmp_path / f"table{extension}")
    assert len(sizes) == 1 and sizes[0] > 1_000  # the temporary file, before the last case


@pytest.mark.parametrize("extension", SUPPORTED_FORMATS)
def test_a_failing_generator_keeps_the_existing_file(tmp_path, spool, extension):
    target = tmp_path / f"table{extension}"
    target.write_bytes(b"previous table")

    def fail():
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        write_table(iter(Cases(CASES, at=250, then=fail)), target)  # rows already written out
    assert target.read_bytes() == b"previous table"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spool", target.name]  # no temporary left
    assert list(spool.iterdir()) == []


def test_parquet_row_groups(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", exc_type=ImportError)
    path = write_table(iter(Cases(450)), tmp_path / "t.parquet")
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [200, 200, 50]
    assert pd.read_parquet(path)["Title"].tolist() == [f"Case {i}" for i in range(450)]
