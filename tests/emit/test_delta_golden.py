"""Golden SQL of a delta run (15_state, 92_delta, 95_apply) for the delta_flags conformance
spec on every dialect: the upsert templates, the state merge and the accounting queries
as a reviewer reads them.  tests/runtime/engines/test_delta.py executes them."""

from __future__ import annotations

import os

import pytest

from compiler.emit.render import render_script
from compiler.pipeline import load
from compiler.sqlgen.delta import DeltaInput, ExtractRecord
from compiler.sqlgen.scripts import SqlGen
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "conformance" / "specs" / "delta_flags.mig"
GOLDEN = ROOT / "tests" / "golden" / "delta" / "delta_flags"
RECORD = ExtractRecord("x-1", "delta", 1, "2026-02-01T00:00:00Z", "0" * 64, "2026-02-01T01:00:00+00:00")
DELTA_SCRIPTS = ("15_state", "92_delta", "95_apply")


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_delta_sql_matches_the_golden_files(monkeypatch, dialect):
    monkeypatch.chdir(ROOT)
    compiled = load(SPEC.relative_to(ROOT))
    gen = SqlGen(compiled.checked, dialect, DeltaInput(frozenset(), RECORD))
    files = {
        f"{s.name}.sql": render_script(s, dialect, compiled.display, compiled.sha256) for s in gen.scripts() if s.name in DELTA_SCRIPTS
    }
    assert sorted(files) == [f"{n}.sql" for n in DELTA_SCRIPTS]
    folder = GOLDEN / dialect
    if os.environ.get("UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    for name, text in files.items():
        assert text == (folder / name).read_text(encoding="utf-8"), f"{dialect}/{name} differs from the golden file (UPDATE_GOLDEN=1)"
    upsert = "ON DUPLICATE KEY UPDATE" if dialect == "mysql" else "ON CONFLICT"
    assert upsert in files["95_apply.sql"]


def test_a_full_run_has_no_delta_scripts():
    compiled = load(SPEC)
    names = [s.name for s in SqlGen(compiled.checked, "duckdb").scripts()]
    assert "15_state" in names and "95_finish" in names and "95_apply" not in names and "92_delta" not in names
