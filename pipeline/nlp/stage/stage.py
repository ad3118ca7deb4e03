"""Finds FIGO stages ("FIGO IIA1", "stage IIIb", "clinical stage (FIGO IIA1)", "ⅢC1p")."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.resources import read_patterns
from pipeline.nlp.spans import char_span, set_group
from pipeline.nlp.text import doc_text
from pipeline.nlp.stage.model import Stage

GROUP = "stage"
UNICODE_ROMAN = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"}


class StageMatcher:
    """Puts FIGO stage mentions in ``doc.spans["stage"]`` with a :class:`Stage` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_stage")
    >>> doc = nlp("A FIGO stage Ib2 cervical cancer.")
    >>> [s._.value.stage for s in doc.spans["stage"]]
    ['IB2']
    """

    def __init__(self, nlp: Language, name: str = "caselit_stage", patterns: str = "patterns/stage.toml"):
        self.name = name
        spec = read_patterns(patterns)
        self.roman = re.compile(spec["lead"] + spec["stage"], re.IGNORECASE)
        self.arabic = re.compile(spec["lead"] + spec["arabic_stage"], re.IGNORECASE)
        self.arabic_context = re.compile(spec["arabic_context"], re.IGNORECASE)
        self.exclude_before = re.compile(spec["exclude_before"], re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = []
        for match in self.roman.finditer(text):
            spans.append(self._span(doc, text, match))
        for match in self.arabic.finditer(text):
            window = text[max(0, match.start() - 40) : match.end() + 40]
            if match.group("figo") and "figo" in match.group("figo").lower() or self.arabic_context.search(window):
                roman = ("I", "II", "III", "IV")[int(match.group("stage")) - 1]
                spans.append(self._span(doc, text, match, roman))
        set_group(doc, GROUP, spans)
        return doc

    def _span(self, doc: Doc, text: str, match: re.Match, stage: str | None = None):
        if self.exclude_before.search(text[max(0, match.start() - 40) : match.start()]):
            return None
        stage = UNICODE_ROMAN.get(stage or match.group("stage"), stage or match.group("stage")).upper() + (match.group("sub") or "").upper()
        figo = "figo" in (match.group("figo") or "").lower()
        value = Stage(stage=stage, figo=figo, version=match.group("version"))
        return char_span(doc, match.start("stage"), match.end("sub") if match.group("sub") else match.end("stage"), "FIGO_STAGE", value)
