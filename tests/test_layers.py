"""The package's layering: a module imports only from its own layer or lower ones, and no
two modules import each other, directly or around a cycle.  docs/ARCHITECTURE.md lists the
same layers; imports are read with `ast`, function-level ones included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "compiler"

# lowest first; a module belongs to the first entry whose prefix names it (longest wins)
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("compiler", "compiler.errors", "compiler.diagnostics")),
    ("ir", ("compiler.ir",)),
    ("dialects", ("compiler.dialects",)),
    ("functions", ("compiler.functions",)),
    ("syntax", ("compiler.syntax",)),
    ("semantic", ("compiler.semantic",)),
    ("plan", ("compiler.plan",)),
    ("sqlgen", ("compiler.sqlgen",)),
    ("emit", ("compiler.emit",)),
    ("pipeline", ("compiler.pipeline",)),
    ("runtime", ("compiler.runtime",)),
    ("ops", ("compiler.ops",)),
    ("demo", ("compiler.demo",)),
    ("cli", ("compiler.cli",)),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    best, best_len = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    return best


def imports_of(module: str) -> list[tuple[str, int]]:
    """(imported compiler module, line) for every import in the module, nested ones too."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "compiler"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "compiler":
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.append((sub if sub in MODULES else base, node.lineno))
    return [(m, line) for m, line in out if m != module]


def test_every_module_has_a_layer():
    assert [m for m in MODULES if layer_of(m) < 0] == []


def test_modules_import_only_their_own_layer_or_lower():
    offending = []
    for module in MODULES:
        mine = layer_of(module)
        for imported, line in imports_of(module):
            if layer_of(imported) > mine:
                offending.append(
                    f"{MODULES[module].relative_to(PACKAGE.parent)}:{line}: {module} ({LAYERS[mine][0]}) "
                    f"imports {imported} ({LAYERS[layer_of(imported)][0]})"
                )
    assert offending == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph.get(n, ())):
            if state.get(d) == 1:
                return stack[stack.index(d) :] + [d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_no_import_cycle():
    graph = {m: {i for i, _ in imports_of(m) if i in MODULES} for m in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    "graph, cycle",
    [
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, cycle):
    assert find_cycle(graph) == cycle


def test_an_upward_import_is_named(tmp_path, monkeypatch):
    """The layering check reports the file, line and both layers of a bad import."""
    assert layer_of("compiler.runtime.run") > layer_of("compiler.sqlgen.lower")
    assert layer_of("compiler.ir.nodes") == 1
