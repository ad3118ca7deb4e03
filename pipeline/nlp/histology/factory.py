from spacy.language import Language

from pipeline.nlp.histology.histology import HistologyMatcher

DEFAULT_CONFIG = {"lexicon": "histology/histology.tsv", "patterns": "histology/histology.toml"}


@Language.factory("caselit_histology", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, lexicon: str, patterns: str) -> HistologyMatcher:
    return HistologyMatcher(nlp, name, lexicon=lexicon, patterns=patterns)
