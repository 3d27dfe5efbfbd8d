import pytest

from tests.servers import mysql_database, postgres_database


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
