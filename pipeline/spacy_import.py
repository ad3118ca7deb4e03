"""Import spaCy without loading spaCy's own command line (typer, click, requests, weasel...).

spaCy's ``__init__`` imports ``spacy.cli.info`` only to offer ``spacy.info``, and that one
line loads spaCy's whole CLI: about 0.3 s of a 0.8 s ``import spacy``, on every start of a
``caselit`` command that never uses it. spaCy merged this very deferral itself
(explosion/spaCy#12962: "load the cli module lazily for spacy.info") and reverted it because
``spacy.cli`` was then no longer an attribute of ``spacy``; explosion/spaCy#13721 brings it
back with a module ``__getattr__``, unreleased at spaCy 3.8. Until a release has it, the
``caselit`` command defers the same import the same way:

- while spaCy's ``__init__`` runs, ``spacy.cli.info`` is a stand-in whose ``info`` imports
  the real function when called;
- as soon as that ``__init__`` has run, the stand-in is gone: ``import spacy.cli`` and
  ``from spacy.cli.info import info`` load the real modules, and ``spacy.cli`` (the
  attribute) loads them on first use, as in #13721.

Nothing is done unless spaCy's ``__init__`` holds the exact import line this relies on; if
spaCy's ``__init__`` fails with the stand-in in place, it is run again without it. Only the
command line installs this (``pipeline.cli.main``); ``import pipeline`` alone leaves spaCy's
import as spaCy has it.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types

# The line of spaCy's __init__ that loads the CLI (its comment aside); nothing is deferred
# without it.
CLI_IMPORT = "from .cli.info import info"


def defer_spacy_cli() -> bool:
    """Have the next ``import spacy`` skip spaCy's CLI; False when spaCy is already imported."""
    return defer_import("spacy", CLI_IMPORT, "cli.info", info=_lazy_info)


def defer_import(package: str, line: str, submodule: str, **stand_ins) -> bool:
    """While ``package``'s ``__init__`` runs, ``package.submodule`` is a stand-in module with
    the attributes ``stand_ins``, if that ``__init__`` holds ``line``; afterwards the stand-in
    is gone and ``package.<first part of submodule>`` is imported on first use."""
    if package in sys.modules:
        return False
    if not any(isinstance(f, _DeferringFinder) and f.package == package for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferringFinder(package, line, f"{package}.{submodule}", stand_ins))
    return True


def _lazy_info(*args, **kwargs):
    """``spacy.info`` as spaCy defines it, imported on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _DeferringFinder(importlib.abc.MetaPathFinder):
    """Finds ``package`` on the path and wraps its loader, once, then steps aside."""

    def __init__(self, package: str, line: str, stand_in: str, attributes: dict):
        self.package, self.line, self.stand_in, self.attributes = package, line, stand_in, attributes

    def find_spec(self, name, path=None, target=None):
        if name != self.package:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not _holds_line(spec.origin, self.line):
            return spec
        spec.loader = _DeferringLoader(spec.loader, self.stand_in, self.attributes)
        return spec


def _holds_line(origin: str | None, line: str) -> bool:
    try:
        with open(origin, encoding="utf-8") as source:
            return any(text.split("#")[0].strip() == line for text in source)
    except (OSError, TypeError, UnicodeDecodeError):
        return False


class _DeferringLoader(importlib.abc.Loader):
    """Runs the package's ``__init__`` with the stand-in module in place."""

    def __init__(self, loader, stand_in: str, attributes: dict):
        self.loader, self.stand_in, self.attributes = loader, stand_in, attributes

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        before = set(sys.modules)
        stand_in = types.ModuleType(self.stand_in)
        stand_in.__dict__.update(self.attributes)
        sys.modules[self.stand_in] = stand_in
        try:
            self.loader.exec_module(module)
        except Exception:
            # the package changed in a way the stand-in does not serve: import it as it is
            sys.modules.pop(self.stand_in, None)
            for name in set(sys.modules) - before:
                if name.startswith(module.__name__ + "."):
                    del sys.modules[name]
            self.loader.exec_module(module)
            return
        finally:
            if sys.modules.get(self.stand_in) is stand_in:
                del sys.modules[self.stand_in]
        if not hasattr(module, "__getattr__"):
            module.__getattr__ = _SubpackageOnFirstUse(module.__name__, self.stand_in)

    def __getattr__(self, name):
        # is_package, get_code, get_resource_reader...: the real loader's
        return getattr(self.loader, name)


class _SubpackageOnFirstUse:
    """A module ``__getattr__`` (PEP 562): ``spacy.cli`` imports spacy.cli, as
    explosion/spaCy#13721 does it."""

    def __init__(self, package: str, stand_in: str):
        self.package = package
        self.subpackage = stand_in[len(package) + 1:].split(".")[0]

    def __call__(self, name: str):
        if name == self.subpackage:
            return importlib.import_module(f"{self.package}.{name}")
        raise AttributeError(f"module {self.package!r} has no attribute {name!r}")
