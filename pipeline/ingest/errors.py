"""The one error the ingest stage raises: a file that cannot be read as a report."""
from __future__ import annotations

import os


class IngestError(Exception):
    """A file that cannot be read as a report; ``str()`` is a one-line message naming it.

    >>> str(IngestError("reports/case.txt", "empty file"))
    'reports/case.txt: empty file'
    """

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = os.fspath(path)
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause said
        super().__init__(f"{self.path}: {self.reason}")

    def __reduce__(self):  # so the error survives pickling across worker processes
        return (type(self), (self.path, self.reason))
