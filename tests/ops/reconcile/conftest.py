"""Fresh targets on every engine for the reconcile tests (tests/servers.py)."""

import pytest

from tests.servers import mysql_database, postgres_database

FACTORIES = {"postgres": postgres_database, "mysql": mysql_database}


@pytest.fixture
def fresh_url(tmp_path):
    """fresh_url(dialect) -> the URL of a new, empty target (dropped after the test)."""
    opened = []

    def make(dialect: str) -> str:
        if dialect == "duckdb":
            return f"duckdb:///{tmp_path / f'live{len(opened)}.duckdb'}"
        gen = FACTORIES[dialect]()
        opened.append(gen)
        return next(gen)

    yield make
    for gen in opened:
        gen.close()
