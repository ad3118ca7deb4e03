"""A page flattened to one line (a scraper that dropped every line break): its section headings
and numbered patient labels put back on lines of their own.

On a page with its lines, "Abstract", "Case presentation" or "Case 2:" stand on a line of their
own and the section tracker and the patient splitter read them there. Flattened, the same page
reads "... clinical cases Abstract Two cases of ... were observed. Case presentation A 45-year-old
woman ... Case 2: A 60-year-old man ...": no heading starts a line, a structured abstract stays
one section, a second patient runs into the first and the title runs into the authors. Only a
text that is flat (``FLAT_MIN_CHARACTERS`` or more on at most ``FLAT_MAX_LINES`` lines with words;
blank lines do not count) is touched, and only where a heading of ``models/ingest/glued_headings.toml`` is written
as one - Capitalised or UPPER CASE, after a sentence's end (or the start of the text), and
followed by a colon or by a capitalised word: "... were observed. Case presentation A 45-year-old"
is split, "... the case presentation was atypical" and "Results were poor" are not (a heading
word followed by a verb in lower case is the sentence's subject). A text with its lines is left
as it is: there a heading with its spaces is the section tracker's to read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.resources import read_patterns

_PATTERNS = "ingest/glued_headings.toml"
# Shorter texts are a paragraph or an abstract, longer ones with no line break a flattened page.
FLAT_MIN_CHARACTERS = 600
FLAT_MAX_LINES = 3
# Headings split in a flattened text only when written with their colon.
FLAT_COLON_ONLY = frozenset({"case"})


def is_flat(text: str) -> bool:
    """True for a text of ``FLAT_MIN_CHARACTERS`` or more with at most
    ``FLAT_MAX_LINES`` lines with words (a page flattened to one line; blank lines, as a page
    copied double-spaced has, do not count).

    >>> is_flat("A 45-year-old woman. " * 40)
    True
    >>> is_flat("Title\\n\\nAbstract\\n" + "A 45-year-old woman. " * 40)
    True
    >>> is_flat("Title\\n\\nAbstract\\nBackground\\n" + "A 45-year-old woman. " * 40)
    False
    """
    if len(text) < FLAT_MIN_CHARACTERS:
        return False
    lines = 0
    for line in text.split("\n"):
        if line.strip():
            lines += 1
            if lines > FLAT_MAX_LINES:
                return False
    return True


@lru_cache(maxsize=1)
def _flat_heading() -> re.Pattern:
    data = read_patterns(_PATTERNS)
    def alternatives(names) -> str:
        forms = []
        for name in sorted(names, key=len, reverse=True):  # longest first
            forms += [re.escape(name[:1].upper() + name[1:]), re.escape(name.upper())]
        return "(?:" + "|".join(forms) + ")"

    heading = alternatives(data["headings"])
    # a one-word heading that also starts sentences of the text ("CASE STUDY DE, a 31-year-old",
    # "Case study revisited") is a heading with its colon only
    spoken = alternatives(name for name in data["headings"] if name not in FLAT_COLON_ONLY)
    numbered = data["numbered"]
    # after a sentence's end (or a closing bracket, a quote) and a space, or at the start: the
    # heading, then its colon, or the capitalised first word of its section ("Abstract Two
    # cases", "Case presentation A 45-year-old", "BACKGROUND Osteopetrosis is"); a numbered
    # patient label with its colon or full stop ("Case 2: A 60-year-old")
    # a heading with its colon may also follow a word with no full stop: a title has none ("...
    # identical twins: clinical cases Affiliation: 1. Research Institute ...")
    return re.compile(
        rf"(?:^|(?<=[.!?)\]\"'’”;] )|(?<=[.!?] {{2}}))(?P<head>{numbered}|{heading} ?:|{spoken}(?= (?:[A-Z][a-z]|[A-Z]{{2}}|[AI] |\d)))"
        rf"|(?<=\w )(?P<colon_head>{heading} ?:)(?= ?\S)"
    )


def separate_flat_headings(text: str) -> str:
    """``text`` with its headings on lines of their own when it is a flattened page (see the
    module's docstring); any other text unchanged.

    >>> page = ("Two siblings with osteopetrosis: two case reports. BACKGROUND Osteopetrosis is rare. "
    ...         + "Its bones are dense. " * 20 + "Case presentation Case 1: A 9-year-old boy had anaemia. "
    ...         "Case 2: His 6-year-old sister had fractures. The case presentation was typical. "
    ...         "Conclusions We describe two siblings.")
    >>> print(separate_flat_headings(page).replace(" Its bones are dense." * 20, " [...]"))
    Two siblings with osteopetrosis: two case reports.
    BACKGROUND
    Osteopetrosis is rare. [...]
    Case presentation
    Case 1: A 9-year-old boy had anaemia.
    Case 2: His 6-year-old sister had fractures. The case presentation was typical.
    Conclusions
    We describe two siblings.
    """
    if not is_flat(text):
        return text

    numbered = _numbered()

    def split(match: re.Match) -> str:
        head = (match.group("head") or match.group("colon_head")).rstrip()
        lead = "" if match.start() == 0 else "\n"
        if numbered.fullmatch(head):
            return f"{lead}{head}"  # the label stays with its patient's first sentence
        return f"{lead}{head}\n"

    return _SPACE_AT_BREAK.sub("\n", _flat_heading().sub(split, text))


_SPACE_AT_BREAK = re.compile(r" *\n *")


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern:
    return re.compile(read_patterns(_PATTERNS)["numbered"])
