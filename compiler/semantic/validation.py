"""Checks of the `validate` block: unique names, thresholds, and each check kind's subject and rule."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import cast

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.semantic.catalog import dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import TableScope

AGGREGATES = ("sum", "count", "min", "max")

# what a check's name is made of (the models' `name`, ir/nodes.py), by kind: two checks
# that differ only in the rest have the same name
NAMED_BY = {
    "completeness": "its kind and column, not its thresholds",
    "unique": "its kind and column, not its thresholds",
    "valid": "its kind, column and rule, not its pattern, values or thresholds",
    "references": "its kind and column, not its thresholds",
    "consistent": "its kind and table, not its condition or thresholds",
    "reconcile": "the functions and tables of its aggregates, not their expressions or filters nor its thresholds",
    "reject_rate": "its kind and table, not its thresholds",
}


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used by `valid ... matches`, or None.  The generated SQL
    renders it through the portable regex subset (docs/FUNCTIONS.md), which refuses
    what some engine would read differently."""
    parse_regex: Callable[[str], object] | None
    try:
        from compiler.functions.regex import parse_regex
    except ImportError:  # pragma: no cover - the subset module is part of the package
        parse_regex = None
    try:
        if parse_regex is not None:
            parse_regex(pattern)
        else:
            with warnings.catch_warnings():  # e.g. FutureWarning on `[[`: not the user's concern
                warnings.simplefilter("ignore")
                re.compile(pattern)
    except (ValueError, re.error) as exc:  # RegexError is a ValueError
        return f"invalid regular expression: {exc}"
    except (RecursionError, OverflowError):
        return "invalid regular expression: too complex"
    return None


class ValidationChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat`, `diags`, `type_of` and `expect_boolean`."""

    @cached_property
    def first_check_named(self) -> dict[str, ir.Check]:
        """The first check of the spec by each name."""
        first: dict[str, ir.Check] = {}
        for c in self.spec.checks:
            first.setdefault(c.name, c)
        return first

    def check_check_name(self, c: ir.Check) -> None:
        """A check's name (what the run report and `expect check` know it by) is its own."""
        first = self.first_check_named.get(c.name, c)
        if first is not c:
            self.diags.error(
                f"duplicate check `{c.name}` (first declared at line {first.span.line}): a check's name is "
                f"made of {NAMED_BY[c.kind]}, so the run report and `expect check` cannot tell the two apart",
                c.span,
            )

    def check_check(self, c: ir.Check) -> None:
        self.check_check_name(c)
        for th in c.thresholds:
            try:
                v = Decimal(th.value)
            except InvalidOperation:
                v = Decimal(-1)
            if th.percent and not (0 <= v <= 100):
                self.diags.error(f"threshold {th.value}% is outside 0-100%", th.span)
            if not th.percent and th.direction == "below":
                self.diags.error("`below` thresholds are percentages of passing rows (add `%`)", th.span)
            if not th.percent and v != v.to_integral_value():
                self.diags.error("a count threshold must be a whole number of rows", th.span)
        levels = [(th.level) for th in c.thresholds]
        for lvl in set(levels):
            if levels.count(lvl) > 1:
                self.diags.error(f"more than one `{lvl}` threshold", c.span)
        if isinstance(c, ir.ReconcileCheck):
            for agg in (c.left, c.right):
                self.check_aggregate(agg)
            return
        if isinstance(c, ir.RejectRateCheck):
            name = dotted(c.subject)
            if name not in self.cat.source_tables and name not in self.cat.target_tables:
                pool = list(self.cat.source_tables) + list(self.cat.target_tables)
                self.diags.error(f"unknown table `{name}`{did_you_mean(name, pool)}", c.subject.span)
            return
        if isinstance(c, ir.ConsistentCheck):
            name = dotted(c.subject)
            if name in self.cat.source_tables:
                self.diags.error(f"`consistent` checks target tables; {name} is a source table", c.subject.span)
                return
            if name not in self.cat.target_tables:
                self.diags.error(f"unknown target table `{name}`{did_you_mean(name, self.cat.target_tables)}", c.subject.span)
                return
            scope = TableScope(self.cat, name)
            self.expect_boolean(c.condition, self.type_of(c.condition, scope), "a consistency rule")
            return
        # a column check: completeness, unique, references or valid
        col = self.resolve_column(c.subject)
        if col is None:
            return
        table, column = col
        if isinstance(c, ir.ReferencesCheck):
            if table not in self.cat.target_tables:
                self.diags.error(f"`references` checks target columns; {table} is a source table", c.subject.span)
            elif column.references is None:
                self.diags.error(f"column `{column.name}` declares no `references`", c.subject.span)
        ctype = self.cat.column_type(table, column.name) or T.ANY
        if isinstance(c, ir.ValidCheck) and c.rule == "matches" and ctype not in (T.TEXT, T.ANY):
            self.diags.error(f"`matches` needs a text column; `{column.name}` is {ctype}", c.subject.span)
        if isinstance(c, ir.ValidCheck) and c.rule in ("in", "between"):
            for lit in c.values:
                if T.common(ctype, lit.type) is None:
                    self.diags.error(f"cannot compare {ctype} column `{column.name}` with {lit.type}", lit.span)
        if isinstance(c, ir.ValidCheck) and c.rule == "matches":
            problem = regex_problem(cast(str, c.pattern))  # a `matches` rule has a pattern (ValidCheck)
            if problem:
                self.diags.error(problem, c.span)

    def resolve_column(self, name: ir.Name) -> tuple[str, ir.Column] | None:
        if len(name.parts) != 3:
            self.diags.error("name a column as `schema.table.column`", name.span)
            return None
        table = f"{name.parts[0]}.{name.parts[1]}"
        cols = self.cat.table_columns(table)
        if cols is None:
            pool = list(self.cat.target_tables) + list(self.cat.source_tables)
            self.diags.error(f"unknown table `{table}`{did_you_mean(table, pool)}", name.span)
            return None
        if name.parts[2] not in cols:
            self.diags.error(f"unknown column `{name.parts[2]}` in {table}{did_you_mean(name.parts[2], cols)}", name.span)
            return None
        return table, cols[name.parts[2]]

    def check_aggregate(self, agg: ir.Aggregate) -> None:
        if agg.func not in AGGREGATES:
            self.diags.error(f"unknown aggregate `{agg.func}`{did_you_mean(agg.func, AGGREGATES)}", agg.span)
        parts = agg.table.parts
        table = ".".join(parts[:2])
        if self.cat.table_columns(table) is None:
            pool = list(self.cat.target_tables) + list(self.cat.source_tables)
            self.diags.error(f"unknown table `{table}`{did_you_mean(table, pool)}", agg.table.span)
            return
        if len(parts) == 3:
            self.resolve_column(agg.table)
        elif len(parts) != 2:
            self.diags.error("aggregate over `schema.table` or `schema.table.column`", agg.table.span)
        scope = TableScope(self.cat, table)
        t = None
        if agg.expr is not None:
            t = self.type_of(agg.expr, scope)
        elif len(parts) == 3:
            t = self.cat.column_type(table, parts[2])
        if agg.func in ("sum", "min", "max") and t not in (None, T.INTEGER, T.DECIMAL, T.NULL, T.ANY):
            self.diags.error(f"`{agg.func}` needs a number, not {t}", (agg.expr or agg.table).span)
        if agg.where is not None:
            self.expect_boolean(agg.where, self.type_of(agg.where, scope), "an aggregate filter")
        if agg.func != "count" and agg.expr is None and len(parts) == 2:
            self.diags.error(f"`{agg.func}` needs a column or an expression", agg.span)
