from spacy.language import Language

from pipeline.nlp.abbreviations.abbreviations import FastAbbreviationDetector

# The class is the factory. The drug component reads the long forms: a code the text defines
# as something else ("CVP (central venous pressure)") is no regimen.
create_component = Language.factory(
    "caselit_abbreviations",
    default_config={"make_serializable": False},
    assigns=["doc._.abbreviations", "span._.long_form"],
)(FastAbbreviationDetector)
