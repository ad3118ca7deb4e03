from spacy.language import Language

from pipeline.nlp.timing.timing import TimingMatcher

DEFAULT_CONFIG = {"patterns": "patterns/timing.toml"}

# The class is the factory; it reads the text alone (no other pipe needed).
create_component = Language.factory(
    "caselit_timing",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
)(TimingMatcher)
