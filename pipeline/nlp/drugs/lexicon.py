"""The drug lexicon: written names -> INN generics, indexed for fast matching over text.

Names are compared as sequences of "pieces" (runs of letters/digits, and single punctuation
marks), lowercased, with whitespace ignored. This matches the same way whatever tokenizer the
pipeline uses: scispaCy keeps "piperacillin-tazobactam" or "TS-1" as one token, spaCy's
default tokenizer splits them, and both read as the pieces piperacillin / - / tazobactam.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline import disk_cache, resources
from pipeline.nlp.base import ALNUM_RUN
from pipeline.resources import models_dir, read_table

PIECE = re.compile(r"[^\W_]+|[^\w\s]")
WORD = ALNUM_RUN
# Dashes and quotes folded to ASCII; each maps one character to one, so offsets are kept.
FOLD = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "’": "'", "‘": "'", "`": "'", "＋": "+"})
TO_FOLD = re.compile("[‐‑‒–—−’‘`＋]")

FILES = ("drugs/generated.tsv", "drugs/inn.tsv", "drugs/curated.tsv")  # later files take precedence
NOT_DRUGS = "drugs/not_drugs.tsv"
SUBSTANCES = "drugs/substances.tsv"


def fold(text: str) -> str:
    """Lowercase ``text`` without changing its length (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") lowercase to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.translate walks every character; most texts have few dashes to fold.
    return TO_FOLD.sub(lambda m: m.group().translate(FOLD), lowered)


def pieces(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    return tuple(PIECE.findall(lowered if lowered.isascii() else fold(text)))


class Entry(NamedTuple):
    pieces: tuple[str, ...]
    generics: tuple[str, ...]
    written: str  # the lexicon's own spelling, compared when ``case`` is set
    case: bool = False  # match only in the case written (DDP, MTX)
    cue: str = ""  # "cue": needs a treatment word nearby (G-CSF, interferon); "chemo": a chemotherapy word
    #               (TC, PTX); "admin": an administration word in its clause and no measurement
    #               (analytes, nutrients, enzymes, organisms: see substances.tsv)
    regimen: str = ""  # the code's own spelling when the name is a regimen code (TC, FOLFOX4)


class Lexicon:
    """All names, indexed by their first piece: ``by_first[piece]`` is (lengths, longest first;
    {pieces: entries}) so that a match costs one dict look-up per length."""

    def __init__(self, entries: dict[tuple[str, ...], Entry], excluded=()):
        by_first: dict[str, tuple[list[int], dict[tuple[str, ...], list[Entry]]]] = {}
        for entry in entries.values():
            lengths, names = by_first.setdefault(entry.pieces[0], ([], {}))
            names.setdefault(entry.pieces, []).append(entry)
            if len(entry.pieces) not in lengths:
                lengths.append(len(entry.pieces))
        for lengths, _ in by_first.values():
            lengths.sort(reverse=True)
        self.by_first = by_first
        self.first_pieces = frozenset(by_first)
        words: set[str] = {w for name in excluded for w in name}  # never "misspelt drugs" either
        generics: set[str] = set()
        for entry in entries.values():
            words.update(entry.pieces)
            generics.update(entry.generics)
        self.known_words = frozenset(w for w in words if w[0].isalnum())
        self.generics = frozenset(generics)
        self.size = len(entries)


def read_rows(relative_path: str) -> list[tuple[str, str, str, str]]:
    """(written, generics, flags, kind) rows of a lexicon TSV: the format of ``read_table``, read
    with a plain split because the generated lexicon has tens of thousands of rows."""
    with (models_dir() / relative_path).open(encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
    header = lines[0]
    written, generics = header.index("written"), header.index("generics")
    flags = header.index("flags") if "flags" in header else None
    kind = header.index("kind") if "kind" in header else None

    def cell(row: list[str], column: int | None) -> str:
        return row[column] if column is not None and len(row) > column else ""

    return [(row[written], row[generics], cell(row, flags), cell(row, kind)) for row in lines[1:]]


class Substances(NamedTuple):
    """What substances.tsv lists: written names, generics (all their names) and genera."""

    names: frozenset
    generics: frozenset
    genera: frozenset

    def marks(self, entry: Entry) -> bool:
        return (entry.pieces in self.names or any(pieces(g) in self.generics for g in entry.generics)
                or (entry.pieces[0] in self.genera and len(entry.pieces) > 1))


def read_substances(relative_path: str) -> Substances:
    """Lexicon names that are also organisms, enzymes, analytes, nutrients or reagents
    (substances.tsv): "name" rows mark one written name, "generic" rows every name of a
    generic, "genus" rows every binomial of a genus."""
    found: dict[str, set] = {"name": set(), "generic": set(), "genus": set()}
    for row in read_table(relative_path):
        key = pieces(row["name"])
        if key:
            found[row.get("match") or "name"].add(key)
    return Substances(frozenset(found["name"]), frozenset(found["generic"]), frozenset(k[0] for k in found["genus"]))


@lru_cache(maxsize=4)
def load_lexicon(files: tuple[str, ...] = FILES, not_drugs: str = NOT_DRUGS, substances: str = SUBSTANCES) -> Lexicon:
    """The lexicon of ``files``. Parsing tens of thousands of rows is a good part of a short
    run's start-up: the parsed entries are kept as JSON in the build cache, keyed by the
    content of the data files and of the code that parses them (this file, pipeline.resources)."""
    sources = [models_dir() / name for name in (*files, not_drugs, *([substances] if substances else []))]
    key = disk_cache.files_digest(sources, repr((files, not_drugs, substances)), Path(__file__).read_bytes(),
                                  Path(resources.__file__).read_bytes())
    entries, excluded = disk_cache.cached("drugs", key, lambda: parse_lexicon(files, not_drugs, substances),
                                          _entries_to_json, _entries_from_json)
    return Lexicon(entries, excluded)


SEPARATOR = "\x1f"  # joins the pieces of a name in the build cache: whitespace, so in no piece


def _entries_to_json(parsed: tuple[dict, set]) -> dict:
    """Entries as rows of strings (pieces and generics joined by SEPARATOR): a JSON of strings
    is several times quicker to read than one of nested lists. A key is written only when it
    is not the entry's pieces."""
    entries, excluded = parsed

    def joined(parts: tuple[str, ...]) -> str:
        if any(SEPARATOR in part for part in parts):
            raise ValueError("a name holds the separator: not stored")
        return SEPARATOR.join(parts)

    rows = [[joined(e.pieces), joined(e.generics), e.written, int(e.case), e.cue, e.regimen,
             "" if key == e.pieces else joined(key)] for key, e in entries.items()]
    return {"entries": rows, "excluded": sorted(joined(key) for key in excluded)}


def _entries_from_json(stored: dict) -> tuple[dict, set]:
    entries = {}
    for pieces_, generics, written, case, cue, regimen, key in stored["entries"]:
        entry_pieces = tuple(pieces_.split(SEPARATOR))
        entry = Entry(entry_pieces, tuple(generics.split(SEPARATOR)) if generics else (), written, bool(case), cue, regimen)
        entries[tuple(key.split(SEPARATOR)) if key else entry_pieces] = entry
    return entries, {tuple(key.split(SEPARATOR)) for key in stored["excluded"]}


def parse_lexicon(files: tuple[str, ...], not_drugs: str, substances: str) -> tuple[dict, set]:
    """The entries of the lexicon files (keyed by their pieces) and the names that are no drugs."""
    excluded = {pieces(row["written"]) for row in read_table(not_drugs)}
    entries: dict[tuple[str, ...], Entry] = {}
    for name in files:
        for written, generics, flags, kind in read_rows(name):
            key = pieces(written)
            if not key or key in excluded or not key[0][0].isalnum():
                continue
            targets = tuple(filter(None, generics.strip().split("|")))
            if not targets:
                continue
            cue = "chemo" if "chemo" in flags else "cue" if "cue" in flags else ""
            regimen = written if kind == "regimen" else ""
            if "case" in flags:
                # A case-sensitive abbreviation ("GEM") lives beside a lowercase name of the
                # same spelling instead of replacing it.
                entries[key + ("\x00" + written,)] = Entry(key, targets, written, True, cue, regimen)
            else:
                entries[key] = Entry(key, targets, written, False, cue, regimen)
    if substances:
        marked = read_substances(substances)
        for key, entry in entries.items():
            if entry.cue != "chemo" and entry.generics and marked.marks(entry):
                entries[key] = entry._replace(cue="admin")
    # A name of several words that is not a drug ("low-molecular-weight heparin", "calcitonin
    # gene-related peptide") blocks the drug names inside it: an entry without generics.
    for key in excluded:
        if len(key) > 1 and key[0][0].isalnum() and key not in entries:
            entries[key] = Entry(key, (), " ".join(key))
    return entries, excluded
