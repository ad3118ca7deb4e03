from spacy.language import Language

from pipeline.nlp.timing.timing import TimingMatcher

DEFAULT_CONFIG = {"patterns": "patterns/timing.toml"}


@Language.factory("caselit_timing", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str) -> TimingMatcher:
    return TimingMatcher(nlp, name, patterns=patterns)
