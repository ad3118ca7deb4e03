from spacy.language import Language

from pipeline.nlp.context.context import ContextQualifier

DEFAULT_CONFIG = {"cues": "context/cues.tsv", "patterns": "patterns/context.toml"}

# The class is the factory. It qualifies the findings of the other pipes (their span groups)
# within sentences and sections, when those pipes ran.
create_component = Language.factory(
    "caselit_context",
    default_config=DEFAULT_CONFIG,
    assigns=["span._.section", "span._.negated", "span._.hypothetical", "span._.historical", "span._.subject"],
    requires=["doc.spans", "token.is_sent_start"],
)(ContextQualifier)
