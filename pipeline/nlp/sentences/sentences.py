"""Sentence boundaries for case reports, by rule.

pysbd (scispaCy's ``pysbd_sentencizer``) re-segments the raw text with hundreds of regexes
and costs more than the whole rest of the pipeline; case reports need only a few rules:
a line break ends a sentence (headings, list items, table rows are lines), and ``.``, ``!``
or ``?`` ends one when the next token opens a sentence (upper-case letter, digit, bracket)
and the full stop does not close a known abbreviation ("Fig.", "et al.", "Dr.", "vs.").
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.resources import read_table

ENDERS = {".", "!", "?"}


class SentenceSegmenter:
    """Sets ``token.is_sent_start`` on every token.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sentences")
    >>> doc = nlp("See Fig. 2 for details. She was 40 years old.\\nCase report")
    >>> [s.text.strip() for s in doc.sents]
    ['See Fig. 2 for details.', 'She was 40 years old.', 'Case report']
    """

    def __init__(self, nlp: Language, name: str = "caselit_sentences", abbreviations: str = "sentences/abbreviations.tsv"):
        self.name = name
        self.abbreviations = {row["abbreviation"].lower() for row in read_table(abbreviations)}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Setting token.is_sent_start one by one re-checks the whole doc each time (quadratic);
        # the flags are collected and written at once.
        flags = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")  # spaCy's array type
        flags[0, 0] = 1
        start_next = False
        previous = doc[0]
        for token in doc[1:]:
            if "\n" in previous.text or "\n" in previous.whitespace_:
                start_next = True
            elif previous.text in ENDERS and self._opens_sentence(token) and not self._is_abbreviation(doc, previous.i):
                start_next = True
            previous = token
            if token.is_space and "\n" in token.text:
                # a blank-line token belongs to the sentence it ends
                start_next = True
                continue
            if start_next:
                flags[token.i, 0] = 1
            start_next = False
        doc.from_array([SENT_START], flags)
        return doc

    @staticmethod
    def _opens_sentence(token) -> bool:
        first = token.text[:1]
        return first.isupper() or first.isdigit() or first in "([\"'“‘•"

    def _is_abbreviation(self, doc: Doc, stop_index: int) -> bool:
        if stop_index == 0:
            return False
        word = doc[stop_index - 1].text.lower()
        if word in self.abbreviations:
            return True
        # "Dr.": the tokenizer sometimes keeps the stop on the word
        return len(word) == 1 and word.isalpha() and doc[stop_index - 1].whitespace_ == ""
