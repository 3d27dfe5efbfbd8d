"""The reconcile report: JSON that is the same from one day to the next when nothing
changed (sorted rows, no times), and a terminal summary.

Schema (version 1):
  {"reconcile_version": 1, "spec": str, "spec_sha256": str, "target": str (no password),
   "since": str | null, "changed_at": str | null, "status": "no drift" | "drift",
   "totals": {"missing", "extra", "changed", "expected_drift"},
   "tables": [{"table", "key": [column], "expected_rows", "live_rows", "differing_segments",
               "status", "missing": [row], "extra": [row], "changed": [row],
               "expected_drift": {"extra": [row], "changed": [row]}}]}
  row: {"key": canonical key text ("***" when a key column is phi, unless --show-values),
        "columns"?: [changed column], "values"?: {column: {"expected", "live"}} (--show-values)}
Rows are sorted by key.  No row values without --show-values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from compiler.ops.reconcile.compare import RowDiff, TableDiff

REPORT_VERSION = 1
SHOWN = 20  # rows per list in the terminal (all of them in --json)


@dataclass
class ReconcileReport:
    spec: str
    spec_sha256: str
    target: str
    since: str | None
    changed_at: str | None
    tables: list[TableDiff] = field(default_factory=list)

    @property
    def drifted(self) -> bool:
        return any(t.drifted for t in self.tables)

    @property
    def status(self) -> str:
        return "drift" if self.drifted else "no drift"

    def totals(self) -> dict[str, int]:
        return {
            "missing": sum(len(t.missing) for t in self.tables),
            "extra": sum(len(t.extra) for t in self.tables),
            "changed": sum(len(t.changed) for t in self.tables),
            "expected_drift": sum(len(t.drift_extra) + len(t.drift_changed) for t in self.tables),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "reconcile_version": REPORT_VERSION,
            "spec": self.spec,
            "spec_sha256": self.spec_sha256,
            "target": self.target,
            "since": self.since,
            "changed_at": self.changed_at,
            "status": self.status,
            "totals": self.totals(),
            "tables": [t.as_json() for t in self.tables],
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def rows_line(rows: list[RowDiff]) -> str:
    shown = [escape(r.key) + (f" ({', '.join(r.columns)})" if r.columns else "") for r in rows[:SHOWN]]
    more = f", ... {len(rows) - SHOWN:,} more (all in --json)" if len(rows) > SHOWN else ""
    return ", ".join(shown) + more


def print_reconcile(report: ReconcileReport, console: Console) -> None:
    t = Table(title="reconcile: expected (re-derived from the source) vs live target", title_justify="left")
    for h in ("table", "expected", "live", "segments", "missing", "extra", "changed", "expected drift", "verdict"):
        t.add_column(h, justify="left" if h in ("table", "verdict") else "right")
    for d in report.tables:
        verdict = "[bold red]drift[/]" if d.drifted else "[green]no drift[/]"
        drift = len(d.drift_extra) + len(d.drift_changed)
        t.add_row(
            d.table,
            f"{d.expected_rows:,}",
            f"{d.live_rows:,}",
            str(d.segments),
            f"{len(d.missing):,}",
            f"{len(d.extra):,}",
            f"{len(d.changed):,}",
            f"{drift:,}",
            verdict,
        )
    console.print(t)
    for d in report.tables:
        for label, rows in (("missing", d.missing), ("extra", d.extra), ("changed", d.changed)):
            if rows:
                console.print(f"{d.table} {label}: {rows_line(rows)}", highlight=False)
        for label, rows in (("extra", d.drift_extra), ("changed", d.drift_changed)):
            if rows:
                console.print(f"{d.table} expected drift ({label} since {escape(report.since or '')}): {rows_line(rows)}", highlight=False)
        for r in d.changed + d.drift_changed:
            for column, v in (r.values or {}).items():
                console.print(
                    f"  {escape(r.key)}.{column}: expected {escape(v['expected'])!r}, live {escape(v['live'])!r}", highlight=False
                )
    style = "bold red" if report.drifted else "green"
    console.print(f"[{style}]{report.status.upper()}[/]", highlight=False)
