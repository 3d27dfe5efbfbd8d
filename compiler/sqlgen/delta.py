"""Delta runs: the source state a target keeps, one extract applied to it, what changed.

A spec whose source tables declare a `delta flag` keeps, in the target, the source rows
the target was built from (`chartshift.state__<source>__<table>`, raw text like the
staging tables) and the extracts applied so far (`chartshift.extracts`).  A delta run
(`run --delta`) builds every table of the run into shadow tables, as MariaDB's full runs
do, from the new source state, then applies the difference to the live tables by key:

  15_state           the new source state: the previous one with this extract's rows
                     applied by key (latest change of a key wins; `children cascade` removes
                     the rows that reference a removed row), written into the staging
                     tables the maps read
  20_..  90_validate as in a full run, into shadow tables
  92_delta           queries: each map's delta accounting, each target table's changes
  95_apply           removed rows deleted or marked, changed rows upserted (a dialect
                     template, compiler/emit/templates/upsert/), crosswalks, rejects,
                     reconciliation and state replaced, the extract recorded

A full run of such a spec writes the state and starts a new extract history.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from compiler import ir
from compiler.diagnostics import Span
from compiler.ir.naming import EXTRACTS as EXTRACTS
from compiler.ir.naming import dotted, flat
from compiler.plan.steps import CHARTSHIFT_SCHEMA, map_label, stage_table, table_names
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.lower import col, drop_table, ident, lit, paren
from compiler.sqlgen.statements import RECONCILIATION, REJECT_COLUMNS, REJECTS, Script, Statement, Upsert, data_type

EXTRACT_COLUMNS = ("extract_id", "kind", "sequence", "extracted_at", "files_sha256", "applied_at")
DELTA_TERMS = ("inserted", "updated", "deleted", "unchanged", "rejected", "filtered", "merged")
CHANGE_TERMS = ("inserted", "updated", "removed")
XWALK_COLUMNS = ("legacy_key", "own_id", "target_id", "state")
REJECT_PLACES = "cs_reject_places"  # work table: the live rejects' places, for the apply
PLACE_COLUMNS = ("source_file", "source_line", "byte_offset", "original_row")
DELTA_ROW_COLUMNS = ("__key", "__flag", "__row", "__rank")  # a delta row: its key, change, staged row, rank in its key


def change_meaning(t: ir.SourceTable) -> exp.Case:
    """CASE over a flagged table's change column (alias `s`): each declared value -> its
    meaning (`new`, `modified`, `removed`); an undeclared value is NULL."""
    flag = t.delta_flag
    assert flag is not None
    meaning = exp.Case()
    for v in flag.values:
        meaning = meaning.when(
            exp.EQ(this=exp.Trim(this=col(flag.column, "s")), expression=lit(str(v.value.value))), lit(v.meaning), copy=False
        )
    return meaning


@dataclass(frozen=True)
class ExtractRecord:
    """One row of chartshift.extracts."""

    extract_id: str
    kind: str  # full | delta
    sequence: int | None
    extracted_at: str | None
    files_sha256: str
    applied_at: str


@dataclass(frozen=True)
class DeltaInput:
    """What a delta run's SQL depends on beyond the spec: the unflagged tables whose file
    the extract holds (replaced whole; the others keep their state) and the extract to
    record (None when it is already recorded: a replay)."""

    replaced: frozenset[str]
    record: ExtractRecord | None


def state_table(qualified: str) -> tuple[str, str]:
    return CHARTSHIFT_SCHEMA, f"state__{flat(qualified)}"


def delta_rows_table(qualified: str) -> tuple[str, str]:
    return CHARTSHIFT_SCHEMA, f"delta__{flat(qualified)}"


def same_row(columns: list[str], a: str, b: str, key: list[str] | None = None) -> exp.Expr:
    """Every column equal, NULL equal to NULL; the key columns (never NULL) by plain `=`,
    which an index answers (a null-safe comparison of every column is a scan per row)."""
    key = key or []
    by_key = [exp.EQ(this=col(c, a), expression=col(c, b)) for c in key]
    rest = [exp.NullSafeEQ(this=col(c, a), expression=col(c, b)) for c in columns if c not in key]
    return exp.and_(*by_key, *rest, copy=False)


def exists(tbl: exp.Table, where: exp.Expr) -> exp.Exists:
    return exp.Exists(this=exp.select(lit(1)).from_(tbl, copy=False).where(where, copy=False))


def count_where(tbl: exp.Table, where: exp.Expr) -> exp.Subquery:
    return exp.Subquery(this=exp.select(exp.Count(this=exp.Star())).from_(tbl, copy=False).where(where, copy=False))


class DeltaScripts(GenBase):
    """Mixed into SqlGen: uses its `spec`, `cat`, `traits`, `maps`, `st`, `tbl`, `key_text`,
    `shadow` and `delta`."""

    shadow: bool
    delta: DeltaInput | None

    # ------------------------------------------------------------ names
    def target_tbl(self, target: str, alias: str | None = None, building: bool = False) -> exp.Table:
        schema, name = target.split(".", 1)
        return self.tbl(schema, name, alias, building=building)

    @property
    def has_deltas(self) -> bool:
        # a phased spec keeps its source state too: a later phase is applied as a delta
        return bool(self.spec.phases) or any(t.delta_flag is not None for src in self.spec.sources for t in src.tables)

    def source_tables(self) -> list[tuple[str, ir.SourceTable]]:
        return [(f"{src.name}.{t.name}", t) for src in self.spec.sources for t in src.tables]

    def state_published(self) -> list[tuple[str, str]]:
        """The delta bookkeeping tables a run publishes with its others (none without flags)."""
        if not self.has_deltas:
            return []
        out = [state_table(q) for q, _ in self.source_tables()]
        return out if self.delta is not None else out + [EXTRACTS]

    def extracts_columns(self) -> list[tuple[str, str, bool]]:
        return [
            ("extract_id", "VARCHAR(200)", True),
            ("kind", "VARCHAR(10)", True),
            ("sequence", "BIGINT", False),
            ("extracted_at", "VARCHAR(40)", False),
            ("files_sha256", "VARCHAR(64)", True),
            ("applied_at", "VARCHAR(40)", True),
        ]

    # ------------------------------------------------------------ 00_setup
    def state_setup(self) -> list[Statement]:
        """The state tables (this run's), the extracts table, a delta run's delta rows."""
        if not self.has_deltas:
            return []
        out: list[Statement] = []
        for q, t in self.source_tables():
            state = self.tbl(*state_table(q), building=True)
            cols = [("__row", "BIGINT", True)] + [(c.name, self.traits.target_types["text"], False) for c in t.columns]
            out.append(self.st(drop_table(state), f"source state of {q} (this run's)", t.span))
            # keyed by __row where staging is (MariaDB: the apply compares state rows by it)
            pk = ["__row"] if self.traits.stage_row_key else []
            create = self.create_table(state.copy(), cols, primary_key=pk)
            out.append(self.st(create, f"source state of {q}: the rows the target is built from", t.span))
            if self.delta is not None and t.delta_flag is not None:
                rows = self.tbl(*delta_rows_table(q))
                out.append(self.st(drop_table(rows), f"delta rows of {q}", t.span))
                delta_cols = [
                    ("__key", self.traits.key_type, False),
                    ("__flag", "VARCHAR(10)", False),
                    ("__row", "BIGINT", True),
                    ("__rank", "BIGINT", True),
                ]
                out.append(
                    self.st(self.create_table(rows.copy(), delta_cols, keys=("__key",)), f"delta rows of {q}: key and change", t.span)
                )
        extracts = self.tbl(*EXTRACTS, building=self.delta is None)
        if self.delta is None:
            out.append(self.st(drop_table(extracts), "a full load starts a new extract history"))
        out.append(
            self.st(
                self.create_table(extracts.copy(), self.extracts_columns(), if_not_exists=self.delta is not None),
                "the extracts applied to this target, in order",
            )
        )
        return out

    def record_extract(self, rec: ExtractRecord) -> Statement:
        values = [lit(rec.extract_id), lit(rec.kind), lit(rec.sequence), lit(rec.extracted_at), lit(rec.files_sha256), lit(rec.applied_at)]
        target = self.tbl(*EXTRACTS, building=self.delta is None)
        return self.st(
            exp.Insert(
                this=exp.Schema(this=target, expressions=[ident(c) for c in EXTRACT_COLUMNS]),
                expression=exp.select(
                    *[exp.Cast(this=v, to=data_type(t)) for v, (_, t, _) in zip(values, self.extracts_columns(), strict=True)]
                ),
            ),
            f"record extract {rec.extract_id}",
        )

    def extracts_query(self) -> exp.Select:
        """The extracts recorded in the live target, in order."""
        return (
            exp.select(*[col(c) for c in ("extract_id", "kind", "sequence", "files_sha256")])
            .from_(self.tbl(*EXTRACTS))
            .order_by(col("applied_at"), col("sequence"))
        )

    # ------------------------------------------------------------ 15_state
    def raw_key(self, t: ir.SourceTable, alias: str) -> exp.Expression:
        return self.key_text([col(k, alias) for k in t.key])

    def state_script(self) -> Script:
        s = Script("15_state", "the source state of this run" + (": the previous state with the extract applied" if self.delta else ""))
        cascaded = self.cascade_order() if self.delta is not None else []
        for q, t in self.source_tables():
            stage = self.tbl(*stage_table(q), "s")
            state = self.tbl(*state_table(q), building=True)
            cols = ["__row"] + [c.name for c in t.columns]
            into = exp.Schema(this=state, expressions=[ident(c) for c in cols])
            if self.delta is None or q in self.delta.replaced:
                select = exp.select(*[col(c, "s") for c in cols]).from_(stage, copy=False)
                s.statements.append(self.st(exp.Insert(this=into, expression=select), f"{q}: the rows of this export", t.span))
            elif t.delta_flag is None:
                prev = exp.select(*[col(c, "p") for c in cols]).from_(self.tbl(*state_table(q), "p"), copy=False)
                s.statements.append(self.st(exp.Insert(this=into, expression=prev), f"{q}: not in this extract, unchanged", t.span))
            else:
                s.statements.extend(self.apply_flags(q, t, into))
        if self.delta is None:
            return s  # a full run: the state is this export
        for parent, child, column, span in cascaded:
            pt = self.cat.source_tables[parent]
            live_parent = self.tbl(*state_table(parent), "p")
            new_parent = self.tbl(*state_table(parent), "n", building=True)
            target = self.tbl(*state_table(child), building=True)
            ref = exp.Column(this=ident(column), table=ident(target.name))
            was = exists(live_parent, exp.EQ(this=col(pt.key[0], "p"), expression=ref.copy()))
            gone = exp.Not(this=exists(new_parent, exp.EQ(this=col(pt.key[0], "n"), expression=ref.copy())))
            s.statements.append(
                self.st(
                    exp.Delete(this=target.copy(), where=exp.Where(this=exp.and_(was, gone, copy=False))),
                    f"children cascade: {child} rows whose {column} names a removed {parent}",
                    span,
                )
            )
        for q, t in self.source_tables():
            stage = self.tbl(*stage_table(q))
            cols = ["__row"] + [c.name for c in t.columns]
            s.statements.append(self.st(exp.Delete(this=stage.copy()), f"{q}: the maps read the source state", t.span))
            s.statements.append(
                self.st(
                    exp.Insert(
                        this=exp.Schema(this=stage.copy(), expressions=[ident(c) for c in cols]),
                        expression=exp.select(*[col(c) for c in cols]).from_(self.tbl(*state_table(q), building=True), copy=False),
                    ),
                    f"{q}: the staging table holds the whole source state",
                    t.span,
                )
            )
        return s

    def apply_flags(self, q: str, t: ir.SourceTable, into: exp.Schema) -> list[Statement]:
        """The previous state less every key of the extract, plus each key's latest row
        when that is new or modified."""
        flag = t.delta_flag
        assert flag is not None
        meaning = change_meaning(t)
        rows = self.tbl(*delta_rows_table(q))
        src_name = q.split(".", 1)
        view = self.tbl(src_name[0], src_name[1], "v")
        typed_key = self.key_text([col(k, "v") for k in t.key])
        rank = self.ranked(q, t).selects[-1].this  # the row's rank among its key's rows
        fill = (
            exp.select(typed_key, meaning, col("__row", "s"), rank)
            .from_(self.tbl(*stage_table(q), "s"), copy=False)
            .join(view, on=exp.EQ(this=col("__row", "v"), expression=col("__row", "s")), copy=False)
        )
        out = [
            self.st(
                exp.Insert(this=exp.Schema(this=rows, expressions=[ident(c) for c in DELTA_ROW_COLUMNS]), expression=fill),
                f"{q}: every delta row with its key and change",
                flag.span,
            )
        ]
        cols = [c.name for c in t.columns]
        ranked = self.ranked(q, t)
        # each key's latest change keeps the position (`__row`) of the key's previous row, so
        # that the state stays in file order and an unchanged row keeps its number (the apply
        # then writes only the rows that changed); a new key goes after the highest number
        prev = self.tbl(*state_table(q), "p")
        had = exp.Not(this=exp.Is(this=col("__row", "p"), expression=exp.Null()))
        highest = exp.Subquery(
            this=exp.select(exp.Coalesce(this=exp.Max(this=col("__row", "m")), expressions=[lit(0)])).from_(
                self.tbl(*state_table(q), "m"), copy=False
            )
        )
        appended = exp.Add(
            this=highest,
            expression=exp.Window(
                this=exp.RowNumber(),
                order=exp.Order(expressions=[exp.Ordered(this=paren(had)), exp.Ordered(this=col("__row", "d"))]),
            ),
        )
        position = exp.Coalesce(this=col("__row", "p"), expressions=[appended])
        latest = (
            exp.select(position, *[col(c, "d") for c in cols])
            .from_(ranked.subquery("d"), copy=False)
            .join(prev, on=exp.EQ(this=self.raw_key(t, "p"), expression=self.raw_key(t, "d")), join_type="LEFT", copy=False)
            .where(
                exp.and_(
                    exp.EQ(this=col("__rank", "d"), expression=lit(1)),
                    exp.In(this=col("__change", "d"), expressions=[lit("new"), lit("modified")]),
                    copy=False,
                ),
                copy=False,
            )
        )
        in_delta = exists(self.tbl(*stage_table(q), "s"), exp.EQ(this=self.raw_key(t, "s"), expression=self.raw_key(t, "p")))
        kept = (
            exp.select(*[col(c, "p") for c in ["__row", *cols]])
            .from_(self.tbl(*state_table(q), "p"), copy=False)
            .where(exp.Not(this=in_delta), copy=False)
        )
        out.append(
            self.st(
                exp.Insert(this=into, expression=exp.union(kept, latest, distinct=False)),
                f"{q}: previous rows not in the extract, then each key's latest change (in its key's place)",
                flag.span,
            )
        )
        return out

    def flagged(self, qualified: str) -> bool:
        return self.cat.source_tables[qualified].delta_flag is not None

    def delta_positions(self, q: str, records: exp.Select) -> exp.Select:
        """(record, staged row of this extract) of the rejects among `records` whose key's
        latest change is in the extract: where such a reject's record is in the extract's
        file (a reject's source_key is its row's key, as the delta rows keep it)."""
        rejects = self.tbl(*REJECTS, "r", building=True)
        rows = self.tbl(*delta_rows_table(q), "d")
        return (
            exp.select(col("record", "r"), col("__row", "d"))
            .from_(rejects, copy=False)
            .join(rows, on=exp.EQ(this=col("__key", "d"), expression=col("source_key", "r")), copy=False)
            .where(
                exp.and_(
                    exp.EQ(this=col("__rank", "d"), expression=lit(1)),
                    exp.In(this=col("record", "r"), query=exp.Subquery(this=records)),
                    copy=False,
                ),
                copy=False,
            )
            .distinct()
        )

    def ranked(self, q: str, t: ir.SourceTable) -> exp.Select:
        """The extract's rows of a flagged table with their change and their rank among the
        rows of their key (1: the latest, by `delta timestamp`, then file order)."""
        meaning = change_meaning(t)
        order = []
        if t.delta_timestamp is not None:
            order.append(exp.Ordered(this=col(t.delta_timestamp, "s"), desc=True, nulls_first=False))
        order.append(exp.Ordered(this=col("__row", "s"), desc=True))
        return exp.select(
            *[col(c, "s") for c in ["__row", *[c.name for c in t.columns]]],
            exp.alias_(meaning, "__change", quoted=True),
            exp.alias_(
                exp.Window(this=exp.RowNumber(), partition_by=[self.raw_key(t, "s")], order=exp.Order(expressions=order)),
                "__rank",
                quoted=True,
            ),
        ).from_(self.tbl(*stage_table(q), "s"), copy=False)

    def cascade_order(self) -> list[tuple[str, str, str, Span | None]]:
        """(parent, child, referencing column, span) for every reference below a table whose
        map says `children cascade`, parents before their children (transitively)."""
        cascading = [dotted(m.source) for m in self.maps if m.on_removed is not None and m.on_removed.children == "cascade"]
        out: list[tuple[str, str, str, Span | None]] = []
        seen: set[str] = set()
        queue = list(dict.fromkeys(cascading))
        while queue:
            parent = queue.pop(0)
            if parent in seen:
                continue
            seen.add(parent)
            pt = self.cat.source_tables[parent]
            if len(pt.key) != 1:
                continue
            for q, t in self.source_tables():
                for c in t.columns:
                    if c.references is not None and dotted(c.references) == f"{parent}.{pt.key[0]}" and q != parent:
                        out.append((parent, q, c.name, c.span))
                        queue.append(q)
        return out

    # ------------------------------------------------------------ 92_delta
    def removal(self, target: str) -> ir.OnRemoved | None:
        rules = [m.on_removed for m in self.maps if dotted(m.target) == target and m.on_removed is not None]
        return rules[0] if rules else None

    def target_columns(self, target: str) -> list[str]:
        return [c.name for c in self.cat.target_tables[target].columns]

    def delta_accounting(self) -> Script:
        """One query per map of a flagged source: its delta rows by what became of them; one
        per target table: the rows this delta inserts, updates and removes."""
        s = Script("92_delta", "delta accounting: delta rows = inserted + updated + deleted + unchanged + rejected + filtered + merged")
        s.statements.extend(self.reject_places())
        for m in self.maps:
            q = self.delta_query(m)
            if q is not None:
                s.statements.append(self.st(q, f"{map_label(m)}: what became of each delta row", m.span, query=f"delta:{map_label(m)}"))
        for tgt in self.spec.targets:
            for t in tgt.tables:
                name = f"{tgt.name}.{t.name}"
                s.statements.append(self.st(self.changes_query(name), f"{name}: rows this delta changes", t.span, query=f"changes:{name}"))
        return s

    def unaccounted_maps(self) -> list[str]:
        """Maps of a flagged source whose delta rows cannot be followed one by one."""
        flagged = [m for m in self.maps if self.cat.source_tables[dotted(m.source)].delta_flag is not None]
        return [map_label(m) for m in flagged if not self.accounted(m)]

    def accounted(self, m: ir.Map) -> bool:
        """Whether a map's delta rows can be followed to its target rows: a flagged primary
        source whose key is the crosswalk's argument list (then `each_index` for an `each`
        map), the crosswalk field the target's key."""
        src = self.cat.source_tables[dotted(m.source)]
        xwalk = self.cat.crosswalk_field(dotted(m.target))
        target = self.cat.target_tables[dotted(m.target)]
        if src.delta_flag is None or xwalk is None or target.key != [xwalk.field] or any(j.many for j in m.joins):
            return False
        call = xwalk.expr
        if not isinstance(call, ir.Call) or not all(isinstance(a, ir.Name) for a in call.args):
            return False
        names = [a.parts[-1] for a in call.args if isinstance(a, ir.Name)]
        if m.each is not None:
            if not names or names[-1] != "each_index":
                return False
            names = names[:-1]
        return names == src.key

    def legacy_key(self, m: ir.Map, key: exp.Expression, slot: exp.Expression | None) -> exp.Expression:
        """The crosswalk key of a delta row (and slot): its source key text, namespaced as
        the map's crosswalk keys are (a union), the slot after it (an `each` map)."""
        namespace = self.cat.key_namespace(m)
        parts = ([lit(namespace)] if namespace is not None else []) + [key] + ([slot] if slot is not None else [])
        return key if len(parts) == 1 else self.key_text(parts)

    def delta_query(self, m: ir.Map) -> exp.Select | None:
        """Each delta row (each slot of an `each` map) joined by its crosswalk key to the
        live and this run's crosswalk, by its id to this run's and the live target row
        (keys all: at most one row each; the delta rows are few, so the engines probe the
        big tables once), then classified."""
        if not self.accounted(m):
            return None
        src, target = dotted(m.source), dotted(m.target)
        key = self.cat.target_tables[target].key[0]
        cols = self.target_columns(target)
        xschema, xname = table_names(target).xwalk
        d = "d"
        slots = len(m.each.items) if m.each is not None else 0
        slot = col("__slot", "sl") if slots else None
        row_key = self.legacy_key(m, col("__key", d), slot)
        rows: exp.Select = exp.select(col("__flag", d), col("__key", d)).from_(self.tbl(*delta_rows_table(src), d), copy=False)
        if slots:  # every slot of an `each` map is a delta row of its own
            numbers: exp.Query = exp.select(exp.alias_(lit(1), "__slot", quoted=True))
            for i in range(2, slots + 1):
                numbers = exp.union(numbers, exp.select(exp.alias_(lit(i), "__slot", quoted=True)), distinct=False)
            rows = rows.select(col("__slot", "sl"), copy=False).join(
                exp.Subquery(this=numbers, alias=exp.TableAlias(this=ident("sl"))), join_type="CROSS", copy=False
            )
        rows = rows.select(exp.alias_(row_key, "__xkey", quoted=True), copy=False)
        k = "k"
        joined = (
            exp.select(exp.Star())
            .from_(rows.subquery(k), copy=False)
            .join(self.tbl(xschema, xname, "lx"), on=exp.EQ(this=col("legacy_key", "lx"), expression=col("__xkey", k)), join_type="LEFT")
            .join(
                self.tbl(xschema, xname, "x", building=True),
                on=exp.EQ(this=col("legacy_key", "x"), expression=col("__xkey", k)),
                join_type="LEFT",
            )
            .join(
                self.target_tbl(target, "n", building=True),
                on=exp.and_(
                    exp.EQ(this=col(key, "n"), expression=col("own_id", "x")),
                    exp.EQ(this=col("state", "x"), expression=lit("loaded")),
                    copy=False,
                ),
                join_type="LEFT",
            )
            .join(self.target_tbl(target, "l"), on=exp.EQ(this=col(key, "l"), expression=col(key, "n")), join_type="LEFT")
        )

        def present(alias: str, column: str) -> exp.Expression:
            return exp.Not(this=exp.Is(this=col(column, alias), expression=exp.Null()))

        removed = exp.EQ(this=col("__flag", k), expression=lit("removed"))
        live_x = exp.and_(present("lx", "legacy_key"), exp.NEQ(this=col("state", "lx"), expression=lit("inactive")), copy=False)
        loaded = present("n", key)
        cls = (
            exp.Case()
            .when(exp.and_(removed, live_x, copy=False), lit("deleted"), copy=False)
            .when(removed.copy(), lit("unchanged"), copy=False)
            .when(self.rejected_row(m, col("__key", k), col("__slot", k) if slots else None), lit("rejected"), copy=False)
            .when(exp.EQ(this=col("state", "x"), expression=lit("merged")), lit("merged"), copy=False)
            .when(exp.and_(loaded, exp.Is(this=col(key, "l"), expression=exp.Null()), copy=False), lit("inserted"), copy=False)
            .when(exp.and_(loaded.copy(), exp.Not(this=paren(same_row(cols, "l", "n", [key]))), copy=False), lit("updated"), copy=False)
            .when(loaded.copy(), lit("unchanged"), copy=False)
            .else_(lit("filtered"), copy=False)
        )
        select_list: list[exp.Expr] = [exp.alias_(cls, "cls", quoted=True), col("__flag", k)]
        joined = joined.select(*select_list, append=False, copy=False)
        classified = joined.subquery("c")
        terms = [
            exp.alias_(
                exp.Sum(
                    this=exp.Case().when(exp.EQ(this=col("cls", "c"), expression=lit(t)), lit(1), copy=False).else_(lit(0), copy=False)
                ),
                t,
                quoted=True,
            )
            for t in DELTA_TERMS
        ]
        unknown = exp.Sum(
            this=exp.Case().when(exp.Is(this=col("__flag", "c"), expression=exp.Null()), lit(1), copy=False).else_(lit(0), copy=False)
        )
        total: exp.Expression = exp.Subquery(
            this=exp.select(exp.Count(this=exp.Star())).from_(self.tbl(*delta_rows_table(src)), copy=False)
        )
        if slots:
            total = exp.Mul(this=total, expression=lit(slots))
        return exp.select(exp.alias_(total, "delta_rows", quoted=True), *terms, exp.alias_(unknown, "unknown_flag", quoted=True)).from_(
            classified, copy=False
        )

    def rejected_row(self, m: ir.Map, key: exp.Expression, slot: exp.Expression | None) -> exp.Expression:
        """The delta row (slot) is among the map's rejects: an uncorrelated IN, which the
        engines hash once (a correlated EXISTS would scan the rejects per delta row)."""
        picked: list[exp.Expression] = [col("source_key", "r")]
        if slot is not None:
            picked.append(col("slot", "r"))
        rejects = (
            exp.select(*picked)
            .from_(self.tbl(*REJECTS, "r", building=True), copy=False)
            .where(exp.EQ(this=col("map", "r"), expression=lit(map_label(m))), copy=False)
        )
        this = key if slot is None else exp.Tuple(expressions=[key, slot])
        return exp.In(this=this, query=exp.Subquery(this=rejects))

    def changes_query(self, target: str) -> exp.Select:
        t = self.cat.target_tables[target]
        cols = self.target_columns(target)
        live, new = self.target_tbl(target, "l"), self.target_tbl(target, "n", building=True)
        if t.key:
            # this run's rows against the live ones by key, in one pass: no live row, or one
            # that differs
            by_key = exp.and_(*[exp.EQ(this=col(k, "l"), expression=col(k, "n")) for k in t.key], copy=False)
            pair = exp.select(
                exp.alias_(exp.Is(this=col(t.key[0], "l"), expression=exp.Null()), "__new", quoted=True),
                exp.alias_(paren(same_row(cols, "l", "n", t.key)), "__same", quoted=True),
            )
            pair = pair.from_(new.copy(), copy=False).join(live.copy(), on=by_key.copy(), join_type="LEFT", copy=False)
            pairs = pair.subquery("p")

            def counted(cond: exp.Expr) -> exp.Expression:
                one = exp.Case().when(cond, lit(1), copy=False).else_(lit(0), copy=False)
                return exp.Coalesce(this=exp.Sum(this=one), expressions=[lit(0)])

            inserted = counted(exp.EQ(this=col("__new", "p"), expression=exp.true()))
            updated = counted(
                exp.and_(
                    exp.EQ(this=col("__new", "p"), expression=exp.false()),
                    exp.Not(this=exp.Coalesce(this=col("__same", "p"), expressions=[exp.false()])),
                    copy=False,
                )
            )
            gone: exp.Expr = exp.Not(this=exists(new.copy(), by_key.copy()))
            rule = self.removal(target)
            if rule is not None and rule.action == "set" and rule.column is not None:
                gone = exp.and_(
                    gone, exp.Not(this=exp.NullSafeEQ(this=col(rule.column, "l"), expression=self.removed_value(target, rule))), copy=False
                )
            removed = count_where(live.copy(), gone)
            values = zip((inserted, updated, removed), CHANGE_TERMS, strict=True)
            return exp.select(*[exp.alias_(v, n, quoted=True) for v, n in values]).from_(pairs, copy=False)
        else:
            inserted = count_where(new.copy(), exp.Not(this=exists(live.copy(), same_row(cols, "l", "n"))))
            updated = exp.Subquery(this=exp.select(lit(0)))
            removed = count_where(live.copy(), exp.Not(this=exists(new.copy(), same_row(cols, "l", "n"))))
        return exp.select(*[exp.alias_(v, n, quoted=True) for v, n in zip((inserted, updated, removed), CHANGE_TERMS, strict=True)])

    def removed_value(self, target: str, rule: ir.OnRemoved) -> exp.Expression:
        assert rule.column is not None and rule.value is not None
        column = next(c for c in self.cat.target_tables[target].columns if c.name == rule.column)
        return exp.Cast(this=lit(rule.value.value), to=self.target_sql_type(column))

    # ------------------------------------------------------------ 95_apply
    def apply(self) -> Script:
        """The delta applied to the live tables, DML only, in one transaction."""
        assert self.delta is not None
        s = Script("95_apply", "apply the delta to the live tables (one transaction)")
        if not self.traits.dialect.capabilities.transactional_ddl:
            s.statements.append(self.st(exp.Transaction(), "the apply is one transaction (the DDL before it has committed)"))
        for tgt in self.spec.targets:
            for t in tgt.tables:
                s.statements.extend(self.apply_table(f"{tgt.name}.{t.name}", t))
        # crosswalks and source state: only the rows that differ are written (a delta changes
        # few of them); rejects and reconciliation are small and replaced whole
        keyed: list[tuple[tuple[str, str], list[str], str]] = [
            (table_names(dotted(m.target)).xwalk, list(XWALK_COLUMNS), "legacy_key")
            for m in self.maps
            if self.cat.crosswalk_field(dotted(m.target))
        ]
        keyed += [(state_table(q), ["__row", *[c.name for c in t.columns]], "__row") for q, t in self.source_tables()]
        for (schema, name), cols, key in dict((k[0], k) for k in keyed).values():
            s.statements.extend(self.replace_changed(schema, name, cols, key))
        s.statements.extend(self.replace_rejects())
        live, new = self.tbl(*RECONCILIATION), self.tbl(*RECONCILIATION, building=True)
        s.statements.append(self.st(exp.Delete(this=live), "chartshift.reconciliation: replaced by this run's"))
        s.statements.append(
            self.st(
                exp.Insert(this=live.copy(), expression=exp.select(exp.Star()).from_(new, copy=False)),
                "chartshift.reconciliation: this run's rows",
            )
        )
        if self.delta.record is not None:
            s.statements.append(self.record_extract(self.delta.record))
        s.statements.extend(self.phase_apply())
        if not self.traits.dialect.capabilities.transactional_ddl:
            s.statements.append(self.st(exp.Commit(), "publish the delta"))
        return s

    def reject_places(self) -> list[Statement]:
        """Before the apply (which is DML only): the places in their files of the live
        rejects, for the rows that this extract leaves as they were (`replace_rejects`)."""
        placed = (
            exp.select(*[col(c) for c in ("map", "record", "slot", *PLACE_COLUMNS)])
            .from_(self.tbl(*REJECTS), copy=False)
            .where(
                exp.and_(
                    exp.Not(this=exp.Is(this=col("map"), expression=exp.Null())),
                    exp.Not(this=exp.Is(this=col("source_file"), expression=exp.Null())),
                    copy=False,
                ),
                copy=False,
            )
        )
        return [
            self.st(drop_table(self.work(REJECT_PLACES)), "rejects placed in their files by earlier runs (left by an earlier run)"),
            self.st(self.create_work(REJECT_PLACES, placed), "rejects placed in their files by earlier runs"),
        ]

    def replace_rejects(self) -> list[Statement]:
        """The rejects replaced by this run's; a row rejected before and not in this extract
        (the same state row: `record`) keeps the place in its file that the run which read
        it found (source_file, source_line, byte_offset, original_row)."""
        live, new = self.tbl(*REJECTS), self.tbl(*REJECTS, "n", building=True)
        same = exp.and_(
            exp.EQ(this=col("map", "k"), expression=col("map", "n")),
            exp.EQ(this=col("record", "k"), expression=col("record", "n")),
            exp.NullSafeEQ(this=col("slot", "k"), expression=col("slot", "n")),
            copy=False,
        )
        unplaced = exp.Is(this=col("source_file", "n"), expression=exp.Null())

        def value(c: str) -> exp.Expression:
            if c not in PLACE_COLUMNS:
                return col(c, "n")
            return exp.Case().when(unplaced.copy(), col(c, "k"), copy=False).else_(col(c, "n"), copy=False)

        refill = (
            exp.select(*[exp.alias_(value(c), c, quoted=True) for c in REJECT_COLUMNS])
            .from_(new, copy=False)
            .join(self.work(REJECT_PLACES, "k"), on=same, join_type="LEFT", copy=False)
        )
        return [
            self.st(exp.Delete(this=live.copy()), "chartshift.rejects: replaced by this run's"),
            self.st(
                exp.Insert(this=exp.Schema(this=live.copy(), expressions=[ident(c) for c in REJECT_COLUMNS]), expression=refill),
                "chartshift.rejects: this run's rows; a row not in this extract keeps its place in its file",
            ),
        ]

    def replace_changed(self, schema: str, name: str, cols: list[str], key: str) -> list[Statement]:
        """The live table made equal to this run's by key: rows that differ (or are gone)
        deleted, then this run's rows that the live table lacks inserted."""
        live, new = self.tbl(schema, name), self.tbl(schema, name, "n", building=True)
        live_ref = exp.Column(this=ident(key), table=ident(live.name))
        same = exp.and_(
            exp.EQ(this=col(key, "n"), expression=live_ref),
            *[exp.NullSafeEQ(this=col(c, "n"), expression=exp.Column(this=ident(c), table=ident(live.name))) for c in cols if c != key],
            copy=False,
        )
        fresh = exp.select(*[col(c, "n") for c in cols]).from_(new.copy(), copy=False)
        fresh = fresh.where(exp.Not(this=exists(self.tbl(schema, name, "l"), same_row(cols, "l", "n", [key]))), copy=False)
        return [
            self.st(
                exp.Delete(this=live, where=exp.Where(this=exp.Not(this=exists(new, same)))),
                f"{schema}.{name}: rows this run changed or removed",
            ),
            self.st(
                exp.Insert(this=exp.Schema(this=live.copy(), expressions=[ident(c) for c in cols]), expression=fresh),
                f"{schema}.{name}: this run's new and changed rows",
            ),
        ]

    def apply_table(self, target: str, t: ir.TargetTable) -> list[Statement]:
        cols = self.target_columns(target)
        live = self.target_tbl(target)
        new = self.target_tbl(target, "n", building=True)
        if not t.key:
            return [
                self.st(exp.Delete(this=live), f"{target} (no key): replaced whole", t.span),
                self.st(
                    exp.Insert(this=live.copy(), expression=exp.select(*[col(c, "n") for c in cols]).from_(new, copy=False)),
                    f"{target}: this run's rows",
                    t.span,
                ),
            ]
        out = []
        by_key = exp.and_(
            *[exp.EQ(this=col(k, "n"), expression=exp.Column(this=ident(k), table=ident(live.name))) for k in t.key], copy=False
        )
        gone = exp.Not(this=exists(new.copy(), by_key))
        rule = self.removal(target)
        if rule is not None and rule.action == "set" and rule.column is not None:
            value = self.removed_value(target, rule)
            mark = exp.Update(
                this=live.copy(),
                expressions=[exp.EQ(this=col(rule.column), expression=value)],
                where=exp.Where(
                    this=exp.and_(
                        gone,
                        exp.Not(
                            this=exp.NullSafeEQ(this=exp.Column(this=ident(rule.column), table=ident(live.name)), expression=value.copy())
                        ),
                        copy=False,
                    )
                ),
            )
            out.append(self.st(mark, f"{target}: removed rows marked ({rule.column})", rule.span))
        else:
            out.append(self.st(exp.Delete(this=live.copy(), where=exp.Where(this=gone)), f"{target}: removed rows deleted", t.span))
        changed = exp.Not(this=exists(self.target_tbl(target, "l"), same_row(cols, "l", "n", t.key)))
        select = exp.select(*[col(c, "n") for c in cols]).from_(new.copy(), copy=False).where(changed, copy=False)
        insert = exp.Insert(this=exp.Schema(this=live.copy(), expressions=[ident(c) for c in cols]), expression=select)
        out.append(
            Statement(
                insert,
                f"{target}: new rows inserted, modified rows updated in place by key",
                t.span,
                upsert=Upsert(self.traits.dialect.upsert, list(t.key), [c for c in cols if c not in t.key]),
            )
        )
        return out
