"""Checks of the `test` blocks: the tables, columns, maps and checks they name, the types of expected values."""

from __future__ import annotations

from collections.abc import Mapping

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.ir.naming import check_name
from compiler.semantic.catalog import dotted
from compiler.semantic.checker_base import CheckerBase


class SpecTestChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat` and `diags`."""

    def check_tests(self) -> None:
        """`test` blocks name real tables, columns, maps and checks (else `chartshift test`
        would fail half-way through, or compare against nothing)."""
        tests = getattr(self.spec, "tests", [])
        seen: dict[str, ir.Node] = {}
        names = [check_name(c) for c in self.spec.checks]
        maps = {(dotted(m.source), dotted(m.target)) for m in self.spec.maps}
        for t in tests:
            if t.name in seen:
                self.diags.error(f"duplicate test `{t.name}` (first declared at line {seen[t.name].span.line})", t.span)
            seen.setdefault(t.name, t)
            for rows in t.given:
                self.check_test_rows(rows, self.cat.source_tables, "source", typed=False)
            for rows in t.expect:
                self.check_test_rows(rows, self.cat.target_tables, "target", typed=True)
            for rj in t.rejects:
                src, tgt = dotted(rj.source), dotted(rj.target)
                if (src, tgt) not in maps:
                    pool = [f"{a} -> {b}" for a, b in sorted(maps)]
                    self.diags.error(f"no map `{src} -> {tgt}`{did_you_mean(f'{src} -> {tgt}', pool)}", rj.span)
            for ec in t.checks:
                if ec.name not in names:
                    self.diags.error(f"no check named `{ec.name}`{did_you_mean(ec.name, names)}", ec.span)

    def check_test_rows(self, rows: ir.Rows, tables: Mapping[str, ir.SourceTable | ir.TargetTable], kind: str, typed: bool) -> None:
        table = dotted(rows.table)
        if table not in tables:
            self.diags.error(f"unknown {kind} table `{table}`{did_you_mean(table, tables)}", rows.table.span)
            return
        cols = {c.name: c for c in tables[table].columns}
        seen: set[str] = set()
        for name in rows.columns:
            if name in seen:
                self.diags.error(f"column `{name}` named twice", rows.span)
            seen.add(name)
            if name not in cols:
                self.diags.error(f"unknown column `{name}` in {table}{did_you_mean(name, cols)}", rows.span)
        if not typed:
            return  # given cells are written to the file as text: any value may be tested
        for row in rows.rows:
            for name, cell in zip(rows.columns, row):
                if name not in cols:
                    continue
                want = self.cat.column_type(table, name) or T.ANY
                if T.common(cell.type, want) is None:
                    self.diags.error(f"value of type {cell.type} cannot be in column `{name}` of type {want}", cell.span)
