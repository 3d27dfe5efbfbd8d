"""Checks of the declarations: settings, duplicate names, source and target tables and their columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.functions.registry import DIALECTS, REGISTRY
from compiler.ir import types as T
from compiler.semantic.catalog import SOURCE_TYPES, TARGET_TYPES, dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import TableScope

MIGRATION_SETTINGS = {"description": T.TEXT, "dialect": T.TEXT, "changed_at": T.TEXT}
SOURCE_SETTINGS = {"encoding": T.TEXT, "delimiter": T.TEXT, "quote": T.TEXT, "escape": T.TEXT, "header": T.BOOLEAN, "null": T.TEXT}
LIST_SETTINGS = {"null"}  # settings that take several values: `null "NULL", ""`
ENCODINGS = ("utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16")
SOURCE_FORMATS = ("csv",)
MAX_DECIMAL_PRECISION = 38  # the largest every engine (DuckDB) supports

SettingValue = str | int | bool | None  # the value of a setting's literal (ir.Literal.value)
N = TypeVar("N", bound=ir.Node)


def setting_value(settings: list[ir.Setting], name: str, default: SettingValue = None) -> SettingValue:
    for s in settings:
        if s.name == name:
            return s.value.value
    return default


class DeclarationChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat`, `diags`, `type_of` and `expect_boolean`."""

    def check_migration(self) -> None:
        mig = self.spec.migration
        if mig is None:
            return
        self.check_settings(mig.settings, MIGRATION_SETTINGS, "migration")
        dialect = setting_value(mig.settings, "dialect")
        if dialect is not None and dialect not in DIALECTS:
            span = next(s.value.span for s in mig.settings if s.name == "dialect")
            self.diags.error(
                f"unknown dialect `{dialect}`{did_you_mean(str(dialect), DIALECTS)}; runnable dialects are {', '.join(DIALECTS)}",
                span,
            )
        self.check_changed_at(mig)

    def check_changed_at(self, mig: ir.Migration) -> None:
        """`changed_at COLUMN` (reconcile --since): a date or timestamp column of some target table."""
        name = setting_value(mig.settings, "changed_at")
        if name is None:
            return
        span = next(s.value.span for s in mig.settings if s.name == "changed_at")
        found = [c for tgt in self.spec.targets for t in tgt.tables for c in t.columns if c.name == name]
        if not found:
            self.diags.error(f"`changed_at`: no target table has a column `{name}`", span)
        for c in found:
            if c.type.name not in ("timestamp", "date"):
                self.diags.error(f"`changed_at` column `{name}` must be a timestamp or date, not {c.type.name}", c.span)

    def check_settings(self, settings: list[ir.Setting], allowed: dict[str, str], where: str) -> None:
        seen: set[str] = set()
        for s in settings:
            if s.name not in allowed:
                self.diags.error(f"unknown setting `{s.name}` in {where}{did_you_mean(s.name, allowed)}", s.span)
                continue
            if s.name in seen:
                self.diags.error(f"setting `{s.name}` given twice in {where}", s.span)
            seen.add(s.name)
            want = allowed[s.name]
            if s.more_values and s.name not in LIST_SETTINGS:
                self.diags.error(f"setting `{s.name}` takes one value, not {len(s.values)}", s.more_values[0].span)
            wrong = next((v for v in s.values if v.type != want), None)
            if wrong is not None:
                what = f"{want} values" if s.name in LIST_SETTINGS else f"a {want} value"
                self.diags.error(f"setting `{s.name}` takes {what}, not {wrong.type}", wrong.span)
            elif s.name == "null" and len({v.value for v in s.values}) != len(s.values):
                self.diags.error("setting `null` lists a marker twice", s.span)
            elif s.name == "encoding" and str(s.value.value).lower() not in ENCODINGS:
                self.diags.error(f"unsupported encoding `{s.value.value}`; use one of {', '.join(ENCODINGS)}", s.value.span)
            elif s.name in ("delimiter", "quote", "escape") and len(str(s.value.value)) != 1:
                self.diags.error(f"setting `{s.name}` must be a single character", s.value.span)

    def check_duplicates(self) -> None:
        def dup(items: Sequence[N], what: str, name_of: Callable[[N], str]) -> None:
            seen: dict[str, ir.Node] = {}
            folded: dict[str, tuple[str, ir.Node]] = {}
            for it in items:
                n = name_of(it)
                if n in seen:
                    self.diags.error(f"duplicate {what} `{n}` (first declared at line {seen[n].span.line})", it.span)
                    continue
                seen[n] = it
                # names become SQL identifiers, and engines fold their case (DuckDB even when quoted)
                first = folded.setdefault(n.lower(), (n, it))
                if first[0] != n:
                    self.diags.error(
                        f"{what} `{n}` differs from `{first[0]}` (line {first[1].span.line}) only in case; "
                        "databases ignore the case of names",
                        it.span,
                    )

        schemas: list[ir.Source | ir.Target] = [*self.spec.sources, *self.spec.targets]
        dup(schemas, "schema", lambda x: x.name)
        dup(self.spec.lookups, "lookup", lambda x: x.name)
        for src in self.spec.sources:
            dup(src.tables, "table", lambda x: x.name)
            for t in src.tables:
                dup(t.columns, "column", lambda x: x.name)
        for tgt in self.spec.targets:
            dup(tgt.tables, "table", lambda x: x.name)
            for tt in tgt.tables:
                dup(tt.columns, "column", lambda x: x.name)
        for lk in self.spec.lookups:
            if lk.name in REGISTRY:
                self.diags.error(f"lookup `{lk.name}` hides the function of the same name", lk.span)
        # several maps may fill one target (a union, semantic/union.py), each from its own source
        dup(self.spec.maps, "map", lambda m: f"{dotted(m.source)} -> {dotted(m.target)}")

    def check_source(self, src: ir.Source) -> None:
        if src.format not in SOURCE_FORMATS:
            self.diags.error(f"unknown source format `{src.format}`; supported: csv", src.span)
        self.check_settings(src.settings, SOURCE_SETTINGS, f"source {src.name}")
        for t in src.tables:
            self.check_settings(t.settings, SOURCE_SETTINGS, f"table {src.name}.{t.name}")
            names = {c.name for c in t.columns}
            for k in t.key:
                if k not in names:
                    self.diags.error(f"key column `{k}` is not a column of {src.name}.{t.name}{did_you_mean(k, names)}", t.span)
            for c in t.columns:
                self.check_column_type(c, SOURCE_TYPES, "source")
                if c.not_null or c.unique or c.allowed is not None or c.check is not None:
                    self.diags.error(
                        f"source column `{c.name}` may only carry `phi` and `references`; "
                        "put constraints on target columns or write reject rules",
                        c.span,
                    )
                if c.references is not None:
                    self.check_reference(c.references, self.cat.source_tables, src.name)

    def check_target(self, tgt: ir.Target) -> None:
        for t in tgt.tables:
            names = {c.name for c in t.columns}
            for k in t.key:
                if k not in names:
                    self.diags.error(f"key column `{k}` is not a column of {tgt.name}.{t.name}{did_you_mean(k, names)}", t.span)
            for c in t.columns:
                self.check_column_type(c, TARGET_TYPES, "target")
                if c.references is not None:
                    table = self.check_reference(c.references, self.cat.target_tables, tgt.name)
                    if table is not None and table not in self.cat.maps_by_target:
                        self.diags.error(f"column `{c.name}` references {table}, but no map fills {table}", c.references.span)
                if c.allowed is not None:
                    for lit in c.allowed:
                        if not T.fits(lit.type, TARGET_TYPES.get(c.type.name, T.ANY)):
                            self.diags.error(f"value of type {lit.type} cannot be in column `{c.name}` of type {c.type.name}", lit.span)
                if c.check is not None:
                    scope = TableScope(self.cat, f"{tgt.name}.{t.name}")
                    typ = self.type_of(c.check, scope)
                    self.expect_boolean(c.check, typ, "a check constraint")

    def check_column_type(self, c: ir.Column, table: dict[str, str], kind: str) -> None:
        if c.type.name not in table:
            self.diags.error(f"unknown {kind} column type `{c.type.name}`{did_you_mean(c.type.name, table)}", c.type.span)
            return
        name, args = c.type.name, c.type.args
        if kind == "source":
            if args:
                self.diags.error("source column types take no length or precision", c.type.span)
            return
        if name in ("varchar", "char"):
            if len(args) > 1:
                self.diags.error(f"type `{name}` takes one length, as in {name}(20)", c.type.span)
            elif args and args[0] < 1:
                self.diags.error(f"the length of `{name}` must be at least 1", c.type.span)
        elif name in ("decimal", "numeric"):
            if len(args) not in (0, 2):
                self.diags.error(f"type `{name}` takes a precision and a scale, as in {name}(10, 2)", c.type.span)
            elif args and not 1 <= args[0] <= MAX_DECIMAL_PRECISION:
                self.diags.error(f"decimal precision must be 1 to {MAX_DECIMAL_PRECISION}", c.type.span)
            elif args and args[1] > args[0]:
                self.diags.error("decimal scale cannot exceed its precision", c.type.span)
        elif args:
            self.diags.error(f"type `{name}` takes no arguments", c.type.span)

    def check_reference(self, ref: ir.Name, tables: Mapping[str, ir.SourceTable | ir.TargetTable], schema: str) -> str | None:
        parts = ref.parts
        if len(parts) == 2:
            table, col = f"{schema}.{parts[0]}", parts[1]
        elif len(parts) == 3:
            table, col = f"{parts[0]}.{parts[1]}", parts[2]
        else:
            self.diags.error("a reference names `table.column`", ref.span)
            return None
        if table not in tables:
            self.diags.error(f"unknown table `{table}`{did_you_mean(table, tables)}", ref.span)
            return None
        cols = {c.name for c in tables[table].columns}
        if col not in cols:
            self.diags.error(f"unknown column `{col}` in {table}{did_you_mean(col, cols)}", ref.span)
            return None
        return table
