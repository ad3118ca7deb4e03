"""Which of the reviewer's rows is which report: by DOI, PMID or PMCID, else by title, else by
first author and year, else (a sheet written by ``caselit extract``) by the report's file name;
the patients of one report by case number, else by age, else in order.

    >>> row = {"DOI": "https://doi.org/10.1000/ABC.1", "First author": "Smith JA et al.", "Year": 2019}
    >>> row_keys(row)
    [('doi', '10.1000/abc.1'), ('author', ('smith', '2019'))]
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

_DOI = re.compile(r"10\.\d{4,9}/\S+")
_PMCID = re.compile(r"PMC\s*(\d{4,9})", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_NOT_SURNAMES = {"et", "al", "and", "de", "van", "von", "der", "da", "di", "le", "la", "du"}
_MIN_TITLE = 20  # characters: shorter "titles" ("Case report") say nothing about which report
KINDS = ("doi", "pmid", "pmcid", "title", "author", "report")


def doi_key(value: object) -> str | None:
    match = _DOI.search(str(value or ""))
    return match.group().rstrip(".,;)]").casefold() if match else None


def pmid_key(value: object) -> str | None:
    text = _plain_number(value)
    return text if text and text.isdigit() and len(text) <= 9 else None


def pmcid_key(value: object) -> str | None:
    match = _PMCID.search(str(value or ""))
    if match:
        return "PMC" + match.group(1)
    text = _plain_number(value)
    return "PMC" + text if text and text.isdigit() else None


def title_key(value: object) -> str | None:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode().casefold()
    words = " ".join(re.findall(r"[a-z0-9]+", text))
    return words if len(words) >= _MIN_TITLE else None


def surname(value: object) -> str | None:
    """The first author's surname from 'Smith JA', 'Smith et al.', 'J. Smith', 'Smith, John'."""
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    text = re.split(r";| and |&", text)[0]
    if "," in text:
        text = text.split(",")[0]
    tokens = re.findall(r"[A-Za-z][A-Za-z'\-]*\.?", text)
    names = [t for t in tokens if not t.endswith(".") and not (len(t) <= 3 and t.isupper())
             and t.casefold() not in _NOT_SURNAMES]
    if not names:
        return None
    # "John Smith": the surname is last; "Smith JA" / "Smith et al.": first (initials dropped).
    return (names[-1] if len(names) > 1 and "," not in str(value) else names[0]).casefold()


def year_key(value: object) -> str | None:
    match = _YEAR.search(_plain_number(value) or "")
    return match.group() if match else None


def _plain_number(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def row_keys(row: Mapping[str, object]) -> list[tuple[str, object]]:
    """(kind, key) for one of the reviewer's rows, from its mapped columns, strongest first."""
    keys: list[tuple[str, object]] = []
    for kind, column, read in (("doi", "DOI", doi_key), ("pmid", "PMID", pmid_key),
                               ("pmcid", "PMCID", pmcid_key), ("title", "Title", title_key)):
        key = read(row.get(column))
        if key:
            keys.append((kind, key))
    author, year = surname(row.get("First author")), year_key(row.get("Year"))
    if author and year:
        keys.append(("author", (author, year)))
    if row.get("Report"):
        keys.append(("report", str(row["Report"]).strip()))
    return keys


def report_keys(name: str, case) -> list[tuple[str, object]]:
    """(kind, key) for a report, from the metadata of its (first) case."""
    keys: list[tuple[str, object]] = []
    for kind, value, read in (("doi", case.doi, doi_key), ("pmid", case.pmid, pmid_key),
                              ("pmcid", case.pmcid, pmcid_key), ("title", case.title, title_key)):
        key = read(value) if value else None
        if key:
            keys.append((kind, key))
    author = surname(case.authors[0]) if case.authors else None
    year = year_key(case.year)
    if author and year:
        keys.append(("author", (author, year)))
    keys.append(("report", name))
    return keys


def first_author(case) -> str | None:
    """'Smith et al.' as a review table writes the first author (one author: the name alone)."""
    if not case.authors:
        return None
    name = surname(case.authors[0])
    if not name:
        return None
    # keep the author's own capitalisation
    original = next((t for t in re.findall(r"[^\W\d_][\w'\-]*", case.authors[0]) if t.casefold() == name), name)
    return original + (" et al." if len(case.authors) > 1 else "")


class RowIndex:
    """The reviewer's rows not yet linked to a report, looked up by their keys."""

    def __init__(self, rows: Mapping[int, Mapping[str, object]]):
        self.rows = dict(rows)
        self._by_key: dict[tuple[str, object], list[int]] = {}
        for number, row in self.rows.items():
            for key in row_keys(row):
                self._by_key.setdefault(key, []).append(number)
        self.taken: set[int] = set()

    def find(self, keys: list[tuple[str, object]]) -> list[int]:
        """The free rows of the strongest key that has any."""
        for key in keys:
            found = [r for r in self._by_key.get(key, ()) if r not in self.taken]
            if found:
                return sorted(found)
        return []

    def assign(self, rows: list[int], cases: list[tuple[int, float | None]]) -> dict[int, int]:
        """{case number: row} for one report's cases (number, age) among its candidate rows."""
        assigned: dict[int, int] = {}
        free = list(rows)
        if len(cases) == 1 and len(free) == 1:
            assigned[cases[0][0]] = free[0]
        else:
            for by in ("Case", "Age"):
                for number, age in cases:
                    if number in assigned:
                        continue
                    wanted = number if by == "Case" else age
                    if wanted is None:
                        continue
                    hits = [r for r in free if _same_number(self.rows[r].get(by), wanted)]
                    if len(hits) == 1:
                        assigned[number] = hits[0]
                        free.remove(hits[0])
            if not assigned and len(free) == len(cases):  # no way to tell: in order
                assigned = {number: row for (number, _), row in zip(cases, free)}
        self.taken.update(assigned.values())
        return assigned


def _same_number(cell: object, wanted: float) -> bool:
    match = re.search(r"\d+(?:\.\d+)?", str(cell if cell is not None else ""))
    return bool(match) and float(match.group()) == float(wanted)
