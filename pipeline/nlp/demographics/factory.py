from spacy.language import Language

from pipeline.nlp.demographics.demographics import DemographicsMatcher

DEFAULT_CONFIG = {
    "patterns": "demographics/patterns.toml",
    "sex_words": "demographics/sex.tsv",
    # also emit SEX spans inferred from sex-specific organs and operations (uterus, prostate);
    # off by default: those words are site findings too, and spans with the same offsets share
    # Span._.value
    "anatomy": False,
}

# The class is the factory; it reads the text and its tokens alone (no other pipe needed).
create_component = Language.factory(
    "caselit_demographics",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
)(DemographicsMatcher)
