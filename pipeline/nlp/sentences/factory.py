from spacy.language import Language

from pipeline.nlp.sentences.sentences import SentenceSegmenter


@Language.factory("caselit_sentences", default_config={"abbreviations": "sentences/abbreviations.tsv"})
def create_component(nlp: Language, name: str, abbreviations: str) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, abbreviations=abbreviations)
