"""The statements of one map after its work table: rejects, crosswalk, load, accounting identity."""

from __future__ import annotations

from sqlglot import exp

from compiler.ir.naming import across_name, dotted
from compiler.ir.reasons import code_of_rule
from compiler.plan.steps import map_label, stage_table
from compiler.sqlgen.joins import ambiguous_reason, match_count
from compiler.sqlgen.lower import col, drop_table, ident, join, lit
from compiler.sqlgen.map_work import MapWork
from compiler.sqlgen.statements import RECONCILIATION, REJECTS, Statement, data_type


class MapSql(MapWork):
    """The statements of one map."""

    def statements(self) -> list[Statement]:
        m, st = self.m, self.gen.st
        drop_work = drop_table(self.gen.work(self.names.work))
        out = [st(drop_work, "work table left by an earlier run", m.span)]
        work = self.work_table()
        out.extend(self.join_copies.make())  # the indexed copies the work table joins, if any
        out.append(st(work, f"{self.label}: every kept row with its fields and status", m.span))
        if self.gen.traits.analyze_after_fill:
            out.append(st(exp.Analyze(tables=[self.gen.work(self.names.work)]), f"{self.label}: statistics of the work table", m.span))
        out.append(st(self.insert_rejects(), f"{self.label}: rejected rows with the first rule that failed", m.span))
        if self.xwalk is not None:
            out.extend(self.crosswalk_statements())
        out.append(st(self.insert_target(), f"{self.label}: load the surviving rows", m.span))
        if self.across:
            out.extend(self.across_statements())
        out.append(
            st(
                self.insert_accounting(),
                f"{self.label}: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated",
                m.span,
            )
        )
        out.append(st(drop_work.copy(), f"{self.label}: work table no longer needed", m.span))
        out.extend(self.join_copies.drop())
        return out

    # ---- rejects, crosswalk, load
    def insert_rejects(self) -> exp.Expression:
        m = self.m
        src = dotted(m.source)
        rule_case = exp.Case(this=col("__rule", "w"))
        reason_case = exp.Case(this=col("__rule", "w"))
        code_case = exp.Case(this=col("__rule", "w"))
        for i, (rule, reason) in enumerate(self.rules, start=1):
            rule_case = rule_case.when(lit(i), lit(rule), copy=False)
            j = self.ambiguous.get(i)
            reason_sql = lit(reason) if j is None else ambiguous_reason(j, col(match_count(j.alias), "w"))
            reason_case = reason_case.when(lit(i), reason_sql, copy=False)
            code_case = code_case.when(lit(i), lit(code_of_rule(rule)), copy=False)
        src_cols = [c.name for c in self.cat.source_tables[src].columns]
        original = self.gen.traits.json_object([(c, col(c, "r")) for c in src_cols])
        src_key_parts = [col(f"s__{self.scope.primary_alias}__{k}", "w") for k in self.cat.source_tables[src].key]
        src_key = self.gen.key_text(src_key_parts) if src_key_parts else exp.Cast(this=exp.Null(), to=data_type("VARCHAR"))
        select = exp.select(
            lit(map_label(m)),
            lit(src),
            src_key,
            col("__slot", "w"),
            col("__row", "w"),
            rule_case,
            reason_case,
            original,
            code_case,
            copy=False,
        ).from_(self.gen.work(self.names.work, "w"), copy=False)
        select = (
            join(select, self.gen.tbl(*stage_table(src), "r"), on=exp.EQ(this=col("__row", "r"), expression=col("__row", "w")))
            .where(exp.EQ(this=col("__status", "w"), expression=lit("rejected")), copy=False)
            .order_by(exp.Ordered(this=col("__row", "w")), exp.Ordered(this=col("__slot", "w")), copy=False)
        )
        cols = ["map", "source_table", "source_key", "slot", "record", "rule", "reason", "original_row", "reason_code"]
        return exp.Insert(
            this=exp.Schema(this=self.gen.tbl(*REJECTS, building=True), expressions=[ident(c) for c in cols]), expression=select
        )

    def crosswalk_statements(self) -> list[Statement]:
        """This run's keys replace their rows; every other key becomes inactive (it keeps its
        id, which is never reused).  In place where the run is one transaction; into the
        empty shadow table where tables are published by rename."""
        assert self.xwalk is not None  # called for maps with a crosswalk only
        schema, name = self.names.xwalk
        label, span = f"crosswalk {self.target}", self.xwalk.span
        building = self.gen.tbl(schema, name, building=True)
        cols = ["legacy_key", "own_id", "target_id", "state"]
        in_run = exp.In(this=col("__status"), expressions=[lit("loaded"), lit("merged")])
        out = []
        # a union (several maps fill the target) shares one crosswalk: the first map marks
        # every key inactive, each map writes its own keys, and where tables are published
        # by rename the last one copies the keys no map of this run loaded
        if not self.gen.shadow:
            this_run = exp.select(col("__key")).from_(self.gen.work(self.names.work), copy=False).where(in_run, copy=False)
            out.append(
                self.gen.st(
                    exp.Delete(
                        this=building.copy(), where=exp.Where(this=exp.In(this=col("legacy_key"), query=exp.Subquery(this=this_run)))
                    ),
                    f"{label}: the keys of this run are written again below",
                    span,
                )
            )
            if self.first_branch:
                out.append(
                    self.gen.st(
                        exp.Update(
                            this=building.copy(),
                            expressions=[
                                exp.EQ(this=col("state"), expression=lit("inactive")),
                                exp.EQ(this=col("target_id"), expression=exp.Null()),
                            ],
                            where=exp.Where(this=exp.NEQ(this=col("state"), expression=lit("inactive"))),
                        ),
                        f"{label}: keys not loaded by this run stay, inactive, with their ids",
                        span,
                    )
                )
        loaded = exp.EQ(this=col("__status", "w"), expression=lit("loaded"))
        by_window = self.merges and self.gen.traits.survivor_id_by_window
        if by_window:
            # the survivor is the one loaded row among those naming it as their survivor
            survivor_id: exp.Expression = exp.Window(
                this=exp.Max(this=exp.Case().when(loaded.copy(), col("__own_id", "w"), copy=False)),
                partition_by=[col("__survivor_key", "w")],
            )
        else:
            survivor_id = col("__own_id", "s")
        if self.merges:
            target_case = exp.Case().when(loaded, col("__own_id", "w"), copy=False)
            if self.across and not self.across_first:  # merged into a row an earlier map loaded: its id
                matched = exp.Not(this=exp.Is(this=col("__match_id", "w"), expression=exp.Null()))
                target_case = target_case.when(matched, col("__match_id", "w"), copy=False)
            target_id: exp.Expression = target_case.else_(survivor_id, copy=False)
        else:
            target_id = col("__own_id", "w")
        select = (
            exp.select(col("__key", "w"), col("__own_id", "w"), target_id, col("__status", "w"))
            .from_(self.gen.work(self.names.work, "w"), copy=False)
            .where(exp.In(this=col("__status", "w"), expressions=[lit("loaded"), lit("merged")]), copy=False)
        )
        if self.merges and not by_window:
            select = join(
                select,
                self.gen.work(self.names.work, "s"),
                on=exp.and_(
                    exp.EQ(this=col("__key", "s"), expression=col("__survivor_key", "w")),
                    exp.EQ(this=col("__status", "s"), expression=lit("loaded")),
                    copy=False,
                ),
                side="LEFT",
            )
        out.append(
            self.gen.st(
                exp.Insert(this=exp.Schema(this=building.copy(), expressions=[ident(c) for c in cols]), expression=select),
                f"{label}: loaded keys with their ids, merged keys pointing at their survivor's id",
                span,
            )
        )
        if self.gen.shadow and self.last_branch:
            # the shadow crosswalk starts empty: add the published keys this run did not
            # load, inactive (found through the shadow's primary key, one probe per key)
            published = self.gen.tbl(schema, name, "p")
            written = (
                exp.select(lit(1))
                .from_(building.copy(), copy=False)
                .where(exp.EQ(this=col("legacy_key", building.name), expression=col("legacy_key", "p")), copy=False)
            )
            out.append(
                self.gen.st(
                    exp.Insert(
                        this=exp.Schema(this=building.copy(), expressions=[ident(c) for c in cols]),
                        expression=exp.select(col("legacy_key", "p"), col("own_id", "p"), exp.Null(), lit("inactive"))
                        .from_(published, copy=False)
                        .where(exp.Not(this=exp.Exists(this=written)), copy=False),
                    ),
                    f"{label}: keys not loaded by this run stay, inactive, with their ids",
                    span,
                )
            )
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
            exp.select(*values)
            .from_(self.gen.work(self.names.work, "w"), copy=False)
            .where(exp.EQ(this=col("__status", "w"), expression=lit("loaded")), copy=False)
        )
        return exp.Insert(
            this=exp.Schema(this=self.gen.tbl(self.m.target.parts[0], self.m.target.parts[-1], building=True), expressions=cols),
            expression=select,
        )

    def aggregated(self) -> exp.Expression:
        """Rows folded into another row's group (`group by` maps: GroupSql); none here."""
        return lit(0)

    def insert_accounting(self) -> exp.Expression:
        """One reconciliation row, each term counted where it ends up: loaded in the target
        table, rejected in the rejects table, filtered at the source (the `where` and `each
        ... when` conditions evaluated again), merged in the work table."""

        def count(from_: exp.Expression, where: exp.Expr | None = None) -> exp.Subquery:
            q = exp.select(exp.Count(this=exp.Star())).from_(from_, copy=False)
            return exp.Subquery(this=q.where(where, copy=False) if where is not None else q)

        src, m = dotted(self.m.source), self.m
        source_rows: exp.Expression = count(self.gen.tbl(m.source.parts[0], m.source.parts[-1]))
        if self.many:
            # every row a `join many` emits is a source row of the map (as every `each` slot is)
            source_rows = count(exp.Subquery(this=self.input_rows(), alias=exp.TableAlias(this=ident("cs_in"))))
        elif self.slots > 1:
            source_rows = exp.Mul(this=source_rows, expression=lit(self.slots))
        kept = self.kept()
        if kept is None:
            filtered = lit(0)
        else:
            filtered = count(exp.Subquery(this=self.input_rows(), alias=exp.TableAlias(this=ident("cs_in"))), exp.Not(this=kept))
        merged = count(self.gen.work(self.names.work), exp.EQ(this=col("__status"), expression=lit("merged"))) if m.dedup else lit(0)
        values = [
            ("map", lit(self.label)),
            ("source_table", lit(src)),
            ("target_table", lit(self.target)),
            ("source_rows", source_rows),
            ("loaded", self.loaded_count(count(self.gen.tbl(m.target.parts[0], m.target.parts[-1], building=True)))),
            ("rejected", count(self.gen.tbl(*REJECTS, building=True), exp.EQ(this=col("map"), expression=lit(self.label)))),
            ("filtered", filtered),
            ("merged", merged),
            ("aggregated", self.aggregated()),
        ]
        return exp.Insert(
            this=exp.Schema(this=self.gen.tbl(*RECONCILIATION, building=True), expressions=[ident(n) for n, _ in values]),
            expression=exp.select(*[v for _, v in values]),
        )

    def across_statements(self) -> list[Statement]:
        """`dedup across`: add this map's loaded keys (as text) with their ids to the keys the
        later maps of the target compare with; the last such map drops them."""
        assert self.m.dedup is not None  # only maps with `dedup across`
        tbl = self.gen.work(across_name(self.target))
        span, label = self.m.dedup.span, f"dedup across {self.target}"
        if self.across_last:
            return [] if self.across_first else [self.gen.st(drop_table(tbl), f"{label}: no later map compares with these keys", span)]
        names = [f"__dk{i}" for i in range(1, len(self.m.dedup.keys) + 1)]
        rows = (
            exp.select(*[col(n) for n in names], exp.alias_(col("__own_id"), "__id", quoted=True, copy=False))
            .from_(self.gen.work(self.names.work), copy=False)
            .where(
                exp.and_(
                    exp.EQ(this=col("__status"), expression=lit("loaded")),
                    *[exp.Not(this=exp.Is(this=col(n), expression=exp.Null())) for n in names],
                    copy=False,
                ),
                copy=False,
            )
        )
        if self.across_first:
            return [
                self.gen.st(drop_table(tbl.copy()), f"{label}: keys left by an earlier run", span),
                self.gen.st(self.gen.create_work(across_name(self.target), rows), f"{label}: the loaded keys, for the later maps", span),
            ]
        insert = exp.Insert(this=exp.Schema(this=tbl, expressions=[ident(n) for n in [*names, "__id"]]), expression=rows)
        return [self.gen.st(insert, f"{label}: this map's loaded keys, for the later maps", span)]

    def loaded_count(self, target_rows: exp.Expression) -> exp.Expression:
        """The rows of the target table this map loaded: all of them for the only (or first)
        map of a target; for a later map of a union, those the earlier maps (already in the
        reconciliation table) did not load.  The maps of a target run one after another."""
        if self.first_branch:
            return target_rows
        earlier = exp.select(exp.Coalesce(this=exp.Sum(this=col("loaded")), expressions=[lit(0)])).from_(
            self.gen.tbl(*RECONCILIATION, building=True), copy=False
        )
        earlier = earlier.where(exp.EQ(this=col("target_table"), expression=lit(self.target)), copy=False)
        return exp.Sub(this=target_rows, expression=exp.Subquery(this=earlier))
