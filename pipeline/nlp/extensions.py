"""Custom attributes shared by every caselit component.

Registered when this module is imported, and every component module imports it: worker
processes of ``nlp.pipe(n_process>1)`` import the component modules when they rebuild the
pipeline, so the attributes exist there too.

- ``Span._.value``: the normalised value of a finding (a small frozen dataclass per family).
- ``Span._.section``: the section of the report the finding stands in ("case", "discussion"...).
- ``Span._.negated`` / ``hypothetical`` / ``historical``: ConText-style qualifiers.
- ``Span._.subject``: whose finding it is: "patient", "family" or "other" (literature,
  other patients, general background).
"""
from spacy.tokens import Span

SPAN_DEFAULTS = {
    "value": None,
    "section": None,
    "negated": False,
    "hypothetical": False,
    "historical": False,
    "subject": "patient",
}



def _accessors(name: str, default):
    # spaCy keys Span._ values by character offsets alone, so a SITE span and a HISTOLOGY
    # span over the same word ("HCC") would share one value; the label is part of our key.
    def key(span: Span):
        return ("caselit", name, span.label, span.start_char, span.end_char)

    def getter(span: Span):
        return span.doc.user_data.get(key(span), default)

    def setter(span: Span, value) -> None:
        span.doc.user_data[key(span)] = value

    return getter, setter


for _name, _default in SPAN_DEFAULTS.items():
    if not Span.has_extension(_name):
        _getter, _setter = _accessors(_name, _default)
        Span.set_extension(_name, getter=_getter, setter=_setter)

# The span groups caselit components write; the context pipe qualifies all of them.
FINDING_GROUPS = ("demographics", "stage", "sites", "histology", "measures", "drugs", "dates", "outcome", "procedures", "timing")
