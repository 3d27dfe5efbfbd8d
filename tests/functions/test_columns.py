"""The same cases with the input in a table column instead of a literal.

Literals let the optimisers fold constants; columns take the row-by-row path.  The
results go into tables with CREATE TABLE ... AS SELECT, which on MariaDB runs under strict
mode: any cast warning would fail the statement.  Text inputs are stored in the
engine's default collation (case-insensitive, PAD SPACE on MariaDB).
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlglot import exp

from compiler.functions import REGISTRY, lower_call
from compiler.ir import types as T

from .cases import CASES
from .harness import check_result, render, typed_literal

_SCHEMA_DDL = {
    "duckdb": ("CREATE SCHEMA {s}", "DROP SCHEMA {s} CASCADE"),
    "postgres": ("CREATE SCHEMA {s}", "DROP SCHEMA {s} CASCADE"),
    "mysql": ("CREATE DATABASE {s} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", "DROP DATABASE {s}"),
}
_TEXT_COLUMN = {"duckdb": "VARCHAR", "postgres": "TEXT", "mysql": "TEXT"}
_PARAM = {"duckdb": "?", "postgres": "%s", "mysql": "%s"}


def _column_cases():
    """Cases whose first argument is text (or NULL) and whose other arguments are
    constants; grouped by (function, other arguments)."""
    groups = defaultdict(list)
    for i, (name, args, expected) in enumerate(CASES):
        fn = REGISTRY[name]
        if fn.params[0] != T.TEXT or not (args[0] is None or isinstance(args[0], str)):
            continue
        rest = args[1:]
        if any(x is None for x in rest):
            continue
        groups[(name, tuple(rest))].append((i, args[0], expected))
    return groups


GROUPS = _column_cases()


@pytest.fixture
def scratch(runner, scratch_name):
    create, drop = _SCHEMA_DDL[runner.dialect]
    runner.execute(create.format(s=scratch_name))
    try:
        yield scratch_name
    finally:
        runner.execute(drop.format(s=scratch_name))


def test_cases_on_columns(runner, scratch):
    d = runner.dialect
    inputs = f"{scratch}.inputs"
    runner.execute(f"CREATE TABLE {inputs} (id INT, v {_TEXT_COLUMN[d]})")
    rows = sorted({(i, v) for group in GROUPS.values() for i, v, _ in group})
    p = _PARAM[d]
    for i, v in rows:
        runner.execute(f"INSERT INTO {inputs} VALUES ({p}, {p})", (i, v))
    failures = []
    for k, ((name, rest), group) in enumerate(sorted(GROUPS.items(), key=lambda g: g[0][0])):
        fn = REGISTRY[name]
        args = [exp.column("v")]
        for j, value in enumerate(rest, start=1):
            args.append(exp.Literal.string(value) if fn.is_literal_param(j) else typed_literal(value, T.INTEGER, d))
        call = render(lower_call(name, args, d), d)
        ids = ", ".join(str(i) for i, _, _ in group)
        out = f"{scratch}.out_{k}"
        runner.execute(f"CREATE TABLE {out} AS SELECT id, {call} AS r FROM {inputs} WHERE id IN ({ids})")
        assert not runner.warnings, (name, runner.warnings)
        got = dict(runner.execute(f"SELECT id, r FROM {out}"))
        for i, v, expected in group:
            try:
                check_result(name, got[i], expected)
            except AssertionError as e:
                failures.append(f"{name}({v!r}, {', '.join(map(repr, rest))}): {e}")
    assert not failures, "\n".join(failures)
