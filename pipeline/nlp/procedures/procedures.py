"""Finds procedures and treatment words ("laparoscopic radical hysterectomy", "pelvic and
para-aortic lymphadenectomy", "external irradiation to a dose of 45 Gy in 25 fractions", "two
courses of chemotherapy", "leukapheresis") with their approach, setting, dose and cycles.

Names come from a lexicon (``models/procedures/procedures.tsv``) matched on words, whatever
the tokenizer: scispaCy keeps "hysterectomy+bilateral" or "dissection/" as one token, so the
text is read word by word (runs of letters and digits; spaces, hyphens and apostrophes between
the words of a name) and the longest name starting at a word wins. The words just before a
name give its approach ("laparoscopic", "robotic-assisted"), its setting ("neoadjuvant") or a
longer name ("total" + "laparoscopic" + "hysterectomy" -> total hysterectomy, laparoscopic).
Negation and hypothetical mentions ("radiotherapy was recommended") are left to the context
component. Patterns are in ``models/procedures/patterns.toml``.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import ALNUM_RUN, Component, Finding, fill_template, trie_pattern
from pipeline.nlp.procedures.model import Procedure
from pipeline.nlp.text import lower_text, sentence_bounds
from pipeline.resources import read_patterns, read_table

GROUP = "procedures"
LABEL = "PROCEDURE"
WORD = ALNUM_RUN
# What may stand between two words of one name: spaces, hyphens, an apostrophe, a slash.
JOINERS = frozenset(" \t\n\r\u00a0-‐‑‒–—'’/")
# How a word joined to the name before it ends ("pelvic and para-aortic lymphadenectomy").
COORDINATORS = (",", "and", "or", "&", "/", "+", "as well as")
NEXT_WORD = regex_cache.compile(r"[ \t\n\r\u00a0\-‐‑‒–—'’/]{1,3}([^\W_]+)")
FLAGS = re.IGNORECASE
# What follows a dose of one fraction ("2 Gy per fraction", "200 cGy fractions", "1.8 Gy daily").
PER_FRACTION = regex_cache.compile(r"fraction|fx|fr\b|/\s*f\b|daily|each|per|session|day")


def chunks_back(text: str, low: int, position: int, count: int) -> int:
    """Where the ``count`` space-separated chunks before ``position`` start (not before
    ``low``): patterns anchored at ``position`` are searched from there, not from ``low``."""
    i = position
    for _ in range(count):
        while i > low and text[i - 1].isspace():
            i -= 1
        while i > low and not text[i - 1].isspace():
            i -= 1
    return i


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


class ProcedureMatcher(Component):
    """Puts procedure mentions in ``doc.spans["procedures"]`` with a :class:`Procedure` in
    ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_procedures")
    >>> doc = nlp("She underwent laparoscopic radical hysterectomy and pelvic lymphadenectomy, "
    ...           "then external irradiation to a dose of 45 Gy in 25 fractions.")
    >>> [(s._.value.name, s._.value.kind, s._.value.approach) for s in doc.spans["procedures"]]
    [('radical hysterectomy', 'surgery', 'laparoscopic'), ('pelvic lymphadenectomy', 'surgery', None), ('external beam radiotherapy', 'radiotherapy', None)]
    >>> doc.spans["procedures"][2]._.value.dose
    '45 Gy in 25 fractions'
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_procedures", lexicon: str = "procedures/procedures.tsv",
                 patterns: str = "procedures/patterns.toml"):
        super().__init__(nlp, name)
        self.lexicon = load_lexicon(lexicon)
        spec = read_patterns(patterns)
        parts = {"number": spec["number"], "affiliation_words": spec["affiliation_words"]}
        self.approach_words = dict(spec["approach"])
        self.approach_rank = {a: i for i, a in enumerate(spec["approach_priority"])}
        self.setting_words = dict(spec["setting"])
        self.fillers = frozenset(spec["fillers"]["words"])
        self.numbers = {" ".join(k.split()): v for k, v in spec["numbers"].items()}
        compile_ = lambda key: regex_cache.compile(fill_template(spec[key], parts), FLAGS)  # noqa: E731
        self.setting_after = compile_("setting_after")
        self.approach_after = compile_("approach_after")
        self.approach_forms = [(regex_cache.compile(pattern), approach) for pattern, approach in spec["approach_after_forms"].items()]
        self.via_before = compile_("via_before")
        self.guard_after = compile_("guard_after")
        self.guard_before = compile_("guard_before")
        # a quick look for an affiliation word before running the whole pattern
        self.affiliation_hint = compile_("affiliation_words")
        self.affiliation_before = compile_("affiliation_before")
        self.affiliation_after = compile_("affiliation_after")
        self.coordinated_before = compile_("coordinated_before")
        self.prefix_word = compile_("prefix_word")
        self.rt_dose = compile_("rt_dose")
        self.rt_dose_before = regex_cache.compile(spec["rt_dose"] + spec["dose_before_tail"], FLAGS)
        self.fractions_before = compile_("fractions_before")
        self.fractions_of_procedure = compile_("fractions_of_procedure")
        self.total_cue = compile_("total_cue")
        self.dose_reach = int(spec.get("dose_reach", 160))
        self.cycles_before = compile_("cycles_before")
        self.cycles_after = compile_("cycles_after")

    def find(self, doc: Doc, text: str):
        """Lexicon names first, then each with its details (approach, setting, dose, cycles)
        as a :class:`Finding`."""
        found = self._scan(text, lower_text(text)) if text.strip() else []
        if not found:
            return
        bounds = sentence_bounds(doc, text)
        taken = set()
        for start, end, value in self._values(text, found, bounds):
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            # two procedures inside one token ("TAH-BSO") would share one span: the first is kept
            if span is None or not len(span) or (span.start_char, span.end_char) in taken:
                continue
            taken.add((span.start_char, span.end_char))
            yield Finding(start, end, LABEL, value)

    # -- finding names

    def _scan(self, text: str, lowered: str) -> list[Found]:
        found: list[Found] = []
        last_end = -1
        for word in self.lexicon.first_word.finditer(lowered):
            if word.start() < last_end:
                continue
            match = self._longest(text, lowered, word)
            if match is not None and self._allowed(text, match):
                found.append(match)
                last_end = match.end
        return found

    def _longest(self, text: str, lowered: str, first: re.Match) -> Found | None:
        """The longest name starting at word ``first``."""
        word, start = first.group(), first.start()
        lengths, names = self.lexicon.by_first[word]
        if lengths[0] > 1:
            second = NEXT_WORD.match(lowered, first.end())
            # most words that start a longer name start none here: one look at the next word
            if second is not None and (word, second.group(1)) in self.lexicon.pairs:
                words = [first]
                for following in WORD.finditer(lowered, first.end()):
                    gap = lowered[words[-1].end() : following.start()]
                    if len(words) >= lengths[0] or len(gap) > 3 or not all(c in JOINERS for c in gap):
                        break
                    words.append(following)
                keys = tuple(w.group() for w in words)
                for size in lengths:
                    if size > 1 and size <= len(words) and keys[:size] in names:
                        entry = self.lexicon.pick(names[keys[:size]], text, start, words[size - 1].end())
                        if entry is not None:
                            return Found(start, words[size - 1].end(), keys[:size], entry)
        entries = names.get((word,))
        entry = self.lexicon.pick(entries, text, start, first.end()) if entries else None
        return Found(start, first.end(), (word,), entry) if entry is not None else None

    def _allowed(self, text: str, match: Found) -> bool:
        before = text[max(0, match.start - 80) : match.start]
        # "Department of Surgery": the cheap tests first
        if (" of " in before or " for " in before) and self.affiliation_hint.search(before) \
                and self.affiliation_before.search(before):
            return False
        if self.affiliation_after.match(text, match.end):
            return False
        if "guard" in match.entry.flags:
            if self.guard_after.match(text, match.end) or self.guard_before.search(before[-30:]):
                return False
        return True

    # -- reading each name's details

    def _values(self, text: str, found: list[Found], bounds):
        starts = [b[0] for b in bounds]
        out: list[list] = []  # [start, end, Procedure]
        sentence_of = [max(0, bisect.bisect_right(starts, f.start) - 1) for f in found]
        for index, match in enumerate(found):
            sentence = sentence_of[index]
            sentence_start, sentence_end = bounds[sentence]
            previous_end = max(sentence_start, found[index - 1].end if index else 0)
            entry = match.entry
            # "hysterectomy via laparotomy": the approach of the procedure before
            if "via" in entry.flags and out and index and sentence_of[index - 1] == sentence \
                    and self.via_before.search(text, max(previous_end, match.start - 40), match.start):
                if out[-1][2].kind in ("surgery", "other") and not out[-1][2].approach:
                    out[-1][2] = dataclasses.replace(out[-1][2], approach=entry.approach or None)
                continue
            start, key, entry, approach, setting = self._prefix(text, match, previous_end)
            for extra in self._coordinated(text, start, key, entry, previous_end):
                out.append([extra[0], extra[1], Procedure(extra[2].name, extra[2].kind, text[extra[0] : match.end],
                                                          approach=approach, setting=setting)])
            after = self.approach_after.match(text, match.end, min(sentence_end, match.end + 80))
            if after and entry.kind in ("surgery", "other") and not approach:
                approach = self._approach_of(after.group("approach"))
            next_start = found[index + 1].start if index + 1 < len(found) else len(text)
            after = self.setting_after.search(text, match.end, min(sentence_end, next_start, match.end + 100))
            if after and not setting:
                setting = self.setting_words.get(after.group("setting").lower(), after.group("setting").lower())
            dose = cycles = None
            if entry.kind == "radiotherapy":
                next_is_radiotherapy = index + 1 < len(found) and found[index + 1].entry.kind == "radiotherapy"
                dose = self._rt_dose(text, start, match.end, previous_end, next_start, sentence_end, next_is_radiotherapy)
            elif entry.kind == "systemic":
                cycles = self._cycles(text, start, match.end, max(sentence_start, start - 80), sentence_end)
            value = Procedure(entry.name, entry.kind, text[start : match.end], dose, approach or entry.approach or None,
                              setting or entry.setting or None, cycles)
            out.append([start, match.end, value])
        return [tuple(item) for item in out]

    def _prefix(self, text: str, match: Found, low: int):
        """Approach, setting and name words written before the name: the span start, the
        (possibly longer) key and entry, the approach and the setting."""
        key, entry, start = match.key, match.entry, match.start
        approaches, setting = [], None
        position = match.start
        for _ in range(6):
            word = self.prefix_word.search(text, chunks_back(text, max(low, position - 40), position, 2), position)
            if not word:
                break
            written = word.group("word")
            lower = " ".join(written.lower().split())
            longer = tuple(WORD.findall(lower)) + key
            longer_entry = self.lexicon.get(longer)
            if longer_entry is not None:
                key, entry, start = longer, longer_entry, word.start()
            elif lower in self.approach_words and entry.kind in ("surgery", "other"):
                if self.approach_words[lower]:
                    approaches.append(self.approach_words[lower])
                start = word.start()
            elif lower in self.setting_words and setting is None:
                setting = self.setting_words[lower]
                start = word.start()
            elif lower in self.fillers and lower not in self.setting_words:
                pass  # "bilateral", "total" that makes no longer name: skipped, not in the span
            else:
                break
            position = word.start()
        approach = min(approaches, key=lambda a: self.approach_rank.get(a, 99)) if approaches else None
        return start, key, entry, approach, setting

    def _coordinated(self, text: str, start: int, key, entry: Entry, low: int):
        """Procedures sharing this name's last words: "pelvic and para-aortic
        lymphadenectomy" also names a pelvic lymphadenectomy."""
        position = start
        for _ in range(4):
            if not text[max(low, position - 12) : position].rstrip().lower().endswith(COORDINATORS):
                return
            match = self.coordinated_before.search(text, chunks_back(text, max(low, position - 40), position, 4), position)
            if not match:
                return
            words = tuple(WORD.findall(match.group("word").lower()))
            other = next(filter(None, (self.lexicon.get(words + key[j:]) for j in range(1, len(key)))), None)
            if other is None or other.name == entry.name or other.kind != entry.kind:
                return
            yield match.start("word"), match.end("word"), other
            position = match.start("word")

    def _approach_of(self, written: str) -> str | None:
        lower = " ".join(written.lower().split())
        return next((approach for pattern, approach in self.approach_forms if pattern.match(lower)), None)

    def _number(self, written: str) -> int | None:
        written = " ".join(written.lower().split())
        if written.isdigit():
            return int(written) if 0 < int(written) <= 60 else None
        return self.numbers.get(written)

    def _cycles(self, text: str, start: int, end: int, low: int, high: int) -> int | None:
        match = self.cycles_before.search(text, low, start)
        if not match:
            match = self.cycles_after.match(text, end, min(high, end + 60))
        return self._number(match.group("n")) if match else None

    # -- radiotherapy doses

    def _rt_dose(self, text: str, start: int, end: int, low: int, next_start: int, sentence_end: int,
                 next_is_radiotherapy: bool) -> str | None:
        """ "45 Gy in 25 fractions": the total, the number of fractions or the dose of each,
        written after the name (up to the next procedure) or just before it."""
        high = min(next_start, sentence_end, end + self.dose_reach)
        if next_is_radiotherapy and next_start <= high:
            # "... and 3 fractions of 8 Gy HDR brachytherapy": a dose right before the next name is its own
            before_next = self.rt_dose_before.search(text, end, next_start)
            if before_next:
                high = before_next.start()
        matches = []
        before = self.rt_dose_before.search(text, max(low, start - 60), start)
        if before:
            matches.append((before, max(low, start - 60)))
        matches += [(m, end) for m in self.rt_dose.finditer(text, end, high)]
        total = per = count = None
        for match, window_start in matches:
            amount = self._gray(match.group("amount"), match.group("unit"))
            if amount is None:
                continue
            rest = (match.group("rest") or "").lower()
            fractions = match.group("fractions") or match.group("times")
            written_count = self.fractions_before.search(text, max(window_start, match.start() - 25), match.start())
            per_fraction = bool(match.group("times")) or bool(written_count) or bool(
                rest and not match.group("fractions") and PER_FRACTION.search(rest))
            if per_fraction and not self.total_cue.search(text, max(window_start, match.start() - 40), match.start()):
                if per is None:
                    per = amount
                    count = count or (int(fractions) if fractions else int(written_count.group("fractions")) if written_count else None)
            elif total is None:
                total = amount
                count = int(fractions) if fractions else count
            if total is not None and (per is not None or count):
                break
        if total is None and per is None:
            fractions = self.fractions_of_procedure.search(text, max(low, start - 60), start)
            return f"{int(fractions.group('fractions'))} fractions" if fractions else None
        if total is None and count:
            total = per * count
        if total is None:
            return f"{self._format(per)} Gy per fraction"
        if count:
            return f"{self._format(total)} Gy in {count} fractions"
        if per is not None:
            return f"{self._format(total)} Gy in {self._format(per)} Gy fractions"
        return f"{self._format(total)} Gy"

    @staticmethod
    def _gray(amount: str, unit: str) -> float | None:
        if "," in amount:
            whole, _, part = amount.partition(",")
            amount = whole + part if len(part) == 3 else whole + "." + part
        try:
            value = float(amount)
        except ValueError:
            return None
        if unit.lower() == "cgy":
            value /= 100
        return value if 0 < value <= 200 else None

    @staticmethod
    def _format(value: float) -> str:
        return f"{round(value, 2):g}"
