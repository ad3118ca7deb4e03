"""Finding the report files among the paths a user gives: files as named, folders walked."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipeline.files import folder_and_name
from pipeline.ingest.reader import looks_like_report, special_file_kind, supported_extensions
from pipeline.ingest.pubmed_baseline import is_streamed_name

# Files that sit beside reports in a project folder but are never reports themselves.
_NOT_REPORTS = {"readme", "license", "licence", "changelog", "changes", "contributing",
                "authors", "notice", "copying", "requirements", "robots", "todo",
                "makefile", "dockerfile", "procfile", "manifest"}
_SKIPPED_DIRS = {"__pycache__", "node_modules", "__MACOSX"}
_SNIFF_BYTES = 4096

# The reason ``on_skip`` gets for a file of a format caselit does not read (.rtf, .docx, a
# binary file without extension); other reasons name a file that is not a regular file.
NOT_A_REPORT_FORMAT = "not a report format"

OnSkip = Callable[[Path, str], None]


def iter_input_files(paths: str | os.PathLike | Iterable[str | os.PathLike],
                     on_skip: OnSkip | None = None) -> Iterator[Path]:
    """Report files under ``paths``, each once, in a stable order.

    A file named explicitly is always yielded (missing ones too, so that reading it reports
    the problem). A folder is walked recursively in sorted order, following symbolic links
    to folders (each folder once, so a link back up does not loop), and skipping hidden
    files and folders, a browser's "Page_files" folder beside "Page.html", and
    README/LICENSE-style files. It yields files with a supported extension, and files without
    extension whose content is text, a page, an article's XML or a PDF (read by content, as
    when named explicitly).

    ``on_skip(path, reason)`` hears of the other files of a folder: ``NOT_A_REPORT_FORMAT``
    for an unsupported extension (or an extension-less binary), "not a regular file (a
    FIFO...)" for a FIFO, socket or device, which is never opened.
    """
    return (file for file, _ in iter_input_paths(paths, on_skip))


def iter_input_paths(paths: str | os.PathLike | Iterable[str | os.PathLike],
                     on_skip: OnSkip | None = None) -> Iterator[tuple[Path, str]]:
    """``iter_input_files`` with each file's path as str too (``os.fspath`` of the Path, known
    from the walk: a caller keying 10,000 files by their path need not make it again)."""
    return ((Path(text), text) for text in iter_input_texts(paths, on_skip))


def iter_input_texts(paths: str | os.PathLike | Iterable[str | os.PathLike],
                     on_skip: OnSkip | None = None) -> Iterator[str]:
    """``iter_input_files`` as str paths (each the ``os.fspath`` of the Path it yields), no
    Path made: a refresh of a folder of 10,000 reports it knows needs one only for the
    files that changed."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    folders: dict[str, str] = {}  # resolved folders of this call, with a separator at the end
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path, on_skip)  # str paths
        else:
            found = [(os.fspath(path), None)]
        for text, is_link in found:
            key = _identity(text, folders, is_link)
            if key not in seen:
                seen.add(key)
                yield text


def _identity(path: str, folders: dict[str, str], is_link: bool | None = None) -> str:
    """The resolved path; a file that is not a link is its resolved folder + its name (the
    same, and resolving each of 10,000 files from the root dominated finding them).
    ``is_link``: known from the folder's listing (None: looked up)."""
    try:
        folder, name = folder_and_name(path)
        if name not in ("", ".", "..") and not (os.path.islink(path) if is_link is None else is_link):
            prefix = folders.get(folder)
            if prefix is None:  # os.path.join(resolved, name) below, the folder's part once
                prefix = folders[folder] = os.path.join(os.fspath(Path(folder or os.curdir).resolve()), "")
            return prefix + name
        return os.fspath(Path(path).resolve())
    except OSError:
        return os.fspath(Path(path).absolute())


def _walk(folder: Path, on_skip: OnSkip | None) -> list[tuple[str, bool | None]]:
    """(file, whether it is a symbolic link) under ``folder``, sorted by their path, as
    ``find -L | sort`` would list them. Paths are str: pathlib objects for each of 10,000
    files dominated the walk."""
    extensions = set(supported_extensions())
    found = []  # (sort key: the names below ``folder``, path, is a link)
    visited: set[tuple[int, int]] = set()  # (device, inode) of each folder walked
    pending: list[tuple[str, tuple]] = [(os.fspath(folder), ())]
    while pending:
        current, below = pending.pop()
        try:
            status = os.stat(current)
            if (status.st_dev, status.st_ino) in visited:
                continue  # a link to a folder walked already (or a loop)
            visited.add((status.st_dev, status.st_ino))
            with os.scandir(current) as entries:
                entries = list(entries)
        except OSError:
            continue  # unreadable folder: what it holds cannot be listed
        names: list[str] | None = None  # the folder's names, listed when a subfolder needs them
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")):
                continue
            try:
                is_dir = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_dir = False
            if is_dir:
                if names is None:
                    names = [entry.name for entry in entries]
                if not _skip_dir(name, names):
                    pending.append((entry.path, (*below, (name.casefold(), name))))
                continue
            stem, suffix = _stem_suffix(name)
            try:
                kind = None if entry.is_file() else _special_kind(entry)  # is_file: from the listing
            except OSError:
                kind = _special_kind(entry)
            if kind:
                _skipped(on_skip, entry.path, f"not a regular file ({kind})")
            elif stem.lower() in _NOT_REPORTS:
                continue
            elif (suffix.lower() in extensions or is_streamed_name(name)  # pubmed25n0001.xml.gz
                  or not suffix and _reads_as_report(entry.path)):
                found.append(((*below, (name.casefold(), name)), entry.path, _is_link(entry)))
            else:
                _skipped(on_skip, entry.path, NOT_A_REPORT_FORMAT)
    found.sort(key=lambda item: item[0])
    return [(path, is_link) for _, path, is_link in found]


def _stem_suffix(name: str) -> tuple[str, str]:
    """``(Path(name).stem, Path(name).suffix)`` of a file's name, without making a Path.

    >>> _stem_suffix("case.txt"), _stem_suffix("a.xml.gz"), _stem_suffix("README"), _stem_suffix("odd.")
    (('case', '.txt'), ('a.xml', '.gz'), ('README', ''), ('odd.', ''))
    """
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name[:dot], name[dot:]
    return name, ""


def _is_link(entry: os.DirEntry) -> bool | None:
    """From the listing, without a system call where it says; None: not known."""
    try:
        return entry.is_symlink()
    except OSError:
        return None


def _special_kind(entry: os.DirEntry) -> str | None:
    """What a folder entry is when not a regular file (a FIFO...); None for a regular file
    and for a broken link, which is yielded so that reading it says "file not found"."""
    try:
        if entry.is_file():
            return None
        mode = entry.stat().st_mode
    except OSError:
        return None
    return special_file_kind(mode) if not stat.S_ISREG(mode) else None


def _reads_as_report(path: str) -> bool:
    """A file without extension: read as a report when its first bytes are one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return True  # let reading it say what is wrong
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return looks_like_report(os.read(fd, _SNIFF_BYTES))
    except OSError:
        return True
    finally:
        os.close(fd)


def _skipped(on_skip: OnSkip | None, path: str, reason: str) -> None:
    if on_skip is not None:
        on_skip(Path(path), reason)


def _skip_dir(name: str, sibling_files: list[str]) -> bool:
    if name.startswith(".") or name in _SKIPPED_DIRS:
        return True
    # "Saved as complete page" puts images, scripts and ad frames in "<page>_files".
    for suffix in ("_files", "-Dateien", "_fichiers", "_archivos"):
        if name.endswith(suffix):
            page = name[: -len(suffix)]
            return any(f.startswith(page + ".") for f in sibling_files)
    return False

