"""Section headings that a scraped page glued to the text around them, put back on a line of
their own ("BackgroundAlthough ...", "... chemotherapy.Case 2: A 48-year-old ...",
"Background:Kawasaki disease ...").

A page whose bold heading lost its line break reads as one run of text: the section tracker
sees no heading, a structured abstract stays in its "Background" and its patient is left
empty, a second patient runs into the first. The headings are in
``models/ingest/glued_headings.toml``. A heading is taken for glued only when written as one
(Capitalised or UPPER CASE, at a line's start or after a sentence's end) and it touches the
sentence before it or the capitalised word after it with no space between; a heading with its
spaces is left as it is, and so is a heading word inside a sentence ("... in the study.Results
were ..." has no glued heading: "Results" is followed by a space and a lower-case word).

The same lost spacing runs a patient's age phrase into the words beside it ("We present
a52-year-old woman", "a healthy 7-year-oldWhite female"): the age is then no age for the
demographics and its sentence no patient cue for the section tracker; ``separate_glued_ages``
puts the space back (``models/ingest/glued_words.toml``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.resources import read_patterns

_PATTERNS = "ingest/glued_headings.toml"
_WORDS = "ingest/glued_words.toml"


@lru_cache(maxsize=1)
def _glued() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = read_patterns(_PATTERNS)
    forms = []
    for name in sorted(data["headings"], key=len, reverse=True):  # longest first
        forms += [re.escape(name[:1].upper() + name[1:]), re.escape(name.upper())]
    heading = "(?:" + "|".join(forms) + ")"
    # Glued to the sentence before: "... chemotherapy.Case 2: A", "... children.Case
    # presentation:The" (a heading with its colon, or a numbered patient label).
    before = re.compile(rf"(?<=[a-z0-9%)\]][.!?])(?P<head>{heading} ?:|{data['numbered']})(?= ?\S)")
    # Glued to the word after, at a line's start or after a sentence's end: "BackgroundAlthough",
    # "Case presentationCase 1:", "Background:Kawasaki".
    after = re.compile(
        rf"(?:^|(?<=[.!?)\]\"'’”]) ?)(?P<head>{heading})(?:(?P<colon> ?:)(?=\S)|(?=[A-Z][a-z]|[A-Z]{{2}}|[AI] |Case ?\d))",
        re.MULTILINE,
    )
    # A numbered patient label at a line's start or after a sentence's end glued to its first
    # word: "Patient 2A previously well 24-year-old man" (models: numbered_glued).
    label = re.compile(rf"(?:^|(?<=[.!?)\]]) )(?P<head>{data['numbered_glued']})", re.MULTILINE)
    return before, after, label


def _split_after(match: re.Match) -> str:
    lead = "" if match.start() == 0 or match.string[match.start() - 1] == "\n" else "\n"
    colon = match.groupdict().get("colon") or ""
    return f"{lead}{match.group('head')}{colon.strip()}\n"


def separate_glued_headings(text: str) -> str:
    """``text`` with glued section headings on lines of their own.

    >>> separate_glued_headings("BackgroundAlthough it is rare.Case presentationCase 1: A 63-year-old woman.")
    'Background\\nAlthough it is rare.\\nCase presentation\\nCase 1: A 63-year-old woman.'
    >>> separate_glued_headings("She died.Case 2: A 48-year-old woman. Results were poor.")
    'She died.\\nCase 2: A 48-year-old woman. Results were poor.'
    >>> separate_glued_headings("She was weaned on day 9.\\nPatient 2A previously well 30-year-old man.")
    'She was weaned on day 9.\\nPatient 2\\nA previously well 30-year-old man.'
    >>> separate_glued_headings("Patient 2A was the proband's brother.")
    "Patient 2A was the proband's brother."
    """
    before, after, label = _glued()
    text = before.sub(lambda m: "\n" + m.group("head"), text)
    text = after.sub(_split_after, text)
    return label.sub(_split_after, text)


@lru_cache(maxsize=1)
def _glued_age() -> tuple[re.Pattern, re.Pattern]:
    data = read_patterns(_WORDS)
    words = "|".join(sorted(map(re.escape, data["before"]), key=len, reverse=True))
    # "a52-year-old", "aged52 years": the word before the number keeps its place, a space follows
    before = re.compile(rf"\b(?P<word>{words})(?={data['number_unit']})")
    # "7-year-oldWhite", "45 years oldMale": the age phrase, then a space before the next word
    after = re.compile(rf"(?<![\w.,])(?P<age>{data['number_unit']}{data['old']})(?=[A-Z][a-z])")
    return before, after


def separate_glued_ages(text: str) -> str:
    """``text`` with the space put back where a page ran a patient's age phrase into the word
    before or after it (``models/ingest/glued_words.toml``).

    >>> separate_glued_ages("We present a52-year-old woman.")
    'We present a 52-year-old woman.'
    >>> separate_glued_ages("Susie is a previously healthy 7-year-oldWhite female.")
    'Susie is a previously healthy 7-year-old White female.'
    >>> separate_glued_ages("The data52 years ago and a 40-year-old man; the threshold was 5 years.")
    'The data52 years ago and a 40-year-old man; the threshold was 5 years.'
    """
    before, after = _glued_age()
    text = before.sub(lambda m: m.group("word") + " ", text)
    return after.sub(lambda m: m.group("age") + " ", text)
