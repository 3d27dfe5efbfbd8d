"""A run of the join_many conformance spec: the report counts every row a `join many`
emits as a source row of its map, and an ambiguous plain join is rejected with the stable
rule id `ambiguous_match` and the count of matches in its reason."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from compiler.cli.main import main

SPEC = Path(__file__).resolve().parents[1] / "conformance" / "specs" / "join_many.mig"

FILES = {
    "VISITS.csv": "visit_id,code,payer_id\nV1,A,P1\nV2,B,P2\nV3,C,P1\n",
    "CODE_MAP.csv": "legacy_code,std_code,active,payer_id\nA,X1,,\nA,X2,,\nA,X3,N,\nB,Z1,,\n",
    "PAYERS.csv": "payer_id,name\nP1,Acme\nP2,Beta\nP2,Beta again\n",
}


def test_run_report_counts_join_many_rows_and_names_ambiguous_matches(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    target, report = tmp_path / "t.duckdb", tmp_path / "report.json"
    rc = main(["run", str(SPEC), "--source", str(tmp_path), "--target", f"duckdb:///{target}", "--report", str(report)])
    assert rc == 0
    maps = {m["target"]: m for m in json.loads(report.read_text(encoding="utf-8"))["maps"]}
    # V1 matches three codes, V2 one, V3 none: 3 + 1 + 1 rows; X3 is filtered by `where`
    code = maps["emr.visit_code"]
    assert (code["source_rows"], code["loaded"], code["filtered"], code["balanced"]) == (5, 4, 1, True)
    assert maps["emr.visit_line"]["source_rows"] == 5
    # with `each` (two items): every (match, slot) is a row
    assert maps["emr.visit_slot"]["source_rows"] == 10
    # a plain join never multiplies: V2's two payers reject it, once
    visit = maps["emr.visit"]
    assert (visit["source_rows"], visit["loaded"], visit["rejected"]) == (3, 2, 1)
    assert visit["rejected_by_reason"] == {"ambiguous match (2 rows of legacy.payers)": 1}
    with duckdb.connect(str(target), read_only=True) as con:
        rows = con.execute("select source_key, rule, reason from chartshift.rejects where map = 'legacy.visits -> emr.visit'").fetchall()
        assert rows == [("V2", "ambiguous_match", "ambiguous match (2 rows of legacy.payers)")]
        lines = con.execute("select visit_id, std_code from emr.visit_line order by visit_id, std_code").fetchall()
        assert lines == [("V1", "X1"), ("V1", "X2"), ("V1", "X3"), ("V2", "Z1"), ("V3", None)]
