from spacy.language import Language

from pipeline.nlp.dates.dates import DateMatcher

DEFAULT_CONFIG = {"patterns": "patterns/dates.toml"}

# The class is the factory; it reads the text alone (no other pipe needed).
create_component = Language.factory(
    "caselit_dates",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
)(DateMatcher)
