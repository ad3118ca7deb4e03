"""What the commands read and what they leave alone: no report read means nothing written,
odd file names, files that are not regular files, what a folder walk reads and says."""
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.export.writers import formats_text
from pipeline.ingest import IngestError, reader

try:
    import resource
except ImportError:  # Windows
    resource = None

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


# --- 4. only regular files are read, and at most 64 MB of them ------------------------------

@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: a FIFO opened for reading waits for a writer forever."""
    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_a_folder_is_skipped_with_one_line(tmp_path, reports, capsys):
    os.mkfifo(reports / "pipe.txt")
    out = tmp_path / "cases.csv"
    with deadline(60):
        status = main(["extract", str(reports), "-o", str(out), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"caselit: skipped {reports / 'pipe.txt'}: not a regular file (a FIFO)"]
    assert status == 0  # not a report: like a .docx beside the reports
    assert list(pd.read_csv(out, encoding="utf-8-sig")["Report"]) == [REPORT.name]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_on_the_command_line_is_refused_in_one_line(tmp_path, reports, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = tmp_path / "cases.jsonl"
    with deadline(60):
        assert main(["extract", str(fifo), str(reports), "-o", str(out), "-q"]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [f"caselit: skipped {fifo}: not a regular file (a FIFO)"]
    with deadline(60):
        assert main(["refresh", str(tmp_path / "review.xlsx"), str(fifo), "-q"]) == 2


@pytest.mark.skipif(not Path("/dev/zero").exists() or resource is None, reason="needs /dev/zero")
def test_dev_zero_as_input_is_refused_at_once(tmp_path):
    # In a process of its own with its memory capped: reading /dev/zero fills any memory.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    code = limit + "from pipeline.cli import main; raise SystemExit(main(['extract', '/dev/zero', '-o', 'z.csv']))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "caselit: skipped /dev/zero: not a regular file (a character device)" in result.stderr.splitlines()


def test_the_size_cap_holds_while_reading_whatever_the_file_system_says(monkeypatch):
    # /proc files say they are empty (st_size 0) and are not: the cap must hold while reading.
    monkeypatch.setattr(reader, "MAX_BYTES", 64)
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(IngestError, match="file too large for a report"):
        reader.read_report(status)


def test_reading_stops_one_byte_past_the_cap(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"A 40-year-old woman. " * 1000)
    real_read, read = os.read, []
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((0o100644, 0, 0, 1, 0, 0, 10, 0, 0, 0)))
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(IngestError, match="over"):
        reader.read_file_bytes(big, limit=100)
    assert sum(read) == 101


# --- 5. what a folder walk reads and says; the output checked first -------------------------

def test_a_folder_walk_reads_extensionless_reports_and_counts_what_it_leaves_out(tmp_path, reports, capsys):
    # No extension: text, read as the README says (another report: the same one twice is one row).
    (reports / "second-report").write_text(REPORT.read_text(encoding="utf-8") + "\nShe was well at one year.\n",
                                           encoding="utf-8")
    (reports / "notes.rtf").write_bytes(b"{\\rtf1 notes}")
    (reports / "letter.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (reports / "cover.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    linked = tmp_path / "shared-reports"
    linked.mkdir()
    shutil.copy(DATA / "synthetic-two-cases.txt", linked)
    (reports / "shared").symlink_to(linked, target_is_directory=True)
    out = tmp_path / "cases.csv"
    assert main(["extract", str(reports), "-o", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert "caselit: 3 files skipped: not a report format (.docx, .rtf)" in err
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table["Report"]) == ["second-report", "synthetic-two-cases.txt", "synthetic-two-cases.txt",
                                     REPORT.name]


@pytest.mark.parametrize("command", ["extract", "refresh"])
def test_an_existing_folder_as_output_is_one_line_before_any_work(tmp_path, reports, capsys, command):
    folder = tmp_path / "table.xlsx"
    folder.mkdir()
    cache = tmp_path / "cache"
    args = ["extract", str(reports), "-o", str(folder)] if command == "extract" else ["refresh", str(folder), str(reports)]
    assert main([*args, "--cache-dir", str(cache)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(folder) in err[0] and "folder" in err[0]
    assert not cache.exists()  # nothing was processed
    assert list(folder.iterdir()) == []


def test_output_without_extension_says_which_formats_o_takes(tmp_path, reports, capsys):
    assert main(["extract", str(reports), "-o", str(tmp_path / "results")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"caselit: cannot write {tmp_path / 'results'}: no table format given; "
                   f"-o takes a file ending in {formats_text()}"]
    assert formats_text().startswith(".xlsx, .csv, .jsonl")
