"""What every command shares: exit statuses and one-line messages."""
from __future__ import annotations

import sys

OK, SOME_FAILED, FAILED = 0, 1, 2

EXIT_STATUS_HELP = """\
exit status: 0 when every input was read, 1 when some inputs were skipped (the table still
holds all the others), 2 when nothing could be done (bad arguments, unwritable output).
"""


def error(message: str) -> None:
    """One line on standard error, prefixed with the program name."""
    print(f"caselit: {message}", file=sys.stderr)
