"""The work table and accounting of a `group by` / `distinct by` map: one row per group.

Layers: cs_in (kept input rows) -> cs_vals (group keys, aggregate arguments and orders
per row; rows rejected by themselves, for a cast error or an ambiguous plain join, stay
out) -> cs_ranked (the row number of each row in its group, for `first`/`last`) ->
cs_groups (one row per group: keys and aggregates) -> cs_fields (fields and legacy key)
-> cs_rules (the first failing rule) -> cs_status (rejected / loaded, plus the rows
rejected by themselves).  Text keys group and order byte-wise on every engine; ties of
`first`/`last ... by` and `string_agg ... order by` are broken by the source key
(byte-wise), else the record (with `join many`, then the match).
"""

from __future__ import annotations

from sqlglot import exp

from compiler import ir
from compiler.ir import types as T
from compiler.ir.naming import dotted
from compiler.ir.walk import walk
from compiler.semantic.catalog import SOURCE_TYPES, FieldRef
from compiler.semantic.groups import shape
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.joins import AMBIGUOUS_MATCH, match_count
from compiler.sqlgen.lower import VALUE_SQL_TYPES, ExprLowering, col, ident, join, lit, paren, table, with_ctes
from compiler.sqlgen.map_load import MapSql
from compiler.sqlgen.refs import JoinedRefs


class GroupLowering(ExprLowering):
    """Lowers a group-level expression: grouped expressions and aggregates are columns of
    the group layer, everything else as usual."""

    def __init__(self, base: ExprLowering, layer: str, keys: dict[str, int], aggs: dict[str, int]):
        super().__init__(base.dialect, base.resolve, base.catalog, base.crosswalk_ref, base.lookup_ref, base.type_of)
        self.layer, self.keys, self.aggs = layer, keys, aggs

    def __call__(self, e: ir.Expr) -> exp.Expression:
        if not isinstance(e, ir.Literal):
            s = shape(e)
            if s in self.keys:
                return col(f"g__{self.keys[s]}", self.layer)
            if isinstance(e, ir.AggCall):
                return col(f"a__{self.aggs[s]}", self.layer)
        return super().__call__(e)


class GroupSql(MapSql):
    """The statements of a grouped map: MapSql's, over a work table of one row per group."""

    def __init__(self, gen: GenBase, m: ir.Map):
        super().__init__(gen, m)
        assert m.group is not None  # GroupSql is made for grouped maps only
        self.group_keys = m.group.keys
        self.keys = {shape(k): i for i, k in reversed(list(enumerate(m.group.keys, start=1)))}
        self.aggs: dict[str, int] = {}
        self.agg_calls: list[ir.AggCall] = []
        roots: list[ir.Expr] = [a.expr for a in m.assigns] + [r.when for r in m.rejects]
        for n in walk(roots):
            if isinstance(n, ir.AggCall) and shape(n) not in self.aggs:
                self.agg_calls.append(n)
                self.aggs[shape(n)] = len(self.agg_calls)

    def is_text(self, e: ir.Node) -> bool:
        return self.type_of(e) == T.TEXT

    def binary_if_text(self, sql: exp.Expression, e: ir.Node) -> exp.Expression:
        return self.gen.traits.binary(sql) if self.is_text(e) else sql

    def group_parts(self, layer: str) -> list[exp.Expression]:
        """What rows are grouped by: the keys' columns of `layer`, text byte-wise."""
        return [self.binary_if_text(col(f"g__{i}", layer), k) for i, k in enumerate(self.group_keys, start=1)]

    def tie_break(self, layer: str) -> list[exp.Expression]:
        """The source key (text byte-wise), else the record number: decides equal orders."""
        src = self.cat.source_tables[dotted(self.m.source)]
        types = {c.name: SOURCE_TYPES[c.type.name] for c in src.columns}
        parts: list[exp.Expression] = []
        for k in src.key:
            c = col(f"s__{self.scope.primary_alias}__{k}", layer)
            parts.append(self.gen.traits.binary(c) if types[k] == T.TEXT else c)
        if self.many:  # the matches of one source row: by the joined files' record numbers
            parts.append(col("__ord", layer))
        return parts or [col("__row", layer)]

    def group_lowering(self, layer: str, rule_context: bool, refs: JoinedRefs | None = None) -> GroupLowering:
        def resolve(name: ir.Name) -> exp.Expression:
            ref = self.scope.resolve(name, rule_context)
            assert isinstance(ref, FieldRef), ref  # the checker allows only fields outside groups and aggregates
            return col(f"f__{ref.name}", layer)

        return GroupLowering(self.gen.lowering(resolve, self.type_of, refs), layer, self.keys, self.aggs)

    def plain_joins(self) -> list[ir.Join]:
        return [j for j in self.m.joins if not j.many]

    def ambiguous_match(self, j: ir.Join, layer: str) -> exp.Expression:
        """The row's plain join `j` matched several rows (its count is NULL otherwise)."""
        return exp.GT(this=exp.Coalesce(this=col(match_count(j.alias), layer), expressions=[lit(1)]), expression=lit(1))

    def left_out(self, layer: str) -> exp.Expression:
        """A row rejected by itself, never grouped: a cast error, or an ambiguous plain join."""
        conds: list[exp.Expression] = [exp.Not(this=exp.Is(this=col("__cast_error", layer), expression=exp.Null()))]
        conds += [self.ambiguous_match(j, layer) for j in self.plain_joins()]
        return paren(exp.or_(*conds, copy=False))

    def order_col(self) -> str:
        """The column that orders rows as the export does (`join many`: record, then match)."""
        return "__ord" if self.many else "__row"

    def kept_input(self) -> exp.Select:
        """The input rows that pass `where`, as the `cs_in` layer."""
        inp = self.input_rows()
        kept = self.kept()
        if kept is None:
            return inp
        return (
            exp.select(exp.Star())
            .from_(exp.Subquery(this=inp, alias=exp.TableAlias(this=ident("cs_in"))), copy=False)
            .where(kept, copy=False)
        )

    def row_values(self, source: exp.Expression) -> exp.Select:
        """Per kept row without a cast error: its group keys, aggregate arguments and orders."""
        refs = JoinedRefs(self.gen)
        low = self.lowering_in("cs_in", False, refs)
        vals = exp.select(exp.Column(this=exp.Star(), table=ident("cs_in"))).from_(source, copy=False)
        for i, k in enumerate(self.group_keys, start=1):
            vals = vals.select(exp.alias_(low(k), f"g__{i}", quoted=True, copy=False), copy=False)
        for j, a in enumerate(self.agg_calls, start=1):
            if a.args:
                vals = vals.select(exp.alias_(low(a.args[0]), f"v__{j}", quoted=True, copy=False), copy=False)
            for n, o in enumerate(a.order, start=1):
                vals = vals.select(exp.alias_(low(o.expr), f"o__{j}_{n}", quoted=True, copy=False), copy=False)
        vals = refs.join_into(vals)
        return vals.where(exp.Not(this=self.left_out("cs_in")), copy=False)

    def order_of(self, j: int, a: ir.AggCall, layer: str, reverse: bool) -> list[exp.Ordered]:
        """`by` / `order by` terms (NULLs last), then the tie break; all reversed for `last`."""
        terms = [
            exp.Ordered(this=self.binary_if_text(col(f"o__{j}_{n}", layer), o.expr), desc=o.descending != reverse, nulls_first=False)
            for n, o in enumerate(a.order, start=1)
        ]
        return terms + [exp.Ordered(this=t, desc=reverse) for t in self.tie_break(layer)]

    def aggregate(self, j: int, a: ir.AggCall) -> exp.Expression:
        v = col(f"v__{j}", "cs_ranked")
        if a.func == "count":
            return exp.Count(this=v if a.args else exp.Star())
        if a.func == "sum":
            return exp.Cast(this=exp.Sum(this=v), to=VALUE_SQL_TYPES[self.type_of(a) or T.DECIMAL].copy())
        if a.func in ("min", "max"):
            fn = exp.Min if a.func == "min" else exp.Max
            return fn(this=self.binary_if_text(v, a.args[0]))
        if a.func in ("first", "last"):
            return exp.Max(this=exp.Case().when(exp.EQ(this=col(f"r__{j}", "cs_ranked"), expression=lit(1)), v, copy=False))
        assert a.func == "string_agg", a.func
        sep = a.args[1]
        assert isinstance(sep, ir.Literal)  # the checker requires a string literal
        return exp.GroupConcat(this=exp.Order(this=v, expressions=self.order_of(j, a, "cs_ranked", False)), separator=lit(str(sep.value)))

    def work_table(self) -> exp.Expression:
        m = self.m
        cs_in = self.kept_input()
        vals = self.row_values(table("cs_in"))
        ranked = exp.select(exp.Column(this=exp.Star(), table=ident("cs_vals"))).from_(table("cs_vals"), copy=False)
        for j, a in enumerate(self.agg_calls, start=1):
            if a.func in ("first", "last"):
                rank = exp.Window(
                    this=exp.RowNumber(),
                    partition_by=self.group_parts("cs_vals"),
                    order=exp.Order(expressions=self.order_of(j, a, "cs_vals", a.func == "last")),
                )
                ranked = ranked.select(exp.alias_(rank, f"r__{j}", quoted=True, copy=False), copy=False)
        groups = exp.select(exp.alias_(exp.Min(this=col("__row", "cs_ranked")), "__row", quoted=True, copy=False)).from_(
            table("cs_ranked"), copy=False
        )
        if self.many:  # a group's place in the export: its first row's (unique, unlike __row)
            groups = groups.select(exp.alias_(exp.Min(this=col("__ord", "cs_ranked")), "__ord", quoted=True, copy=False), copy=False)
        for i, k in enumerate(self.group_keys, start=1):
            g = col(f"g__{i}", "cs_ranked")
            value = exp.Min(this=self.gen.traits.binary(g)) if self.is_text(k) else g
            groups = groups.select(exp.alias_(value, f"g__{i}", quoted=True, copy=False), copy=False)
        for j, a in enumerate(self.agg_calls, start=1):
            groups = groups.select(exp.alias_(self.aggregate(j, a), f"a__{j}", quoted=True, copy=False), copy=False)
        groups = groups.group_by(*self.group_parts("cs_ranked"), copy=False)

        # fields and key over the groups
        refs = JoinedRefs(self.gen)
        low_g = self.group_lowering("cs_groups", False, refs)
        fields = exp.select(exp.Column(this=exp.Star(), table=ident("cs_groups"))).from_(table("cs_groups"), copy=False)
        for asg in m.assigns:
            if asg is not self.xwalk:
                fields = fields.select(exp.alias_(low_g(asg.expr), f"f__{asg.field}", quoted=True, copy=False), copy=False)
        key_parts = self.group_key_parts(low_g)
        if self.namespace is not None:  # a branch of a union: its keys are prefixed by its source
            key_parts.insert(0, lit(self.namespace))
        fields = fields.select(exp.alias_(self.gen.key_text(key_parts), "__key", quoted=True), copy=False)
        fields = refs.join_into(fields)

        # the first failing rule (rule 1, cast, is for the rows left out of the groups)
        cast_rule = self.add_rule("cast", "value does not fit the source column type")
        row_rule = exp.Case().when(
            exp.Not(this=exp.Is(this=col("__cast_error", "cs_in"), expression=exp.Null())), lit(cast_rule), copy=False
        )
        for pj in self.plain_joins():
            number = self.add_rule(AMBIGUOUS_MATCH, "ambiguous match")
            self.ambiguous[number] = pj
            row_rule = row_rule.when(self.ambiguous_match(pj, "cs_in"), lit(number), copy=False)
        low_f = self.group_lowering("cs_fields", True)
        case = exp.Case().when(
            exp.Is(this=col("__key", "cs_fields"), expression=exp.Null()), lit(self.add_rule("key", "missing legacy key")), copy=False
        )
        for r in m.rejects:
            case = case.when(
                exp.Coalesce(this=paren(low_f(r.when)), expressions=[exp.false()]),
                lit(self.add_rule(f"reject:{r.span.line}", r.reason)),
                copy=False,
            )
        for cond, rule, reason in self.constraint_rules():
            case = case.when(cond, lit(self.add_rule(rule, reason)), copy=False)
        dup_key_rule = self.add_rule("duplicate key", "duplicate legacy key (an earlier group has the same key)")
        dups = (
            exp.select(
                col("__key", "cs_fields"),
                exp.alias_(exp.Min(this=col(self.order_col(), "cs_fields")), "first_row", quoted=True, copy=False),
            )
            .from_(table("cs_fields"), copy=False)
            .group_by(col("__key", "cs_fields"), copy=False)
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(1)), copy=False)
        )
        case = case.when(
            exp.and_(
                exp.Not(this=exp.Is(this=col("first_row", "cs_dups"), expression=exp.Null())),
                exp.GT(this=col(self.order_col(), "cs_fields"), expression=col("first_row", "cs_dups")),
                copy=False,
            ),
            lit(dup_key_rule),
            copy=False,
        )
        rules = exp.select(
            exp.Column(this=exp.Star(), table=ident("cs_fields")), exp.alias_(case, "__rule", quoted=True, copy=False), copy=False
        ).from_(table("cs_fields"), copy=False)
        rules = join(
            rules,
            exp.Subquery(this=dups, alias=exp.TableAlias(this=ident("cs_dups"))),
            on=exp.EQ(this=col("__key", "cs_dups"), expression=col("__key", "cs_fields")),
            side="LEFT",
        )

        # status: every group row, then the rows rejected by themselves (cast, ambiguous match)
        src_keys = [f"s__{self.scope.primary_alias}__{k}" for k in self.cat.source_tables[dotted(m.source)].key]
        row_cols = (["__ord"] if self.many else []) + [match_count(j.alias) for j in self.plain_joins()]
        field_cols = [f"f__{a.field}" for a in m.assigns if a is not self.xwalk]
        status = exp.Case().when(exp.Not(this=exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())), lit("rejected"), copy=False)
        grouped = exp.select(
            col("__row", "cs_rules"),
            exp.alias_(lit(1), "__slot", quoted=True, copy=False),
            col("__key", "cs_rules"),
            col("__rule", "cs_rules"),
            *[col(c, "cs_rules") for c in field_cols],
            *[exp.alias_(exp.Null(), c, quoted=True, copy=False) for c in src_keys],
            *([col("__ord", "cs_rules")] if self.many else []),
            *[exp.alias_(exp.Null(), match_count(j.alias), quoted=True, copy=False) for j in self.plain_joins()],
            exp.alias_(status.else_(lit("loaded"), copy=False), "__status", quoted=True, copy=False),
        ).from_(table("cs_rules"), copy=False)
        cast_rows = (
            exp.select(
                col("__row", "cs_in"),
                exp.alias_(lit(1), "__slot", quoted=True, copy=False),
                exp.alias_(exp.Null(), "__key", quoted=True, copy=False),
                exp.alias_(row_rule, "__rule", quoted=True, copy=False),
                *[exp.alias_(exp.Null(), c, quoted=True, copy=False) for c in field_cols],
                *[col(c, "cs_in") for c in src_keys],
                *[col(c, "cs_in") for c in row_cols],
                exp.alias_(lit("rejected"), "__status", quoted=True, copy=False),
            )
            .from_(table("cs_in"), copy=False)
            .where(self.left_out("cs_in"), copy=False)
        )
        ctes: list[tuple[str, exp.Expression]] = [
            ("cs_in", cs_in),
            ("cs_vals", vals),
            ("cs_ranked", ranked),
            ("cs_groups", groups),
            ("cs_fields", fields),
            ("cs_rules", rules),
            ("cs_status", exp.union(grouped, cast_rows, distinct=False, copy=False)),
        ]
        final = self.own_ids() if self.xwalk is not None else exp.select(exp.Star()).from_(table("cs_status"), copy=False)
        with_ctes(final, ctes)
        return self.gen.create_work(self.names.work, final)

    def group_key_parts(self, low: ExprLowering) -> list[exp.Expression]:
        """The legacy key of a group: the crosswalk's arguments (group-level), else the group keys."""
        if self.xwalk is not None:
            call = self.xwalk.expr
            assert isinstance(call, ir.Call), call
            return [low(a) for a in call.args]
        return [col(f"g__{i}", "cs_groups") for i in range(1, len(self.group_keys) + 1)]

    def aggregated(self) -> exp.Expression:
        """Kept rows (not rejected by themselves) minus their groups, counted at the source in
        one pass: the groups' sizes add up to the kept rows (reading the input once, not once
        for the rows and again for the groups: a group map's recount is most of its accounting)."""
        rows = self.row_values(exp.Subquery(this=self.kept_input(), alias=exp.TableAlias(this=ident("cs_in"))))
        sizes = (
            exp.select(exp.alias_(exp.Count(this=exp.Star()), "n", quoted=True, copy=False))
            .from_(exp.Subquery(this=rows, alias=exp.TableAlias(this=ident("cs_vals"))), copy=False)
            .group_by(*self.group_parts("cs_vals"), copy=False)
        )
        folded = exp.Sub(this=exp.Sum(this=col("n", "cs_groups")), expression=exp.Count(this=exp.Star()))
        total = exp.Cast(this=exp.Coalesce(this=folded, expressions=[lit(0)]), to=exp.DataType.build("BIGINT"))
        return exp.Subquery(
            this=exp.select(total).from_(exp.Subquery(this=sizes, alias=exp.TableAlias(this=ident("cs_groups"))), copy=False)
        )
