"""End to end on the demo (DuckDB): specs/demo_clinic.mig's phases, open_care then
history, equal one full run of the same export (rows without ids, and rows with every id
replaced by the legacy key of the row it names); the first phase leaves the rest pending
and rejects references into it as `not_migrated_yet`; delta extracts apply on top."""

from __future__ import annotations

from typing import Any

import duckdb

from compiler.demo.deltas import generate_deltas
from compiler.ir.naming import dotted
from compiler.pipeline import load
from compiler.plan.steps import table_names
from compiler.runtime.run import run
from compiler.sqlgen.canonical import canonical_rows
from tests.conftest import DEMO_SPEC


def surrogates(compiled: Any) -> dict[str, dict[str, str]]:
    """Per target table: its id column and every column that references another table's id."""
    out = {}
    for name, t in compiled.checked.catalog.target_tables.items():
        cols = {"id": name}
        for c in t.columns:
            if c.references is not None:
                cols[c.name] = f"{name.split('.')[0]}.{c.references.parts[-2]}"
        out[name] = cols
    return out


def tables(db: str, compiled: Any) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(rows without ids, rows with ids as legacy keys) of every target table."""
    con = duckdb.connect(db, read_only=True)
    try:
        keys = {}
        for target in surrogates(compiled):
            schema, name = table_names(target).xwalk
            rows = con.execute(f'SELECT "legacy_key", "own_id" FROM "{schema}"."{name}" WHERE "own_id" IS NOT NULL').fetchall()
            keys[target] = {int(i): str(k) for k, i in rows}
        plain, keyed = {}, {}
        for target, ids in surrogates(compiled).items():
            schema, name = target.split(".")
            cols = [c.name for c in compiled.checked.catalog.target_tables[target].columns]
            rows = con.execute(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{schema}"."{name}"').fetchall()
            plain[target] = canonical_rows([tuple(v for c, v in zip(cols, r, strict=True) if c not in ids) for r in rows])
            keyed[target] = canonical_rows(
                [tuple(keys[ids[c]][int(v)] if c in ids and v is not None else v for c, v in zip(cols, r, strict=True)) for r in rows]
            )
        return plain, keyed
    finally:
        con.close()


def test_the_demo_phases_equal_one_full_run(tmp_path):
    generate_deltas(tmp_path / "demo", patients=200, seed=7, deltas=1)
    compiled = load(DEMO_SPEC)
    assert [p.name for p in compiled.spec.phases] == ["open_care", "history"]
    assert all(t.delta_flag is not None for src in compiled.spec.sources for t in src.tables)
    full_export = tmp_path / "demo" / "full"
    phased, full = str(tmp_path / "phased.duckdb"), str(tmp_path / "full.duckdb")

    first = run(compiled, full_export, f"duckdb:///{phased}", phase="open_care", commit_on_fail=True)
    assert first.committed and first.phase is not None and first.phase.pending == ["history"]
    assert all(m.balanced for m in first.phase.maps)
    by_map = {m.map.split(" -> ")[1]: m for m in first.phase.maps}
    assert by_map["emr.patient"].pending > 0 and by_map["emr.clinical_note"].pending == by_map["emr.clinical_note"].source_rows
    assert by_map["emr.encounter"].not_migrated_yet > 0  # visits of open episodes whose patient is inactive

    second = run(compiled, full_export, f"duckdb:///{phased}", phase="history", commit_on_fail=True)
    assert second.committed and second.phase is not None
    assert all(m.balanced and m.pending == 0 and m.not_migrated_yet == 0 for m in second.phase.maps)

    assert run(compiled, full_export, f"duckdb:///{full}", commit_on_fail=True).committed
    assert tables(phased, compiled) == tables(full, compiled)
    assert {dotted(m.target) for m in compiled.spec.maps} == set(surrogates(compiled))

    delta = run(compiled, tmp_path / "demo" / "delta_1", f"duckdb:///{phased}", delta=True, commit_on_fail=True)
    assert delta.committed and delta.delta is not None and delta.delta.total_changes > 0
