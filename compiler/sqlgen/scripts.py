"""Checked IR + plan -> the run's SQL statements as sqlglot trees, grouped into scripts.

Scripts, in the order they run (all inside one transaction):
  00_setup      schemas, persistent crosswalk tables, fresh target/reject tables, lookups
  10_stage      typed views over the staged CSV text (staging itself: compiler/staging.py)
  20_NN_<map>   one per map in plan order: work table, rejects, crosswalk, insert, and the
                map's accounting identity (a row of chartshift.reconciliation)
  85_constraints  DuckDB only: target keys and unique columns, built after the load
                (each checked first, so that a duplicate fails at its spec line)
  90_validate   one query per validation check, returning (violations, denominator)

Each map's work table is built in layers (CTEs): input (source + joins + each slots, less
the rows `where` / `each ... when` filter), fields (every assignment; crosswalk and file
lookups joined), rules (first failing reject rule), status (rejected / merged / loaded,
with the dedup survivor), and crosswalk ids.  Computed columns are prefixed (`f__`, `s__`,
`e__`, `__`) so they never collide with legacy column names (DuckDB folds case).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal

from sqlglot import exp

from compiler import ir
from compiler.ir import types as T
from compiler.semantic.catalog import (
    SOURCE_TYPES,
    TARGET_TYPES,
    EachIndexRef,
    EachVarRef,
    FieldRef,
    MapScope,
    SourceColumnRef,
    dotted,
)
from compiler.semantic.checked import Checked
from compiler.semantic.scopes import TableScope
from compiler.sqlgen.dialect_sql import DialectTraits, traits_for
from compiler.sqlgen.lower import ExprLowering, col, drop_table, ident, inline_lookup, join, lit, paren, shared_values, table, with_ctes
from compiler.plan.steps import CHARTSHIFT_SCHEMA, RECONCILIATION, REJECTS, STAGE_SCHEMA, map_label, order_maps, stage_table, table_names

KEY_SEPARATOR = "|"
NEW_SUFFIX = "__cs_new"
OLD_SUFFIX = "__cs_old"


@dataclass
class Statement:
    """One SQL statement with the spec position it comes from."""

    sql: exp.Expression
    comment: str
    span: ir.Span | None = None
    query: str | None = None  # for result-returning statements: what the result is ("check:3")


@dataclass
class Script:
    """One generated file."""

    name: str
    title: str
    statements: list[Statement] = field(default_factory=list)


@lru_cache(maxsize=None)
def _built_type(sql: str, dialect: str | None) -> exp.DataType:
    return exp.DataType.build(sql, dialect=dialect)


def data_type(sql: str, dialect: str | None = None) -> exp.DataType:
    """exp.DataType.build(sql, dialect), parsed once per type (sqlglot parses the text at
    every call)."""
    return _built_type(sql, dialect).copy()


def where_line(span: ir.Span | None) -> str:
    return f"{span.file}:{span.line}" if span else ""


class SqlGen:
    """Builds every script for one spec and dialect."""

    def __init__(self, checked: Checked, dialect: str):
        self.checked = checked  # the expression types come from here: nothing is checked again
        self.spec = checked.spec
        self.cat = checked.catalog
        self.dialect = dialect
        self.traits: DialectTraits = traits_for(dialect)
        self.maps = order_maps(self.spec)

    # ------------------------------------------------------------ helpers
    def st(self, sql, comment, span=None, query=None) -> Statement:
        return Statement(sql, comment, span, query)

    def key_text(self, parts: list[exp.Expression]) -> exp.Expression:
        """Legacy key as text: parts cast to text, joined with `|` (NULL if any part is NULL)."""
        texts = [exp.Cast(this=paren(p), to=data_type("VARCHAR")) for p in parts]
        out = texts[0]
        for t in texts[1:]:
            out = exp.DPipe(this=exp.DPipe(this=out, expression=lit(KEY_SEPARATOR)), expression=t, safe=False)
        return self.traits.binary(out)

    def xwalk_lookup(self, target: str, args: list[exp.Expression]) -> exp.Expression:
        schema, name = table_names(target).xwalk
        sub = (
            exp.select(col("target_id", "cs_x"))
            .from_(self.tbl(schema, name, "cs_x", building=True), copy=False)
            .where(exp.and_(
                exp.EQ(this=col("legacy_key", "cs_x"), expression=self.key_text(args)),
                exp.NEQ(this=col("state", "cs_x"), expression=lit("inactive")),
                copy=False,
            ), copy=False)
        )
        return exp.Subquery(this=sub)

    def lookup_expr(self, lookup: ir.Lookup, arg: exp.Expression) -> exp.Expression:
        if lookup.file is None:
            return inline_lookup(lookup, arg)
        sub = exp.select(col("value", "cs_l")).from_(self.tbl(CHARTSHIFT_SCHEMA, f"lookup__{lookup.name}", "cs_l"), copy=False).where(
            exp.EQ(this=col("key", "cs_l"), expression=arg), copy=False
        )
        found = exp.Subquery(this=sub)
        if lookup.default is None:
            return found
        return exp.Coalesce(this=found, expressions=[lit(lookup.default.value)])

    # ---- physical names: dialect tables decide schemas vs prefixes and shadow tables
    def tbl(self, schema: str | None, name: str, alias: str | None = None, building: bool = False) -> exp.Table:
        """A table reference.  `building`: a published table as written during the run
        (the live table itself where the run is one transaction, a shadow table that is
        renamed into place at the end where DDL commits implicitly)."""
        if building and self.traits.publish_by_rename:
            name = name + NEW_SUFFIX
        if self.traits.flat_schemas and schema:
            return table(f"{schema}__{name}", None, alias)
        return table(name, schema, alias)

    def work(self, name: str, alias: str | None = None) -> exp.Table:
        return table(name, None, alias) if self.traits.temporary_work else self.tbl(CHARTSHIFT_SCHEMA, name, alias)

    def create_work(self, name: str, query: exp.Expression) -> exp.Create:
        props = exp.Properties(expressions=[exp.TemporaryProperty()]) if self.traits.temporary_work else None
        return exp.Create(this=self.work(name), kind="TABLE", expression=query, properties=props)

    def published(self) -> list[tuple[str, str]]:
        """(schema, table) of every table a run publishes (targets, rejects, reconciliation, crosswalks)."""
        out = [(t.name, tt.name) for t in self.spec.targets for tt in t.tables]
        out += [REJECTS, RECONCILIATION]
        out += [table_names(dotted(m.target)).xwalk for m in self.maps if self.cat.crosswalk_field(dotted(m.target))]
        return out

    def lowering(self, resolve, type_of=None, refs: JoinedRefs | None = None) -> ExprLowering:
        """`refs`: turn crosswalk and file-lookup references into joins of the layer being built."""
        if refs is not None:
            return ExprLowering(self.dialect, resolve, self.cat, refs.crosswalk, refs.lookup, type_of)
        return ExprLowering(self.dialect, resolve, self.cat, self.xwalk_lookup, self.lookup_expr, type_of)

    def target_sql_type(self, c: ir.Column) -> exp.DataType:
        name = c.type.name
        args = ", ".join(str(a) for a in c.type.args)
        base = self.traits.target_types.get(name, name.upper())
        return data_type(f"{base}({args})" if args else base, self.traits.sqlglot)

    # ------------------------------------------------------------ scripts
    def scripts(self) -> list[Script]:
        out = [self.setup(), self.typed_views()]
        for i, m in enumerate(self.maps, start=1):
            out.append(self.map_script(i, m))
        if self.traits.constraints_after_load:
            out.append(self.constraints())
        out.append(self.validate())
        out.append(self.finish())
        return out

    def discard(self) -> list[Statement]:
        """Where publication is by rename: drop this run's shadow tables instead of publishing."""
        if not self.traits.publish_by_rename:
            return []
        out = [self.st(drop_table(self.tbl(schema, name, building=True)), f"discard this run's {schema}.{name}")
               for schema, name in self.published()]
        for m in self.maps:
            out.append(self.st(drop_table(self.work(table_names(dotted(m.target)).work)), f"work table of {map_label(m)}"))
        return out

    def finish(self) -> Script:
        """Where DDL commits implicitly, rename this run's tables into place (each map drops
        its own work table)."""
        s = Script("95_finish", "publish by atomic rename" if self.traits.publish_by_rename else "nothing left to do: the commit publishes")
        if self.traits.publish_by_rename:
            pairs = self.published()
            for schema, name in pairs:
                s.statements.append(self.st(
                    exp.Create(this=self.tbl(schema, name), kind="TABLE", exists=True,
                               properties=exp.Properties(expressions=[exp.LikeProperty(this=self.tbl(schema, name, building=True))])),
                    f"first run: an empty {schema}.{name} so that the swap below has something to swap"))
            renames = []
            for schema, name in pairs:
                renames.append((self.tbl(schema, name), self.tbl(schema, name + OLD_SUFFIX)))
                renames.append((self.tbl(schema, name, building=True), self.tbl(schema, name)))
            s.statements.append(self.st(self.traits.rename_tables(renames), "publish: one atomic RENAME of every table of this run"))
            for schema, name in pairs:
                s.statements.append(self.st(drop_table(self.tbl(schema, name + OLD_SUFFIX)), f"previous {schema}.{name}"))
        return s

    def setup(self) -> Script:
        s = Script("00_setup", "schemas, crosswalks, fresh target and reject tables")
        if not self.traits.flat_schemas:
            schemas = [CHARTSHIFT_SCHEMA, STAGE_SCHEMA] + [t.name for t in self.spec.targets] + [x.name for x in self.spec.sources]
            for name in dict.fromkeys(schemas):
                s.statements.append(self.st(exp.Create(this=exp.Table(this=ident(name)), kind="SCHEMA", exists=True), f"schema {name}"))
        key = self.traits.key_type
        xwalk_cols = [("legacy_key", key, True), ("own_id", "BIGINT", False), ("target_id", "BIGINT", False), ("state", "VARCHAR(10)", True)]
        xwalk_pk = ["legacy_key"] if self.traits.crosswalk_primary_key else []
        for m in self.maps:
            if self.cat.crosswalk_field(dotted(m.target)) is None:
                continue
            schema, name = table_names(dotted(m.target)).xwalk
            s.statements.append(self.st(
                self.create_table(self.tbl(schema, name), xwalk_cols, primary_key=xwalk_pk, if_not_exists=True),
                f"persistent crosswalk for {dotted(m.target)}: legacy key -> id (kept across runs)", m.span,
            ))
            if self.traits.publish_by_rename:
                s.statements.append(self.st(drop_table(self.tbl(schema, name, building=True)), "this run's crosswalk", m.span))
                s.statements.append(self.st(self.create_table(self.tbl(schema, name, building=True), xwalk_cols, primary_key=xwalk_pk),
                                            "this run's crosswalk (renamed into place at the end)", m.span))
        rejects = self.tbl(*REJECTS, building=True)
        s.statements.append(self.st(drop_table(rejects), "rejects of this run"))
        s.statements.append(self.st(self.create_table(rejects.copy(), [
            ("map", "VARCHAR(200)", False), ("source_table", "VARCHAR(200)", True), ("source_key", key, False),
            ("slot", "INTEGER", False), ("record", "BIGINT", False), ("rule", "VARCHAR(200)", True),
            ("reason", "VARCHAR(500)", True), ("original_row", "TEXT", False),
        ]), "one row per rejected source row (raw values kept for remediation)"))
        recon = self.tbl(*RECONCILIATION, building=True)
        s.statements.append(self.st(drop_table(recon), "reconciliation of this run"))
        s.statements.append(self.st(self.create_table(recon.copy(), [
            ("map", "VARCHAR(200)", True), ("source_table", "VARCHAR(200)", True), ("target_table", "VARCHAR(200)", True),
            *[(n, "BIGINT", True) for n in ("source_rows", "loaded", "rejected", "filtered", "merged")],
        ]), "one row per map, written at the end of the map: its accounting identity"))
        for tgt in self.spec.targets:
            for t in tgt.tables:
                name = f"{tgt.name}.{t.name}"
                live = self.tbl(tgt.name, t.name, building=True)
                s.statements.append(self.st(drop_table(live), f"replace {name}", t.span))
                cols = [(c.name, self.target_sql_type(c), c.not_null) for c in t.columns]
                later = self.traits.constraints_after_load
                uniques = [] if later else [[c.name] for c in t.columns if c.unique]
                s.statements.append(self.st(
                    self.create_table(live.copy(), cols, primary_key=[] if later else t.key, uniques=uniques),
                    f"target table {name}" + (" (keys and unique columns: 85_constraints)" if later else ""), t.span,
                ))
        for lk in self.spec.lookups:
            if lk.file is not None:
                s.statements.extend(self.file_lookup(lk))
        for src in self.spec.sources:
            for t in src.tables:
                s.statements.append(self.st(exp.Drop(tables=[self.tbl(src.name, t.name)], kind="VIEW", exists=True),
                                            f"typed view {src.name}.{t.name} (re-created over the new staging)", t.span))
        return s

    def create_table(self, tbl, cols, primary_key=(), uniques=(), if_not_exists=False, keys=("legacy_key", "source_key", "key")) -> exp.Create:
        defs: list[exp.Expression] = []
        for name, typ, not_null in cols:
            dtype = typ if isinstance(typ, exp.DataType) else data_type(typ, self.traits.sqlglot)
            constraints = [exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())] if not_null else []
            collation = self.traits.key_collation if name in keys else self.traits.text_collation
            if dtype.is_type(*exp.DataType.TEXT_TYPES) and collation:
                constraints.append(exp.ColumnConstraint(kind=exp.CollateColumnConstraint(this=collation())))
            defs.append(exp.ColumnDef(this=ident(name), kind=dtype, constraints=constraints))
        if primary_key:
            defs.append(exp.PrimaryKey(expressions=[ident(k) for k in primary_key]))
        for u in uniques:
            defs.append(exp.UniqueColumnConstraint(this=exp.Schema(expressions=[ident(k) for k in u])))
        return exp.Create(this=exp.Schema(this=tbl, expressions=defs), kind="TABLE", exists=if_not_exists)

    def file_lookup(self, lk: ir.Lookup) -> list[Statement]:
        import csv
        from pathlib import Path

        path = Path(self.spec.file).parent / lk.file
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        pairs = sorted({(r[lk.key_column], r[lk.value_column]) for r in rows})
        name = f"lookup__{lk.name}"
        stmts = [
            self.st(drop_table(self.tbl(CHARTSHIFT_SCHEMA, name)), f"lookup {lk.name} from {lk.file}", lk.span),
            self.st(self.create_table(self.tbl(CHARTSHIFT_SCHEMA, name), [("key", self.traits.key_type, True), ("value", "VARCHAR(500)", False)], primary_key=["key"]),
                    f"lookup {lk.name}: {len(pairs)} entries", lk.span),
        ]
        for start in range(0, len(pairs), 500):
            chunk = pairs[start:start + 500]
            values = exp.Values(expressions=[exp.Tuple(expressions=[lit(k), lit(v)]) for k, v in chunk])
            stmts.append(self.st(
                exp.Insert(this=exp.Schema(this=self.tbl(CHARTSHIFT_SCHEMA, name), expressions=[ident("key"), ident("value")]), expression=values),
                f"lookup {lk.name} rows {start + 1}-{start + len(chunk)}", lk.span,
            ))
        return stmts

    def typed_views(self) -> Script:
        s = Script("10_typed_views", "typed views over the staged CSV text (blank -> NULL, failed casts flagged)")
        for src in self.spec.sources:
            for t in src.tables:
                qualified = f"{src.name}.{t.name}"
                select = exp.select(col("__row", "cs_raw"))
                errors = exp.Case()
                has_errors = False
                for c in t.columns:
                    raw = exp.Nullif(this=col(c.name, "cs_raw"), expression=lit(""))
                    vtype = SOURCE_TYPES[c.type.name]
                    if vtype == T.TEXT:
                        select = select.select(exp.alias_(raw, c.name, quoted=True, copy=False), copy=False)
                        continue
                    typed = self.traits.safe_cast(raw.copy(), vtype)
                    select = select.select(exp.alias_(typed, c.name, quoted=True, copy=False), copy=False)
                    errors = errors.when(
                        exp.and_(exp.Not(this=exp.Is(this=raw.copy(), expression=exp.Null())), exp.Is(this=typed.copy(), expression=exp.Null()),
                                 copy=False),
                        lit(f"{qualified}.{c.name} is not a valid {vtype}"),
                        copy=False,
                    )
                    has_errors = True
                err_expr = errors if has_errors else exp.Cast(this=exp.Null(), to=data_type("VARCHAR"))
                select = select.select(exp.alias_(err_expr, "__cast_error", quoted=True, copy=False), copy=False)
                select = select.from_(self.tbl(*stage_table(qualified), "cs_raw"), copy=False)
                view = exp.Create(this=self.tbl(src.name, t.name), kind="VIEW", expression=select)
                s.statements.append(self.st(view, f"typed view {qualified}", t.span))
        return s

    # ------------------------------------------------------------ maps
    def map_script(self, index: int, m: ir.Map) -> Script:
        target = dotted(m.target)
        s = Script(f"20_{index:02d}_{target.replace('.', '_')}", f"map {map_label(m)}")
        builder = MapSql(self, m)
        s.statements.extend(builder.statements())
        return s

    def duplicate_guard(self, live: exp.Table, columns: list[str], what: str) -> exp.Select:
        """Fail with a positioned message if loaded rows share a value of `columns`.  DuckDB
        adds a constraint to a table created in the same transaction without checking the
        rows already in it; the violation would surface only at COMMIT, naming no table."""
        dups = shared_values(live, [col(c) for c in columns], lit(1))
        message = (f"{what}: two or more loaded rows have the same value; remove the duplicates "
                   "with `dedup` or a `reject` rule")
        return exp.select(exp.Case().when(exp.Exists(this=dups), exp.Anonymous(this="error", expressions=[lit(message)]), copy=False))

    def constraints(self) -> Script:
        """Target keys and unique columns, built once over the loaded rows (a violation
        fails the run, which then rolls back)."""
        s = Script("85_constraints", "target keys and unique columns, built after the load")
        for tgt in self.spec.targets:
            for t in tgt.tables:
                live = self.tbl(tgt.name, t.name, building=True)
                name = f"{tgt.name}.{t.name}"
                xwalk = self.cat.crosswalk_field(name)
                if t.key and not (xwalk is not None and t.key == [xwalk.field]):  # crosswalk ids are unique by construction
                    s.statements.append(self.st(self.duplicate_guard(live, t.key, f"key of {name}"),
                                                f"no two rows share the key of {name}", t.span))
                for c in t.columns:
                    if c.unique:
                        s.statements.append(self.st(self.duplicate_guard(live, [c.name], f"unique {name}.{c.name}"),
                                                    f"no two rows share {name}.{c.name}", c.span))
                if t.key:
                    s.statements.append(self.st(
                        exp.Alter(this=live.copy(), kind="TABLE", actions=[
                            exp.AddConstraint(expressions=[exp.PrimaryKey(expressions=[ident(k) for k in t.key])])]),
                        f"key of {tgt.name}.{t.name}", t.span))
                for c in t.columns:
                    if c.unique:
                        s.statements.append(self.st(
                            exp.Alter(this=live.copy(), kind="TABLE", actions=[exp.AddConstraint(expressions=[
                                exp.UniqueColumnConstraint(this=exp.Schema(expressions=[ident(c.name)]))])]),
                            f"unique {tgt.name}.{t.name}.{c.name}", c.span))
        return s

    # ------------------------------------------------------------ validate
    def validate(self) -> Script:
        from compiler.sqlgen.checks import check_query

        s = Script("90_validate", "validation checks: each query returns (violations, denominator)")
        for i, c in enumerate(self.spec.checks):
            q = check_query(self, c)
            s.statements.append(self.st(q, f"check {i + 1}: {c.kind} ({where_line(c.span)})", c.span, query=f"check:{i}"))
        return s


class JoinedRefs:
    """Crosswalk and file-lookup references of one layer as LEFT JOINs, one per distinct
    key expression.  A correlated subquery per reference is an index probe per row on
    PostgreSQL and MariaDB (and a DELIM_JOIN on DuckDB); a join is one hash join.  Both
    joined tables have one row per key, so the join never multiplies rows."""

    def __init__(self, gen: SqlGen):
        self.gen = gen
        self.joins: dict[tuple, tuple[str, exp.Table, exp.Expression]] = {}

    def _alias(self, key: tuple, make) -> str:
        if key not in self.joins:
            alias = f"cs_ref{len(self.joins) + 1}"
            self.joins[key] = (alias, *make(alias))
        return self.joins[key][0]

    def crosswalk(self, target: str, args: list[exp.Expression]) -> exp.Expression:
        schema, name = table_names(target).xwalk
        key = self.gen.key_text(args)
        alias = self._alias(("crosswalk", target, key.sql()), lambda a: (
            self.gen.tbl(schema, name, a, building=True),
            exp.and_(exp.EQ(this=col("legacy_key", a), expression=key),
                     exp.NEQ(this=col("state", a), expression=lit("inactive")), copy=False),
        ))
        return col("target_id", alias)

    def lookup(self, lookup: ir.Lookup, arg: exp.Expression) -> exp.Expression:
        if lookup.file is None:
            return inline_lookup(lookup, arg)
        alias = self._alias(("lookup", lookup.name, arg.sql()), lambda a: (
            self.gen.tbl(CHARTSHIFT_SCHEMA, f"lookup__{lookup.name}", a),
            exp.EQ(this=col("key", a), expression=arg),
        ))
        found = col("value", alias)
        return found if lookup.default is None else exp.Coalesce(this=found, expressions=[lit(lookup.default.value)])

    def join_into(self, select: exp.Select) -> exp.Select:
        for alias, tbl, on in self.joins.values():
            select = join(select, tbl, on=on, side="LEFT")
        return select


class MapSql:
    """The statements of one map."""

    def __init__(self, gen: SqlGen, m: ir.Map):
        self.gen = gen
        self.m = m
        self.cat = gen.cat
        self.target = dotted(m.target)
        self.label = map_label(m)
        self.names = table_names(self.target)
        self.scope = MapScope.of(self.cat, m)
        self.target_table = self.cat.target_tables[self.target]
        self.columns = {c.name: c for c in self.target_table.columns}
        self.xwalk = self.cat.crosswalk_field(self.target)
        self.slots = len(m.each.items) if m.each else 1
        # the scope resolves names only (which are `each` variables, which fields); the
        # types of expressions come from the checked spec
        if m.each:
            for i, n in enumerate(m.each.names):
                self.scope.each_types[n] = (i, T.ANY)
        for a in m.assigns:
            self.scope.field_types[a.field] = TARGET_TYPES.get(self.columns[a.field].type.name, T.ANY)
        self.rules: list[tuple[str, str]] = []  # (rule id, reason) ; index + 1 is the rule number

    def type_of(self, e) -> str | None:
        """The value type of an expression, as the checker inferred it."""
        return self.gen.checked.type_of(e)

    def lowering_in(self, layer: str, rule_context: bool, refs: JoinedRefs | None = None) -> ExprLowering:
        return self.gen.lowering(self.resolve_in(layer, rule_context), self.type_of, refs)

    def add_rule(self, rule: str, reason: str) -> int:
        self.rules.append((rule, reason))
        return len(self.rules)

    # name resolution per layer
    def source_layer(self, name: ir.Name) -> exp.Expression:
        ref = self.scope.resolve(name, False)
        assert isinstance(ref, SourceColumnRef), ref
        return col(ref.column, ref.alias)

    def resolve_in(self, layer: str, rule_context: bool):
        def resolve(name: ir.Name) -> exp.Expression:
            ref = self.scope.resolve(name, rule_context)
            if isinstance(ref, FieldRef):
                return col(f"f__{ref.name}", layer)
            if isinstance(ref, EachVarRef):
                return col(f"e__{ref.name}", layer)
            if isinstance(ref, EachIndexRef):
                return col("__slot", layer)
            assert isinstance(ref, SourceColumnRef), ref
            return col(f"s__{ref.alias}__{ref.column}", layer)
        return resolve

    def statements(self) -> list[Statement]:
        m, st = self.m, self.gen.st
        drop_work = drop_table(self.gen.work(self.names.work))
        out = [st(drop_work, "work table left by an earlier run", m.span)]
        out.append(st(self.work_table(), f"{self.label}: every kept row with its fields and status", m.span))
        if self.gen.traits.analyze_after_fill:
            out.append(st(exp.Analyze(tables=[self.gen.work(self.names.work)]), f"{self.label}: statistics of the work table", m.span))
        out.append(st(self.insert_rejects(), f"{self.label}: rejected rows with the first rule that failed", m.span))
        if self.xwalk is not None:
            out.extend(self.crosswalk_statements())
        out.append(st(self.insert_target(), f"{self.label}: load the surviving rows", m.span))
        out.append(st(self.insert_accounting(), f"{self.label}: accounting identity: source rows = loaded + rejected + filtered + merged", m.span))
        out.append(st(drop_work.copy(), f"{self.label}: work table no longer needed", m.span))
        return out

    # ---- input rows
    def input_rows(self) -> exp.Select:
        """Every source row (with its joined rows), once per `each` slot: the map's input
        before `where` and `each ... when` filter it."""
        m = self.m
        src_schema, src_name = m.source.parts[0], m.source.parts[-1]
        primary = self.scope.primary_alias
        inp = exp.select(
            exp.alias_(col("__row", primary), "__row", quoted=True, copy=False),
            exp.alias_(col("__cast_error", primary), "__cast_error", quoted=True, copy=False),
        ).from_(self.gen.tbl(src_schema, src_name, primary), copy=False)
        for alias, qualified in self.scope.aliases.items():
            for c in self.cat.source_tables[qualified].columns:
                inp = inp.select(exp.alias_(col(c.name, alias), f"s__{alias}__{c.name}", quoted=True, copy=False), copy=False)
        for j in m.joins:
            on = self.gen.lowering(self.source_layer)(j.on)
            inp = join(inp, self.gen.tbl(j.table.parts[0], j.table.parts[-1], j.alias), on=on, side="LEFT")
        if not m.each:
            return inp.select(exp.alias_(lit(1), "__slot", quoted=True, copy=False), copy=False)
        slots = None
        for i in range(1, self.slots + 1):
            one = exp.select(exp.alias_(lit(i), "n", quoted=True, copy=False))
            slots = one if slots is None else exp.union(slots, one, distinct=False, copy=False)
        inp = join(inp, exp.Subquery(this=slots, alias=exp.TableAlias(this=ident("cs_slots"))), kind="CROSS")
        slot = col("n", "cs_slots")
        lower_src = self.gen.lowering(self.source_layer)
        for vi, var in enumerate(m.each.names):
            case = exp.Case(this=slot.copy())
            for ii, item in enumerate(m.each.items, start=1):
                elem = item.items[vi] if isinstance(item, ir.Tuple) else item
                case = case.when(lit(ii), lower_src(elem), copy=False)
            inp = inp.select(exp.alias_(case, f"e__{var}", quoted=True, copy=False), copy=False)
        return inp.select(exp.alias_(slot.copy(), "__slot", quoted=True, copy=False), copy=False)

    def kept(self) -> exp.Expression | None:
        """The `where` and `each ... when` conditions over the input layer (NULL keeps nothing)."""
        conds = list(self.m.where) + ([self.m.each.when] if self.m.each and self.m.each.when is not None else [])
        if not conds:
            return None
        low_in = self.lowering_in("cs_in", False)
        return exp.Coalesce(this=paren(exp.and_(*[paren(low_in(c)) for c in conds], copy=False)), expressions=[exp.false()])

    def record_order(self, layer: str) -> exp.Expression:
        """A number that orders candidate rows as the export does: record, then slot."""
        if not self.m.each:
            return col("__row", layer)
        return exp.Add(this=exp.Mul(this=col("__row", layer), expression=lit(self.slots)), expression=col("__slot", layer))

    # ---- the work table
    def work_table(self) -> exp.Expression:
        """Layers: cs_in (kept input rows) -> cs_fields (assignments and key) -> cs_rules (the
        first failing rule) -> cs_status (rejected / merged / loaded) [-> crosswalk ids].
        Filtered rows never reach the work table: insert_accounting counts them at the source."""
        m = self.m
        inp = self.input_rows()
        kept = self.kept()
        if kept is not None:
            inp = exp.select(exp.Star()).from_(exp.Subquery(this=inp, alias=exp.TableAlias(this=ident("cs_in"))), copy=False).where(kept, copy=False)

        # fields and key; crosswalk and lookup references as LEFT JOINs
        refs = JoinedRefs(self.gen)
        low_in = self.lowering_in("cs_in", False, refs)
        fields = exp.select(exp.Column(this=exp.Star(), table=ident("cs_in"))).from_(table("cs_in"), copy=False)
        for a in m.assigns:
            if a is self.xwalk:
                continue
            fields = fields.select(exp.alias_(low_in(a.expr), f"f__{a.field}", quoted=True, copy=False), copy=False)
        fields = fields.select(exp.alias_(self.key_expr(low_in), "__key", quoted=True), copy=False)
        fields = refs.join_into(fields)

        # the first failing rule
        low_f = self.lowering_in("cs_fields", True)
        case = exp.Case()
        case = case.when(exp.Not(this=exp.Is(this=col("__cast_error", "cs_fields"), expression=exp.Null())),
                         lit(self.add_rule("cast", "value does not fit the source column type")), copy=False)
        case = case.when(exp.Is(this=col("__key", "cs_fields"), expression=exp.Null()),
                         lit(self.add_rule("key", "missing legacy key")), copy=False)
        for r in m.rejects:
            case = case.when(exp.Coalesce(this=paren(low_f(r.when)), expressions=[exp.false()]),
                             lit(self.add_rule(f"reject:{r.span.line}", r.reason)), copy=False)
        for cond, rule, reason in self.constraint_rules():
            case = case.when(cond, lit(self.add_rule(rule, reason)), copy=False)
        # a legacy key seen on an earlier kept row: found by a hash aggregate, not a window sort
        dup_key_rule = self.add_rule("duplicate key", "duplicate legacy key (an earlier row has the same key)")
        groups = self.duplicate_groups()
        dups = (
            exp.select(*[exp.alias_(g, f"__k{i}", quoted=True, copy=False) for i, g in enumerate(groups, start=1)])
            .select(exp.alias_(exp.Min(this=self.record_order("cs_fields")), "first_row", quoted=True, copy=False), copy=False)
            .from_(table("cs_fields"), copy=False)
            .group_by(*[g.copy() for g in groups], copy=False)
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(1)), copy=False)
        )
        same_key = exp.and_(*[exp.EQ(this=col(f"__k{i}", "cs_dups"), expression=g.copy()) for i, g in enumerate(groups, start=1)], copy=False)
        case = case.when(
            exp.and_(exp.Not(this=exp.Is(this=col("first_row", "cs_dups"), expression=exp.Null())),
                     exp.GT(this=self.record_order("cs_fields"), expression=col("first_row", "cs_dups")), copy=False),
            lit(dup_key_rule), copy=False)
        rules = (
            exp.select(exp.Column(this=exp.Star(), table=ident("cs_fields")), exp.alias_(case, "__rule", quoted=True, copy=False), copy=False)
            .from_(table("cs_fields"), copy=False)
        )
        rules = join(rules, exp.Subquery(this=dups, alias=exp.TableAlias(this=ident("cs_dups"))), on=same_key, side="LEFT")

        # status and, with a dedup rule, the survivor of each duplicate group
        status = exp.Case().when(exp.Not(this=exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())), lit("rejected"), copy=False)
        survivor = None
        if m.dedup:
            candidate = exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())
            low_r = self.lowering_in("cs_rules", True)
            keys = [low_r(k) for k in m.dedup.keys]
            any_null = exp.or_(*[exp.Is(this=paren(k.copy()), expression=exp.Null()) for k in keys], copy=False)
            partition = [paren(candidate)] + keys + [exp.Case().when(any_null, col("__key", "cs_rules"), copy=False)]
            order: list[exp.Expression] = []
            desc_all = m.dedup.keep == "last"
            for o in m.dedup.order:
                term = low_r(o.expr)
                if self.type_of(o.expr) == T.TEXT:
                    term = self.gen.traits.binary(term)
                order.append(exp.Ordered(this=term, desc=o.descending != desc_all, nulls_first=False))
            order.append(exp.Ordered(this=col("__key", "cs_rules")))
            window = lambda fn: exp.Window(this=fn, partition_by=[p.copy() for p in partition], order=exp.Order(expressions=[o.copy() for o in order]))  # noqa: E731
            status = status.when(exp.GT(this=window(exp.RowNumber()), expression=lit(1)), lit("merged"), copy=False)
            survivor = window(exp.FirstValue(this=col("__key", "cs_rules")))
        status = status.else_(lit("loaded"), copy=False)
        # keep only what later statements read: ids, status, fields, the source key for rejects
        keep = ["__row", "__slot", "__key", "__rule"]
        keep += [f"f__{a.field}" for a in m.assigns if a is not self.xwalk]
        keep += [f"s__{self.scope.primary_alias}__{k}" for k in self.cat.source_tables[dotted(m.source)].key]
        final = (
            exp.select(*[col(c, "cs_rules") for c in dict.fromkeys(keep)])
            .from_(table("cs_rules"), copy=False)
            .select(exp.alias_(status, "__status", quoted=True, copy=False), copy=False)
        )
        if survivor is not None:
            final = final.select(exp.alias_(survivor, "__survivor_key", quoted=True, copy=False), copy=False)
        ctes = [("cs_in", inp), ("cs_fields", fields), ("cs_rules", rules)]
        if self.xwalk is not None:
            ctes.append(("cs_status", final))
            final = self.own_ids()
        with_ctes(final, ctes)
        return self.gen.create_work(self.names.work, final)

    def own_ids(self) -> exp.Select:
        """Crosswalk ids: a key seen in an earlier run keeps its id; a new loaded key gets
        the next id after the highest ever given, in export order (record, then slot)."""
        schema, name = self.names.xwalk
        prev = self.gen.tbl(schema, name, "cs_prev")
        needs_id = exp.and_(exp.Is(this=col("own_id", "cs_prev"), expression=exp.Null()),
                            exp.EQ(this=col("__status", "cs_status"), expression=lit("loaded")), copy=False)
        max_prev = exp.Subquery(this=exp.select(exp.Coalesce(this=exp.Max(this=col("own_id")), expressions=[lit(0)]))
                                .from_(self.gen.tbl(schema, name), copy=False))
        # one sort, rows needing an id first.  PARTITION BY the flag is faster on DuckDB (the
        # charge_line work table 2.2 s -> 1.6 s at 100,000 patients) but its partitioned
        # window does not spill: out of memory at 1,000,000 patients under the 1 GB limit.
        fresh = exp.Add(this=max_prev, expression=exp.Window(
            this=exp.RowNumber(),
            order=exp.Order(expressions=[exp.Ordered(this=paren(needs_id.copy()), desc=True), exp.Ordered(this=col("__row", "cs_status")),
                                         exp.Ordered(this=col("__slot", "cs_status"))])))
        own_id = exp.Coalesce(this=col("own_id", "cs_prev"), expressions=[exp.Case().when(needs_id, fresh, copy=False)])
        select = (
            exp.select(exp.Column(this=exp.Star(), table=ident("cs_status")), exp.alias_(own_id, "__own_id", quoted=True, copy=False))
            .from_(table("cs_status"), copy=False)
        )
        return join(select, prev, on=exp.EQ(this=col("legacy_key", "cs_prev"), expression=col("__key", "cs_status")), side="LEFT")

    def key_parts(self, low, layer: str = "cs_in") -> list[tuple[exp.Expression, bool]]:
        """The legacy key's parts over `layer`, each with whether it is text: the crosswalk's
        arguments, else the source key columns (or the record number), plus the `each` slot."""
        if self.xwalk is not None:
            return [(col("__slot", layer), False) if isinstance(a, ir.Name) and a.parts == ["each_index"]
                    else (low(a), self.type_of(a) == T.TEXT) for a in self.xwalk.expr.args]
        src = self.cat.source_tables[dotted(self.m.source)]
        types = {c.name: SOURCE_TYPES[c.type.name] for c in src.columns}
        parts = [(col(f"s__{self.scope.primary_alias}__{k}", layer), types[k] == T.TEXT) for k in src.key] or [(col("__row", layer), False)]
        if self.m.each:
            parts.append((col("__slot", layer), False))
        return parts

    def key_expr(self, low) -> exp.Expression:
        return self.gen.key_text([p for p, _ in self.key_parts(low)])

    def duplicate_groups(self) -> list[exp.Expression]:
        """What the duplicate-key check groups by: the key's parts when they are plain
        columns (equal parts <=> equal key text; hashing them beats hashing the joined
        text), else the key text itself."""
        parts = self.key_parts(self.lowering_in("cs_fields", False), "cs_fields")
        if all(isinstance(p, exp.Column) for p, _ in parts):
            return [self.gen.traits.binary(p) if is_text else p for p, is_text in parts]
        return [col("__key", "cs_fields")]

    def constraint_rules(self):
        """Target-column constraints checked on the computed fields (after the spec's rules)."""
        assigned = {a.field for a in self.m.assigns if a is not self.xwalk}
        tscope = TableScope(self.cat, self.target)
        for c in self.target_table.columns:
            if c.name not in assigned:
                continue
            f = col(f"f__{c.name}", "cs_fields")
            where = f"{self.target}.{c.name}"
            if c.not_null:
                yield exp.Is(this=f.copy(), expression=exp.Null()), f"not null:{where}", f"{c.name} is required but empty"
            if c.type.name in ("varchar", "char") and c.type.args:
                n = c.type.args[0]
                yield exp.GT(this=exp.Length(this=exp.Cast(this=f.copy(), to=data_type("VARCHAR"))), expression=lit(n)), \
                    f"length:{where}", f"{c.name} is longer than {n} characters"
            if c.type.name in ("decimal", "numeric") and len(c.type.args) == 2:
                p, sc = c.type.args
                bound = exp.Literal.number(str(Decimal(10) ** (p - sc)))
                yield exp.GTE(this=exp.Abs(this=f.copy()), expression=bound), f"range:{where}", f"{c.name} does not fit decimal({p},{sc})"
            if c.allowed is not None:
                yield exp.Not(this=paren(exp.In(this=f.copy(), expressions=[lit(v.value) for v in c.allowed]))), \
                    f"in:{where}", f"{c.name} is not one of the allowed values"
            if c.check is not None:
                def resolve(name, _c=c):
                    ref = tscope.resolve(name, True)
                    return col(f"f__{ref.name}", "cs_fields")
                cond = self.gen.lowering(resolve)(c.check)
                yield exp.Not(this=exp.Coalesce(this=paren(cond), expressions=[exp.true()])), f"check:{where}", \
                    f"{c.name} fails its check constraint"

    # ---- rejects, crosswalk, load
    def insert_rejects(self) -> exp.Expression:
        m = self.m
        src = dotted(m.source)
        rule_case = exp.Case(this=col("__rule", "w"))
        reason_case = exp.Case(this=col("__rule", "w"))
        for i, (rule, reason) in enumerate(self.rules, start=1):
            rule_case = rule_case.when(lit(i), lit(rule), copy=False)
            reason_case = reason_case.when(lit(i), lit(reason), copy=False)
        src_cols = [c.name for c in self.cat.source_tables[src].columns]
        original = self.gen.traits.json_object([(c, col(c, "r")) for c in src_cols])
        src_key_parts = [col(f"s__{self.scope.primary_alias}__{k}", "w") for k in self.cat.source_tables[src].key]
        src_key = self.gen.key_text(src_key_parts) if src_key_parts else exp.Cast(this=exp.Null(), to=data_type("VARCHAR"))
        select = (
            exp.select(
                lit(map_label(m)), lit(src), src_key, col("__slot", "w"), col("__row", "w"),
                rule_case, reason_case, original, copy=False,
            )
            .from_(self.gen.work(self.names.work, "w"), copy=False)
        )
        select = (
            join(select, self.gen.tbl(*stage_table(src), "r"), on=exp.EQ(this=col("__row", "r"), expression=col("__row", "w")))
            .where(exp.EQ(this=col("__status", "w"), expression=lit("rejected")), copy=False)
            .order_by(exp.Ordered(this=col("__row", "w")), exp.Ordered(this=col("__slot", "w")), copy=False)
        )
        cols = ["map", "source_table", "source_key", "slot", "record", "rule", "reason", "original_row"]
        return exp.Insert(this=exp.Schema(this=self.gen.tbl(*REJECTS, building=True), expressions=[ident(c) for c in cols]), expression=select)

    def crosswalk_statements(self) -> list[Statement]:
        """This run's keys replace their rows; every other key becomes inactive (it keeps its
        id, which is never reused).  In place where the run is one transaction; into the
        empty shadow table where tables are published by rename."""
        schema, name = self.names.xwalk
        label, span = f"crosswalk {self.target}", self.xwalk.span
        building = self.gen.tbl(schema, name, building=True)
        cols = ["legacy_key", "own_id", "target_id", "state"]
        in_run = exp.In(this=col("__status"), expressions=[lit("loaded"), lit("merged")])
        out = []
        if not self.gen.traits.publish_by_rename:
            this_run = exp.select(col("__key")).from_(self.gen.work(self.names.work), copy=False).where(in_run, copy=False)
            out.append(self.gen.st(exp.Delete(this=building.copy(), where=exp.Where(this=exp.In(this=col("legacy_key"), query=exp.Subquery(this=this_run)))),
                                   f"{label}: the keys of this run are written again below", span))
            out.append(self.gen.st(
                exp.Update(this=building.copy(), expressions=[exp.EQ(this=col("state"), expression=lit("inactive")),
                                                              exp.EQ(this=col("target_id"), expression=exp.Null())],
                           where=exp.Where(this=exp.NEQ(this=col("state"), expression=lit("inactive")))),
                f"{label}: keys not loaded by this run stay, inactive, with their ids", span))
        loaded = exp.EQ(this=col("__status", "w"), expression=lit("loaded"))
        by_window = self.m.dedup and self.gen.traits.survivor_id_by_window
        if by_window:
            # the survivor is the one loaded row among those naming it as their survivor
            survivor_id = exp.Window(this=exp.Max(this=exp.Case().when(loaded.copy(), col("__own_id", "w"), copy=False)),
                                     partition_by=[col("__survivor_key", "w")])
        else:
            survivor_id = col("__own_id", "s")
        if self.m.dedup:
            target_id = exp.Case().when(loaded, col("__own_id", "w"), copy=False).else_(survivor_id, copy=False)
        else:
            target_id = col("__own_id", "w")
        select = (
            exp.select(col("__key", "w"), col("__own_id", "w"), target_id, col("__status", "w"))
            .from_(self.gen.work(self.names.work, "w"), copy=False)
            .where(exp.In(this=col("__status", "w"), expressions=[lit("loaded"), lit("merged")]), copy=False)
        )
        if self.m.dedup and not by_window:
            select = join(select, self.gen.work(self.names.work, "s"), on=exp.and_(
                exp.EQ(this=col("__key", "s"), expression=col("__survivor_key", "w")),
                exp.EQ(this=col("__status", "s"), expression=lit("loaded")), copy=False), side="LEFT")
        out.append(self.gen.st(exp.Insert(this=exp.Schema(this=building.copy(), expressions=[ident(c) for c in cols]), expression=select),
                               f"{label}: loaded keys with their ids, merged keys pointing at their survivor's id", span))
        if self.gen.traits.publish_by_rename:
            # the shadow crosswalk starts empty: add the published keys this run did not
            # load, inactive (found through the shadow's primary key, one probe per key)
            published = self.gen.tbl(schema, name, "p")
            written = exp.select(lit(1)).from_(building.copy(), copy=False).where(
                exp.EQ(this=col("legacy_key", building.name), expression=col("legacy_key", "p")), copy=False)
            out.append(self.gen.st(exp.Insert(
                this=exp.Schema(this=building.copy(), expressions=[ident(c) for c in cols]),
                expression=exp.select(col("legacy_key", "p"), col("own_id", "p"), exp.Null(), lit("inactive")).from_(published, copy=False).where(
                    exp.Not(this=exp.Exists(this=written)), copy=False)),
                f"{label}: keys not loaded by this run stay, inactive, with their ids", span))
        if self.gen.traits.analyze_after_fill:
            out.append(self.gen.st(exp.Analyze(tables=[building.copy()]), f"{label}: statistics for the maps that join it", span))
        return out

    def insert_target(self) -> exp.Expression:
        cols, values = [], []
        for a in self.m.assigns:
            c = self.columns[a.field]
            cols.append(ident(a.field))
            value = col("__own_id", "w") if a is self.xwalk else col(f"f__{a.field}", "w")
            values.append(exp.Cast(this=value, to=self.gen.target_sql_type(c)))
        select = (
            exp.select(*values).from_(self.gen.work(self.names.work, "w"), copy=False)
            .where(exp.EQ(this=col("__status", "w"), expression=lit("loaded")), copy=False)
        )
        return exp.Insert(this=exp.Schema(this=self.gen.tbl(self.m.target.parts[0], self.m.target.parts[-1], building=True), expressions=cols), expression=select)

    def insert_accounting(self) -> exp.Expression:
        """One reconciliation row, each term counted where it ends up: loaded in the target
        table, rejected in the rejects table, filtered at the source (the `where` and `each
        ... when` conditions evaluated again), merged in the work table."""
        def count(from_, where=None):
            q = exp.select(exp.Count(this=exp.Star())).from_(from_, copy=False)
            return exp.Subquery(this=q.where(where, copy=False) if where is not None else q)

        src, m = dotted(self.m.source), self.m
        source_rows = count(self.gen.tbl(m.source.parts[0], m.source.parts[-1]))
        if self.slots > 1:
            source_rows = exp.Mul(this=source_rows, expression=lit(self.slots))
        kept = self.kept()
        if kept is None:
            filtered = lit(0)
        else:
            filtered = count(exp.Subquery(this=self.input_rows(), alias=exp.TableAlias(this=ident("cs_in"))), exp.Not(this=kept))
        merged = count(self.gen.work(self.names.work), exp.EQ(this=col("__status"), expression=lit("merged"))) if m.dedup else lit(0)
        values = [
            ("map", lit(self.label)), ("source_table", lit(src)), ("target_table", lit(self.target)),
            ("source_rows", source_rows),
            ("loaded", count(self.gen.tbl(m.target.parts[0], m.target.parts[-1], building=True))),
            ("rejected", count(self.gen.tbl(*REJECTS, building=True), exp.EQ(this=col("map"), expression=lit(self.label)))),
            ("filtered", filtered), ("merged", merged),
        ]
        return exp.Insert(this=exp.Schema(this=self.gen.tbl(*RECONCILIATION, building=True), expressions=[ident(n) for n, _ in values]),
                          expression=exp.select(*[v for _, v in values]))


def generate(checked: Checked, dialect: str) -> list[Script]:
    """All scripts for `dialect`, in run order."""
    return SqlGen(checked, dialect).scripts()
