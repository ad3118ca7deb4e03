"""Placeholder until the caselit_sections component lands."""
from spacy.language import Language


@Language.factory("caselit_sections")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_sections is not written yet")
