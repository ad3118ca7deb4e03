from spacy.language import Language

from pipeline.nlp.sites.sites import SiteMatcher

DEFAULT_CONFIG = {"lexicon": "sites/sites.tsv", "roles": "sites/roles.toml"}

# The class is the factory. It reads the TNM N categories of the stage component's spans
# when that pipe ran before it (its own patterns otherwise), and sentence boundaries bound
# the cues of a site's role; alone, the component splits roughly.
create_component = Language.factory(
    "caselit_sites",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["doc.spans", "token.is_sent_start"],
)(SiteMatcher)
