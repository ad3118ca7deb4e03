"""Sentence boundaries for case reports, by rule.

pysbd (scispaCy's ``pysbd_sentencizer``) re-segments the raw text with hundreds of regexes
and costs more than the whole rest of the pipeline; case reports need only a few rules:
a line break ends a sentence (headings, list items, table rows are lines), and ``.``, ``!``
or ``?`` ends one when the next token opens a sentence (upper-case letter, digit, bracket)
and the full stop does not close a known abbreviation ("Fig.", "et al.", "Dr.", "vs.").
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.text import doc_text
from pipeline.resources import read_table

ENDERS = (".", "!", "?")
NEWLINE = regex_cache.compile("\n")
# A full stop the tokenizer leaves on a unit with a slash ("10^9/L.", "30,400/µL.", "mg/L."): it
# ends the sentence like a "." token would (else a lab value's sentence runs into the next).
UNIT_STOP = regex_cache.compile(r"/[A-Za-zµμ0-9³]{1,6}\.(?=\s)")
# A capital letter that names a drug, vitamin or virus after a lower-case word ("actinomycin D.",
# "vitamin D.", "hepatitis B."): the tokenizer keeps "D." as one token, read as an initial; after
# a lower-case word it is none (an initial follows a capitalised name: "John D. Smith").
LETTER_STOP = regex_cache.compile(r"\b[a-z]{3,} [A-Z]\.(?=\s)")


class SentenceSegmenter:
    """Sets ``token.is_sent_start`` on every token.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sentences")
    >>> doc = nlp("See Fig. 2 for details. She was 40 years old.\\nCase report")
    >>> [s.text.strip() for s in doc.sents]
    ['See Fig. 2 for details.', 'She was 40 years old.', 'Case report']
    """

    def __init__(self, nlp: Language, name: str = "caselit_sentences", abbreviations: str = "sentences/abbreviations.tsv",
                 lowercase_openers: str = "sentences/lowercase_openers.tsv"):
        self.name = name
        self.abbreviations = {row["abbreviation"].lower() for row in read_table(abbreviations)}
        self.lowercase_openers = {row["word"] for row in read_table(lowercase_openers)}
        self.enders = [nlp.vocab.strings.add(ender) for ender in ENDERS]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Only tokens holding a line break and ".", "!", "?" can end a sentence: they are found
        # in the text and the token arrays, not by building a Token object for every token.
        # The flags are written at once (setting token.is_sent_start one by one is quadratic).
        text = doc_text(doc)
        starts = doc.to_array(IDX)
        with_newline = numpy.zeros(len(doc), dtype=bool)
        newlines = [m.start() for m in NEWLINE.finditer(text)]
        if newlines:
            with_newline[numpy.searchsorted(starts, newlines, side="right") - 1] = True
        # a blank-line token belongs to the sentence it ends: it never starts one
        line_break = with_newline & doc.to_array(IS_SPACE).astype(bool)
        opens = numpy.zeros(len(doc), dtype=bool)
        opens[1:] = with_newline[:-1]
        for stop in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), self.enders)).tolist():
            after = stop + 1
            if after < len(doc) and not opens[after] and not self._is_abbreviation(doc, stop) \
                    and (self._opens_sentence(doc[after]) or self._opens_in_lower_case(doc, stop)):
                opens[after] = True
        for stop in [*UNIT_STOP.finditer(text), *LETTER_STOP.finditer(text)]:
            index = int(numpy.searchsorted(starts, stop.end() - 1, side="right")) - 1
            after = index + 1
            if 0 <= index and after < len(doc) and doc[index].text.endswith(".") and not opens[after] \
                    and self._opens_sentence(doc[after]):
                opens[after] = True
        opens &= ~line_break
        opens[0] = True
        flags = numpy.where(opens, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)  # spaCy's array type
        doc.from_array([SENT_START], flags)
        return doc

    @staticmethod
    def _opens_sentence(token) -> bool:
        first = token.text[:1]
        return first.isupper() or first.isdigit() or first in "([\"'“‘•"

    def _opens_in_lower_case(self, doc: Doc, stop_index: int) -> bool:
        """A lower-case opener after a full stop that closes a plain word of three letters or more
        ("reported. case 1 was"), not a dotted abbreviation ("1 g i.v. after surgery")."""
        if stop_index == 0 or doc[stop_index].whitespace_ == "":
            return False
        word = doc[stop_index - 1].text
        return doc[stop_index + 1].text in self.lowercase_openers and len(word) >= 3 and word.isalpha()

    def _is_abbreviation(self, doc: Doc, stop_index: int) -> bool:
        if stop_index == 0:
            return False
        word = doc[stop_index - 1].text.lower()
        if word in self.abbreviations:
            return True
        # "39.2 °C.": a temperature's unit, not an initial
        if stop_index >= 2 and word in ("c", "f") and doc[stop_index - 2].text in ("°", "º", "˚"):
            return False
        # "Dr.": the tokenizer sometimes keeps the stop on the word
        return len(word) == 1 and word.isalpha() and doc[stop_index - 1].whitespace_ == ""
