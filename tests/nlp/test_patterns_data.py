"""The vocabulary of the timing, context, dates and measures components is data in
models/patterns/: a component reads it from the pattern file its config names (here a copy
with one entry changed), not from code. Sentences of our own."""
import spacy

from pipeline.nlp.measures.quantities import parse_unit
from pipeline.nlp.spans import char_span
from pipeline.resources import models_dir


def edited(tmp_path, name, old, new):
    """A copy of models/patterns/<name> with ``old`` (written once in it) replaced by ``new``."""
    original = (models_dir() / "patterns" / name).read_text(encoding="utf-8")
    assert original.count(old) == 1
    path = tmp_path / name
    path.write_text(original.replace(old, new), encoding="utf-8")
    return str(path)


def test_the_one_word_events_of_timing_are_read_from_its_patterns(tmp_path):
    patterns = edited(tmp_path, "timing.toml", 'delivery = ["partum"]', 'childbirth = ["partum"]')
    for config, event in (({}, "delivery"), ({"patterns": patterns}, "childbirth")):
        nlp = spacy.blank("en")
        nlp.add_pipe("caselit_timing", config=config)
        doc = nlp("She came back to the clinic three weeks postpartum.")
        assert [s._.value.anchor_text for s in doc.spans["timing"]] == [event]


def test_the_menu_entries_of_dates_are_read_from_its_patterns(tmp_path):
    # "Discussion" just before "References" makes that line a menu entry, not the reference list
    patterns = edited(tmp_path, "dates.toml", "(?:discussion|conclusions?|", "(?:conclusions?|")
    text = ("Contents\nBackground\nDiscussion\nReferences\nA rare case\n"
            "A 61-year-old woman was seen in June 2016.\nReferences\n1. Roe J. A title. BMJ. 2011;342:1.")
    for config, clinical in (({}, ["2016-06"]), ({"patterns": patterns}, [])):
        nlp = spacy.blank("en")
        nlp.add_pipe("caselit_dates", config=config)
        doc = nlp(text)
        assert [s._.value.iso for s in doc.spans["dates"] if not s._.value.metadata] == clinical


def test_the_modals_of_context_are_read_from_its_patterns(tmp_path):
    # "will be given" after other words is a plan, so the negation before it still reaches the drug
    patterns = edited(tmp_path, "context.toml", "'^(?:will|would|", "'^(?:would|")
    text = "No complications occurred so she will be given cisplatin."
    for config, negated in (({}, True), ({"patterns": patterns}, False)):
        nlp = spacy.blank("en")
        nlp.add_pipe("caselit_sentences")
        nlp.add_pipe("caselit_context", config=config)
        doc = nlp.make_doc(text)
        start = text.index("cisplatin")
        doc.spans["drugs"] = [char_span(doc, start, start + len("cisplatin"), "DRUG")]
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        assert doc.spans["drugs"][0]._.negated is negated


def test_the_unit_names_of_measures_are_read_from_its_patterns(tmp_path):
    patterns = edited(tmp_path, "measures.toml", 'mcg = "µg"', 'mcg = "mcg"')
    assert parse_unit("mcg/dL").name == "µg/dL"
    assert parse_unit("mcg/dL", patterns).name == "mcg/dL"
    assert parse_unit("ng per decilitre", patterns).name == "ng/dL"  # a volume written out
