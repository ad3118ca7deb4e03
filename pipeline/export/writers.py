"""Writing the tables: the format comes from the file extension; writes are atomic.

Every format is written to a temporary file in the destination folder and moved into place
with ``os.replace``, so a failure (a bad value, a full disk, Ctrl-C) never leaves a
half-written table, and an existing table stays as it was.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from pipeline.cases.record import Case
from pipeline.export.safe import csv_text
from pipeline.export.table import cases_frame, evidence_frame, labs_frame, timeline_frame, treatments_frame

# CSV carries a UTF-8 byte-order mark: without it Excel on Windows decodes the file in the
# local ANSI code page and shows "Ã—10â¹/L" for "×10⁹/L"; pandas (encoding="utf-8-sig"),
# R, LibreOffice and Python's csv with utf-8-sig all read it unchanged.
CSV_ENCODING = "utf-8-sig"


def _write_jsonl(cases: list[Case], handle: BinaryIO) -> None:
    for case in cases:
        line = json.dumps(case.to_dict(), ensure_ascii=False, default=str)
        handle.write(line.encode("utf-8") + b"\n")


def _write_csv(cases: list[Case], handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(text)  # RFC 4180 quoting, \r\n line ends as Excel expects
    frame = cases_frame(cases)
    writer.writerow(frame.columns)
    for record in frame.itertuples(index=False, name=None):
        writer.writerow(_csv_cell(value) for value in record)
    text.flush()
    text.detach()  # leave the binary handle open for the atomic writer


def _csv_cell(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 40, not 40.0, in a column that also holds 0.75
    return value


def _write_parquet(cases: list[Case], handle: BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        message = f"writing .parquet needs pyarrow, which failed to import: {error}"
        raise RuntimeError(message) from None
    table = pa.Table.from_pandas(cases_frame(cases), preserve_index=False)
    pq.write_table(table, handle)


def _write_xlsx(cases: list[Case], handle: BinaryIO) -> None:
    from pipeline.export.xlsx import write_xlsx

    write_xlsx(
        {
            "cases": cases_frame(cases),
            "treatments": treatments_frame(cases),
            "labs": labs_frame(cases),
            "timeline": timeline_frame(cases),
            "evidence": evidence_frame(cases),
        },
        handle,
    )


WRITERS: dict[str, Callable[[list[Case], BinaryIO], None]] = {
    ".csv": _write_csv,
    ".jsonl": _write_jsonl,
    ".parquet": _write_parquet,
    ".xlsx": _write_xlsx,
}
SUPPORTED_FORMATS = tuple(WRITERS)


def write_table(cases: Iterable[Case], out_path: str | os.PathLike) -> Path:
    """Write the cases to ``out_path`` in the format its extension names; return the path.

    ``.jsonl`` holds one ``Case.to_dict()`` per line (evidence included); ``.csv`` and
    ``.parquet`` the review table; ``.xlsx`` the review table and an evidence sheet. Missing
    folders are created. Raises ValueError for an unknown extension.
    """
    out_path = Path(out_path)
    writer = WRITERS.get(out_path.suffix.lower())
    if writer is None:
        raise ValueError(
            f"cannot write {out_path.name!r}: unknown table format {out_path.suffix or '(none)'!r}"
            f" (supported: {', '.join(SUPPORTED_FORMATS)})"
        )
    if out_path.is_dir():
        raise ValueError(f"cannot write {str(out_path)!r}: it is a folder")
    cases = list(cases)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out_path) as handle:
        writer(cases, handle)
    return out_path


@contextlib.contextmanager
def atomic_output(path: Path):
    """A binary file that replaces ``path`` only once everything was written to it."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask, as open()."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Read, not set-and-restore: os.umask() would briefly change it for every thread.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022
