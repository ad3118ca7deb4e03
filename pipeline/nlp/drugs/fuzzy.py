"""Misspelt drug names ("bevazicumab", "temolozomide") matched to a lexicon generic.

Conservative on purpose: only words that the lexicon does not know, that are long and end like
a drug name are tried, and only against generics with the same first letter and the same
ending, so an English word is never turned into a drug. A slip in the ending itself
("vancomysin", "cetuximib", "lorazepem") is tried last, at one edit, against the generics of a
drug-name ending that share the word's first letters.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline import regex_cache


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two letters counts once), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class FuzzyMatcher:
    def __init__(self, generics, known_words, suffixes: str, min_length: int = 8, max_distance: int = 2, ending_length: int = 3,
                 glued_salts: tuple[str, ...] = (), prefix_length: int = 4):
        self.suffix = regex_cache.compile(suffixes)
        # German and other national names write the salt glued to the drug ("Cyproteronacetat",
        # "Ondansetronhydrochlorid", "Morphinsulfat"): the drug is the part before the salt.
        self.glued_salts = tuple(sorted(glued_salts, key=len, reverse=True))
        self.min_length = min_length
        self.max_distance = max_distance
        self.ending_length = ending_length
        self.known_words = known_words
        self.generics = frozenset(g for g in generics if g.isalpha())
        index: dict[tuple[str, str], list[str]] = {}
        for generic in generics:
            if generic.isalpha() and len(generic) >= min_length - max_distance and self.suffix.search(generic):
                index.setdefault(self._key(generic), []).append(generic)
        self.index = index
        # Generics of any ending ("bumetanide"), tried only for a word that ends like a drug name
        # ("bumetamide") and only when no generic of a drug-name ending is near: a word of any
        # other ending ("pipeline", "splenium") would meet a plant or element name too often.
        other: dict[tuple[str, str], list[str]] = {}
        for generic in generics:
            if generic.isalpha() and len(generic) >= min_length - max_distance and not self.suffix.search(generic):
                other.setdefault(self._key(generic), []).append(generic)
        self.other_index = other
        # Generics of a drug-name ending by their first letters: a word one slip away from one of
        # them in its last letters ("vancomysin", "cetuximib") keys neither index above.
        self.prefix_length = prefix_length
        by_prefix: dict[str, list[str]] = {}
        for generic in generics:
            if generic.isalpha() and len(generic) >= min_length - 1 and self.suffix.search(generic):
                by_prefix.setdefault(generic[:prefix_length], []).append(generic)
        self.prefix_index = by_prefix
        # National spellings of an INN: German, Scandinavian and Slavic ones drop its final e
        # ("dexamethason", "ceftriaxon"), French ones add one ("paracetamole", "fluorouracile"),
        # Latin ones of pharmacopoeias end in -um ("cisplatinum", "ceftriaxonum"), Romance ones
        # in -a ("heparina", "dexametasona" after its th). Such a word is that generic, whatever
        # its edit distance.
        self.spellings: dict[str, str] = {}
        for generic in generics:
            if not generic.isalpha() or len(generic) < min_length - 1:
                continue
            stem = generic[:-1] if generic.endswith("e") else generic
            # Spanish, Portuguese and Italian end them in -a ("heparina", "insulina",
            # "dexametasona", "furosemida") where the INN ends in -in, -an, -one, -ine or -ide.
            romance = stem + "a" if generic.endswith(("in", "an", "one", "ine", "ide")) else stem
            for variant in (stem, generic + "e", stem + "um", romance):
                if variant != generic and len(variant) >= min_length:
                    self.spellings.setdefault(variant, generic)
        # Words repeat within and across reports: each is judged once.
        self.match = lru_cache(maxsize=50_000)(self._match)

    def _key(self, word: str) -> tuple[str, str]:
        return word[0], word[-self.ending_length :]

    def is_candidate(self, word: str) -> bool:
        return len(word) >= self.min_length and word.isalpha() and word not in self.known_words

    def _match(self, word: str) -> str | None:
        if not self.is_candidate(word):
            return None
        if word in self.spellings:
            return self.spellings[word]
        salted = self._without_salt(word)
        if salted is not None:
            return salted
        # A word that ends like a drug may be two edits away ("temolozomide"); any other only
        # one ("oxacilin").
        if not self.suffix.search(word):
            return self._lookup(word, 1) or self._slip_in_ending(word)
        return (self._lookup(word, self.max_distance) or self._lookup(word, self.max_distance, self.other_index)
                or self._slip_in_ending(word))

    def _slip_in_ending(self, word: str) -> str | None:
        """The one generic of a drug-name ending, with the same first letters, that ``word`` is a
        single edit away from: a slip in the ending ("vancomysin" -> vancomycin)."""
        best = sorted((edit_distance(word, generic, 1), generic) for generic in self.prefix_index.get(word[:self.prefix_length], ()))
        best = [pair for pair in best if pair[0] <= 1]
        if not best or (len(best) > 1 and best[0][0] == best[1][0]):
            return None
        return best[0][1]

    def spelling(self, word: str) -> str | None:
        """The generic that ``word`` is a national spelling of ("insulina", "dexamethason"), known
        word of the lexicon or not; no edit distance."""
        return self.spellings.get(word)

    def salted(self, word: str) -> bool:
        """Whether ``word`` is a drug with its salt glued on: a product, never a body substance
        ("estradiolvalerat" is given, where "estradiol" may be measured)."""
        return self.is_candidate(word) and word not in self.spellings and self._without_salt(word) is not None

    def _without_salt(self, word: str) -> str | None:
        """The generic of a name written with its salt glued on ("cyproteronacetat" ->
        cyproterone), when the part before the salt is a generic or a national spelling of one."""
        for salt in self.glued_salts:
            if word.endswith(salt) and len(word) - len(salt) >= 5:
                stem = word[: -len(salt)].rstrip("-")
                if stem in self.generics:
                    return stem
                if stem + "e" in self.generics:  # "morphin", "ondansetron": the German drops the e
                    return stem + "e"
                if stem in self.spellings:
                    return self.spellings[stem]
                return None
        return None

    def _lookup(self, word: str, limit: int, index: dict | None = None) -> str | None:
        """The one generic closest to ``word`` within ``limit`` edits, if unambiguous."""
        best: list[tuple[int, str]] = []
        for generic in (self.index if index is None else index).get(self._key(word), ()):
            distance = edit_distance(word, generic, limit)
            if distance <= limit:
                best.append((distance, generic))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[0][0] == best[1][0]:
            return None
        return best[0][1]
