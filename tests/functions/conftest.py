"""Engine connections for the function-library conformance suite.

DuckDB runs in memory; Spark in the test run's one local session (tests/spark.py), which
answers the conformance rows in batches (one Spark job per 50 rows, not per row).  PostgreSQL (127.0.0.1:5432, user postgres, database test) and
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


class SparkRunner(Runner):
    """Single-value SELECTs on Spark; `prefetch` evaluates many at once (a statement whose
    batch fails is then run alone, so that its own error is the one reported)."""

    BATCH = 50

    def __init__(self, session):
        super().__init__("spark", session)
        self.known: dict[str, object] = {}

    def execute(self, sql: str, params=None) -> list[tuple]:
        assert params is None, "no parameters on Spark"
        self.warnings = []
        return [tuple(r) for r in self.conn.sql(sql).collect()]

    def prefetch(self, sqls: list[str]) -> None:
        todo = [s for s in dict.fromkeys(sqls) if s.startswith("SELECT ") and s not in self.known]
        for i in range(0, len(todo), self.BATCH):
            batch = todo[i : i + self.BATCH]
            select = "SELECT " + ", ".join(f"{s[len('SELECT ') :]} AS `c{j}`" for j, s in enumerate(batch))
            try:
                row = self.conn.sql(select).collect()[0]
            except Exception:
                continue  # each runs alone when asked for
            self.known.update({s: row[j] for j, s in enumerate(batch)})

    def value(self, sql: str):
        if sql in self.known:
            return self.known[sql]
        return super().value(sql)


@pytest.fixture(scope="session")
def spark_runner():
    from tests.spark import session

    from .cases import CASES
    from .harness import select_sql

    runner = SparkRunner(session())
    sqls = []
    for name, args, _ in CASES:
        try:
            sqls.append(select_sql(name, args, "spark"))
        except Exception:
            pass  # the test reports it
    runner.prefetch(sqls)
    return runner


# modules whose every example would be a Spark job of its own (hypothesis, row-by-row
# inserts): their cases run on Spark as conformance rows instead
SPARK_ROWS_ONLY = ("test_properties", "test_columns")


@pytest.fixture(params=DIALECTS)
def runner(request) -> Runner:
    if request.param == "spark" and request.module.__name__.rsplit(".", 1)[-1] in SPARK_ROWS_ONLY:
        pytest.skip("on Spark the conformance rows run in batches; examples one by one would take minutes")
    return request.getfixturevalue(f"{request.param}_runner")


@pytest.fixture(scope="session")
def scratch_name() -> str:
    """A fresh schema / database name for tests that need tables."""
    return f"cs_fn_test_{uuid.uuid4().hex[:10]}"
