"""End to end: a full load of the demo's final/ export (full + every delta) on DuckDB must
reproduce final/truth.json, so the delta truth is anchored to a real run, not only to the
generator's reference."""

from __future__ import annotations

from decimal import Decimal

import duckdb

from compiler.demo.deltas import generate_deltas
from compiler.pipeline import load
from compiler.runtime.run import run
from tests.conftest import DEMO_SPEC


def test_final_export_run_matches_final_truth(tmp_path):
    truths = generate_deltas(tmp_path / "demo", patients=200, seed=7, deltas=2)
    final = truths["final"]
    db = tmp_path / "final.duckdb"
    report = run(load(DEMO_SPEC), tmp_path / "demo" / "final", f"duckdb:///{db}", commit_on_fail=True)
    got = {m.target: m for m in report.maps}
    assert set(got) == set(final["maps"])
    for target, want in final["maps"].items():
        m = got[target]
        assert (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) == (
            want["source_rows"],
            want["loaded"],
            want["rejected"],
            want["filtered"],
            want["merged"],
        ), target
        assert m.rejected_by_reason == {r: n for r, n in want["rejected_by_reason"].items() if n}, target
    con = duckdb.connect(str(db), read_only=True)
    lines, cents = con.execute('SELECT COUNT(*), SUM("amount") * 100 FROM "emr"."charge_line"').fetchone()
    patients = con.execute('SELECT COUNT(*) FROM "emr"."patient"').fetchone()[0]
    con.close()
    assert (lines, int(Decimal(cents))) == (final["totals"]["charge_lines"], final["totals"]["charge_cents"])
    # the deltas really moved the export: final differs from full where the deltas say so
    net = sum(
        truths[f"delta_{i}"]["changes"]["emr.patient"]["inserted"] - truths[f"delta_{i}"]["changes"]["emr.patient"]["deleted"]
        for i in (1, 2)
    )
    assert net > 0
    assert patients == truths["full"]["maps"]["emr.patient"]["loaded"] + net
