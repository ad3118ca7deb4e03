"""Which analyte keyword a value belongs to: the nearest keyword before it in its sentence, or,
in a "respectively" sentence, the name in the same list position ("HbA1c, WBC and ferritin
were 5.6%, 4,000/µL and 169 ng/mL, respectively"), or a name written right after the value's
own unit ("1,300 /µL WBC"); and whether another value stands between a keyword and a value
("CRP 45 mg/L, D-dimer 2.5 mg/L": 2.5 is not CRP's)."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures.matches import Item, Keyword
from pipeline.nlp.measures.vocabulary import Vocabulary

# A value restated in brackets right after another one: "12.3 ×10^9/L (85%)", "45 mg/L (4.5 mg/dL)".
RESTATED = regex_cache.compile(r"\s*(?:[^\s\d()\[\]]{1,12}\s*)?[(\[]\s*")
# The names of a "respectively" list ("HbA1c, WBC, Ht value and ferritin were ..."): split at
# commas and "and", after the verb or colon that ends the list is taken off.
LIST_SPLIT = regex_cache.compile(r",\s*(?:and\s+)?|\s+and\s+")
LIST_VERB = regex_cache.compile(r"(?:\s+(?:were|was|are|is|of|measured|showed|revealed)\b)?[\s:=]*$")


def words_before(text: str, sentence, position: int) -> Keyword:
    """A stand-in keyword for a measure known from its unit: the qualifiers then read the
    few words before the value, cut after the last number or bracket ("CRP 12 mg/L
    (normal <5) and a temperature of 39 °C" is not a reference range of temperature)."""
    start = max(sentence[0], position - 40)
    words = text[start:position]
    cut = max(words.rfind(c) for c in "0123456789;)")
    start += cut + 1
    return Keyword(start, start, "-")


class Assigner:
    """Gives a value's :class:`Item` its keyword, within the value's sentence (``sentence``)."""

    def __init__(self, spec: dict, vocabulary: Vocabulary, count: re.Pattern):
        self.vocabulary = vocabulary
        self.count = count
        # any number, with its count unit when it has one (units hold digits: "10^9", "mm3");
        # the count's own groups are renamed so that the two alternatives do not clash
        self.item = regex_cache.compile("(?P<count>" + spec["number"].replace("?P<number>", "?:") + r"\s*" + spec["unit"].replace("?P<", "?P<u_") + ")|" + spec["number"], re.VERBOSE)
        self.respectively = regex_cache.compile(spec["respectively"], re.IGNORECASE)
        self.not_a_count_before = regex_cache.compile(spec["not_a_count_before"], re.IGNORECASE)
        self.sentence_end = regex_cache.compile(spec["sentence_end"])
        self.max_distance = int(spec.get("max_keyword_distance", 250))

    def sentence(self, text: str, position: int) -> tuple[int, int]:
        """(start, end) of the sentence around ``position`` (ended by the patterns'
        ``sentence_end``), at most 1000 characters either way."""
        start = low = max(0, position - 1000)
        for boundary in self.sentence_end.finditer(text, low, position + 1):
            if boundary.end() <= position:
                start = boundary.end()
        following = self.sentence_end.search(text, position, position + 1000)
        end = following.start() if following else min(len(text), position + 1000)
        return start, end

    def context(self, text: str, position: int) -> tuple[tuple[int, int], list[Keyword]]:
        """The sentence around ``position`` and the keywords near it in that sentence."""
        start, end = self.sentence(text, position)
        window = (max(start, position - self.max_distance), min(end, position + self.max_distance))
        return (start, end), self.vocabulary.keywords_in(text, *window)

    def assigned(self, text, item: Item, sentence, keywords: list[Keyword]) -> tuple[Keyword | None, bool]:
        """The keyword the value belongs to, and whether it was found by list position in a
        "respectively" sentence."""
        start, end = sentence
        before = [k for k in keywords if k.end <= item.start]
        if not before:
            return None, False
        nearest = before[-1]
        respectively = self.respectively.search(text, item.end, end)
        if respectively and not any(item.end <= k.start <= respectively.start() for k in keywords):
            by_name = self._listed_by_name(text, item, start, respectively.start(), keywords)
            if by_name is not None:
                return by_name[0], True
            # "WBC, absolute neutrophils and monocytes were 178.1, 172.7 and 4.2 k/µL, respectively"
            values, previous_end = [], None
            for match in self.item.finditer(text, nearest.end, respectively.start()):
                # "2% (176/µL)": the bracketed value restates the one before it
                if previous_end is None or not RESTATED.fullmatch(text, previous_end, match.start()):
                    values.append(match.start())
                previous_end = match.end()
            count = min(len(values), len(before))
            if count > 1 and item.start in values[-count:]:
                return before[-count:][values[-count:].index(item.start)], True
        return nearest, False

    def _listed_by_name(self, text: str, item: Item, start: int, stop: int,
                        keywords: list[Keyword]) -> tuple[Keyword | None] | None:
        """In "HbA1c, WBC, RBC, Ht value and ferritin were 5.6%, 4,000/µL, 438 x 104/µL, 39.4% and
        169 ng/mL, respectively", the name in the list position of the value, counting every
        name of the list (also those caselit does not read: HbA1c, Ht): (its keyword,) or (None,)
        when the name at that position is none of ``keywords``. None when the names and the
        values do not pair up one to one (then the keywords alone are paired)."""
        values, previous_end, depth = [], None, 0
        first = None
        for match in self.item.finditer(text, start, stop):
            if not any(k.end <= match.start() for k in keywords):
                continue  # a number before the list of names ("On day 3, ...")
            if first is None:
                first = match.start()
            between = text[previous_end if previous_end is not None else first:match.start()]
            depth = max(0, depth + between.count("(") + between.count("[") - between.count(")") - between.count("]"))
            previous_end = match.end()
            if depth == 0:  # "4,000/µL (Neut/Lymp=1.19)": a bracketed number restates or details
                values.append(match.start())
        if first is None or item.start not in values:
            return None
        names_text = LIST_VERB.sub("", text[start:first])
        names = [n for n in LIST_SPLIT.split(names_text) if n.strip()]
        if len(names) != len(values) or len(names) < 2:
            return None
        offsets, cursor = [], start
        for name in names:
            cursor = text.index(name, cursor)
            offsets.append((cursor, cursor + len(name)))
            cursor += len(name)
        low, high = offsets[values.index(item.start)]
        inside = [k for k in keywords if low <= k.start and k.end <= high]
        return (inside[-1] if inside else None,)

    def first_value_after(self, text: str, keyword: Keyword, first: int) -> bool:
        """True when no other value stands between the keyword and the value's list starting
        at ``first`` ("CRP 45 mg/L, D-dimer 2.5 mg/L": 2.5 is not CRP's), save a day or cycle
        number ("CRP on day 3 was 45 mg/L") and the value restated in brackets ("(85%)")."""
        last = None
        for match in self.item.finditer(text, keyword.end, first):
            if not self.not_a_count_before.search(text, max(0, match.start() - 12), match.start()):
                last = match
        return last is None or RESTATED.fullmatch(text, last.end(), first) is not None

    def label_inside(self, text: str, item: Item) -> Keyword | None:
        """The analyte's name written inside a value's own unit, between the number and the volume
        ("24,500 white blood cells (WBC)/mm3", "9.8 × 10^9 leucocytes/L"), as a keyword standing at
        the value: the unit itself says which cells it counts. None when the unit names none (or only
        "cells")."""
        if not item.has_own_unit(self.count, text):
            return None
        inside = self.vocabulary.keywords_in(text, item.end, item.unit_end)
        return Keyword(item.start, item.start, inside[0].family) if inside else None

    def label_after(self, text: str, item: Item) -> Keyword | None:
        """The analyte's name written right after a value's own unit, with no value of its own
        ("1,300 /µL WBC, 30,000 /µL platelets", "dropped to 1.8 × 10^9/L leukocytes"), as a
        keyword standing at the value; None otherwise. Only spaces may stand between (a tab is
        the next cell of a table)."""
        if not item.has_own_unit(self.count, text):
            return None
        after = self.vocabulary.keyword_after(text, item)
        if after is None or "\t" in text[item.unit_end : after.start] or self.vocabulary.value_follows(text, after):
            return None
        return Keyword(item.start, item.start, after.family)
