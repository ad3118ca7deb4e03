"""Finds the drug names of the lexicon in a text: one pass over its words matching each to the
longest name there, with names written apart at a chemical prefix ("methyl prednisolone"), glued
to a dose ("Methadone260mg"), broken at a line end ("labe-talol"), misspelt, counter-ions of salts
and class names before their drug dropped, and the vitamins of "vitamins A, D and E"."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline import regex_cache
from pipeline.nlp.drugs.fuzzy import FuzzyMatcher
from pipeline.nlp.drugs.lexicon import FOLD, PIECE, WORD, Lexicon, pieces

# A drug name of four letters or more glued to a dose: "methadone260mg", "duloxetine30mg".
GLUED = regex_cache.compile(r"([a-z]{4,}?)(\d+(?:mg|g|mcg|ug|µg|μg|iu|u|ml)?)$")
GLUED_UNITS = frozenset({"mg", "ug", "cg", "µg", "μg", "iu", "ml"})
SPLIT_NEXT = regex_cache.compile(r"[ ]([a-z]{5,})\b")  # the word after a chemical prefix written apart


class _Piece(NamedTuple):
    """A piece of text as ``PIECE`` finds it, or two joined across a broken word's hyphen."""
    text: str
    stop: int

    def group(self) -> str:
        return self.text

    def end(self) -> int:
        return self.stop


class Match(NamedTuple):
    start: int
    end: int
    generics: tuple[str, ...]
    fuzzy: bool = False
    cue: str = ""  # "", "cue" or "chemo": see lexicon.Entry
    regimen: str = ""  # the regimen code's spelling, when the name is one



class NameScanner:
    """The lexicon's names in a text, as :class:`Match` es (character offsets and generics);
    whether each is a treatment given is not its business (``given.TreatmentGate``)."""

    def __init__(self, lexicon: Lexicon, fuzzy: FuzzyMatcher | None, spec: dict):
        flags = re.IGNORECASE
        self.lexicon = lexicon
        self.fuzzy = fuzzy
        self.split_prefixes = frozenset(spec["fuzzy"]["split_prefixes"])
        self.salt_words = frozenset(spec["salt_words"])
        self.umbrella_end = regex_cache.compile(f"(?:{spec['umbrella_names']})$", flags)
        self.umbrella_gap = regex_cache.compile(spec["umbrella_gap"], flags)
        self.vitamin_list = regex_cache.compile(spec["vitamin_list"])  # case matters: the letters are capitals

    def names(self, text: str, lowered: str) -> list[Match]:
        """Every name of ``text`` (``lowered`` its folded form), salts and class names before
        their drug dropped, the vitamins of a list added."""
        return self._vitamin_lists(text, lowered, self._umbrellas(text, self._salts(lowered, self.scan(text, lowered))))

    def scan(self, text: str, lowered: str) -> list[Match]:
        """One pass over the words: a word that starts a lexicon name is matched to the longest
        name there; a long unknown word may be a misspelt drug."""
        first_pieces = self.lexicon.first_pieces
        fuzzy_length = self.fuzzy.min_length if self.fuzzy is not None else 1 << 30
        matches: list[Match] = []
        misspelt: list[Match] = []
        last_end = -1
        for word in WORD.finditer(lowered):
            if word.start() < last_end:
                continue
            piece = word.group()
            if piece in self.split_prefixes:
                joined = self._joined_name(lowered, word)
                if joined is not None:
                    (misspelt if joined.fuzzy else matches).append(joined)
                    last_end = joined.end
                    continue
            if piece in first_pieces:
                match = self._longest(text, lowered, word.start(), piece)
                broken = self._broken_word(text, lowered, word)
                if broken is not None and (match is None or broken.end > match.end):
                    # a name broken at a line end whose first part is a name too ("cipro-floxacin"
                    # is ciprofloxacin, not the brand Cipro and a misspelt "floxacin")
                    match = broken
                if match is not None:
                    if match.generics:  # a name without generics only blocks the drugs inside it
                        matches.append(match)
                    last_end = match.end
                elif len(piece) >= fuzzy_length and (spelt := self.fuzzy.spelling(piece)):
                    # a national spelling that only starts longer names of the lexicon
                    # ("insulina" of "insulina glargina"): the generic it spells
                    misspelt.append(Match(word.start(), word.end(), (spelt,), True, self._cue_of(spelt)))
            elif piece[-1].isdigit() or piece[-2:] in GLUED_UNITS:
                # a name glued to its dose in a scraped table ("Methadone260mg", "Duloxetine30mg")
                glued = GLUED.match(piece)
                if glued and glued.group(1) in first_pieces:
                    match = self._longest(text, lowered, word.start(), glued.group(1), word.start() + glued.end(1))
                    if match is not None and match.generics:
                        matches.append(match)
            elif (broken := self._broken_word(text, lowered, word)) is not None:
                # a name broken at a line end, its hyphen kept ("labe-talol", "sul- fate")
                matches.append(broken)
                last_end = broken.end
            elif len(piece) >= fuzzy_length:
                generic = self.fuzzy.match(piece)
                if generic:
                    # a misspelt analyte or hormone ("albumine") needs what its name needs
                    cue = "" if self.fuzzy.salted(piece) else self._cue_of(generic)
                    misspelt.append(Match(word.start(), word.end(), (generic,), True, cue))
        return sorted(matches + misspelt) if misspelt else matches

    def _cue_of(self, generic: str) -> str:
        """The cue the lexicon's one-word name ``generic`` needs ("cue" for a body substance that
        is also a drug), or ""."""
        entries = self.lexicon.by_first.get(generic, ((), {}))[1].get((generic,), ())
        return next((e.cue for e in entries if e.cue), "")

    def _joined_name(self, lowered: str, word) -> Match | None:
        """A drug name written as two words at a chemical prefix ("methyl prednisolone", "hydroxy
        chloroquine", "methyl prednisone"): the joined word, if it is a generic or a misspelt one."""
        following = SPLIT_NEXT.match(lowered, word.end())
        if following is None:
            return None
        joined = word.group() + following.group(1)
        entries = [e for e in self.lexicon.by_first.get(joined, ((), {}))[1].get((joined,), ()) if not e.case]
        if entries:
            entry = entries[0]
            if entry.cue or not entry.generics:
                return None  # a name that needs a cue, or no drug: too rare written apart to be worth it
            return Match(word.start(), following.end(1), entry.generics, False, "")
        generic = self.fuzzy.match(joined) if self.fuzzy is not None else None
        if generic is None:
            return None
        return Match(word.start(), following.end(1), (generic,), True, "")

    def _salts(self, lowered: str, matches: list[Match]) -> list[Match]:
        """Drops a counter-ion written right after a drug as part of its salt's name ("sildenafil
        citrate", "losartan potassium", "atorvastatin calcium"): no citric acid or potassium given."""
        if len(matches) < 2:
            return matches
        kept = [matches[0]]
        for previous, match in zip(matches, matches[1:]):
            if lowered[match.start:match.end] in self.salt_words and lowered[previous.end:match.start].isspace():
                continue
            kept.append(match)
        return kept

    def _umbrellas(self, text: str, matches: list[Match]) -> list[Match]:
        """Drops a class name written just before the drug of that class it introduces ("the
        low-molecular-weight heparin enoxaparin", "LMWH (0.6 ml of enoxaparin)"): one drug given."""
        if len(matches) < 2:
            return matches
        kept = []
        for match, following in zip(matches, matches[1:]):
            if (following.generics != match.generics
                    and self.umbrella_end.search(text, max(0, match.start - 30), match.end)
                    and following.start - match.end <= 30
                    and self.umbrella_gap.match(text[match.end:following.start])):
                continue
            kept.append(match)
        kept.append(matches[-1])
        return kept

    def _longest(self, text: str, lowered: str, start: int, first: str, end: int | None = None) -> Match | None:
        """The longest lexicon name starting at ``start``. A hyphen between two words may
        also stand for a space ("epoetin-beta" is "epoetin beta"): the longer reading wins."""
        lengths, names = self.lexicon.by_first[first]
        following = []
        for piece in PIECE.finditer(lowered, start, len(lowered) if end is None else end):
            following.append(piece)
            if len(following) >= lengths[0]:
                break
        best = self._longest_in(text, start, following, lengths, names)
        if end is not None:
            return best
        if len(following) > 2 and lowered.find("-", start, following[-2].end()) >= 0:
            for piece in PIECE.finditer(lowered, following[-1].end()):  # room for the hyphens dropped
                following.append(piece)
                if len(following) >= 2 * lengths[0]:
                    break
            joined = [p for i, p in enumerate(following)
                      if not (p.group() == "-" and 0 < i < len(following) - 1
                              and following[i - 1].group()[-1].isalnum() and following[i + 1].group()[0].isalnum()
                              and following[i - 1].end() == p.start() and p.end() == following[i + 1].start())]
            other = self._longest_in(text, start, joined[: lengths[0]], lengths, names)
            if other is not None and (best is None or other.end > best.end):
                best = other
        if lengths[0] > 1 and lowered.find("-", start, start + 80) >= 0:
            # "magnesium sul-fate": a later word of the name broken at a line end
            other = self._longest_in(text, start, self._unbroken(lowered, start, lengths[0]), lengths, names)
            if other is not None and other.generics and (best is None or other.end > best.end):
                best = other
        return best

    def _unbroken(self, lowered: str, start: int, size: int) -> list:
        """The first ``size`` pieces from ``start``, a word broken by a hyphen at a line end
        ("sul-fate", "sul- fate", "sul-" at a line end) read whole when the whole word is a word of the lexicon's names
        and one of its parts alone is not: a part may happen to be a word of another name
        ("metro-nidazole", "stibogluco-nate", "Benz-nidazole"), but two words of names joined by
        a hyphen are two words."""
        found = list(PIECE.finditer(lowered, start, min(len(lowered), start + 40 * size)))
        out: list = []
        index = 0
        while index < len(found) and len(out) < size:
            piece = found[index]
            if index + 2 < len(found):
                hyphen, rest = found[index + 1], found[index + 2]
                whole = piece.group() + rest.group()
                if (hyphen.group() == "-" and piece.end() == hyphen.start()
                        and lowered[hyphen.end():rest.start()] in ("", " ", "\n")
                        and piece.group().isalpha() and rest.group().isalpha()
                        and whole in self.lexicon.known_words
                        and (piece.group() not in self.lexicon.known_words or rest.group() not in self.lexicon.known_words)):
                    out.append(_Piece(whole, rest.end()))
                    index += 3
                    continue
            out.append(piece)
            index += 1
        return out

    def _broken_word(self, text: str, lowered: str, word) -> Match | None:
        """A drug name whose first word a line end broke, its hyphen kept ("labe-talol", "cef- triaxone")."""
        if lowered[word.end():word.end() + 1] != "-":
            return None
        pieces_ = self._unbroken(lowered, word.start(), 1)
        whole = pieces_[0].group() if pieces_ else ""
        if whole == word.group() or whole not in self.lexicon.first_pieces:
            return None
        lengths, names = self.lexicon.by_first[whole]
        match = self._longest_in(text, word.start(), self._unbroken(lowered, word.start(), lengths[0]), lengths, names)
        return match if match is not None and match.generics and not match.cue else None

    def _longest_in(self, text: str, start: int, following: list, lengths: list[int], names: dict) -> Match | None:
        sequence = tuple(p.group() for p in following)
        for size in lengths:
            for entry in names.get(sequence[:size], ()) if size <= len(sequence) else ():
                end = following[size - 1].end()
                if entry.case and PIECE.findall(text[start:end].translate(FOLD)) != PIECE.findall(entry.written):
                    continue
                return Match(start, end, entry.generics, False, entry.cue, entry.regimen)
        return None


    def _vitamin_lists(self, text: str, lowered: str, matches: list[Match]) -> list[Match]:
        """Adds each vitamin of "vitamins E and A", "vitamins A, D, E and K"."""
        found = []
        listings = []
        position = lowered.find("vitamin")
        while position >= 0:  # str.find to the candidates: a regex scan of the whole text costs more
            listing = self.vitamin_list.match(text, position)
            if listing:
                listings.append(listing)
            position = lowered.find("vitamin", position + 7)
        for listing in listings:
            for letter in re.finditer(r"[A-K](?:\s?\d{1,2})?", listing.group("letters")):
                start = listing.start("letters") + letter.start()
                end = start + len(letter.group())
                if any(m.start < end and start < m.end for m in matches):
                    continue
                key = ("vitamin", *pieces(letter.group()))
                entries = self.lexicon.by_first.get("vitamin", ((), {}))[1].get(key, ())
                entry = next((e for e in entries if e.generics), None)
                if entry is not None:
                    found.append(Match(start, end, entry.generics, False, entry.cue or "admin"))
        return sorted(matches + found) if found else matches
