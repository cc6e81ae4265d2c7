"""The import-layer contract: arrows point down, the results layer stands alone, no cycles.

Imports are read with :mod:`ast` from every module of ``analysis/`` and
``dashboard/``, at any depth (inside functions and ``TYPE_CHECKING`` blocks
too), so an import moved into a function to dodge a cycle is still seen.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Layers from the bottom up: a module may import its own layer and the ones
# below it, never one above. `messages` and `data` are leaves every layer may use.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("analysis", "analysis.results", "analysis.messages", "analysis.data"),
    ("analysis.input",),
    ("analysis.text",),
    ("analysis.measures",),
    ("analysis.compare",),
    ("analysis.outputs", "analysis.batch"),
    ("analysis.registry",),
    ("analysis.pipeline",),
    # Front ends: they run the pipeline.
    ("analysis.cli", "analysis.__main__", "analysis.batch.spark", "analysis.evaluate"),
    ("dashboard",),
)
LEAVES = ("analysis.messages", "analysis.data")
"""Leaves import nothing of the project (``analysis`` itself is only a package)."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def project_modules() -> dict[str, Path]:
    paths = [*ROOT.joinpath("analysis").rglob("*.py"), *ROOT.joinpath("dashboard").rglob("*.py")]
    return {module_name(p): p for p in paths}


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (``from a import b`` gives ``a`` and ``a.b``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@cache
def graph() -> dict[str, set[str]]:
    """Project module -> the project modules it imports."""
    modules = project_modules()
    return {
        name: {m for m in imports_of(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def layer_of(module: str) -> int:
    """The index in :data:`LAYERS` of the most specific prefix matching ``module``."""
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    if best < 0:
        raise KeyError(f"{module} is in no layer: add it to LAYERS")
    return best


def wrong_way(edges: dict[str, set[str]]) -> list[str]:
    """``a -> b`` for every import of a higher layer, or of the project by a leaf."""
    bad = []
    for a, targets in edges.items():
        for b in sorted(targets):
            leaf = any(a == x or a.startswith(x + ".") for x in LEAVES)
            results = a.startswith("analysis.results")
            if layer_of(b) > layer_of(a) or (leaf and not results) or (
                results and not b.startswith("analysis.results")
            ):
                bad.append(f"{a} -> {b}")
    return bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_layers_every_module_has_a_layer():
    for module in project_modules():
        layer_of(module)


def test_layers_imports_point_down():
    assert wrong_way(graph()) == []


def test_layers_a_wrong_way_import_is_caught():
    # The check itself: the results layer importing an analyser, and the
    # text layer importing the pipeline, are both reported.
    edges = {
        "analysis.results.article": {"analysis.measures.sentiment"},
        "analysis.text.segment": {"analysis.pipeline"},
        "analysis.measures.loaded": {"analysis.text.lexicon", "analysis.results.loaded"},
    }
    assert wrong_way(edges) == [
        "analysis.results.article -> analysis.measures.sentiment",
        "analysis.text.segment -> analysis.pipeline",
    ]


def test_layers_results_import_only_the_standard_library():
    for name, path in project_modules().items():
        if not name.startswith("analysis.results"):
            continue
        for module in imports_of(path):
            top = module.split(".")[0]
            assert module.startswith("analysis.results") or (
                top in sys.stdlib_module_names and top != "analysis"
            ), f"{name} imports {module}"


def test_layers_analysis_never_imports_the_app_or_its_libraries():
    for name, path in project_modules().items():
        if not name.startswith("analysis"):
            continue
        for module in imports_of(path):
            top = module.split(".")[0]
            assert top not in {"streamlit", "altair", "dashboard"}, f"{name} imports {module}"


def test_layers_no_import_cycles():
    # The dashboard's own cycle (state -> exports -> handout -> ...) is being
    # taken apart in its own work package; no cycle may touch analysis/.
    touching = [c for c in cycles(graph()) if any(m.startswith("analysis") for m in c)]
    assert touching == []


def test_layers_a_cycle_is_caught():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


@pytest.mark.parametrize("module", ["analysis.results.article", "analysis.results.figures"])
def test_layers_importing_results_loads_no_analyser_and_no_third_party(module):
    code = (
        f"import sys; before = set(sys.modules); import {module}; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    project = [m for m in out if m.split(".")[0] == "analysis"]
    assert all(m in {"analysis", "analysis.results"} or m.startswith("analysis.results.")
               for m in project), project
    others = {m.split(".")[0] for m in out} - {"analysis"}
    assert others <= set(sys.stdlib_module_names), others - set(sys.stdlib_module_names)
