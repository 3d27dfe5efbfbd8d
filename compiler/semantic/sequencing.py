"""Checks of `join many`, window calls (`row_number`, `lag`, `lead` ... `over (...)`) and
`exists (...)`: their types (called from `TypeInference`) and where they may be used.

Names inside `exists (t v where cond)`: `v.column` (or `schema.table.column`) is a column
of the table searched; every other name means what it means where the `exists` stands.
"""

from __future__ import annotations

from typing import Protocol

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.ir.naming import dotted
from compiler.ir.walk import walk
from compiler.semantic.catalog import SOURCE_TYPES, MapScope, Ref, SourceColumnRef
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import Scope

WINDOW_FUNCTIONS = {"row_number": (0, 0), "lag": (1, 2), "lead": (1, 2)}  # name -> (min, max) arguments


def shown(e: ir.WindowCall) -> str:
    """How a diagnostic names a window call: `row_number() over (...)`, `lag(...) over (...)`."""
    return f"`{e.func}({'' if e.func == 'row_number' else '...'}) over (...)`"


def searched_column(e: ir.Exists, name: ir.Name) -> str | None:
    """The column of the `exists` table that `name` denotes, or None for an outer name.
    The lowering uses the same rule, so both agree on which names are inner."""
    parts = name.parts
    if len(parts) == 2 and parts[0] == e.alias:
        return parts[1]
    if len(parts) == 3 and parts[:2] == e.table.parts:
        return parts[2]
    return None


class Inference(Protocol):
    """What these rules use of `TypeInference` (which calls them; no import back)."""

    ck: CheckerBase
    scope: Scope
    rule: bool

    def __init__(self, checker: CheckerBase, scope: Scope, rule_context: bool): ...
    def err(self, msg: str, node: ir.Node) -> None: ...
    def infer(self, e: ir.Node) -> str | None: ...


class ExistsScope:
    """Names inside an `exists` condition: the searched table's columns, then the outer scope."""

    def __init__(self, outer: Scope, e: ir.Exists, columns: dict[str, ir.Column]):
        self.outer = outer
        self.e = e
        self.columns = columns

    def resolve(self, name: ir.Name, rule_context: bool) -> Ref | str:
        column = searched_column(self.e, name)
        if column is None:
            return self.outer.resolve(name, rule_context)
        c = self.columns.get(column)
        table = dotted(self.e.table)
        if c is None:
            return f"unknown column `{column}` in {table}{did_you_mean(column, self.columns)}"
        return SourceColumnRef(self.e.alias, table, column, SOURCE_TYPES.get(c.type.name, T.TEXT))


def window_type(inf: Inference, e: ir.WindowCall) -> str | None:
    """`row_number()` is an integer; `lag(x)` / `lead(x)` (optionally `lag(x, n)`, n a
    positive integer literal) have the type of `x`.  An order is required."""
    if not isinstance(inf.scope, (MapScope, ExistsScope)):
        inf.err(f"{shown(e)} is only allowed in a map's fields", e)
        return None
    for p in e.partition:
        inf.infer(p)
    for o in e.order:
        inf.infer(o.expr)
        if not any(isinstance(n, ir.Name) for n in walk(o.expr)):
            inf.err("a constant decides nothing in `order by`; order by a column", o)
    arity = WINDOW_FUNCTIONS.get(e.func)
    if arity is None:
        inf.err(f"unknown window function `{e.func}` (row_number, lag, lead){did_you_mean(e.func, WINDOW_FUNCTIONS)}", e)
        return None
    if not e.order:
        inf.err(f"`{e.func}` needs an order: `over (... order by ...)` (otherwise the result depends on the engine)", e)
    lo, hi = arity
    if not lo <= len(e.args) <= hi:
        want = "no arguments" if hi == 0 else f"{lo} or {hi} arguments"
        inf.err(f"`{e.func}` takes {want}, got {len(e.args)}", e)
        return None
    if e.func == "row_number":
        return T.INTEGER
    typ = inf.infer(e.args[0])
    if len(e.args) == 2:
        n = e.args[1]
        if not (isinstance(n, ir.Literal) and n.type == T.INTEGER and isinstance(n.value, int) and n.value >= 1):
            inf.err(f"the offset of `{e.func}` must be a positive integer literal", n)
        else:
            inf.infer(n)
    return typ


def exists_type(inf: Inference, e: ir.Exists) -> str | None:
    """`exists (t v where cond)` is a condition over a source table of the spec."""
    if not isinstance(inf.scope, (MapScope, ExistsScope)):
        inf.err("`exists (...)` is only allowed in a map", e)
        return None
    table = dotted(e.table)
    columns = inf.ck.cat.table_columns(table) if table in inf.ck.cat.source_tables else None
    if columns is None:
        inf.err(f"unknown source table `{table}` in `exists`{did_you_mean(table, inf.ck.cat.source_tables)}", e.table)
        return T.BOOLEAN
    inner = type(inf)(inf.ck, ExistsScope(inf.scope, e, columns), inf.rule)
    inf.ck.expect_boolean(e.where, inner.infer(e.where), "the `where` of `exists (...)`")
    return T.BOOLEAN


class SequencingChecks(CheckerBase):
    """Mixed into the Checker: where window calls may stand, and `join many` with a crosswalk."""

    def check_sequencing(self, m: ir.Map) -> None:
        fields: list[ir.Node] = [a.expr for a in m.assigns if not (isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"])]
        elsewhere: list[ir.Node] = [j.on for j in m.joins]
        elsewhere += list(m.where) + [r.when for r in m.rejects]
        elsewhere += [a.expr for a in m.assigns if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]]
        if m.each is not None:
            elsewhere += list(m.each.items) + ([m.each.when] if m.each.when is not None else [])
        if m.dedup is not None:
            elsewhere += list(m.dedup.keys) + [o.expr for o in m.dedup.order]
        for n in walk(elsewhere):
            if isinstance(n, ir.WindowCall):
                self.diags.error(f"{shown(n)} is only allowed in a field (`field = ...`)", n.span)
        for f in fields:
            for n in walk(f):
                if isinstance(n, ir.WindowCall):
                    for inner in walk([n.args, n.partition, [o.expr for o in n.order]]):
                        if isinstance(inner, (ir.WindowCall, ir.Exists)):
                            what = "window call" if isinstance(inner, ir.WindowCall) else "`exists`"
                            self.diags.error(f"a {what} cannot be used inside {shown(n)}", inner.span)
                if isinstance(n, ir.Exists):
                    for inner in walk(n.where):
                        if isinstance(inner, ir.WindowCall):
                            self.diags.error("a window call cannot be used inside `exists (...)`", inner.span)
        self.check_join_many_key(m)

    def check_join_many_key(self, m: ir.Map) -> None:
        """With `join many`, the crosswalk key must tell the matches apart: it reads a column
        of a `join many` table (else every match after the first is a duplicate key)."""
        many = {j.alias for j in m.joins if j.many}
        xw = next((a for a in m.assigns if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]), None)
        if not many or xw is None:
            return
        scope = MapScope.of(self.cat, m)
        for n in walk(xw.expr):
            if isinstance(n, ir.Name):
                ref = scope.resolve(n, False)
                if isinstance(ref, SourceColumnRef) and ref.alias in many:
                    return
        aliases = ", ".join(f"`{a}`" for a in sorted(many))
        self.diags.error(
            f"with `join many` the crosswalk key must read a column of {aliases}: otherwise every match after the first has the same key",
            xw.expr.span,
        )
