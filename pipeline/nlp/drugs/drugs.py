"""Finds drug names (generic, brand, abbreviation, regimen code, misspelling) and maps them to
lowercase INN generics ("Tienam" -> imipenem + cilastatin, "TS-1" -> tegafur + gimeracil +
oteracil, "hydroxyurea" -> hydroxycarbamide)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.drugs.details import DetailReader, Mention
from pipeline.nlp.drugs.fuzzy import FuzzyMatcher
from pipeline.nlp.drugs.lexicon import FOLD, PIECE, WORD, fold, load_lexicon
from pipeline.nlp.drugs.model import Drug
from pipeline.nlp.resources import read_patterns
from pipeline.nlp.spans import set_group
from pipeline.nlp.text import doc_text, sentence_bounds

GROUP = "drugs"
LABEL = "DRUG"
SENTENCE_END = re.compile(r"[.;!?]\s|\n")


class Match(NamedTuple):
    start: int
    end: int
    generics: tuple[str, ...]
    fuzzy: bool = False
    cue: str = ""  # "", "cue" or "chemo": see lexicon.Entry
    regimen: str = ""  # the regimen code's spelling, when the name is one


class DrugMatcher:
    """Puts drug mentions in ``doc.spans["drugs"]`` with a :class:`Drug` in ``Span._.value``.

    Drug classes ("platinum-based chemotherapy", "antibiotics"), contrast agents and oxygen are
    not drugs here. Mentions are kept whatever their context (negation, other patients): the
    context component qualifies them.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_drugs")
    >>> doc = nlp("She received Tienam and cisplatin 75 mg/m2 intravenously.")
    >>> [(s.text, s._.value.generics) for s in doc.spans["drugs"]]
    [('Tienam', ('imipenem', 'cilastatin')), ('cisplatin', ('cisplatin',))]
    >>> doc.spans["drugs"][1]._.value.dose, doc.spans["drugs"][1]._.value.route
    ('75 mg/m2', 'intravenous')
    >>> doc = nlp("She received six cycles of TC chemotherapy every 3 weeks.")
    >>> value = doc.spans["drugs"][0]._.value
    >>> value.generics, value.regimen, value.cycles, value.schedule
    (('paclitaxel', 'carboplatin'), 'TC', 6, 'every 3 weeks')
    """

    def __init__(self, nlp: Language, name: str = "caselit_drugs", patterns: str = "drugs/patterns.toml", fuzzy: bool = True):
        self.name = name
        spec = read_patterns(patterns)
        self.lexicon = load_lexicon()
        flags = re.IGNORECASE
        self.details = DetailReader(spec)
        self.cues = {"cue": re.compile(spec["cue"], flags), "chemo": re.compile(spec["chemo_cue"], flags)}
        self.cue_window = int(spec.get("cue_window", 80))
        self.endogenous_after = re.compile(spec["endogenous_after"], flags)
        self.endogenous_before = re.compile(spec["endogenous_before"], flags)
        settings = spec["fuzzy"]
        self.fuzzy = (
            FuzzyMatcher(
                self.lexicon.generics,
                self.lexicon.known_words,
                settings["suffixes"],
                settings["min_length"],
                settings["max_distance"],
                settings["ending_length"],
            )
            if fuzzy
            else None
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        set_group(doc, GROUP, self._spans(doc, text, self.find(text)))
        return doc

    def find(self, text: str) -> list[Match]:
        """The drug matches of ``text`` (character offsets), without a Doc."""
        return self._check_cues(text, self._scan(text, fold(text)))

    def _scan(self, text: str, lowered: str) -> list[Match]:
        """One pass over the words: a word that starts a lexicon name is matched to the longest
        name there; a long unknown word may be a misspelt drug."""
        first_pieces = self.lexicon.first_pieces
        fuzzy_length = self.fuzzy.min_length if self.fuzzy is not None else 1 << 30
        matches: list[Match] = []
        misspelt: list[Match] = []
        last_end = -1
        for word in WORD.finditer(lowered):
            if word.start() < last_end:
                continue
            piece = word.group()
            if piece in first_pieces:
                match = self._longest(text, lowered, word.start(), piece)
                if match is not None:
                    matches.append(match)
                    last_end = match.end
            elif len(piece) >= fuzzy_length:
                generic = self.fuzzy.match(piece)
                if generic:
                    misspelt.append(Match(word.start(), word.end(), (generic,), True, ""))
        return sorted(matches + misspelt) if misspelt else matches

    def _longest(self, text: str, lowered: str, start: int, first: str) -> Match | None:
        lengths, names = self.lexicon.by_first[first]
        following = []
        for piece in PIECE.finditer(lowered, start):
            following.append(piece)
            if len(following) >= lengths[0]:
                break
        sequence = tuple(p.group() for p in following)
        for size in lengths:
            for entry in names.get(sequence[:size], ()) if size <= len(sequence) else ():
                end = following[size - 1].end()
                if entry.case and PIECE.findall(text[start:end].translate(FOLD)) != PIECE.findall(entry.written):
                    continue
                return Match(start, end, entry.generics, False, entry.cue, entry.regimen)
        return None

    def _check_cues(self, text: str, matches: list[Match]) -> list[Match]:
        """Names that are also body substances ("G-CSF") count only next to a treatment word or
        another drug, and never as "serum G-CSF level"; short codes with everyday meanings
        ("TC", "PTX") only next to a chemotherapy word."""
        if not any(m.cue for m in matches):
            return matches
        plain = [m for m in matches if not m.cue]
        kept = []
        for match in matches:
            if not match.cue:
                kept.append(match)
                continue
            before_start = max(0, match.start - self.cue_window)
            before = text[before_start : match.start]
            ends = list(SENTENCE_END.finditer(before))
            if ends:
                before_start += ends[-1].end()
                before = before[ends[-1].end() :]
            after = text[match.end : match.end + self.cue_window]
            cut = SENTENCE_END.search(after)
            if cut:
                after = after[: cut.start()]
            if self.endogenous_after.match(after) or self.endogenous_before.search(before):
                continue
            cue = self.cues[match.cue]
            if cue.search(before) or cue.search(after):
                kept.append(match)
            elif match.cue == "cue":
                after_end = match.end + len(after)
                if any(before_start <= m.start and m.end <= after_end for m in plain):
                    kept.append(match)
        return kept

    def _spans(self, doc: Doc, text: str, matches: list[Match]):
        """One span per mention; matches inside one token ("piperacillin-tazobactam" is one
        scispaCy token) are merged into one span listing all generics."""
        token_starts = doc.to_array("IDX").tolist()
        groups: list[list] = []  # [first token, end token, matches]
        for match in matches:
            # The tokens covering the match, widened to token boundaries (as char_span's
            # "expand" mode, without its scan over the whole doc).
            first = bisect_right(token_starts, match.start) - 1
            end = bisect_left(token_starts, match.end)
            if first < 0 or end <= first:
                continue
            if groups and first < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], end)
                groups[-1][2].append(match)
            else:
                groups.append([first, end, [match]])
        mentions = [
            Mention(group[0].start, group[-1].end, tuple(dict.fromkeys(g for m in group for g in m.generics)),
                    next((m.regimen for m in group if m.regimen), ""))
            for _, _, group in groups
        ]
        details = self.details.read(text, mentions, sentence_bounds(doc, text)) if mentions else []
        spans = []
        for (first, end_token, group), mention, detail in zip(groups, mentions, details):
            span = Span(doc, first, end_token, label=LABEL)
            span._.value = Drug(mention.generics, text[mention.start : mention.end], any(m.fuzzy for m in group), *detail)
            spans.append(span)
        return spans
