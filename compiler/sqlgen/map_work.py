"""One map's work table, built in layers: input rows, fields, the first failing rule, status, crosswalk ids."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sqlglot import exp

from compiler import ir
from compiler.ir import types as T
from compiler.ir.naming import across_name, dotted
from compiler.ir.walk import walk
from compiler.plan.steps import map_label, table_names
from compiler.semantic.catalog import (
    SOURCE_TYPES,
    TARGET_TYPES,
    FieldRef,
    MapScope,
    SourceColumnRef,
    crosswalk_assign,
)
from compiler.semantic.scopes import TableScope
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.dedup_drop import ambiguous_groups
from compiler.sqlgen.field_layers import field_ctes, layer_columns, lookup_miss_rules
from compiler.sqlgen.join_copies import JoinCopies
from compiler.sqlgen.joins import AMBIGUOUS_MATCH, RAW, join_row, match_count, settle_joins
from compiler.sqlgen.lower import ExprLowering, Resolver, col, ident, join, lit, paren, table, with_ctes
from compiler.sqlgen.refs import JoinedRefs
from compiler.sqlgen.statements import data_type


class MapWork:
    """The work table of one map: its input rows, fields, rules, status and crosswalk ids."""

    def __init__(self, gen: GenBase, m: ir.Map):
        self.gen = gen
        self.m = m
        self.cat = gen.cat
        self.target = dotted(m.target)
        self.label = map_label(m)
        self.names = table_names(self.target)
        self.scope = MapScope.of(self.cat, m)
        self.target_table = self.cat.target_tables[self.target]
        self.columns = {c.name: c for c in self.target_table.columns}
        self.xwalk = crosswalk_assign(m)
        # a union (several maps fill the target): this map's place among them, and the
        # prefix of its crosswalk keys (None for the only map of a target)
        self.branches = self.cat.maps_of_target[self.target]
        self.first_branch = self.branches[0] is m
        self.last_branch = self.branches[-1] is m
        self.namespace = self.cat.key_namespace(m)
        # `dedup across`: the maps of this target that merge into each other's rows
        across = [b for b in self.branches if b.dedup is not None and b.dedup.across]
        self.across = any(b is m for b in across)
        self.across_first = self.across and across[0] is m
        self.across_last = self.across and across[-1] is m
        self.slots = len(m.each.items) if m.each else 1
        self.many = any(j.many for j in m.joins)  # rows are numbered by `__ord`, matches by `__match`
        # the scope resolves names only (which are `each` variables, which fields); the
        # types of expressions come from the checked spec
        if m.each:
            for i, n in enumerate(m.each.names):
                self.scope.each_types[n] = (i, T.ANY)
        for a in m.assigns:
            self.scope.field_types[a.field] = TARGET_TYPES.get(self.columns[a.field].type.name, T.ANY)
        self.rules: list[tuple[str, str]] = []  # (rule id, reason) ; index + 1 is the rule number
        self.lookup_misses: list[tuple[ir.Lookup, str]] = []  # `else reject` lookups: (lookup, flag column)
        # `dedup ... keep`: rows merge into a survivor; `dedup ... drop all`: nothing merges
        self.merges = m.dedup is not None and m.dedup.keep != ir.DROP_ALL
        self.drops_all = m.dedup is not None and m.dedup.keep == ir.DROP_ALL
        self.ambiguous: dict[int, ir.Join] = {}  # rule number -> the plain join it checks
        self.join_copies = JoinCopies(gen, m, self.target)  # where the joins read their tables

    def type_of(self, e: ir.Node) -> str | None:
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

    def settled_layer(self, name: ir.Name) -> exp.Expression:
        ref = self.scope.resolve(name, False)
        assert isinstance(ref, SourceColumnRef), ref
        return col(f"s__{ref.alias}__{ref.column}", RAW)

    def resolve_in(self, layer: str, rule_context: bool) -> Resolver:
        return layer_columns(self.scope, layer, rule_context)

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
        used = self.used_columns()
        for alias, qualified in self.scope.aliases.items():
            for c in self.cat.source_tables[qualified].columns:
                if used is not None and c.name not in used:
                    continue
                inp = inp.select(exp.alias_(col(c.name, alias), f"s__{alias}__{c.name}", quoted=True, copy=False), copy=False)
        lower_src = self.gen.lowering(self.source_layer)
        for n, j in enumerate(m.joins, start=1):
            on = lower_src(j.on)
            inp = join(inp, self.join_copies.table(n, j, on), on=on, side="LEFT")
            inp = inp.select(exp.alias_(col("__row", j.alias), join_row(j.alias), quoted=True, copy=False), copy=False)
        if m.joins:
            # from here on the source columns are the `s__` columns of the settled join
            inp = settle_joins(inp, m.joins)
            lower_src = self.gen.lowering(self.settled_layer)
            if m.each and self.many:
                # number the matches before the slots multiply them
                inp = exp.select(exp.Column(this=exp.Star(), table=ident(RAW))).from_(
                    exp.Subquery(this=inp, alias=exp.TableAlias(this=ident(RAW))), copy=False
                )
        if not m.each:
            return inp.select(exp.alias_(lit(1), "__slot", quoted=True, copy=False), copy=False)
        slots: exp.Select | exp.Union | None = None
        for i in range(1, self.slots + 1):
            one = exp.select(exp.alias_(lit(i), "n", quoted=True, copy=False))
            slots = one if slots is None else exp.union(slots, one, distinct=False, copy=False)
        inp = join(inp, exp.Subquery(this=slots, alias=exp.TableAlias(this=ident("cs_slots"))), kind="CROSS")
        slot = col("n", "cs_slots")
        for vi, var in enumerate(m.each.names):
            case = exp.Case(this=slot.copy())
            for ii, item in enumerate(m.each.items, start=1):
                elem = item.items[vi] if isinstance(item, ir.Tuple) else item
                case = case.when(lit(ii), lower_src(elem), copy=False)
            inp = inp.select(exp.alias_(case, f"e__{var}", quoted=True, copy=False), copy=False)
        return inp.select(exp.alias_(slot.copy(), "__slot", quoted=True, copy=False), copy=False)

    def used_columns(self) -> set[str] | None:
        """The source columns the map's layers carry: those it can name (every part of every
        name in it; more is harmless) and the source key.  Every layer is `SELECT *` of the
        one before, so an unread column would be copied through all of them (MariaDB
        materialises each layer: 20 text columns of VISITS in every row of charge_line's
        216,000).  None: all of them, in a phased run (its phases' conditions name columns too)."""
        if self.gen.phase is not None:
            return None
        names = {p for n in walk(self.m) if isinstance(n, ir.Name) for p in n.parts}
        return names | set(self.cat.source_tables[dotted(self.m.source)].key)

    def kept(self) -> exp.Expression | None:
        """The `where` and `each ... when` conditions over the input layer (NULL keeps nothing)."""
        conds = list(self.m.where) + ([self.m.each.when] if self.m.each and self.m.each.when is not None else [])
        low_in = self.lowering_in("cs_in", False)
        parts = [paren(low_in(c)) for c in conds]
        primary = self.scope.primary_alias
        phase = self.gen.phase_selected(self.m, lambda n: col(f"s__{primary}__{n.parts[-1]}", "cs_in"))  # `run --phase`
        if phase is not None:
            parts.append(paren(phase))
        if not parts:
            return None
        return exp.Coalesce(this=paren(exp.and_(*parts, copy=False)), expressions=[exp.false()])

    def record_order(self, layer: str) -> exp.Expression:
        """A number that orders candidate rows as the export does: record, then slot."""
        row = col("__ord" if self.many else "__row", layer)
        if not self.m.each:
            return row
        return exp.Add(this=exp.Mul(this=row, expression=lit(self.slots)), expression=col("__slot", layer))

    # ---- the work table
    def work_table(self) -> exp.Expression:
        """Layers: cs_in (kept input rows) -> cs_fields (assignments and key) -> cs_rules (the
        first failing rule) -> cs_status (rejected / merged / loaded) [-> crosswalk ids].
        Filtered rows never reach the work table: insert_accounting counts them at the source."""
        m = self.m
        inp = self.input_rows()
        kept = self.kept()
        if kept is not None:
            inp = (
                exp.select(exp.Star())
                .from_(exp.Subquery(this=inp, alias=exp.TableAlias(this=ident("cs_in"))), copy=False)
                .where(kept, copy=False)
            )

        # fields (one layer per level of field references) and key; crosswalk and lookup
        # references as LEFT JOINs
        field_layers = field_ctes(self)

        # the first failing rule
        low_f = self.lowering_in("cs_fields", True)
        case = exp.Case()
        case = case.when(
            exp.Not(this=exp.Is(this=col("__cast_error", "cs_fields"), expression=exp.Null())),
            lit(self.add_rule("cast", "value does not fit the source column type")),
            copy=False,
        )
        for j in m.joins:
            if not j.many:
                number = self.add_rule(AMBIGUOUS_MATCH, "ambiguous match")
                self.ambiguous[number] = j
                case = case.when(exp.GT(this=col(match_count(j.alias), "cs_fields"), expression=lit(1)), lit(number), copy=False)
        case = case.when(
            exp.Is(this=col("__key", "cs_fields"), expression=exp.Null()), lit(self.add_rule("key", "missing legacy key")), copy=False
        )
        for name, flags in lookup_miss_rules(self.lookup_misses).items():
            miss = exp.or_(*[exp.EQ(this=col(f, "cs_fields"), expression=exp.true()) for f in flags], copy=False)
            case = case.when(miss, lit(self.add_rule(f"lookup:{name}", f"no entry in lookup {name}")), copy=False)
        # `run --phase`: a reference into a row of a phase not run yet (sqlgen/phases.py)
        for cond, rule, reason in self.gen.phase_rules(m, lambda f: col(f"f__{f}", "cs_fields"), self.lowering_in("cs_fields", False)):
            case = case.when(cond, lit(self.add_rule(rule, reason)), copy=False)
        for r in m.rejects:
            case = case.when(
                exp.Coalesce(this=paren(low_f(r.when)), expressions=[exp.false()]),
                lit(self.add_rule(f"reject:{r.span.line}", r.reason)),
                copy=False,
            )
        for cond, rule, reason in self.constraint_rules():
            case = case.when(cond, lit(self.add_rule(rule, reason)), copy=False)
        # `dedup ... drop all`: the rules so far in cs_checked, then every row of a dedup
        # group that two or more of its unrejected rows share is an ambiguous duplicate
        outer, drop_ctes, ambiguous = "cs_fields", [], None
        if self.drops_all:
            outer = "cs_checked"
            checked = exp.select(
                exp.Column(this=exp.Star(), table=ident("cs_fields")), exp.alias_(case, "__rule0", quoted=True), copy=False
            )
            drop_ctes.append(("cs_checked", checked.from_(table("cs_fields"), copy=False)))
            groups_select, on, found = ambiguous_groups(self.lowering_in(outer, True), self.type_of, self.gen.traits.binary, self.m, outer)
            ambiguous = (exp.Subquery(this=groups_select, alias=exp.TableAlias(this=ident("cs_ambiguous"))), on)
            earlier = col("__rule0", outer)
            case = exp.Case().when(exp.Not(this=exp.Is(this=earlier, expression=exp.Null())), earlier.copy(), copy=False)
            case = case.when(found, lit(self.add_rule("ambiguous_duplicate", "ambiguous duplicate")), copy=False)
        # a legacy key seen on an earlier kept row: found by a hash aggregate, not a window sort
        dup_key_rule = self.add_rule("duplicate key", "duplicate legacy key (an earlier row has the same key)")
        groups = self.duplicate_groups()
        outer_groups = self.duplicate_groups(outer)
        dups = (
            exp.select(*[exp.alias_(g, f"__k{i}", quoted=True, copy=False) for i, g in enumerate(groups, start=1)])
            .select(exp.alias_(exp.Min(this=self.record_order("cs_fields")), "first_row", quoted=True, copy=False), copy=False)
            .from_(table("cs_fields"), copy=False)
            .group_by(*[g.copy() for g in groups], copy=False)
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(1)), copy=False)
        )
        same_key = exp.and_(
            *[exp.EQ(this=col(f"__k{i}", "cs_dups"), expression=g.copy()) for i, g in enumerate(outer_groups, start=1)], copy=False
        )
        case = case.when(
            exp.and_(
                exp.Not(this=exp.Is(this=col("first_row", "cs_dups"), expression=exp.Null())),
                exp.GT(this=self.record_order(outer), expression=col("first_row", "cs_dups")),
                copy=False,
            ),
            lit(dup_key_rule),
            copy=False,
        )
        rules = exp.select(
            exp.Column(this=exp.Star(), table=ident(outer)), exp.alias_(case, "__rule", quoted=True, copy=False), copy=False
        ).from_(table(outer), copy=False)
        if ambiguous is not None:
            rules = join(rules, ambiguous[0], on=ambiguous[1], side="LEFT")
        rules = join(rules, exp.Subquery(this=dups, alias=exp.TableAlias(this=ident("cs_dups"))), on=same_key, side="LEFT")

        # status and, with a dedup rule, the survivor of each duplicate group
        status = exp.Case().when(exp.Not(this=exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())), lit("rejected"), copy=False)
        survivor = None
        across_keys: list[exp.Expression] = []
        if m.dedup and not self.drops_all:
            candidate: exp.Expression = exp.Is(this=col("__rule", "cs_rules"), expression=exp.Null())
            low_r = self.lowering_in("cs_rules", True)
            keys = [low_r(k) for k in m.dedup.keys]
            if self.across:
                across_keys = [self.gen.traits.binary(exp.Cast(this=paren(k.copy()), to=data_type("VARCHAR"))) for k in keys]
            if self.across and not self.across_first:
                # a row whose keys equal those of a row an earlier map loaded merges into it
                matched = exp.Not(this=exp.Is(this=col("__id", "cs_across"), expression=exp.Null()))
                status = status.when(matched, lit("merged"), copy=False)
                candidate = exp.And(this=candidate, expression=exp.Is(this=col("__id", "cs_across"), expression=exp.Null()))
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

            def window(fn: exp.Expression) -> exp.Window:
                return exp.Window(
                    this=fn, partition_by=[p.copy() for p in partition], order=exp.Order(expressions=[o.copy() for o in order])
                )

            status = status.when(exp.GT(this=window(exp.RowNumber()), expression=lit(1)), lit("merged"), copy=False)
            survivor = window(exp.FirstValue(this=col("__key", "cs_rules")))
        status = status.else_(lit("loaded"), copy=False)
        # keep only what later statements read: ids, status, fields, the source key for rejects
        keep = ["__row", "__slot", "__key", "__rule"]
        keep += ["__ord"] if self.many else []
        keep += [match_count(j.alias) for j in m.joins if not j.many]
        keep += [f"f__{a.field}" for a in m.assigns if a is not self.xwalk]
        keep += [f"s__{self.scope.primary_alias}__{k}" for k in self.cat.source_tables[dotted(m.source)].key]
        final = (
            exp.select(*[col(c, "cs_rules") for c in dict.fromkeys(keep)])
            .from_(table("cs_rules"), copy=False)
            .select(exp.alias_(status, "__status", quoted=True, copy=False), copy=False)
        )
        if survivor is not None:
            final = final.select(exp.alias_(survivor, "__survivor_key", quoted=True, copy=False), copy=False)
        if across_keys:
            final = self.join_across(final, across_keys)
        ctes = [("cs_in", inp), *field_layers, *drop_ctes, ("cs_rules", rules)]
        if self.xwalk is not None:
            ctes.append(("cs_status", final))
            final = self.own_ids()
        with_ctes(final, ctes)
        return self.gen.create_work(self.names.work, final)

    def join_across(self, final: exp.Select, keys: list[exp.Expression]) -> exp.Select:
        """`dedup across`: the keys as text (`__dk1`, ... : what later maps compare with) and,
        after the first such map, the id of the row with the same keys an earlier one loaded
        (`__match_id`, NULL when none; the lowest id should several have)."""
        for i, k in enumerate(keys, start=1):
            final = final.select(exp.alias_(k.copy(), f"__dk{i}", quoted=True, copy=False), copy=False)
        if self.across_first:
            return final.select(exp.alias_(exp.Cast(this=exp.Null(), to=data_type("BIGINT")), "__match_id", quoted=True), copy=False)
        names = [f"__dk{i}" for i in range(1, len(keys) + 1)]
        earlier = (
            exp.select(*[col(n) for n in names], exp.alias_(exp.Min(this=col("__id")), "__id", quoted=True, copy=False))
            .from_(self.gen.work(across_name(self.target)), copy=False)
            .group_by(*[col(n) for n in names], copy=False)
        )
        on = exp.and_(*[exp.EQ(this=col(n, "cs_across"), expression=k.copy()) for n, k in zip(names, keys, strict=True)], copy=False)
        final = final.select(exp.alias_(col("__id", "cs_across"), "__match_id", quoted=True, copy=False), copy=False)
        return join(final, exp.Subquery(this=earlier, alias=exp.TableAlias(this=ident("cs_across"))), on=on, side="LEFT")

    def own_ids(self) -> exp.Select:
        """Crosswalk ids: a key seen in an earlier run keeps its id; a new loaded key gets
        the next id after the highest ever given, in export order (record, then slot)."""
        schema, name = self.names.xwalk
        prev = self.gen.tbl(schema, name, "cs_prev")
        needs_id = exp.and_(
            exp.Is(this=col("own_id", "cs_prev"), expression=exp.Null()),
            exp.EQ(this=col("__status", "cs_status"), expression=lit("loaded")),
            copy=False,
        )
        max_prev: exp.Expression = exp.Subquery(
            this=exp.select(exp.Coalesce(this=exp.Max(this=col("own_id")), expressions=[lit(0)])).from_(
                self.gen.tbl(schema, name), copy=False
            )
        )
        if not self.first_branch and self.gen.shadow:
            # the earlier maps of this target wrote their new ids to the shadow crosswalk only
            in_shadow = exp.Subquery(
                this=exp.select(exp.Coalesce(this=exp.Max(this=col("own_id")), expressions=[lit(0)])).from_(
                    self.gen.tbl(schema, name, building=True), copy=False
                )
            )
            max_prev = (
                exp.Case()
                .when(exp.GT(this=in_shadow, expression=max_prev), in_shadow.copy(), copy=False)
                .else_(max_prev.copy(), copy=False)
            )
        # one sort, rows needing an id first.  PARTITION BY the flag is faster on DuckDB (the
        # charge_line work table 2.2 s -> 1.6 s at 100,000 patients) but its partitioned
        # window does not spill: out of memory at 1,000,000 patients under the 1 GB limit.
        fresh = exp.Add(
            this=max_prev,
            expression=exp.Window(
                this=exp.RowNumber(),
                order=exp.Order(
                    expressions=[
                        exp.Ordered(this=paren(needs_id.copy()), desc=True),
                        exp.Ordered(this=col("__ord" if self.many else "__row", "cs_status")),
                        exp.Ordered(this=col("__slot", "cs_status")),
                    ]
                ),
            ),
        )
        own_id = exp.Coalesce(this=col("own_id", "cs_prev"), expressions=[exp.Case().when(needs_id, fresh, copy=False)])
        select = exp.select(
            exp.Column(this=exp.Star(), table=ident("cs_status")), exp.alias_(own_id, "__own_id", quoted=True, copy=False)
        ).from_(table("cs_status"), copy=False)
        return join(select, prev, on=exp.EQ(this=col("legacy_key", "cs_prev"), expression=col("__key", "cs_status")), side="LEFT")

    def key_parts(self, low: ExprLowering, layer: str = "cs_in") -> list[tuple[exp.Expression, bool]]:
        """The legacy key's parts over `layer`, each with whether it is text: the crosswalk's
        arguments, else the source key columns (or the record number), plus the `each` slot."""
        if self.xwalk is not None:
            call = self.xwalk.expr
            assert isinstance(call, ir.Call), call  # Catalog.crosswalk_field: `key = crosswalk(...)`
            return [
                (col("__slot", layer), False)
                if isinstance(a, ir.Name) and a.parts == ["each_index"]
                else (low(a), self.type_of(a) == T.TEXT)
                for a in call.args
            ]
        src = self.cat.source_tables[dotted(self.m.source)]
        types = {c.name: SOURCE_TYPES[c.type.name] for c in src.columns}
        parts: list[tuple[exp.Expression, bool]] = [
            (col(f"s__{self.scope.primary_alias}__{k}", layer), types[k] == T.TEXT) for k in src.key
        ] or [(col("__row", layer), False)]
        if self.many:
            parts.append((col("__match", layer), False))
        if self.m.each:
            parts.append((col("__slot", layer), False))
        return parts

    def key_expr(self, low: ExprLowering) -> exp.Expression:
        parts = [p for p, _ in self.key_parts(low)]
        return self.gen.key_text([lit(self.namespace), *parts] if self.namespace is not None else parts)

    def duplicate_groups(self, layer: str = "cs_fields") -> list[exp.Expression]:
        """What the duplicate-key check groups by, over `layer`: the key's parts when they
        are plain columns (equal parts <=> equal key text; hashing them beats hashing the
        joined text), else the key text itself."""
        parts = self.key_parts(self.lowering_in(layer, False), layer)
        if all(isinstance(p, exp.Column) for p, _ in parts):
            return [self.gen.traits.binary(p) if is_text else p for p, is_text in parts]
        return [col("__key", layer)]

    def constraint_rules(self) -> Iterator[tuple[exp.Expression, str, str]]:
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
                yield (
                    exp.GT(this=exp.Length(this=exp.Cast(this=f.copy(), to=data_type("VARCHAR"))), expression=lit(n)),
                    f"length:{where}",
                    f"{c.name} is longer than {n} characters",
                )
            if c.type.name in ("decimal", "numeric") and len(c.type.args) == 2:
                p, sc = c.type.args
                bound = exp.Literal.number(str(Decimal(10) ** (p - sc)))
                yield exp.GTE(this=exp.Abs(this=f.copy()), expression=bound), f"range:{where}", f"{c.name} does not fit decimal({p},{sc})"
            if c.allowed is not None:
                yield (
                    exp.Not(this=paren(exp.In(this=f.copy(), expressions=[lit(v.value) for v in c.allowed]))),
                    f"in:{where}",
                    f"{c.name} is not one of the allowed values",
                )
            if c.check is not None:

                def resolve(name: ir.Name, _c: ir.Column = c) -> exp.Expression:
                    ref = tscope.resolve(name, True)
                    assert isinstance(ref, FieldRef), ref  # the checker resolved every name
                    return col(f"f__{ref.name}", "cs_fields")

                cond = self.gen.lowering(resolve)(c.check)
                yield (
                    exp.Not(this=exp.Coalesce(this=paren(cond), expressions=[exp.true()])),
                    f"check:{where}",
                    f"{c.name} fails its check constraint",
                )
