"""Golden SQL of a phased run for tests/golden/phases/phased.mig on every dialect: the
first phase (a full run of its rows: the visits map with its phase selection and its
`not_migrated_yet` rule, 91_phase) and a later phase (the same, applied: 95_apply).
tests/runtime/engines/test_phases.py executes them."""

from __future__ import annotations

import os

import pytest

from compiler.emit.render import render_script
from compiler.pipeline import load
from compiler.plan.phases import PhaseInput, PhaseRecord
from compiler.sqlgen.delta import DeltaInput
from compiler.sqlgen.scripts import SqlGen
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "golden" / "phases" / "phased.mig"
GOLDEN = ROOT / "tests" / "golden" / "phases"
RECORD = PhaseRecord("history", 2, "0" * 64, "2026-02-01T01:00:00+00:00")
SOURCES = frozenset({"legacy.patients", "legacy.visits", "legacy.providers"})
CASES = {
    "active": (
        PhaseInput((), "active", PhaseRecord("active", 1, "0" * 64, "2026-02-01T00:00:00+00:00")),
        None,
        ("20_03_emr_visit", "91_phase"),
    ),
    "history": (PhaseInput(("active",), "history", RECORD), DeltaInput(SOURCES, None), ("20_03_emr_visit", "91_phase", "95_apply")),
}


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
@pytest.mark.parametrize("phase", sorted(CASES))
def test_phase_sql_matches_the_golden_files(monkeypatch, dialect, phase):
    monkeypatch.chdir(ROOT)
    compiled = load(SPEC.relative_to(ROOT))
    phase_input, delta, names = CASES[phase]
    gen = SqlGen(compiled.checked, dialect, delta, phase_input)
    files = {f"{s.name}.sql": render_script(s, dialect, compiled.display, compiled.sha256) for s in gen.scripts() if s.name in names}
    assert sorted(files) == [f"{n}.sql" for n in names]
    folder = GOLDEN / phase / dialect
    if os.environ.get("UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    for name, text in files.items():
        assert text == (folder / name).read_text(encoding="utf-8"), (
            f"{phase}/{dialect}/{name} differs from the golden file (UPDATE_GOLDEN=1)"
        )
    visits = files["20_03_emr_visit.sql"]
    if phase == "active":
        assert "'not_migrated_yet'" in visits and "(phase history)" in visits
    else:  # every phase run: no reference can name a pending phase
        assert "not_migrated_yet" not in visits and "record phase history" in files["95_apply.sql"]


def test_a_full_run_of_a_phased_spec_selects_every_row():
    compiled = load(SPEC)
    scripts = {s.name: s for s in SqlGen(compiled.checked, "duckdb").scripts()}
    assert "91_phase" not in scripts
    text = render_script(scripts["20_03_emr_visit"], "duckdb", "x", "y")
    assert "2026-01-03" not in text and "not_migrated_yet" not in text
