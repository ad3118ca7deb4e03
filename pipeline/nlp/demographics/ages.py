"""Reads ages ("a 40-year-old", "aged 54", "a 7-month-old", "74 and 45 years-old"): the number
and its unit in years, how the age is stated, and the person word after it (whose age it is: the
patient, a relative, a parent named in a birth clause). :class:`AgeReading` is a mixin of
:class:`~pipeline.nlp.demographics.demographics.DemographicsMatcher`, whose ``__init__`` compiles
the ``[age]`` patterns, the number words and units, and the sex words it reads with."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import WORD_CHARS, Finding, unfound_span
from pipeline.nlp.demographics.model import Age
from pipeline.nlp.text import anchor_windows

MAX_AGE_YEARS = 130
# How far before an age a list of ages coordinated with it may start ("7, 10, and 11 year-old").
COORDINATED_REACH = 60
# How far before an age a birth clause naming the parent may begin ("An infant was born via vaginal
# delivery at 36 weeks of gestation to a 17-year-old woman": [age] parent_before).
PARENT_WINDOW = 160
# Words that open another person's noun phrase after an age ("... and her sister").
POSSESSIVES = frozenset({"his", "her", "their", "its"})
WORD = regex_cache.compile(r"[A-Za-z][A-Za-z-]*")
DASHES = regex_cache.compile(r"[-‐‑–—\s]+")
WORD_START = WORD_CHARS
CLAUSE_END = regex_cache.compile(r"[.;:!?()\[\]\n]")
# Words that open another phrase after a comma ("diagnosed at 12, and a man ...", ", her husband", ", two
# sisters"): the person word after them is not the age's.
PHRASE_OPENERS = frozenset({"and", "or", "but", "with", "who", "which", "whose", "while", "when", "a", "an", "the",
                            "her", "his", "their", "its", "one", "two", "three", "four", "five", "six"})
ADJECTIVES_AFTER_COMMA = 3  # "a 26-year-old previously healthy, non-sexually active male"
OF_AGE = regex_cache.compile(r"of\s+age$", re.IGNORECASE)
STATED_BEFORE = regex_cache.compile(r"\b(?:was|is|were|became|becomes|turned|be|being)\s+$", re.IGNORECASE)


class AgeReading:
    """The ages :meth:`DemographicsMatcher.find` finds, each an :class:`Age`."""

    def _number_pattern(self, digits: str) -> str:
        tens = sorted((w for w, v in self.number_words.items() if v >= 20), key=len, reverse=True)
        units = sorted((w for w, v in self.number_words.items() if v < 10), key=len, reverse=True)
        small = sorted((w for w, v in self.number_words.items() if v < 20), key=len, reverse=True)
        words = rf"\b(?P<words>(?:{'|'.join(tens)})(?:[-‐\s]?(?:{'|'.join(units)})\b)?|(?:{'|'.join(small)})\b)"
        return f"(?:{digits}|{words})"

    def _ages(self, doc: Doc, text: str, lower: str):
        taken_until = -1
        # An age starts at a word shortly before "old", "age", "yo"...: try the patterns at those
        # word starts only (re would otherwise try them at every character of the report).
        for region_start, region_end in anchor_windows(lower, self.age_stems, self.age_before_stem, 0):
            for word in WORD_START.finditer(lower, region_start, region_end):
                if word.start() < taken_until or lower[word.start()] not in self.age_first_chars:
                    continue
                match = next((m for m in (p.match(lower, word.start()) for p in self.age_patterns) if m), None)
                if match is None:
                    continue
                # "74 and 45 years-old": the list's numbers are ages too, and what comes before the
                # list (not the list itself) says whether they are ages at all
                listed = self.coordinated_before.search(text, max(0, match.start() - COORDINATED_REACH), match.start())
                first = listed.start() if listed else match.start()
                before = text[max(0, first - 40) : first]
                after = text[match.end() : match.end() + 30]
                if self.age_exclude_before.search(before) or self.age_exclude_after.search(after):
                    continue
                years = self._years(match)
                if years is None:
                    continue
                unit = self._unit(match.groupdict().get("unit"))
                form = self._form(text, match.start(), match.end(), before)
                noun = self._person_after(text, match.end())
                row = self.sex_words.get(noun or "")
                value = Age(
                    years=years,
                    written=text[match.start() : match.end()].strip(),
                    unit=unit,
                    form=form,
                    noun=noun,
                    relative=(noun in self.relatives and not self._parent_is_patient(text, before, match.end(), noun))
                    or self.parent_before.search(text, max(0, match.start() - PARENT_WINDOW), match.start()) is not None,
                    sex=row["sex"] if row else None,
                    kin_named=noun not in self.relatives and self.kin_of_before.search(before) is not None,
                )
                for number in self.bare_number.finditer(text, first, match.start()) if listed else ():
                    listed_years = self._listed_years(number.group(), unit)
                    if listed_years is not None and unfound_span(doc, number.start(), number.end(), "AGE") is not None:
                        yield Finding(number.start(), number.end(), "AGE",
                                      replace(value, years=listed_years, written=number.group()))
                if unfound_span(doc, match.start(), match.end(), "AGE") is not None:
                    taken_until = match.end()
                    yield Finding(match.start(), match.end(), "AGE", value)

    def _listed_years(self, written: str, unit: str) -> float | None:
        """The years of a number of a coordinated list of ages, in the unit of the age after it."""
        try:
            number = float(written) if written[0].isdigit() else float(self.number_words[written.lower()])
        except (KeyError, ValueError):
            return None
        return self._in_years(number, unit)

    def _parent_is_patient(self, text: str, before: str, end: int, noun: str) -> bool:
        """"A 41-year-old mother with diabetes who presented at 33 weeks": the parent is the
        report's patient (an indefinite article, then a presentation of the parent's own, or the
        child the parent is named with, aged too: "a 45-year-old mother and her 18-year-old daughter")."""
        if noun not in ("mother", "father") or not self.parent_article.search(before):
            return False
        after = text[end : end + 200]
        noun_end = after.lower().find(noun) + len(noun)
        if self.parent_paired.match(after, noun_end):
            return True  # "a 45-year-old mother and her 18-year-old daughter": two aged patients
        presented = self.parent_presents.match(after, noun_end)
        return presented is not None and not self.parent_presents_blocker.search(after, noun_end, presented.start("verb"))

    def _form(self, text: str, start: int, end: int, before: str) -> str:
        written = text[start:end]
        if self.at_age_before.search(before):
            return "stated" if self._presents_at_age(text, start, end) else "at_age"
        if written[:3].lower() == "age":
            return "aged"
        if STATED_BEFORE.search(before) or OF_AGE.search(written):
            return "stated"
        return "adjective"

    def _presents_at_age(self, text: str, start: int, end: int) -> bool:
        """"At the age of 6 months, the girl was referred ...", "He was admitted at the age of 3
        weeks": an age "at the age of" that dates the referral or admission itself."""
        return (self.at_age_presents_after.search(text[end : end + 80]) is not None
                or self.at_age_presents_before.search(text[max(0, start - 120) : start]) is not None)

    def _years(self, match: re.Match) -> float | None:
        try:
            if match.group("digits"):
                number = float(match.group("digits")) + self.fractions.get(match.group("fraction") or "", 0.0)
            else:
                parts = [p for p in DASHES.split(match.group("words").lower()) if p]
                number = float(sum(self.number_words[p] for p in parts))
            if match.groupdict().get("half"):
                number += 0.5  # "4 and a half years old"
            if match.groupdict().get("months") and self._unit(match.groupdict().get("unit")) == "year":
                months = match.group("months").lower()  # "2 years and 3 months old", "aged 15 and 11 months"
                number += (int(months) if months.isdigit() else self.number_words[months]) / 12
        except (KeyError, ValueError, IndexError):
            return None
        return self._in_years(number, self._unit(match.groupdict().get("unit")))

    def _in_years(self, number: float, unit: str) -> float | None:
        """``number`` of ``unit`` in years (two decimals), or None outside a person's age."""
        years = number * self.unit_years[unit]
        return round(years, 2) if 0 < years <= MAX_AGE_YEARS else None

    @staticmethod
    def _unit(written: str | None) -> str:
        written = (written or "y").lower()
        if written.startswith("mo") or written == "m":  # "m" only in "6 m.o."
            return "month"
        if written.startswith("w"):
            return "week"
        if written.startswith("d"):
            return "day"
        if written.startswith("h"):
            return "hour"
        return "year"

    def _adjectives_then_person(self, text: str, comma: int, limit: int) -> bool:
        """Whether the words after a comma are adjectives of the same person and then a person word
        (``person_nouns``, the sex words): "previously healthy, non-sexually active male"."""
        for index, word in enumerate(WORD.finditer(text, comma + 1, limit)):
            lowered = word.group(0).lower()
            if index == 0 and lowered in PHRASE_OPENERS or index > ADJECTIVES_AFTER_COMMA:
                return False
            if lowered in self.person_nouns:
                return index > 0
        return False

    def _person_after(self, text: str, end: int) -> str | None:
        # the person word belongs to the same phrase: stop at the first bracket or sentence mark, and at a comma
        # unless adjectives and the person word go on after it ("a 26-year-old previously healthy, non-sexually
        # active male", "a 34-year-old, previously healthy woman")
        stop = CLAUSE_END.search(text, end, min(len(text), end + 80))
        limit = stop.start() if stop else min(len(text), end + 80)
        count, last = 0, end
        for word in WORD.finditer(text, end, limit):
            if "," in text[last:word.start()]:
                if not self._adjectives_then_person(text, text.index(",", last), limit):
                    break
                count = 0  # the words after the comma are counted from it on
            count += 1
            last = word.end()
            if count > self.person_window:
                break
            lowered = word.group(0).lower()
            if lowered in POSSESSIVES:
                break  # "aged 25 years and her younger sister": a possessive opens another person's phrase
            if lowered in self.person_nouns:
                # "a 26-year-old primigravida mother": the relative word ends the noun phrase
                following = WORD.match(text, word.end() + 1) if text[word.end() : word.end() + 1] == " " else None
                if following is not None and following.group(0).lower() in self.relatives and lowered not in self.relatives:
                    return following.group(0).lower()
                return lowered
        return None
