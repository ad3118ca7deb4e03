"""Knowing a file is unchanged without reading it: its size, times and inode, as git's index does.

A refresh of a folder of 10,000 reports that were all seen before would spend most of its
time reading and hashing files whose bytes have not changed. ``FileStats`` keeps, beside the
results cache, each file's ``(size, mtime_ns, ctime_ns, inode, device)`` together with the
hash of its bytes; when a file's stat is the same as recorded, the recorded hash is taken
instead of reading it. The hash stays the identity: a file that was touched (new times,
same bytes) is read and hashed again, and is still unchanged.

Racy entries (git's "racily clean" problem): a file written again within the resolution of
the file system's clock after it was read could keep its stat. A stat is recorded only when
the file's last change is ``SETTLED_SECONDS`` older than the moment it was taken; a fresher
file is hashed on every run until it has settled.

The index is an accelerator only: it lives in its own SQLite file, and any error (an
unwritable folder, a damaged file, a locked database) means every file is hashed, as
without it.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from pipeline.files import folder_and_name

STATS_FILE = "file-stats.sqlite"
SETTLED_SECONDS = 2.0
_LOOKUP_CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds
# A lookup by key costs several times a row read in a scan: an index of up to this many times
# the files asked for is read whole (a folder refreshed again: the index is mostly its files).
_SCAN_ALL = 4

Signature = tuple[int, int, int, int, int]
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()


def signature(status: os.stat_result) -> Signature:
    """What must stay the same for a file's bytes to be taken as unchanged."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


def settled(status: os.stat_result, now_ns: int | None = None) -> bool:
    """The file's last change is old enough that a later write would change its stat."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    latest = max(status.st_mtime_ns, status.st_ctime_ns)
    return now_ns - latest > SETTLED_SECONDS * 1e9


def _key(path: Path) -> bytes:
    """The absolute path as the file system's bytes: a name that is not valid UTF-8 is a key too."""
    return os.fsencode(os.path.abspath(path))


def _keys(paths: Iterable[str | os.PathLike]) -> dict[bytes, str | os.PathLike]:
    """{_key(path): path}, each folder made absolute once (10,000 files of one folder)."""
    keys: dict[bytes, str | os.PathLike] = {}
    folders: dict[str, str] = {}
    for path in paths:
        folder, name = folder_and_name(os.fspath(path))
        if name in ("", os.curdir, os.pardir):
            keys[_key(path)] = path
            continue
        prefix = folders.get(folder)
        if prefix is None:
            prefix = os.path.join(os.path.abspath(folder or os.curdir), "")  # with its separator
            folders[folder] = prefix
        keys[(prefix + name).encode(_FS_ENCODING, _FS_ERRORS)] = path  # os.fsencode, inlined
    return keys


class FileStats:
    """``known(paths)``: the recorded hashes of those files whose stat is unchanged;
    ``record(entries)``: remember ``(path, stat, hash)`` of files just hashed.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> stats = FileStats(folder)
    >>> stats.known([folder / "missing.txt"])
    {}
    >>> stats.close()
    """

    def __init__(self, folder: str | os.PathLike):
        self.path = Path(folder) / STATS_FILE
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS stats (path BLOB PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " ctime_ns INTEGER, inode INTEGER, device INTEGER, file_hash TEXT NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            self._disable()
            self._drop_damaged()

    def _disable(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _drop_damaged(self) -> None:
        """A file that is not a database: removed, so that the next run starts a new one."""
        try:
            with self.path.open("rb") as handle:
                header = handle.read(16)
            if header and header != b"SQLite format 3\x00":
                self.path.unlink()
        except OSError:
            pass

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def known(self, paths: Iterable[str | os.PathLike]) -> dict[str | os.PathLike, str]:
        """``{path: hash}`` for the files whose current stat is the one recorded with the hash,
        keyed by the paths as given (str paths: no pathlib hashing for 10,000 files)."""
        if self._db is None:
            return {}
        by_key = _keys(paths)
        keys = list(by_key)
        recorded: list[tuple] = []  # rows (path, size, mtime_ns, ctime_ns, inode, device, file_hash)
        columns = "SELECT path, size, mtime_ns, ctime_ns, inode, device, file_hash FROM stats"
        try:
            (total,) = self._db.execute("SELECT count(*) FROM stats").fetchone()
            if total <= _SCAN_ALL * len(keys):  # the index holds mostly these files: read it whole
                recorded = [row for row in self._db.execute(columns) if row[0] in by_key]
            else:
                for start in range(0, len(keys), _LOOKUP_CHUNK):
                    chunk = keys[start:start + _LOOKUP_CHUNK]
                    rows = self._db.execute(f"{columns} WHERE path IN ({','.join('?' * len(chunk))})", chunk)
                    recorded.extend(rows.fetchall())
        except (sqlite3.Error, ValueError):
            self._disable()
            return {}
        found = {}
        stat_of = os.stat
        for row in recorded:  # the path is the table's key: each once
            try:
                status = stat_of(row[0])
            except OSError:
                continue
            if (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev) == row[1:6]:
                found[by_key[row[0]]] = row[6]  # signature(status), inlined: once per file of the folder
        return found

    def record(self, entries: Iterable[tuple[Path, os.stat_result, str]]) -> None:
        """Remember the hash of each file with the stat taken before it was read (settled ones only)."""
        if self._db is None:
            return
        now = time.time_ns()
        rows = [(_key(path), *signature(status), file_hash) for path, status, file_hash in entries
                if file_hash and settled(status, now)]
        if not rows:
            return
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        except (sqlite3.Error, ValueError, OverflowError):
            self._disable()

    def close(self) -> None:
        self._disable()

    def __enter__(self) -> FileStats:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

