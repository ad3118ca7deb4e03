import json
import subprocess
import sys

import pytest

from pipeline.cli import main
from pipeline.evaluate import evaluate

GOLD = [
    {"doc": "a.txt", "cases": [{"age": 40, "sex": "female", "outcome": ["complete remission", "no evidence of disease"],
                                "drugs": ["cisplatin", "paclitaxel"], "wbc_values": [5.93, 70.37]}]},
    {"doc": "b.txt", "cases": [{"age": 61}, {"age": 45}]},
]
PRED = [
    {"doc": "dir/a.txt", "case": 1, "age": 40.0, "sex": "Female", "outcome": "no evidence of disease",
     "drugs": ["cisplatin", "gemcitabine"], "wbc_values": [5.934, 70.37]},
    {"doc": "b.txt", "case": 1, "age": 61},
    {"doc": "b.txt", "case": 3, "age": 50},
]


def test_scalar_and_list_scoring():
    report = evaluate(GOLD, PRED)
    assert (report.fields["age"].tp, report.fields["age"].fp, report.fields["age"].fn) == (2, 1, 1)
    assert report.fields["sex"].tp == 1  # case-insensitive
    assert report.fields["outcome"].tp == 1  # one of the accepted alternatives
    drugs = report.fields["drugs"]
    assert (drugs.tp, drugs.fp, drugs.fn) == (1, 1, 1)
    assert report.fields["wbc_values"].tp == 2  # rounded to 2 decimals
    assert report.fields["figo_stage"].f1 == 1.0  # nothing expected, nothing predicted
    assert report.documents == 2


def test_misses_name_document_case_and_field():
    misses = {(m.doc, m.case, m.field) for m in evaluate(GOLD, PRED).misses}
    assert ("a.txt", 1, "drugs") in misses and ("b.txt", 2, "age") in misses and ("b.txt", 3, "age") in misses


def test_fields_not_labelled_are_not_scored():
    gold = [{"doc": "c.txt", "labelled": ["age", "sex", "drugs"], "cases": [{"age": 30, "sex": "male", "drugs": []}]}]
    pred = [{"doc": "c.txt", "case": 1, "age": 30, "sex": "male", "drugs": ["heparin"], "primary_site": "liver",
             "dates": ["2019-05"]}]
    report = evaluate(gold, pred)
    assert report.fields["drugs"].fp == 1  # a labelled field scores as always
    assert report.fields["primary_site"].fp == 0 and report.fields["dates"].fp == 0
    assert {m.field for m in report.misses} == {"drugs"}


def test_command(tmp_path, capsys):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD))
    pred.write_text("\n".join(json.dumps(p) for p in PRED))
    assert main(["evaluate", str(gold), str(pred), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "a.txt case 1 drugs" in out and out.strip().splitlines()[-1].startswith("micro-F1")


def test_bad_file_is_one_line(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt", "cases": []}\n{not json\n')
    assert main(["evaluate", str(gold), str(gold)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gold.jsonl:2" in err[0]


def test_same_numbers_as_the_shared_scorer(shared_dir, tmp_path, capsys):
    pred = tmp_path / "dev.jsonl"
    main(["extract", str(shared_dir / "eval" / "dev"), "-o", str(pred), "-q"])
    gold = shared_dir / "eval" / "dev-gold.jsonl"
    capsys.readouterr()
    main(["evaluate", str(gold), str(pred)])
    ours = capsys.readouterr().out
    theirs = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(pred)],
                            capture_output=True, text=True, check=True).stdout
    assert ours == theirs
