"""Finds ages ("a 40-year-old", "aged 54", "a 7-month-old") and sex words ("woman", "she",
"G2P1", "hysterectomy") of the persons a case report speaks of.

This module is the component: it reads the pattern file and the sex words and compiles them; the
ages are read in ``ages`` and the sex words in ``sexes``."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import Component, fill_template
from pipeline.nlp.demographics.ages import AgeReading
from pipeline.nlp.demographics.sexes import SexReading
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.text import lower_text
from pipeline.resources import read_patterns, read_table

GROUP = "demographics"


class DemographicsMatcher(AgeReading, SexReading, Component):
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
        self.parent_paired = regex_cache.compile(age.get("parent_paired", "(?!)"), re.IGNORECASE)
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
        self.counted_last = regex_cache.compile(sex.get("counted_last", "(?!)"), re.IGNORECASE)
        singular = sex.get("singular_before")
        self.singular_before = regex_cache.compile(singular, re.IGNORECASE) if singular else None
        self.pronoun_exclude_after = regex_cache.compile(sex["pronoun_exclude_after"], re.IGNORECASE)
        self.pronoun_relative_before = regex_cache.compile(sex.get("pronoun_relative_before", "(?!)"))
        self.person_name_after = regex_cache.compile(sex.get("person_name_after", "(?!)"))
        self.obstetric = [regex_cache.compile(p) for p in sex["obstetric_patterns"]]  # on lower-cased text
        self.shorthand = [regex_cache.compile(p) for p in sex.get("shorthand_patterns", [])]  # on the text as written

    def find(self, doc: Doc, text: str):
        """Ages, then sex words, each as a :class:`Finding` normalised as it is found (a finding
        matched twice is taken once)."""
        lower = lower_text(text)
        yield from self._ages(doc, text, lower)
        yield from self._sexes(doc, text, lower)
