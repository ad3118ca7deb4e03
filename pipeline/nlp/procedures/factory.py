from spacy.language import Language

from pipeline.nlp.procedures.procedures import ProcedureMatcher

DEFAULT_CONFIG = {"lexicon": "procedures/procedures.tsv", "patterns": "procedures/patterns.toml"}

# The class is the factory. Sentence boundaries bound the search for a dose or a number of
# cycles; alone, the component splits roughly.
create_component = Language.factory(
    "caselit_procedures",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(ProcedureMatcher)
