from spacy.language import Language

from pipeline.nlp.stage.stage import StageMatcher

DEFAULT_CONFIG = {"patterns": "patterns/stage.toml"}

# The class is the factory (spaCy calls it with nlp, name and the config). Sentence
# boundaries place a stage's FIGO or AJCC edition; alone, the component splits roughly.
create_component = Language.factory(
    "caselit_stage",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(StageMatcher)
