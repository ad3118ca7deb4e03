from spacy.language import Language

from pipeline.nlp.sentences.sentences import SentenceSegmenter

# The class is the factory; it sets every token's sentence start.
create_component = Language.factory(
    "caselit_sentences",
    default_config={"abbreviations": "sentences/abbreviations.tsv",
                    "lowercase_openers": "sentences/lowercase_openers.tsv"},
    assigns=["token.is_sent_start"],
)(SentenceSegmenter)
