from spacy.language import Language

from pipeline.nlp.procedures.procedures import ProcedureMatcher

DEFAULT_CONFIG = {"lexicon": "procedures/procedures.tsv", "patterns": "procedures/patterns.toml"}


@Language.factory("caselit_procedures", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, lexicon: str, patterns: str) -> ProcedureMatcher:
    return ProcedureMatcher(nlp, name, lexicon=lexicon, patterns=patterns)
