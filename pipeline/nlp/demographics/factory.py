"""Placeholder until the caselit_demographics component lands."""
from spacy.language import Language


@Language.factory("caselit_demographics")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_demographics is not written yet")
