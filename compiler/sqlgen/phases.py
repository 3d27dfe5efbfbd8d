"""The SQL of a phased run (docs/LANGUAGE.md "Phases"): which source rows each map reads,
the reject of a reference into a phase not run yet, the record of the phases run, and
the per-phase accounting queries (script 91_phase).

A phase run builds the whole target again from the rows of every phase run so far plus
this one, through the delta machinery (compiler/sqlgen/delta.py): the first phase as a
full run, a later one as shadow tables applied to the live ones by key, so that the rows
and crosswalk ids of earlier phases stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from sqlglot import exp

from compiler import ir
from compiler.ir.naming import dotted
from compiler.plan.phases import PHASE_COLUMNS, PHASES, PhaseInput, PhaseRecord, phase_maps
from compiler.plan.steps import map_label
from compiler.semantic.catalog import crosswalk_assign
from compiler.sqlgen.base import GenBase
from compiler.sqlgen.delta import DeltaInput
from compiler.sqlgen.lower import ExprLowering, Resolver, col, drop_table, ident, lit
from compiler.sqlgen.statements import Script, Statement, data_type

ALIAS = "cs_ph"  # a source row a phase query reads
NOT_MIGRATED = "referenced row not migrated yet"


def over(alias: str) -> Resolver:
    """Names of a phase filter (columns of one source table) as columns of `alias`."""
    return lambda name: col(name.parts[-1], alias)


class PhaseScripts(GenBase):
    """Mixed into SqlGen: uses its `spec`, `cat`, `maps`, `st`, `tbl`, `lowering`, `key_text` and `phase`."""

    phase: PhaseInput | None
    delta: DeltaInput | None

    # ------------------------------------------------------------ rows a map reads
    def filter_of(self, p: ir.Phase, m: ir.Map) -> ir.PhaseFilter | None:
        return next((f for f in p.filters if dotted(f.table) == dotted(m.source)), None)

    def in_phase(self, p: ir.Phase, m: ir.Map) -> bool:
        return any(x is m for x in phase_maps(self.spec, p))

    def phase_rows(self, p: ir.Phase, m: ir.Map, resolve: Resolver) -> exp.Expression:
        """The rows of `m`'s source that phase `p` migrates (FALSE: `m` is not in it)."""
        if not self.in_phase(p, m):
            return exp.false()
        f = self.filter_of(p, m)
        if f is None:
            return exp.true()
        low = self.lowering(resolve, self.checked.type_of)
        return exp.Coalesce(this=exp.Paren(this=low(f.where)), expressions=[exp.false()])

    def phase_selected(self, m: ir.Map, resolve: Resolver) -> exp.Expression | None:
        """The rows of `m`'s source the phases run so far (and this one) migrate; None: all."""
        if self.phase is None or self.phase.everything:
            return None
        alternatives = [self.phase_rows(p, m, resolve) for p in self.phase.covered(self.spec)]
        if any(isinstance(a, exp.Boolean) and a.this for a in alternatives):
            return None
        kept = [a for a in alternatives if not isinstance(a, exp.Boolean)]
        return cast(exp.Expression, exp.or_(*kept, copy=False)) if kept else exp.false()

    # ------------------------------------------------------------ references into later phases
    def phase_rules(self, m: ir.Map, field: Callable[[str], exp.Expression], low: ExprLowering) -> list[tuple[exp.Expression, str, str]]:
        """(condition, rule id, reason) per crosswalk reference of `m` and pending phase: the
        reference found nothing, and the row it names is one that phase migrates."""
        if self.phase is None or self.phase.everything:
            return []
        out: list[tuple[exp.Expression, str, str]] = []
        for a in m.assigns:
            call = a.expr
            if not (isinstance(call, ir.Call) and len(call.func) == 3 and call.func[-1] == "crosswalk"):
                continue
            target = ".".join(call.func[:2])
            fillers = self.cat.maps_of_target.get(target, [])
            if len(fillers) != 1 or fillers[0] is m:
                continue
            mt = fillers[0]
            xw = crosswalk_assign(mt)
            if xw is None or not isinstance(xw.expr, ir.Call) or len(xw.expr.args) != len(call.args):
                continue
            if not all(isinstance(x, ir.Name) for x in xw.expr.args):
                continue
            here = self.phase_selected(mt, over(ALIAS))
            if here is None:
                continue  # every row of the referenced table is migrated already
            src = dotted(mt.source).split(".", 1)
            key_there = self.key_text([self.lowering(over(ALIAS), self.checked.type_of)(x) for x in xw.expr.args])
            key_here = self.key_text([low(x) for x in call.args])
            for p in self.phase.pending(self.spec):
                if not self.in_phase(p, mt):
                    continue
                row = exp.and_(
                    exp.EQ(this=key_there.copy(), expression=key_here.copy()),
                    exp.Not(this=exp.Coalesce(this=exp.Paren(this=here.copy()), expressions=[exp.false()])),
                    self.phase_rows(p, mt, over(ALIAS)),
                    copy=False,
                )
                named = exp.Exists(this=exp.select(lit(1)).from_(self.tbl(src[0], src[1], ALIAS), copy=False).where(row, copy=False))
                cond = cast(exp.Expression, exp.and_(exp.Is(this=field(a.field), expression=exp.Null()), named, copy=False))
                out.append((cond, f"phase:{target}:{p.name}", f"{NOT_MIGRATED}: {target} (phase {p.name})"))
        return out

    # ------------------------------------------------------------ chartshift.phases
    def phase_published(self) -> list[tuple[str, str]]:
        return [PHASES] if self.spec.phases and self.delta is None else []

    def phase_setup(self) -> list[Statement]:
        """The phases table: a full run (and a first phase) starts it, a later phase adds to it."""
        if not self.spec.phases:
            return []
        phases = self.tbl(*PHASES, building=self.delta is None)
        out = []
        if self.delta is None:
            out.append(self.st(drop_table(phases), "a full run (or a first phase) starts the phase history"))
        create = self.create_table(phases.copy(), list(PHASE_COLUMNS), if_not_exists=self.delta is not None, keys=("phase",))
        out.append(self.st(create, "the phases run on this target, in order"))
        return out

    def record_phase(self, rec: PhaseRecord) -> Statement:
        values = [lit(rec.phase), lit(rec.ordinal), lit(rec.files_sha256), lit(rec.run_at)]
        target = self.tbl(*PHASES, building=self.delta is None)
        return self.st(
            exp.Insert(
                this=exp.Schema(this=target, expressions=[ident(c[0]) for c in PHASE_COLUMNS]),
                expression=exp.select(*[exp.Cast(this=v, to=data_type(c[1])) for v, c in zip(values, PHASE_COLUMNS, strict=True)]),
            ),
            f"record phase {rec.phase}",
        )

    def phase_apply(self) -> list[Statement]:
        """A later phase's record, inside the apply's transaction."""
        if self.phase is None or self.phase.record is None or self.delta is None:
            return []
        return [self.record_phase(self.phase.record)]

    def phases_query(self) -> exp.Select:
        return exp.select(*[col(c[0]) for c in PHASE_COLUMNS]).from_(self.tbl(*PHASES)).order_by(col("ordinal"))

    # ------------------------------------------------------------ 91_phase
    def phase_accounting(self) -> Script:
        """Per map: its source rows, those this phase migrates, those no phase run so far
        migrates (an `each` map: times its slots, as its reconciliation counts them)."""
        assert self.phase is not None and self.phase.current is not None
        current = next(p for p in self.spec.phases if p.name == self.phase.current)
        s = Script("91_phase", f"phase {current.name}: per map its source rows, this phase's, and those left for later phases")
        for m in self.maps:
            src = dotted(m.source).split(".", 1)
            mine = self.phase_rows(current, m, over(ALIAS))
            selected = self.phase_selected(m, over(ALIAS))
            pending = exp.false() if selected is None else exp.Not(this=exp.Paren(this=selected))

            slots = len(m.each.items) if m.each is not None else 1  # an `each` map counts a row per slot

            def count_of(cond: exp.Expression, n: int = slots) -> exp.Expression:
                return exp.Sum(this=exp.Case().when(cond, lit(n), copy=False).else_(lit(0), copy=False))

            q = exp.select(
                exp.alias_(count_of(exp.true()), "source_rows", quoted=True),
                exp.alias_(count_of(mine), "this_phase", quoted=True),
                exp.alias_(count_of(pending), "pending", quoted=True),
            ).from_(self.tbl(src[0], src[1], ALIAS), copy=False)
            s.statements.append(self.st(q, f"{map_label(m)}: rows of phase {current.name}", m.span, query=f"phase:{map_label(m)}"))
        return s
