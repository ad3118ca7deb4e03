"""What the readers of a report's patients share (``patient_labels``, ``patient_introductions``,
``patient_announcements``, and the series of ``pipeline.cases``): the words that number a patient
("2", "two", "second", "II", "Twin B") or give a person's sex, the start of a patient's part, the
patterns file's shared pieces and its age (a sentence's bounds: ``nlp/sentences/bounds``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.base import fill_template
from pipeline.resources import read_patterns

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12,
                "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
                "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def patient_number(word: str) -> int:
    """``"2"`` → 2, ``"two"``/``"second"``/``"II"`` → 2, a letter (``"B"``, "Twin B") → 2; 0 when unknown."""
    if len(word) == 1 and "A" <= word <= "F":
        return ord(word) - ord("A") + 1
    word = "".join(word.lower().split())  # "1 st" (a numeric ordinal split by its typesetting) is "1st"
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


# The sex a person or kinship word gives ("a mother–daughter pair", "a boy and his mother").
PERSON_SEX = {"boy": "male", "man": "male", "male": "male", "son": "male", "brother": "male", "father": "male",
              "husband": "male",
              "girl": "female", "woman": "female", "female": "female", "daughter": "female", "sister": "female",
              "mother": "female", "wife": "female"}


# The last patient of a series named by its place ("The final case is a woman with ...", "The last
# patient"): a next patient however many were named before.
LAST_OF_SEVERAL = regex_cache.compile(r"(?i)the\s+(?:last|final)\b")


@dataclass(frozen=True)
class InlineStart:
    start: int
    end: int
    number: int  # 0: the next patient (introduced without a number)
    heading: str
    kind: str = "inline"  # "inline" ("Case 2" run into the text) or "introduced" ("Her sister, aged 12")


def with_persons(pattern: str, data: dict) -> str:
    """``pattern`` with the patterns file's shared pieces put in: ``{counted_subject}`` (a
    sentence whose subject is a counted group of patients), ``{persons}`` (the plural words
    for the patients), ``{authors}`` (the authors as the subject of their report) and
    ``{cancer_nouns}``/``{cancer_codes}`` (the cancers a familial report names), so that every
    pattern reads a group of patients, the authors reporting it and their cancers with one vocabulary."""
    return fill_template(pattern, {"counted_subject": data.get("counted_subject", "(?!)"),
                                   "persons": data.get("persons_plural", "(?:patients|cases)"),
                                   "authors": data.get("authors_subject", "(?:we)"),
                                   "cancer_nouns": data.get("cancer_nouns", "(?!)"),
                                   "cancer_codes": data.get("cancer_codes", "(?!)")})


@lru_cache(maxsize=None)
def optional_entry(path: str, key: str) -> re.Pattern:
    """The patterns file's ``key``, compiled once; a pattern that matches nothing when the file has none."""
    return regex_cache.compile(read_patterns(path).get(key, "(?!)"))


@lru_cache(maxsize=None)
def age_pattern(path: str) -> re.Pattern:
    """The patterns file's ``age``: a patient's age, which makes the words before it a patient described."""
    return re.compile(read_patterns(path)["age"])
