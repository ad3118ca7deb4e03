"""Placeholder until the caselit_dates component lands."""
from spacy.language import Language


@Language.factory("caselit_dates")
def create_component(nlp: Language, name: str):
    raise NotImplementedError("caselit_dates is not written yet")
