"""Advisory file locks between caselit processes: ``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows. The operating system drops a lock when its process ends, even by ``kill -9``, so
a crashed refresh never leaves a review locked.

``ReviewLock`` is held by ``caselit refresh`` for the whole read–merge–write of a review
sheet; ``lock_file``/``unlock_file`` mark a temporary file as still being written, which is
how a stale one (left by a killed run) is told from a live one.
"""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

_POLL_SECONDS = 0.1  # Windows has no blocking lock that waits without limit


def lock_file(fd: int, blocking: bool = True) -> bool:
    """Take an exclusive lock on the open file ``fd``; False when ``blocking`` is off and
    another process holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            return True
        except BlockingIOError:
            return False
    while True:  # msvcrt locks a byte range: the first byte stands for the file
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            if not blocking:
                return False
            time.sleep(_POLL_SECONDS)


def unlock_file(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def review_lock_path(review: Path) -> Path:
    """review.xlsx -> .review.xlsx.caselit-lock, beside it (hidden; left in place: removing a
    lock file another process is about to lock would let two processes in)."""
    return review.with_name(f".{review.name}.caselit-lock")


class ReviewLock:
    """The lock on one review sheet, taken with ``with ReviewLock(path, on_wait):``.

    When another process holds it, ``on_wait`` gets one line naming that process, and the
    lock is waited for (Ctrl-C stops the wait).
    """

    def __init__(self, review: str | os.PathLike, on_wait: Callable[[str], None] | None = None):
        self.review = Path(review)
        self.path = review_lock_path(self.review)
        self.on_wait = on_wait
        self._fd: int | None = None

    def __enter__(self) -> ReviewLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if not lock_file(fd, blocking=False):
                if self.on_wait is not None:
                    holder = _holder(fd)
                    self.on_wait(f"{self.review} is being refreshed by another caselit{holder}; "
                                 "waiting for it to finish (Ctrl-C to stop)")
                lock_file(fd, blocking=True)
            _write_holder(fd)
        except OSError as error:  # a file system without locks (some network shares)
            os.close(fd)
            if self.on_wait is not None:
                self.on_wait(f"cannot lock {self.review} ({error.strerror or error}); going on without the "
                             "lock: do not run two refreshes of it at once")
            return self
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def __exit__(self, *exc_info) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                unlock_file(fd)
            os.close(fd)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (process {text})" if text.isdigit() else ""


def _write_holder(fd: int) -> None:
    # Who holds the lock, for the message of a process that has to wait. On Windows the
    # locked first byte cannot be written through another handle, but this one holds it.
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode("ascii"))
