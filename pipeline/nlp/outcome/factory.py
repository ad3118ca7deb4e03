from spacy.language import Language

from pipeline.nlp.outcome.outcome import OutcomeMatcher

DEFAULT_CONFIG = {"patterns": "outcome/outcome.toml"}

# The class is the factory. Sentence boundaries bound the follow-up and subject cues of a
# status; alone, the component finds sentence ends itself.
create_component = Language.factory(
    "caselit_outcome",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(OutcomeMatcher)
