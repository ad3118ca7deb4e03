"""The sex of a person word in the singular or the plural ("sisters", "daughters", "ladies"), for the
ages and sexes a report of several patients tells together (``series_groups.py``,
``series_age_lists.py``, ``series_ages_in_order.py``)."""
from __future__ import annotations

from pipeline.nlp.sections.patient_common import PERSON_SEX


# Person words the sections component's PERSON_SEX leaves out, and plurals not made with an "s".
POLITE_PERSON_SEX = {"lady": "female", "gentleman": "male"}
IRREGULAR_SINGULAR = {"men": "man", "women": "woman", "ladies": "lady", "gentlemen": "gentleman"}


def person_sex(word: str) -> str | None:
    """The sex of a person word in the singular or the plural ("sisters", "daughters", "ladies"), or None."""
    word = word.lower()
    singular = IRREGULAR_SINGULAR.get(word, word.removesuffix("s"))
    return PERSON_SEX.get(word) or PERSON_SEX.get(singular) or POLITE_PERSON_SEX.get(singular)


def sex_of_person_word(word: str) -> str:
    """The sex of a listed person word ("women", "girls", "sisters", "daughters", "ladies"; else "male")."""
    return person_sex(word) or "male"
