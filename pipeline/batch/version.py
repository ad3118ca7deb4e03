"""The pipeline version that cached results are keyed by.

The package version alone would keep stale results after a lexicon or a rule is edited, so
the version also hashes the data files in ``models/``, the code that turns a file into
cases (ingest, nlp, cases, api) and the versions of spaCy and scispaCy (the tokenizer).
"""
from __future__ import annotations

import hashlib
from importlib import metadata
from functools import lru_cache
from pathlib import Path

from pipeline.resources import models_dir

_PACKAGE = Path(__file__).resolve().parents[1]  # pipeline/
_CODE = ("ingest", "nlp", "cases", "extraction.py", "api.py", "resources.py")
_LIBRARIES = ("spacy", "scispacy")


def _files(folder: Path, pattern: str) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(folder).parts))


def _package_version() -> str:
    """caselit's version as installed (``pip install -e .`` counts)."""
    try:
        return metadata.version("caselit")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@lru_cache(maxsize=None)
def pipeline_version(model: str | None = None) -> str:
    """``<package version>+<12 hex digits>``, e.g. ``0.1.0+3f2a9c0d1b7e``; with the name of
    the optional NER model appended (``...+model=en_ner_bc5cdr_md``)."""
    digest = hashlib.sha256()
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}\n".encode())
        except metadata.PackageNotFoundError:
            pass
    roots = [(models_dir(), "*")] + [(_PACKAGE / part, "*.py") for part in _CODE]
    for root, pattern in roots:
        for path in _files(root, pattern):
            digest.update(path.relative_to(root.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    version = f"{_package_version()}+{digest.hexdigest()[:12]}"
    return f"{version}+model={model}" if model else version
