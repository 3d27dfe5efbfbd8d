"""specs/two_systems.mig on DuckDB, PostgreSQL and MariaDB: identical report numbers,
target tables (canonical row hashes) and crosswalks, and each engine's accounting is
truth.json's (tests/runtime/test_e2e_two_systems.py checks the derived values on DuckDB).
MariaDB runs it through the indexed join copies and materialised work-table layers of its
dialect record (compiler/sqlgen/join_copies.py, `session_settings`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.demo.two_systems import generate
from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.canonical import table_digests
from compiler.sqlgen.scripts import SqlGen
from tests.runtime.engines.test_cross_engine import crosswalk_digests, numbers

SPEC = Path(__file__).resolve().parents[3] / "specs" / "two_systems.mig"
DERIVED = ("emr.episode_activity", "emr.auth_usage")  # aggregate targets: truth.json has their own numbers


@pytest.fixture(scope="module")
def results(engine_urls, tmp_path_factory):
    folder = tmp_path_factory.mktemp("two_systems")
    truth = generate(folder, patients=300, seed=11)
    compiled = load(SPEC)
    out = {}
    for dialect, url in engine_urls.items():
        report = run(compiled, folder, url, commit_on_fail=True)
        engine = open_engine(url)
        try:
            gen = SqlGen(compiled.checked, dialect)
            digests = table_digests(engine, gen)
            digests.update(crosswalk_digests(engine, gen))
        finally:
            engine.close()
        out[dialect] = (report, digests)
    return truth, out


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_same_report_numbers_as_duckdb(results, dialect):
    _, out = results
    assert numbers(out[dialect][0]) == numbers(out["duckdb"][0])


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_same_target_rows_and_crosswalks_as_duckdb(results, dialect):
    _, out = results
    assert out[dialect][1] == out["duckdb"][1]


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_each_engine_matches_truth(results, dialect):
    truth, out = results
    report = out[dialect][0]
    got = {(m.target, m.source): m for m in report.maps if m.target not in DERIVED}
    assert set(got) == {(t, s) for t, branches in truth["maps"].items() for s in branches}
    for (target, source), m in got.items():
        w = truth["maps"][target][source]
        assert (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) == (
            w["source_rows"],
            w["loaded"],
            w["rejected"],
            w["filtered"],
            w["merged"],
        ), (target, source)
    assert all(m.balanced for m in report.maps)
