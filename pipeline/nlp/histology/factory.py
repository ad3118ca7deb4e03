from spacy.language import Language

from pipeline.nlp.histology.histology import HistologyMatcher

# parents (broader/narrower types) and organs (the organ a type names): read by case assembly
# (pipeline.cases.config) at these paths
DEFAULT_CONFIG = {"lexicon": "histology/histology.tsv", "patterns": "histology/histology.toml",
                  "parents": "histology/parents.tsv", "organs": "histology/organs.tsv"}

# The class is the factory. Sentence boundaries bound the grade and hedge words read for a
# type; alone, the component splits roughly.
create_component = Language.factory(
    "caselit_histology",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(HistologyMatcher)
