"""What every command shares: exit statuses and one-line messages."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from pipeline import disk_cache

OK, SOME_FAILED, FAILED = 0, 1, 2
INTERRUPTED = 130  # Ctrl-C, as shells report a process ended by SIGINT (128 + 2)

EXIT_STATUS_HELP = """\
exit status: 0 when every input was read, 1 when some inputs were skipped (the table still
holds all the others), 2 when nothing was written (bad arguments, unwritable output, or no
report could be read: then an existing table or review sheet is left as it was), 130 when
interrupted with Ctrl-C (outputs left as they were; finished reports stay in the cache).
"""


def error(message: str) -> None:
    """One line on standard error, prefixed with the program name. Bytes of a file name that
    are not UTF-8 are shown escaped (caf\\xe9.txt), as in the table."""
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        message = message.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    print(f"caselit: {message}", file=sys.stderr)


class CommandError(Exception):
    """Stops a command before it has done anything: the CLI prints the message as one line
    and exits with FAILED."""


class NothingRead(Exception):
    """No report could be read: nothing is written, the previous output stays as it was."""


def nothing_read(output) -> str:
    kept = f"; {output} was left as it was" if Path(output).exists() else ""
    return f"nothing written: no report could be read{kept}"


class SkippedFiles:
    """``on_skip`` of a batch: a line for each FIFO, socket or device found in a folder, and
    one line counting the files of a report folder that are not reports, by extension."""

    def __init__(self):
        self.formats: Counter[str] = Counter()

    def __call__(self, path: Path, reason: str) -> None:
        from pipeline.ingest.discover import NOT_A_REPORT_FORMAT

        if reason == NOT_A_REPORT_FORMAT:
            self.formats[path.suffix.lower() or "no extension"] += 1
        else:
            error(f"skipped {path}: {reason}")

    def line(self) -> str | None:
        """'3 files skipped: not a report format (.docx, .rtf)', or None."""
        count = sum(self.formats.values())
        if not count:
            return None
        kinds = ", ".join(sorted(self.formats))
        return f"{count} file{'' if count == 1 else 's'} skipped: not a report format ({kinds})"


def existing_inputs(inputs) -> list[str]:
    """The inputs that exist; a "skipped" line for each one that does not."""
    existing = []
    for path in inputs:
        if Path(path).exists():
            existing.append(path)
        else:
            error(f"skipped {path}: no such file or folder")
    return existing


def batch_pipeline(args):
    """Check ``--jobs`` and load ``--model`` before any work, so that a bad value is one clear
    line: the pipeline with the model (built once per process), or None without ``--model``."""
    if args.jobs < 0:
        raise CommandError("--jobs must be 0 (one per CPU) or more")
    # the compiled patterns and parsed lexicons go beside the cached results (--no-cache is
    # about results: the build cache holds nothing read from the reports)
    disk_cache.configure(args.cache_dir)
    if not args.model:
        return None
    from pipeline.batch.workers import shared_nlp

    try:
        return shared_nlp(args.model)
    except (OSError, ValueError) as failure:
        raise CommandError(f"cannot load model {args.model}: {str(failure).splitlines()[0]}") from None
