"""--model: a statistical NER model's entities as extra candidates. No model can be
downloaded here, so a tiny one is trained in the test and saved to a temporary folder."""
import random

import pytest
import spacy
from spacy.training import Example

from pipeline import build_nlp
from pipeline.cli import main

TRAINING = [
    ("She was treated with cisplatn and radiotherapy.", [("cisplatn", "CHEMICAL")]),
    ("Weekly cisplatn was given for five weeks.", [("cisplatn", "CHEMICAL")]),
    ("The patient received docetaxl every three weeks.", [("docetaxl", "CHEMICAL")]),
    ("After docetaxl the tumour shrank.", [("docetaxl", "CHEMICAL")]),
    ("Biopsy showed squamous cell carcinoma of the cervix.", [("squamous cell carcinoma", "DISEASE")]),
    ("A squamous cell carcinoma was found.", [("squamous cell carcinoma", "DISEASE")]),
    ("Her blood pressure was normal.", []),
    ("The mass was resected in May.", []),
]


def entities(text, pairs):
    spans, position = [], 0
    for phrase, label in pairs:
        start = text.index(phrase, position)
        spans.append((start, start + len(phrase), label))
        position = start + len(phrase)
    return spans


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    random.seed(0)
    spacy.util.fix_random_seed(0)  # thinc's and numpy's generators too: the same model every run
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("CHEMICAL", "DISEASE"):
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": entities(t, e)}) for t, e in TRAINING]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return path


TEXT = "A 50-year-old woman had squamous cell carcinoma of the cervix. She received cisplatn weekly."


def drugs(nlp, text):
    doc = nlp(text)
    return sorted({g for s in doc.spans["drugs"] for g in s._.value.generics})


def test_model_chemicals_become_normalised_drugs(tiny_model):
    assert drugs(build_nlp(model=str(tiny_model)), TEXT) == ["cisplatin"]


def test_without_a_model_nothing_changes(tiny_model):
    nlp = build_nlp()
    assert "caselit_model_entities" not in nlp.pipe_names
    # "csplatn" is too far from a drug name for the lexicon alone (it reads "cisplatn" as cisplatin)
    assert drugs(nlp, TEXT.replace("cisplatn", "csplatn")) == []


def test_model_entities_are_still_qualified_by_context(tiny_model):
    nlp = build_nlp(model=str(tiny_model))
    doc = nlp("She had not received cisplatn before.")
    assert [s._.negated for s in doc.spans["drugs"]] == [True]


def test_cli_model_option(tiny_model, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(TEXT)
    out = tmp_path / "cases.jsonl"
    assert main(["extract", str(report), "-o", str(out), "-q", "--model", str(tiny_model)]) == 0
    assert '"drugs": ["cisplatin"]' in out.read_text()


def test_cli_missing_model_is_one_line(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(TEXT)
    assert main(["extract", str(report), "-o", str(tmp_path / "x.csv"), "--model", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope" in err[0]
