"""Reads sex words ("woman", "she", "Mr", "G2P1", "54/F", "hysterectomy"): which sex each
states, by what evidence (a word, a title, a pronoun, a relative, obstetric history, anatomy) and
whether it names a group. :class:`SexReading` is a mixin of
:class:`~pipeline.nlp.demographics.demographics.DemographicsMatcher`, whose ``__init__`` compiles
the sex words' matcher and the ``[sex]`` patterns it reads with."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Finding, unfound_span
from pipeline.nlp.demographics.model import Sex

UPPER_WORD = regex_cache.compile(r"[A-Za-z]{2,}")
# How far before a sex word a group counted by sex may stand ("three males and one female").
COUNTED_REACH = 40


class SexReading:
    """The sex words :meth:`DemographicsMatcher.find` finds, each a :class:`Sex`."""

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
            if not plural and evidence == "word" and self.counted_last.search(text, max(0, start - COUNTED_REACH), start):
                plural = True  # "There were three males and one female": the last of a group counted by sex
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
