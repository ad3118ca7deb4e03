"""Writing the tables: the format comes from the file extension; writes are atomic and stream.

Every format is written to a temporary file in the destination folder and moved into place
with ``os.replace``, so a failure (a bad value, a full disk, Ctrl-C, an error raised by the
cases' iterator itself) never leaves a half-written table, and an existing table stays as it
was.

The cases are read once, in order, and each is turned into its rows at once, so memory does
not grow with their number: JSONL and CSV are written row by row, Parquet in row groups of
``PARQUET_ROW_GROUP`` rows, XLSX through openpyxl's write-only mode (see ``xlsx.py``).
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from pipeline.cases.record import Case
from pipeline.export.locks import lock_file
from pipeline.export.safe import csv_text
from pipeline.export.table import (
    CASE_COLUMNS,
    EVIDENCE_COLUMNS,
    LAB_COLUMNS,
    TIMELINE_COLUMNS,
    TREATMENT_COLUMNS,
    case_row,
    cases_frame,
    evidence_rows,
    lab_rows,
    timeline_rows,
    treatment_rows,
)
from pipeline.files import PART_SUFFIX, replacing, temporary_beside

# CSV carries a UTF-8 byte-order mark: without it Excel on Windows decodes the file in the
# local ANSI code page and shows "Ã—10â¹/L" for "×10⁹/L"; pandas (encoding="utf-8-sig"),
# R, LibreOffice and Python's csv with utf-8-sig all read it unchanged.
CSV_ENCODING = "utf-8-sig"
# Parquet rows are turned into Arrow columns this many at a time, and written in row groups
# of PARQUET_ROW_GROUP rows: far smaller groups would compress and scan worse.
PARQUET_BATCH = 500
PARQUET_ROW_GROUP = 10_000
# The workbook's sheets, in order: their columns and the rows one case gives.
XLSX_SHEETS: dict[str, tuple[tuple[str, ...], Callable[[Case], Iterable[tuple]]]] = {
    "cases": (CASE_COLUMNS, lambda case: (case_row(case),)),
    "treatments": (TREATMENT_COLUMNS, treatment_rows),
    "labs": (LAB_COLUMNS, lab_rows),
    "timeline": (TIMELINE_COLUMNS, timeline_rows),
    "evidence": (EVIDENCE_COLUMNS, evidence_rows),
}


def _write_jsonl(cases: Iterable[Case], handle: BinaryIO) -> None:
    for case in cases:
        line = json.dumps(case.to_dict(), ensure_ascii=False, default=str)
        handle.write(line.encode("utf-8") + b"\n")


def _write_csv(cases: Iterable[Case], handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
    # RFC 4180 with every text field quoted, numbers bare (a PMID stays "19132155": text to
    # readers that honour quotes, such as LibreOffice's "quoted field as text"), \r\n line ends
    writer = csv.writer(text, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CASE_COLUMNS)
    for case in cases:
        writer.writerow([_csv_cell(value) for value in case_row(case)])
    text.flush()
    text.detach()  # leave the binary handle open for the atomic writer


def _csv_cell(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 40, not 40.0, in a column that also holds 0.75
    return value


def parquet_schema():
    """The Arrow schema of a .parquet table: one type per column whatever the values, so
    that every row group (and an empty table) agrees. Age is float64 (a 9-month-old is
    0.75), Case int64, WBC max float64, every other column text (Year too: it is text in
    the case record and in CSV). Pandas metadata is included so that ``pd.read_parquet``
    gives nullable Int64/Float64 columns, as a table written from a frame would."""
    import pyarrow as pa

    types = {"Case": pa.int64(), "Age": pa.float64(), "WBC max (×10⁹/L)": pa.float64()}
    schema = pa.schema([pa.field(name, types.get(name, pa.string())) for name in CASE_COLUMNS])
    typed = cases_frame([]).astype({"Age": "Float64"})
    return pa.Table.from_pandas(typed, schema=schema, preserve_index=False).schema


def _write_parquet(cases: Iterable[Case], handle: BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        message = f"writing .parquet needs pyarrow, which failed to import: {error}"
        raise RuntimeError(message) from None
    schema = parquet_schema()
    with pq.ParquetWriter(handle, schema) as writer:
        batches, pending = [], 0
        for rows in _chunks((case_row(case) for case in cases), PARQUET_BATCH):
            columns = zip(*rows)
            arrays = [pa.array(values, type=field.type) for values, field in zip(columns, schema)]
            batches.append(pa.record_batch(arrays, schema=schema))
            pending += len(rows)
            if pending >= PARQUET_ROW_GROUP:
                writer.write_table(pa.Table.from_batches(batches, schema), row_group_size=PARQUET_ROW_GROUP)
                batches, pending = [], 0
        if batches:
            writer.write_table(pa.Table.from_batches(batches, schema), row_group_size=PARQUET_ROW_GROUP)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# A worksheet holds 1,048,576 rows, the header included.
EXCEL_MAX_ROWS = 1_048_576
_TOO_MANY_ROWS = ("more rows than Excel's 1,048,576 per sheet{where}: write -o DIR/ --format parquet "
                  "(or a .csv or .jsonl table) for a run this large")
# Up front, a PubMed .xml.gz is taken to hold an article per this many bytes (a baseline
# file: ~30,000 articles in ~25 MB), of which this share is kept by a publication-type filter.
_GZIP_BYTES_PER_ARTICLE = 800
_FILTERED_SHARE = 0.1


def excel_rows_problem(paths: Iterable[str | os.PathLike], publication_types=None) -> str | None:
    """One line when the inputs (at least a row each; a PubMed .xml.gz a row per article it
    may keep) cannot fit in a workbook's cases sheet, checked before any work; else None."""
    from pipeline.ingest import iter_input_files
    from pipeline.ingest.pubmed_baseline import is_streamed_name

    rows = 1
    for path in iter_input_files(paths):
        if is_streamed_name(path):
            with contextlib.suppress(OSError):
                articles = path.stat().st_size / _GZIP_BYTES_PER_ARTICLE
                rows += int(articles * (_FILTERED_SHARE if publication_types else 1))
        else:
            rows += 1
        if rows > EXCEL_MAX_ROWS:
            return _TOO_MANY_ROWS.format(where=" (estimated from the inputs)")
    return None


def _write_xlsx(cases: Iterable[Case], handle: BinaryIO) -> None:
    from pipeline.export.xlsx import StreamingWorkbook
    from pipeline.export.xlsx_plots import TimelinePlots

    sheets = {title: columns for title, (columns, _) in XLSX_SHEETS.items()}
    counts = dict.fromkeys(sheets, 1)  # the header row
    with StreamingWorkbook(sheets, temp_prefix=_temporary_name(handle)) as book:
        plots = TimelinePlots(book)
        for case in cases:
            first_row = plots.first_row()
            for title, (_, rows) in XLSX_SHEETS.items():
                for row in rows(case):
                    counts[title] += 1
                    if counts[title] > EXCEL_MAX_ROWS:  # the table that was there stays
                        raise RuntimeError(_TOO_MANY_ROWS.format(where=f" (sheet {title})"))
                    book.append(title, row)
            plots.add(case, first_row)
        book.save(handle)


def _write_html(cases: Iterable[Case], handle: BinaryIO, report_texts=None) -> None:
    from pipeline.export.html import write_html

    write_html(cases, handle, report_texts)


WRITERS: dict[str, Callable[[Iterable[Case], BinaryIO], None]] = {
    ".xlsx": _write_xlsx,
    ".csv": _write_csv,
    ".jsonl": _write_jsonl,
    ".parquet": _write_parquet,
    ".html": _write_html,
}
SUPPORTED_FORMATS = tuple(WRITERS)


def formats_text(formats: Iterable[str] = SUPPORTED_FORMATS) -> str:
    """'.xlsx, .csv, .jsonl or .parquet'."""
    formats = list(formats)
    return ", ".join(formats[:-1]) + " or " + formats[-1] if len(formats) > 1 else "".join(formats)


def output_problem(out_path: str | os.PathLike, formats: Sequence[str] = SUPPORTED_FORMATS) -> str | None:
    """Why ``out_path`` cannot be written as a table (one line), or None: checked before any
    work, so that a batch does not run for nothing.

    >>> output_problem("cases.doc")
    'cannot write cases.doc: unknown table format .doc; -o takes a file ending in .xlsx, .csv, .jsonl, .parquet or .html'
    """
    out_path = Path(out_path)
    takes = f"-o takes a file ending in {formats_text(formats)}"
    if out_path.is_dir():
        return f"cannot write {out_path}: it is a folder; {takes} (e.g. {out_path / ('cases' + formats[0])})"
    suffix = out_path.suffix.lower()
    if not suffix:
        return f"cannot write {out_path}: no table format given; {takes}"
    if suffix not in formats:
        return f"cannot write {out_path}: unknown table format {out_path.suffix}; {takes}"
    folder = out_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest existing folder: the rest will be created
    if folder.exists() and not folder.is_dir():
        return f"cannot write {out_path}: {folder} is a file, not a folder"
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write {out_path}: no permission to write in {folder}"
    return None


def write_table(cases: Iterable[Case], out_path: str | os.PathLike, report_texts=None) -> Path:
    """Write the cases to ``out_path`` in the format its extension names; return the path.

    ``cases`` may be any iterable, a generator included: it is read once, lazily, and only
    a few cases are held at a time. ``.jsonl`` holds one ``Case.to_dict()`` per line
    (evidence included); ``.csv`` and ``.parquet`` the review table; ``.xlsx`` the sheets
    cases, treatments, labs, timeline (with each patient's plot) and evidence; ``.html`` the
    review page (``report_texts``: a ``ReportTexts`` to mark the findings in the full
    texts). Missing folders are created. Raises
    ValueError for an unknown extension or a folder.
    """
    out_path = Path(out_path)
    writer = WRITERS.get(out_path.suffix.lower())
    if writer is None or out_path.is_dir():
        raise ValueError(output_problem(out_path))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out_path) as handle:
        if report_texts is not None and writer is _write_html:
            writer(cases, handle, report_texts)
        else:
            writer(cases, handle)
    return out_path


def _temporary_name(handle: BinaryIO) -> str | None:
    """The path of ``atomic_output``'s temporary file (for files that go with it), or None."""
    name = getattr(handle, "name", None)
    return name if isinstance(name, str) and name.endswith(PART_SUFFIX) else None


# mkstemp's random part: 8 characters of [a-z0-9_].
_RANDOM = "[a-z0-9_]{8}"


def _part_pattern(path: Path) -> re.Pattern:
    """``.<name>.<random>.part`` (the temporary file) and ``.<name>.<random>.part-<more>``
    (files and folders that go with it: a workbook's sheets and images)."""
    return re.compile(rf"(\.{re.escape(path.name)}\.{_RANDOM}{re.escape(PART_SUFFIX)})(-.+)?")


def remove_stale_parts(path: Path) -> list[str]:
    """Remove what a killed write of ``path`` left beside it: its temporary file and the
    files that go with it — only those whose writer is gone (a live writer holds a lock on
    its temporary file), and only names of that pattern. Returns the names removed."""
    pattern = _part_pattern(path)
    try:
        names = [name for name in os.listdir(path.parent) if name.startswith(f".{path.name}.")]
    except OSError:
        return []
    groups: dict[str, list[str]] = {}
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            groups.setdefault(match.group(1), []).append(name)
    removed = []
    for main, members in groups.items():
        fd = None
        try:
            if main in members:
                fd = os.open(path.parent / main, os.O_RDWR)
                if not lock_file(fd, blocking=False):
                    continue  # being written
            # Its companions first, the temporary file last, while holding its lock.
            for name in sorted(members, key=lambda n: n == main):
                target = path.parent / name
                if os.path.isdir(target) and not os.path.islink(target):
                    shutil.rmtree(target, ignore_errors=True)
                else:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(target)
                removed.append(name)
        except OSError:
            continue
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def _locked_temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, locked for as long as it is written."""
    while True:
        fd, temporary = temporary_beside(path)
        lock_file(fd)
        try:
            if os.path.samestat(os.fstat(fd), os.stat(temporary)):
                return fd, temporary
        except FileNotFoundError:
            pass  # removed as stale by another run between creation and lock: take another
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: Path, before_replace: Callable[[], None] | None = None):
    """A binary file that replaces ``path`` only once everything was written to it (and
    synced to the disk): ``pipeline.files.replacing`` with a lock.

    ``before_replace`` is called last, just before the file is moved into place: raising
    there leaves ``path`` as it was. The temporary file ``.<name>.<random>.part`` is locked
    while it is written; what a killed run left (``remove_stale_parts``) is removed first."""
    remove_stale_parts(path)
    with replacing(path, fsync=True, mode=_mode_for(path), before_replace=before_replace,
                   make_temporary=_locked_temporary) as handle:
        yield handle


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
