"""build_nlp(): the caselit spaCy pipeline.

``spacy.blank("en")`` with scispaCy's rule tokenizer, our sentence rules, scispaCy's
abbreviation detector (its algorithm, with faster candidate search: see
``pipeline.nlp.abbreviations``), then one caselit component per family of findings, and last the
context component that qualifies every finding (section, negation, whose finding it is).
"""
from __future__ import annotations

import warnings
from pathlib import Path

import spacy
from scispacy import consts as scispacy_consts
from scispacy import custom_tokenizer
from scispacy.consts import ABBREVIATIONS
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from pipeline import disk_cache, regex_cache

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


# scispaCy's tokenizer compiles three affix patterns of 3,000 to 15,000 characters at each
# start (a twentieth of a second). The first start on a version of spaCy and scispaCy records
# them in the build cache, with whether a Tokenizer built from them and from the exceptions
# scispaCy gives it serialises byte for byte as scispaCy's own; if so, later starts build that
# Tokenizer with the patterns from regex_cache, else they call scispaCy every time.
TOKENIZER_KIND = "tokenizer"
AFFIXES = (("prefix", "prefix_search", "search"), ("suffix", "suffix_search", "search"),
           ("infix", "infix_finditer", "finditer"))


def scispacy_tokenizer(nlp: Language) -> Tokenizer:
    """scispaCy's ``combined_rule_tokenizer(nlp)`` for a blank model (one whose tokenizer has no
    token_match, as the placeholder's), its affix patterns read from the build cache."""
    if nlp.tokenizer.token_match is not None or nlp.tokenizer.url_match is not None:
        return combined_rule_tokenizer(nlp)
    key = disk_cache.digest(TOKENIZER_KIND, spacy.about.__version__, nlp.lang, Path(__file__).read_bytes(),
                            *(Path(module.__file__).read_bytes() for module in (custom_tokenizer, scispacy_consts)))
    made: list[Tokenizer] = []

    def describe() -> dict:
        reference = combined_rule_tokenizer(nlp)
        made.append(reference)
        described = {name: [getattr(reference, attribute).__self__.pattern, getattr(reference, attribute).__self__.flags]
                     for name, attribute, _ in AFFIXES}
        rebuilt = _tokenizer_from(nlp, described)
        described["same"] = rebuilt.to_bytes(exclude=["vocab"]) == reference.to_bytes(exclude=["vocab"])
        return described

    described = disk_cache.cached(TOKENIZER_KIND, key, describe, dict, _checked_affixes)
    if made:  # built just now: scispaCy's own
        return made[0]
    return _tokenizer_from(nlp, described) if described["same"] else combined_rule_tokenizer(nlp)


def _tokenizer_from(nlp: Language, described: dict) -> Tokenizer:
    """The Tokenizer combined_rule_tokenizer makes, with the affix patterns described."""
    exceptions = nlp.Defaults.tokenizer_exceptions.copy()
    exceptions.update({abbreviation: [{ORTH: abbreviation}] for abbreviation in ABBREVIATIONS})
    affixes = {attribute: getattr(regex_cache.compile(*described[name]), method) for name, attribute, method in AFFIXES}
    return Tokenizer(nlp.vocab, exceptions, token_match=nlp.tokenizer.token_match, **affixes)


def _checked_affixes(stored: dict) -> dict:
    for name, _, _ in AFFIXES:
        pattern, flags = stored[name]
        if not isinstance(pattern, str) or not isinstance(flags, int):
            raise ValueError("not a tokenizer's affixes")
    if not isinstance(stored["same"], bool):
        raise ValueError("not a tokenizer's affixes")
    return stored


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
    nlp.tokenizer = scispacy_tokenizer(nlp)
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
