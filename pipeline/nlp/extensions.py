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

for _name, _default in SPAN_DEFAULTS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

# The span groups caselit components write; the context pipe qualifies all of them.
FINDING_GROUPS = ("demographics", "stage", "sites", "histology", "measures", "drugs", "dates", "outcome")
