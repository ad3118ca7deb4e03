"""Loading the data files kept in ``models/`` (lexicons as TSV, regex patterns as TOML).

Every data file starts with ``#`` comment lines that name its source; TSV files then have a
header row. The folder is found next to the package (a source checkout or an editable
install) unless ``CASELIT_MODELS`` names another one.
"""
from __future__ import annotations

import csv
import os
import re
import sys
import tomllib
from functools import lru_cache
from pathlib import Path


def models_dir() -> Path:
    configured = os.environ.get("CASELIT_MODELS")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[1] / "models"
    if not folder.is_dir():
        raise FileNotFoundError(f"caselit data folder not found: {folder} (set CASELIT_MODELS)")
    return folder


def user_cache_dir() -> Path:
    """caselit's cache folder: ``$CASELIT_CACHE_DIR``, else the platform's user cache folder
    + ``caselit`` (the results cache and the compiled patterns live there)."""
    configured = os.environ.get("CASELIT_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "caselit" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "caselit"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "caselit"


@lru_cache(maxsize=None)
def read_table(relative_path: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by its header; comment lines are skipped."""
    path = models_dir() / relative_path
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@lru_cache(maxsize=None)
def read_patterns(relative_path: str) -> dict:
    """A TOML pattern file, as a dict."""
    with (models_dir() / relative_path).open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=None)
def compile_pattern(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(pattern, flags)
