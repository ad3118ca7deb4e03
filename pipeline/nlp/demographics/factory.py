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


@Language.factory("caselit_demographics", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str, sex_words: str, anatomy: bool) -> DemographicsMatcher:
    return DemographicsMatcher(nlp, name, patterns=patterns, sex_words=sex_words, anatomy=anatomy)
