"""Compiled regular expressions kept on disk, keyed by their content: :func:`compile` is
``re.compile`` for the big patterns the finding components build from their data files.

Parsing and compiling those patterns (the histology names as one alternation, the sites' role
cues...) is most of the start-up of a short run, and gives the same program every time. The
program CPython's ``re`` makes for a pattern (a list of integer codes, the work of
``re._compiler``) is saved once (:mod:`pipeline.disk_cache`) and then handed straight to
``_sre.compile``, which checks the codes again before use.

Safe by construction:

* the key is a SHA-256 of the pattern, its flags, the Python build and the regex engine's
  version (``_sre.MAGIC``, code size, byte order): another Python, another key;
* a program is made and saved only when, on this Python, the way it is made gives what
  ``re.compile`` gives (checked once per process on a probe pattern: same flags, groups and
  codes), so that a first run compiles each pattern once, not twice;
* the file is a line of JSON (the key, flags, groups, a SHA-256 of the codes) and the codes as
  raw integers: data, never a pickle, and checked against the key and the hash on reading;
* any problem (a missing, damaged or foreign file, an unwritable folder, a Python whose
  ``re`` internals differ) falls back to ``re.compile``: at worst the run is as slow as
  without a cache.

Patterns shorter than ``OWN_FILE_LENGTH`` (hundreds of them: the components' cues, guards and
rules) are not a file each: they are kept together in one entry, the *bundle*, read at the first
:func:`compile` of a process; :func:`save` (called when the pipeline is built) rewrites it when
the process compiled patterns it did not hold, with the patterns of this process and, up to as
many again, those of the bundle used in the last ``disk_cache.STALE_AFTER_DAYS`` days.
"""
from __future__ import annotations

import array
import re
import sys
import time

from pipeline import disk_cache

try:  # CPython's regex engine and compiler; without them every pattern goes to re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _compiler = _parser = None

KIND = "regex"
SUFFIX = ".sre"
# Patterns this long or longer (a lexicon as one alternation: megabytes of codes) have an entry
# of their own; the others, read at every start anyway, are one file (reading hundreds of
# small files cost more than compiling the shortest patterns).
OWN_FILE_LENGTH = 50_000
_CODE_TYPE = next((t for t in "ILH" if array.array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)
_ENGINE = "|".join(map(str, (sys.implementation.name, sys.version, getattr(_sre, "MAGIC", None),
                             getattr(_sre, "CODESIZE", None), sys.byteorder)))
_USABLE = _sre is not None and _CODE_TYPE is not None and sys.implementation.name == "cpython"


def compile(pattern, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the cache when the same pattern was compiled before."""
    flags = int(flags)
    if not _USABLE or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = disk_cache.digest(_ENGINE, str(flags), pattern)
    if len(pattern) < OWN_FILE_LENGTH:
        return _from_bundle(pattern, flags, key)
    path = disk_cache.entry_path(KIND, key, SUFFIX)
    if path is None:
        return re.compile(pattern, flags)
    cached = _read(path, key, pattern)
    if cached is not None:
        return cached
    fresh = _fresh(pattern, flags)
    if fresh is None:
        return re.compile(pattern, flags)
    program, compiled = fresh
    _store(path, key, program)
    return compiled


def _fresh(pattern: str, flags: int) -> tuple[dict, re.Pattern] | None:
    """A miss compiled once: the program made here, the way re._compiler.compile makes it, once
    that is checked to give what re.compile gives (``_faithful``), and the pattern built from
    it; None when that cannot be done (the caller uses re.compile)."""
    program = _program(pattern, flags) if _faithful() else None
    compiled = _rebuild(pattern, program) if program is not None else None
    return (program, compiled) if compiled is not None else None


# Features whose handling could set _program apart from re._compiler.compile: inline and
# given flags, named and numbered groups, a backreference, lookaround, repeats, classes.
_PROBE = r"(?x) (?P<word>[a-z]+) \s+ (\d{1,3}(?:\.\d+)?) (?=\W|$) (?<!x) (?P=word)? [^\W\d]*? \b|\1"
_FAITHFUL: list[bool] = []


def _faithful() -> bool:
    """Whether ``_program`` makes, on this Python, the pattern ``re.compile`` makes (checked
    on a probe once per process: CPython's Pattern equality compares pattern, flags and codes)."""
    if not _FAITHFUL:
        try:
            flags = re.IGNORECASE | re.MULTILINE
            program = _program(_PROBE, flags)
            _FAITHFUL.append(program is not None and _rebuild(_PROBE, program) == re.compile(_PROBE, flags))
        except Exception:  # noqa: BLE001 - a changed private API: no cache, never a failure
            _FAITHFUL.append(False)
    return _FAITHFUL[0]


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


def _read(path, key: str, pattern: str) -> re.Pattern | None:
    entry = disk_cache.read_entry(path, key)
    if entry is None:
        return None
    header, raw = entry
    try:
        codes = array.array(_CODE_TYPE)
        codes.frombytes(raw)
        header["codes"] = codes.tolist()
        return _rebuild(pattern, header)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _store(path, key: str, program: dict) -> None:
    try:
        raw = array.array(_CODE_TYPE, program["codes"]).tobytes()
    except (OverflowError, TypeError):  # a code this array type cannot hold: not stored
        return
    disk_cache.store_entry(path, key, raw, flags=program["flags"], groups=program["groups"],
                           groupindex=program["groupindex"], indexgroup=program["indexgroup"])


# The bundle of short patterns: one entry, a line of JSON (the key, the SHA-256 of the body and
# [key, flags, groups, groupindex, indexgroup, day last used, number of codes] per pattern),
# then every pattern's codes one after the other, as raw integers.
BUNDLE_SUFFIX = ".bundle"
_BUNDLE_KEY = disk_cache.digest(_ENGINE, "bundle of short patterns")


class _Bundle:
    """The bundle of the cache folder in use: what it held, what this process used of it or
    compiled itself (``used``: key -> program), and whether that is more than it held."""

    def __init__(self, path):
        self.path = path
        self.held: dict[str, tuple[list, int, int]] = {}  # key -> (header fields, offset, count)
        self.codes = array.array(_CODE_TYPE)
        self.used: dict[str, dict] = {}
        self.missed = False
        entry = disk_cache.read_entry(path, _BUNDLE_KEY) if path is not None else None
        if entry is None:
            return
        header, raw = entry
        try:
            self.codes.frombytes(raw)
            offset = 0
            for fields in header["patterns"]:
                count = int(fields[6])
                self.held[str(fields[0])] = (fields, offset, count)
                offset += count
            if offset != len(self.codes):
                raise ValueError("codes and patterns do not add up")
        except (KeyError, TypeError, ValueError, IndexError):
            self.held, self.codes = {}, array.array(_CODE_TYPE)

    def program(self, key: str) -> dict | None:
        found = self.held.get(key)
        if found is None:
            return None
        fields, offset, count = found
        try:
            return {"flags": int(fields[1]), "groups": int(fields[2]), "groupindex": dict(fields[3]),
                    "indexgroup": list(fields[4]), "codes": self.codes[offset:offset + count].tolist()}
        except (TypeError, ValueError):
            return None


_bundle: _Bundle | None = None


def _current_bundle() -> _Bundle:
    """The bundle of the cache folder configured now (read again when the folder changes)."""
    global _bundle
    path = disk_cache.entry_path(KIND, _BUNDLE_KEY, BUNDLE_SUFFIX)
    if _bundle is None or _bundle.path != path:
        previous, _bundle = _bundle, _Bundle(path)
        # patterns compiled before the folder was set (at import, before --cache-dir) are
        # this process's too: the new folder's bundle holds them from its next save()
        for key, program in (previous.used.items() if previous is not None else ()):
            _bundle.missed |= key not in _bundle.held
            _bundle.used.setdefault(key, program)
    return _bundle


def _from_bundle(pattern: str, flags: int, key: str) -> re.Pattern:
    bundle = _current_bundle()
    if bundle.path is None:
        return re.compile(pattern, flags)
    program = bundle.used.get(key) or bundle.program(key)
    compiled = _rebuild(pattern, program) if program is not None else None
    if compiled is None:  # not held (or damaged): compiled here, held from the next save()
        fresh = _fresh(pattern, flags)
        if fresh is None:
            return re.compile(pattern, flags)
        program, compiled = fresh
        bundle.missed = True
    bundle.used[key] = program
    return compiled


def _today() -> int:
    return int(time.time() // 86400)


def save() -> None:
    """Write the bundle when this process compiled short patterns it did not hold: the
    patterns used here, and the others it held that were used in the last STALE_AFTER_DAYS
    (the most recent first, up to as many codes as the patterns used here)."""
    bundle = _bundle
    if bundle is None or bundle.path is None or not bundle.missed:
        return
    today = _today()
    patterns, chunks = [], []
    for key, program in bundle.used.items():
        patterns.append([key, program["flags"], program["groups"], program["groupindex"], program["indexgroup"],
                         today, len(program["codes"])])
        chunks.append(program["codes"])
    # the others, most recently used first, up to as many codes as this process's own: the
    # bundle of a pipeline whose data files are being edited does not grow without end
    room = sum(len(codes) for codes in chunks)
    others = [(fields, offset, count) for key, (fields, offset, count) in bundle.held.items()
              if key not in bundle.used and isinstance(fields[5], int) and today - fields[5] <= disk_cache.STALE_AFTER_DAYS]
    for fields, offset, count in sorted(others, key=lambda other: -other[0][5]):
        if count > room:
            continue
        room -= count
        patterns.append(list(fields))
        chunks.append(bundle.codes[offset:offset + count])
    try:
        body = b"".join(array.array(_CODE_TYPE, codes).tobytes() for codes in chunks)
    except (OverflowError, TypeError):  # a code this array type cannot hold: not stored
        return
    disk_cache.store_entry(bundle.path, _BUNDLE_KEY, body, patterns=patterns)
    bundle.missed = False
