"""Output for large runs: ``-o DIR/ --format parquet|jsonl`` writes one part file per task.

    DIR/part-00000.parquet ...            the cases, one row per patient (as a .parquet table)
    DIR/_evidence/part-00000.parquet ...  the evidence, one row per value (its own dataset)

``pandas.read_parquet(DIR)`` (and ``dask.dataframe.read_parquet(DIR)``) reads every case part
at once: files and folders starting with "_" are left out by Arrow's dataset discovery, so
the evidence is read apart with ``read_parquet(DIR / "_evidence")``. JSONL parts hold one
``Case.to_dict()`` per line, the evidence parts one evidence row per line.

A part is written as each task (a file, a PubMed baseline file) is done, so memory holds one
task's cases at a time. Everything goes to a temporary folder beside DIR, moved into place
at the end: a failed or interrupted run leaves the previous DIR as it was, and parts of an
earlier run never mix with this one's.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.cases.record import Case
from pipeline.export.table import EVIDENCE_COLUMNS, case_row, evidence_rows

FORMATS = ("parquet", "jsonl")
EVIDENCE_FOLDER = "_evidence"


def is_folder_output(output: str | os.PathLike) -> bool:
    """``-o DIR/``: a name ending in a slash asks for a dataset folder."""
    return os.fspath(output).endswith(("/", os.sep))


def folder_problem(output: str | os.PathLike, fmt: str | None) -> str | None:
    """Why ``output`` cannot take a partitioned dataset (one line), or None."""
    folder = Path(output)
    if fmt not in FORMATS:
        return f"cannot write {output}: a folder takes --format parquet or --format jsonl"
    if folder.exists() and not folder.is_dir():
        return f"cannot write {output}: it is a file, not a folder"
    parent = folder.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write {output}: no permission to write in {parent}"
    return None


def _evidence_schema():
    import pyarrow as pa

    types = {"Case": pa.int64(), "Start": pa.int64(), "End": pa.int64()}
    return pa.schema([pa.field(name, types.get(name, pa.string())) for name in EVIDENCE_COLUMNS])


def _write_parquet_rows(rows: list[tuple], schema, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    arrays = [pa.array(list(values), type=field.type) for values, field in zip(columns, schema)]
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def _write_jsonl_lines(lines: Iterable[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")


class PartitionedWriter:
    """``add(cases)`` writes one part (nothing for a task without cases); ``close()`` moves
    the dataset into place. Use as a context manager: an exception leaves DIR as it was."""

    def __init__(self, folder: str | os.PathLike, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown dataset format {fmt!r}: {', '.join(FORMATS)}")
        self.folder = Path(folder)
        self.fmt = fmt
        self.parts = 0
        self.folder.absolute().parent.mkdir(parents=True, exist_ok=True)
        self._temporary = Path(tempfile.mkdtemp(dir=self.folder.absolute().parent, prefix=f".{self.folder.name}.",
                                                suffix=".part"))
        (self._temporary / EVIDENCE_FOLDER).mkdir()

    def add(self, cases: list[Case]) -> None:
        if not cases:
            return
        name = f"part-{self.parts:05d}.{self.fmt}"
        self.parts += 1
        if self.fmt == "parquet":
            from pipeline.export.writers import parquet_schema

            _write_parquet_rows([case_row(case) for case in cases], parquet_schema(), self._temporary / name)
            _write_parquet_rows([row for case in cases for row in evidence_rows(case)], _evidence_schema(),
                                self._temporary / EVIDENCE_FOLDER / name)
        else:
            _write_jsonl_lines((case.to_dict() for case in cases), self._temporary / name)
            _write_jsonl_lines((dict(zip(EVIDENCE_COLUMNS, row)) for case in cases for row in evidence_rows(case)),
                               self._temporary / EVIDENCE_FOLDER / name)

    def close(self) -> Path:
        """Replace DIR with the new dataset (an old DIR is removed only once this one is complete)."""
        old = None
        if self.folder.exists():
            old = self.folder.with_name(f".{self.folder.name}.old-{os.getpid()}")
            os.replace(self.folder, old)
        os.replace(self._temporary, self.folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return self.folder

    def discard(self) -> None:
        shutil.rmtree(self._temporary, ignore_errors=True)

    def __enter__(self) -> PartitionedWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()


def write_partitioned(tasks: Iterable[list[Case]], folder: str | os.PathLike, fmt: str) -> int:
    """Write each task's cases as one part of the dataset in ``folder``; the number of parts."""
    with PartitionedWriter(folder, fmt) as writer:
        for cases in tasks:
            writer.add(list(cases))
    return writer.parts

