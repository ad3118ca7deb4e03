"""Feedback while a batch runs: a progress bar with reports/s and time left on a terminal,
a plain line every few seconds otherwise (logs, CI), nothing with ``--quiet``."""
from __future__ import annotations

import contextlib
import sys
import time
from typing import TextIO

_LOG_EVERY_SECONDS = 10.0


class Progress:
    """``advance()`` once per finished file; ``close()`` at the end.

    >>> import io
    >>> out = io.StringIO()
    >>> with Progress(2, stream=out) as progress:
    ...     progress.advance(); progress.advance()
    >>> out.getvalue().splitlines()[-1].startswith("caselit: 2/2 reports")
    True
    """

    def __init__(self, total: int, quiet: bool = False, stream: TextIO | None = None, label: str = "reports"):
        self.total, self.done, self.cached = total, 0, 0
        self.label = label
        self._stream = stream or sys.stderr
        self._quiet = quiet or total == 0
        self._start = self._last_log = time.monotonic()
        self._bar = None
        if not self._quiet and _is_terminal(self._stream):
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self._bar = tqdm(total=total, unit=" report", file=self._stream, desc="caselit",
                             dynamic_ncols=True, mininterval=0.25, smoothing=0.1, leave=False)

    def advance(self, cached: bool = False) -> None:
        self.done += 1
        self.cached += cached
        if self._quiet:
            return
        if self._bar is not None:
            self._bar.update(1)
            return
        now = time.monotonic()
        if now - self._last_log >= _LOG_EVERY_SECONDS or self.done == self.total:
            self._last_log = now
            print(self._line(now), file=self._stream, flush=True)

    def _line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        line = f"caselit: {self.done}/{self.total} {self.label} ({rate:.1f}/s"
        if self.done < self.total and rate > 0:
            line += f", about {_duration((self.total - self.done) / rate)} left"
        return line + (f", {self.cached} from cache)" if self.cached else ")")

    @contextlib.contextmanager
    def aside(self):
        """Print something else (an error line) without garbling the progress bar."""
        if self._bar is None:
            yield
            return
        from tqdm import tqdm

        with tqdm.external_write_mode(file=self._stream):
            yield

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    """'0:42', '1:05:00'."""
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
