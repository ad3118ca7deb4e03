"""Finds ages ("a 40-year-old", "aged 54", "a 7-month-old") and sex words ("woman", "she",
"G2P1", "hysterectomy") of the persons a case report speaks of."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import WORD_CHARS, Component, Finding, fill_template, unfound_span
from pipeline.nlp.demographics.model import Age, Sex
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.text import anchor_windows, lower_text
from pipeline.resources import read_patterns, read_table

GROUP = "demographics"
MAX_AGE_YEARS = 130
# How far before an age a list of ages coordinated with it may start ("7, 10, and 11 year-old").
COORDINATED_REACH = 60
# How far before an age a birth clause naming the parent may begin ("An infant was born via vaginal
# delivery at 36 weeks of gestation to a 17-year-old woman": [age] parent_before).
PARENT_WINDOW = 160
WORD = regex_cache.compile(r"[A-Za-z][A-Za-z-]*")
DASHES = regex_cache.compile(r"[-‐‑–—\s]+")
WORD_START = WORD_CHARS
UPPER_WORD = regex_cache.compile(r"[A-Za-z]{2,}")
CLAUSE_END = regex_cache.compile(r"[,.;:!?()\[\]\n]")
OF_AGE = regex_cache.compile(r"of\s+age$", re.IGNORECASE)
STATED_BEFORE = regex_cache.compile(r"\b(?:was|is|were|became|becomes|turned|be|being)\s+$", re.IGNORECASE)


class DemographicsMatcher(Component):
    """Puts ages (label ``AGE``, an :class:`Age`) and sex words (label ``SEX``, a :class:`Sex`)
    in ``doc.spans["demographics"]``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_demographics")
    >>> doc = nlp("A 40-year-old woman presented; her 7-month-old son was well.")
    >>> [(s.label_, s._.value.years) for s in doc.spans["demographics"] if s.label_ == "AGE"]
    [('AGE', 40.0), ('AGE', 0.58)]
    >>> [(s._.value.sex, s._.value.evidence) for s in doc.spans["demographics"] if s.label_ == "SEX"]
    [('female', 'word'), ('female', 'pronoun'), ('male', 'relative')]
    """

    group = GROUP

    def __init__(
        self,
        nlp: Language,
        name: str = "caselit_demographics",
        patterns: str = "demographics/patterns.toml",
        sex_words: str = "demographics/sex.tsv",
        anatomy: bool = False,
    ):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        age = spec["age"]
        self.number_words = {k.lower(): v for k, v in spec["number_words"].items()}
        self.unit_years = spec["unit_years"]
        self.fractions = spec["fractions"]
        number = self._number_pattern(age["digits"])
        # lower-case patterns run on the lower-cased text without IGNORECASE (much faster in re)
        # "{months_part}": the months of an age given in years and months, one grammar for every form
        parts = {"number": number, "months_part": age.get("months_part", "(?!)")}
        self.age_patterns = [regex_cache.compile(fill_template(p, parts)) for p in age["patterns"]]
        self.age_stems = age["stems"]
        self.age_before_stem = age["before_stem"]
        # an age starts with a digit, a number word, "age", or a person word ("a woman (54 years)")
        self.age_first_chars = set("0123456789a") | {w[0] for w in self.number_words} | set("wmlgfbp")
        self.age_exclude_before = regex_cache.compile(age["exclude_before"], re.IGNORECASE)
        # the numbers of a list coordinated before an age ("74 and 45 years-old"): digits or number words
        bare = "|".join(sorted(self.number_words, key=len, reverse=True))
        self.bare_number = regex_cache.compile(rf"\d{{1,3}}(?:\.\d+)?|\b(?:{bare})\b", re.IGNORECASE)
        self.coordinated_before = regex_cache.compile(
            fill_template(age.get("coordinated_before", "(?!)"), {"bare_number": self.bare_number.pattern}), re.IGNORECASE)
        self.age_exclude_after = regex_cache.compile(age["exclude_after"], re.IGNORECASE)
        self.at_age_before = regex_cache.compile(age["at_age_before"], re.IGNORECASE)
        self.at_age_presents_after = regex_cache.compile(age.get("at_age_presents_after", "(?!)"), re.IGNORECASE)
        self.at_age_presents_before = regex_cache.compile(age.get("at_age_presents_before", "(?!)"), re.IGNORECASE)
        self.parent_before = regex_cache.compile(age.get("parent_before", "(?!)"), re.IGNORECASE)
        self.parent_presents = regex_cache.compile(age.get("parent_presents", "(?!)"), re.IGNORECASE)
        self.parent_presents_blocker = regex_cache.compile(age.get("parent_presents_blocker", "(?!)"))
        self.parent_article = regex_cache.compile(age.get("parent_article", "(?!)"))
        self.kin_of_before = regex_cache.compile(age.get("kin_of_before", "(?!)"), re.IGNORECASE)
        self.person_window = age["person_window"]

        rows = [r for r in read_table(sex_words) if anatomy or r["evidence"] != "anatomy"]
        self.sex_words = {r["term"].lower(): r for r in rows}
        self.relatives = {t for t, r in self.sex_words.items() if r["evidence"] == "relative"}
        self.person_nouns = set(age["person_nouns"]) | {
            t for t, r in self.sex_words.items() if r["evidence"] in ("word", "relative")
        }
        # whole tokens: "40-year-old-woman" is one scispaCy token (the AGE value names the woman),
        # "male-to-female" too (not a person)
        # (patterns tokenised as written: "Mr." is one token, "mr." two; kept in the build cache)
        self.sex_matcher = phrase_matcher(nlp, "LOWER", lambda: [("SEX", [row["term"] for row in rows])],
                                          disk_cache.data_key([sex_words], __file__, f"anatomy={anatomy}"))
        sex = spec["sex"]
        self.sex_exclude_before = regex_cache.compile(sex["exclude_before"], re.IGNORECASE)
        self.sex_exclude_after = regex_cache.compile(sex["exclude_after"], re.IGNORECASE)
        self.plural_after = regex_cache.compile(sex["plural_after"], re.IGNORECASE)
        counted = sex.get("counted_before"), sex.get("counted_after")
        self.counted = tuple(regex_cache.compile(c, re.IGNORECASE) for c in counted) if all(counted) else None
        singular = sex.get("singular_before")
        self.singular_before = regex_cache.compile(singular, re.IGNORECASE) if singular else None
        self.pronoun_exclude_after = regex_cache.compile(sex["pronoun_exclude_after"], re.IGNORECASE)
        self.pronoun_relative_before = regex_cache.compile(sex.get("pronoun_relative_before", "(?!)"))
        self.person_name_after = regex_cache.compile(sex.get("person_name_after", "(?!)"))
        self.obstetric = [regex_cache.compile(p) for p in sex["obstetric_patterns"]]  # on lower-cased text
        self.shorthand = [regex_cache.compile(p) for p in sex.get("shorthand_patterns", [])]  # on the text as written

    def _number_pattern(self, digits: str) -> str:
        tens = sorted((w for w, v in self.number_words.items() if v >= 20), key=len, reverse=True)
        units = sorted((w for w, v in self.number_words.items() if v < 10), key=len, reverse=True)
        small = sorted((w for w, v in self.number_words.items() if v < 20), key=len, reverse=True)
        words = rf"\b(?P<words>(?:{'|'.join(tens)})(?:[-‐\s]?(?:{'|'.join(units)})\b)?|(?:{'|'.join(small)})\b)"
        return f"(?:{digits}|{words})"

    def find(self, doc: Doc, text: str):
        """Ages, then sex words, each as a :class:`Finding` normalised as it is found (a finding
        matched twice is taken once)."""
        lower = lower_text(text)
        yield from self._ages(doc, text, lower)
        yield from self._sexes(doc, text, lower)

    # ages ------------------------------------------------------------------------------------

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
        report's patient (an indefinite article, then a presentation of the parent's own)."""
        if noun not in ("mother", "father") or not self.parent_article.search(before):
            return False
        after = text[end : end + 200]
        noun_end = after.lower().find(noun) + len(noun)
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

    def _person_after(self, text: str, end: int) -> str | None:
        # the person word belongs to the same phrase: stop at the first comma or bracket
        stop = CLAUSE_END.search(text, end, min(len(text), end + 80))
        for count, word in enumerate(WORD.finditer(text, end, stop.start() if stop else min(len(text), end + 80))):
            if count >= self.person_window:
                break
            lowered = word.group(0).lower()
            if lowered in self.person_nouns:
                # "a 26-year-old primigravida mother": the relative word ends the noun phrase
                following = WORD.match(text, word.end() + 1) if text[word.end() : word.end() + 1] == " " else None
                if following is not None and following.group(0).lower() in self.relatives and lowered not in self.relatives:
                    return following.group(0).lower()
                return lowered
        return None

    def _relatives_pronoun(self, text: str, start: int, sex: str) -> bool:
        """Whether the pronoun opening a sentence at ``start`` continues the sentence before it, whose
        subject is a parent or spouse of the pronoun's sex."""
        before = self.pronoun_relative_before.search(text, max(0, start - 260), start)
        if before is None:
            return False
        relative = self.sex_words.get(before.group("relative").lower())
        return relative is not None and relative["sex"] == sex

    @staticmethod
    def _in_upper_case_text(text: str, start: int, end: int) -> bool:
        """A heading in capitals ("CASE REPORT: A 40-YEAR-OLD MAN WITH") has capital words on both sides."""
        before = UPPER_WORD.findall(text, max(0, start - 25), start)
        after = UPPER_WORD.findall(text, end, end + 25)
        return bool(before) and bool(after) and before[-1].isupper() and after[0].isupper()

    # sex -------------------------------------------------------------------------------------

    def _sexes(self, doc: Doc, text: str, lower: str):
        for _, token_start, token_end in self.sex_matcher(doc):
            found = doc[token_start:token_end]
            start, end = found.start_char, found.end_char
            written = text[start:end]
            row = self.sex_words.get(written.lower())
            if row is None:
                continue
            evidence = row["evidence"]
            if len(written) > 1 and written.isupper() and not self._in_upper_case_text(text, start, end):
                continue  # "HE" staining, "HER-2", "MEN 2A", "MR" imaging, "MS"
            if evidence == "title" and not written[0].isupper():
                continue  # "5 ms"
            before = text[max(0, start - 20) : start]
            after = text[end : end + 40]
            if self.sex_exclude_before.search(before) or self.sex_exclude_after.search(after):
                continue
            if evidence == "pronoun" and self.pronoun_exclude_after.search(after):
                continue
            if evidence == "word" and written[0].isupper() and self.person_name_after.match(text, end):
                continue  # "Yanping Li1, Man Zhang2": a given name in an author list
            if evidence == "pronoun" and written[0].isupper() and self._relatives_pronoun(text, start, row["sex"]):
                evidence = "relative"  # "The mother had no ante-natal care. She gave birth at home."
            plural = row["number"] == "plural" or (evidence == "word" and bool(self.plural_after.search(after)))
            if not plural and evidence == "word" and self.counted and self.counted[0].search(before) \
                    and self.counted[1].search(after):
                plural = True  # "three patients (one male and two females)": a member of a group counted by sex
            if plural and evidence == "word" and self.singular_before and self.singular_before.search(text, max(0, start - 30), start):
                plural = False  # "a 71-year-old women presented": one person, a slip of the pen
            value = Sex(sex=row["sex"], written=written, evidence=evidence, plural=plural)
            if unfound_span(doc, start, end, "SEX") is not None:
                yield Finding(start, end, "SEX", value)
        for pattern in self.shorthand:  # "54/F", "a 60-year-old M"
            for match in pattern.finditer(text):
                start, end = match.span("sex")
                value = Sex(sex="female" if match.group("sex") == "F" else "male", written=match.group("sex"))
                if unfound_span(doc, start, end, "SEX") is not None:
                    yield Finding(start, end, "SEX", value)
        for pattern in self.obstetric:
            for match in pattern.finditer(lower):
                if match.start() and lower[match.start() - 1].isalnum():
                    continue  # inside a word
                value = Sex(sex="female", written=text[match.start() : match.end()], evidence="obstetric")
                if unfound_span(doc, match.start(), match.end(), "SEX") is not None:
                    yield Finding(match.start(), match.end(), "SEX", value)
