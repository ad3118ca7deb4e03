"""Compiled regular expressions kept on disk, keyed by their content: :func:`compile` is
``re.compile`` for the big patterns the finding components build from their data files.

Parsing and compiling those patterns (the histology names as one alternation, the sites' role
cues...) is most of the start-up of a short run, and gives the same program every time. The
program CPython's ``re`` makes for a pattern (a list of integer codes, the work of
``re._compiler``) is saved once and then handed straight to ``_sre.compile``, which checks the
codes again before use.

Safe by construction:

* the key is a SHA-256 of the pattern, its flags, the Python build and the regex engine's
  version (``_sre.MAGIC``, code size, byte order): another Python, another key;
* a program is saved only when the pattern rebuilt from it equals the one ``re.compile``
  made (same flags, groups and codes);
* the file is a line of JSON (the key, flags, groups, a SHA-256 of the codes) and the codes as
  raw integers: data, never a pickle, and checked against the key and the hash on reading;
* any problem (a missing, damaged or foreign file, an unwritable folder, a Python whose
  ``re`` internals differ) falls back to ``re.compile``: at worst the run is as slow as without
  a cache. Files are written whole to a temporary name and renamed: concurrent workers at
  worst write the same file twice.

The folder is ``regex/`` in caselit's cache folder (``$CASELIT_CACHE_DIR``, else the user's
cache folder: :func:`pipeline.resources.user_cache_dir`); a command's ``--cache-dir`` moves it
with :func:`configure`. Entries not rewritten for ``STALE_AFTER_DAYS`` are removed when a new
one is written (a program for data files since edited is never read again).
"""
from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from pipeline.resources import user_cache_dir

try:  # CPython's regex engine and compiler; without them every pattern goes to re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _compiler = _parser = None

FOLDER = "regex"
SUFFIX = ".sre"
# Shorter patterns compile in well under a millisecond: reading a file would cost more.
MIN_LENGTH = 200
STALE_AFTER_DAYS = 30
_CODE_TYPE = next((t for t in "ILH" if array.array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)
_ENGINE = "|".join(map(str, (sys.implementation.name, sys.version, getattr(_sre, "MAGIC", None),
                             getattr(_sre, "CODESIZE", None), sys.byteorder)))
_USABLE = _sre is not None and _CODE_TYPE is not None and sys.implementation.name == "cpython"

_folder: Path | None = None  # None: the default folder, resolved on first use
_disabled = False
_read_only = False  # a write failed: the folder is still read, no more writes are tried
_pruned = False


def configure(folder: str | os.PathLike | None = None, enabled: bool = True) -> None:
    """Keep compiled patterns in ``folder``/regex (None: in caselit's cache folder), or in no
    folder at all (``enabled=False``). Set before the pipeline is built."""
    global _folder, _disabled, _read_only
    _folder = Path(folder).expanduser() / FOLDER if folder is not None else None
    _disabled, _read_only = not enabled, False


def cache_folder() -> Path | None:
    """Where compiled patterns are kept, or None when they are not."""
    if _disabled or not _USABLE:
        return None
    if _folder is not None:
        return _folder
    try:
        return user_cache_dir() / FOLDER
    except (OSError, RuntimeError):  # no home folder to find the cache in
        return None


def compile(pattern, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the cache when the same pattern was compiled before."""
    flags = int(flags)
    folder = cache_folder()
    if folder is None or not isinstance(pattern, str) or len(pattern) < MIN_LENGTH or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = entry_key(pattern, flags)
    path = folder / key[:2] / (key + SUFFIX)
    cached = _read(path, key, pattern)
    if cached is not None:
        return cached
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags)
    if not _read_only and program is not None and _rebuild(pattern, program) == compiled:
        _write(path, key, program)
    return compiled


def entry_key(pattern: str, flags: int) -> str:
    digest = hashlib.sha256(f"{_ENGINE}\x00{flags}\x00".encode())
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _program(pattern: str, flags: int) -> dict | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``: the codes, the
    flags (with those set inside the pattern) and the groups. None when the private API is not
    what this code knows."""
    try:
        parsed = _parser.parse(pattern, flags)
        codes = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        return {"flags": flags | state.flags, "codes": codes, "groups": state.groups - 1,
                "groupindex": dict(state.groupdict), "indexgroup": indexgroup}
    except Exception:  # noqa: BLE001 - a changed private API: no cache, never a failure
        return None


def _rebuild(pattern: str, program: dict) -> re.Pattern | None:
    try:
        return _sre.compile(pattern, program["flags"], list(program["codes"]), program["groups"],
                            program["groupindex"], tuple(program["indexgroup"]))
    except Exception:  # noqa: BLE001 - codes the engine refuses (a damaged file): no cache
        return None


def _read(path: Path, key: str, pattern: str) -> re.Pattern | None:
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            raw = handle.read()
    except (OSError, ValueError):
        return None
    try:
        if header.get("key") != key or hashlib.sha256(raw).hexdigest() != header.get("sha256"):
            return None
        codes = array.array(_CODE_TYPE)
        codes.frombytes(raw)
        header["codes"] = codes.tolist()
        return _rebuild(pattern, header)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _write(path: Path, key: str, program: dict) -> None:
    """Write the entry whole under a temporary name, then rename it into place."""
    global _read_only, _pruned
    raw = array.array(_CODE_TYPE, program["codes"]).tobytes()
    header = {"key": key, "flags": program["flags"], "groups": program["groups"],
              "groupindex": program["groupindex"], "indexgroup": program["indexgroup"],
              "sha256": hashlib.sha256(raw).hexdigest()}
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:12]}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(header).encode("utf-8") + b"\n")
            handle.write(raw)
        os.replace(temporary, path)
        temporary = None
        if not _pruned:
            _pruned = True
            _remove_stale(path.parents[1])
    except OSError:  # a read-only or full disk, a folder of another user: no more tries
        _read_only = True
    except (OverflowError, TypeError, ValueError):  # a program this code cannot store
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _remove_stale(folder: Path) -> None:
    """Remove entries (and parts a killed run left) not written for STALE_AFTER_DAYS."""
    limit = time.time() - STALE_AFTER_DAYS * 86400
    for path in folder.glob("??/*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue
