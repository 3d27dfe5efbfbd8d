"""`chartshift plan`: windows, the fit, the per-statement timing hook, the verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler.cli.main import main
from compiler.ops.cutover import line_fit, plan, predict, step_scale
from compiler.ops.cutover_window import PlanError, parse_window
from compiler.pipeline import load
from compiler.runtime.run import run

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "demo_clinic.mig"


@pytest.mark.parametrize(
    "text, hours",
    [
        ("Fri 18:00..Mon 06:00", 60),
        ("Mon 06:00..Fri 18:00", 108),
        ("Sun 22:00..Mon 02:00", 4),  # wraps over the week
        ("saturday 8..sunday 20:30", 36.5),
        ("22:00..05:00", 7),  # daily, wraps over midnight
        ("Fri 18:00..Fri 18:00", 168),  # the whole week
        ("Mon 00:00..Mon 00:00:30", 30 / 3600),
    ],
)
def test_windows(text, hours):
    assert parse_window(text).hours == pytest.approx(hours)


@pytest.mark.parametrize(
    "text", ["Fri 18:00", "Fri 25:00..Mon 06:00", "Fry 18:00..Mon 06:00", "Fri 18:00..06:00", "T 10:00..W 10:00", "Fri 18:61..Mon 06:00"]
)
def test_bad_windows(text):
    with pytest.raises(PlanError):
        parse_window(text)


def test_line_fit():
    assert line_fit([1, 2, 3], [3, 5, 7]) == pytest.approx((1, 2))
    assert line_fit([1, 2, 3], [5, 4, 3]) == pytest.approx((4, 0))  # falling: noise, flat
    a, b = line_fit([10, 20, 30], [0.5, 2.0, 3.0])
    assert a == 0 and b == pytest.approx((5 + 40 + 90) / 1400)  # no negative fixed cost
    assert predict("fixed", [0, 0, 0], [0.3, 0.2, 0.4], 0)[0] == 0.2
    assert predict("legacy.visits", [100, 150, 200], [1.0, 1.5, 2.0], 10_000)[0] == pytest.approx(100)


def test_step_scales():
    compiled = load(SPEC)
    assert step_scale("stage:legacy.visits", compiled) == "legacy.visits"
    assert step_scale("20_08_emr_charge_line", compiled) == "legacy.visits"
    assert step_scale("20_02_emr_patient", compiled) == "legacy.patients"
    assert step_scale("90_validate", compiled) == "all"
    assert step_scale("00_setup", compiled) == step_scale("overhead", compiled) == "fixed"


def test_step_scales_follow_run_order():
    """Maps declared out of dependency order run (and are numbered) in dependency order."""
    from dataclasses import replace
    from types import SimpleNamespace

    from compiler.sqlgen.scripts import SqlGen

    compiled = load(SPEC)
    backwards = compiled.spec.model_copy(update={"maps": list(reversed(compiled.spec.maps))})
    names = [s.name for s in SqlGen(replace(compiled.checked, spec=backwards), "duckdb").scripts()]
    shuffled = SimpleNamespace(spec=backwards)
    by_target = {n.split("_", 2)[2]: n for n in names if n.startswith("20_")}
    assert by_target["emr_charge_line"] != "20_08_emr_charge_line" or by_target["emr_patient"] != "20_02_emr_patient"
    assert step_scale(by_target["emr_charge_line"], shuffled) == "legacy.visits"
    assert step_scale(by_target["emr_patient"], shuffled) == "legacy.patients"
    assert step_scale(by_target["emr_clinical_note"], shuffled) == "legacy.notes"


def test_run_reports_every_statement(demo_export, tmp_path):
    src, _ = demo_export
    compiled = load(SPEC)
    seen: list[tuple[str, float]] = []
    report = run(
        compiled, src, f"duckdb:///{tmp_path / 't.duckdb'}", commit_on_fail=True, on_statement=lambda step, s: seen.append((step, s))
    )
    steps = {s for s, _ in seen}
    assert {"00_setup", "10_typed_views", "90_validate", "95_finish", "report"} <= steps
    assert {f"stage:{t}" for t in compiled.catalog.source_tables} <= steps
    assert sum(1 for s in steps if s.startswith("20_")) == len(compiled.spec.maps)
    assert all(x >= 0 for _, x in seen)
    assert sum(x for _, x in seen) <= report.duration_seconds


def test_plan_on_the_demo(demo_export):
    src, truth = demo_export
    compiled = load(SPEC)
    p = plan(compiled, src, parse_window("Fri 18:00..Mon 06:00"), percent=20, repeats=1, startup=0.25)
    assert p.root == "legacy.patients" and p.rounds == 1
    assert {t.table: t.records for t in p.tables} == {t: f["records"] for t, f in truth["files"].items()}
    names = {s.step for s in p.steps}
    assert {"stage:legacy.visits", "20_08_emr_charge_line", "95_finish", "overhead"} <= names
    assert 0 < p.low <= p.estimate <= p.high and p.fits and p.margin > 0
    visits = next(s for s in p.steps if s.step == "20_08_emr_charge_line")
    assert visits.scale == "legacy.visits" and visits.full_rows == truth["files"]["legacy.visits"]["records"]
    assert visits.sample_rows == sorted(set(visits.sample_rows)) and len(visits.sample_rows) == 4
    assert visits.sample_rows[-1] < visits.full_rows
    # what a `chartshift run` spends before migrating is a fixed step of the estimate
    startup = p.steps[0]
    assert (startup.step, startup.scale, startup.estimate) == ("startup", "fixed", 0.25)
    assert p.estimate == pytest.approx(sum(s.estimate for s in p.steps)) and p.estimate > 0.25
    d = p.to_dict()
    written = {s["step"]: s for s in d["steps"]}
    assert written["20_08_emr_charge_line"]["per_row"] == pytest.approx(visits.per_row, rel=1e-5)  # us, not rounded away
    assert d["startup_seconds"] == 0.25 and d["migration_seconds"] == pytest.approx(p.estimate - 0.25, abs=1e-3)
    assert json.dumps(d)


def test_cli_plan(demo_export, tmp_path, capsys, monkeypatch):
    import dataclasses

    import compiler.ops.cutover as estimate

    src, _ = demo_export
    base = ["plan", str(SPEC), "--source", str(src), "--sample-percent", "10", "--repeats", "1"]
    assert main(base + ["--window", "Fri 18:00..Mon 06:00", "--json", str(tmp_path / "p.json")]) == 0
    written = json.loads((tmp_path / "p.json").read_text())
    assert written["fits"] is True
    # the CLI measures its own start (interpreter, imports, spec load) and counts it in
    assert written["steps"][0]["step"] == "startup" and written["startup_seconds"] > 0
    real = estimate.plan

    def slow_machine(*args, **kwargs):  # the demo migrates in under a second: make it 1000x slower
        p = real(*args, **kwargs)
        return dataclasses.replace(p, estimate=p.estimate * 1000, low=p.low * 1000, high=p.high * 1000)

    monkeypatch.setattr(estimate, "plan", slow_machine)
    assert main(base + ["--window", "Mon 00:00..Mon 00:05"]) == 1  # five minutes: does not fit
    assert main(base + ["--window", "Fri 18:00"]) == 2
    assert main(base[:-2] + ["--repeats", "0", "--window", "Fri 18:00..Mon 06:00"]) == 2
    out = capsys.readouterr()
    assert "fits the window with " in out.out and " to spare" in out.out
    assert "does not fit: needs " in out.out and " more (" in out.out and "bad window" in out.err


def test_plan_never_writes_a_duckdb_target(demo_export, tmp_path):
    """The samples run in scratch files with the target URL's settings, not in the target."""
    src, _ = demo_export
    target = tmp_path / "real.duckdb"
    p = plan(load(SPEC), src, parse_window("Fri 18:00..Mon 06:00"), percent=20, repeats=1, target=f"duckdb:///{target}?memory_limit=500MB")
    assert p.measure == "CPU" and p.estimate > 0
    assert not target.exists() and not (tmp_path / "real.duckdb.tmp").exists()
