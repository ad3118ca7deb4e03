from spacy.language import Language

from pipeline.nlp.outcome.outcome import OutcomeMatcher

DEFAULT_CONFIG = {"patterns": "outcome/outcome.toml"}


@Language.factory("caselit_outcome", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str) -> OutcomeMatcher:
    return OutcomeMatcher(nlp, name, patterns=patterns)
