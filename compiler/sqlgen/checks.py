"""Validation checks: the SQL that measures each one.

Every check's query returns (violations, denominator) — for reconcile (left, right); one
function per check kind, taking that kind's IR model.  The verdict from those numbers is
compiler.runtime.validate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from compiler import ir
from compiler.ir.naming import dotted
from compiler.semantic.catalog import FieldRef
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.lower import Resolver, col, lit, paren, shared_values

if TYPE_CHECKING:
    from compiler.semantic.scopes import TableScope


def one(value: int) -> exp.Expression:
    return lit(value)


def count_if(cond: exp.Expr) -> exp.Expression:
    """SUM(CASE WHEN cond THEN 1 ELSE 0 END), portable everywhere; COALESCE for empty tables."""
    return exp.Coalesce(this=exp.Sum(this=exp.Case().when(cond, one(1)).else_(one(0))), expressions=[one(0)])


def table_columns(scope: TableScope) -> Resolver:
    """Names in a validation rule or aggregate: columns of the scope's table."""

    def resolve(n: ir.Name) -> exp.Expression:
        ref = scope.resolve(n, True)
        assert isinstance(ref, FieldRef), ref  # the checker resolved every name
        return col(ref.name)

    return resolve


def subject_table(gen: GenBase, name: ir.Name, alias: str | None = None) -> exp.Table:
    """The table a check reads: this run's (not yet published) table for targets."""
    qualified = f"{name.parts[0]}.{name.parts[1]}"
    return gen.tbl(name.parts[0], name.parts[1], alias, building=qualified in gen.cat.target_tables)


def check_query(gen: GenBase, c: ir.Check) -> exp.Expression:
    """A SELECT returning (violations, denominator) — for reconcile (left, right)."""
    builder = QUERIES[type(c)]
    return builder(gen, c)


def q_completeness(gen: GenBase, c: ir.CompletenessCheck) -> exp.Select:
    column = col(c.subject.parts[2])
    return exp.select(
        exp.Sub(this=exp.Count(this=exp.Star()), expression=exp.Count(this=column)),
        exp.Count(this=exp.Star()),
    ).from_(subject_table(gen, c.subject))


def q_unique(gen: GenBase, c: ir.UniqueCheck) -> exp.Select:
    column = col(c.subject.parts[2])
    groups = shared_values(subject_table(gen, c.subject), [column], exp.alias_(exp.Count(this=exp.Star()), "n", quoted=True))
    total = exp.Subquery(this=exp.select(exp.Count(this=column.copy())).from_(subject_table(gen, c.subject)))
    return exp.select(exp.Coalesce(this=exp.Sum(this=col("n", "d")), expressions=[one(0)]), total).from_(
        exp.Subquery(this=groups, alias=exp.TableAlias(this=exp.to_identifier("d", quoted=True)))
    )


def q_valid(gen: GenBase, c: ir.ValidCheck) -> exp.Select:
    column = col(c.subject.parts[2])
    if c.rule == "matches":
        from compiler.functions.sqlkit import regex_matches

        assert c.pattern is not None  # a `matches` rule has a pattern (ir.ValidCheck)
        ok = regex_matches(column.copy(), c.pattern, gen.dialect)
    elif c.rule == "in":
        ok = exp.In(this=column.copy(), expressions=[lit(v.value) for v in c.values])
    else:
        low, high = c.values
        ok = exp.Between(this=column.copy(), low=lit_value(low), high=lit_value(high))
    bad = exp.and_(exp.Not(this=exp.Is(this=column.copy(), expression=exp.Null())), exp.Not(this=paren(ok)))
    return exp.select(count_if(bad), exp.Count(this=column.copy())).from_(subject_table(gen, c.subject))


def lit_value(v: ir.Literal) -> exp.Expression:
    from compiler.sqlgen.lower import literal_of

    return literal_of(v)


def q_references(gen: GenBase, c: ir.ReferencesCheck) -> exp.Select:
    ref = gen.cat.target_tables[f"{c.subject.parts[0]}.{c.subject.parts[1]}"]
    column = next(x for x in ref.columns if x.name == c.subject.parts[2])
    assert column.references is not None  # the checker allows `references` checks of referencing columns only
    parts = column.references.parts
    ref_table = (c.subject.parts[0], parts[0]) if len(parts) == 2 else (parts[0], parts[1])
    ref_col = parts[-1]
    joined = (
        exp.select(
            exp.Sub(this=exp.Count(this=col(c.subject.parts[2], "t")), expression=exp.Count(this=col(ref_col, "u"))),
            exp.Count(this=col(c.subject.parts[2], "t")),
        )
        .from_(subject_table(gen, c.subject, "t"))
        .join(
            gen.tbl(ref_table[0], ref_table[1], "u", building=True),
            on=exp.EQ(this=col(ref_col, "u"), expression=col(c.subject.parts[2], "t")),
            join_type="left",
        )
    )
    return joined


def q_consistent(gen: GenBase, c: ir.ConsistentCheck) -> exp.Select:
    from compiler.semantic.scopes import TableScope

    scope = TableScope(gen.cat, dotted(c.subject))
    cond = gen.lowering(table_columns(scope))(c.condition)
    bad = exp.Not(this=exp.Coalesce(this=paren(cond), expressions=[exp.true()]))
    return exp.select(count_if(bad), exp.Count(this=exp.Star())).from_(subject_table(gen, c.subject))


def aggregate_query(gen: GenBase, agg: ir.Aggregate) -> exp.Expression:
    from compiler.semantic.scopes import TableScope

    tname = ".".join(agg.table.parts[:2])
    scope = TableScope(gen.cat, tname)
    low = gen.lowering(table_columns(scope))
    if agg.expr is not None:
        value = low(agg.expr)
    elif len(agg.table.parts) == 3:
        value = col(agg.table.parts[2])
    else:
        value = exp.Star()
    fn = {"sum": exp.Sum, "count": exp.Count, "min": exp.Min, "max": exp.Max}[agg.func]
    q = exp.select(fn(this=value)).from_(subject_table(gen, agg.table))
    if agg.where is not None:
        q = q.where(low(agg.where))
    return exp.Subquery(this=q)


def q_reconcile(gen: GenBase, c: ir.ReconcileCheck) -> exp.Select:
    return exp.select(aggregate_query(gen, c.left), aggregate_query(gen, c.right))


def q_reject_rate(gen: GenBase, c: ir.RejectRateCheck) -> exp.Select:
    from compiler.sqlgen.statements import RECONCILIATION, REJECTS

    name = dotted(c.subject)
    rejects = gen.tbl(*REJECTS, building=True)
    recon = gen.tbl(*RECONCILIATION, building=True)
    side = "source_table" if name in gen.cat.source_tables else "target_table"
    if side == "source_table":
        violations = exp.select(exp.Count(this=exp.Star())).from_(rejects).where(exp.EQ(this=col("source_table"), expression=lit(name)))
        malformed = (
            exp.select(exp.Count(this=exp.Star()))
            .from_(rejects.copy())
            .where(exp.and_(exp.EQ(this=col("source_table"), expression=lit(name)), exp.EQ(this=col("rule"), expression=lit("malformed"))))
        )
        rows = (
            exp.select(exp.Coalesce(this=exp.Sum(this=col("source_rows")), expressions=[one(0)]))
            .from_(recon)
            .where(exp.EQ(this=col("source_table"), expression=lit(name)))
        )
        denom: exp.Expression = exp.Add(this=exp.Subquery(this=rows), expression=exp.Subquery(this=malformed))
    else:
        violations = (
            exp.select(exp.Coalesce(this=exp.Sum(this=col("rejected")), expressions=[one(0)]))
            .from_(recon)
            .where(exp.EQ(this=col("target_table"), expression=lit(name)))
        )
        denom = exp.Subquery(
            this=exp.select(exp.Coalesce(this=exp.Sum(this=col("source_rows")), expressions=[one(0)]))
            .from_(recon.copy())
            .where(exp.EQ(this=col("target_table"), expression=lit(name)))
        )
    return exp.select(exp.Subquery(this=violations), denom)


QUERIES: dict[type[ir.CheckNode], Callable[[GenBase, Any], exp.Expression]] = {  # each kind's model -> its query
    ir.CompletenessCheck: q_completeness,
    ir.UniqueCheck: q_unique,
    ir.ValidCheck: q_valid,
    ir.ReferencesCheck: q_references,
    ir.ConsistentCheck: q_consistent,
    ir.ReconcileCheck: q_reconcile,
    ir.RejectRateCheck: q_reject_rate,
}
