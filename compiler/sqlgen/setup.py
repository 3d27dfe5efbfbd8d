"""The setup and staging scripts: schemas, crosswalk, target, reject and lookup tables; typed views over the staged CSV text."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlglot import exp

from compiler import ir
from compiler.ir import types as T
from compiler.ir.naming import dotted
from compiler.plan.steps import CHARTSHIFT_SCHEMA, STAGE_SCHEMA, stage_table, table_names
from compiler.semantic.catalog import SOURCE_TYPES
from compiler.sqlgen import lookups
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.lower import col, drop_table, ident, lit
from compiler.sqlgen.statements import RECONCILIATION, REJECTS, Script, Statement, data_type


class SetupScripts(GenBase):
    """Mixed into SqlGen: uses its `spec`, `cat`, `traits`, `maps`, `st` and `tbl`."""

    def setup(self) -> Script:
        s = Script("00_setup", "schemas, crosswalks, fresh target and reject tables")
        for name, value in self.traits.dialect.session_settings:
            item = exp.SetItem(this=exp.EQ(this=exp.column(name), expression=lit(value)), kind="SESSION")
            s.statements.append(self.st(exp.Set(expressions=[item]), f"session setting {name} (the dialect record says why)"))
        if not self.traits.flat_schemas:
            schemas = [CHARTSHIFT_SCHEMA, STAGE_SCHEMA] + [t.name for t in self.spec.targets] + [x.name for x in self.spec.sources]
            for name in dict.fromkeys(schemas):
                s.statements.append(self.st(exp.Create(this=exp.Table(this=ident(name)), kind="SCHEMA", exists=True), f"schema {name}"))
        key = self.traits.key_type
        xwalk_cols = [
            ("legacy_key", key, True),
            ("own_id", "BIGINT", False),
            ("target_id", "BIGINT", False),
            ("state", "VARCHAR(10)", True),
        ]
        xwalk_pk = ["legacy_key"] if self.traits.crosswalk_primary_key else []
        for m in self.maps:
            if self.cat.crosswalk_field(dotted(m.target)) is None or self.cat.maps_by_target[dotted(m.target)] is not m:
                continue  # one crosswalk per target, also when several maps (a union) fill it
            schema, name = table_names(dotted(m.target)).xwalk
            s.statements.append(
                self.st(
                    self.create_table(self.tbl(schema, name), xwalk_cols, primary_key=xwalk_pk, if_not_exists=True),
                    f"persistent crosswalk for {dotted(m.target)}: legacy key -> id (kept across runs)",
                    m.span,
                )
            )
            if self.shadow:
                s.statements.append(self.st(drop_table(self.tbl(schema, name, building=True)), "this run's crosswalk", m.span))
                s.statements.append(
                    self.st(
                        self.create_table(self.tbl(schema, name, building=True), xwalk_cols, primary_key=xwalk_pk),
                        "this run's crosswalk (renamed into place at the end)",
                        m.span,
                    )
                )
        rejects = self.tbl(*REJECTS, building=True)
        s.statements.append(self.st(drop_table(rejects), "rejects of this run"))
        s.statements.append(
            self.st(
                self.create_table(
                    rejects.copy(),
                    [
                        ("map", "VARCHAR(200)", False),
                        ("source_table", "VARCHAR(200)", True),
                        ("source_key", key, False),
                        ("slot", "INTEGER", False),
                        ("record", "BIGINT", False),
                        ("rule", "VARCHAR(200)", True),
                        ("reason", "VARCHAR(500)", True),
                        ("original_row", self.traits.target_types["text"], False),
                        ("reason_code", "VARCHAR(40)", True),
                        ("source_file", "VARCHAR(1000)", False),
                        ("source_line", "BIGINT", False),
                        ("byte_offset", "BIGINT", False),
                    ],
                ),
                "one row per rejected source row (raw values kept for remediation)",
            )
        )
        recon = self.tbl(*RECONCILIATION, building=True)
        s.statements.append(self.st(drop_table(recon), "reconciliation of this run"))
        s.statements.append(
            self.st(
                self.create_table(
                    recon.copy(),
                    [
                        ("map", "VARCHAR(200)", True),
                        ("source_table", "VARCHAR(200)", True),
                        ("target_table", "VARCHAR(200)", True),
                        *[(n, "BIGINT", True) for n in ("source_rows", "loaded", "rejected", "filtered", "merged", "aggregated")],
                    ],
                ),
                "one row per map, written at the end of the map: its accounting identity",
            )
        )
        for tgt in self.spec.targets:
            for t in tgt.tables:
                name = f"{tgt.name}.{t.name}"
                live = self.tbl(tgt.name, t.name, building=True)
                s.statements.append(self.st(drop_table(live), f"replace {name}", t.span))
                cols = [(c.name, self.target_sql_type(c), c.not_null) for c in t.columns]
                later = self.traits.constraints_after_load
                uniques = [] if later else [[c.name] for c in t.columns if c.unique]
                s.statements.append(
                    self.st(
                        self.create_table(live.copy(), cols, primary_key=[] if later else t.key, uniques=uniques),
                        f"target table {name}" + (" (keys and unique columns: 85_constraints)" if later else ""),
                        t.span,
                    )
                )
        s.statements.extend(self.state_setup())
        s.statements.extend(self.phase_setup())
        for lk in self.spec.lookups:
            if lk.file is not None:
                s.statements.extend(self.file_lookup(lk))
        for src in self.spec.sources:
            for src_table in src.tables:
                s.statements.append(
                    self.st(
                        exp.Drop(tables=[self.tbl(src.name, src_table.name)], kind="VIEW", exists=True),
                        f"typed view {src.name}.{src_table.name} (re-created over the new staging)",
                        src_table.span,
                    )
                )
        return s

    def create_table(
        self,
        tbl: exp.Table,
        cols: Sequence[tuple[str, str | exp.DataType, bool]],
        primary_key: Sequence[str] = (),
        uniques: Sequence[Sequence[str]] = (),
        if_not_exists: bool = False,
        keys: Collection[str] = ("legacy_key", "source_key", "key"),
    ) -> exp.Create:
        defs: list[exp.Expression] = []
        for name, typ, not_null in cols:
            dtype = typ if isinstance(typ, exp.DataType) else data_type(typ, self.traits.sqlglot)
            constraints = [exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())] if not_null else []
            collation = self.traits.key_collation if name in keys else self.traits.text_collation
            if dtype.is_type(*exp.DataType.TEXT_TYPES) and collation:
                constraints.append(exp.ColumnConstraint(kind=exp.CollateColumnConstraint(this=collation())))
            defs.append(exp.ColumnDef(this=ident(name), kind=dtype, constraints=constraints))
        if not self.traits.declared_constraints:  # Spark: checked by the duplicate guards, not declared
            primary_key, uniques = (), ()
        if primary_key:
            defs.append(exp.PrimaryKey(expressions=[ident(k) for k in primary_key]))
        for u in uniques:
            defs.append(exp.UniqueColumnConstraint(this=exp.Schema(expressions=[ident(k) for k in u])))
        return exp.Create(this=exp.Schema(this=tbl, expressions=defs), kind="TABLE", exists=if_not_exists)

    def file_lookup(self, lk: ir.Lookup) -> list[Statement]:
        import csv
        from pathlib import Path

        assert lk.file is not None, "a file lookup"
        path = Path(self.spec.file).parent / lk.file
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        key_csv, value_csv = lookups.file_columns(lk)
        key_cols, value_cols = lookups.table_columns(lk)
        pairs = sorted({tuple(r[c] for c in key_csv + value_csv) for r in rows})
        name = f"lookup__{lk.name}"
        stmts = [
            self.st(drop_table(self.tbl(CHARTSHIFT_SCHEMA, name)), f"lookup {lk.name} from {lk.file}", lk.span),
            self.st(
                self.create_table(
                    self.tbl(CHARTSHIFT_SCHEMA, name),
                    [(k, self.traits.key_type, True) for k in key_cols] + [(v, "VARCHAR(500)", False) for v in value_cols],
                    primary_key=key_cols,
                    keys=key_cols,
                ),
                f"lookup {lk.name}: {len(pairs)} entries",
                lk.span,
            ),
        ]
        for start in range(0, len(pairs), 500):
            chunk = pairs[start : start + 500]
            values = exp.Values(expressions=[exp.Tuple(expressions=[lit(x) for x in row]) for row in chunk])
            stmts.append(
                self.st(
                    exp.Insert(
                        this=exp.Schema(this=self.tbl(CHARTSHIFT_SCHEMA, name), expressions=[ident(c) for c in key_cols + value_cols]),
                        expression=values,
                    ),
                    f"lookup {lk.name} rows {start + 1}-{start + len(chunk)}",
                    lk.span,
                )
            )
        return stmts

    def typed_views(self) -> Script:
        s = Script("10_typed_views", "typed views over the staged CSV text (blank -> NULL, failed casts flagged)")
        for src in self.spec.sources:
            for t in src.tables:
                qualified = f"{src.name}.{t.name}"
                select = exp.select(col("__row", "cs_raw"))
                errors = exp.Case()
                has_errors = False
                markers = null_markers(src, t)
                for c in t.columns:
                    raw = as_null(col(c.name, "cs_raw"), markers)
                    vtype = SOURCE_TYPES[c.type.name]
                    if vtype == T.TEXT:
                        select = select.select(exp.alias_(raw, c.name, quoted=True, copy=False), copy=False)
                        continue
                    typed = self.traits.safe_cast(raw.copy(), vtype)
                    select = select.select(exp.alias_(typed, c.name, quoted=True, copy=False), copy=False)
                    errors = errors.when(
                        exp.and_(
                            exp.Not(this=exp.Is(this=raw.copy(), expression=exp.Null())),
                            exp.Is(this=typed.copy(), expression=exp.Null()),
                            copy=False,
                        ),
                        lit(f"{qualified}.{c.name} is not a valid {vtype}"),
                        copy=False,
                    )
                    has_errors = True
                err_expr = errors if has_errors else exp.Cast(this=exp.Null(), to=data_type("VARCHAR"))
                select = select.select(exp.alias_(err_expr, "__cast_error", quoted=True, copy=False), copy=False)
                select = select.from_(self.tbl(*stage_table(qualified), "cs_raw"), copy=False)
                security = self.traits.view_security
                props = exp.Properties(expressions=[exp.SqlSecurityProperty(this=exp.var(security))]) if security else None
                view = exp.Create(this=self.tbl(src.name, t.name), kind="VIEW", expression=select, properties=props)
                s.statements.append(self.st(view, f"typed view {qualified}", t.span))
        return s


def null_markers(src: ir.Source, t: ir.SourceTable) -> list[str]:
    """The texts that read as NULL in this table: the empty field (always: staging reads it as
    NULL on every engine), plus the table's `null` setting, else its source's
    (docs/LANGUAGE.md "NULL markers")."""
    for settings in (t.settings, src.settings):
        found = next((x for x in settings if x.name == "null"), None)
        if found is not None:
            return list(dict.fromkeys(["", *(str(v.value) for v in found.values)]))
    return [""]


def as_null(raw: exp.Expression, markers: list[str]) -> exp.Expression:
    """The staged text with its NULL markers made NULL (compared exactly: the text as in the
    file, case and spaces included); NULLIF for the usual single marker."""
    if len(markers) == 1:
        return exp.Nullif(this=raw, expression=lit(markers[0]))
    marked = exp.In(this=raw.copy(), expressions=[lit(m) for m in markers])
    return exp.Case().when(marked, exp.Null(), copy=False).else_(raw, copy=False)
