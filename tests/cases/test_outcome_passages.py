"""The outcome of short non-cancer case passages (tests/data/outcome_passages.toml, sentences
written for the tests): the wording of recovery, discharge and death in non-cancer reports,
and passages that state no status."""
import tomllib
from pathlib import Path

import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp

PASSAGES = tomllib.loads((Path(__file__).resolve().parents[1] / "data" / "outcome_passages.toml").read_text())["passage"]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def outcome(nlp, text):
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(rows) == 1
    return rows[0].outcome


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["text"][:40] for p in PASSAGES])
def test_outcome_of_a_passage(nlp, passage):
    expected = None if passage["expected"] == "none" else passage["expected"]
    assert outcome(nlp, passage["text"]) == expected
