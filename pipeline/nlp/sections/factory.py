from spacy.language import Language

from pipeline.nlp.sections.sections import SectionDetector

DEFAULT_CONFIG = {"headings": "sections/headings.tsv", "furniture": "sections/furniture.tsv",
                  "patient_text": "sections/patient_text.toml", "context_patterns": "patterns/context.toml",
                  "flattened": "sections/flattened.toml"}


@Language.factory("caselit_sections", default_config=DEFAULT_CONFIG)
def create_component(nlp: Language, name: str, headings: str, furniture: str, patient_text: str,
                     context_patterns: str, flattened: str) -> SectionDetector:
    return SectionDetector(nlp, name, headings=headings, furniture=furniture, patient_text=patient_text,
                           context_patterns=context_patterns, flattened=flattened)
