"""Engine connections for the function-library conformance suite.

DuckDB runs in memory.  PostgreSQL (127.0.0.1:5432, user postgres, database test) and
MariaDB (127.0.0.1:3306, user root, no password, database test) are used when they are
reachable; otherwise their tests are skipped -- unless CI=true, then they fail.
"""

from __future__ import annotations

import os
import uuid

import duckdb
import pytest

from compiler.functions import DIALECTS

PG_DSN = dict(host="127.0.0.1", port=5432, user="postgres", dbname="test")
MYSQL_DSN = dict(host="127.0.0.1", port=3306, user="root", password="", database="test")


def _unavailable(what: str, error: Exception):
    message = f"{what} is not reachable ({type(error).__name__}: {error})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " and CI=true requires it", pytrace=False)
    pytest.skip(message)


class Runner:
    """Runs single-value SELECTs on one engine; `warnings` holds MariaDB warnings of the
    last statement (in strict mode they become errors in INSERT ... SELECT)."""

    def __init__(self, dialect: str, conn):
        self.dialect = dialect
        self.conn = conn
        self.warnings: list = []

    def execute(self, sql: str, params=None) -> list[tuple]:
        self.warnings = []
        if self.dialect == "duckdb":
            return self.conn.execute(sql, params or []).fetchall()
        if self.dialect == "postgres":
            cur = self.conn.execute(sql, params)
            return cur.fetchall() if cur.description else []
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            rows = list(cur.fetchall()) if cur.description else []
            if cur.warning_count:
                cur.execute("SHOW WARNINGS")
                self.warnings = list(cur.fetchall())
            return rows

    def value(self, sql: str):
        rows = self.execute(sql)
        assert len(rows) == 1 and len(rows[0]) == 1, rows
        return rows[0][0]


@pytest.fixture(scope="session")
def duckdb_runner():
    conn = duckdb.connect()
    yield Runner("duckdb", conn)
    conn.close()


@pytest.fixture(scope="session")
def postgres_runner():
    import psycopg

    try:
        conn = psycopg.connect(**PG_DSN, connect_timeout=3, autocommit=True, client_encoding="utf8")
    except Exception as e:
        _unavailable(f"PostgreSQL at {PG_DSN['host']}:{PG_DSN['port']}", e)
    yield Runner("postgres", conn)
    conn.close()


@pytest.fixture(scope="session")
def mysql_runner():
    import pymysql

    try:
        conn = pymysql.connect(**MYSQL_DSN, charset="utf8mb4", connect_timeout=3, autocommit=True)
    except Exception as e:
        _unavailable(f"MariaDB at {MYSQL_DSN['host']}:{MYSQL_DSN['port']}", e)
    yield Runner("mysql", conn)
    conn.close()


@pytest.fixture(params=DIALECTS)
def runner(request) -> Runner:
    return request.getfixturevalue(f"{request.param}_runner")


@pytest.fixture(scope="session")
def scratch_name() -> str:
    """A fresh schema / database name for tests that need tables."""
    return f"cs_fn_test_{uuid.uuid4().hex[:10]}"
