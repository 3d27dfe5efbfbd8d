"""Phased runs (`run --phase NAME`): which phases a target has run, whether this one may
run, and the per-phase report with the cumulative accounting.

The rule (docs/LANGUAGE.md "Phases"): phases run in any order, each once.  Running a
recorded phase again with the same export files is a replay: it is idempotent by design
(the run builds the same rows and applies no change) and is reported as `already run`.
With other files it is refused (exit 2) unless `--force`, which applies the new export's
rows of every phase run so far.  A target a full run (no `--phase`) built holds every
phase already: a phase run on it is refused.  The SQL is compiler/sqlgen/phases.py's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from compiler import ir
from compiler.errors import UsageError
from compiler.plan.phases import ALL, PhaseInput, PhaseRecord

RUN, REPLAYED, FORCED = "run", "already run", "forced"


class PhaseRefused(UsageError):
    """A phase that cannot run on this target: unknown, run before with other files, or a
    target a full run built (exit 2)."""


@dataclass(frozen=True)
class PhasePlan:
    """How a phase runs: `later` (applied to the phases before it, as a delta) or not (the
    first phase: a full run of its rows); its input for the SQL; the verdict."""

    input: PhaseInput
    later: bool
    status: str


def plan_phase(spec: ir.Spec, name: str, recorded: list[tuple[Any, ...]], files_sha256: str, force: bool) -> PhasePlan:
    """`recorded`: (phase, ordinal, files_sha256, run_at) rows of chartshift.phases."""
    names = [p.name for p in spec.phases]
    if name not in names:
        known = ", ".join(names) if names else "none"
        raise PhaseRefused(f"unknown phase `{name}`; the spec declares: {known}")
    ran = tuple(str(r[0]) for r in recorded)
    if ALL in ran:
        raise PhaseRefused(f"phase {name}: this target was loaded by a full run (every phase's rows); run without --phase")
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    record = PhaseRecord(name, len(ran) + 1, files_sha256, now)
    for phase, _ordinal, digest, _at in recorded:
        if str(phase) == name:
            if str(digest) == files_sha256:
                return PhasePlan(PhaseInput(ran, name, None), True, REPLAYED)
            if not force:
                raise PhaseRefused(
                    f"phase {name} was run before with other export files (sha256 {str(digest)[:12]}..., now {files_sha256[:12]}...); "
                    "refused (--force applies this export's rows of every phase run so far)"
                )
            return PhasePlan(PhaseInput(ran, name, None), True, FORCED)
    return PhasePlan(PhaseInput(ran, name, record), bool(ran), RUN)


def delta_phases(recorded: list[tuple[Any, ...]]) -> PhaseInput | None:
    """A delta run on a phased target keeps to the phases run so far (None: all rows)."""
    ran = tuple(str(r[0]) for r in recorded)
    if not ran or ALL in ran:
        return None
    return PhaseInput(ran)


@dataclass
class PhaseCounts:
    """One map across the phases run so far: its source rows = loaded + rejected + filtered
    + merged + aggregated + pending (rows of phases not run yet)."""

    map: str
    source_rows: int
    this_phase: int  # rows the phase selects (whatever became of them)
    loaded: int
    rejected: int
    filtered: int  # by the map's own `where` / `each ... when`
    merged: int
    aggregated: int
    pending: int
    not_migrated_yet: int  # of the rejected: a reference into a phase not run yet

    @property
    def balanced(self) -> bool:
        return self.source_rows == self.loaded + self.rejected + self.filtered + self.merged + self.aggregated + self.pending


@dataclass
class PhaseSummary:
    """A phase run: which phase, its verdict, the phases run and left, per map the
    cumulative accounting, per target table this phase's changes."""

    phase: str
    status: str
    ran: list[str]
    pending: list[str]
    maps: list[PhaseCounts] = field(default_factory=list)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "status": self.status,
            "phases_run": self.ran,
            "phases_pending": self.pending,
            "maps": [{**asdict(m), "balanced": m.balanced} for m in self.maps],
            "tables": [{"table": t, **c} for t, c in self.changes.items()],
        }


def summarize(plan: PhasePlan, spec: ir.Spec, maps: list[Any], rows: dict[str, tuple[Any, ...]]) -> PhaseSummary:
    """The 91_phase results (source rows, this phase's, pending) with each map's reconciliation."""
    current = plan.input.current
    assert current is not None
    ran = [p.name for p in plan.input.covered(spec)]
    out = PhaseSummary(current, plan.status, ran, [p.name for p in plan.input.pending(spec)])
    for m in maps:
        source_rows, this_phase, pending = (int(v or 0) for v in rows[f"phase:{m.map}"])
        out.maps.append(
            PhaseCounts(
                m.map,
                source_rows,
                this_phase,
                m.loaded,
                m.rejected,
                m.filtered - pending,
                m.merged,
                m.aggregated,
                pending,
                m.rejected_by_code.get("not_migrated_yet", 0),
            )
        )
    for key, row in rows.items():
        if key.startswith("changes:"):
            out.changes[key[8:]] = dict(zip(("inserted", "updated", "removed"), [int(v or 0) for v in row], strict=True))
    return out


def print_phase(s: PhaseSummary, console: Console) -> None:
    left = ", ".join(s.pending) or "none"
    console.print(f"phase {escape(s.phase)}: {s.status}; phases run: {escape(', '.join(s.ran))}; left: {escape(left)}", highlight=False)
    terms = ("loaded", "rejected", "filtered", "merged", "aggregated", "pending")
    t = Table(title="cumulative accounting: source rows = " + " + ".join(terms), title_justify="left")
    for h in ("map", "source rows", "this phase", *terms, "not migrated yet", "balanced"):
        t.add_column(h, justify="left" if h == "map" else "right")
    for m in s.maps:
        ok = "[green]yes[/]" if m.balanced else "[bold red]NO[/]"
        cells = [f"{int(getattr(m, k)):,}" for k in ("source_rows", "this_phase", *terms, "not_migrated_yet")]
        t.add_row(escape(m.map), *cells, ok)
    console.print(t)
    if s.changes:
        ct = Table(title=f"target changes of phase {escape(s.phase)}", title_justify="left")
        for h in ("table", "inserted", "updated", "removed"):
            ct.add_column(h, justify="left" if h == "table" else "right")
        for name, c in s.changes.items():
            ct.add_row(escape(name), *[f"{c[k]:,}" for k in ("inserted", "updated", "removed")])
        console.print(ct)
