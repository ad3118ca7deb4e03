"""Small helpers for components that find things in ``doc.text`` with regexes."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.nlp import extensions  # noqa: F401  (registers Span._.value & co.)


def char_span(doc: Doc, start: int, end: int, label: str, value=None) -> Span | None:
    """The token span covering characters [start, end), widened to token boundaries."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or not len(span):
        return None
    span._.value = value
    return span


def set_group(doc: Doc, group: str, spans) -> None:
    """Store ``spans`` in ``doc.spans[group]``, sorted, adding to what is there."""
    existing = list(doc.spans[group]) if group in doc.spans else []
    doc.spans[group] = sorted(existing + [s for s in spans if s is not None], key=lambda s: (s.start, s.end))
