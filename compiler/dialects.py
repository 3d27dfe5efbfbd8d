"""Per-dialect facts the SQL generator needs, as a table (no `if dialect ==` chains)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlglot import exp

from compiler import types as T
from compiler.lower import VALUE_SQL_TYPES, lit

TRUE_WORDS = ("true", "t", "yes", "y", "1")
FALSE_WORDS = ("false", "f", "no", "n", "0")


def boolean_from_text(raw: exp.Expression) -> exp.Expression:
    low = exp.Lower(this=exp.Trim(this=raw))
    return (
        exp.Case()
        .when(exp.In(this=low, expressions=[lit(w) for w in TRUE_WORDS]), exp.true())
        .when(exp.In(this=low.copy(), expressions=[lit(w) for w in FALSE_WORDS]), exp.false())
    )


def try_cast(raw: exp.Expression, vtype: str) -> exp.Expression:
    if vtype == T.BOOLEAN:
        return boolean_from_text(raw)
    return exp.TryCast(this=raw, to=VALUE_SQL_TYPES[vtype])


def json_object_fn(name: str) -> Callable[[list[tuple[str, exp.Expression]]], exp.Expression]:
    def build(pairs: list[tuple[str, exp.Expression]]) -> exp.Expression:
        args: list[exp.Expression] = []
        for key, value in pairs:
            args += [lit(key), value]
        return exp.Cast(this=exp.Anonymous(this=name, expressions=args), to=exp.DataType.build("VARCHAR"))
    return build


@dataclass(frozen=True)
class DialectTraits:
    """How one engine spells the few things the generator cannot leave to sqlglot."""

    name: str
    sqlglot: str
    safe_cast: Callable[[exp.Expression, str], exp.Expression]   # text -> type, NULL on failure
    json_object: Callable[[list[tuple[str, exp.Expression]]], exp.Expression]
    target_types: dict[str, str]


COMMON_TARGET_TYPES = {
    "bigint": "BIGINT", "integer": "INTEGER", "int": "INTEGER", "smallint": "SMALLINT",
    "varchar": "VARCHAR", "char": "CHAR", "text": "TEXT", "decimal": "DECIMAL", "numeric": "DECIMAL",
    "date": "DATE", "timestamp": "TIMESTAMP", "boolean": "BOOLEAN",
}

TRAITS: dict[str, DialectTraits] = {
    "duckdb": DialectTraits(
        name="duckdb",
        sqlglot="duckdb",
        safe_cast=try_cast,
        json_object=json_object_fn("json_object"),
        target_types={**COMMON_TARGET_TYPES, "char": "VARCHAR", "text": "VARCHAR"},
    ),
}
