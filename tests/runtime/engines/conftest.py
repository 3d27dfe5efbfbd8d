import pytest

from tests.servers import mysql_database, postgres_database

FACTORIES = {"postgres": postgres_database, "mysql": mysql_database}


@pytest.fixture(scope="session")
def pg_url():
    yield from postgres_database()


@pytest.fixture(scope="session")
def mysql_url():
    yield from mysql_database()


@pytest.fixture(scope="session")
def engine_urls(pg_url, mysql_url, tmp_path_factory):
    return {
        "duckdb": f"duckdb:///{tmp_path_factory.mktemp('duck') / 'x.duckdb'}",
        "postgres": pg_url,
        "mysql": mysql_url,
    }


@pytest.fixture
def fresh_url(tmp_path):
    """fresh_url(dialect) -> the URL of a new, empty target (dropped after the test)."""
    opened = []

    def make(dialect: str) -> str:
        if dialect == "duckdb":
            return f"duckdb:///{tmp_path / f'fresh{len(opened)}.duckdb'}"
        gen = FACTORIES[dialect]()
        opened.append(gen)
        return next(gen)

    yield make
    for gen in opened:
        gen.close()
