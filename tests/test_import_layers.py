"""Imports flow one way through the stages (see ../shared/DESIGN.md): a package of pipeline/
imports only packages of earlier layers, so the package-level import graph has no cycle.
Imports inside functions count too: a lazy import is still a dependency."""
import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).parents[1] / "pipeline"
# Earlier layers first; a package may import any package of an earlier layer.
LAYERS = [
    {"resources", "files", "spacy_import"},
    {"disk_cache"},
    {"regex_cache"},
    {"ingest"},
    {"fetch"},
    {"nlp"},
    {"cases"},
    {"extraction"},
    {"export"},
    {"review"},
    {"batch"},
    {"api", "evaluate"},
    {"__init__"},
    {"commands"},
    {"cli"},
    {"__main__"},
]
# Backward imports still to be undone: none (the local pool and the Dask workers call
# extraction.py, which stands below them, not api.py above them).
KNOWN_BACKWARD: set[tuple[str, str]] = set()


def package_imports() -> dict[tuple[str, str], list[str]]:
    """{(importing package, imported package): files}, packages being pipeline/'s children."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PIPELINE.rglob("*.py")):
        source = path.relative_to(PIPELINE).with_suffix("").parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] != "pipeline" or len(parts) < 2 or parts[1] == source:
                    continue
                if (PIPELINE / parts[1]).is_dir() or (PIPELINE / f"{parts[1]}.py").exists():
                    edges.setdefault((source, parts[1]), []).append(str(path.relative_to(PIPELINE)))
    return edges


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether ``goal`` can be reached from ``start`` along the graph's edges."""
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, ()))
    return False


def layer(package: str) -> int:
    for index, packages in enumerate(LAYERS):
        if package in packages:
            return index
    raise AssertionError(f"pipeline/{package} is in no layer of {__file__}: place it")


def test_every_package_imports_only_earlier_layers():
    backward = {edge: sorted(set(files)) for edge, files in package_imports().items()
                if layer(edge[0]) <= layer(edge[1]) and edge not in KNOWN_BACKWARD}
    assert backward == {}


def test_without_the_known_backward_imports_the_graph_has_no_cycle():
    edges = [edge for edge in package_imports() if edge not in KNOWN_BACKWARD]
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)

    assert [(a, b) for a, b in edges if reaches(graph, b, a)] == []


def test_no_backward_import_is_left():
    assert not KNOWN_BACKWARD & set(package_imports())


# Modules in an import circle today: none.
KNOWN_CIRCLE: set[str] = set()


def module_imports() -> dict[str, set[str]]:
    modules = {}
    for path in PIPELINE.rglob("*.py"):
        name = ".".join(path.relative_to(PIPELINE.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            edges.setdefault(name, set()).update(t for t in targets if t in modules and t != name)
    return edges


def test_no_module_is_in_an_import_circle():
    """xmltext <- jats, pubmed <- xmlarticle <- reader; api -> batch -> extraction."""
    edges = module_imports()

    circular = {a for a, targets in edges.items() for b in targets if reaches(edges, b, a)}
    assert circular <= KNOWN_CIRCLE
