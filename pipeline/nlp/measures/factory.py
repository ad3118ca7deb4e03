from spacy.language import Language

from pipeline.nlp.measures.measures import MeasureMatcher

DEFAULT_CONFIG = {
    "patterns": "patterns/measures.toml",
    "keywords": "measures/keywords.tsv",
    "analytes": "measures/analytes.tsv",
    "unitless": True,
}

# The class is the factory; it reads the text alone (sentence ends come from its patterns).
create_component = Language.factory(
    "caselit_measures",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
)(MeasureMatcher)
