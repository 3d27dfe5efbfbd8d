"""Checks of delta declarations: a source table's `delta flag` / `delta timestamp`, a map's `on removed`."""

from __future__ import annotations

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.semantic.catalog import dotted
from compiler.semantic.checker_base import CheckerBase


class DeltaChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat` and `diags`."""

    def check_delta_table(self, src: ir.Source, t: ir.SourceTable) -> None:
        name = f"{src.name}.{t.name}"
        columns = {c.name.lower() for c in t.columns}
        flag = t.delta_flag
        if flag is not None:
            if flag.column.lower() in columns:
                self.diags.error(
                    f"delta flag column `{flag.column}` is also declared as a column of {name}; "
                    "the flag is only in delta extracts, so it is declared by `delta flag` alone",
                    flag.span,
                )
            meanings: dict[str, ir.FlagValue] = {}
            values: dict[object, ir.FlagValue] = {}
            for v in flag.values:
                if v.meaning in meanings:
                    self.diags.error(f"change-flag meaning `{v.meaning}` given twice for {name}", v.span)
                meanings[v.meaning] = v
                if v.value.value in values:
                    self.diags.error(
                        f"change-flag value {v.value.value!r} means both `{values[v.value.value].meaning}` and `{v.meaning}`", v.value.span
                    )
                values[v.value.value] = v
                if v.value.type not in ("integer", "text"):
                    self.diags.error(f"a change-flag value is an integer or a text, not {v.value.type}", v.value.span)
            if not t.key:
                self.diags.error(
                    f"{name} declares a delta flag but no key: delta rows are applied by their key (`table ... key COLUMN`)", flag.span
                )
        if t.delta_timestamp is not None:
            ts = t.delta_timestamp
            if ts.lower() in columns or (flag is not None and ts.lower() == flag.column.lower()):
                span = flag.span if flag is not None else t.span
                self.diags.error(f"delta timestamp column `{ts}` is already a column of {name}", span)

    def check_on_removed(self, m: ir.Map) -> None:
        rule = m.on_removed
        if rule is None:
            return
        src, tgt = dotted(m.source), dotted(m.target)
        source = self.cat.source_tables.get(src)
        target = self.cat.target_tables.get(tgt)
        if source is None or target is None:
            return  # reported by the map checks
        if source.delta_flag is None:
            self.diags.error(
                f"`on removed` on a map whose source {src} declares no `delta flag`: no row of it is ever removed by a delta", rule.span
            )
        if not target.key:
            self.diags.error(f"`on removed` needs a key on {tgt}: removed rows are found in the target by its key", rule.span)
        if rule.action == "set" and rule.column is not None:
            cols = {c.name: c for c in target.columns}
            col = cols.get(rule.column)
            if col is None:
                self.diags.error(f"unknown column `{rule.column}` of {tgt}{did_you_mean(rule.column, cols)}", rule.span)
            elif rule.column in target.key:
                self.diags.error(f"`on removed set` cannot change {tgt}.{rule.column}: it is the table's key", rule.span)
            elif rule.value is not None and rule.value.type == "null" and col.not_null:
                self.diags.error(f"`on removed set {rule.column} = null`: {tgt}.{rule.column} is not null", rule.value.span)
