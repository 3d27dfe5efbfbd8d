"""Checks of `phase` blocks: names unique, `maps` naming mapped target tables, `only`
filters on a table the phase's maps read, as conditions over that table's columns."""

from __future__ import annotations

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.semantic.catalog import MapScope, dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import TableScope


def phase_maps(spec: ir.Spec, phase: ir.Phase) -> list[ir.Map]:
    """The maps a phase runs: those filling its `maps` target tables (none listed: every map)."""
    if not phase.maps:
        return list(spec.maps)
    targets = {dotted(n) for n in phase.maps}
    return [m for m in spec.maps if dotted(m.target) in targets]


class PhaseChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat`, `diags`, `type_of` and `expect_boolean`."""

    def check_phases(self) -> None:
        seen: dict[str, ir.Phase] = {}
        for p in self.spec.phases:
            if p.name in seen:
                self.diags.error(f"duplicate phase `{p.name}` (first declared on line {seen[p.name].span.line})", p.span)
            else:
                seen[p.name] = p
            self.check_phase(p)
        if self.spec.phases:
            covered = {id(m) for p in self.spec.phases for m in phase_maps(self.spec, p)}
            for m in self.spec.maps:
                if id(m) not in covered:
                    self.diags.warning(
                        f"map {dotted(m.source)} -> {dotted(m.target)} is in no phase: a phased cutover never runs it", m.span
                    )

    def check_phase(self, p: ir.Phase) -> None:
        mapped = {t: ms for t, ms in self.cat.maps_of_target.items() if ms}
        listed: set[str] = set()
        for n in p.maps:
            name = dotted(n)
            if name in listed:
                self.diags.error(f"{name} is listed twice in the `maps` of phase `{p.name}`", n.span)
            listed.add(name)
            if name not in self.cat.target_tables:
                self.diags.error(f"unknown target table `{name}` in the `maps` of phase `{p.name}`{did_you_mean(name, mapped)}", n.span)
            elif name not in mapped:
                self.diags.error(f"no map fills {name}: phase `{p.name}` cannot run it", n.span)
        read = {dotted(m.source) for m in phase_maps(self.spec, p)}
        filtered: set[str] = set()
        for f in p.filters:
            table = dotted(f.table)
            if table not in self.cat.source_tables:
                self.diags.error(
                    f"unknown source table `{table}` in phase `{p.name}`{did_you_mean(table, self.cat.source_tables)}", f.table.span
                )
                continue
            if table in filtered:
                self.diags.error(f"phase `{p.name}` filters {table} twice; combine the conditions with `and`", f.span)
            filtered.add(table)
            if table not in read:
                self.diags.error(
                    f"phase `{p.name}` filters {table}, but none of its maps reads it (a filter selects rows of a map's source table)",
                    f.table.span,
                )
            # the scope of a map that reads only this table: its columns, `exists (...)`, functions
            reader = (
                ir.Map(span=f.span, source=f.table, target=next(iter(self.cat.maps_by_target.values())).target) if self.spec.maps else None
            )
            scope = MapScope.of(self.cat, reader) if reader is not None else TableScope(self.cat, table)
            self.expect_boolean(f.where, self.type_of(f.where, scope), "a phase filter")
