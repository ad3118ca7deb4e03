"""Finds relative time expressions: "68 days after the operation", "two months after
laparoscopic radical hysterectomy", "five months postoperatively", "on the following day",
"one week later", "on postoperative day 5", "hospital day 20".

The patterns in ``models/patterns/timing.toml`` are tried in order, only in windows around
time-unit words (a cheap ``str.find`` scan); an earlier pattern wins where two overlap. The
event an expression counts from is read after its relation word ("after the operation" -> "the
operation"); an expression with none ("one week later") counts from the event narrated before
it. Turning them into dates needs the events' dates: see ``pipeline.cases.timeline``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding, fill_template
from pipeline.nlp.text import anchor_windows, lower_text
from pipeline.nlp.timing.model import RelativeDate
from pipeline.resources import read_patterns

GROUP = "timing"
LABEL = "RELATIVE_DATE"
WORD = regex_cache.compile(r"\S+")


class TimingMatcher(Component):
    """Puts relative time expressions in ``doc.spans["timing"]`` with a :class:`RelativeDate`
    in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_timing")
    >>> doc = nlp("She was discharged 7 days after the operation. One week later, the fever recurred.")
    >>> [(v.amount, v.unit, v.direction, v.anchor_text) for v in (s._.value for s in doc.spans["timing"])]
    [(7.0, 'day', 'after', 'the operation'), (1.0, 'week', 'after', '')]
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_timing", patterns: str = "patterns/timing.toml"):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        self.numbers = {re.sub(r"\s+", " ", k.lower()): float(v) for k, v in spec["numbers"].items()}
        self.ordinals = {k.lower(): int(v) for k, v in spec["ordinals"].items()}
        self.units = {k.lower(): v for k, v in spec["units"].items()}
        tens = [k for k, v in self.numbers.items() if v >= 20 and v % 10 == 0]
        ones = [k for k, v in self.numbers.items() if 1 <= v <= 9 and k not in {"a", "an"}]
        words = sorted(self.numbers, key=len, reverse=True)
        amount = (
            r"(?P<amount>\d{1,3}(?:\.\d+)?|(?:" + "|".join(tens) + r")[\s\-]+(?:" + "|".join(ones) + r")\b|"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            + r")(?P<half1>\s+and\s+a\s+half)?"
        )
        unit = r"(?P<unit>" + "|".join(sorted(self.units, key=len, reverse=True)) + r")(?![a-z])"
        ordinal = r"(?:" + "|".join(sorted(self.ordinals, key=len, reverse=True)) + r")"
        parts = {"AMOUNT": amount, "UNIT": unit, "ORDINAL": ordinal}
        self.patterns = []
        for row in spec["pattern"]:
            regex = fill_template(row["regex"], parts)
            self.patterns.append((row, regex_cache.compile(regex, re.IGNORECASE | re.VERBOSE)))
        self.stems = [s.lower() for s in spec["stems"]]
        self.window_before = int(spec["window_before"])
        self.window_after = int(spec["window_after"])
        self.not_a_point_before = regex_cache.compile(spec["not_a_point_before"])
        self.anchor_end = regex_cache.compile(spec["anchor_end"])
        self.anchor_max_words = int(spec["anchor_max_words"])
        self.before = regex_cache.compile(spec["before_relation"], re.IGNORECASE)
        self.clause_start = regex_cache.compile(spec["clause_start"])
        self.anchor_word_events = {event: tuple(prefixes) for event, prefixes in spec["anchor_word_events"].items()}

    def find(self, doc: Doc, text: str):
        """Each relative time as a :class:`Finding`, normalised as it is found: an earlier
        pattern's expression takes its characters from the later patterns."""
        if not text:
            return
        windows = anchor_windows(lower_text(text), self.stems, self.window_before, self.window_after)
        taken = bytearray(len(text))
        for row, pattern in self.patterns:
            for window_start, window_end in windows:
                for match in pattern.finditer(text, window_start, window_end):
                    if any(taken[match.start() : match.end()]):
                        continue
                    if self.not_a_point_before.search(text, max(0, match.start() - 25), match.start()):
                        continue
                    value, end = self._value(text, match, row)
                    if value is None:
                        continue
                    taken[match.start() : end] = b"\x01" * (end - match.start())
                    yield Finding(match.start(), end, LABEL, value)

    def _value(self, text: str, match: re.Match, row: dict) -> tuple[RelativeDate | None, int]:
        groups = match.groupdict()
        if "amount" in row:
            amount = float(row["amount"])
        else:
            amount = self._amount(groups.get("amount") or groups.get("amount2") or "")
            if amount is None:
                return None, match.end()
        if groups.get("half1") or groups.get("half"):
            amount += 0.5
        amount = max(0.0, amount + float(row.get("offset", 0)))
        unit = self.units.get((groups.get("unit") or groups.get("unit2") or row.get("unit") or "").lower())
        if unit is None:
            return None, match.end()
        relation = groups.get("relation")
        before = groups.get("earlier") or (relation and self.before.match(relation))
        direction = row.get("direction") or ("before" if before else "after")
        end = match.end()
        if row.get("anchor"):
            anchor = row["anchor"]
        elif groups.get("anchor_word"):
            anchor = self._anchor_word(groups["anchor_word"])
        elif relation:
            anchor, end = self._anchor(text, match.end())
        else:
            anchor = ""
        return RelativeDate(amount, unit, direction, anchor, text[match.start() : end]), end

    def _amount(self, text: str) -> float | None:
        text = re.sub(r"\s+", " ", text.strip().lower())
        if not text:
            return None
        if text[0].isdigit():
            digits = re.match(r"\d+(?:\.\d+)?", text)
            return float(digits.group()) if digits else None
        if text in self.numbers:
            return self.numbers[text]
        ordinal = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", text)
        if ordinal in self.ordinals:
            return float(self.ordinals[ordinal])
        parts = re.split(r"[\s\-]+", text)  # "twenty-one"
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            return self.numbers[parts[0]] + self.numbers[parts[1]]
        return None

    def _anchor_word(self, word: str) -> str:
        """"postoperatively" -> "operation", "postpartum" -> "delivery", "post-chemotherapy" ->
        "chemotherapy", "hospital" -> "admission" (``anchor_word_events`` of the patterns)."""
        word = re.sub(r"^post[\s\-]?", "", word.lower())
        return next((event for event, prefixes in self.anchor_word_events.items() if word.startswith(prefixes)), word)

    def _anchor(self, text: str, position: int) -> tuple[str, int]:
        """The event named after a relation word, and where it ends: up to the first
        punctuation mark, conjunction, subject or number, at most a few words ("the
        operation", "laparoscopic radical hysterectomy"); "" when none is named."""
        stretch = text[position : position + 160]
        skip = self.clause_start.match(stretch.lstrip())
        start = len(stretch) - len(stretch.lstrip()) + (skip.end() if skip else 0)
        stop = self.anchor_end.search(stretch, start)
        stretch = stretch[: stop.start() if stop else len(stretch)]
        words = list(WORD.finditer(stretch))[: self.anchor_max_words]
        if not words:
            return "", position
        return stretch[words[0].start() : words[-1].end()], position + words[-1].end()
