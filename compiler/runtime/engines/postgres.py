"""PostgreSQL adapter: the whole run in one transaction (DDL is transactional), staging
by COPY FROM STDIN streamed from a DuckDB-normalised file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
from sqlglot import exp

from compiler.dialects import POSTGRES
from compiler.runtime.engines.base import EngineError, StageResult, redact
from compiler.runtime.engines.sqlnet import ServerUrl, column_list, env_of, first_line, masked, quoted, stage_table_sql
from compiler.runtime.staging import REJECT_COLUMNS, SourceFile, normalize_with_duckdb
from compiler.sqlgen.dialect_sql import DialectTraits
from compiler.sqlgen.text import sql_text

ENV = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD", "database": "PGDATABASE"}
COPY_BLOCK = 1 << 20
# Settings for the run's transaction only (SET LOCAL).  The default work_mem (4 MB) makes
# the duplicate-key and crosswalk hash aggregates of a million-row map spill to disk in
# dozens of batches.  Per sort/hash node, so a few times this at most, for one session.
# No JIT: a delta run's accounting queries (a CASE of correlated EXISTS per delta row) are
# costed above jit_above_cost, and compiling them took 9 of the 10 s of one query at 300
# patients (0.8 s for the whole 92_delta script without it).
RUN_SETTINGS = {"work_mem": "256MB", "jit": "off"}


def catalog_names(exc: BaseException) -> str:
    """The constraint, table and column a failed statement names, from the error's
    diagnostics: catalog names, never row data (the message itself is redacted whole)."""
    diag = getattr(exc, "diag", None)
    if diag is None:
        return ""
    parts = [
        f"{label} {value}"
        for label, value in (
            ("constraint", diag.constraint_name),
            ("table", ".".join(p for p in (diag.schema_name, diag.table_name) if p) or None),
            ("column", diag.column_name),
        )
        if value
    ]
    return f" [{', '.join(parts)}]" if parts else ""


class PostgresEngine:
    record = POSTGRES
    dialect = POSTGRES.name

    def __init__(self, conn: psycopg.Connection, url: ServerUrl):
        self.conn = conn
        self.url = url
        self.display_url = url.display

    @classmethod
    def open(cls, url: str, autocommit: bool = False) -> PostgresEngine:
        """`autocommit`: for statements that cannot run in a transaction (CREATE DATABASE)."""
        u = ServerUrl.parse(url, env_of(ENV))
        params: dict[str, Any] = {
            k: v for k, v in dict(host=u.host, port=u.port, user=u.user, password=u.password, dbname=u.database).items() if v
        }
        try:
            conn = psycopg.connect(connect_timeout=10, autocommit=autocommit, **params)
        except psycopg.Error as exc:
            raise EngineError(f"{u.display}: cannot connect: {masked(first_line(exc), u.password)}") from None
        conn.execute("SET client_encoding TO 'UTF8'")
        return cls(conn, u)

    def fail(self, what: str, exc: BaseException) -> EngineError:
        return EngineError(f"{what}: {redact(masked(first_line(exc), self.url.password))}{catalog_names(exc)}")

    def begin(self) -> None:
        # psycopg opens the transaction with the first statement: this one
        for name, value in RUN_SETTINGS.items():
            self.execute(f"SET LOCAL {name} = '{value}'")

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        try:
            self.conn.rollback()
        except psycopg.Error:
            pass

    def drop_connection(self) -> None:
        """Tests: lose the connection as a network failure would."""
        self.conn.pgconn.finish()

    def close(self) -> None:
        try:
            self.conn.close()
        except psycopg.Error:
            pass

    def execute(self, sql: str) -> None:
        try:
            self.conn.execute(sql)
        except psycopg.Error as exc:
            raise self.fail("statement failed", exc) from None

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql).fetchall()
        except psycopg.Error as exc:
            raise self.fail("query failed", exc) from None

    def export_csv(self, sql: str, path: Path) -> None:
        """The rows of a query as CSV in `path`: COPY ... TO STDOUT, streamed (reconcile's pairs)."""
        try:
            with self.conn.cursor() as cur, open(path, "wb") as fh, cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
                for block in copy:
                    fh.write(block)
        except psycopg.Error as exc:
            raise self.fail("export failed", exc) from None

    def stage(self, sf: SourceFile, workdir: Path, stage_tbl: exp.Table, rejects_tbl: exp.Table, traits: DialectTraits) -> StageResult:
        nf = normalize_with_duckdb(sf, workdir)
        for sql in stage_table_sql(stage_tbl, nf.names, "TEXT", traits, self.dialect):
            self.execute(sql)
        try:
            with self.conn.cursor() as cur:
                with cur.copy(f"COPY {quoted(stage_tbl, self.dialect)} FROM STDIN (FORMAT csv)") as copy, open(nf.path, "rb") as fh:
                    while block := fh.read(COPY_BLOCK):
                        copy.write(block)
        except psycopg.Error as exc:
            raise self.fail(f"{sf.path}: cannot stage {sf.qualified}", exc) from None
        # statistics now: autovacuum cannot see a table filled inside an open transaction,
        # and without them the planner guesses row counts and picks nested loops
        self.execute(sql_text(exp.Analyze(tables=[stage_tbl.copy()]), self.dialect))
        self.insert_rows(rejects_tbl, REJECT_COLUMNS, nf.prepared.fault_rows())
        return StageResult(sf.qualified, sf.path.name, nf.prepared.staged, len(nf.prepared.scan.bad_records), nf.prepared)

    def insert_rows(self, tbl: exp.Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows given as Python values (row content: never in SQL text)."""
        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                with cur.copy(f"COPY {quoted(tbl, self.dialect)} ({column_list(columns, self.dialect)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        except psycopg.Error as exc:
            raise self.fail(f"insert into {tbl.name}", exc) from None
