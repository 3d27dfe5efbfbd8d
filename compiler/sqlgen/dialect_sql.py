"""What the SQL generator builds from a dialect record (`compiler/dialects/`): code
driven by the record's data, no `if dialect ==` chains.

What differs, and why:
- safe casts of staged text: a regex guard, then a plain CAST, identically on every engine
  (PostgreSQL has no TRY_CAST; DuckDB's TRY_CAST accepts shapes the others refuse);
- text comparison and ordering: binary everywhere (`COLLATE "C"` on PostgreSQL,
  `utf8mb4_nopad_bin` on MariaDB), so ids, dedup groups and unique checks agree;
- where DDL commits implicitly (MariaDB) the run builds shadow tables and publishes them
  with one atomic RENAME; elsewhere the whole run is one transaction;
- MariaDB has one namespace per database: `schema.table` becomes `schema__table`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast, overload

from sqlglot import exp

from compiler import dialects
from compiler.dialects import COMMON_TARGET_TYPES, NO_BOOLEAN_VALUES, Dialect, compile_only, refusal  # noqa: F401  (re-exported)
from compiler.errors import UsageError
from compiler.ir import types as T
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
        from compiler.functions.registry import lower_call

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


def spark_json_object(pairs: list[tuple[str, exp.Expression]]) -> exp.Expression:
    """Spark has no json_object(): TO_JSON of a NAMED_STRUCT (the session keeps NULL fields,
    spark.sql.jsonGenerator.ignoreNullFields=false, runtime/engines/spark.py)."""
    args: list[exp.Expression] = []
    for key, value in pairs:
        args += [lit(key), value]
    return exp.Anonymous(this="TO_JSON", expressions=[exp.Anonymous(this="NAMED_STRUCT", expressions=args)])


# a record's `json_object` -> its builder, where it is not a plain json_object(k, v, ...) call
JSON_BUILDERS: dict[str, Callable[[list[tuple[str, exp.Expression]]], exp.Expression]] = {"to_json": spark_json_object}


def binary_for(dialect: str) -> Callable[[exp.Expression], exp.Expression]:
    """Byte-wise comparison and ordering: the function library's table decides how."""

    def binary(e: exp.Expression) -> exp.Expression:
        from compiler.functions.sqlkit import binary_text

        return binary_text(e, dialect)

    return binary


def rename_statement_for(sqlglot: str) -> Callable[[list[tuple[exp.Table, exp.Table]]], list[exp.Expression]]:
    """`RENAME TABLE a TO b, c TO d`, which renames all or nothing (MariaDB)."""

    def rename(pairs: list[tuple[exp.Table, exp.Table]]) -> list[exp.Expression]:
        body = ", ".join(f"{a.sql(sqlglot, identify=True)} TO {b.sql(sqlglot, identify=True)}" for a, b in pairs)
        return [exp.Command(this="RENAME", expression=f"TABLE {body}")]

    return rename


def alter_each_for(sqlglot: str) -> Callable[[list[tuple[exp.Table, exp.Table]]], list[exp.Expression]]:
    """One `ALTER TABLE a RENAME TO b` per table (Spark: a catalog operation each, no
    statement renames several tables at once)."""

    def rename(pairs: list[tuple[exp.Table, exp.Table]]) -> list[exp.Expression]:
        return [exp.Alter(this=a.copy(), kind="TABLE", actions=[exp.AlterRename(this=b.copy())]) for a, b in pairs]

    return rename


RENAMES = {"rename_table": rename_statement_for, "alter_each": alter_each_for}


def no_cast_for(dialect: str) -> Callable[[exp.Expression, str], exp.Expression]:
    """A compile-only dialect's casts of staged text: FunctionNotAvailable, naming both."""

    def no_cast(raw: exp.Expression, vtype: str) -> exp.Expression:
        from compiler.functions.registry import FunctionNotAvailable

        raise FunctionNotAvailable(f"cast from text to {vtype}", dialect)

    return no_cast


def unchanged(e: exp.Expression) -> exp.Expression:
    return e


V = TypeVar("V")


class _Of(Generic[V]):
    """A traits attribute that is the record's data: `_Of[bool]("capabilities.stage_row_key")`."""

    def __init__(self, path: str):
        self.path = path.split(".")

    @overload
    def __get__(self, traits: None, owner: type[Any] | None = None) -> _Of[V]: ...
    @overload
    def __get__(self, traits: DialectTraits, owner: type[Any] | None = None) -> V: ...
    def __get__(self, traits: DialectTraits | None, owner: type[Any] | None = None) -> _Of[V] | V:
        if traits is None:
            return self
        value: Any = traits.dialect
        for part in self.path:
            value = getattr(value, part)
        return cast(V, value)


@dataclass(frozen=True)
class DialectTraits:
    """A dialect record, and what the generator builds from it: how one engine spells the
    few things the generator cannot leave to sqlglot."""

    dialect: Dialect
    safe_cast: Callable[[exp.Expression, str], exp.Expression]
    json_object: Callable[[list[tuple[str, exp.Expression]]], exp.Expression]
    binary: Callable[[exp.Expression], exp.Expression]  # force binary comparison/order on an expression
    key_collation: Callable[[], exp.Expression] | None  # binary collation of created key columns
    text_collation: Callable[[], exp.Expression] | None  # collation of every other created text column
    rename_tables: Callable[[list[tuple[exp.Table, exp.Table]]], list[exp.Expression]] | None

    # (no annotations: these are descriptors, not dataclass fields)
    name = _Of[str]("name")
    sqlglot = _Of[str]("sqlglot")
    target_types = _Of[Mapping[str, str]]("target_types")
    key_type = _Of[str]("key_type")  # legacy keys (indexed text)
    flat_schemas = _Of[bool]("identifiers.flat_schemas")
    # the capabilities (see compiler/dialects/record.py for why each one is what it is)
    publish_by_rename = _Of[bool]("capabilities.publish_by_rename")
    temporary_work = _Of[bool]("capabilities.temporary_work")
    crosswalk_primary_key = _Of[bool]("capabilities.crosswalk_primary_key")
    constraints_after_load = _Of[bool]("capabilities.constraints_after_load")
    analyze_after_fill = _Of[bool]("capabilities.analyze_after_fill")
    stage_row_key = _Of[bool]("capabilities.stage_row_key")
    survivor_id_by_window = _Of[bool]("capabilities.survivor_id_by_window")
    indexed_join_copies = _Of[int]("capabilities.indexed_join_copies")
    declared_constraints = _Of[bool]("capabilities.declared_constraints")
    update_rows = _Of[bool]("capabilities.update_rows")
    raise_error = _Of[str]("raise_error")
    view_security = _Of[str | None]("capabilities.view_security")


def traits_of(d: Dialect) -> DialectTraits:
    """The lowerings of a record, from its data: runnable dialects use the function
    library's per-dialect implementations, compile-only ones have none."""
    c = d.collation
    binary = c.binary
    collation: Callable[[], exp.Expression] | None = (lambda: exp.to_identifier(binary, quoted=c.quoted)) if binary else None
    return DialectTraits(
        dialect=d,
        safe_cast=safe_cast_for(d.name) if d.runnable else no_cast_for(d.name),
        json_object=JSON_BUILDERS.get(d.json_object) or json_object_fn(d.json_object),
        binary=binary_for(d.name) if d.runnable else unchanged,
        key_collation=collation if c.on_key_columns else None,
        text_collation=collation if c.on_text_columns else None,
        rename_tables=RENAMES[d.rename](d.sqlglot) if d.capabilities.publish_by_rename else None,
    )


TRAITS: dict[str, DialectTraits] = {d.name: traits_of(d) for d in dialects.RUNNABLE}


def compile_only_traits(dialect: str) -> DialectTraits:
    """Traits for a sqlglot dialect chartshift does not run on: generation only.

    Casts of staged text and every library function need a per-dialect implementation;
    where there is none, generation stops with FunctionNotAvailable naming the function
    and the dialect, never with silently wrong SQL.
    """
    return traits_of(compile_only(dialect))


RUNNABLE = tuple(TRAITS)  # names; compiler.dialects.RUNNABLE holds the records


class DialectNotSupported(UsageError):
    """A sqlglot dialect chartshift cannot generate correct SQL for (exit 2)."""


def traits_for(dialect: str) -> DialectTraits:
    """The traits of a runnable dialect, or compile-only traits for another sqlglot dialect."""
    if dialect in TRAITS:
        return TRAITS[dialect]
    reason = refusal(dialect)
    if reason is not None:
        raise DialectNotSupported(reason)
    return compile_only_traits(dialect)
