"""No module spells a dialect's name except the dialect records and the function tables.

A dialect name is any name a runnable record answers to: its own (`"mysql"`), its
sqlglot dialect's, its URL schemes (`"postgresql"`, `"mariadb"`), in any case, and a
string starting with `<scheme>:` (a URL being built or parsed, `"duckdb:///"`).  The
package's string constants are read with `ast`, so comments do not count, and neither do

- docstrings and argparse `help=` texts: prose for people, not a dialect being chosen.

Allowed, and why:

- `compiler/dialects/`: the records themselves, where a dialect's facts live.
- the function library's implementation modules (`compiler/functions/*.py` except
  `registry.py` and `__init__.py`, which hold the dialect list): a function is lowered
  per dialect, so its tables are keyed by the dialect's name.  There, and only in these
  constructs: a dict key (`{"mysql": ...}`), a subscript (`ENGINES["duckdb"]`), a
  comparison (`eng.name == "mysql"`) and the `name=` of a table's record
  (`Engine(name="postgres", ...)`).  A tuple, list or set of names there is a list of
  dialects, which must come from the records (`functions.DIALECTS`).

Anything else, in any other module, should read a record (`compiler.dialects`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from compiler.dialects import RUNNABLE

PACKAGE = Path(__file__).resolve().parents[1] / "compiler"
RECORDS = PACKAGE / "dialects"
FUNCTIONS = PACKAGE / "functions"
DIALECT_LISTS = {FUNCTIONS / "registry.py", FUNCTIONS / "__init__.py"}  # the list, not the tables

# a two-letter scheme (Spark Connect's `sc`) counts as a URL prefix only (`"sc://..."`): as a
# word it is also a US state code in the function tables
NAMES = {n.lower() for d in RUNNABLE for n in (d.name, d.sqlglot, *d.url_schemes) if len(n) > 2}
SCHEMES = {s.lower() for d in RUNNABLE for s in d.url_schemes}


def names_a_dialect(value: str) -> bool:
    low = value.lower()
    return low in NAMES or any(low.startswith(s + ":") for s in SCHEMES)


def docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def is_help_text(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Part of an argparse `help=` (possibly an f-string or a concatenation)."""
    while isinstance(parent := parents.get(id(node)), (ast.JoinedStr, ast.BinOp)):
        node = parent
    return isinstance(parent, ast.keyword) and parent.arg == "help"


def is_table_key(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """A dict key, a subscript, a comparison operand or the `name=` of a table's record."""
    parent = parents.get(id(node))
    return (
        (isinstance(parent, ast.Dict) and any(k is node for k in parent.keys))
        or (isinstance(parent, ast.Subscript) and parent.slice is node)
        or isinstance(parent, ast.Compare)
        or (isinstance(parent, ast.keyword) and parent.arg == "name")
    )


def dialect_literals(source: str, path: Path) -> list[str]:
    """`path:line: 'value'` for every dialect name the module at `path` may not spell."""
    if path.is_relative_to(RECORDS):
        return []
    function_table = FUNCTIONS in path.parents and path not in DIALECT_LISTS
    tree = ast.parse(source, str(path))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    skipped = docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and names_a_dialect(node.value)):
            continue
        if id(node) in skipped or is_help_text(node, parents):
            continue
        if function_table and is_table_key(node, parents):
            continue
        out.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value!r}")
    return out


def test_no_dialect_name_outside_the_records_and_the_function_tables():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += dialect_literals(path.read_text(encoding="utf-8"), path)
    assert found == []


def test_the_names_come_from_the_records():
    assert {"duckdb", "postgres", "mysql", "postgresql", "mariadb"} <= NAMES


TEXT = PACKAGE / "functions" / "text.py"
REGISTRY = PACKAGE / "functions" / "registry.py"
RUN = PACKAGE / "runtime" / "run.py"


@pytest.mark.parametrize(
    "source, path, found",
    [
        ('x = "mysql"', RUN, 1),  # a choice outside the records
        ("if d == 'DuckDB': pass", RUN, 1),  # any case, either quote
        ('url = f"duckdb:///{p}"', RUN, 1),  # a URL being built
        ('ok = scheme in ("postgresql", "postgres")', RUN, 2),
        ('"""Runs on duckdb."""\ndef f():\n    "mysql"\n', RUN, 0),  # docstrings
        ('p.add_argument("--t", help="duckdb:///FILE")', RUN, 0),  # help text
        ('msg = "use duckdb:///FILE"', RUN, 0),  # prose that mentions a URL
        ('T = {"duckdb": 1, "mysql": 2}', TEXT, 0),  # a function table
        ('e = ENGINES["duckdb"]\nok = eng.name == "mysql"', TEXT, 0),
        ('E = Engine(name="postgres")', TEXT, 0),
        ('DIALECTS = ("duckdb", "postgres", "mysql")', TEXT, 3),  # a list of dialects
        ('T = {"duckdb": 1}', REGISTRY, 1),  # the dialect list's module
        ('T = {"duckdb": 1}', PACKAGE / "dialects" / "duckdb.py", 0),
    ],
)
def test_what_counts_as_a_dialect_literal(source, path, found):
    assert len(dialect_literals(source, path)) == found
