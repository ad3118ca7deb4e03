from spacy.language import Language

from pipeline.nlp.drugs.drugs import DrugMatcher

DEFAULT_CONFIG = {"patterns": "drugs/patterns.toml", "fuzzy": True}


@Language.factory("caselit_drugs", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, patterns: str, fuzzy: bool) -> DrugMatcher:
    return DrugMatcher(nlp, name, patterns=patterns, fuzzy=fuzzy)
