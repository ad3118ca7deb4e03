"""Placeholder until the caselit_drugs component lands."""
from spacy.language import Language


@Language.factory("caselit_drugs")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_drugs is not written yet")
