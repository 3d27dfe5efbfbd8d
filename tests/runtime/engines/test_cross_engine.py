"""The demo migration on DuckDB, PostgreSQL and MariaDB: identical target tables (canonical
row hashes), identical rejects by reason, identical report numbers."""

from __future__ import annotations

import pytest

from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.canonical import table_digests
from compiler.sqlgen.scripts import SqlGen
from tests.conftest import DEMO_SPEC


@pytest.fixture(scope="module")
def results(engine_urls, demo_export):
    folder, truth = demo_export
    compiled = load(DEMO_SPEC)
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


def crosswalk_digests(engine, gen) -> dict[str, tuple[int, str]]:
    """Every crosswalk: legacy key, own id, target id (a merged key's is its survivor's), state."""
    from sqlglot import exp

    from compiler.plan.steps import table_names
    from compiler.sqlgen.canonical import digest
    from compiler.sqlgen.lower import col
    from compiler.sqlgen.text import sql_text

    out = {}
    for m in gen.maps:
        if gen.cat.crosswalk_field(f"{m.target.parts[0]}.{m.target.parts[-1]}") is None:
            continue
        schema, name = table_names(f"{m.target.parts[0]}.{m.target.parts[-1]}").xwalk
        q = exp.select(*[col(c) for c in ("legacy_key", "own_id", "target_id", "state")]).from_(gen.tbl(schema, name))
        rows = engine.query(sql_text(q, gen.dialect))
        out[f"{schema}.{name}"] = (len(rows), digest(rows))
    return out


def numbers(report):
    maps = [(m.map, m.source_rows, m.loaded, m.rejected, m.filtered, m.merged, sorted(m.rejected_by_reason.items())) for m in report.maps]
    sources = [(s.qualified, s.staged, s.malformed) for s in report.sources]
    checks = [(c.name, c.status, c.count, c.denominator) for c in report.checks]
    return maps, sources, checks


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_same_report_numbers_as_duckdb(results, dialect):
    _, out = results
    assert numbers(out[dialect][0]) == numbers(out["duckdb"][0])


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_same_target_rows_as_duckdb(results, dialect):
    _, out = results
    assert out[dialect][1] == out["duckdb"][1]


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_each_engine_matches_truth(results, dialect):
    truth, out = results
    report = out[dialect][0]
    got = {m.target: (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) for m in report.maps}
    want = {t: (w["source_rows"], w["loaded"], w["rejected"], w["filtered"], w["merged"]) for t, w in truth["maps"].items()}
    assert got == want
    assert all(m.balanced for m in report.maps)
