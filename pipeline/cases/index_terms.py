"""The sex the report as a whole gives a patient whose own text names none: a PubMed page's MeSH
terms ("MeSH terms" then "• Female" among the check tags: the [index_terms] table of
models/demographics/patterns.toml), or a condition only one sex has named in the title ("Peripartum
cardiomyopathy: a case series": [title_condition])."""
from __future__ import annotations

from pipeline.cases.record import Case, Evidence
from pipeline.resources import compile_pattern, read_patterns

PATTERNS = "demographics/patterns.toml"
# How many term lines a MeSH list may hold before the reader stops looking (a page's list is short).
MAX_TERMS = 80


def _terms(text: str, start: int, spec: dict) -> list[tuple[str, int, int]]:
    """The terms listed from ``start`` (the line after the heading), each with its offsets."""
    term = compile_pattern(spec["term"])
    found = []
    position = start
    for _ in range(MAX_TERMS):
        match = term.match(text, position)
        if match is None:
            break
        found.append((match.group("term").strip(), match.start("term"), match.end("term")))
        position = match.end()
    return found


def indexed_sex(case: Case, text: str, path: str = PATTERNS) -> None:
    """Sets ``case.sex`` from the page's MeSH check tag when the text named no sex and the list holds
    "Female" or "Male" alone; the evidence is the tag's line."""
    if case.sex is not None:
        return
    spec = read_patterns(path).get("index_terms")
    if not spec:
        return
    heading = compile_pattern(spec["heading"]).search(text)
    if heading is None:
        return
    tags = {name: next(((s, e) for term, s, e in _terms(text, heading.end(), spec) if term == spec[name]), None)
            for name in ("female", "male")}
    found = {name: where for name, where in tags.items() if where is not None}
    if len(found) != 1:
        return
    name, (begin, end) = found.popitem()
    case.sex = name
    case.evidence.append(Evidence("sex", name, text[begin:end], begin, end, begin, ("subject=patient", "section=index terms")))


def title_condition_sex(case: Case, title: str | None, text: str, path: str = PATTERNS) -> None:
    """Sets ``case.sex`` from a condition only one sex has that the report's title names ("Dengue
    fever in pregnancy: report of two cases") when the row's text named no sex and the title is not
    about newborns; the evidence is the title where the text holds it (else no cell, as for a title's
    outcome)."""
    spec = read_patterns(path).get("title_condition")
    if case.sex is not None or not title or not spec or compile_pattern(spec["newborn"]).search(title):
        return
    found = {name for name in ("female", "male") if compile_pattern(spec[name]).search(title)}
    begin = text.find(title)
    if len(found) != 1 or begin < 0:
        return
    case.sex = found.pop()
    case.evidence.append(Evidence("sex", case.sex, title, begin, begin + len(title), begin,
                                  ("subject=patient", "section=title")))
