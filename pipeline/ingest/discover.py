"""Finding the report files among the paths a user gives: files as named, folders walked."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.reader import supported_extensions

# Files that sit beside reports in a project folder but are never reports themselves.
_NOT_REPORTS = {"readme", "license", "licence", "changelog", "changes", "contributing",
                "authors", "notice", "copying", "requirements", "robots", "todo"}
_SKIPPED_DIRS = {"__pycache__", "node_modules", "__MACOSX"}


def iter_input_files(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Report files under ``paths``, each once, in a stable order.

    A file named explicitly is always yielded (missing ones too, so that reading it reports
    the problem). A folder is walked recursively in sorted order, keeping files with a
    supported extension and skipping hidden files and folders, a browser's "Page_files"
    folder beside "Page.html", and README/LICENSE-style files.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        found = _walk(path) if path.is_dir() else iter([path])
        for file in found:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                yield file


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` sorted by their path, as ``find | sort`` would list them."""
    extensions = set(supported_extensions())
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _skip_dir(d, files)]
        for name in files:
            path = Path(root, name)
            if name.startswith((".", "~$")) or path.suffix.lower() not in extensions:
                continue
            if path.stem.lower() not in _NOT_REPORTS:
                found.append(path)
    found.sort(key=lambda p: [(part.casefold(), part) for part in p.relative_to(folder).parts])
    return iter(found)


def _skip_dir(name: str, sibling_files: list[str]) -> bool:
    if name.startswith(".") or name in _SKIPPED_DIRS:
        return True
    # "Saved as complete page" puts images, scripts and ad frames in "<page>_files".
    for suffix in ("_files", "-Dateien", "_fichiers", "_archivos"):
        if name.endswith(suffix):
            page = name[: -len(suffix)]
            return any(f.startswith(page + ".") for f in sibling_files)
    return False
