"""Lowering of window calls and `exists (...)` (the rules: compiler/semantic/sequencing.py).

A window's order is the stated terms, then the tie-breakers of the layer (the legacy key
as text, then the export order), so that equal order values come out the same on every
engine.  Text orders and partitions byte-wise (binary collation); NULL order values sort
last, ascending or descending.  `exists` is a correlated `EXISTS (SELECT 1 FROM ...)` over
the typed source table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlglot import exp

from compiler import ir
from compiler.functions.sqlkit import binary_text
from compiler.ir import types as T
from compiler.semantic.sequencing import searched_column

SourceTable = Callable[[str, str, str], exp.Table]


class Lowering(Protocol):
    """What these lowerings use of `ExprLowering` (which calls them; no import back)."""

    dialect: str
    resolve: Callable[[ir.Name], exp.Expression]
    type_of: Callable[[ir.Node], str | None] | None
    source_table: SourceTable | None
    window_ties: Callable[[], list[exp.Expression]] | None

    def __call__(self, e: ir.Expr) -> exp.Expression: ...
    def with_resolver(self, resolve: Callable[[ir.Name], exp.Expression]) -> Lowering: ...


def _is_text(low: Lowering, e: ir.Node) -> bool:
    return low.type_of is not None and low.type_of(e) == T.TEXT


def lower_window(low: Lowering, e: ir.WindowCall) -> exp.Expression:
    assert low.window_ties is not None, "window calls are lowered in a map's fields layer"
    partition = [binary_text(low(p), low.dialect) if _is_text(low, p) else low(p) for p in e.partition]
    order: list[exp.Expression] = []
    for o in e.order:
        term = low(o.expr)
        if _is_text(low, o.expr):
            term = binary_text(term, low.dialect)
        order.append(exp.Ordered(this=term, desc=o.descending, nulls_first=False))
    order += [exp.Ordered(this=t) for t in low.window_ties()]
    fn: exp.Expression
    if e.func == "row_number":
        fn = exp.RowNumber()
    else:
        args = [low(a) for a in e.args]
        fn = (exp.Lag if e.func == "lag" else exp.Lead)(this=args[0], offset=args[1] if len(args) > 1 else None)
    return exp.Window(this=fn, partition_by=partition or None, order=exp.Order(expressions=order))


def lower_exists(low: Lowering, e: ir.Exists) -> exp.Expression:
    assert low.source_table is not None, "a lowering of `exists` needs source_table"
    alias = f"cs_exists_{e.alias}"
    outer = low.resolve

    def resolve(name: ir.Name) -> exp.Expression:
        column = searched_column(e, name)
        if column is None:
            return outer(name)
        return exp.Column(this=exp.to_identifier(column, quoted=True), table=exp.to_identifier(alias, quoted=True))

    cond = low.with_resolver(resolve)(e.where)
    sub = exp.select(exp.Literal.number(1)).from_(low.source_table(e.table.parts[0], e.table.parts[-1], alias), copy=False)
    return exp.Exists(this=sub.where(cond, copy=False))
