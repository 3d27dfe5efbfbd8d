"""`chartshift plan --target`: the sample runs go to new databases on that server, timed by
the wall clock (the server's work is not this process's CPU time); the database the URL
names is never written."""

from __future__ import annotations

import pytest

from compiler.ops.cutover import plan
from compiler.ops.cutover_window import parse_window
from compiler.pipeline import load
from compiler.runtime.run import run
from tests.conftest import DEMO_SPEC
from tests.runtime.engines.test_spectest_servers import scratch_databases, state


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_plan_on_a_server_leaves_its_database_alone(engine_urls, demo_export, dialect):
    url = engine_urls[dialect]
    src, truth = demo_export
    run(load(DEMO_SPEC), src, url, commit_on_fail=True)
    before = state(url, dialect)
    p = plan(load(DEMO_SPEC), src, parse_window("Fri 18:00..Mon 06:00"), percent=20, target=url, repeats=1)
    assert p.measure == "wall-clock" and p.to_dict()["measure"] == "wall-clock"
    assert p.estimate > 0 and p.sample_status in ("pass", "warn", "fail")
    assert {t.table: t.records for t in p.tables} == {t: f["records"] for t, f in truth["files"].items()}
    finish = next(s for s in p.steps if s.step == "95_finish")
    assert finish.scale != "records <= 1 row group/table"  # DuckDB's commit rule only
    assert state(url, dialect) == before
    assert scratch_databases(url, dialect) == []
