"""What a killed write leaves beside its output (the temporary table, a workbook's sheet files)
is removed by the next write; a write still running is left alone."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl

from pipeline.cases.record import Case
from pipeline.export import write_table
from pipeline.export.locks import lock_file
from pipeline.export.writers import remove_stale_parts

REPO = Path(__file__).parents[2]
# A writer that streams 2,000 cases and then hangs, as a run killed in the middle would.
HANGING_WRITER = """
import sys, time
from pipeline.cases.record import Case
from pipeline.export import write_table

def cases():
    for number in range(2000):
        yield Case(f"report-{number}.txt", case=1, age=40, drugs=["cisplatin"])
    print("written", flush=True)
    time.sleep(600)

write_table(cases(), sys.argv[1])
"""


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


def test_a_killed_xlsx_write_leaves_files_beside_it_that_the_next_write_removes(tmp_path):
    out = tmp_path / "cases.xlsx"
    write_table([Case("first.txt", case=1, age=30)], out)
    before = out.read_bytes()
    process = subprocess.Popen([sys.executable, "-c", HANGING_WRITER, str(out)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "written"
        left = leftovers(tmp_path)
        # The temporary table and the sheets' rows, beside the output (not in /tmp), named after it.
        assert any(name.endswith(".part") for name in left)
        assert any(name.endswith(".part-sheet1.xml") for name in left)
        assert remove_stale_parts(out) == []  # being written: left alone
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert out.read_bytes() == before and leftovers(tmp_path) == left
    write_table([Case("second.txt", case=1, age=31)], out)
    assert leftovers(tmp_path) == []
    assert openpyxl.load_workbook(out)["cases"]["A2"].value == "second.txt"


def test_only_our_own_temporary_names_are_removed(tmp_path):
    out = tmp_path / "cases.csv"
    ours = [".cases.csv.k2j4_x9q.part", ".cases.csv.k2j4_x9q.part-sheet2.xml", ".cases.csv.zz00zz00.part-sheet1.xml"]
    others = [".cases.csv.swp", ".cases.csv.part", ".other.csv.k2j4_x9q.part", ".cases.csv.bak.k2j4_x9q.part", "cases.csv~"]
    for name in ours + others:
        (tmp_path / name).write_bytes(b"x")
    live = tmp_path / ".cases.csv.livelive.part"
    live.write_bytes(b"x")
    with open(live, "rb+") as handle:  # another run writing it
        assert lock_file(handle.fileno(), blocking=False)
        write_table([Case("a.txt", case=1)], out)
    assert leftovers(tmp_path) == sorted([*others[:-1], live.name])
    assert (tmp_path / "cases.csv~").exists()


def test_a_write_holds_its_temporary_file_until_it_is_in_place(tmp_path):
    out = tmp_path / "cases.jsonl"
    seen = []

    def cases():
        seen.extend(leftovers(tmp_path))
        assert remove_stale_parts(out) == []
        yield Case("a.txt", case=1)

    started = time.monotonic()
    write_table(cases(), out)
    assert len(seen) == 1 and seen[0].startswith(".cases.jsonl.") and seen[0].endswith(".part")
    assert leftovers(tmp_path) == [] and time.monotonic() - started < 10
