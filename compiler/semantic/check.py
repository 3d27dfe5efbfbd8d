"""Semantic analysis: names, types, references, thresholds, map dependencies.

Collects every diagnostic instead of stopping at the first.  The output is the same IR
(unchanged) plus the catalog; `check()` raises SpecError when any error was found.
"""

from __future__ import annotations

import csv
from pathlib import Path

from compiler import ir
from compiler.ir import types as T
from compiler.ir.naming import check_name
from compiler.ir.walk import walk
from compiler.semantic.catalog import (
    EACH_INDEX,
    SOURCE_TYPES,
    TARGET_TYPES,
    Catalog,
    EachIndexRef,
    EachVarRef,
    MapScope,
    SourceColumnRef,
    dotted,
)
from compiler.semantic.dependencies import dependencies, find_cycle
from compiler.semantic.scopes import TableScope
from compiler.semantic.validation import ValidationChecks
from compiler.diagnostics import Collector, did_you_mean
from compiler.functions import DIALECTS, REGISTRY

MIGRATION_SETTINGS = {"description": T.TEXT, "dialect": T.TEXT}
SOURCE_SETTINGS = {"encoding": T.TEXT, "delimiter": T.TEXT, "quote": T.TEXT, "escape": T.TEXT, "header": T.BOOLEAN}
ENCODINGS = ("utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16")
SOURCE_FORMATS = ("csv",)
ARITHMETIC = ("+", "-", "*", "/", "%")
COMPARISONS = ("=", "<>", "<", "<=", ">", ">=")
KEEP = ("first", "last")
MAX_DECIMAL_PRECISION = 38  # the largest every engine (DuckDB) supports


def show_text(text: str) -> str:
    """Text as a spec string literal: "a \\"b\\"" (control characters are escaped later)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def show_literal(lit: ir.Literal) -> str:
    """A literal as written in a spec: "text", 12, true, null."""
    if lit.type == T.TEXT:
        return show_text(str(lit.value))
    if lit.type == T.BOOLEAN:
        return "true" if lit.value else "false"
    if lit.type == T.NULL:
        return "null"
    return str(lit.value)


def setting_value(settings: list[ir.Setting], name: str, default=None):
    for s in settings:
        if s.name == name:
            return s.value.value
    return default


class Checker(ValidationChecks):
    """Walks the IR once and records diagnostics in `self.diags`."""

    def __init__(self, spec: ir.Spec, base_dir: Path):
        self.spec = spec
        self.base_dir = base_dir
        self.cat = Catalog.of(spec)
        self.diags = Collector()

    def run(self) -> None:
        self.check_migration()
        self.check_duplicates()
        for src in self.spec.sources:
            self.check_source(src)
        for tgt in self.spec.targets:
            self.check_target(tgt)
        for lk in self.spec.lookups:
            self.check_lookup(lk)
        for m in self.spec.maps:
            self.check_map(m)
        self.check_cycles()
        for c in self.spec.checks:
            self.check_check(c)
        self.check_tests()

    # ------------------------------------------------------------ spec tests
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

    def check_test_rows(self, rows, tables: dict, kind: str, typed: bool) -> None:
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

    # ------------------------------------------------------------ declarations
    def check_migration(self) -> None:
        mig = self.spec.migration
        if mig is None:
            return
        self.check_settings(mig.settings, MIGRATION_SETTINGS, "migration")
        dialect = setting_value(mig.settings, "dialect")
        if dialect is not None and dialect not in DIALECTS:
            span = next(s.value.span for s in mig.settings if s.name == "dialect")
            self.diags.error(
                f"unknown dialect `{dialect}`{did_you_mean(str(dialect), DIALECTS)}; "
                f"runnable dialects are {', '.join(DIALECTS)}",
                span,
            )

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
            if s.value.type != want:
                self.diags.error(f"setting `{s.name}` takes a {want} value, not {s.value.type}", s.value.span)
            elif s.name == "encoding" and str(s.value.value).lower() not in ENCODINGS:
                self.diags.error(
                    f"unsupported encoding `{s.value.value}`; use one of {', '.join(ENCODINGS)}", s.value.span
                )
            elif s.name in ("delimiter", "quote", "escape") and len(str(s.value.value)) != 1:
                self.diags.error(f"setting `{s.name}` must be a single character", s.value.span)

    def check_duplicates(self) -> None:
        def dup(items, what, name_of):
            seen: dict[str, ir.Node] = {}
            folded: dict[str, tuple[str, ir.Node]] = {}
            for it in items:
                n = name_of(it)
                if n in seen:
                    self.diags.error(
                        f"duplicate {what} `{n}` (first declared at line {seen[n].span.line})", it.span
                    )
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

        dup(self.spec.sources + self.spec.targets, "schema", lambda x: x.name)
        dup(self.spec.lookups, "lookup", lambda x: x.name)
        for src in self.spec.sources:
            dup(src.tables, "table", lambda x: x.name)
            for t in src.tables:
                dup(t.columns, "column", lambda x: x.name)
        for tgt in self.spec.targets:
            dup(tgt.tables, "table", lambda x: x.name)
            for t in tgt.tables:
                dup(t.columns, "column", lambda x: x.name)
        for lk in self.spec.lookups:
            if lk.name in REGISTRY:
                self.diags.error(f"lookup `{lk.name}` hides the function of the same name", lk.span)
        dup(self.spec.maps, "map for target", lambda m: dotted(m.target))

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
                        self.diags.error(
                            f"column `{c.name}` references {table}, but no map fills {table}", c.references.span
                        )
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
            self.diags.error(
                f"unknown {kind} column type `{c.type.name}`{did_you_mean(c.type.name, table)}", c.type.span
            )
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

    def check_reference(self, ref: ir.Name, tables: dict, schema: str) -> str | None:
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

    def check_lookup(self, lk: ir.Lookup) -> None:
        if lk.file is not None:
            self.check_lookup_file(lk)
            return
        seen: dict = {}
        types = {e.value.type for e in lk.entries}
        if lk.default is not None:
            types.add(lk.default.type)
        key_types = set()
        for e in lk.entries:
            for k in e.keys:
                # keyed by type too: 1 and true are equal in Python, not in SQL
                if (k.type, k.value) in seen:
                    self.diags.error(f"lookup key {show_literal(k)} appears twice in `{lk.name}`", k.span)
                seen[(k.type, k.value)] = e
                key_types.add(k.type)
                if k.type == T.NULL:
                    self.diags.error("a `null` lookup key never matches (NULL equals nothing); use `else`", k.span)
        if not lk.entries:
            self.diags.error(f"lookup `{lk.name}` has no entries", lk.span)
        if len(types - {T.NULL}) > 1:
            self.diags.error(f"lookup `{lk.name}` mixes value types {', '.join(sorted(types - {T.NULL}))}", lk.span)
        shared: str | None = T.NULL
        for kt in sorted(key_types):
            shared = T.common(shared, kt) if shared is not None else None
        if shared is None:
            self.diags.error(f"lookup `{lk.name}` mixes key types {', '.join(sorted(key_types - {T.NULL}))}", lk.span)

    def check_lookup_file(self, lk: ir.Lookup) -> None:
        if not lk.key_column or not lk.value_column:
            self.diags.error(f"lookup `{lk.name}` from a file needs `key \"column\"` and `value \"column\"`", lk.span)
            return
        if lk.default is not None and lk.default.type not in (T.TEXT, T.NULL):
            self.diags.error(f"lookup `{lk.name}` reads text values from its file; its `else` must be a string", lk.default.span)
        path = self.base_dir / lk.file
        try:
            # the generator loads every (key, value) pair: read the whole file now, so that
            # a bad file is a positioned error here and not a failure half-way through a run
            with open(path, newline="", encoding="utf-8-sig") as fh:
                reader = csv.reader(fh)
                header = next(reader, [])
                missing = [col for col in (lk.key_column, lk.value_column) if col not in header]
                for col in missing:
                    self.diags.error(
                        f"lookup file `{lk.file}` has no column `{col}`{did_you_mean(col, header)}", lk.span
                    )
                if missing:
                    return
                ki, vi = header.index(lk.key_column), header.index(lk.value_column)
                seen: dict[str, tuple[str, int]] = {}
                problems: list[str] = []
                for row in reader:
                    if not row:
                        continue  # a blank line, skipped like csv.DictReader does
                    line = reader.line_num
                    if len(row) <= max(ki, vi):
                        problems.append(f"lookup file `{lk.file}` line {line} has fewer columns than its header")
                    elif row[ki] in seen and seen[row[ki]][0] != row[vi]:
                        problems.append(
                            f"lookup file `{lk.file}` line {line} maps {show_text(row[ki])} again, "
                            f"to a different value (first at line {seen[row[ki]][1]})"
                        )
                    else:
                        seen.setdefault(row[ki], (row[vi], line))
                    if len(problems) == 3:
                        break
                for msg in problems:
                    self.diags.error(msg, lk.span)
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            # ValueError: a NUL in the path; csv.Error: a malformed or oversized record
            reason = {FileNotFoundError: "no such file", IsADirectoryError: "it is a folder",
                      PermissionError: "permission denied", UnicodeDecodeError: "not UTF-8"}.get(type(exc), type(exc).__name__)
            self.diags.error(f"cannot read lookup file `{lk.file}`: {reason}", lk.span)

    # ------------------------------------------------------------ maps
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
        assigned: dict[str, ir.Assign] = {}
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
                typ = T.INTEGER
            else:
                typ = self.type_of(a.expr, scope, False)
            scope.field_types[a.field] = want
            if typ is not None and not (T.fits(typ, want) or want == T.TEXT):
                self.diags.error(f"cannot assign a {typ} value to column `{a.field}` of type {col.type.name}", a.expr.span)
        for name, col in columns.items():
            if col.not_null and name not in assigned:
                self.diags.error(f"not-null column `{name}` of {tgt} is never assigned", m.target.span)
            elif name in target.key and name not in assigned:
                self.diags.error(f"key column `{name}` of {tgt} is never assigned", m.target.span)
        rule_exprs: list = []
        for r in m.rejects:
            self.expect_boolean(r.when, self.type_of(r.when, scope, True), "a reject rule")
            rule_exprs.append(r.when)
            if not r.reason.strip():
                self.diags.error("a reject reason must not be empty", r.span)
        if m.dedup is not None:
            if m.dedup.keep not in KEEP:
                self.diags.error(f"`keep` takes first or last, not `{m.dedup.keep}`", m.dedup.span)
            for e in m.dedup.keys:
                self.type_of(e, scope, True)
                rule_exprs.append(e)
            for o in m.dedup.order:
                self.type_of(o.expr, scope, True)
                rule_exprs.append(o.expr)
                if not any(isinstance(n, ir.Name) for n in walk(o.expr)):
                    # also: SQL reads a bare integer in ORDER BY as a column position
                    self.diags.error("a constant decides nothing in `keep ... by`; order by a column or field", o.span)
        self.check_id_in_rules(m, rule_exprs)
        self.check_constraint_inputs(m, columns, assigned)

    def check_constraint_inputs(self, m: ir.Map, columns: dict, assigned: dict) -> None:
        """A target `check (...)` is evaluated on this map's computed fields: every column it
        reads must be assigned by the map (and not be the crosswalk id, numbered later)."""
        computed = {f for f, a in assigned.items() if not (isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"])}
        for field, a in assigned.items():
            col = columns.get(field)
            if col is None or col.check is None or field not in computed:
                continue
            for n in walk(col.check):
                if isinstance(n, ir.Name) and n.parts[-1] in columns and n.parts[-1] not in computed:
                    self.diags.error(
                        f"the check on `{field}` reads `{n.parts[-1]}`, which this map does not compute", a.span
                    )
                    break

    def check_id_in_rules(self, m: ir.Map, exprs: list) -> None:
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

    def uses_each_index(self, e, what: str) -> bool:
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

    # ------------------------------------------------------------ expressions
    def expect_boolean(self, e: ir.Node, typ: str | None, what: str) -> None:
        if typ is not None and typ not in (T.BOOLEAN, T.NULL, T.ANY):
            self.diags.error(f"{what} must be a condition (boolean), not {typ}", e.span)

    def type_of(self, e, scope, rule_context: bool = False) -> str | None:
        """The expression's type, or None after reporting an error inside it."""
        return TypeInference(self, scope, rule_context).infer(e)


# trial_lowering's outcomes: (function, literal/neg-literal/other argument shapes, argument
# types) -> (the Function, error message or "")
_TRIAL_OUTCOMES: dict[tuple, tuple] = {}


class TypeInference:
    """Bottom-up typing of one expression; errors go to the checker's collector."""

    def __init__(self, checker: Checker, scope, rule_context: bool):
        self.ck = checker
        self.scope = scope
        self.rule = rule_context

    def err(self, msg: str, node: ir.Node) -> None:
        self.ck.diags.error(msg, node.span)

    def infer(self, e) -> str | None:
        method = getattr(self, "t_" + e.kind if hasattr(e, "kind") else "", None)
        if method is None:
            self.err("unexpected expression", e)
            return None
        return method(e)

    def t_literal(self, e: ir.Literal):
        return e.type

    def t_name(self, e: ir.Name):
        ref = self.scope.resolve(e, self.rule)
        if isinstance(ref, str):
            self.err(ref, e)
            return None
        return ref.type

    def t_tuple(self, e: ir.Tuple):
        self.err("a parenthesised list is only allowed as an `each` item or after `in`", e)
        return None

    def t_unary(self, e: ir.Unary):
        t = self.infer(e.operand)
        if t is None:
            return None
        if e.op == "not":
            self.ck.expect_boolean(e.operand, t, "the operand of `not`")
            return T.BOOLEAN
        if t not in T.NUMERIC + (T.NULL,):
            self.err(f"cannot negate a {t} value", e)
            return None
        return t

    def t_binary(self, e: ir.Binary):
        lt, rt = self.infer(e.left), self.infer(e.right)
        if lt is None or rt is None:
            return None
        if e.op in ("and", "or"):
            self.ck.expect_boolean(e.left, lt, f"an operand of `{e.op}`")
            self.ck.expect_boolean(e.right, rt, f"an operand of `{e.op}`")
            return T.BOOLEAN
        if e.op == "||":
            for side, t in ((e.left, lt), (e.right, rt)):
                if t not in (T.TEXT, T.NULL):
                    self.err(f"`||` joins text, not {t} (use concat() to convert)", side)
            return T.TEXT
        if e.op in ARITHMETIC:
            for side, t in ((e.left, lt), (e.right, rt)):
                if t not in T.NUMERIC + (T.NULL,):
                    self.err(f"arithmetic `{e.op}` needs numbers, not {t}", side)
                    return None
            if e.op == "/":
                return T.DECIMAL
            return T.common(lt, rt) or T.DECIMAL
        if e.op in COMPARISONS:
            if T.common(lt, rt) is None:
                self.err(f"cannot compare {lt} with {rt}", e)
            return T.BOOLEAN
        self.err(f"unknown operator `{e.op}`", e)
        return None

    def t_is_null(self, e: ir.IsNull):
        self.infer(e.operand)
        return T.BOOLEAN

    def t_in(self, e: ir.InList):
        t = self.infer(e.operand)
        items = e.items[0].items if len(e.items) == 1 and isinstance(e.items[0], ir.Tuple) else e.items
        for it in items:
            it_t = self.infer(it)
            if t is not None and it_t is not None and T.common(t, it_t) is None:
                self.err(f"cannot compare {t} with {it_t}", it)
        return T.BOOLEAN

    def t_between(self, e: ir.Between):
        ts = [self.infer(x) for x in (e.operand, e.low, e.high)]
        if None not in ts and (T.common(ts[0], ts[1]) is None or T.common(ts[0], ts[2]) is None):
            self.err(f"cannot compare {ts[0]} with {ts[1]} and {ts[2]}", e)
        return T.BOOLEAN

    def t_like(self, e: ir.Like):
        for x in (e.operand, e.pattern):
            t = self.infer(x)
            if t not in (None, T.TEXT, T.NULL):
                self.err(f"`like` needs text, not {t}", x)
        return T.BOOLEAN

    def t_case(self, e: ir.Case):
        result: str | None = T.NULL
        op_t = self.infer(e.operand) if e.operand is not None else None
        for w in e.whens:
            ct = self.infer(w.condition)
            if e.operand is None:
                self.ck.expect_boolean(w.condition, ct, "a `when` condition")
            elif op_t is not None and ct is not None and T.common(op_t, ct) is None:
                self.err(f"cannot compare {op_t} with {ct}", w.condition)
            rt = self.infer(w.result)
            if rt is not None and result is not None:
                merged = T.common(result, rt)
                if merged is None:
                    self.err(f"case branches mix {result} and {rt}", w.result)
                result = merged
        if e.default is not None:
            dt = self.infer(e.default)
            if dt is not None and result is not None:
                merged = T.common(result, dt)
                if merged is None:
                    self.err(f"case branches mix {result} and {dt}", e.default)
                result = merged
        return result

    def t_call(self, e: ir.Call):
        func = e.func
        if func == ["crosswalk"]:
            self.err("`crosswalk(...)` is only allowed as the whole value of the map's id column", e)
            return None
        if len(func) == 3 and func[2] == "crosswalk":
            return self.foreign_crosswalk(e)
        if len(func) != 1:
            self.err(f"unknown function `{'.'.join(func)}`", e)
            return None
        name = func[0]
        arg_types = [self.infer(a) for a in e.args]
        lookup = self.ck.cat.lookups.get(name)
        if lookup is not None and name not in REGISTRY:
            if len(e.args) != 1:
                self.err(f"lookup `{name}` takes 1 argument, got {len(e.args)}", e)
            elif arg_types[0] is not None:
                keys = {k.type for en in lookup.entries for k in en.keys} if lookup.file is None else {T.TEXT}
                bad = sorted(k for k in keys if T.common(arg_types[0], k) is None)
                if bad:
                    self.err(f"lookup `{name}` has {bad[0]} keys; cannot look up a {arg_types[0]} value", e.args[0])
            if lookup.file is not None:
                return T.TEXT
            types = {en.value.type for en in lookup.entries} - {T.NULL}
            return types.pop() if len(types) == 1 else T.TEXT
        fn = REGISTRY.get(name)
        if fn is None:
            pool = list(REGISTRY) + list(self.ck.cat.lookups)
            self.err(f"unknown function or lookup `{name}`{did_you_mean(name, pool)}", e)
            return None
        lo, hi = fn.arity
        n = len(e.args)
        if n < lo or (hi is not None and n > hi):
            want = f"{lo}" if lo == hi else (f"at least {lo}" if hi is None else f"{lo} to {hi}")
            plural = "" if want == "1" or want == "at least 1" else "s"
            self.err(f"`{name}` takes {want} argument{plural}, got {n}", e)
            return None
        errors_before = len(self.ck.diags.diagnostics)
        is_literal = getattr(fn, "is_literal_param", lambda i: i in fn.literal_params)
        literals: dict[int, str] = {}
        for i, (arg, t) in enumerate(zip(e.args, arg_types)):
            if is_literal(i):
                if isinstance(arg, ir.Literal) and arg.type == T.TEXT:
                    literals[i] = str(arg.value)
                else:
                    self.err(f"argument {i + 1} of `{name}` must be a string literal", arg)
                    continue
            if t is None:
                continue
            want_t = fn.param_type(i)
            if not T.fits(t, want_t):
                self.err(f"argument {i + 1} of `{name}` must be {want_t}, not {t}", arg)
        check_literals = getattr(fn, "check_literals", None)
        if check_literals is not None and literals:
            try:
                problems = list(check_literals(literals))
            except Exception as exc:  # a checker bug must not become a traceback
                problems = [f"cannot check the arguments of `{name}` ({type(exc).__name__})"]
            for msg in problems:
                self.err(msg, e)
        if None in arg_types:
            return None
        if len(self.ck.diags.diagnostics) == errors_before:
            self.trial_lowering(fn, e, arg_types)
        return fn.return_type([t for t in arg_types])

    def trial_lowering(self, fn, e: ir.Call, arg_types: list[str]) -> None:
        """Lower the call once per dialect with stand-in arguments, so that what a lowering
        refuses (`round(x, n)` needs a constant) is an error here and not at compile time."""
        from sqlglot import exp

        from compiler.functions import lower_call
        from compiler.functions.literals import literal_of

        def stand_in(arg):
            if isinstance(arg, ir.Literal):
                return literal_of(arg)
            if isinstance(arg, ir.Unary) and arg.op == "neg" and isinstance(arg.operand, ir.Literal):
                return exp.Neg(this=literal_of(arg.operand))
            return exp.column("value")

        def shape(arg):
            if isinstance(arg, ir.Literal):
                return ("literal", arg.type, type(arg.value).__name__, arg.value)
            if isinstance(arg, ir.Unary) and arg.op == "neg" and isinstance(arg.operand, ir.Literal):
                return ("neg", arg.operand.type, type(arg.operand.value).__name__, arg.operand.value)
            return ("value",)

        # The outcome depends only on the function, the literal arguments and the types:
        # the same call shape is tried once per run, not at every call (or type_of).
        key = (fn.name, tuple(shape(a) for a in e.args), tuple(arg_types))
        known = _TRIAL_OUTCOMES.get(key)
        if known is not None and known[0] is fn:
            if known[1]:
                self.err(known[1], e)
            return
        outcome = ""
        for dialect in DIALECTS:
            if fn.lowering_for(dialect) is None:
                continue  # `compile` names the function and the dialect
            try:
                lower_call(fn.name, [stand_in(a) for a in e.args], dialect, arg_types)
            except ValueError as exc:  # InvalidArgument, RegexError
                outcome = str(exc)
                break
            except Exception:  # anything else is for `compile` to report
                break
        _TRIAL_OUTCOMES[key] = (fn, outcome)
        if outcome:
            self.err(outcome, e)

    def foreign_crosswalk(self, e: ir.Call):
        table = f"{e.func[0]}.{e.func[1]}"
        for a in e.args:
            self.infer(a)
        if table not in self.ck.cat.target_tables:
            self.err(f"unknown target table `{table}`{did_you_mean(table, self.ck.cat.target_tables)}", e)
            return None
        if table not in self.ck.cat.maps_by_target:
            self.err(f"no map fills {table}, so it has no crosswalk", e)
            return None
        xw = self.ck.cat.crosswalk_field(table)
        if xw is None:
            self.err(f"the map filling {table} assigns no `crosswalk(...)` id", e)
            return None
        want = len(xw.expr.args)
        if len(e.args) != want:
            self.err(f"{table}.crosswalk takes {want} key{'s' if want != 1 else ''} like its map, got {len(e.args)}", e)
        return T.INTEGER


def check(spec: ir.Spec, base_dir: Path | str = ".") -> Catalog:
    """Run every semantic check; raise SpecError listing all errors. Returns the catalog."""
    ck = Checker(spec, Path(base_dir))
    ck.run()
    ck.diags.raise_if_errors()
    return ck.cat


def warnings_of(spec: ir.Spec, base_dir: Path | str = ".") -> list:
    ck = Checker(spec, Path(base_dir))
    ck.run()
    return [d for d in ck.diags.diagnostics if d.severity == "warning"]
