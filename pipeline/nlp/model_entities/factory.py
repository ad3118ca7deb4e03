from spacy.language import Language

from pipeline.nlp.model_entities.model_entities import ModelEntities

DEFAULT_CONFIG = {"model": "", "chemical_labels": ["CHEMICAL"], "disease_labels": ["DISEASE"]}


@Language.factory("caselit_model_entities", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, model: str, chemical_labels: list[str], disease_labels: list[str]) -> ModelEntities:
    return ModelEntities(nlp, name, model=model, chemical_labels=chemical_labels, disease_labels=disease_labels)
