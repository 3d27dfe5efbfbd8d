"""The fields of a map's work table, one CTE per dependency level (field references).

A map whose fields read no other field has one layer, `cs_fields` over `cs_in` (the SQL
is the same as before field references existed).  Otherwise level 1 is `cs_fields_1`
over `cs_in`, level k reads level k-1, and the last level is `cs_fields`: each layer is
`SELECT <previous layer>.*, <this level's fields>`, so a field used twice is computed once.
"""

from __future__ import annotations

from typing import Protocol

from sqlglot import exp

from compiler import ir
from compiler.semantic.catalog import Catalog, EachIndexRef, EachVarRef, FieldRef, MapScope, SourceColumnRef
from compiler.semantic.field_refs import FieldScope, field_levels, is_crosswalk
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.lower import ExprLowering, Resolver, col, ident, table
from compiler.sqlgen.refs import JoinedRefs


class MapWork(Protocol):
    """What the field layers use of `compiler.sqlgen.map_work.MapWork` (which imports this module)."""

    gen: GenBase
    m: ir.Map
    cat: Catalog
    scope: MapScope
    lookup_misses: list[tuple[ir.Lookup, str]]

    def type_of(self, e: ir.Node) -> str | None: ...
    def key_expr(self, low: ExprLowering) -> exp.Expression: ...
    def record_order(self, layer: str) -> exp.Expression: ...
    def lowering_in(self, layer: str, rule_context: bool, refs: JoinedRefs | None = None) -> ExprLowering: ...


def layer_names(levels: int) -> list[str]:
    """`cs_fields` alone, or `cs_fields_1`, ..., `cs_fields_<n-1>`, `cs_fields`."""
    return [f"cs_fields_{i}" for i in range(1, levels)] + ["cs_fields"]


def layer_columns(scope: MapScope, layer: str, rule_context: bool) -> Resolver:
    """Names resolved in `scope` as the columns of a work layer that carries them
    (`f__field`, `e__var`, `__slot`, `s__alias__column`)."""

    def resolve(name: ir.Name) -> exp.Expression:
        ref = scope.resolve(name, rule_context)
        if isinstance(ref, FieldRef):
            return col(f"f__{ref.name}", layer)
        if isinstance(ref, EachVarRef):
            return col(f"e__{ref.name}", layer)
        if isinstance(ref, EachIndexRef):
            return col("__slot", layer)
        assert isinstance(ref, SourceColumnRef), ref  # the checker resolved every name
        return col(f"s__{ref.alias}__{ref.column}", layer)

    return resolve


def field_resolver(work: MapWork, layer: str) -> Resolver:
    """Names of a field expression as columns of `layer` (the layer below the field's)."""
    scope = FieldScope(work.scope, {a.field: work.scope.field_types.get(a.field, "") for a in work.m.assigns})
    return layer_columns(scope, layer, False)


def field_ctes(work: MapWork) -> list[tuple[str, exp.Select]]:
    """(name, select) per level; the legacy key is computed in level 1 (it reads no field)."""
    m = work.m
    levels = field_levels(work.cat, m)
    names = layer_names(max(levels.values(), default=1))
    out: list[tuple[str, exp.Select]] = []
    below = "cs_in"
    for i, name in enumerate(names, start=1):
        refs = JoinedRefs(work.gen)
        low = work.gen.lowering(field_resolver(work, below), work.type_of, refs)
        # a window's ties are broken by the legacy key (binary text), then the export order
        if i == 1:
            key_low = work.lowering_in("cs_in", False, refs)
            low.window_ties = lambda key_low=key_low: [work.key_expr(key_low), work.record_order("cs_in")]
        else:
            low.window_ties = lambda below=below: [col("__key", below), work.record_order(below)]
        select = exp.select(exp.Column(this=exp.Star(), table=ident(below))).from_(table(below), copy=False)
        for a in m.assigns:
            if is_crosswalk(a) or levels.get(a.field) != i:
                continue
            select = select.select(exp.alias_(low(a.expr), f"f__{a.field}", quoted=True, copy=False), copy=False)
        if i == 1:
            select = select.select(exp.alias_(work.key_expr(key_low), "__key", quoted=True), copy=False)
        for lookup, miss in refs.misses.values():  # `else reject` lookups: did the key have no entry?
            flag = f"__miss_{len(work.lookup_misses) + 1}"
            work.lookup_misses.append((lookup, flag))
            select = select.select(exp.alias_(miss, flag, quoted=True, copy=False), copy=False)
        out.append((name, refs.join_into(select)))
        below = name
    return out


def lookup_miss_rules(misses: list[tuple[ir.Lookup, str]]) -> dict[str, list[str]]:
    """lookup name -> its miss flags, in order of first use: one reject rule per lookup."""
    out: dict[str, list[str]] = {}
    for lookup, flag in misses:
        out.setdefault(lookup.name, []).append(flag)
    return out
