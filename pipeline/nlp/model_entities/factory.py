from spacy.language import Language

from pipeline.nlp.model_entities.model_entities import ModelEntities

DEFAULT_CONFIG = {"model": "", "chemical_labels": ["CHEMICAL"], "disease_labels": ["DISEASE"]}

# The class is the factory: a trained NER model's entities added as drug and histology
# findings where caselit's own pipes found none.
create_component = Language.factory(
    "caselit_model_entities",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["doc.spans"],
)(ModelEntities)
