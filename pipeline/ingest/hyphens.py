"""Words hyphenated across a line break, repaired the same way wherever lines are joined: the
PDF reader's paragraphs (``pipeline.ingest.pdf``) and hard-wrapped plain texts
(``pipeline.ingest.unwrap``). "leuko-" + "cytosis" is one word again; a compound keeps its
hyphen ("well-" + "differentiated", "5-" + "FU") when the report writes it so elsewhere or its
first part is a usual prefix of one (``models/ingest/hyphenation.tsv``).

>>> join_lines(["a marked leuko-", "cytosis and a well-", "differentiated tumour"], set(), set())
'a marked leukocytosis and a well-differentiated tumour'
"""
from __future__ import annotations

import re
from functools import lru_cache

HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
WORD_START = re.compile(r"^([a-z][^\W\d_]*)")
HYPHENATED_WORD = re.compile(r"\b[^\W\d_]+-[^\W\d_]+\b")
WORD = re.compile(r"[^\W\d_]+")
# A word a PDF broke at a line end whose line break became a space ("sib- lings", "le- sions",
# "twin- ning"): the text layer of a page flattened to running text.
SPACED_BREAK = re.compile(r"(?<!\w)([^\W\d_]+)- ([a-z][^\W\d_]*)\b")


def join_lines(lines: list[str], hyphenated: set[str], words: set[str]) -> str:
    """The lines of a paragraph as one line, a word broken at a line's end repaired.
    ``hyphenated``/``words``: the report's hyphenated words and words, lower case."""
    text = lines[0]
    for line in lines[1:]:
        end = HYPHENATED_END.search(text)
        start = WORD_START.match(line)
        if end and start:
            keep = keeps_hyphen(end.group(1).lower(), start.group(1).lower(), hyphenated, words)
            text = text[:-1] + ("-" if keep else "") + line
        elif text.endswith("-") and not text.endswith(" -"):
            text += line  # "5-" + "FU", "PD-" + "L1": a hyphen that belongs to the term
        else:
            text += " " + line
    return text


def keeps_hyphen(left: str, right: str, hyphenated: set[str], words: set[str]) -> bool:
    """Whether "left-" at a line end and "right" on the next line form a hyphenated word:
    as the report writes it elsewhere, else by the word start (``models/ingest/hyphenation.tsv``)."""
    if f"{left}-{right}" in hyphenated:
        return True
    if left + right in words:
        return False
    # "piperacillin-" + "tazobactam": a whole drug name before the hyphen joins two names
    if len(left) >= MIN_NAME and len(right) >= MIN_SECOND_NAME and left.endswith(_name_endings()):
        return True
    return left in _kept_hyphens()


# The shortest drug name (its stem included) before a line-end hyphen that is taken as a whole
# name, and the shortest word after it (models/ingest/name_endings.tsv).
MIN_NAME = 6
MIN_SECOND_NAME = 4


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    from pipeline.resources import read_table

    return tuple(row["ending"].lower() for row in read_table("ingest/name_endings.tsv"))


@lru_cache(maxsize=1)
def _kept_hyphens() -> frozenset[str]:
    from pipeline.resources import read_table

    return frozenset(row["prefix"].lower() for row in read_table("ingest/hyphenation.tsv"))


def rejoin_spaced_breaks(text: str) -> str:
    """``text`` with words broken at a flattened line end ("sib- lings") whole again, when the
    report writes the whole word elsewhere ("siblings"); "pre- and postoperative", "2- to
    3-fold" and compounds the report hyphenates elsewhere are left as they are.

    >>> rejoin_spaced_breaks("Four half-sib- lings were seen. The siblings had nodules; pre- and post-natal.")
    'Four half-siblings were seen. The siblings had nodules; pre- and post-natal.'
    """
    if "- " not in text:
        return text
    words = {w.lower() for w in WORD.findall(text)}
    hyphenated = {m.group().lower() for m in HYPHENATED_WORD.finditer(text)}

    def repair(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        whole = (left + right).lower()
        if whole in words and f"{left}-{right}".lower() not in hyphenated:
            return left + right
        return match.group()

    return SPACED_BREAK.sub(repair, text)
