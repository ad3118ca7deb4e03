"""The merge rule of one cell, as a table: (current, remembered, new, formula) -> action."""
import pytest

from pipeline.review.merge import CONFLICT, KEEP, UNKNOWN, WRITE, cell_action

CASES = [
    # caselit's cells follow the report
    ("IIA1", "IIA1", "IIB", False, WRITE),
    ("IIA1", "IIA1", "IIA1", False, KEEP),
    (None, None, "IIB", False, WRITE),  # caselit wrote nothing, now finds something
    ("IIA1", "IIA1", None, False, WRITE),  # caselit no longer finds it: emptied
    # a cell caselit never wrote (new column, adopted row): only an empty one is filled
    (None, UNKNOWN, "IIB", False, WRITE),
    (None, UNKNOWN, None, False, KEEP),
    ("IIB", UNKNOWN, "IIB", False, KEEP),
    ("Stage IIB", UNKNOWN, "IIB", False, CONFLICT),
    ("2019", UNKNOWN, None, False, KEEP),  # caselit finds no year: no disagreement
    # the reviewer's cells are kept; a new disagreement is reported once
    ("IIA2", "IIA1", "IIB", False, CONFLICT),
    ("IIA2", "IIA1", "IIA1", False, KEEP),  # caselit did not change its mind
    ("IIA2", "IIB", "IIB", False, KEEP),  # already reported
    ("IIB", "IIA1", "IIB", False, KEEP),  # the reviewer typed what caselit now finds
    (None, "IIA1", "IIB", False, CONFLICT),  # cleared by the reviewer, caselit finds something new
    (None, "IIA1", "IIA1", False, KEEP),  # cleared: stays empty
    # formulas are the reviewer's, even empty or equal to what caselit wrote
    ("42", "42", "43", True, CONFLICT),
    (None, UNKNOWN, "43", True, CONFLICT),
    ("42", UNKNOWN, None, True, KEEP),
    ("43", UNKNOWN, "43", True, KEEP),
    ("42", "43", "43", True, KEEP),
]


@pytest.mark.parametrize("current, remembered, new, formula, action", CASES)
def test_cell_action(current, remembered, new, formula, action):
    assert cell_action(current, remembered, new, formula) == action
