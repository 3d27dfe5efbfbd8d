"""End to end: the demo export through `chartshift run` on DuckDB must reproduce truth.json."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import duckdb
import pytest

from compiler.cli.main import main
from compiler.ir.reasons import PARSE_CODES
from compiler.pipeline import load
from compiler.runtime.run import run
from tests.conftest import DEMO_SPEC


@pytest.fixture(scope="module")
def demo_run(demo_export, tmp_path_factory):
    folder, truth = demo_export
    db = tmp_path_factory.mktemp("target") / "demo.duckdb"
    report = run(load(DEMO_SPEC), folder, f"duckdb:///{db}", commit_on_fail=True)
    return folder, truth, report, db


def test_every_map_matches_truth(demo_run):
    _, truth, report, _ = demo_run
    got = {m.target: m for m in report.maps}
    assert set(got) == set(truth["maps"])
    for target, want in truth["maps"].items():
        m = got[target]
        assert (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) == (
            want["source_rows"],
            want["loaded"],
            want["rejected"],
            want["filtered"],
            want["merged"],
        ), target
        assert m.balanced
        assert m.rejected_by_reason == {r: n for r, n in want["rejected_by_reason"].items() if n}, target


def test_sources_match_truth(demo_run):
    _, truth, report, _ = demo_run
    got = {s.qualified: s for s in report.sources}
    for table, want in truth["files"].items():
        assert (got[table].records, got[table].malformed) == (want["records"], want["malformed"]), table


def test_totals_match_truth(demo_run):
    _, truth, _, db = demo_run
    con = duckdb.connect(str(db), read_only=True)
    lines, units, cents = con.execute('SELECT COUNT(*), SUM("units"), SUM("amount") * 100 FROM "emr"."charge_line"').fetchone()
    diagnoses = con.execute('SELECT COUNT(*) FROM "emr"."diagnosis"').fetchone()[0]
    notes = con.execute('SELECT COUNT(*) FROM "emr"."clinical_note"').fetchone()[0]
    con.close()
    t = truth["totals"]
    assert (lines, units, int(Decimal(cents))) == (t["charge_lines"], t["charge_units"], t["charge_cents"])
    assert diagnoses == t["diagnosis_rows"]
    assert notes == t["notes"]


def test_note_text_is_byte_identical(demo_run):
    folder, _, _, db = demo_run
    with open(folder / "NOTES.csv", encoding="utf-8-sig", newline="") as fh:
        source = {r["note_id"]: r["note_text"] for r in csv.DictReader(fh)}
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        'SELECT x."legacy_key", n."body" FROM "emr"."clinical_note" n '
        'JOIN "chartshift"."xwalk__emr__clinical_note" x ON x."target_id" = n."id"'
    ).fetchall()
    con.close()
    assert rows, "no notes loaded"
    for key, body in rows:
        assert body == source[key]
    assert any("\r\n" in body for _, body in rows)
    assert any(ch in body for _, body in rows for ch in "üé“")


def test_malformed_lines_are_rejects_with_line_numbers(demo_run):
    _, _, _, db = demo_run
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        'SELECT "source_table", "record", "reason_code", "original_row", "source_line", "byte_offset" '
        'FROM "chartshift"."rejects" WHERE "rule" = \'malformed\''
    ).fetchall()
    con.close()
    assert len(rows) == 2
    assert {r[0] for r in rows} == {"legacy.patients"}
    assert all(r[1] == r[4] > 1 and r[2] in PARSE_CODES and r[3] and r[5] > 0 for r in rows)


def test_rerun_keeps_ids(demo_export, tmp_path):
    folder, _ = demo_export
    db = tmp_path / "again.duckdb"
    compiled = load(DEMO_SPEC)
    run(compiled, folder, f"duckdb:///{db}", commit_on_fail=True)
    con = duckdb.connect(str(db))
    first = con.execute('SELECT "legacy_key", "target_id" FROM "chartshift"."xwalk__emr__patient" ORDER BY 1').fetchall()
    con.close()
    run(compiled, folder, f"duckdb:///{db}", commit_on_fail=True)
    con = duckdb.connect(str(db))
    second = con.execute('SELECT "legacy_key", "target_id" FROM "chartshift"."xwalk__emr__patient" ORDER BY 1').fetchall()
    patients = con.execute('SELECT COUNT(*) FROM "emr"."patient"').fetchone()[0]
    loaded = con.execute('SELECT COUNT(*) FROM "chartshift"."xwalk__emr__patient" WHERE "state" = \'loaded\'').fetchone()[0]
    con.close()
    assert first == second
    assert patients == loaded > 0


def test_merged_duplicates_resolve_to_survivor(demo_run):
    _, _, _, db = demo_run
    con = duckdb.connect(str(db), read_only=True)
    merged = con.execute(
        'SELECT m."target_id", s."target_id" FROM "chartshift"."xwalk__emr__patient" m '
        'JOIN "chartshift"."xwalk__emr__patient" s ON s."own_id" = m."target_id" AND s."state" = \'loaded\' '
        "WHERE m.\"state\" = 'merged'"
    ).fetchall()
    dangling = con.execute(
        'SELECT COUNT(*) FROM "emr"."encounter" e LEFT JOIN "emr"."patient" p ON p."id" = e."patient_id" WHERE p."id" IS NULL'
    ).fetchone()[0]
    con.close()
    assert merged and all(a == b for a, b in merged)
    assert dangling == 0


def test_cli_run_writes_report_and_exit_code(demo_export, tmp_path, capsys):
    folder, truth = demo_export
    report = tmp_path / "report.json"
    code = main(["run", str(DEMO_SPEC), "--source", str(folder), "--target", f"duckdb:///{tmp_path / 't.duckdb'}", "--report", str(report)])
    data = json.loads(report.read_text())
    assert code == (1 if data["status"] == "fail" else 0)
    assert {m["target"] for m in data["maps"]} == set(truth["maps"])
    for m in data["maps"]:
        assert set(m) >= {"source_rows", "loaded", "rejected", "filtered", "merged", "balanced"}
    for c in data["checks"]:
        assert set(c) >= {"name", "status", "count", "denominator", "percent", "threshold"}
    out = capsys.readouterr().out
    assert "accounting" in out


def test_the_report_shows_column_coverage(demo_run):
    *_, report, _ = demo_run
    cov = {c["table"]: c for c in report.to_dict()["coverage"]}
    assert set(cov) == {f"legacy.{t}" for t in ("patients", "providers", "payers", "policies", "cases", "auths", "visits", "notes")}
    assert all(c["unmapped"] == [] and c["percent"] == 100.0 for c in cov.values())
    assert len(cov["legacy.patients"]["used"]) == 14
