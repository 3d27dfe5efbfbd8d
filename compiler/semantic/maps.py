"""Checks of the maps: tables, joins, `each`, assignments, rules, dedup, and cycles among maps."""

from __future__ import annotations

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.ir.walk import walk
from compiler.semantic.catalog import EACH_INDEX, TARGET_TYPES, MapScope, dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.dedup import DedupChecks
from compiler.semantic.dependencies import dependencies, find_cycle
from compiler.semantic.field_refs import FieldRefChecks, FieldScope

KEEP = ("first", "last")


class MapChecks(FieldRefChecks, DedupChecks, CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat`, `diags`, `types`, `type_of` and `expect_boolean`."""

    def check_map(self, m: ir.Map) -> None:
        src = dotted(m.source)
        tgt = dotted(m.target)
        if src not in self.cat.source_tables:
            self.diags.error(f"unknown source table `{src}`{did_you_mean(src, self.cat.source_tables)}", m.source.span)
            return
        if tgt not in self.cat.target_tables:
            self.diags.error(f"unknown target table `{tgt}`{did_you_mean(tgt, self.cat.target_tables)}", m.target.span)
            return
        scope = MapScope.of(self.cat, m)
        used = {scope.primary_alias}
        joins = []  # the joins whose condition can be checked
        for j in m.joins:
            jt = dotted(j.table)
            if j.alias in used:
                # MapScope keeps the first table of an alias; never drop that one
                self.diags.error(f"alias `{j.alias}` is already used in this map; name the join with `as`", j.span)
                continue
            used.add(j.alias)
            if jt not in self.cat.source_tables:
                self.diags.error(f"unknown source table `{jt}`{did_you_mean(jt, self.cat.source_tables)}", j.table.span)
                scope.aliases.pop(j.alias, None)
                continue
            joins.append(j)
        for j in joins:
            if j.alias in scope.aliases:
                if m.each is not None and self.uses_each_index(j.on, "a join condition"):
                    continue
                self.expect_boolean(j.on, self.type_of(j.on, scope, False), "a join condition")
        if m.each is not None:
            self.check_each(m.each, scope)
        for w in m.where:
            self.expect_boolean(w, self.type_of(w, scope, False), "`where`")

        target = self.cat.target_tables[tgt]
        columns = {c.name: c for c in target.columns}
        self.enter_group_fields(m)
        assigned: dict[str, ir.Assign] = {}
        field_scope = FieldScope.over(self.cat, scope)  # a field may read another field
        crosswalks = 0
        for a in m.assigns:
            if a.field in assigned:
                self.diags.error(f"field `{a.field}` assigned twice (first at line {assigned[a.field].span.line})", a.span)
                continue
            assigned[a.field] = a
            col = columns.get(a.field)
            if col is None:
                self.diags.error(f"unknown column `{a.field}` in {tgt}{did_you_mean(a.field, columns)}", a.span)
                continue
            want = TARGET_TYPES.get(col.type.name, T.ANY)
            if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]:
                crosswalks += 1
                if crosswalks > 1:
                    self.diags.error("a map assigns at most one `crosswalk(...)` id", a.expr.span)
                for arg in a.expr.args:
                    self.type_of(arg, scope, False)
                if not a.expr.args:
                    self.diags.error("`crosswalk` needs at least one legacy key argument", a.expr.span)
                if want != T.INTEGER:
                    self.diags.error(f"`crosswalk(...)` gives an integer id; column `{a.field}` is {col.type.name}", a.expr.span)
                typ: str | None = T.INTEGER
                self.types[id(a.expr)] = typ
            else:
                typ = self.type_of(a.expr, field_scope, False)
            scope.field_types[a.field] = want
            if typ is not None and not (T.fits(typ, want) or want == T.TEXT):
                self.diags.error(f"cannot assign a {typ} value to column `{a.field}` of type {col.type.name}", a.expr.span)
        self.check_field_refs(m, field_scope)
        for name, col in columns.items():
            if col.not_null and name not in assigned:
                self.diags.error(f"not-null column `{name}` of {tgt} is never assigned", m.target.span)
            elif name in target.key and name not in assigned:
                self.diags.error(f"key column `{name}` of {tgt} is never assigned", m.target.span)
        rule_exprs: list[ir.Node] = []
        for r in m.rejects:
            self.expect_boolean(r.when, self.type_of(r.when, scope, True), "a reject rule")
            rule_exprs.append(r.when)
            if not r.reason.strip():
                self.diags.error("a reject reason must not be empty", r.span)
        if m.dedup is not None:
            # `drop all` builds keep "none" with no order; `keep none by ...` is not it
            if m.dedup.keep not in KEEP and not (m.dedup.keep == ir.DROP_ALL and not m.dedup.order):
                self.diags.error(f"`keep` takes first or last, not `{m.dedup.keep}` (`drop all` rejects every copy instead)", m.dedup.span)
            for e in m.dedup.keys:
                self.type_of(e, scope, True)
                rule_exprs.append(e)
            for o in m.dedup.order:
                self.type_of(o.expr, scope, True)
                rule_exprs.append(o.expr)
                if not any(isinstance(n, ir.Name) for n in walk(o.expr)):
                    # also: SQL reads a bare integer in ORDER BY as a column position
                    self.diags.error("a constant decides nothing in `keep ... by`; order by a column or field", o.span)
        self.leave_group_fields()
        self.check_group(m, scope)
        self.check_id_in_rules(m, rule_exprs)
        self.check_dedup_on_legacy_key(m, scope)
        self.check_constraint_inputs(m, columns, assigned)

    def check_constraint_inputs(self, m: ir.Map, columns: dict[str, ir.Column], assigned: dict[str, ir.Assign]) -> None:
        """A target `check (...)` is evaluated on this map's computed fields: every column it
        reads must be assigned by the map (and not be the crosswalk id, numbered later)."""
        computed = {f for f, a in assigned.items() if not (isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"])}
        for field, a in assigned.items():
            col = columns.get(field)
            if col is None or col.check is None or field not in computed:
                continue
            for n in walk(col.check):
                if isinstance(n, ir.Name) and n.parts[-1] in columns and n.parts[-1] not in computed:
                    self.diags.error(f"the check on `{field}` reads `{n.parts[-1]}`, which this map does not compute", a.span)
                    break

    def check_id_in_rules(self, m: ir.Map, exprs: list[ir.Node]) -> None:
        """The crosswalk id is numbered after the rules and dedup have run: rules cannot read it."""
        xw = next((a for a in m.assigns if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]), None)
        if xw is None:
            return
        for n in walk(exprs):
            if isinstance(n, ir.Name) and n.parts == [xw.field]:
                self.diags.error(f"the crosswalk id `{xw.field}` is numbered after the rules run and cannot be used in them", n.span)

    def check_each(self, each: ir.Each, scope: MapScope) -> None:
        width = len(each.names)
        if len(set(each.names)) != width:
            self.diags.error("`each` variable names must differ", each.span)
        columns: list[list[str]] = [[] for _ in range(width)]
        for item in each.items:
            elems = item.items if isinstance(item, ir.Tuple) else [item]
            if len(elems) != width:
                self.diags.error(f"each item has {len(elems)} value{'s' if len(elems) != 1 else ''}, expected {width}", item.span)
                continue
            for i, e in enumerate(elems):
                if self.uses_each_index(e, "an `each` item"):
                    continue
                t = self.type_of(e, scope, False)
                if t is not None:
                    columns[i].append(t)
        for i, name in enumerate(each.names):
            typ: str | None = T.NULL
            for t in columns[i]:
                typ = T.common(typ, t) if typ is not None else None
            if typ is None:
                self.diags.error(f"each variable `{name}` takes values of different types", each.span)
                typ = T.ANY
            scope.each_types[name] = (i, typ)
        if each.when is not None:
            self.expect_boolean(each.when, self.type_of(each.when, scope, False), "`each ... when`")

    def uses_each_index(self, e: ir.Node, what: str) -> bool:
        """Report `each_index` where the row is not yet expanded (joins, each items)."""
        for n in walk(e):
            if isinstance(n, ir.Name) and n.parts == [EACH_INDEX]:
                self.diags.error(f"`{EACH_INDEX}` cannot be used in {what}", n.span)
                return True
        return False

    def check_cycles(self) -> None:
        deps = dependencies(self.spec)
        cycle = find_cycle(deps)
        if cycle:
            m = self.cat.maps_by_target[cycle[0]]
            if len(cycle) == 1:
                self.diags.error(f"the map filling {cycle[0]} cannot use its own crosswalk", m.span)
            else:
                self.diags.error(f"maps depend on each other in a cycle: {' -> '.join(cycle + [cycle[0]])}", m.span)
