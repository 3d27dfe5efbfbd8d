"""`--max-rejects`: over a limit the run is not published, on every engine; the previous
target stays exactly as it was (canonical row hashes), and the report says which limit."""

from __future__ import annotations

import json

import pytest

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.runtime.limits import parse_limit
from compiler.runtime.run import run
from tests.runtime.engines.small.harness import SPEC, snapshot, write


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    base = tmp_path_factory.mktemp("limits")
    return write(base / "a", seed=1), write(base / "b", seed=2)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_over_a_limit_the_previous_target_stays(dialect, fresh_url, sources):
    a, b = sources
    url = fresh_url(dialect)
    first = run(load(SPEC), a, url)
    assert first.committed and not first.refused
    before = snapshot(url)

    # emr.patient rejects 2 of 12 rows: a limit of 1 row is exceeded, even with
    # --commit-on-fail; the run's 12 rejects of 48 rows (25 %) are within 30 %
    refused = run(load(SPEC), b, url, commit_on_fail=True, limits=[parse_limit("emr.patient=1"), parse_limit("30%")])
    assert refused.refused and not refused.committed and refused.status == "fail"
    over = {(r.subject, r.exceeded) for r in refused.limits}
    assert over == {("emr.patient", True), ("overall", False)}
    patient = next(r for r in refused.limits if r.subject == "emr.patient")
    assert (patient.rejected, patient.records) == (2, 12)
    assert snapshot(url) == before, "a refused run changed the target"

    within = run(load(SPEC), b, url, limits=[parse_limit("emr.patient=2"), parse_limit("legacy.visits=30%")])
    assert within.committed and not within.refused
    assert snapshot(url) != before


def test_cli_exit_code_message_and_report(tmp_path, sources, capsys):
    a, b = sources
    url = f"duckdb:///{tmp_path / 't.duckdb'}"
    assert main(["run", str(SPEC), "--source", str(a), "--target", url]) == 0
    before = snapshot(url)
    capsys.readouterr()
    report = tmp_path / "r.json"
    code = main(["run", str(SPEC), "--source", str(b), "--target", url, "--report", str(report), "--max-rejects", "legacy.visits=5%"])
    assert code == 4
    out = capsys.readouterr().out
    assert "REFUSED legacy.visits:" in out and "over the limit --max-rejects legacy.visits=5%" in out
    assert "target was not published" in out
    data = json.loads(report.read_text())
    assert data["committed"] is False and data["status"] == "fail"
    (lim,) = data["limits"]
    assert lim["limit"] == "legacy.visits=5%" and lim["exceeded"] is True and lim["rejected"] > 0
    assert lim["records"] == 36  # 36 visits, no malformed record
    assert snapshot(url) == before


def test_cli_refuses_a_limit_naming_no_table(tmp_path, sources, capsys):
    a, _ = sources
    url = f"duckdb:///{tmp_path / 't.duckdb'}"
    assert main(["run", str(SPEC), "--source", str(a), "--target", url, "--max-rejects", "emr.nothing=3"]) == 2
    err = capsys.readouterr().err
    assert "`emr.nothing` is neither a target table" in err and "emr.patient" in err
    assert not (tmp_path / "t.duckdb").exists()  # refused before any work
    assert main(["run", str(SPEC), "--source", str(a), "--target", url, "--max-rejects", "lots"]) == 2
