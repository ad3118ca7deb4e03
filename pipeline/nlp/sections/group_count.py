"""How many patients a report names as a group in its title or opening, read from the words of
the group alone ("three clinical cases of ...", "Two military men", "identical twins", "a mother
and infant"), for reports whose announcement no authors' verb of ``announced`` reads.

The patterns are ``group_count``, ``group_pair`` and the three exclusion lists of
``models/sections/patients.toml``: a relative's count ("her two sisters"), a subgroup ("of these,
four patients") and a count of the literature ("only two cases have been reported") are no
group of the report's own patients.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.base import fill_template
from pipeline.nlp.sections.heading_lines import after_discussion_heading
from pipeline.nlp.sentences.bounds import sentence_end_after, sentence_start_before
from pipeline.resources import read_patterns

COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@lru_cache(maxsize=None)
def _group_patterns(path: str) -> dict[str, re.Pattern]:
    data = read_patterns(path)
    return {"count": re.compile(fill_template(data["group_count"], {"persons": data["persons_plural"]})),
            "pair": re.compile(data["group_pair"]),
            "not_after": re.compile(data["group_count_not_after"]),
            "not_before": re.compile(data["group_count_not_before"]),
            "literature": re.compile(data["group_count_literature"]),
            "one_told": re.compile(data["group_one_told"]),
            "citation": re.compile(data["citation"]),
            "age": re.compile(data["age"]),
            "reach": int(data["announced_reach"])}


def _sentence(text: str, start: int, end: int) -> str:
    return text[sentence_start_before(text, start):sentence_end_after(text, end)]


def _not_the_reports(text: str, match: re.Match, patterns: dict) -> bool:
    """Whether a group named in the text is the literature's or another article's: its sentence
    speaks of published cases or is followed by a citation ("Similar articles ... report of two
    cases. Smith J. J Clin Oncol. 2004;22:1-5"), it stands under a heading of the discussion, or it
    opens its sentence after a patient was already presented with an age ("A 45-year-old man had
    rectal cancer. ... Five patients received cyclophosphamide"; "Both patients had ..." names the
    patients already told), or the next sentence picks one patient from it ("3 cases were diagnosed in our
    center. We present here the latest case"), or a pair named anywhere after it ("A 24-year-old woman ... Both mother and
    baby had a smooth recovery": her pregnancy's child)."""
    sentence = _sentence(text, match.start(), match.end())
    if patterns["literature"].search(sentence) or after_discussion_heading(text, match.start()):
        return True
    if one_of_group_told(text, match.end()):
        return True
    after = text[match.end():match.end() + len(sentence) + CITATION_REACH]
    if patterns["citation"].search(sentence) or patterns["citation"].search(after):
        return True
    if match.groupdict().get("both"):  # "Both patients had ..." after the first one's age: the two already told
        return False
    told = patterns["age"].search(text, 0, match.start()) is not None
    if told and PARENT_AND_CHILD.match(match.group()):  # "Both mother and baby had a smooth recovery" after her age
        return True
    opens = not text[max(0, match.start() - len(sentence)):match.start()].strip() or sentence.lstrip().startswith(match.group())
    return opens and told


def one_of_group_told(text: str, group_end: int, path: str = "sections/patients.toml") -> bool:
    """Whether the sentence after the one a group of patients ends in picks one patient from the
    group ("Over 15 years, 3 cases of T-PLL were diagnosed in our center. We present here the latest
    case."): the report tells that one, the group is a tally.

    >>> text = "Three cases were diagnosed in our center. We present here the latest case. A man, 63."
    >>> one_of_group_told(text, text.index(" cases"))
    True
    >>> text = "Three cases were diagnosed in our center. We report a case series of them."
    >>> one_of_group_told(text, text.index(" cases"))
    False
    """
    return bool(_group_patterns(path)["one_told"].match(text, sentence_end_after(text, group_end)))


# A pair of a parent and a child ("mother and baby"): after a patient's age, her pregnancy's child.
PARENT_AND_CHILD = re.compile(r"(?i)(?:mother|father|parent)\b")
# How far after a group's sentence a citation makes it another article's title.
CITATION_REACH = 40


def _whole_group(text: str, match: re.Match) -> bool:
    """Whether the count is the whole group a sentence opens on to tell its parts ("Of the four cases,
    two had direct contact with poultry"): the report's patients, not a subgroup of them."""
    return bool(WHOLE_GROUP_BEFORE.search(text, max(0, match.start() - 12), match.start())
                and WHOLE_GROUP_AFTER.match(text, match.end()))


# A blank line inside a group's words: the count and the persons stand in different blocks of the page.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# "Of the" opening a sentence (or a section's label) right before the count, and the persons and a comma after it.
WHOLE_GROUP_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)Of\s+the\s+$")
WHOLE_GROUP_AFTER = re.compile(r"(?:\s+(?:[\w-]+\s+)?(?:cases|patients|children|adults|women|men))?\s*,")


def named_group(text: str, title: str | None = None, path: str = "sections/patients.toml") -> re.Match | None:
    """The first group of the report's own patients named in the title, else in the opening of
    the text (see :func:`group_count`), or None."""
    patterns = _group_patterns(path)
    for in_title, piece in ((True, title or ""), (False, text[:patterns["reach"]])):
        found = sorted([*patterns["count"].finditer(piece), *patterns["pair"].finditer(piece)], key=lambda m: m.start())
        for match in found:
            if patterns["not_after"].search(piece, max(0, match.start() - 40), match.start()) \
                    and not _whole_group(piece, match):
                continue
            if patterns["not_before"].match(piece, match.end()):
                continue
            if PARAGRAPH_BREAK.search(match.group()):
                continue  # "Page 1 of 4\n\nCases Journal": a page counter and the journal's name, no group
            if not in_title and _not_the_reports(piece, match, patterns):
                continue
            return match
    return None


def group_count(text: str, title: str | None = None, path: str = "sections/patients.toml") -> int:
    """The size of the first group of the report's own patients named in the title, else in the
    opening of the text (2-6), else 1.

    >>> group_count("We encountered two cases of legionella pneumonia which ran a dramatic course.")
    2
    >>> group_count("", title="Embryonal cell tumors in monozygotic twin brothers")
    2
    >>> group_count("A 40-year-old woman was pregnant with twins. Her two sisters were healthy.")
    1
    >>> group_count("Only three cases have been reported so far. We describe a 52-year-old man.")
    1
    >>> group_count("Of these, four patients were younger than 33 years.")
    1
    >>> group_count("Result: Of the four cases, two had direct contact with diseased poultry.")
    4
    >>> group_count("Typhoid fever is common: each year, the disease affects at least 21.5 million persons.")
    1
    """
    match = named_group(text, title, path)
    if match is None:
        return 1
    count = match.groupdict().get("count")
    return COUNTS.get(count.lower(), 0) or int(count) if count else 2  # "both ...", a pair
