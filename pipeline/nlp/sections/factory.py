from spacy.language import Language

from pipeline.nlp.sections.sections import SectionDetector

DEFAULT_CONFIG = {"headings": "sections/headings.tsv", "furniture": "sections/furniture.tsv",
                  "patient_text": "sections/patient_text.toml", "context_patterns": "patterns/context.toml",
                  "flattened": "sections/flattened.toml", "patients": "sections/patients.toml"}

# The class is the factory: sections and "Case N" markers in doc.spans["sections"] and
# doc.spans["patients"], the sentences that present a patient in doc.spans["presenting"].
# Sentence boundaries place patient text found by content; alone, the component splits roughly.
create_component = Language.factory(
    "caselit_sections",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.spans", "span._.value"],
    requires=["token.is_sent_start"],
)(SectionDetector)
