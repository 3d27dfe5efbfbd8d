"""Checked IR + plan -> the run's SQL statements as sqlglot trees, grouped into scripts.

Scripts, in the order they run (all inside one transaction):
  00_setup      schemas, persistent crosswalk tables, fresh target/reject tables, lookups
  10_stage      typed views over the staged CSV text (staging itself: compiler/staging.py)
  15_state      specs with a `delta flag` only: the source state the target keeps
                (a delta run: the previous state with the extract applied; sqlgen/delta.py)
  20_NN_<map>   one per map in plan order: work table, rejects, crosswalk, insert, and the
                map's accounting identity (a row of chartshift.reconciliation)
  85_constraints  DuckDB only: target keys and unique columns, built after the load
                (each checked first, so that a duplicate fails at its spec line)
  90_validate   one query per validation check, returning (violations, denominator)
  92_delta, 95_apply   a delta run only (instead of 95_finish): its accounting queries,
                then the apply to the live tables (compiler/sqlgen/delta.py)

Each map's work table is built in layers (CTEs): input (source + joins + each slots, less
the rows `where` / `each ... when` filter), fields (every assignment; crosswalk and file
lookups joined), rules (first failing reject rule), status (rejected / merged / loaded,
with the dedup survivor), and crosswalk ids.  Computed columns are prefixed (`f__`, `s__`,
`e__`, `__`) so they never collide with legacy column names (DuckDB folds case).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot import exp

from compiler import ir
from compiler.diagnostics import Span
from compiler.ir.naming import dotted, file_stem
from compiler.plan.phases import PhaseInput
from compiler.plan.steps import CHARTSHIFT_SCHEMA, map_label, order_maps, table_names
from compiler.semantic.checked import Checked
from compiler.sqlgen import lookups
from compiler.sqlgen.delta import DeltaInput, DeltaScripts
from compiler.sqlgen.dialect_sql import DialectTraits, traits_for
from compiler.sqlgen.lower import ExprLowering, Resolver, TypeOf, col, lit, paren, table
from compiler.sqlgen.map_group import GroupSql
from compiler.sqlgen.map_load import MapSql
from compiler.sqlgen.phases import PhaseScripts
from compiler.sqlgen.publish import PublishScripts
from compiler.sqlgen.refs import JoinedRefs
from compiler.sqlgen.setup import SetupScripts
from compiler.sqlgen.statements import KEY_SEPARATOR, NEW_SUFFIX, Script, Statement, data_type, where_line


class SqlGen(SetupScripts, PublishScripts, DeltaScripts, PhaseScripts):
    """Builds every script for one spec and dialect; `delta`: the scripts of a delta run
    (compiler/sqlgen/delta.py), which build every table into shadow tables."""

    def __init__(self, checked: Checked, dialect: str, delta: DeltaInput | None = None, phase: PhaseInput | None = None):
        self.checked = checked  # the expression types come from here: nothing is checked again
        self.spec = checked.spec
        self.cat = checked.catalog
        self.dialect = dialect
        self.traits: DialectTraits = traits_for(dialect)
        self.maps = order_maps(self.spec)
        self.delta = delta
        self.phase = phase  # `run --phase`: the phases whose rows the maps read (sqlgen/phases.py)
        # a run's tables are built as shadow tables: where DDL commits implicitly, and in a
        # delta run (applied to the live tables at the end)
        self.shadow = self.traits.publish_by_rename or delta is not None

    # ------------------------------------------------------------ helpers
    def st(self, sql: exp.Expression, comment: str, span: Span | None = None, query: str | None = None) -> Statement:
        return Statement(sql, comment, span, query)

    def key_text(self, parts: Sequence[exp.Expression]) -> exp.Expression:
        """Legacy key as text: parts cast to text, joined with `|` (NULL if any part is NULL)."""
        texts = [exp.Cast(this=paren(p), to=data_type("VARCHAR")) for p in parts]
        out: exp.Expression = texts[0]
        for t in texts[1:]:
            out = exp.DPipe(this=exp.DPipe(this=out, expression=lit(KEY_SEPARATOR)), expression=t, safe=False)
        return self.traits.binary(out)

    def xwalk_lookup(self, target: str, args: list[exp.Expression]) -> exp.Expression:
        schema, name = table_names(target).xwalk
        sub = (
            exp.select(col("target_id", "cs_x"))
            .from_(self.tbl(schema, name, "cs_x", building=True), copy=False)
            .where(
                exp.and_(
                    exp.EQ(this=col("legacy_key", "cs_x"), expression=self.key_text(args)),
                    exp.NEQ(this=col("state", "cs_x"), expression=lit("inactive")),
                    copy=False,
                ),
                copy=False,
            )
        )
        return exp.Subquery(this=sub)

    def lookup_expr(self, lookup: ir.Lookup, args: list[exp.Expression], field: str | None) -> exp.Expression:
        if lookup.file is None:
            return lookups.inline_value(lookup, args, field)
        keys, values = lookups.table_columns(lookup)
        sub = (
            exp.select(col(values[lookups.position(lookup, field)], "cs_l"))
            .from_(self.tbl(CHARTSHIFT_SCHEMA, f"lookup__{lookup.name}", "cs_l"), copy=False)
            .where(exp.and_(*[exp.EQ(this=col(k, "cs_l"), expression=a) for k, a in zip(keys, args)], copy=False), copy=False)
        )
        found = exp.Subquery(this=sub)
        default = lookups.default_of(lookup, field)
        if default is None:
            return found
        return exp.Coalesce(this=found, expressions=[lit(default.value)])

    # ---- physical names: dialect tables decide schemas vs prefixes and shadow tables
    def tbl(self, schema: str | None, name: str, alias: str | None = None, building: bool = False) -> exp.Table:
        """A table reference.  `building`: a published table as written during the run
        (the live table itself where the run is one transaction, a shadow table that is
        renamed into place at the end where DDL commits implicitly)."""
        if building and self.shadow:
            name = name + NEW_SUFFIX
        if self.traits.flat_schemas and schema:
            return table(f"{schema}__{name}", None, alias)
        return table(name, schema, alias)

    def work(self, name: str, alias: str | None = None) -> exp.Table:
        return table(name, None, alias) if self.traits.temporary_work else self.tbl(CHARTSHIFT_SCHEMA, name, alias)

    def create_work(self, name: str, query: exp.Expression) -> exp.Create:
        props = exp.Properties(expressions=[exp.TemporaryProperty()]) if self.traits.temporary_work else None
        return exp.Create(this=self.work(name), kind="TABLE", expression=query, properties=props)

    def lowering(self, resolve: Resolver, type_of: TypeOf | None = None, refs: JoinedRefs | None = None) -> ExprLowering:
        """`refs`: turn crosswalk and file-lookup references into joins of the layer being built."""
        if refs is not None:
            return ExprLowering(self.dialect, resolve, self.cat, refs.crosswalk, refs.lookup, type_of, self.source_view)
        return ExprLowering(self.dialect, resolve, self.cat, self.xwalk_lookup, self.lookup_expr, type_of, self.source_view)

    def source_view(self, schema: str, name: str, alias: str) -> exp.Table:
        """A source table as the maps read it (for `exists`)."""
        return self.tbl(schema, name, alias)

    def target_sql_type(self, c: ir.Column) -> exp.DataType:
        name = c.type.name
        args = ", ".join(str(a) for a in c.type.args)
        base = self.traits.target_types.get(name, name.upper())
        return data_type(f"{base}({args})" if args else base, self.traits.sqlglot)

    # ------------------------------------------------------------ scripts
    def scripts(self) -> list[Script]:
        out = [self.setup(), self.typed_views()]
        if self.has_deltas:
            out.append(self.state_script())
        for i, m in enumerate(self.maps, start=1):
            out.append(self.map_script(i, m))
        if self.traits.constraints_after_load:
            out.append(self.constraints())
        out.append(self.validate())
        if self.phase is not None and self.phase.current is not None:
            out.append(self.phase_accounting())
        if self.delta is not None:
            out.append(self.delta_accounting())
            out.append(self.apply())
        else:
            out.append(self.finish())
        return out

    # ------------------------------------------------------------ maps
    def map_script(self, index: int, m: ir.Map) -> Script:
        target = dotted(m.target)
        # a file name: only [A-Za-z0-9_] (quoted names may hold `/`, `"`, `*`), unique by index
        s = Script(f"20_{index:02d}_{file_stem(target.replace('.', '_'))}", f"map {map_label(m)}")
        builder = GroupSql(self, m) if m.group is not None else MapSql(self, m)
        s.statements.extend(builder.statements())
        return s

    # ------------------------------------------------------------ validate
    def validate(self) -> Script:
        from compiler.sqlgen.checks import check_query

        s = Script("90_validate", "validation checks: each query returns (violations, denominator)")
        for i, c in enumerate(self.spec.checks):
            q = check_query(self, c)
            s.statements.append(self.st(q, f"check {i + 1}: {c.kind} ({where_line(c.span)})", c.span, query=f"check:{i}"))
        return s


def generate(checked: Checked, dialect: str) -> list[Script]:
    """All scripts for `dialect`, in run order."""
    return SqlGen(checked, dialect).scripts()
