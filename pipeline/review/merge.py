"""The merge rule of one cell, kept apart so that it can be read and tested as a table.

A cell's ``current`` value (as canonical text, None when empty), what caselit ``remembered``
writing there last (``UNKNOWN`` when it never wrote that cell: a new column, or a row of a
sheet caselit adopted), the ``new`` value caselit reads now, and whether the cell holds a
``formula``:

    >>> cell_action("IIA1", "IIA1", "IIB", False)     # still caselit's: it follows the report
    'write'
    >>> cell_action("IIA2", "IIA1", "IIB", False)     # the reviewer's, and caselit changed its mind
    'conflict'
    >>> cell_action(None, UNKNOWN, "IIB", False)      # an empty cell of an adopted row is filled
    'write'
    >>> cell_action("IIA2", UNKNOWN, "IIB", False)    # the reviewer's value is kept, and listed
    'conflict'
"""
from __future__ import annotations

WRITE, KEEP, CONFLICT = "write", "keep", "conflict"


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()  # caselit never wrote this cell


def cell_action(current: str | None, remembered: object, new: str | None, formula: bool) -> str:
    """'write' the new value, 'keep' the cell, or keep it and report a 'conflict'.

    - A formula is the reviewer's, always.
    - A cell still holding what caselit wrote (or empty where it never wrote) is caselit's.
    - Any other value is the reviewer's; it is a conflict when caselit's value differs from
      it and is new (not the same disagreement as last time); a value caselit never wrote is
      no conflict when caselit finds nothing there."""
    if not formula and (current == remembered or (remembered is UNKNOWN and current is None)):
        return WRITE if current != new else KEEP
    if remembered is UNKNOWN and new is None:  # caselit finds nothing there: no disagreement
        return KEEP
    if current != new and (remembered is UNKNOWN or new != remembered):
        return CONFLICT
    return KEEP
