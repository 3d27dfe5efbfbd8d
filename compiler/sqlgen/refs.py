"""Crosswalk and file-lookup references of one layer of a map's work table, as LEFT JOINs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlglot import exp

from compiler import ir
from compiler.plan.steps import CHARTSHIFT_SCHEMA, table_names
from compiler.sqlgen import lookups
from compiler.sqlgen.lower import col, join, lit


class KeysAndTables(Protocol):
    """What `JoinedRefs` uses of `SqlGen`: legacy key text and table references."""

    def key_text(self, parts: Sequence[exp.Expression]) -> exp.Expression: ...
    def tbl(self, schema: str | None, name: str, alias: str | None = None, building: bool = False) -> exp.Table: ...


JoinKey = tuple[str, str, str]  # ("crosswalk", target, key SQL) or ("lookup", name, arg SQL)


class JoinedRefs:
    """Crosswalk and file-lookup references of one layer as LEFT JOINs, one per distinct
    key expression.  A correlated subquery per reference is an index probe per row on
    PostgreSQL and MariaDB (and a DELIM_JOIN on DuckDB); a join is one hash join.  Both
    joined tables have one row per key, so the join never multiplies rows."""

    def __init__(self, gen: KeysAndTables):
        self.gen = gen
        self.joins: dict[JoinKey, tuple[str, exp.Table, exp.Expr]] = {}
        # (lookup, key SQL) -> (lookup, test that it found no entry): `else reject` lookups
        self.misses: dict[tuple[str, str], tuple[ir.Lookup, exp.Expression]] = {}

    def _alias(self, key: JoinKey, make: Callable[[str], tuple[exp.Table, exp.Expr]]) -> str:
        if key not in self.joins:
            alias = f"cs_ref{len(self.joins) + 1}"
            self.joins[key] = (alias, *make(alias))
        return self.joins[key][0]

    def crosswalk(self, target: str, args: list[exp.Expression]) -> exp.Expression:
        schema, name = table_names(target).xwalk
        key = self.gen.key_text(args)
        alias = self._alias(
            ("crosswalk", target, key.sql()),
            lambda a: (
                self.gen.tbl(schema, name, a, building=True),
                exp.and_(
                    exp.EQ(this=col("legacy_key", a), expression=key), exp.NEQ(this=col("state", a), expression=lit("inactive")), copy=False
                ),
            ),
        )
        return col("target_id", alias)

    def lookup(self, lookup: ir.Lookup, args: list[exp.Expression], field: str | None) -> exp.Expression:
        """The value of a lookup call; with `else reject`, also noted in `misses`."""
        if lookup.file is None:
            if lookup.else_reject:
                self.note_miss(lookup, args, lambda: lookups.inline_miss(lookup, args))
            return lookups.inline_value(lookup, args, field)
        alias = self._alias(
            ("lookup", lookup.name, "|".join(a.sql() for a in args)),
            lambda a: (self.gen.tbl(CHARTSHIFT_SCHEMA, f"lookup__{lookup.name}", a), lookups.file_join_on(lookup, a, args)),
        )
        if lookup.else_reject:
            self.note_miss(lookup, args, lambda: lookups.file_miss(lookup, alias))
        return lookups.file_value(lookup, alias, field)

    def note_miss(self, lookup: ir.Lookup, args: list[exp.Expression], miss: Callable[[], exp.Expression]) -> None:
        """Remember the test that a call of an `else reject` lookup found no entry (once per key)."""
        key = (lookup.name, "|".join(a.sql() for a in args))
        if key not in self.misses:
            self.misses[key] = (lookup, miss())

    def join_into(self, select: exp.Select) -> exp.Select:
        for _alias, tbl, on in self.joins.values():
            select = join(select, tbl, on=on, side="LEFT")
        return select
