from spacy.language import Language

from pipeline.nlp.context.context import ContextQualifier

DEFAULT_CONFIG = {"cues": "context/cues.tsv", "patterns": "patterns/context.toml"}


@Language.factory("caselit_context", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, cues: str, patterns: str) -> ContextQualifier:
    return ContextQualifier(nlp, name, cues=cues, patterns=patterns)
