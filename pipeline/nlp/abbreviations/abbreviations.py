"""scispaCy's abbreviation detector (Schwartz & Hearst), with its two slow passes replaced.

scispaCy finds "long form (SF)" candidates with a token Matcher pattern ``( + )`` and then
every later use of each short form with a second token Matcher; both walk every token of
the document in Python-level state machines and cost more than tokenising. Here the
bracket pairs come from one numpy scan of the token array, and the later uses from a
PhraseMatcher; candidate filtering and the Schwartz & Hearst matching itself are scispaCy's
own functions, and the results (``doc._.abbreviations``, ``Span._.long_form``) are the same.
"""
from __future__ import annotations

from collections import defaultdict

import numpy
from scispacy.abbreviation import AbbreviationDetector, filter_matches, find_abbreviation
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

MAX_INSIDE = 8  # tokens between the brackets that scispaCy's filter_matches accepts


class FastAbbreviationDetector(AbbreviationDetector):
    """Sets ``doc._.abbreviations`` (short-form spans with ``Span._.long_form``) like scispaCy's
    ``abbreviation_detector``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_abbreviations")
    >>> doc = nlp("The white blood cell count (WBC) rose. The WBC then fell.")
    >>> [(a.text, a._.long_form.text) for a in doc._.abbreviations]
    [('WBC', 'white blood cell count'), ('WBC', 'white blood cell count')]
    """

    def __init__(self, nlp: Language, name: str = "caselit_abbreviations", make_serializable: bool = False):
        super().__init__(nlp, name, make_serializable)
        self.vocab = nlp.vocab
        self.open_id = nlp.vocab.strings.add("(")
        self.close_id = nlp.vocab.strings.add(")")

    def __call__(self, doc: Doc) -> Doc:
        doc._.abbreviations = []
        if not len(doc):
            return doc
        filtered = filter_matches(self._bracket_contents(doc), doc)
        for long_form, short_forms in self.find_matches_for(filtered, doc):
            for short in short_forms:
                short._.long_form = long_form
                doc._.abbreviations.append(short)
        if self.make_serializable:
            doc._.abbreviations = [self.make_short_form_serializable(a) for a in doc._.abbreviations]
        return doc

    def _bracket_contents(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(0, start, end) of what stands between a "(" and a later ")" — every pair, as the
        pattern ``( + )`` gives — when it is short enough for filter_matches to look at."""
        orth = doc.to_array([ORTH]).ravel()
        opens = numpy.flatnonzero(orth == self.open_id)
        if not len(opens):
            return []
        closes = numpy.flatnonzero(orth == self.close_id)
        contents = []
        for start in opens.tolist():
            low = numpy.searchsorted(closes, start + 2)
            high = numpy.searchsorted(closes, start + MAX_INSIDE + 2)
            contents.extend((0, start + 1, end) for end in closes[low:high].tolist())
        return contents

    def find_matches_for(self, filtered: list[tuple[Span, Span]], doc: Doc) -> list[tuple[Span, set[Span]]]:
        """scispaCy's find_matches_for with the second Matcher pass done by a PhraseMatcher."""
        rules: dict[str, Span] = {}
        occurrences: dict[Span, set[Span]] = defaultdict(set)
        seen_long: set[str] = set()
        seen_short: set[str] = set()
        phrases = PhraseMatcher(self.vocab, attr="ORTH")
        for long_candidate, short_candidate in filtered:
            short, long = find_abbreviation(long_candidate, short_candidate)
            if long is None or long.text in seen_long or short.text in seen_short:
                continue
            seen_long.add(long.text)
            seen_short.add(short.text)
            occurrences[long].add(short)
            rules[long.text] = long
            phrases.add(long.text, [Doc(self.vocab, words=[t.text for t in short])])
        if rules:
            for match_id, start, end in phrases(doc):
                occurrences[rules[self.vocab.strings[match_id]]].add(doc[start:end])
        return list(occurrences.items())
