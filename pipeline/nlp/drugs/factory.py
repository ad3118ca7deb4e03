from spacy.language import Language

from pipeline.nlp.drugs.drugs import DrugMatcher
from pipeline.nlp.drugs.lexicon import FILES, NOT_DRUGS, SUBSTANCES

DEFAULT_CONFIG = {
    "patterns": "drugs/patterns.toml",
    "fuzzy": True,
    # lexicon files, later ones take precedence; names that are no drugs; names that are also
    # analytes, nutrients, enzymes or organisms (drugs only with an administration word)
    "lexicon": list(FILES),
    "not_drugs": NOT_DRUGS,
    "substances": SUBSTANCES,
}

# The class is the factory. Sentence boundaries bound the dose, route and schedule read for
# a drug; the abbreviation detector's long forms, when it ran, drop codes the text defines
# as something else ("CVP (central venous pressure)"). Alone, the component does without both.
create_component = Language.factory(
    "caselit_drugs",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(DrugMatcher)
