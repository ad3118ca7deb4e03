"""The results cache: what each file gave, keyed by the hash of its bytes and the pipeline
version, in one SQLite file.

Each finished file is committed at once, so a batch that is killed keeps everything done
before it died and the next run only processes the rest. Entries of other pipeline versions
are dropped after ``STALE_AFTER_DAYS``. The entries are pickles: the cache folder must be
one only you can write to, as for any cache of Python objects.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path

from pipeline.batch.version import pipeline_version
from pipeline.resources import user_cache_dir

CACHE_FILE = "results.sqlite"
STALE_AFTER_DAYS = 30
_LOOKUP_CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds


def default_cache_dir() -> Path:
    """``$CASELIT_CACHE_DIR``, else the platform's user cache folder + ``caselit``."""
    return user_cache_dir()  # one definition, shared with the compiled-pattern cache


def open_cache(folder: str | os.PathLike | None, version: str | None = None) -> ResultCache | None:
    """The cache in ``folder`` (default: ``default_cache_dir()``), or None with a warning on
    standard error when it cannot be used: a batch runs without its cache rather than not at all.
    A damaged cache file is moved aside (``results.sqlite.damaged-<time>``) and a new one started."""
    folder = Path(folder) if folder else default_cache_dir()
    try:
        try:
            return ResultCache(folder, version)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            moved = move_aside(folder / CACHE_FILE)
            print(f"caselit: the results cache {folder / CACHE_FILE} was damaged ({error}); moved aside as "
                  f"{moved.name}, starting a new one", file=sys.stderr)
            return ResultCache(folder, version)
    except (OSError, sqlite3.Error) as error:
        print(f"caselit: not using the cache in {folder} ({error}); every report is processed", file=sys.stderr)
        return None


def is_damage(error: sqlite3.Error) -> bool:
    """A damaged file ("file is not a database", "database disk image is malformed"), not a
    passing condition (locked, unreadable folder, disk I/O), which are OperationalErrors."""
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError)


def move_aside(path: Path) -> Path:
    """Rename a damaged cache file (and its write-ahead log) to ``NAME.damaged-<time>``, kept
    for a look; SQLite's shared-memory index is dropped (it is rebuilt)."""
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        try:
            if suffix == "-wal":
                os.replace(companion, target.with_name(target.name + suffix))
            else:
                os.unlink(companion)
        except FileNotFoundError:
            pass
    return target


class ResultCache:
    """``get_many(hashes)`` and ``put(hash, value)`` for the current pipeline version.

    >>> import tempfile
    >>> cache = ResultCache(tempfile.mkdtemp())
    >>> cache.put("ab12", ["anything picklable"])
    >>> cache.get_many(["ab12", "cd34"])
    {'ab12': ['anything picklable']}
    >>> cache.close()
    """

    def __init__(self, folder: str | os.PathLike, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or pipeline_version()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / CACHE_FILE
        self.damaged = False  # found damaged in use: moved aside on close
        # Autocommit: every put is its own transaction, durable when it returns.
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            self._db.execute("PRAGMA synchronous=NORMAL")  # survives a killed process
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (file_hash TEXT NOT NULL, version TEXT NOT NULL,"
                " stored REAL NOT NULL, value BLOB NOT NULL, PRIMARY KEY (file_hash, version))"
            )
            self._db.execute(
                "DELETE FROM results WHERE version != ? AND stored < ?",
                (self.version, time.time() - STALE_AFTER_DAYS * 86400),
            )
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    def get_many(self, hashes: Iterable[str]) -> dict[str, object]:
        """The cached values of those hashes that have one (unreadable entries are misses)."""
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, object] = {}
        if self.damaged:
            return found
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT file_hash, value FROM results WHERE version = ? AND file_hash IN ({marks})",
                    (self.version, *chunk),
                ).fetchall()
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
                self._found_damaged(error)
                return found  # the rest are misses: processed again
            for file_hash, blob in rows:
                try:
                    found[file_hash] = pickle.loads(zlib.decompress(blob))
                except Exception:  # written by an incompatible caselit: process the file again
                    continue
        return found

    def put(self, file_hash: str, value: object) -> None:
        if self.damaged:
            return
        blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO results (file_hash, version, stored, value) VALUES (?, ?, ?, ?)",
                (file_hash, self.version, time.time(), blob),
            )
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                self.damaged = True  # the caller goes on without the cache; moved aside on close
            raise

    def _found_damaged(self, error: sqlite3.Error) -> None:
        if not self.damaged:
            print(f"caselit: the results cache {self.path} is damaged ({error}); going on without it, "
                  "a new one is started next time", file=sys.stderr)
        self.damaged = True

    def count(self) -> int:
        """Entries of the current pipeline version."""
        return self._db.execute("SELECT COUNT(*) FROM results WHERE version = ?", (self.version,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()
        if self.damaged:
            try:
                move_aside(self.path)
            except OSError:
                pass

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
