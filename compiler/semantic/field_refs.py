"""Field references: a field of a map computed from another field of the same map.

Inside a field's expression, an unqualified name that is neither an `each` variable,
`each_index` nor a column of the primary source table names a field this map assigns
(docs/LANGUAGE.md "### Field references").  The fields are computed in dependency order,
one layer per level (`field_levels`); a cycle is an error that shows it.
"""

from __future__ import annotations

from compiler import ir
from compiler.ir import types as T
from compiler.ir.walk import walk
from compiler.semantic.catalog import TARGET_TYPES, Catalog, FieldRef, MapScope, Ref, dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.dependencies import find_cycle


def is_crosswalk(a: ir.Assign) -> bool:
    return isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]


class FieldScope(MapScope):
    """The names of a field's expression: those of the map (`MapScope`, outside rules),
    then the map's other assigned fields, which a source column of the same name hides.
    A MapScope itself (sharing the map scope's tables), so that what is allowed in a
    map's fields (windows, `exists`) is allowed here."""

    def __init__(self, scope: MapScope, fields: dict[str, str]):
        super().__init__(scope.catalog, scope.map, scope.primary_alias, scope.aliases, scope.each_types, scope.field_types)
        self.fields = fields  # assigned field -> its column's value type

    @classmethod
    def over(cls, cat: Catalog, scope: MapScope) -> FieldScope:
        target = cat.target_tables.get(dotted(scope.map.target))
        columns = {c.name: c for c in target.columns} if target else {}
        fields = {a.field: TARGET_TYPES.get(columns[a.field].type.name, T.ANY) for a in scope.map.assigns if a.field in columns}
        return cls(scope, fields)

    def resolve(self, name: ir.Name, rule_context: bool) -> Ref | str:
        ref = super().resolve(name, False)
        if isinstance(ref, str) and len(name.parts) == 1 and name.parts[0] in self.fields:
            return FieldRef(name.parts[0], self.fields[name.parts[0]])
        return ref


def field_uses(scope: FieldScope, a: ir.Assign) -> list[tuple[str, ir.Name]]:
    """The fields `a`'s expression reads, with the name that reads each, in order."""
    out = []
    for n in walk(a.expr):
        if isinstance(n, ir.Name) and isinstance(scope.resolve(n, False), FieldRef):
            out.append((n.parts[0], n))
    return out


def field_levels(cat: Catalog, m: ir.Map) -> dict[str, int]:
    """field -> its level: 1 when it reads no other field, else one more than the highest
    level it reads.  The crosswalk id is not a field here (it is numbered later).  Called
    on checked maps only (no cycles)."""
    map_scope = MapScope.of(cat, m)
    for i, n in enumerate(m.each.names if m.each else []):
        map_scope.each_types[n] = (i, T.ANY)  # the names only: types do not matter here
    scope = FieldScope.over(cat, map_scope)
    deps = {a.field: [f for f, _ in field_uses(scope, a)] for a in m.assigns if not is_crosswalk(a)}
    levels: dict[str, int] = {}

    def level(f: str) -> int:
        if f not in levels:
            levels[f] = 1 + max((level(d) for d in deps.get(f, []) if d in deps), default=0)
        return levels[f]

    for f in deps:
        level(f)
    return levels


class FieldRefChecks(CheckerBase):
    """Mixed into the Checker: field references of one map (the crosswalk id, cycles)."""

    def check_field_refs(self, m: ir.Map, scope: FieldScope) -> None:
        xwalk = {a.field for a in m.assigns if is_crosswalk(a)}
        deps: dict[str, list[str]] = {}
        spans: dict[str, ir.Assign] = {}
        for a in m.assigns:
            if is_crosswalk(a) or a.field in spans:
                continue
            spans[a.field] = a
            deps[a.field] = []
            for f, n in field_uses(scope, a):
                if m.group is not None:
                    word = "distinct by" if m.group.distinct else "group by"
                    self.diags.error(f"the fields of a `{word}` map cannot read other fields (`{f}`); repeat its expression", n.span)
                elif f in xwalk:
                    self.diags.error(f"the crosswalk id `{f}` is numbered after the fields are computed and cannot be used in them", n.span)
                elif f not in deps[a.field]:
                    deps[a.field].append(f)
        # every cycle once: report one, take its fields out, look again
        while (cycle := find_cycle(deps)) is not None:
            self.diags.error(f"fields refer to each other in a cycle: {' -> '.join(cycle + [cycle[0]])}", spans[cycle[0]].span)
            deps = {f: [d for d in ds if d not in cycle] for f, ds in deps.items() if f not in cycle}
