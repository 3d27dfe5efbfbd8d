"""End to end: the two_systems export through specs/two_systems.mig on DuckDB reproduces
truth.json exactly: every branch's accounting (the cross-system patient merges included)
and the derived values, read back with SQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from compiler.demo.two_systems import generate
from compiler.pipeline import load
from compiler.runtime.run import run

SPEC = Path(__file__).resolve().parents[2] / "specs" / "two_systems.mig"
DERIVED = ("emr.episode_activity", "emr.auth_usage")  # the aggregate targets: their numbers are checked below


@pytest.fixture(scope="module")
def two_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two")
    truth = generate(folder, patients=300, seed=11)
    db = tmp_path_factory.mktemp("target") / "two.duckdb"
    report = run(load(SPEC), folder, f"duckdb:///{db}", commit_on_fail=True)
    con = duckdb.connect(str(db), read_only=True)
    yield truth, report, con
    con.close()


def test_every_branch_matches_truth(two_run):
    truth, report, _ = two_run
    got = {(m.target, m.source): m for m in report.maps if m.target not in DERIVED}
    assert set(got) == {(t, s) for t, branches in truth["maps"].items() for s in branches}
    assert truth["patient_merges"]["B->A"] > 0
    for (target, source), m in got.items():
        w = truth["maps"][target][source]
        assert (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) == (
            w["source_rows"],
            w["loaded"],
            w["rejected"],
            w["filtered"],
            w["merged"],
        ), (target, source)
        assert m.rejected_by_reason == {r: n for r, n in w["rejected_by_reason"].items() if n}, (target, source)


def test_target_rows_and_charges(two_run):
    truth, _, con = two_run
    for target, want in truth["targets"].items():
        schema, table = target.split(".")
        assert con.execute(f'SELECT COUNT(*) FROM "{schema}"."{table}"').fetchone()[0] == want, target
    lines, units, cents = con.execute('SELECT COUNT(*), SUM("units"), SUM("amount") * 100 FROM "emr"."charge_line"').fetchone()
    c = truth["charges"]
    assert (lines, units, int(Decimal(cents))) == (c["charge_lines"], c["charge_units"], c["charge_cents"])
    evtx = con.execute(
        'SELECT COUNT(*) FROM "emr"."charge_line" WHERE "cpt" IN (\'97161\', \'97110\') AND "modifier" IS NULL AND "amount" IN (112, 48)'
    ).fetchone()[0]
    assert evtx >= c["one_to_many"]["charge_lines"] > 0


def test_payers(two_run):
    truth, _, con = two_run
    rows = con.execute('SELECT "payer_name", COUNT(*) FROM "emr"."coverage" GROUP BY 1').fetchall()
    assert dict(rows) == truth["payers"]["coverage_by_payer_name"]


def test_aggregates_numbering_and_dates(two_run):
    truth, _, con = two_run
    q = lambda sql: con.execute(sql).fetchone()  # noqa: E731
    act = truth["episode_activity"]
    assert q(
        'SELECT COUNT(*), SUM("completed_visits"), SUM("last_visit_date" - "first_visit_date"),'
        ' SUM("first_visit_date" - DATE \'1970-01-01\'), SUM("last_visit_date" - DATE \'1970-01-01\') FROM "emr"."episode_activity"'
    ) == (
        act["episodes"],
        act["completed_visits"],
        act["sum_span_days"],
        act["sum_first_visit_epoch_days"],
        act["sum_last_visit_epoch_days"],
    )
    usage = truth["authorization_usage"]
    assert q('SELECT COUNT(*), SUM("visits_used") FROM "emr"."auth_usage"') == (
        usage["authorizations"] - usage["with_no_visits_used"],
        usage["visits_used_sum"],
    )
    vn = truth["visit_numbering"]
    assert q('SELECT COUNT("visit_no"), SUM("visit_no"), MAX("visit_no") FROM "emr"."encounter"') == (
        vn["numbered_encounters"],
        vn["visit_no_sum"],
        vn["visit_no_max"],
    )
    age = truth["age_at_injury"]
    assert q('SELECT COUNT("age_at_onset"), SUM("age_at_onset") FROM "emr"."episode"') == (age["episodes"], age["sum"])
    days = truth["auth_days_remaining"]
    assert days["cutover"] == "2024-07-01"  # the date the spec states
    assert q('SELECT COUNT("days_remaining"), SUM("days_remaining") FROM "emr"."authorization"') == (
        days["authorizations"],
        days["sum"],
    )
    assert days["sum"] > 0


def test_both_systems_stage_cleanly(two_run):
    truth, report, _ = two_run
    got = {s.qualified: s for s in report.sources}
    assert set(got) == set(truth["files"])
    for table, want in truth["files"].items():
        assert (got[table].records, got[table].malformed) == (want["records"], 0), table
