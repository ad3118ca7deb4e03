"""The files a refresh reads and writes: CSV rows, atomic writes, whether a file is still
what was read, and which of the reports a sheet remembers are still on disk."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from pipeline.export.writers import CSV_ENCODING, atomic_output


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_csv(handle, rows: list[list[object]], delimiter: str) -> None:
    text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(text, delimiter=delimiter)
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    text.flush()
    text.detach()


def write_atomically(target: Path, data: bytes) -> None:
    with atomic_output(target) as handle:
        handle.write(data)


# A folder holding this many of the files looked for is listed once instead of each file
# looked up (a stat each: 10,000 rows of one folder).
_LISTED_FOLDER = 64


def existing_sources(folder: str, sources: set[str]) -> set[str]:
    """The ``sources`` (paths relative to ``folder``) that exist, as ``os.path.exists`` says."""
    by_folder: dict[str, list[tuple[str, str]]] = {}
    for source in sources:  # 'reports/a.txt': the keys are POSIX paths (source_key)
        below, _, name = source.rpartition("/")
        by_folder.setdefault(below, []).append((source, name))
    found = set()
    for below, files in by_folder.items():
        directory = os.path.join(folder, below) if below else folder
        listed: set[str] = set()
        if len(files) >= _LISTED_FOLDER:
            try:  # links are looked up: one to nowhere does not exist
                with os.scandir(directory) as entries:
                    listed = {entry.name for entry in entries if not entry.is_symlink()}
            except OSError:
                pass
        if listed:  # the listed ones at once (10,000 rows of one folder)
            found.update(source for source, name in files if name in listed)
            files = [(source, name) for source, name in files if name not in listed]
        for source, name in files:
            # Not listed: looked up, as a case-insensitive file system finds other spellings.
            if os.path.exists(os.path.join(folder, source)):
                found.add(source)
    return found


def differs(path: Path, data: bytes | None) -> bool:
    """Whether the file at ``path`` is not (or no longer) ``data`` (None: missing). The whole
    content is compared: a one-cell edit saved within the same second can keep the size and
    the modification time."""
    try:
        if path.stat().st_size != (-1 if data is None else len(data)):
            return True
        return path.read_bytes() != data
    except FileNotFoundError:
        return data is not None
    except OSError:
        return True

