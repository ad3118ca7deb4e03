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


def test_the_tokenizer_read_from_the_build_cache_is_scispacys(tmp_path, monkeypatch):
    from pipeline import disk_cache
    from pipeline.nlp import build

    reference = combined_rule_tokenizer(spacy.blank("en"))
    disk_cache.configure(tmp_path)
    try:
        cold = build.blank_nlp().tokenizer  # scispaCy's own, its affixes recorded
        assert len(list((tmp_path / disk_cache.FOLDER / build.TOKENIZER_KIND).glob("*/*.json"))) == 1
        calls = []
        monkeypatch.setattr(build, "combined_rule_tokenizer", lambda nlp: calls.append(nlp) or combined_rule_tokenizer(nlp))
        warm = build.blank_nlp().tokenizer  # built from the recorded affixes
        assert calls == []
    finally:
        disk_cache.configure()
    for tokenizer in (cold, warm):
        assert tokenizer.to_bytes(exclude=["vocab"]) == reference.to_bytes(exclude=["vocab"])
        assert [(t.text, t.idx, t.whitespace_) for t in tokenizer(TEXT)] == [
            (t.text, t.idx, t.whitespace_) for t in reference(TEXT)
        ]


def test_affixes_that_did_not_give_scispacys_tokenizer_are_not_used(tmp_path, monkeypatch):
    from pipeline import disk_cache
    from pipeline.nlp import build

    disk_cache.configure(tmp_path)
    try:
        monkeypatch.setattr(build, "_tokenizer_from", lambda nlp, described: spacy.blank("en").tokenizer)
        build.blank_nlp()  # the check on the first build fails: recorded as not the same
        monkeypatch.undo()
        calls = []
        monkeypatch.setattr(build, "combined_rule_tokenizer", lambda nlp: calls.append(nlp) or combined_rule_tokenizer(nlp))
        tokenizer = build.blank_nlp().tokenizer
        assert len(calls) == 1  # scispaCy's function, every time
    finally:
        disk_cache.configure()
    assert tokenizer.to_bytes(exclude=["vocab"]) == combined_rule_tokenizer(spacy.blank("en")).to_bytes(exclude=["vocab"])
