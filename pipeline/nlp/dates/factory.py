from spacy.language import Language

from pipeline.nlp.dates.dates import DateMatcher

DEFAULT_CONFIG = {"patterns": "patterns/dates.toml"}


@Language.factory("caselit_dates", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str) -> DateMatcher:
    return DateMatcher(nlp, name, patterns=patterns)
