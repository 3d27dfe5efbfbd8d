"""Per-row hashes inside the engine, for `chartshift reconcile` (compiler/ops/reconcile/).

Each value is written as canonical text by the dialect record's `canonical` table (the
forms of sqlgen/canonical.py), NULL as `\\N`, the columns joined with U+001F, and the row
hashed with md5: the same row gives the same hash on DuckDB, PostgreSQL and MariaDB, so
two engines are compared by moving (key, hash) pairs, not rows.  A row's segment (the
first two hex digits of its key's md5, 256 segments) groups the rows for the hash-only
pass: per segment, the row count and the sum of the hashes' first 15 hex digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import sqlglot
from sqlglot import exp

from compiler import ir
from compiler.dialects.record import RowCanonical
from compiler.ir import types as T
from compiler.semantic.catalog import TARGET_TYPES
from compiler.sqlgen.canonical import FIELD, NULL
from compiler.sqlgen.dialect_sql import traits_for
from compiler.sqlgen.lower import col
from compiler.sqlgen.text import sql_text

KEY, HASH, SINCE, SEGMENT, ROWS, SUM = "__key", "__hash", "__since", "__segment", "__rows", "__sum"
PLACEHOLDER = "__value"


@dataclass(frozen=True)
class HashedTable:
    """One target table as reconcile compares it: its key (all compared columns when it
    declares none) and the columns whose values are compared (a `changed_at` column left out)."""

    name: str  # qualified: "emr.patient"
    ref: exp.Table  # the table in the dialect (flat schemas on MariaDB)
    key: tuple[ir.Column, ...]
    columns: tuple[ir.Column, ...]
    since: ir.Column | None = None  # the `changed_at` column, when the table has it

    def read_back(self, ref: exp.Table) -> HashedTable:
        """The same table, read from `ref` (the live rows brought into DuckDB)."""
        return HashedTable(self.name, ref, self.key, self.columns, self.since)


# the DuckDB type a "rows" transfer reads each value type as (DuckDB compares)
LOCAL_TYPES = {
    T.INTEGER: "BIGINT",
    T.DECIMAL: "DECIMAL(38, 4)",
    T.DATE: "DATE",
    T.TIMESTAMP: "TIMESTAMP",
    T.BOOLEAN: "BOOLEAN",
    T.TEXT: "VARCHAR",
}


def local_type(c: ir.Column) -> str:
    return LOCAL_TYPES.get(TARGET_TYPES.get(c.type.name, T.TEXT), "VARCHAR")


class RowHashSql:
    """The statements of one dialect over one table."""

    def __init__(self, dialect: str, table: HashedTable):
        self.dialect = dialect
        self.sqlglot = traits_for(dialect).sqlglot
        self.forms: RowCanonical = traits_for(dialect).dialect.canonical
        self.table = table

    def template(self, form: str, value: exp.Expression) -> exp.Expression:
        tree = sqlglot.parse_one(form.format(PLACEHOLDER), read=self.sqlglot)
        return tree.transform(lambda n: value.copy() if isinstance(n, exp.Column) and n.name == PLACEHOLDER else n)

    def canonical(self, c: ir.Column) -> exp.Expression:
        kind = TARGET_TYPES.get(c.type.name, T.TEXT)
        form = getattr(self.forms, kind, self.forms.text)
        return exp.Coalesce(this=self.template(form, col(c.name)), expressions=[exp.Literal.string(NULL)])

    def joined(self, parts: Sequence[exp.Expression]) -> exp.Expression:
        if len(parts) == 1:
            return parts[0]
        sep = sqlglot.parse_one(self.forms.separator, read=self.sqlglot)
        joined: list[exp.Expr] = [parts[0]]
        for p in parts[1:]:
            joined += [sep.copy(), p]
        # no part is NULL (each is COALESCEd): a plain concatenation, which sqlglot does
        # not wrap in a NULL test per part as it does CONCAT_WS for DuckDB
        return exp.Concat(expressions=joined, safe=True, coalesce=False)

    def key_text(self) -> exp.Expression:
        return self.joined([self.canonical(c) for c in self.table.key])

    def row_hash(self) -> exp.Expression:
        return exp.MD5(this=self.joined([self.canonical(c) for c in self.table.columns]))

    def segment(self) -> exp.Expression:
        return exp.Substring(this=exp.MD5(this=self.key_text()), start=exp.Literal.number(1), length=exp.Literal.number(2))

    def where_segments(self, q: exp.Select, segments: Sequence[str] | None) -> exp.Select:
        if segments is None:
            return q
        return q.where(exp.In(this=self.segment(), expressions=[exp.Literal.string(s) for s in segments]))

    def count_sql(self) -> str:
        return sql_text(exp.select(exp.Count(this=exp.Star())).from_(self.table.ref.copy()), self.dialect)

    def segments_sql(self) -> str:
        """The hash-only pass: segment, rows, sum of the row hashes' first 15 hex digits."""
        head = exp.Substring(this=self.row_hash(), start=exp.Literal.number(1), length=exp.Literal.number(15))
        q = (
            exp.select(
                exp.alias_(self.segment(), SEGMENT),
                exp.alias_(exp.Count(this=exp.Star()), ROWS),
                exp.alias_(exp.Sum(this=self.template(self.forms.hex_to_int, head)), SUM),
            )
            .from_(self.table.ref.copy())
            .group_by(exp.Literal.number(1))
        )
        return sql_text(q, self.dialect)

    def pairs_sql(self, segments: Sequence[str] | None, since: str | None) -> str:
        """(key text, row hash[, changed since `since`: 1/0]) of the rows of `segments` (None: all)."""
        cols: list[exp.Expr] = [exp.alias_(self.key_text(), KEY), exp.alias_(self.row_hash(), HASH)]
        if self.table.since is not None and since is not None:
            after = exp.GTE(this=col(self.table.since.name), expression=exp.cast(exp.Literal.string(since), exp.DataType.Type.TIMESTAMP))
            cols.append(exp.alias_(exp.Case(ifs=[exp.If(this=after, true=exp.Literal.number(1))], default=exp.Literal.number(0)), SINCE))
        return sql_text(self.where_segments(exp.select(*cols).from_(self.table.ref.copy()), segments), self.dialect)

    def native_sql(self) -> str:
        """The compared columns (and `changed_at`) as they are: a "rows" transfer."""
        names = [c.name for c in self.table.columns] + ([self.table.since.name] if self.table.since else [])
        return sql_text(exp.select(*[col(n) for n in names]).from_(self.table.ref.copy()), self.dialect)

    def rows_sql(self, keys: Sequence[str], values: bool = True) -> str:
        """(key text, canonical text of every compared column) of the rows with these key texts."""
        cols: list[exp.Expr] = [exp.alias_(self.key_text(), KEY)]
        cols += [exp.alias_(self.canonical(c), c.name) for c in self.table.columns] if values else []
        q = exp.select(*cols).from_(self.table.ref.copy()).where(self.key_filter(keys))
        return sql_text(q, self.dialect)

    def key_filter(self, keys: Sequence[str]) -> exp.Expression:
        """`key IN (...)` with typed literals, so that the engine uses the key's index."""
        rows = [k.split(FIELD) if len(self.table.key) > 1 else [k] for k in keys]
        if len(self.table.key) == 1:
            return exp.In(this=col(self.table.key[0].name), expressions=[self.literal(self.table.key[0], r[0]) for r in rows])
        this = exp.Tuple(expressions=[col(c.name) for c in self.table.key])
        return exp.In(
            this=this,
            expressions=[exp.Tuple(expressions=[self.literal(c, v) for c, v in zip(self.table.key, r, strict=True)]) for r in rows],
        )

    def literal(self, c: ir.Column, text: str) -> exp.Expression:
        """The value whose canonical text is `text`, as a literal of the column's type."""
        if text == NULL:
            return exp.Null()
        kind = TARGET_TYPES.get(c.type.name, T.TEXT)
        if kind == T.INTEGER:
            return exp.Literal.number(int(text))
        if kind == T.DECIMAL:
            return exp.Literal.number(str(Decimal(text)))
        if kind == T.BOOLEAN:
            return exp.true() if text == "true" else exp.false()
        if kind in (T.DATE, T.TIMESTAMP):
            return exp.cast(exp.Literal.string(text), exp.DataType.Type.DATE if kind == T.DATE else exp.DataType.Type.TIMESTAMP)
        return exp.Literal.string(text)
