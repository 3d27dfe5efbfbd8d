"""`chartshift run` on a target filled from two sources: one accounting line per map in the
JSON report and the terminal, plus the per-target sums (`targets`), which balance."""

from __future__ import annotations

import json

from compiler.cli.main import main


def test_report_has_branch_lines_and_target_sums(tmp_path, capsys):
    from tests.runtime.engines.test_union import SPEC as TEXT
    from tests.runtime.engines.test_union import write_export

    spec = tmp_path / "union.mig"
    spec.write_text(TEXT, encoding="utf-8")
    write_export(tmp_path, ["1,ann", "2,bob", ",nobody"], ["1,cy", "2,"])
    report = tmp_path / "report.json"
    target = f"duckdb:///{tmp_path / 'u.duckdb'}"
    audit = tmp_path / "audit.jsonl"
    code = main(["run", str(spec), "--target", target, "--report", str(report), "--audit", str(audit), "--commit-on-fail"])
    data = json.loads(report.read_text(encoding="utf-8"))
    out = capsys.readouterr().out
    assert code == 0, out
    maps = {m["map"]: m for m in data["maps"]}
    a, b = maps["sysA.patients -> emr.patient"], maps["sysB.people -> emr.patient"]
    assert (a["source_rows"], a["loaded"], a["rejected"], a["balanced"]) == (3, 2, 1, True)
    assert (b["source_rows"], b["loaded"], b["rejected"], b["balanced"]) == (2, 1, 1, True)
    assert a["rejected_by_reason"] == {"missing legacy key": 1} and b["rejected_by_reason"] == {"no name": 1}
    targets = {t["target"]: t for t in data["targets"]}
    assert set(targets) == {"emr.patient", "emr.thing"}
    patient = targets["emr.patient"]
    assert patient["maps"] == [a["map"], b["map"]]
    for term in ("source_rows", "loaded", "rejected", "filtered", "merged"):
        assert patient[term] == a[term] + b[term]
    assert patient["balanced"] is True
    assert targets["emr.thing"]["maps"] == ["solo.things -> emr.thing"]
    # the terminal: both branch lines, and the per-target table for the union only
    assert "sysA.patients -> emr.patient" in out and "sysB.people -> emr.patient" in out
    assert "accounting per target filled by several maps" in out
    per_target = out.split("accounting per target filled by several maps", 1)[1].split("rejected by reason", 1)[0]
    assert "emr.patient" in per_target and "emr.thing" not in per_target
