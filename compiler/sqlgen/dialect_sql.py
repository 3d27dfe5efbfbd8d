"""Per-dialect facts the SQL generator needs, as a table (no `if dialect ==` chains).

What differs, and why:
- safe casts of staged text: a regex guard, then a plain CAST, identically on every engine
  (PostgreSQL has no TRY_CAST; DuckDB's TRY_CAST accepts shapes the others refuse);
- text comparison and ordering: binary everywhere (`COLLATE "C"` on PostgreSQL,
  `utf8mb4_bin` on MariaDB), so ids, dedup groups and unique checks agree;
- where DDL commits implicitly (MariaDB) the run builds shadow tables and publishes them
  with one atomic RENAME; elsewhere the whole run is one transaction;
- MariaDB has one namespace per database: `schema.table` becomes `schema__table`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlglot import exp

from compiler.errors import UsageError
from compiler.ir import types as T
from compiler.functions.sqlkit import MYSQL_BINARY_COLLATION, POSTGRES_BINARY_COLLATION
from compiler.sqlgen.lower import VALUE_SQL_TYPES, lit

TRUE_WORDS = ("true", "t", "yes", "y", "1")
FALSE_WORDS = ("false", "f", "no", "n", "0")

# Shapes a staged text value must have to be cast (after trimming spaces).
CAST_SHAPES = {
    T.INTEGER: r"^[+-]?[0-9]{1,18}$",
    T.DECIMAL: r"^[+-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})$",
}
DATE_FORMATS = {T.DATE: "%Y-%m-%d", T.TIMESTAMP: "%Y-%m-%d %H:%M:%S"}


def boolean_from_text(raw: exp.Expression) -> exp.Expression:
    low = exp.Lower(this=exp.Trim(this=raw))
    return (
        exp.Case()
        .when(exp.In(this=low, expressions=[lit(w) for w in TRUE_WORDS]), exp.true())
        .when(exp.In(this=low.copy(), expressions=[lit(w) for w in FALSE_WORDS]), exp.false())
    )


def safe_cast_for(dialect: str) -> Callable[[exp.Expression, str], exp.Expression]:
    """text -> value type, NULL when the text does not have the type's shape."""
    def cast(raw: exp.Expression, vtype: str) -> exp.Expression:
        from compiler.functions import lower_call

        if vtype == T.BOOLEAN:
            return boolean_from_text(raw)
        if vtype in DATE_FORMATS:
            fn = "parse_date" if vtype == T.DATE else "parse_timestamp"
            return lower_call(fn, [raw, lit(DATE_FORMATS[vtype])], dialect)
        from compiler.functions.sqlkit import regex_matches

        trimmed = exp.Trim(this=raw)
        ok = regex_matches(trimmed, CAST_SHAPES[vtype], dialect)
        return exp.Case().when(ok, exp.Cast(this=trimmed.copy(), to=VALUE_SQL_TYPES[vtype].copy()))
    return cast


def json_object_fn(name: str) -> Callable[[list[tuple[str, exp.Expression]]], exp.Expression]:
    def build(pairs: list[tuple[str, exp.Expression]]) -> exp.Expression:
        args: list[exp.Expression] = []
        for key, value in pairs:
            args += [lit(key), value]
        return exp.Cast(this=exp.Anonymous(this=name, expressions=args), to=exp.DataType.build("TEXT"))
    return build


def collate(name: str, quoted: bool) -> Callable[[], exp.Expression]:
    return lambda: exp.to_identifier(name, quoted=quoted)


def binary_for(dialect: str) -> Callable[[exp.Expression], exp.Expression]:
    """Byte-wise comparison and ordering: the function library's table decides how."""
    def binary(e: exp.Expression) -> exp.Expression:
        from compiler.functions.sqlkit import binary_text

        return binary_text(e, dialect)
    return binary


def rename_statement(pairs: list[tuple[exp.Table, exp.Table]]) -> exp.Expression:
    """MariaDB: `RENAME TABLE a TO b, c TO d` renames all or nothing."""
    body = ", ".join(f"{a.sql('mysql', identify=True)} TO {b.sql('mysql', identify=True)}" for a, b in pairs)
    return exp.Command(this="RENAME", expression=f"TABLE {body}")


@dataclass(frozen=True)
class DialectTraits:
    """How one engine spells the few things the generator cannot leave to sqlglot."""

    name: str
    sqlglot: str
    safe_cast: Callable[[exp.Expression, str], exp.Expression]
    json_object: Callable[[list[tuple[str, exp.Expression]]], exp.Expression]
    target_types: dict[str, str]
    key_type: str                                        # legacy keys (indexed text)
    key_collation: Callable[[], exp.Expression] | None   # binary collation of created key columns
    text_collation: Callable[[], exp.Expression] | None  # collation of every other created text column
    binary: Callable[[exp.Expression], exp.Expression]   # force binary comparison/order on an expression
    flat_schemas: bool = False
    publish_by_rename: bool = False
    temporary_work: bool = True
    # legacy_key PRIMARY KEY on crosswalks: an index that joins use on PostgreSQL/MariaDB;
    # DuckDB joins by hash and cannot evict a text ART index inside a transaction
    crosswalk_primary_key: bool = True
    # target PRIMARY KEY / UNIQUE built after the maps have loaded (85_constraints), not
    # maintained row by row: DuckDB holds a transaction's index entries in memory it
    # cannot spill (a 1,000,000-patient run needs them out of the way to fit in 1 GB)
    constraints_after_load: bool = False
    # ANALYZE the tables a run fills before joining them: PostgreSQL has no statistics for
    # tables filled inside the open transaction and would plan them as tiny
    analyze_after_fill: bool = False
    rename_tables: Callable[[list[tuple[exp.Table, exp.Table]]], exp.Expression] | None = None
    # __row PRIMARY KEY on staging tables: MariaDB joins without an index by block nested
    # loop (no hash join at its default join_cache_level), so fetching the original row of
    # each rejected row compared it with every staged row: 4 s of a 2,000-patient run
    stage_row_key: bool = False
    # a merged key's target id (its survivor's id) by a window over the loaded and merged
    # rows instead of joining the work table to itself: MariaDB would join by block nested
    # loop (4 s of an 18 s 10,000-patient run).  DuckDB keeps the join: its partitioned
    # window does not spill to disk
    survivor_id_by_window: bool = False


COMMON_TARGET_TYPES = {
    "bigint": "BIGINT", "integer": "INTEGER", "int": "INTEGER", "smallint": "SMALLINT",
    "varchar": "VARCHAR", "char": "CHAR", "text": "TEXT", "decimal": "DECIMAL", "numeric": "DECIMAL",
    "date": "DATE", "timestamp": "TIMESTAMP", "boolean": "BOOLEAN",
}

PG_C = collate(POSTGRES_BINARY_COLLATION, True)
MY_BIN = collate(MYSQL_BINARY_COLLATION, False)

TRAITS: dict[str, DialectTraits] = {
    "duckdb": DialectTraits(
        name="duckdb", sqlglot="duckdb", safe_cast=safe_cast_for("duckdb"),
        json_object=json_object_fn("json_object"),
        target_types={**COMMON_TARGET_TYPES, "char": "VARCHAR", "text": "VARCHAR"},
        key_type="VARCHAR", key_collation=None, text_collation=None, binary=binary_for("duckdb"),
        crosswalk_primary_key=False, constraints_after_load=True,
    ),
    "postgres": DialectTraits(
        name="postgres", sqlglot="postgres", safe_cast=safe_cast_for("postgres"),
        json_object=json_object_fn("json_build_object"),
        target_types=COMMON_TARGET_TYPES,
        # Staged and target text keep the database's collation: PostgreSQL's regex classes
        # ([[:alpha:]] in title()) follow it, and "C" would make them ASCII-only.  Equality
        # does not depend on it; ordering is made binary where it decides ids (keys, dedup).
        key_type="TEXT", key_collation=PG_C, text_collation=None, binary=binary_for("postgres"),
        analyze_after_fill=True,
    ),
    "mysql": DialectTraits(
        name="mysql", sqlglot="mysql", safe_cast=safe_cast_for("mysql"),
        json_object=json_object_fn("json_object"),
        target_types={**COMMON_TARGET_TYPES, "timestamp": "DATETIME"},
        # MariaDB's default collations ignore case and trailing spaces even in `=`: every
        # text column chartshift creates is byte-wise.
        key_type="VARCHAR(255)", key_collation=MY_BIN, text_collation=MY_BIN, binary=binary_for("mysql"),
        flat_schemas=True, publish_by_rename=True, temporary_work=False, rename_tables=rename_statement,
        stage_row_key=True, survivor_id_by_window=True,
    ),
}


def compile_only_traits(dialect: str) -> DialectTraits:
    """Traits for a sqlglot dialect chartshift does not run on: generation only.

    Casts of staged text and every library function need a per-dialect implementation;
    where there is none, generation stops with FunctionNotAvailable naming the function
    and the dialect, never with silently wrong SQL.
    """
    from compiler.functions import FunctionNotAvailable

    def no_cast(raw: exp.Expression, vtype: str) -> exp.Expression:
        raise FunctionNotAvailable(f"cast from text to {vtype}", dialect)

    return DialectTraits(
        name=dialect, sqlglot=dialect, safe_cast=no_cast, json_object=json_object_fn("json_object"),
        target_types=COMMON_TARGET_TYPES, key_type="VARCHAR(255)", key_collation=None, text_collation=None,
        binary=lambda e: e,  # text order follows the database collation (README: compile-only dialects)
    )


RUNNABLE = tuple(TRAITS)
# Generated SQL treats conditions as values (COALESCE(cond, FALSE), CASE results); these
# dialects have no boolean values, so their output would be wrong, not merely different.
NO_BOOLEAN_VALUES = ("tsql", "fabric", "oracle")


class DialectNotSupported(UsageError):
    """A sqlglot dialect chartshift cannot generate correct SQL for (exit 2)."""


def traits_for(dialect: str) -> DialectTraits:
    """The traits of a runnable dialect, or compile-only traits for another sqlglot dialect."""
    if dialect in TRAITS:
        return TRAITS[dialect]
    import sqlglot

    if dialect not in {d.value for d in sqlglot.Dialects if d.value}:
        raise DialectNotSupported(f"unknown dialect `{dialect}`")
    if dialect in NO_BOOLEAN_VALUES:
        raise DialectNotSupported(f"dialect {dialect} has no boolean values, which the generated SQL relies on")
    return compile_only_traits(dialect)
