"""Command-line contract: compile/--check, ir, demo-data, exit codes."""

from __future__ import annotations

import json

from compiler.cli.main import main
from tests.conftest import DEMO_SPEC, ROOT


def test_compile_check_detects_stale_and_extra_files(tmp_path, capsys):
    out = tmp_path / "gen"
    assert main(["compile", str(DEMO_SPEC), "--out", str(out)]) == 0
    assert main(["compile", str(DEMO_SPEC), "--out", str(out), "--check"]) == 0
    target = out / "demo_clinic" / "postgres" / "20_02_emr_patient.sql"
    target.write_text(target.read_text() + "-- edited\n")
    (out / "demo_clinic" / "duckdb" / "99_old.sql").write_text("select 1;\n")
    capsys.readouterr()
    assert main(["compile", str(DEMO_SPEC), "--out", str(out), "--check"]) == 1
    err = capsys.readouterr().err
    assert "stale: " in err and "20_02_emr_patient.sql" in err
    assert "99_old.sql (no longer generated)" in err


def test_committed_generated_sql_is_current(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["compile", "specs/demo_clinic.mig", "--check"]) == 0


def test_ir_is_json_with_spans(capsys):
    assert main(["ir", str(DEMO_SPEC)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["target"]["parts"] for m in data["maps"]][0] == ["emr", "practitioner"]
    assert data["maps"][0]["span"]["line"] > 1


def test_demo_data_and_bad_usage(tmp_path, capsys):
    assert main(["demo-data", str(tmp_path / "d"), "--patients", "20", "--seed", "3"]) == 0
    assert (tmp_path / "d" / "truth.json").is_file()
    assert main(["demo-data", str(tmp_path / "e"), "--patients", "0"]) == 2
    assert main(["check", str(tmp_path / "missing.mig")]) == 3
    assert "cannot read spec" in capsys.readouterr().err
