"""Shared fixtures: pipelines built the way caselit builds them, and the shared evaluation
material (read from ../shared when present; tests that need it skip otherwise)."""
from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def scispacy_blank(*pipes: str):
    """A blank English pipeline on scispaCy's tokenizer with caselit's sentence rules and the
    given pipes, in order — the way build_nlp() assembles them, one component at a time."""
    for name in ("caselit_sentences", *pipes):
        if name.startswith("caselit_"):  # importing a factory module registers it
            importlib.import_module(f"pipeline.nlp.{name.removeprefix('caselit_')}.factory")
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("caselit_sentences")
    for name in pipes:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """The results cache of every run in the tests lives in a temporary folder, not in the
    user's ~/.cache/caselit."""
    previous = os.environ.get("CASELIT_CACHE_DIR")
    os.environ["CASELIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("CASELIT_CACHE_DIR", None)
    else:
        os.environ["CASELIT_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def make_nlp():
    return scispacy_blank


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev-gold.jsonl").is_file():
        pytest.skip("../shared evaluation material is not present")
    return SHARED
