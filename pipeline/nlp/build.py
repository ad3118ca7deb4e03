"""build_nlp(): the caselit spaCy pipeline.

``spacy.blank("en")`` with scispaCy's rule tokenizer, our sentence rules, scispaCy's
abbreviation detector (its algorithm, with faster candidate search: see
``pipeline.nlp.abbreviations``), then one caselit component per family of findings, and last the
context component that qualifies every finding (section, negation, whose finding it is).
"""
from __future__ import annotations

import warnings

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from pipeline import regex_cache

# Importing the factories registers them with spaCy (entry points do the same for other
# programs that only know the names).
from pipeline.nlp.abbreviations import factory as _abbreviations  # noqa: F401
from pipeline.nlp.context import factory as _context  # noqa: F401
from pipeline.nlp.dates import factory as _dates  # noqa: F401
from pipeline.nlp.demographics import factory as _demographics  # noqa: F401
from pipeline.nlp.drugs import factory as _drugs  # noqa: F401
from pipeline.nlp.histology import factory as _histology  # noqa: F401
from pipeline.nlp.measures import factory as _measures  # noqa: F401
from pipeline.nlp.model_entities import factory as _model_entities  # noqa: F401
from pipeline.nlp.outcome import factory as _outcome  # noqa: F401
from pipeline.nlp.procedures import factory as _procedures  # noqa: F401
from pipeline.nlp.sections import factory as _sections  # noqa: F401
from pipeline.nlp.sentences import factory as _sentences  # noqa: F401
from pipeline.nlp.sites import factory as _sites  # noqa: F401
from pipeline.nlp.stage import factory as _stage  # noqa: F401
from pipeline.nlp.timing import factory as _timing  # noqa: F401

# scispaCy's abbreviation detector runs a matcher it leaves empty (W036, once per Doc) and its
# tokenizer compiles a regex Python flags; neither concerns our users. Set after spaCy's own
# filters so that these come first.
warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)
warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)

# spacy.blank() builds English's tokenizer (its exceptions and affix patterns, a tenth of a
# second) that scispaCy's replaces at once: the blank model gets one without rules instead.
# scispaCy's reads only its token_match from it, None for English as for this one.
PLACEHOLDER_TOKENIZER = "caselit.placeholder_tokenizer.v1"


@spacy.registry.tokenizers(PLACEHOLDER_TOKENIZER)
def placeholder_tokenizer():
    return lambda nlp: Tokenizer(nlp.vocab)


FINDING_PIPES = (
    "caselit_demographics",
    "caselit_stage",
    "caselit_sites",
    "caselit_histology",
    "caselit_measures",
    "caselit_drugs",
    "caselit_dates",
    "caselit_timing",
    "caselit_outcome",
    "caselit_procedures",
)


def blank_nlp() -> Language:
    """A blank English model with scispaCy's rule tokenizer and no pipe."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": PLACEHOLDER_TOKENIZER}}})
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    # Reports longer than spaCy's default are split into chunks before they reach the
    # pipeline (see pipeline.api); the limit itself is only a memory guard.
    nlp.max_length = 2_000_000
    return nlp


def build_nlp(abbreviations: bool = True, model: str | None = None) -> Language:
    """The full caselit pipeline on a blank English model (no trained weights needed).

    ``model``: an installed spaCy/scispaCy NER pipeline (package name or path, e.g.
    ``en_ner_bc5cdr_md``) whose CHEMICAL and DISEASE entities are added as drug and
    histology candidates; without it, nothing depends on a trained model.
    """
    nlp = blank_nlp()
    nlp.add_pipe("caselit_sentences")
    if abbreviations:
        nlp.add_pipe("caselit_abbreviations")
    nlp.add_pipe("caselit_sections")
    for name in FINDING_PIPES:
        nlp.add_pipe(name)
    if model:
        nlp.add_pipe("caselit_model_entities", config={"model": str(model)})
    nlp.add_pipe("caselit_context")
    # the short patterns compiled on the way are kept together for the next start
    regex_cache.save()
    return nlp
