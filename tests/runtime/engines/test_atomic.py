"""A run that dies midway — process killed, connection dropped, a statement failing —
leaves the target exactly as the previous successful run left it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlglot import exp

from compiler.dialects import BY_NAME
from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.canonical import digest, table_digests
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text
from tests.conftest import DEMO_SPEC, ROOT


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from compiler.demo.export import generate

    a = tmp_path_factory.mktemp("export_a")
    b = tmp_path_factory.mktemp("export_b")
    generate(a, patients=60, seed=1)
    generate(b, patients=80, seed=2)
    return a, b


def snapshot(url: str, dialect: str) -> dict:
    compiled = load(DEMO_SPEC)
    gen = SqlGen(compiled.checked, dialect)
    engine = open_engine(url)
    try:
        out = dict(table_digests(engine, gen))
        xw = gen.tbl("chartshift", "xwalk__emr__patient")
        out["xwalk"] = digest(engine.query(sql_text(exp.select(col("legacy_key"), col("target_id"), col("state")).from_(xw), dialect)))
        rej = gen.tbl("chartshift", "rejects")
        out["rejects"] = digest(engine.query(sql_text(exp.select(col("map"), col("source_key"), col("reason")).from_(rej), dialect)))
    finally:
        engine.close()
    return out


def publish_point(dialect: str) -> int:
    """The runner's statement number that publishes the run: the RENAME where DDL commits
    implicitly, else the last statement before COMMIT.  (Ticks: the run lock's query on a
    server, setup statements, one stage call per table, body statements and queries, two
    count queries, finish statements.)"""
    compiled = load(DEMO_SPEC)
    gen = SqlGen(compiled.checked, dialect)
    scripts = gen.scripts()
    setup, body, finish = scripts[0], scripts[1:-1], scripts[-1]
    lock = 1 if BY_NAME[dialect].run_lock is not None else 0
    before_finish = lock + len(setup.statements) + len(compiled.spec.sources[0].tables) + sum(len(s.statements) for s in body) + 2
    renames = [i for i, st in enumerate(finish.statements, start=1) if isinstance(st.sql, exp.Command)]
    return before_finish + (renames[0] if renames else len(finish.statements))


def faulty_run(url: str, source, fault: str) -> subprocess.CompletedProcess:
    """`chartshift run` in a subprocess, through the test launcher that injects `fault`."""
    env = {**os.environ, "CHARTSHIFT_FAULT": fault}
    return subprocess.run(
        [sys.executable, "-m", "tests.faults", "run", str(DEMO_SPEC), "--source", str(source), "--target", url, "--commit-on-fail"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_interrupted_runs_leave_the_previous_target(dialect, fresh_url, exports):
    a, b = exports
    url = fresh_url(dialect)
    run(load(DEMO_SPEC), a, url, commit_on_fail=True)
    before = snapshot(url, dialect)
    n = publish_point(dialect)
    points = sorted({1, 9, n // 4, n // 2, (3 * n) // 4, n - 1, n})
    for at in points:
        done = faulty_run(url, b, f"kill:{at}")
        assert done.returncode == -9, (at, done.returncode, done.stderr[-300:])
        assert snapshot(url, dialect) == before, f"target changed after a kill before statement {at} of {n}"
    for fault in (f"drop:{n // 3}", f"error:{(2 * n) // 3}"):
        done = faulty_run(url, b, fault)
        assert done.returncode == 3, (fault, done.stderr[-300:])
        assert "Traceback" not in done.stderr
        assert snapshot(url, dialect) == before, f"target changed after {fault}"
    # and a run that completes does change it
    run(load(DEMO_SPEC), b, url, commit_on_fail=True)
    assert snapshot(url, dialect) != before


def test_fault_injection_lives_in_the_tests_only():
    """The production package has no fault hooks: tests/faults.py wraps the engine factory."""
    import re

    hook = re.compile(r"CHARTSHIFT_FAULT|FaultyEngine|with_faults|\bfaults\b")
    mentions = [str(p.relative_to(ROOT)) for p in (ROOT / "compiler").rglob("*.py") if hook.search(p.read_text(encoding="utf-8"))]
    assert mentions == []
