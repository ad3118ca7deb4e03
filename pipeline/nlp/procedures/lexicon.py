"""The procedure lexicon (``models/procedures/procedures.tsv``): its names indexed by their first
word (:class:`Lexicon`, with :class:`Entry`, one name's row), read once and kept in the build
cache (:func:`load_lexicon`), and :class:`Found`, a name found in a text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import ALNUM_RUN, trie_pattern
from pipeline.resources import read_table

WORD = ALNUM_RUN


class Entry(NamedTuple):
    name: str
    kind: str
    approach: str
    setting: str
    flags: frozenset
    written: tuple[str, ...]  # the lexicon's words, compared as written for "case" entries


class Lexicon:
    """Names indexed by their first word: ``by_first[word]`` = (lengths, longest first;
    {words: entries}), and ``first_word``, the pattern of every first word (a trie)."""

    def __init__(self, by_first: dict[str, tuple[list[int], dict[tuple[str, ...], list[Entry]]]], first_word: str):
        self.by_first = by_first
        self.names = {key: entries for _, names in by_first.values() for key, entries in names.items()}
        # the first two words of every longer name: most words that start a name start none here
        self.pairs = frozenset(key[:2] for key in self.names if len(key) > 1)
        self.first_word = regex_cache.compile(first_word)

    @classmethod
    def from_rows(cls, rows) -> Lexicon:
        by_first: dict[str, tuple[list[int], dict[tuple[str, ...], list[Entry]]]] = {}
        for row in rows:
            written = row.get("written", "")
            if not written or not row.get("name"):
                continue
            flags = frozenset(filter(None, (f.strip() for f in row.get("flags", "").split(","))))
            for form in cls._forms(written, "case" in flags):
                key = tuple(WORD.findall(form.lower()))
                if not key:
                    continue
                entry = Entry(row["name"], row.get("kind") or "other", row.get("approach", ""), row.get("setting", ""),
                              flags, tuple(WORD.findall(form)))
                lengths, names = by_first.setdefault(key[0], ([], {}))
                names.setdefault(key, []).append(entry)
                if len(key) not in lengths:
                    lengths.append(len(key))
        for lengths, _ in by_first.values():
            lengths.sort(reverse=True)
        return cls(by_first, r"(?<![^\W_])" + trie_pattern(by_first) + r"(?![^\W_])")

    def to_json(self) -> dict:
        """The index as plain JSON, in its order (the order entries are tried in)."""
        by_first = [[first, lengths, [[list(key), [[e.name, e.kind, e.approach, e.setting, sorted(e.flags), list(e.written)]
                                                   for e in entries]] for key, entries in names.items()]]
                    for first, (lengths, names) in self.by_first.items()]
        return {"by_first": by_first, "first_word": self.first_word.pattern}

    @classmethod
    def from_json(cls, stored: dict) -> Lexicon:
        by_first = {}
        for first, lengths, names in stored["by_first"]:
            by_first[first] = ([int(n) for n in lengths],
                               {tuple(key): [Entry(name, kind, approach, setting, frozenset(flags), tuple(written))
                                             for name, kind, approach, setting, flags, written in entries]
                                for key, entries in names})
        if not isinstance(stored["first_word"], str):
            raise ValueError("not a procedure lexicon")
        return cls(by_first, stored["first_word"])

    @staticmethod
    def _forms(written: str, case: bool) -> set[str]:
        """The form, its plural (of the last word) and, for a hyphenated word, the joined
        spelling ("para-aortic" -> "paraaortic")."""
        forms = {written}
        if not case:
            head, _, last = written.rpartition(" ")
            prefix = head + " " if head else ""
            if len(last) > 3 and last[-1].isalpha() and not last.endswith("s"):
                if last.endswith("y") and last[-2] not in "aeiou":
                    forms.add(prefix + last[:-1] + "ies")
                elif last.endswith(("x", "ch", "sh")):
                    forms.add(prefix + last + "es")
                else:
                    forms.add(prefix + last + "s")
        for form in list(forms):
            joined = re.sub(r"(?<=[a-z])-(?=[a-z])", "", form)
            if joined != form:
                forms.add(joined)
        return forms

    @staticmethod
    def pick(entries: list[Entry], text: str, start: int, end: int) -> Entry | None:
        """The first entry written as in text[start:end] (abbreviations match in their case)."""
        words = None
        for entry in entries:
            if "case" in entry.flags:
                words = words or tuple(WORD.findall(text[start:end]))
                if words != entry.written:
                    continue
            return entry
        return None

    def get(self, key: tuple[str, ...], text_words: tuple[str, ...] | None = None) -> Entry | None:
        """The entry of ``key``; an abbreviation matched in its case only ("case" entries need
        the words as written in the text)."""
        for entry in self.names.get(key, ()):
            if "case" in entry.flags and text_words != entry.written:
                continue
            return entry
        return None


@lru_cache(maxsize=4)
def load_lexicon(path: str) -> Lexicon:
    """The lexicon of ``path``. Its index and the trie pattern of its first words are kept as
    JSON in the build cache (:mod:`pipeline.disk_cache`), keyed by the content of the file and
    of the code that reads it: parsing the file's thousands of rows and their forms was a
    tenth of a second of each start."""
    key = disk_cache.data_key([path], __file__, path)
    return disk_cache.cached("procedures", key, lambda: Lexicon.from_rows(read_table(path)),
                             Lexicon.to_json, Lexicon.from_json)


class Found(NamedTuple):
    start: int  # of the lexicon name
    end: int
    key: tuple[str, ...]  # its words, lowercase
    entry: Entry
