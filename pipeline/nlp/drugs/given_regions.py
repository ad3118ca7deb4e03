"""Where a sentence or a table of a report ends, and whether a position lies in a region: the
bounds that the treatment gate (``given.TreatmentGate``) reads the words around a drug name in."""
from __future__ import annotations

from bisect import bisect_right

from pipeline import regex_cache
from pipeline.nlp.text import rows_of_one_table

# A sentence ends at a full stop, semicolon or line break, also where reference numbers glue
# to the full stop ("in a few case reports.10,11 While our patient ...").
SENTENCE_END = regex_cache.compile(r"[.;!?]\s|\n|(?<=[a-z)\]])\.\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z])")
BLANK_LINES = regex_cache.compile(r"\n(?:[ \t]*\n)+")
MAX_TABLE_CHARS = 3000
# A line of running prose, which no table row is: no cell break, at least twelve words, and a full stop
# that ends a sentence in it or at its end.
PROSE_LINE = regex_cache.compile(r"(?m)^(?=[^\t\n]*\.(?:\s|$))(?:[^\t\n\s]+[ ]+){11,}[^\t\n]*$")


def _table_end(text: str, rows_start: int, limit: int) -> int:
    """Where a table whose rows start at ``rows_start`` ends: at the first blank line that has no
    row (a line with tab-separated cells) both before and after it (a table copied from a web page
    may have a blank line between its rows), at the first line of running prose (a page that kept
    the caption but not the cells goes on with the case: "Table 2 Susceptibility results ...\nShe was
    treated with ... cephalexin ..."), or at ``limit``."""
    limit = min(len(text), limit)
    prose = PROSE_LINE.search(text, rows_start, limit)
    if prose is not None:
        limit = prose.start()
    position = rows_start
    while True:
        blank = BLANK_LINES.search(text, position, limit)
        if blank is None:
            return limit
        before = text[text.rfind("\n", 0, blank.start()) + 1:blank.start()]
        next_end = text.find("\n", blank.end(), limit)
        after = text[blank.end():next_end if next_end >= 0 else limit]
        if "\t" not in before or "\t" not in after or not rows_of_one_table(blank.group()):
            return blank.start()
        position = blank.end()  # a row on both sides: the same table goes on


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``regions`` (sorted, disjoint (start, end) pairs)."""
    index = bisect_right(regions, (position, float("inf"))) - 1
    return index >= 0 and regions[index][0] <= position < regions[index][1]


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The regions sorted and overlapping ones joined, as _inside wants them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
