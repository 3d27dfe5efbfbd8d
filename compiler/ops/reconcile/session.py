"""One reconcile: derive the expected target, open both sides, compare every target table."""

from __future__ import annotations

import time
from pathlib import Path

from compiler.ops.reconcile.compare import compare_table
from compiler.ops.reconcile.derive import changed_at, expected_target, hashed_tables
from compiler.ops.reconcile.output import ReconcileReport
from compiler.ops.secure.keys import Key
from compiler.pipeline import Compiled
from compiler.runtime import progress
from compiler.runtime.engines import open_engine
from compiler.runtime.scratch import private_folder


def reconcile(
    compiled: Compiled,
    live_url: str,
    source_dir: Path | None,
    since: str | None = None,
    show_values: bool = False,
    backup: Path | None = None,
    key: Key | None = None,
) -> ReconcileReport:
    """Compare the live target at `live_url` with what the spec makes of the source now."""
    live = open_engine(live_url)  # unreachable: fail before the (long) derivation
    try:
        report = ReconcileReport(compiled.display, compiled.sha256, live.display_url, since, changed_at(compiled.spec))
        with expected_target(compiled, source_dir, backup, key) as url, private_folder("reconcile") as work:
            expected = open_engine(url)
            try:
                pairs = zip(hashed_tables(compiled, expected.dialect), hashed_tables(compiled, live.dialect), strict=True)
                for mine, theirs in pairs:
                    step = f"reconcile {mine.name}"
                    progress.current().step(step)
                    started = time.perf_counter()
                    diff = compare_table(expected, live, mine, theirs, work, since, show_values)
                    progress.current().statement(step, time.perf_counter() - started, rows=diff.expected_rows + diff.live_rows)
                    report.tables.append(diff)
            finally:
                expected.close()
        return report
    finally:
        live.rollback()
        live.close()
