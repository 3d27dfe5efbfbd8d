"""The accounting of `group by` / `distinct by` maps, exactly, on every engine: rows folded
into their group's one row are counted as `aggregated` by the reconciliation SQL, and the
identity source rows = loaded + rejected + filtered + merged + aggregated holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compiler.cli.main import main

SPEC = Path(__file__).resolve().parents[2] / "conformance" / "specs" / "group_by.mig"

VISITS = """visit_id,pat_no,visit_dt,units,amount,therapist,address,city,status
V1,P1,2024-13-45,1,,amy,1 Main,B,A
V2,P1,2024-01-02,1,,amy,1 Main,B,A
V3,P1,2024-01-03,2,,bob,1 main,b,A
V4,P3,2024-01-03,1,,bob,2 Elm,S,C
V5,P3,2024-01-04,2,,bob,2 Elm,S,C
V6,P4,2024-01-05,3,,cy,,,X
V7,,2024-01-05,3,,cy,3 Oak,S,A
V8,,2024-01-06,3,,cy,3 Oak,S,A
"""

# observation_period: V6 filtered, V1 a cast error; groups P1 (V2, V3), P3 (V4, V5: all
# cancelled, rejected), no patient (V7, V8: missing key, rejected) -> 3 rows aggregated.
# location: V1 a cast error; groups 1 MAIN/B (V2, V3), 2 ELM/S (V4, V5), none (V6: missing
# key), 3 OAK/S (V7, V8) -> 3 rows aggregated.
EXPECTED = {
    "legacy.visits -> emr.observation_period": {"source_rows": 8, "loaded": 1, "rejected": 3, "filtered": 1, "merged": 0, "aggregated": 3},
    "legacy.visits -> emr.location": {"source_rows": 8, "loaded": 3, "rejected": 2, "filtered": 0, "merged": 0, "aggregated": 3},
}


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_aggregated_rows_are_counted_exactly(tmp_path, fresh_url, dialect, capsys):
    spec = tmp_path / "group_by.mig"
    shutil.copy(SPEC, spec)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "VISITS.csv").write_text(VISITS)
    report = tmp_path / "report.json"
    assert main(["run", str(spec), "--target", fresh_url(dialect), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "aggregated" in out  # the terminal table has the column
    maps = {m["map"]: m for m in json.loads(report.read_text())["maps"]}
    for label, want in EXPECTED.items():
        got = {k: maps[label][k] for k in want}
        assert got == want, label
        assert maps[label]["balanced"] is True
