"""One database per server engine for the whole differential module (emptied before each
case), one DuckDB file per case; every (case, engine) run once and its outcome shared by
the tests that look at it."""

from __future__ import annotations

import pytest

from tests.runtime.hostile.corpus import BY_NAME, SPEC
from tests.runtime.hostile.harness import reset_server, run_case
from tests.servers import mysql_database, postgres_database


@pytest.fixture(scope="module")
def hostile_compiled():
    from compiler.pipeline import load

    return load(SPEC)


@pytest.fixture(scope="module")
def hostile_postgres():
    yield from postgres_database()


@pytest.fixture(scope="module")
def hostile_mysql():
    yield from mysql_database()


SERVER_FIXTURES = {"postgres": "hostile_postgres", "mysql": "hostile_mysql"}


@pytest.fixture(scope="module")
def hostile_outcomes():
    """{(case, engine): Outcome}, filled as tests ask."""
    return {}


@pytest.fixture
def outcome_of(request, hostile_outcomes, hostile_compiled, tmp_path_factory):
    """outcome_of(case name, engine) -> the Outcome of that run (run on first use)."""

    def get(name: str, engine: str):
        key = (name, engine)
        if key not in hostile_outcomes:
            case = BY_NAME[name]
            work = tmp_path_factory.mktemp(f"{name}-{engine}", numbered=True)
            if engine == "duckdb":
                url = f"duckdb:///{work / 'target.duckdb'}"
            else:
                url = request.getfixturevalue(SERVER_FIXTURES[engine])
                reset_server(url, engine)
            hostile_outcomes[key] = run_case(case, work / "data", url, engine, hostile_compiled, work / "report.json")
        return hostile_outcomes[key]

    return get
