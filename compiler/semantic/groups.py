"""Checks of `group by` / `distinct by` maps and of aggregate calls.

A grouped map makes one target row per group of kept source rows.  Each field (and each
reject rule, and each crosswalk key) must then be a value of the whole group: every source
column it reads sits inside a grouped expression (written as in `group by`) or inside an
aggregate.  Aggregates are only allowed there, never nested, and `first`/`last` and
`string_agg` need an order (ties are broken by the source key, byte-wise).
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from compiler import ir
from compiler.ir import types as T
from compiler.ir.walk import walk
from compiler.semantic.catalog import MapScope, SourceColumnRef
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import Scope

OUTSIDE = "aggregate `{f}` is only allowed in the fields and reject rules of a map with `group by`"
IN_DISTINCT = "aggregate `{f}` in a `distinct by` map (which takes no aggregates; use `group by`)"
ORDERED = ("first", "last", "string_agg")


def shape(e: object) -> str:
    """An expression as text without its spans: equal shapes are the same expression."""

    def strip(v: object) -> object:
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "span"}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    dumped = e.model_dump() if isinstance(e, BaseModel) else e
    return json.dumps(strip(dumped), sort_keys=True)


class GroupChecks(CheckerBase):
    """Mixed into the Checker: aggregate calls (from TypeInference) and grouped maps."""

    aggregate_refusal: str | None = OUTSIDE  # None: aggregates allowed here (a group map's fields)
    in_aggregate: bool = False

    def enter_group_fields(self, m: ir.Map) -> None:
        """Aggregates are allowed from here (the fields and rules of a `group by` map)."""
        if m.group is not None:
            self.aggregate_refusal = IN_DISTINCT if m.group.distinct else None

    def leave_group_fields(self) -> None:
        self.aggregate_refusal = OUTSIDE

    def check_agg_call(self, e: ir.AggCall, scope: Scope) -> str | None:
        """The type of an aggregate call, with its misuse reported at the call."""
        if self.aggregate_refusal is not None:
            self.diags.error(self.aggregate_refusal.format(f=e.func), e.span)
            return None
        if self.in_aggregate:
            self.diags.error(f"aggregates cannot be nested: `{e.func}` inside another aggregate", e.span)
            return None
        from compiler.semantic.inference import TypeInference

        rows = TypeInference(self, scope, False)  # arguments are per source row
        self.in_aggregate = True
        try:
            arg_types = [rows.infer(a) for a in e.args]
            for o in e.order:
                rows.infer(o.expr)
        finally:
            self.in_aggregate = False
        f, n = e.func, len(e.args)
        want = {"count": (0, 1), "string_agg": (2, 2)}.get(f, (1, 1))
        if not want[0] <= n <= want[1]:
            count = f"at most {want[1]}" if want[0] != want[1] else str(want[0])
            self.diags.error(f"`{f}` takes {count} argument{'s' if want[1] != 1 else ''}, got {n}", e.span)
            return None
        if f in ORDERED and not e.order:
            how = 'string_agg(x, ", " order by y)' if f == "string_agg" else f"{f}(x by y)"
            self.diags.error(f"`{f}` needs an order: {how}", e.span)
        if f not in ORDERED and e.order:
            self.diags.error(f"`{f}` takes no `by`", e.order[0].span)
        for o in e.order:
            if not any(isinstance(x, ir.Name) for x in walk(o.expr)):
                self.diags.error("a constant decides nothing in `by`; order by a column", o.span)
        t = arg_types[0] if arg_types else T.INTEGER
        if t is None:
            return None
        if f == "count":
            return T.INTEGER
        if f == "sum" and t not in T.NUMERIC:
            self.diags.error(f"`sum` needs numbers, not {t}", e.args[0].span)
            return None
        if f in ("min", "max", "first", "last") and t in (T.BOOLEAN, T.NULL):
            self.diags.error(f"`{f}` takes a text, number or date value, not {t}", e.args[0].span)
            return None
        if f == "string_agg":
            if t not in (T.TEXT, T.ANY):
                self.diags.error(f"`string_agg` joins text, not {t} (convert with concat())", e.args[0].span)
            sep = e.args[1]
            if not (isinstance(sep, ir.Literal) and sep.type == T.TEXT):
                self.diags.error("the separator of `string_agg` must be a string literal", sep.span)
            return T.TEXT
        return t

    def check_group(self, m: ir.Map, scope: MapScope) -> None:
        """The group keys, what a grouped map cannot combine with, and that every field,
        crosswalk key and reject rule is a value of the whole group."""
        g = m.group
        if g is None:
            return
        word = "distinct by" if g.distinct else "group by"
        if m.each is not None:
            self.diags.error(f"`{word}` cannot be combined with `each`", g.span)
        if m.dedup is not None:
            self.diags.error(f"`{word}` cannot be combined with `dedup` (groups are already one row per key)", m.dedup.span)
        for k in g.keys:
            self.type_of(k, scope, False)
        roots: list[ir.Node] = [*g.keys, *(a.expr for a in m.assigns), *(r.when for r in m.rejects)]
        for n in walk(roots):
            if isinstance(n, ir.WindowCall):
                self.diags.error(f"`{n.func}(...) over` is not available in a `{word}` map (use first/last ... by)", n.span)
            elif isinstance(n, ir.Exists):
                self.diags.error(f"`exists` is not available in a `{word}` map", n.span)
        keys = {shape(k) for k in g.keys}
        for a in m.assigns:
            exprs = a.expr.args if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"] else [a.expr]
            for e in exprs:
                self.report_ungrouped(e, keys, scope, False, word)
        for r in m.rejects:
            self.report_ungrouped(r.when, keys, scope, True, word)

    def report_ungrouped(self, e: ir.Node, keys: set[str], scope: MapScope, rule_context: bool, word: str) -> None:
        for n in self.ungrouped(e, keys, scope, rule_context):
            name = ".".join(n.parts)
            self.diags.error(
                f"`{name}` is neither grouped nor aggregated: add it to `{word}` or use an aggregate such as first({name} by ...)",
                n.span,
            )

    def ungrouped(self, e: object, keys: set[str], scope: MapScope, rule_context: bool) -> list[ir.Name]:
        """The source-column names of `e` outside every grouped expression and aggregate."""
        if isinstance(e, list):
            return [n for x in e for n in self.ungrouped(x, keys, scope, rule_context)]
        if not isinstance(e, ir.Node) or isinstance(e, (ir.AggCall, ir.Literal, ir.WindowCall, ir.Exists)):
            return []
        if shape(e) in keys:
            return []
        if isinstance(e, ir.Name):
            return [e] if isinstance(scope.resolve(e, rule_context), SourceColumnRef) else []
        out = []
        for field in type(e).model_fields:
            if field != "span":
                out += self.ungrouped(getattr(e, field), keys, scope, rule_context)
        return out
