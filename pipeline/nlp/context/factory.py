"""Placeholder until the caselit_context component lands."""
from spacy.language import Language


@Language.factory("caselit_context")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_context is not written yet")
