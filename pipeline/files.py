"""Writing a file whole or not at all, for every stage: the bytes go to a temporary file in
the same folder, which ``os.replace`` moves into place once it is complete. A reader sees the
old file or the new one, never half of one; a failure (a full disk, Ctrl-C, an exception in
the writer) leaves the old file as it was and removes the temporary one.

``replacing(path)`` is the context manager the others are made of (the exporters stream a
table into it; ``pipeline.export.writers.atomic_output`` adds a lock and the clean-up of what
killed runs left). ``write_bytes`` writes what is already in memory and raises OSError;
``try_write_bytes`` is for caches, where a file that cannot be written only costs time: it
returns False instead.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_bytes(folder / "sub" / "a.txt", b"whole")
    >>> (folder / "sub" / "a.txt").read_bytes(), try_write_bytes(folder / "sub", b"a folder")
    (b'whole', False)
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

PART_SUFFIX = ".part"


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new, empty temporary file ``.<name>.<random>.part`` in ``path``'s folder: (fd, path)."""
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PART_SUFFIX)


@contextlib.contextmanager
def replacing(path: str | os.PathLike, *, fsync: bool = False, mode: int | None = None,
              before_replace: Callable[[], None] | None = None,
              make_temporary: Callable[[Path], tuple[int, str]] = temporary_beside) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the ``with`` block ends without an error.

    ``fsync``: the data is on the disk before the file is moved into place (what a power cut
    must not lose: a review sheet, not a cache entry). ``mode``: the permissions it gets first.
    ``before_replace`` is called last, just before the move: raising there leaves ``path`` as
    it was. ``make_temporary(path)`` makes the temporary file, ``temporary_beside`` by default;
    its descriptor stays open until the file is in place (a lock on it lasts as long). The
    handle's ``name`` is the temporary file's path.
    """
    path = Path(path)
    fd, temporary = make_temporary(path)
    try:
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.raw.name = temporary  # type: ignore[attr-defined] - for files that go with it
            yield handle
            handle.flush()
            if fsync:
                os.fsync(fd)
        if mode is not None:
            os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        if os.name == "nt":  # Windows cannot rename an open file (a lock on it goes with it)
            os.close(fd)
            fd = None
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        if fd is not None:
            os.close(fd)


def write_bytes(path: str | os.PathLike, data: bytes, *, fsync: bool = False) -> None:
    """Write ``data`` to ``path`` whole, creating its folder; raises OSError."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, fsync=fsync) as handle:
        handle.write(data)


def try_write_bytes(path: str | os.PathLike, data: bytes, *, fsync: bool = False) -> bool:
    """``write_bytes``, best effort: False, and ``path`` as it was, when it cannot be written."""
    try:
        write_bytes(path, data, fsync=fsync)
    except OSError:
        return False
    return True


def folder_and_name(path: str) -> tuple[str, str]:
    """``os.path.split`` for a cache of folders: the folder keeps its trailing separator
    ("reports/", "/" for the root, "" for none), which names the same folder; split in one
    step on POSIX, where it ran once for each of 10,000 files.

    >>> folder_and_name("reports/a.txt"), folder_and_name("/a.txt"), folder_and_name("a.txt")
    (('reports/', 'a.txt'), ('/', 'a.txt'), ('', 'a.txt'))
    """
    if os.altsep:  # Windows: "C:", "\\" and "/" too
        return os.path.split(path)
    at = path.rfind(os.sep) + 1
    return path[:at], path[at:]
