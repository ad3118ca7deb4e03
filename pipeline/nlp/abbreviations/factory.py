from spacy.language import Language

from pipeline.nlp.abbreviations.abbreviations import FastAbbreviationDetector


@Language.factory("caselit_abbreviations", default_config={"make_serializable": False})
def create_component(nlp: Language, name: str, make_serializable: bool) -> FastAbbreviationDetector:
    return FastAbbreviationDetector(nlp, name, make_serializable=make_serializable)
