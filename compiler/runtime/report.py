"""The run report: JSON for machines and compliance files, a terminal summary for people.

Schema (version 1):
  {"report_version": 1, "chartshift": str, "spec": str, "spec_sha256": str, "target": str,
   "dialect": str, "started_at": ISO-8601 UTC, "duration_seconds": float,
   "status": "pass" | "warn" | "fail", "committed": bool,
   "sources": [{"table", "file", "records", "staged", "malformed", "malformed_by_code": {code: count}}],
   "maps": [{"map", "source", "target", "source_rows", "loaded", "rejected", "filtered",
             "merged", "aggregated", "balanced", "rejected_by_reason": {reason: count},
             "rejected_by_code": {reason code: count}}],
   "targets": [{"target", "maps": [map], "source_rows", "loaded", "rejected", "filtered",
                "merged", "aggregated", "balanced"}]   (one per target table a map fills: the sums
                over its maps, several when the target is a union of sources)
   "checks": [{"name", "kind", "line", "status", "count", "denominator", "percent",
               "threshold": {"warn"?: str, "fail"?: str}, "left"?, "right"?}],
   "reject_samples": [{"map", "source_table", "reason_code", "reason", "record", "slot",
                       "source_key" (a key of phi columns "***"), "source_file",
                       "source_line", "byte_offset"[, "original_row" with --show-phi]}],
   "coverage": [{"table", "used": [column], "ignored": [column], "unmapped": [column],
                 "percent"}],   (column coverage per source table, semantic/coverage.py)
   "limits": [{"limit", "subject", "rejected", "records", "exceeded"}],   (`--max-rejects`;
       any exceeded: status "fail", committed false: the target was not published)
   "delta"?: {"extract", "sequence", "files_sha256", "status": "applied" | "already applied" |
       "forced", "changes": int, "maps": [{"map", "delta_rows", "inserted", "updated",
       "deleted", "unchanged", "rejected", "filtered", "merged", "balanced"}],
       "tables": [{"table", "inserted", "updated", "removed"}], "unaccounted_maps": [map]}
       (`run --delta`; an unbalanced map fails the run)
   "timings": [{"step", "seconds"}]   (in run order: setup, `stage:<table>`, each script, `locate
       rejects`, `report`, finish)
   "phase"?: {"phase", "status": "run" | "already run" | "forced", "phases_run": [phase],
       "phases_pending": [phase], "maps": [{"map", "source_rows", "this_phase", "loaded",
       "rejected", "filtered", "merged", "aggregated", "pending", "not_migrated_yet",
       "balanced"}], "tables": [{"table", "inserted", "updated", "removed"}]}
       (`run --phase`: the cumulative accounting of the phases run so far; unbalanced fails)
   "audit": {"log": str, "events": int, "head": sha256}}   (`chartshift run`: the anchor of
   the run's own audit event, its line number and line hash; `audit verify --anchor REPORT`)
Samples carry positions, keys and reason codes, never row values (`--show-phi` adds the
record's text).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from compiler.runtime.engines.base import StageResult
from compiler.runtime.limits import LimitResult
from compiler.runtime.phases import PhaseSummary, print_phase
from compiler.runtime.validate import FAIL, NA, PASS, WARN, CheckResult
from compiler.semantic.coverage import TableCoverage

REPORT_VERSION = 1


@dataclass
class MapCounts:
    """The accounting identity of one map."""

    map: str
    source: str
    target: str
    source_rows: int
    loaded: int
    rejected: int
    filtered: int
    merged: int
    aggregated: int = 0  # rows folded into their group's one row (`group by` / `distinct by` maps)
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    rejected_by_code: dict[str, int] = field(default_factory=dict)  # reason code -> rows (docs/LANGUAGE.md "Reason codes")

    @property
    def balanced(self) -> bool:
        return self.source_rows == self.loaded + self.rejected + self.filtered + self.merged + self.aggregated


@dataclass
class TargetCounts:
    """The accounting of one target table: the sums over the maps filling it (a union of
    sources has several; each map balances on its own, so their sums balance too)."""

    target: str
    maps: list[MapCounts]

    def total(self, term: str) -> int:
        return sum(int(getattr(m, term)) for m in self.maps)

    @property
    def balanced(self) -> bool:
        return all(m.balanced for m in self.maps) and self.total("source_rows") == sum(self.total(t) for t in TERMS[1:])


TERMS = ("source_rows", "loaded", "rejected", "filtered", "merged", "aggregated")
DELTA_TERMS = ("inserted", "updated", "deleted", "unchanged", "rejected", "filtered", "merged")


@dataclass
class DeltaCounts:
    """The delta accounting of one map: what became of each row of its source's extract."""

    map: str
    delta_rows: int
    inserted: int
    updated: int
    deleted: int
    unchanged: int
    rejected: int
    filtered: int
    merged: int

    @property
    def balanced(self) -> bool:
        return self.delta_rows == sum(int(getattr(self, t)) for t in DELTA_TERMS)


@dataclass
class DeltaSummary:
    """A delta run: the extract, whether it was new, each map's accounting, each target
    table's changes (rows inserted, updated, removed: deleted or marked)."""

    extract_id: str
    sequence: int | None
    files_sha256: str
    status: str  # applied | already applied | forced
    maps: list[DeltaCounts] = field(default_factory=list)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    unaccounted: list[str] = field(default_factory=list)  # maps of flagged sources without row-by-row accounting

    @property
    def total_changes(self) -> int:
        return sum(sum(c.values()) for c in self.changes.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "extract": self.extract_id,
            "sequence": self.sequence,
            "files_sha256": self.files_sha256,
            "status": self.status,
            "changes": self.total_changes,
            "maps": [{**asdict(m), "balanced": m.balanced} for m in self.maps],
            "tables": [{"table": t, **c} for t, c in self.changes.items()],
            "unaccounted_maps": self.unaccounted,
        }


@dataclass
class Report:
    chartshift: str
    spec: str
    spec_sha256: str
    target: str
    dialect: str
    started_at: str
    duration_seconds: float
    committed: bool
    sources: list[StageResult]
    maps: list[MapCounts]
    checks: list[CheckResult]
    reject_samples: list[dict[str, Any]] = field(default_factory=list)
    audit: dict[str, Any] | None = None  # the run's audit-log anchor (compiler/ops/secure/audit.py event_anchor)
    limits: list[LimitResult] = field(default_factory=list)  # `--max-rejects` (compiler/runtime/limits.py)
    delta: DeltaSummary | None = None  # `run --delta`
    coverage: tuple[TableCoverage, ...] = ()  # column coverage per source table (semantic/coverage.py)
    database_user: str | None = None  # who the run connected as (the audit log's; not in the JSON report)
    timings: dict[str, float] = field(default_factory=dict)  # step (script, `stage:<table>`, `report`) -> seconds
    phase: PhaseSummary | None = None  # `run --phase` (compiler/runtime/phases.py)

    @property
    def refused(self) -> bool:
        """Over a `--max-rejects` limit: the run is not published."""
        return any(r.exceeded for r in self.limits)

    @property
    def targets(self) -> list[TargetCounts]:
        """Per target table, in the order its first map ran."""
        by_target: dict[str, TargetCounts] = {}
        for m in self.maps:
            by_target.setdefault(m.target, TargetCounts(m.target, [])).maps.append(m)
        return list(by_target.values())

    @property
    def status(self) -> str:
        delta_broken = self.delta is not None and any(not m.balanced for m in self.delta.maps)
        delta_broken = delta_broken or (self.phase is not None and any(not m.balanced for m in self.phase.maps))
        if any(not m.balanced for m in self.maps) or any(c.status == FAIL for c in self.checks) or self.refused or delta_broken:
            return FAIL
        if any(c.status == WARN for c in self.checks):
            return WARN
        return PASS

    def to_dict(self) -> dict[str, Any]:
        return {
            "report_version": REPORT_VERSION,
            "chartshift": self.chartshift,
            "spec": self.spec,
            "spec_sha256": self.spec_sha256,
            "target": self.target,
            "dialect": self.dialect,
            "started_at": self.started_at,
            "duration_seconds": round(self.duration_seconds, 3),
            "status": self.status,
            "committed": self.committed,
            "sources": [
                {
                    "table": s.qualified,
                    "file": s.file,
                    "records": s.records,
                    "staged": s.staged,
                    "malformed": s.malformed,
                    "malformed_by_code": s.malformed_by_code(),
                }
                for s in self.sources
            ],
            "maps": [
                {
                    "map": m.map,
                    "source": m.source,
                    "target": m.target,
                    "source_rows": m.source_rows,
                    "loaded": m.loaded,
                    "rejected": m.rejected,
                    "filtered": m.filtered,
                    "merged": m.merged,
                    "aggregated": m.aggregated,
                    "balanced": m.balanced,
                    "rejected_by_reason": dict(sorted(m.rejected_by_reason.items())),
                    "rejected_by_code": dict(sorted(m.rejected_by_code.items())),
                }
                for m in self.maps
            ],
            "targets": [
                {"target": t.target, "maps": [m.map for m in t.maps], **{k: t.total(k) for k in TERMS}, "balanced": t.balanced}
                for t in self.targets
            ],
            "checks": [{k: v for k, v in asdict(c).items() if v is not None or k == "percent"} for c in self.checks],
            "reject_samples": self.reject_samples,
            "coverage": [c.as_json() for c in self.coverage],
            "limits": [asdict(r) for r in self.limits],
            "timings": [{"step": k, "seconds": round(v, 3)} for k, v in self.timings.items()],
            **({"delta": self.delta.to_dict()} if self.delta is not None else {}),
            **({"phase": self.phase.to_dict()} if self.phase is not None else {}),
            **({"audit": self.audit} if self.audit is not None else {}),
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n", encoding="utf-8")


def show_percent(p: float | None) -> str:
    """Never rounds a non-zero share to 0: 3 in 1.86 M shows as 0.00016%."""
    if p is None:
        return "-"
    if p == 0:
        return "0%"
    if p >= 0.01:
        return f"{p:.2f}%"
    return f"{p:.2g}%"


def stated_share(c: CheckResult) -> str:
    """The share a check's threshold is stated on: `below X%` is about the passing rows
    (completeness 97.5% passing against `fail below 95%`), `above` about the violating ones."""
    if c.percent is None:
        return "-"
    if any(v.startswith("below") for v in c.threshold.values()):
        passing = 100 - c.percent
        text = show_percent(passing)
        return f"{text if passing == 100 or text != '100.00%' else f'{passing:.6g}%'} passing"
    return f"{show_percent(c.percent)} violating"


STATUS_STYLE = {PASS: "green", WARN: "yellow", FAIL: "bold red", NA: "dim"}


def print_summary(report: Report, console: Console) -> None:
    src = Table(title="sources", title_justify="left")
    for h in ("table", "file", "records", "staged", "malformed"):
        src.add_column(h, justify="right" if h in ("records", "staged", "malformed") else "left")
    for s in report.sources:
        src.add_row(s.qualified, s.file, f"{s.records:,}", f"{s.staged:,}", f"{s.malformed:,}")
    console.print(src)

    maps = Table(title="accounting: source rows = loaded + rejected + filtered + merged + aggregated", title_justify="left")
    for h in ("map", "source rows", "loaded", "rejected", "filtered", "merged", "aggregated", "balanced"):
        maps.add_column(h, justify="left" if h == "map" else "right")
    for m in report.maps:
        ok = "[green]yes[/]" if m.balanced else "[bold red]NO[/]"
        maps.add_row(
            m.map, f"{m.source_rows:,}", f"{m.loaded:,}", f"{m.rejected:,}", f"{m.filtered:,}", f"{m.merged:,}", f"{m.aggregated:,}", ok
        )
    console.print(maps)

    unions = [t for t in report.targets if len(t.maps) > 1]
    if unions:  # targets filled from several sources: their sums (every map's own line is above)
        tt = Table(title="accounting per target filled by several maps", title_justify="left")
        for h in ("target", "maps", "source rows", "loaded", "rejected", "filtered", "merged", "aggregated", "balanced"):
            tt.add_column(h, justify="left" if h == "target" else "right")
        for t in unions:
            ok = "[green]yes[/]" if t.balanced else "[bold red]NO[/]"
            tt.add_row(t.target, str(len(t.maps)), *[f"{t.total(k):,}" for k in TERMS], ok)
        console.print(tt)

    reasons = [(m.map, r, n) for m in report.maps for r, n in sorted(m.rejected_by_reason.items())]
    if reasons:
        rt = Table(title="rejected by reason", title_justify="left")
        for h in ("map", "reason", "rows"):
            rt.add_column(h, justify="right" if h == "rows" else "left")
        for mp, r, n in reasons:
            rt.add_row(mp, r, f"{n:,}")
        console.print(rt)

    print_coverage(report.coverage, console)
    if report.checks:
        ct = Table(title="validation", title_justify="left")
        for h in ("line", "check", "count", "of", "share", "threshold", "verdict"):
            ct.add_column(h, justify="right" if h in ("line", "count", "of", "share") else "left")
        for c in report.checks:
            th = ", ".join(f"{k} {v}" for k, v in c.threshold.items())
            count = f"{c.count:,}" if isinstance(c.count, int) else f"{c.count:,.2f}"
            denom = f"{c.denominator:,}" if isinstance(c.denominator, int) else f"{c.denominator:,.2f}"
            ct.add_row(str(c.line), c.name, count, denom, stated_share(c), th, f"[{STATUS_STYLE[c.status]}]{c.status}[/]")
        console.print(ct)
    if report.limits:
        lt = Table(title="reject limits (--max-rejects)", title_justify="left")
        for h in ("limit", "subject", "rejected", "of", "percent", "verdict"):
            lt.add_column(h, justify="right" if h in ("rejected", "of", "percent") else "left")
        for lr in report.limits:
            pct = show_percent(lr.rejected * 100 / lr.records if lr.records else None)
            mark = "[bold red]EXCEEDED[/]" if lr.exceeded else "[green]within[/]"
            lt.add_row(escape(lr.limit), escape(lr.subject), f"{lr.rejected:,}", f"{lr.records:,}", pct, mark)
        console.print(lt)
        for lr in report.limits:
            if lr.exceeded:
                console.print(f"[bold red]REFUSED[/] {escape(lr.message())}: the target was not published", highlight=False)
    if report.delta is not None:
        print_delta(report.delta, console)
    if report.phase is not None:
        print_phase(report.phase, console)
    verdict = report.status
    note = "" if report.committed else " (target left unchanged: the run was rolled back)"
    if report.refused:
        note = " (target left unchanged: over a --max-rejects limit)"
    console.print(f"[{STATUS_STYLE[verdict]}]{verdict.upper()}[/]{note}  in {report.duration_seconds:.1f}s")


def print_coverage(coverage: tuple[TableCoverage, ...], console: Console) -> None:
    """Column coverage per source table: how many columns are used, ignored, unmapped (named)."""
    if not coverage:
        return
    ct = Table(title="column coverage: used + ignored + unmapped", title_justify="left")
    for h in ("table", "used", "ignored", "unmapped", "covered"):
        ct.add_column(h, justify="left" if h == "table" else "right")
    for c in coverage:
        unmapped = f"[yellow]{len(c.unmapped)}: {escape(', '.join(c.unmapped))}[/]" if c.unmapped else "0"
        ct.add_row(c.table, str(len(c.used)), str(len(c.ignored)), unmapped, f"{c.percent:g}%")
    console.print(ct)


def print_delta(d: DeltaSummary, console: Console) -> None:
    seq = "" if d.sequence is None else f", sequence {d.sequence}"
    console.print(f"extract {escape(d.extract_id)}{seq}: {d.status}; {d.total_changes:,} change(s)", highlight=False)
    dt = Table(title="delta accounting: delta rows = " + " + ".join(DELTA_TERMS), title_justify="left")
    for h in ("map", "delta rows", *DELTA_TERMS, "balanced"):
        dt.add_column(h, justify="left" if h == "map" else "right")
    for m in d.maps:
        ok = "[green]yes[/]" if m.balanced else "[bold red]NO[/]"
        dt.add_row(m.map, f"{m.delta_rows:,}", *[f"{int(getattr(m, t)):,}" for t in DELTA_TERMS], ok)
    console.print(dt)
    ct = Table(title="target changes", title_justify="left")
    for h in ("table", "inserted", "updated", "removed"):
        ct.add_column(h, justify="left" if h == "table" else "right")
    for t, c in d.changes.items():
        ct.add_row(t, *[f"{c[k]:,}" for k in ("inserted", "updated", "removed")])
    console.print(ct)
    for label in d.unaccounted:
        console.print(
            f"{escape(label)}: its delta rows are counted in the target changes only (docs/LANGUAGE.md, Delta runs)", highlight=False
        )
