"""Checked IR + plan -> the run's SQL statements as sqlglot trees, grouped into scripts.

Scripts, in the order they run (all inside one transaction):
  00_setup      schemas, persistent crosswalk tables, fresh target/reject tables, lookups
  10_stage      typed views over the staged CSV text (staging itself: compiler/staging.py)
  20_NN_<map>   one per map in plan order: work table, rejects, crosswalk, insert
  80_reconcile  the accounting identity per map
  90_validate   one query per validation check, returning (violations, denominator)

Each map's work table is built in layers (CTEs): input (source + joins + each slots),
fields (every assignment), rules (first failing reject rule), status (filtered / rejected
/ merged / loaded, with the dedup survivor).  Computed columns are prefixed (`f__`, `s__`,
`e__`, `__`) so they never collide with legacy column names (DuckDB folds case).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from decimal import Decimal

from sqlglot import exp

from compiler import ir
from compiler import types as T
from compiler.catalog import (
    SOURCE_TYPES,
    TARGET_TYPES,
    Catalog,
    EachIndexRef,
    EachVarRef,
    FieldRef,
    MapScope,
    SourceColumnRef,
    dotted,
)
from compiler.check import TableScope
from compiler.dialects import DialectTraits, traits_for
from compiler.lower import ExprLowering, col, drop_table, ident, inline_lookup, lit, paren, table
from compiler.plan import CHARTSHIFT_SCHEMA, STAGE_SCHEMA, map_label, order_maps, stage_table, table_names

KEY_SEPARATOR = "|"
NEW_SUFFIX = "__cs_new"
OLD_SUFFIX = "__cs_old"
REJECTS = (CHARTSHIFT_SCHEMA, "rejects")
RECONCILIATION = (CHARTSHIFT_SCHEMA, "reconciliation")


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

    def __init__(self, spec: ir.Spec, catalog: Catalog, dialect: str):
        self.spec = spec
        self.cat = catalog
        self.dialect = dialect
        self.traits: DialectTraits = traits_for(dialect)
        self.maps = order_maps(spec)

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
            .from_(self.tbl(schema, name, "cs_x", building=True))
            .where(exp.and_(
                exp.EQ(this=col("legacy_key", "cs_x"), expression=self.key_text(args)),
                exp.NEQ(this=col("state", "cs_x"), expression=lit("inactive")),
            ))
        )
        return exp.Subquery(this=sub)

    def lookup_expr(self, lookup: ir.Lookup, arg: exp.Expression) -> exp.Expression:
        if lookup.file is None:
            return inline_lookup(lookup, arg)
        sub = exp.select(col("value", "cs_l")).from_(self.tbl(CHARTSHIFT_SCHEMA, f"lookup__{lookup.name}", "cs_l")).where(
            exp.EQ(this=col("key", "cs_l"), expression=arg)
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

    def lowering(self, resolve, type_of=None) -> ExprLowering:
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
        out.append(self.reconcile())
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
            names = table_names(dotted(m.target))
            out += [self.st(drop_table(self.work(n)), f"work table of {map_label(m)}") for n in (names.work, names.xwalk_new)]
        return out

    def finish(self) -> Script:
        """Drop work tables; where DDL commits implicitly, rename this run's tables into place."""
        s = Script("95_finish", "drop work tables" + (", publish by atomic rename" if self.traits.publish_by_rename else ""))
        for m in self.maps:
            names = table_names(dotted(m.target))
            s.statements.append(self.st(drop_table(self.work(names.work)), f"work table of {map_label(m)}", m.span))
            s.statements.append(self.st(drop_table(self.work(names.xwalk_new)), f"crosswalk work table of {map_label(m)}", m.span))
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
        for m in self.maps:
            if self.cat.crosswalk_field(dotted(m.target)) is None:
                continue
            schema, name = table_names(dotted(m.target)).xwalk
            s.statements.append(self.st(
                self.create_table(self.tbl(schema, name), xwalk_cols, primary_key=["legacy_key"], if_not_exists=True),
                f"persistent crosswalk for {dotted(m.target)}: legacy key -> id (kept across runs)", m.span,
            ))
            if self.traits.publish_by_rename:
                s.statements.append(self.st(drop_table(self.tbl(schema, name, building=True)), "this run's crosswalk", m.span))
                s.statements.append(self.st(self.create_table(self.tbl(schema, name, building=True), xwalk_cols, primary_key=["legacy_key"]),
                                            "this run's crosswalk (renamed into place at the end)", m.span))
        rejects = self.tbl(*REJECTS, building=True)
        s.statements.append(self.st(drop_table(rejects), "rejects of this run"))
        s.statements.append(self.st(self.create_table(rejects.copy(), [
            ("map", "VARCHAR(200)", False), ("source_table", "VARCHAR(200)", True), ("source_key", key, False),
            ("slot", "INTEGER", False), ("record", "BIGINT", False), ("rule", "VARCHAR(200)", True),
            ("reason", "VARCHAR(500)", True), ("original_row", "TEXT", False),
        ]), "one row per rejected source row (raw values kept for remediation)"))
        for tgt in self.spec.targets:
            for t in tgt.tables:
                name = f"{tgt.name}.{t.name}"
                live = self.tbl(tgt.name, t.name, building=True)
                s.statements.append(self.st(drop_table(live), f"replace {name}", t.span))
                cols = [(c.name, self.target_sql_type(c), c.not_null) for c in t.columns]
                uniques = [[c.name] for c in t.columns if c.unique]
                s.statements.append(self.st(
                    self.create_table(live.copy(), cols, primary_key=t.key, uniques=uniques),
                    f"target table {name}", t.span,
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
                        exp.and_(exp.Not(this=exp.Is(this=raw.copy(), expression=exp.Null())), exp.Is(this=typed.copy(), expression=exp.Null())),
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

    # ------------------------------------------------------------ reconcile
    def reconcile(self) -> Script:
        s = Script("80_reconcile", "accounting identity per map: source rows = loaded + rejected + filtered + merged")
        selects = []
        for m in self.maps:
            src, tgt = dotted(m.source), dotted(m.target)
            slots = len(m.each.items) if m.each else 1
            work = table_names(tgt).work

            def count(from_, where=None):
                q = exp.select(exp.Count(this=exp.Star())).from_(from_)
                if where is not None:
                    q = q.where(where)
                return exp.Subquery(this=q)

            source_rows = count(self.tbl(m.source.parts[0], m.source.parts[-1]))
            if slots > 1:
                source_rows = exp.Mul(this=source_rows, expression=lit(slots))
            status = lambda v: exp.EQ(this=col("__status"), expression=lit(v))  # noqa: E731
            row = exp.select(
                exp.alias_(lit(map_label(m)), "map", quoted=True),
                exp.alias_(lit(src), "source_table", quoted=True),
                exp.alias_(lit(tgt), "target_table", quoted=True),
                exp.alias_(source_rows, "source_rows", quoted=True),
                exp.alias_(count(self.tbl(m.target.parts[0], m.target.parts[-1], building=True)), "loaded", quoted=True),
                exp.alias_(count(self.tbl(*REJECTS, building=True), exp.EQ(this=col("map"), expression=lit(map_label(m)))), "rejected", quoted=True),
                exp.alias_(count(self.work(work), status("filtered")), "filtered", quoted=True),
                exp.alias_(count(self.work(work), status("merged")), "merged", quoted=True),
            )
            selects.append(row)
        s.statements.append(self.st(drop_table(self.tbl(*RECONCILIATION, building=True)), "reconciliation of this run"))
        if selects:
            # left-deep UNION ALL built in place: exp.union() would deep-copy the growing
            # tree at every step (quadratic in the number of maps)
            union = selects[0]
            for sel in selects[1:]:
                union = exp.Union(this=union, expression=sel, distinct=False)
            s.statements.append(self.st(
                exp.Create(this=self.tbl(*RECONCILIATION, building=True), kind="TABLE", expression=union),
                "one row per map; loaded counts the target table, rejected the rejects table",
            ))
        return s

    # ------------------------------------------------------------ validate
    def validate(self) -> Script:
        from compiler.validate import check_query

        s = Script("90_validate", "validation checks: each query returns (violations, denominator)")
        for i, c in enumerate(self.spec.checks):
            q = check_query(self, c)
            s.statements.append(self.st(q, f"check {i + 1}: {c.kind} ({where_line(c.span)})", c.span, query=f"check:{i}"))
        return s


class MapSql:
    """The statements of one map."""

    def __init__(self, gen: SqlGen, m: ir.Map):
        self.gen = gen
        self.m = m
        self.cat = gen.cat
        self.target = dotted(m.target)
        self.names = table_names(self.target)
        self.scope = MapScope.of(self.cat, m)
        self.target_table = self.cat.target_tables[self.target]
        self.columns = {c.name: c for c in self.target_table.columns}
        self.xwalk = self.cat.crosswalk_field(self.target)
        if m.each:
            for i, n in enumerate(m.each.names):
                self.scope.each_types[n] = (i, T.ANY)
        for a in m.assigns:
            self.scope.field_types[a.field] = TARGET_TYPES.get(self.columns[a.field].type.name, T.ANY)
        self.rules: list[tuple[str, str]] = []  # (rule id, reason) ; index + 1 is the rule number
        self._checker = None

    def type_of(self, e, rule_context: bool = True) -> str | None:
        """The value type of an expression (the checker's inference)."""
        from compiler.check import Checker, TypeInference

        if self._checker is None:
            self._checker = Checker(self.gen.spec, Path("."))
        return TypeInference(self._checker, self.scope, rule_context).infer(e)

    def lowering_in(self, layer: str, rule_context: bool) -> ExprLowering:
        return self.gen.lowering(self.resolve_in(layer, rule_context), lambda e: self.type_of(e, rule_context))

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
        m = self.m
        out = [self.gen.st(drop_table(self.gen.work(self.names.work)), "work table left by an earlier run", m.span)]
        out.append(self.gen.st(self.work_table(), f"{map_label(m)}: every candidate row with its fields and status", m.span))
        out.append(self.gen.st(self.insert_rejects(), f"{map_label(m)}: rejected rows with the first rule that failed", m.span))
        if self.xwalk is not None:
            out.extend(self.crosswalk_statements())
        out.append(self.gen.st(self.insert_target(), f"{map_label(m)}: load the surviving rows", m.span))
        return out

    # ---- the work table
    def work_table(self) -> exp.Expression:
        m = self.m
        src_schema, src_name = m.source.parts[0], m.source.parts[-1]
        primary = self.scope.primary_alias

        # layer 1: input rows (source columns, joins, each slots)
        inp = exp.select(
            exp.alias_(col("__row", primary), "__row", quoted=True),
            exp.alias_(col("__cast_error", primary), "__cast_error", quoted=True),
        ).from_(self.gen.tbl(src_schema, src_name, primary))
        for alias, qualified in self.scope.aliases.items():
            for c in self.cat.source_tables[qualified].columns:
                inp = inp.select(exp.alias_(col(c.name, alias), f"s__{alias}__{c.name}", quoted=True), copy=False)
        for j in m.joins:
            on = self.gen.lowering(self.source_layer)(j.on)
            inp = inp.join(self.gen.tbl(j.table.parts[0], j.table.parts[-1], j.alias), on=on, join_type="left", copy=False)
        if m.each:
            slots = None
            for i in range(1, len(m.each.items) + 1):
                one = exp.select(exp.alias_(lit(i), "n", quoted=True))
                slots = one if slots is None else exp.union(slots, one, distinct=False)
            inp = inp.join(exp.Subquery(this=slots, alias=exp.TableAlias(this=ident("cs_slots"))), join_type="cross", copy=False)
            slot = col("n", "cs_slots")
            lower_src = self.gen.lowering(self.source_layer)
            for vi, var in enumerate(m.each.names):
                case = exp.Case(this=slot)
                for ii, item in enumerate(m.each.items, start=1):
                    elem = item.items[vi] if isinstance(item, ir.Tuple) else item
                    case = case.when(lit(ii), lower_src(elem), copy=False)
                inp = inp.select(exp.alias_(case, f"e__{var}", quoted=True), copy=False)
            inp = inp.select(exp.alias_(slot.copy(), "__slot", quoted=True), copy=False)
        else:
            inp = inp.select(exp.alias_(lit(1), "__slot", quoted=True), copy=False)

        # layer 2: fields, key, where / each filters
        low_in = self.lowering_in("cs_in", False)
        fields = exp.select(exp.Star()).from_(table("cs_in"))
        for a in m.assigns:
            if a is self.xwalk:
                continue
            fields = fields.select(exp.alias_(low_in(a.expr), f"f__{a.field}", quoted=True, copy=False), copy=False)
        fields = fields.select(exp.alias_(self.key_expr(low_in), "__key", quoted=True), copy=False)
        keep = exp.true()
        for w in m.where:
            keep = exp.and_(keep, paren(low_in(w)))
        if m.each and m.each.when is not None:
            keep = exp.and_(keep, paren(low_in(m.each.when)))
        fields = fields.select(exp.alias_(exp.Coalesce(this=paren(keep), expressions=[exp.false()]), "__keep", quoted=True), copy=False)

        # layer 3: the first failing rule
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
        # a legacy key seen on an earlier row: found by a hash aggregate, not a window sort
        dup_key_rule = self.add_rule("duplicate key", "duplicate legacy key (an earlier row has the same key)")
        dups = (
            exp.select(col("__key"), exp.alias_(exp.Min(this=col("__row")), "first_row", quoted=True))
            .from_(table("cs_fields"))
            .group_by(col("__key"))
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(1)))
        )
        case = case.when(
            exp.and_(exp.Not(this=exp.Is(this=col("first_row", "cs_dups"), expression=exp.Null())),
                     exp.GT(this=col("__row", "cs_fields"), expression=col("first_row", "cs_dups"))),
            lit(dup_key_rule), copy=False)
        rules = (
            exp.select(exp.Column(this=exp.Star(), table=ident("cs_fields")), exp.alias_(case, "__rule", quoted=True, copy=False), copy=False)
            .from_(table("cs_fields"), copy=False)
            .join(exp.Subquery(this=dups, alias=exp.TableAlias(this=ident("cs_dups"))),
                  on=exp.EQ(this=col("__key", "cs_dups"), expression=col("__key", "cs_fields")), join_type="left", copy=False)
        )

        # layer 4: status and, with a dedup rule, the survivor of each duplicate group
        status = (
            exp.Case()
            .when(exp.Not(this=col("__keep", "cs_rules")), lit("filtered"))
            .when(exp.Not(this=exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())), lit("rejected"))
        )
        if m.dedup:
            candidate = exp.and_(col("__keep", "cs_rules"), exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null()))
            low_r = self.lowering_in("cs_rules", True)
            keys = [low_r(k) for k in m.dedup.keys]
            any_null = exp.or_(*[exp.Is(this=paren(k.copy()), expression=exp.Null()) for k in keys])
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
            status = status.when(exp.GT(this=window(exp.RowNumber()), expression=lit(1)), lit("merged"))
            survivor = window(exp.FirstValue(this=col("__key", "cs_rules")))
        else:
            survivor = col("__key", "cs_rules")
        status = status.else_(lit("loaded"))
        # keep only what later statements read: ids, status, fields, the source key for rejects
        keep = ["__row", "__slot", "__key", "__rule"]
        keep += [f"f__{a.field}" for a in m.assigns if a is not self.xwalk]
        keep += [f"s__{self.scope.primary_alias}__{k}" for k in self.cat.source_tables[dotted(m.source)].key]
        final = (
            exp.select(*[col(c, "cs_rules") for c in dict.fromkeys(keep)])
            .from_(table("cs_rules"))
            .select(exp.alias_(status, "__status", quoted=True, copy=False), exp.alias_(survivor, "__survivor_key", quoted=True, copy=False), copy=False)
        )
        cte = final.with_("cs_in", as_=inp, copy=False).with_("cs_fields", as_=fields, copy=False).with_("cs_rules", as_=rules, copy=False)
        return self.gen.create_work(self.names.work, cte)

    def key_expr(self, low) -> exp.Expression:
        if self.xwalk is not None:
            parts = [low(a) if not (isinstance(a, ir.Name) and a.parts == ["each_index"]) else col("__slot", "cs_in") for a in self.xwalk.expr.args]
            return self.gen.key_text(parts)
        src = self.cat.source_tables[dotted(self.m.source)]
        parts = [col(f"s__{self.scope.primary_alias}__{k}", "cs_in") for k in src.key] or [col("__row", "cs_in")]
        if self.m.each:
            parts.append(col("__slot", "cs_in"))
        return self.gen.key_text(parts)

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
                yield exp.GT(this=exp.Length(this=exp.Cast(this=f.copy(), to=exp.DataType.build("VARCHAR"))), expression=lit(n)), \
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
        src_key = self.gen.key_text(src_key_parts) if src_key_parts else exp.Cast(this=exp.Null(), to=exp.DataType.build("VARCHAR"))
        select = (
            exp.select(
                lit(map_label(m)), lit(src), src_key, col("__slot", "w"), col("__row", "w"),
                rule_case, reason_case, original, copy=False,
            )
            .from_(self.gen.work(self.names.work, "w"), copy=False)
            .join(self.gen.tbl(*stage_table(src), "r"), on=exp.EQ(this=col("__row", "r"), expression=col("__row", "w")), copy=False)
            .where(exp.EQ(this=col("__status", "w"), expression=lit("rejected")), copy=False)
            .order_by(exp.Ordered(this=col("__row", "w")), exp.Ordered(this=col("__slot", "w")), copy=False)
        )
        cols = ["map", "source_table", "source_key", "slot", "record", "rule", "reason", "original_row"]
        return exp.Insert(this=exp.Schema(this=self.gen.tbl(*REJECTS, building=True), expressions=[ident(c) for c in cols]), expression=select)

    def crosswalk_statements(self) -> list[Statement]:
        schema, name = self.names.xwalk
        work = self.names.work
        prev = exp.select(col("legacy_key"), col("own_id")).from_(self.gen.tbl(schema, name))
        cur = exp.select(col("__key"), col("__status"), col("__survivor_key")).from_(self.gen.work(work)).where(
            exp.In(this=col("__status"), expressions=[lit("loaded"), lit("merged")]))
        new_keys = exp.select(col("__key", "cur"), exp.Cast(this=exp.Null(), to=exp.DataType.build("BIGINT"))).from_(table("cur")).where(
            exp.Not(this=exp.Exists(this=exp.select(lit(1)).from_(table("prev", alias="p")).where(
                exp.EQ(this=col("legacy_key", "p"), expression=col("__key", "cur"))))))
        keys = exp.union(exp.select(col("legacy_key"), col("own_id")).from_(table("prev")), new_keys, distinct=False)
        needs_id = exp.and_(exp.Is(this=col("own_id", "k"), expression=exp.Null()), exp.EQ(this=col("__status", "c"), expression=lit("loaded")))
        max_prev = exp.Subquery(this=exp.select(exp.Coalesce(this=exp.Max(this=col("own_id")), expressions=[lit(0)])).from_(table("prev")))
        fresh = exp.Add(this=max_prev, expression=exp.Window(
            this=exp.RowNumber(), partition_by=[paren(needs_id.copy())],
            order=exp.Order(expressions=[exp.Ordered(this=col("legacy_key", "k"))])))
        numbered = (
            exp.select(
                exp.alias_(col("legacy_key", "k"), "legacy_key", quoted=True),
                exp.alias_(col("__status", "c"), "state", quoted=True),
                exp.alias_(col("__survivor_key", "c"), "survivor_key", quoted=True),
                exp.alias_(exp.Coalesce(this=col("own_id", "k"), expressions=[exp.Case().when(needs_id, fresh, copy=False)]), "own_id", quoted=True),
            )
            .from_(table("keys", alias="k"))
            .join(table("cur", alias="c"), on=exp.EQ(this=col("__key", "c"), expression=col("legacy_key", "k")), join_type="left")
        )
        target_id = (
            exp.Case()
            .when(exp.EQ(this=col("state", "n"), expression=lit("loaded")), col("own_id", "n"))
            .when(exp.EQ(this=col("state", "n"), expression=lit("merged")), col("own_id", "s"))
        )
        final = (
            exp.select(
                exp.alias_(col("legacy_key", "n"), "legacy_key", quoted=True),
                exp.alias_(col("own_id", "n"), "own_id", quoted=True),
                exp.alias_(target_id, "target_id", quoted=True),
                exp.alias_(exp.Coalesce(this=col("state", "n"), expressions=[lit("inactive")]), "state", quoted=True),
            )
            .from_(table("numbered", alias="n"))
            .join(table("numbered", alias="s"), on=exp.EQ(this=col("legacy_key", "s"), expression=col("survivor_key", "n")), join_type="left")
            .with_("prev", as_=prev, copy=False).with_("cur", as_=cur, copy=False).with_("keys", as_=keys, copy=False).with_("numbered", as_=numbered, copy=False)
        )
        cols = ["legacy_key", "own_id", "target_id", "state"]
        label = f"crosswalk {self.target}"
        building = self.gen.tbl(schema, name, building=True)
        return [
            self.gen.st(drop_table(self.gen.work(self.names.xwalk_new)), label, self.xwalk.span),
            self.gen.st(self.gen.create_work(self.names.xwalk_new, final),
                        f"{label}: keep known ids, number new keys in key order after the highest id, merged keys point at their survivor", self.xwalk.span),
            self.gen.st(exp.Delete(this=building), f"{label}: replace contents", self.xwalk.span),
            self.gen.st(exp.Insert(this=exp.Schema(this=building.copy(), expressions=[ident(c) for c in cols]),
                                   expression=exp.select(*[col(c) for c in cols]).from_(self.gen.work(self.names.xwalk_new)).order_by(col("legacy_key"))),
                        label, self.xwalk.span),
        ]

    def insert_target(self) -> exp.Expression:
        cols, values = [], []
        select = exp.select().from_(self.gen.work(self.names.work, "w"))
        for a in self.m.assigns:
            c = self.columns[a.field]
            cols.append(ident(a.field))
            if a is self.xwalk:
                values.append(col("target_id", "x"))
            else:
                values.append(exp.Cast(this=col(f"f__{a.field}", "w"), to=self.gen.target_sql_type(c)))
        select = select.select(*values, copy=False)
        if self.xwalk is not None:
            schema, name = self.names.xwalk
            select = select.join(self.gen.tbl(schema, name, "x", building=True), on=exp.EQ(this=col("legacy_key", "x"), expression=col("__key", "w")), copy=False)
            order = col("target_id", "x")
        else:
            order = col("__key", "w")
        select = select.where(exp.EQ(this=col("__status", "w"), expression=lit("loaded")), copy=False).order_by(order, copy=False)
        return exp.Insert(this=exp.Schema(this=self.gen.tbl(self.m.target.parts[0], self.m.target.parts[-1], building=True), expressions=cols), expression=select)


def generate(spec: ir.Spec, catalog: Catalog, dialect: str) -> list[Script]:
    """All scripts for `dialect`, in run order."""
    return SqlGen(spec, catalog, dialect).scripts()
