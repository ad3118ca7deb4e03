"""build_nlp() starts from a blank model whose throw-away tokenizer has no rules: the
tokenizer it keeps is scispaCy's, exactly as on spacy.blank("en")."""
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

from pipeline.nlp.build import build_nlp

TEXT = (
    "A 52-year-old woman (G2P2) had FIGO stage IIB cervical SCC; WBC 45.3x10^9/L on day 3, "
    "e.g. after cisplatin-based chemo (40 mg/m2 q.w.). Dr. Smith's note: CT-scan showed "
    "para-aortic nodes, 2.5 cm, at https://example.org/case... She died 3 mo. later."
)


def test_the_tokenizer_is_scispacys_on_english():
    reference = combined_rule_tokenizer(spacy.blank("en"))
    nlp = build_nlp()
    assert [(t.text, t.idx, t.whitespace_) for t in nlp.tokenizer(TEXT)] == [
        (t.text, t.idx, t.whitespace_) for t in reference(TEXT)
    ]
    assert nlp.tokenizer.token_match is None and reference.token_match is None
