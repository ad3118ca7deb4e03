from spacy.language import Language

from pipeline.nlp.sections.sections import SectionDetector


@Language.factory("caselit_sections", default_config={"headings": "sections/headings.tsv"})
def create_component(nlp: Language, name: str, headings: str) -> SectionDetector:
    return SectionDetector(nlp, name, headings=headings)
