"""What the pipeline derives from caselit's own data files, kept on disk between runs: the
compiled regex patterns (:mod:`pipeline.regex_cache`) and parsed lexicons (JSON). Each entry is
keyed by a SHA-256 of everything it is made from, so an edited data file is simply a new key.

Never a pickle, and never anything read from the reports: only data made from ``models/`` and
the code, checked when read. Any problem (a missing or damaged entry, a folder that cannot be
written) means the thing is built as if there were no cache: slower, never wrong. Entries are
written whole under a temporary name and renamed into place, so concurrent workers at worst
write the same entry twice.

The folder is ``build/`` in caselit's cache folder (``$CASELIT_CACHE_DIR``, else the user's
cache folder, :func:`pipeline.resources.user_cache_dir`); a command's ``--cache-dir`` moves it
with :func:`configure`, before the pipeline is built. Entries not rewritten for
``STALE_AFTER_DAYS`` are removed the first time a run writes one.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pipeline import resources
from pipeline.files import write_bytes
from pipeline.resources import models_dir, user_cache_dir

FOLDER = "build"
STALE_AFTER_DAYS = 30

T = TypeVar("T")

_folder: Path | None = None  # None: the default folder, resolved on first use
_disabled = False
_read_only = False  # a write failed: the folder is still read, no more writes are tried
_pruned = False


def configure(folder: str | os.PathLike | None = None, enabled: bool = True) -> None:
    """Keep entries in ``folder``/build (None: in caselit's cache folder), or nowhere
    (``enabled=False``)."""
    global _folder, _disabled, _read_only
    _folder = Path(folder).expanduser() / FOLDER if folder is not None else None
    _disabled, _read_only = not enabled, False


def cache_folder() -> Path | None:
    """Where entries are kept, or None when they are not."""
    if _disabled:
        return None
    if _folder is not None:
        return _folder
    try:
        return user_cache_dir() / FOLDER
    except (OSError, RuntimeError):  # no home folder to find the cache in
        return None


def entry_path(kind: str, key: str, suffix: str) -> Path | None:
    """The file of entry ``key`` of ``kind`` ("regex", "drugs"...), or None without a cache."""
    folder = cache_folder()
    return None if folder is None else folder / kind / key[:2] / (key + suffix)


def digest(*parts: str | bytes) -> str:
    """SHA-256 of the parts, each length-prefixed (no two lists of parts give one text)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


def data_key(data_files: Iterable[str], code_file: str | os.PathLike, *extra: str | bytes) -> str:
    """The key of an entry made from data files of ``models/`` (``data_files``, named relative
    to it) by the module whose ``__file__`` is ``code_file``: a SHA-256 of ``extra`` (the names
    or options the entry depends on), that module's code, pipeline.resources' (the loaders every
    data file is read with) and the files' content. An edited file, reader or loader: another key."""
    code = (Path(code_file).read_bytes(), Path(resources.__file__).read_bytes())
    return digest(*extra, *code, *((models_dir() / name).read_bytes() for name in data_files))


def write_entry(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (a temporary file renamed into place); a failure only
    means no more writes in this process."""
    global _read_only, _pruned
    if _read_only:
        return
    try:
        write_bytes(path, data)
        if not _pruned:
            _pruned = True
            _remove_stale(path.parents[2])
    except OSError:  # a read-only or full disk, a folder of another user: no more tries
        _read_only = True


def _remove_stale(folder: Path) -> None:
    """Remove entries (and parts a killed run left) not written for STALE_AFTER_DAYS."""
    limit = time.time() - STALE_AFTER_DAYS * 86400
    for path in folder.glob("*/??/*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def read_entry(path: Path, key: str) -> tuple[dict, bytes] | None:
    """The header and body of the entry at ``path``, or None when it is missing, of another key,
    or its body does not match the SHA-256 its header gives (cut short, changed)."""
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            body = handle.read()
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict) or header.get("key") != key or header.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return header, body


def store_entry(path: Path, key: str, body: bytes, **fields: object) -> None:
    """Write an entry: a line of JSON (``key``, the SHA-256 of ``body`` and ``fields``), then
    ``body``; what :func:`read_entry` reads back."""
    header = json.dumps({"key": key, **fields, "sha256": hashlib.sha256(body).hexdigest()}).encode("utf-8")
    write_entry(path, header + b"\n" + body)


def cached(kind: str, key: str, build: Callable[[], T], encode: Callable[[T], object],
           decode: Callable[[object], T]) -> T:
    """What ``build()`` makes, from the entry ``key`` of ``kind`` when a run stored it before.

    ``encode`` turns it into plain JSON (lists, dicts, strings, numbers) and ``decode`` back.
    The file is a line of JSON (the key and a SHA-256 of the rest) and the value as JSON: an
    entry of another key, cut short or changed is built again and rewritten, as is one that
    ``decode`` refuses (raises)."""
    path = entry_path(kind, key, ".json")
    entry = read_entry(path, key) if path is not None else None
    if entry is not None:
        try:
            return decode(json.loads(entry[1]))
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: build it again
            pass
    value = build()
    if path is not None:
        try:
            body = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):  # a value this encoding cannot hold: not stored
            return value
        store_entry(path, key, body)
    return value
