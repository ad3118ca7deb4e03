from spacy.language import Language

from pipeline.nlp.measures.measures import MeasureMatcher

DEFAULT_CONFIG = {
    "patterns": "patterns/measures.toml",
    "keywords": "measures/keywords.tsv",
    "analytes": "measures/analytes.tsv",
    "unitless": True,
}


@Language.factory("caselit_measures", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str, keywords: str, analytes: str, unitless: bool) -> MeasureMatcher:
    return MeasureMatcher(nlp, name, patterns=patterns, keywords=keywords, analytes=analytes, unitless=unitless)
