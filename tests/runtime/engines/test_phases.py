"""Phased runs on every engine (issue 15): running the phases in order equals one full
run (rows without surrogate ids, and rows with ids replaced by their legacy keys, also
through dedup merges); a reference into a phase not run yet is a `not_migrated_yet`
reject naming that phase; the cumulative accounting adds up after each phase; a phase
runs once (a replay changes nothing, other files are refused unless --force)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlglot import exp

from compiler.pipeline import load
from compiler.plan.phases import PHASES
from compiler.plan.steps import table_names
from compiler.runtime.engines import open_engine
from compiler.runtime.phases import PhaseRefused
from compiler.runtime.run import run
from compiler.sqlgen.canonical import canonical_rows
from compiler.sqlgen.lower import col, lit
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.statements import REJECTS
from compiler.sqlgen.text import sql_text
from tests.conftest import ROOT
from tests.runtime.engines import test_delta as helpers
from tests.runtime.engines.test_delta import digests, targets, without_ids

ENGINES = ["duckdb", "postgres", "mysql"]
SPEC = ROOT / "tests" / "golden" / "phases" / "phased.mig"

FILES = {
    # P4 is P1 again (merged), P5 is P3 again (inactive: history); P2 inactive
    "PATIENTS.csv": "pat_no,name,dob,status\nP1,Ann,1970,A\nP2,Bob,1980,I\nP3,Cy,1990,A\nP4,ann,1970,A\nP5,cy,1990,I\n",
    # V1 old (history); V2 and V6 recent, of history patients; V4 of the merged P4; V5 of nobody
    "VISITS.csv": (
        "visit_id,pat_no,dos\nV1,P1,2026-01-01\nV2,P2,2026-01-05\nV3,P3,2026-01-04\nV4,P4,2026-01-06\nV5,P9,2026-01-07\nV6,P5,2026-01-08\n"
    ),
    "PROVIDERS.csv": "prov_id,name\nD1,Smith\nD2,Jones\n",
}
SURROGATES = {
    "emr.patient": {"id": "emr.patient"},
    "emr.visit": {"id": "emr.visit", "patient_id": "emr.patient"},
    "emr.practitioner": {"id": "emr.practitioner"},
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(SPEC, tmp_path / "phased.mig")
    (tmp_path / "data").mkdir()
    for name, text in FILES.items():
        (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(helpers, "SURROGATES", SURROGATES)
    return tmp_path


def crosswalk(url: str, gen: SqlGen, target: str) -> dict[str, int]:
    """legacy key -> the id its rows resolve to (a merged key: its survivor's)."""
    engine = open_engine(url)
    try:
        q = exp.select(col("legacy_key"), col("target_id")).from_(gen.tbl(*table_names(target).xwalk))
        return {str(k): int(i) for k, i in engine.query(sql_text(q, gen.dialect)) if i is not None}
    finally:
        engine.close()


def with_legacy_keys(url: str, gen: SqlGen) -> dict[str, list[str]]:
    """Rows with every id replaced by the legacy key of the row it names (the survivor's)."""
    engine = open_engine(url)
    try:
        keys = {}
        for t in SURROGATES:
            q = exp.select(col("legacy_key"), col("own_id")).from_(gen.tbl(*table_names(t).xwalk))
            keys[t] = {int(i): str(k) for k, i in engine.query(sql_text(q, gen.dialect)) if i is not None}
    finally:
        engine.close()
    out = {}
    for table, ids in SURROGATES.items():
        cols, rows = helpers.rows_of(url, gen, table)
        out[table] = canonical_rows([tuple(keys[ids[c]][int(v)] if c in ids else v for c, v in zip(cols, r, strict=True)) for r in rows])
    return out


def rejects(url: str, gen: SqlGen, map_label: str) -> list[tuple[Any, ...]]:
    engine = open_engine(url)
    try:
        q = (
            exp.select(col("source_key"), col("reason_code"), col("reason"))
            .from_(gen.tbl(*REJECTS))
            .where(exp.EQ(this=col("map"), expression=lit(map_label)))
            .order_by(col("source_key"))
        )
        return [tuple(r) for r in engine.query(sql_text(q, gen.dialect))]
    finally:
        engine.close()


def phases_run(url: str, gen: SqlGen) -> list[str]:
    engine = open_engine(url)
    try:
        return [
            str(r[0])
            for r in engine.query(sql_text(exp.select(col("phase")).from_(gen.tbl(*PHASES)).order_by(col("ordinal")), gen.dialect))
        ]
    finally:
        engine.close()


VISITS = "legacy.visits -> emr.visit"


@pytest.mark.parametrize("dialect", ENGINES)
def test_phases_in_order_equal_one_full_run(dialect, folder, fresh_url):
    compiled = load(folder / "phased.mig")
    gen = SqlGen(compiled.checked, dialect)
    url, full = targets(dialect, fresh_url, folder, 2)

    first = run(compiled, folder / "data", url, phase="active")
    assert first.committed and first.phase is not None and first.phase.status == "run"
    by_map = {m.map: m for m in first.phase.maps}
    assert all(m.balanced for m in first.phase.maps)
    assert (by_map[VISITS].loaded, by_map[VISITS].rejected, by_map[VISITS].pending, by_map[VISITS].not_migrated_yet) == (2, 3, 1, 2)
    patients = by_map["legacy.patients -> emr.patient"]
    assert (patients.loaded, patients.merged, patients.pending) == (2, 1, 2)
    assert rejects(url, gen, VISITS) == [
        ("V2", "not_migrated_yet", "referenced row not migrated yet: emr.patient (phase history)"),
        ("V5", "reject", "unknown patient"),
        ("V6", "not_migrated_yet", "referenced row not migrated yet: emr.patient (phase history)"),
    ]
    ids_first = crosswalk(url, gen, "emr.patient")

    second = run(compiled, folder / "data", url, phase="history")
    assert second.committed and second.phase is not None and second.phase.pending == []
    assert all(m.balanced and m.pending == 0 and m.not_migrated_yet == 0 for m in second.phase.maps)
    assert second.phase.changes["emr.patient"] == {"inserted": 1, "updated": 0, "removed": 0}  # P2 (P5 merges into P3)
    assert second.phase.changes["emr.visit"] == {"inserted": 3, "updated": 0, "removed": 0}  # V1, V2, V6
    assert rejects(url, gen, VISITS) == [("V5", "reject", "unknown patient")]
    ids_after = crosswalk(url, gen, "emr.patient")
    assert all(ids_after[k] == v for k, v in ids_first.items())  # earlier phases' ids stay
    assert phases_run(url, gen) == ["active", "history"]

    assert run(compiled, folder / "data", full).committed
    assert phases_run(full, gen) == ["*"]
    assert without_ids(url, gen) == without_ids(full, gen)
    assert with_legacy_keys(url, gen) == with_legacy_keys(full, gen)
    # V4 (of P4) and V6 (of P5, a history patient) follow the merges to P1 and P3
    cols, rows = helpers.rows_of(url, gen, "emr.visit")
    patient_of = {r[cols.index("code")]: int(r[cols.index("patient_id")]) for r in rows}
    assert patient_of["V4"] == ids_after["P1"] == ids_after["P4"]
    assert patient_of["V6"] == ids_after["P3"] == ids_after["P5"]


def test_a_phase_runs_once_and_a_replay_changes_nothing(folder, fresh_url):
    compiled = load(folder / "phased.mig")
    gen = SqlGen(compiled.checked, "duckdb")
    (url,) = targets("duckdb", fresh_url, folder, 1)
    with pytest.raises(PhaseRefused, match="unknown phase `later`; the spec declares: active, history"):
        run(compiled, folder / "data", url, phase="later")
    run(compiled, folder / "data", url, phase="active")
    before = digests(url, gen)
    replay = run(compiled, folder / "data", url, phase="active")
    assert replay.committed and replay.phase is not None and replay.phase.status == "already run"
    assert sum(sum(c.values()) for c in replay.phase.changes.values()) == 0
    assert digests(url, gen) == before
    assert phases_run(url, gen) == ["active"]
    (folder / "data" / "VISITS.csv").write_text("visit_id,pat_no,dos\nV3,P3,2026-01-09\n", encoding="utf-8")
    with pytest.raises(PhaseRefused, match="run before with other export files"):
        run(compiled, folder / "data", url, phase="active")
    forced = run(compiled, folder / "data", url, phase="active", force=True)
    assert forced.phase is not None and forced.phase.status == "forced"
    assert phases_run(url, gen) == ["active"]


def test_a_phase_on_a_full_run_target_is_refused(folder, fresh_url):
    compiled = load(folder / "phased.mig")
    (url,) = targets("duckdb", fresh_url, folder, 1)
    run(compiled, folder / "data", url)
    with pytest.raises(PhaseRefused, match="loaded by a full run"):
        run(compiled, folder / "data", url, phase="history")
    with pytest.raises(PhaseRefused, match="separate runs"):
        run(compiled, folder / "data", url, phase="history", delta=True)
