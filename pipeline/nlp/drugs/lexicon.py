"""The drug lexicon: written names -> INN generics, indexed for fast matching over text.

Names are compared as sequences of "pieces" (runs of letters/digits, and single punctuation
marks), lowercased, with whitespace ignored. This matches the same way whatever tokenizer the
pipeline uses: scispaCy keeps "piperacillin-tazobactam" or "TS-1" as one token, spaCy's
default tokenizer splits them, and both read as the pieces piperacillin / - / tazobactam.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import ALNUM_RUN
from pipeline.resources import models_dir, read_patterns, read_table

PIECE = regex_cache.compile(r"[^\W_]+|[^\w\s]")
WORD = ALNUM_RUN
# Dashes and quotes folded to ASCII; each maps one character to one, so offsets are kept.
# The accented letters of French, Spanish, Portuguese, Italian and German drug names too
# ("Lévothyrox", "Rocéphine", "métronidazole", "amoxicilina"): a name matches with or without its
# accents.
ACCENTS = {"á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
           "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o",
           "ú": "u", "ù": "u", "û": "u", "ü": "u", "ç": "c", "ñ": "n"}
FOLD = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "’": "'", "‘": "'", "`": "'", "＋": "+",
                      **ACCENTS})
TO_FOLD = regex_cache.compile("[‐‑‒–—−’‘`＋" + "".join(ACCENTS) + "]")

GENERATED = "drugs/generated.tsv"
INN = "drugs/inn.tsv"
FILES = (GENERATED, INN, "drugs/curated.tsv")  # later files take precedence
FORMS = "drugs/generic_forms.toml"  # how a generated generic reduces to its INN
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
    #               (TC, PTX); "tight": a regimen word right beside it ("PC regimen", "cycles of AP");
    #               "admin": an administration word in its clause and no measurement
    #               (analytes, nutrients, enzymes, organisms: see substances.tsv); "poison": the same,
    #               and never where the words around it make it the poison taken ("poisoning with")
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

    @classmethod
    def from_index(cls, by_first: Mapping, known_words: frozenset, generics: frozenset, size: int) -> Lexicon:
        """A lexicon from the index ``__init__`` builds (as the build cache keeps it)."""
        lexicon = cls.__new__(cls)
        lexicon.by_first = by_first
        lexicon.first_pieces = frozenset(by_first)
        lexicon.known_words, lexicon.generics, lexicon.size = known_words, generics, size
        return lexicon


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


def read_substances(relative_path: str, kind: str | None = None) -> Substances:
    """Lexicon names that are also organisms, enzymes, analytes, nutrients, reagents or poisons
    (substances.tsv), or only those of one ``kind``: "name" rows mark one written name, "generic"
    rows every name of a generic, "genus" rows every binomial of a genus."""
    found: dict[str, set] = {"name": set(), "generic": set(), "genus": set()}
    for row in read_table(relative_path):
        if kind is not None and row.get("kind") != kind:
            continue
        key = pieces(row["name"])
        if key:
            found[row.get("match") or "name"].add(key)
    return Substances(frozenset(found["name"]), frozenset(found["generic"]), frozenset(k[0] for k in found["genus"]))


@lru_cache(maxsize=4)
def load_lexicon(files: tuple[str, ...] = FILES, not_drugs: str = NOT_DRUGS, substances: str = SUBSTANCES) -> Lexicon:
    """The lexicon of ``files``. Parsing and indexing tens of thousands of rows is a good part
    of a short run's start-up: the index is kept as JSON in the build cache
    (:mod:`pipeline.disk_cache`), keyed by the content of the data files and of the code that
    reads them (this file, pipeline.resources), and its names are made into entries only for
    the first pieces a text has (:class:`CachedIndex`)."""
    data_files = (*files, not_drugs, *([substances] if substances else []), FORMS)
    key = disk_cache.data_key(data_files, __file__, repr((files, not_drugs, substances)))
    return disk_cache.cached("drugs", key, lambda: Lexicon(*parse_lexicon(files, not_drugs, substances)),
                             _index_to_json, _index_from_json)


SEPARATOR = "\x1f"  # joins pieces (and generics) in the build cache: whitespace, so in no piece


def _joined(parts: tuple[str, ...]) -> str:
    if any(SEPARATOR in part for part in parts):
        raise ValueError("a name holds the separator: the lexicon is not stored")
    return SEPARATOR.join(parts)


def _index_to_json(lexicon: Lexicon) -> dict:
    """The lexicon's index with each first piece's names as a JSON text of their own, read
    only when a text has that piece (a JSON of strings is read many times faster than one of
    small nested lists): {first piece: '[lengths, [[pieces, [[generics, written, case, cue,
    regimen], ...]], ...]]'}."""
    by_first = {
        first: json.dumps([lengths, [[_joined(name), [[_joined(e.generics), e.written, int(e.case), e.cue, e.regimen]
                                                      for e in entries]] for name, entries in names.items()]],
                          ensure_ascii=False, separators=(",", ":"))
        for first, (lengths, names) in lexicon.by_first.items()
    }
    return {"by_first": by_first, "known_words": sorted(lexicon.known_words), "generics": sorted(lexicon.generics),
            "size": lexicon.size}


def _index_from_json(stored: dict) -> Lexicon:
    by_first = stored["by_first"]
    if not isinstance(by_first, dict) or not isinstance(stored["size"], int):
        raise ValueError("not a drug lexicon")
    return Lexicon.from_index(CachedIndex(by_first), frozenset(stored["known_words"]), frozenset(stored["generics"]),
                              stored["size"])


class CachedIndex(Mapping):
    """``Lexicon.by_first`` read from the build cache: the names of a first piece become
    :class:`Entry` tuples when the text first has that piece. A report uses a few dozen of
    the lexicon's twenty thousand first pieces; making all their entries would cost more than
    the rest of the drug component's start-up."""

    def __init__(self, stored: dict[str, str]):
        self._stored = stored
        self._made: dict[str, tuple[list[int], dict[tuple[str, ...], list[Entry]]]] = {}

    def __getitem__(self, first: str) -> tuple[list[int], dict[tuple[str, ...], list[Entry]]]:
        made = self._made.get(first)
        if made is None:
            lengths, names = json.loads(self._stored[first])
            index = {}
            for joined, entries in names:
                name = tuple(joined.split(SEPARATOR))
                index[name] = [Entry(name, tuple(generics.split(SEPARATOR)) if generics else (), written, bool(case),
                                     cue, regimen) for generics, written, case, cue, regimen in entries]
            made = self._made[first] = (list(lengths), index)
        return made

    def __iter__(self):
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def __contains__(self, first: object) -> bool:
        return first in self._stored


def generic_reducer(rows: dict[str, list[tuple[str, str, str, str]]]):
    """A function mapping a generated generic to the INNs a reviewer writes (generic_forms.toml):
    "buprenorphine sublingual and buccal" -> buprenorphine, "vasopressins" -> vasopressin,
    "intravenous sodium bicarbonate" -> sodium bicarbonate, "estradiol/norethisterone" -> estradiol,
    norethisterone (a tuple); the generics of the hand-written files and the salts of elements
    stay as they are."""
    spec = read_patterns(FORMS)
    suffix = regex_cache.compile(spec["form_suffix"])
    prefix = regex_cache.compile(spec["form_prefix"])
    elements = frozenset(spec["element_bases"])
    hand = {g for name, table in rows.items() if name != GENERATED for _, gs, _, _ in table for g in gs.split("|") if g}
    # inn.tsv renames the package's canonical names when generated.tsv is built; a rename added
    # since ("beclomethasone" -> beclometasone) applies at load time too, so that the table need
    # not be rebuilt for it (single-drug renames only: a combination keeps its own row).
    renames = {w.lower(): gs for w, gs, _, _ in rows.get(INN, ()) if gs and "|" not in gs and gs != w.lower()}
    known = {g for table in rows.values() for _, gs, _, _ in table for g in gs.split("|") if g}
    written = {w.lower() for table in rows.values() for w, _, _, _ in table}

    @lru_cache(maxsize=None)
    def reduce(generic: str) -> str:
        if generic in renames:
            return renames[generic]
        if generic in hand:
            return generic
        route = prefix.match(generic)
        if route and generic[route.end():] in known:
            return reduce(generic[route.end():])
        # The longest run of form words first, then shorter ones: "carmellose sodium eye drops"
        # is not "carmellose" (no generic) but "carmellose sodium", "ringer's lactate solution"
        # is "ringer's lactate" although "lactate" is also a salt word.
        form = suffix.search(generic)
        while form:
            base = generic[: form.start()]
            if base in known and base not in elements and base.split()[0] not in elements:
                return base
            form = suffix.search(generic, form.start() + 1)
        if generic.endswith("s") and not generic.endswith("ss") and (generic[:-1] in written or generic[:-1] in known):
            return generic[:-1]
        return generic

    def components(generic: str) -> tuple[str, ...]:
        """A combination the package writes with a slash ("estradiol/norethisterone") is its
        components, as the hand-written files write them (ANNOTATION.md: combinations split),
        when every part is a generic itself; else the one reduced generic."""
        parts = [reduce(part.strip()) for part in generic.split("/")]
        if len(parts) > 1 and all(part in known for part in parts):
            return tuple(parts)
        return (reduce(generic),)

    return components


def parse_lexicon(files: tuple[str, ...], not_drugs: str, substances: str) -> tuple[dict, set]:
    """The entries of the lexicon files (keyed by their pieces) and the names that are no drugs."""
    excluded = {pieces(row["written"]) for row in read_table(not_drugs)}
    entries: dict[tuple[str, ...], Entry] = {}
    rows = {name: read_rows(name) for name in files}
    components = generic_reducer(rows) if GENERATED in rows else None
    for name in files:
        for written, generics, flags, kind in rows[name]:
            key = pieces(written)
            if not key or key in excluded or not key[0][0].isalnum():
                continue
            targets = tuple(filter(None, generics.strip().split("|")))
            if components is not None and name == GENERATED:
                targets = tuple(dict.fromkeys(g for t in targets for g in components(t)))
            if not targets:
                continue
            cue = "tight" if "tight" in flags else "chemo" if "chemo" in flags else "cue" if "cue" in flags else ""
            regimen = written if kind == "regimen" else ""
            if "case" in flags:
                # A case-sensitive abbreviation ("GEM") lives beside a lowercase name of the
                # same spelling instead of replacing it.
                entries[key + ("\x00" + written,)] = Entry(key, targets, written, True, cue, regimen)
            else:
                entries[key] = Entry(key, targets, written, False, cue, regimen)
    if substances:
        marked, poisons = read_substances(substances), read_substances(substances, "poison")
        for key, entry in entries.items():
            if entry.cue not in ("chemo", "tight") and entry.generics and marked.marks(entry):
                entries[key] = entry._replace(cue="poison" if poisons.marks(entry) else "admin")
    # A name of several words that is not a drug ("low-molecular-weight heparin", "calcitonin
    # gene-related peptide") blocks the drug names inside it: an entry without generics.
    for key in excluded:
        if len(key) > 1 and key[0][0].isalnum() and key not in entries:
            entries[key] = Entry(key, (), " ".join(key))
    return entries, excluded
