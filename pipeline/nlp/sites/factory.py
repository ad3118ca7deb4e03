from spacy.language import Language

from pipeline.nlp.sites.sites import SiteMatcher

DEFAULT_CONFIG = {"lexicon": "sites/sites.tsv", "roles": "sites/roles.toml"}


@Language.factory("caselit_sites", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, lexicon: str, roles: str) -> SiteMatcher:
    return SiteMatcher(nlp, name, lexicon=lexicon, roles=roles)
