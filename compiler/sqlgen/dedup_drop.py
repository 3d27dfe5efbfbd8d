"""`dedup on (...) drop all`: the dedup groups that two or more unrejected rows share.

Every row of such a group is rejected as `ambiguous_duplicate` ("ambiguous duplicate"),
after the map's own rules and constraints and before the duplicate-key rule, so that
`drop all` on the legacy key rejects every copy of a duplicated key, not all but the first.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from compiler import ir
from compiler.ir import types as T
from compiler.sqlgen.lower import ExprLowering, TypeOf, col, table


def ambiguous_groups(
    low: ExprLowering, type_of: TypeOf, binary: Callable[[exp.Expression], exp.Expression], m: ir.Map, layer: str
) -> tuple[exp.Select, exp.Expr, exp.Expression]:
    """(the groups query over `layer`, the join condition to it as `cs_ambiguous`, the
    test that a row is in a shared group).  `layer` has `__rule0`, the first rule that
    rejected the row so far; a NULL in any key never makes a group (text keys compare
    byte-wise)."""
    assert m.dedup is not None  # called for `drop all` maps
    keys = [binary(low(k)) if type_of(k) == T.TEXT else low(k) for k in m.dedup.keys]
    names = [f"__d{i}" for i in range(1, len(keys) + 1)]
    present = [exp.Not(this=exp.Is(this=k.copy(), expression=exp.Null())) for k in keys]
    groups = (
        exp.select(*[exp.alias_(k.copy(), n, quoted=True, copy=False) for k, n in zip(keys, names)])
        .from_(table(layer), copy=False)
        .where(exp.and_(exp.Is(this=col("__rule0", layer), expression=exp.Null()), *present, copy=False), copy=False)
        .group_by(*[k.copy() for k in keys], copy=False)
        .having(exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)), copy=False)
    )
    on = exp.and_(*[exp.EQ(this=col(n, "cs_ambiguous"), expression=k) for k, n in zip(keys, names)], copy=False)
    found = exp.Not(this=exp.Is(this=col(names[0], "cs_ambiguous"), expression=exp.Null()))
    return groups, on, found
