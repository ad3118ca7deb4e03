"""Finds procedures and treatment words ("laparoscopic radical hysterectomy", "pelvic and
para-aortic lymphadenectomy", "external irradiation to a dose of 45 Gy in 25 fractions", "two
courses of chemotherapy", "leukapheresis") with their approach, setting, dose and cycles.

Names come from a lexicon (``models/procedures/procedures.tsv``) matched on words, whatever
the tokenizer: scispaCy keeps "hysterectomy+bilateral" or "dissection/" as one token, so the
text is read word by word (runs of letters and digits; spaces, hyphens and apostrophes between
the words of a name) and the longest name starting at a word wins. The words just before a
name give its approach ("laparoscopic", "robotic-assisted"), its setting ("neoadjuvant") or a
longer name ("total" + "laparoscopic" + "hysterectomy" -> total hysterectomy, laparoscopic).
Negation and hypothetical mentions ("radiotherapy was recommended") are left to the context
component. Patterns are in ``models/procedures/patterns.toml``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding, fill_template
from pipeline.nlp.procedures.details import ProcedureDetails
from pipeline.nlp.procedures.lexicon import WORD, Found, load_lexicon
from pipeline.nlp.text import lower_text, sentence_bounds
from pipeline.resources import read_patterns

GROUP = "procedures"
LABEL = "PROCEDURE"
# What may stand between two words of one name: spaces, hyphens, an apostrophe, a slash.
JOINERS = frozenset(" \t\n\r\u00a0-‐‑‒–—'’/")
NEXT_WORD = regex_cache.compile(r"[ \t\n\r\u00a0\-‐‑‒–—'’/]{1,3}([^\W_]+)")
FLAGS = re.IGNORECASE


class ProcedureMatcher(ProcedureDetails, Component):
    """Puts procedure mentions in ``doc.spans["procedures"]`` with a :class:`Procedure` in
    ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_procedures")
    >>> doc = nlp("She underwent laparoscopic radical hysterectomy and pelvic lymphadenectomy, "
    ...           "then external irradiation to a dose of 45 Gy in 25 fractions.")
    >>> [(s._.value.name, s._.value.kind, s._.value.approach) for s in doc.spans["procedures"]]
    [('radical hysterectomy', 'surgery', 'laparoscopic'), ('pelvic lymphadenectomy', 'surgery', None), ('external beam radiotherapy', 'radiotherapy', None)]
    >>> doc.spans["procedures"][2]._.value.dose
    '45 Gy in 25 fractions'
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_procedures", lexicon: str = "procedures/procedures.tsv",
                 patterns: str = "procedures/patterns.toml"):
        super().__init__(nlp, name)
        self.lexicon = load_lexicon(lexicon)
        spec = read_patterns(patterns)
        parts = {"number": spec["number"], "affiliation_words": spec["affiliation_words"]}
        self.approach_words = dict(spec["approach"])
        self.approach_rank = {a: i for i, a in enumerate(spec["approach_priority"])}
        self.setting_words = dict(spec["setting"])
        self.fillers = frozenset(spec["fillers"]["words"])
        self.numbers = {" ".join(k.split()): v for k, v in spec["numbers"].items()}
        compile_ = lambda key: regex_cache.compile(fill_template(spec[key], parts), FLAGS)  # noqa: E731
        self.setting_after = compile_("setting_after")
        self.approach_after = compile_("approach_after")
        self.approach_forms = [(regex_cache.compile(pattern), approach) for pattern, approach in spec["approach_after_forms"].items()]
        self.via_before = compile_("via_before")
        self.guard_after = compile_("guard_after")
        self.guard_before = compile_("guard_before")
        # a quick look for an affiliation word before running the whole pattern
        self.affiliation_hint = compile_("affiliation_words")
        self.affiliation_before = compile_("affiliation_before")
        self.affiliation_after = compile_("affiliation_after")
        self.coordinated_before = compile_("coordinated_before")
        self.prefix_word = compile_("prefix_word")
        self.rt_dose = compile_("rt_dose")
        self.rt_dose_before = regex_cache.compile(spec["rt_dose"] + spec["dose_before_tail"], FLAGS)
        self.fractions_before = compile_("fractions_before")
        self.fractions_of_procedure = compile_("fractions_of_procedure")
        self.total_cue = compile_("total_cue")
        self.dose_reach = int(spec.get("dose_reach", 160))
        self.cycles_before = compile_("cycles_before")
        self.cycles_after = compile_("cycles_after")

    def find(self, doc: Doc, text: str):
        """Lexicon names first, then each with its details (approach, setting, dose, cycles)
        as a :class:`Finding`."""
        found = self._scan(text, lower_text(text)) if text.strip() else []
        if not found:
            return
        bounds = sentence_bounds(doc, text)
        taken = set()
        for start, end, value in self._values(text, found, bounds):
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            # two procedures inside one token ("TAH-BSO") would share one span: the first is kept
            if span is None or not len(span) or (span.start_char, span.end_char) in taken:
                continue
            taken.add((span.start_char, span.end_char))
            yield Finding(start, end, LABEL, value)

    # -- finding names

    def _scan(self, text: str, lowered: str) -> list[Found]:
        found: list[Found] = []
        last_end = -1
        for word in self.lexicon.first_word.finditer(lowered):
            if word.start() < last_end:
                continue
            match = self._longest(text, lowered, word)
            if match is not None and self._allowed(text, match):
                found.append(match)
                last_end = match.end
        return found

    def _longest(self, text: str, lowered: str, first: re.Match) -> Found | None:
        """The longest name starting at word ``first``."""
        word, start = first.group(), first.start()
        lengths, names = self.lexicon.by_first[word]
        if lengths[0] > 1:
            second = NEXT_WORD.match(lowered, first.end())
            # most words that start a longer name start none here: one look at the next word
            if second is not None and (word, second.group(1)) in self.lexicon.pairs:
                words = [first]
                for following in WORD.finditer(lowered, first.end()):
                    gap = lowered[words[-1].end() : following.start()]
                    if len(words) >= lengths[0] or len(gap) > 3 or not all(c in JOINERS for c in gap):
                        break
                    words.append(following)
                keys = tuple(w.group() for w in words)
                for size in lengths:
                    if size > 1 and size <= len(words) and keys[:size] in names:
                        entry = self.lexicon.pick(names[keys[:size]], text, start, words[size - 1].end())
                        if entry is not None:
                            return Found(start, words[size - 1].end(), keys[:size], entry)
        entries = names.get((word,))
        entry = self.lexicon.pick(entries, text, start, first.end()) if entries else None
        return Found(start, first.end(), (word,), entry) if entry is not None else None

    def _allowed(self, text: str, match: Found) -> bool:
        before = text[max(0, match.start - 80) : match.start]
        # "Department of Surgery": the cheap tests first
        if (" of " in before or " for " in before) and self.affiliation_hint.search(before) \
                and self.affiliation_before.search(before):
            return False
        if self.affiliation_after.match(text, match.end):
            return False
        if "guard" in match.entry.flags:
            if self.guard_after.match(text, match.end) or self.guard_before.search(before[-30:]):
                return False
        return True
