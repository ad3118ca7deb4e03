from spacy.language import Language

from pipeline.nlp.stage.stage import StageMatcher

DEFAULT_CONFIG = {"patterns": "patterns/stage.toml"}


@Language.factory("caselit_stage", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str) -> StageMatcher:
    return StageMatcher(nlp, name, patterns=patterns)
