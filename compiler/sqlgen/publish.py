"""Publishing a run's tables: DuckDB's keys after the load, the rename of shadow tables, discarding them."""

from __future__ import annotations

from sqlglot import exp

from compiler.ir.naming import across_name, dotted
from compiler.plan.steps import map_label, table_names
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.delta import REJECT_PLACES, DeltaScripts, delta_rows_table
from compiler.sqlgen.lower import col, drop_table, ident, lit, shared_values
from compiler.sqlgen.statements import OLD_SUFFIX, RECONCILIATION, REJECTS, Script, Statement


class PublishScripts(DeltaScripts, GenBase):
    """Mixed into SqlGen: uses its `spec`, `cat`, `traits`, `maps`, `st`, `tbl` and `work`."""

    def published(self) -> list[tuple[str, str]]:
        """(schema, table) of every table a run publishes (targets, rejects, reconciliation, crosswalks)."""
        out = [(t.name, tt.name) for t in self.spec.targets for tt in t.tables]
        out += [REJECTS, RECONCILIATION]
        out += [table_names(dotted(m.target)).xwalk for m in self.maps if self.cat.crosswalk_field(dotted(m.target))]
        out += self.state_published()
        out += self.phase_published()
        return list(dict.fromkeys(out))  # one crosswalk per target, also when several maps fill it

    def discard(self) -> list[Statement]:
        """Where publication is by rename: drop this run's shadow tables instead of publishing."""
        if not self.shadow:
            return []
        out = [
            self.st(drop_table(self.tbl(schema, name, building=True)), f"discard this run's {schema}.{name}")
            for schema, name in self.published()
        ]
        out += [
            self.st(drop_table(self.tbl(*delta_rows_table(q))), f"delta rows of {q}")
            for q, t in self.source_tables()
            if self.delta is not None and t.delta_flag is not None
        ]
        if self.delta is not None:
            out.append(self.st(drop_table(self.work(REJECT_PLACES)), "rejects placed by earlier runs (compiler/sqlgen/delta.py)"))
        for m in self.maps:
            if self.cat.maps_by_target[dotted(m.target)] is m:  # the maps of a union share one work table name
                out.append(self.st(drop_table(self.work(table_names(dotted(m.target)).work)), f"work table of {map_label(m)}"))
                if any(b.dedup is not None and b.dedup.across for b in self.cat.maps_of_target[dotted(m.target)]):
                    across = self.work(across_name(dotted(m.target)))
                    out.append(self.st(drop_table(across), f"dedup across keys of {dotted(m.target)}"))
        return out

    def finish(self) -> Script:
        """Where DDL commits implicitly, rename this run's tables into place (each map drops
        its own work table)."""
        s = Script("95_finish", "publish by atomic rename" if self.traits.publish_by_rename else "nothing left to do: the commit publishes")
        if self.traits.publish_by_rename:
            pairs = self.published()
            for schema, name in pairs:
                s.statements.append(
                    self.st(
                        exp.Create(
                            this=self.tbl(schema, name),
                            kind="TABLE",
                            exists=True,
                            properties=exp.Properties(expressions=[exp.LikeProperty(this=self.tbl(schema, name, building=True))]),
                        ),
                        f"first run: an empty {schema}.{name} so that the swap below has something to swap",
                    )
                )
            renames = []
            for schema, name in pairs:
                renames.append((self.tbl(schema, name), self.tbl(schema, name + OLD_SUFFIX)))
                renames.append((self.tbl(schema, name, building=True), self.tbl(schema, name)))
            assert self.traits.rename_tables is not None  # set where publish_by_rename is
            what = "publish: one atomic RENAME of every table of this run" if self.traits.dialect.rename == "rename_table" else "publish"
            s.statements.extend(self.st(r, what) for r in self.traits.rename_tables(renames))
            for schema, name in pairs:
                s.statements.append(self.st(drop_table(self.tbl(schema, name + OLD_SUFFIX)), f"previous {schema}.{name}"))
        return s

    def duplicate_guard(self, live: exp.Table, columns: list[str], what: str) -> exp.Select:
        """Fail with a positioned message if loaded rows share a value of `columns`.  DuckDB
        adds a constraint to a table created in the same transaction without checking the
        rows already in it; the violation would surface only at COMMIT, naming no table."""
        dups = shared_values(live, [col(c) for c in columns], lit(1))
        message = f"{what}: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule"
        return exp.select(
            exp.Case().when(exp.Exists(this=dups), exp.Anonymous(this=self.traits.raise_error, expressions=[lit(message)]), copy=False)
        )

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
                    s.statements.append(
                        self.st(self.duplicate_guard(live, t.key, f"key of {name}"), f"no two rows share the key of {name}", t.span)
                    )
                for c in t.columns:
                    if c.unique:
                        s.statements.append(
                            self.st(
                                self.duplicate_guard(live, [c.name], f"unique {name}.{c.name}"),
                                f"no two rows share {name}.{c.name}",
                                c.span,
                            )
                        )
                if not self.traits.declared_constraints:
                    continue  # the guards above are the check (Spark: no declared keys)
                if t.key:
                    s.statements.append(
                        self.st(
                            exp.Alter(
                                this=live.copy(),
                                kind="TABLE",
                                actions=[exp.AddConstraint(expressions=[exp.PrimaryKey(expressions=[ident(k) for k in t.key])])],
                            ),
                            f"key of {tgt.name}.{t.name}",
                            t.span,
                        )
                    )
                for c in t.columns:
                    if c.unique:
                        s.statements.append(
                            self.st(
                                exp.Alter(
                                    this=live.copy(),
                                    kind="TABLE",
                                    actions=[
                                        exp.AddConstraint(
                                            expressions=[exp.UniqueColumnConstraint(this=exp.Schema(expressions=[ident(c.name)]))]
                                        )
                                    ],
                                ),
                                f"unique {tgt.name}.{t.name}.{c.name}",
                                c.span,
                            )
                        )
        return s
