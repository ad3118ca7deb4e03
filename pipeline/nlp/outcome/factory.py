"""Placeholder until the caselit_outcome component lands."""
from spacy.language import Language


@Language.factory("caselit_outcome")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_outcome is not written yet")
