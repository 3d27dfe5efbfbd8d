"""MariaDB/MySQL adapter.  DDL commits implicitly there, so the generated scripts build
shadow tables and publish them with one atomic RENAME at the end; staging is
LOAD DATA LOCAL INFILE of a DuckDB-normalised file."""

from __future__ import annotations

import csv
import re
import socket
from pathlib import Path
from typing import Any

import pymysql
import pymysql.cursors
from sqlglot import exp

from compiler.dialects import MYSQL
from compiler.runtime.engines.base import EngineError, StageResult, redact
from compiler.runtime.engines.sqlnet import ServerUrl, column_list, env_of, first_line, masked, quoted, stage_table_sql
from compiler.runtime.staging import REJECT_COLUMNS, SourceFile, normalize_with_duckdb
from compiler.sqlgen.dialect_sql import DialectTraits

ENV = {"host": "MYSQL_HOST", "port": "MYSQL_TCP_PORT", "user": "MYSQL_USER", "password": "MYSQL_PWD", "database": "MYSQL_DATABASE"}


DUPLICATE_KEY = 1062
_FOR_KEY = re.compile(r"for key '([^']*)'$")


def key_name(exc: BaseException) -> str:
    """The unique key a duplicate entry violates (`mrn`, `PRIMARY`): a catalog name, kept
    although the message (which quotes the duplicated value) is redacted whole."""
    args: tuple[Any, ...] = getattr(exc, "args", ())
    if len(args) == 2 and args[0] == DUPLICATE_KEY and isinstance(args[1], str):
        m = _FOR_KEY.search(args[1])
        if m:
            return f" [key {m.group(1)}]"
    return ""


GROUP_CONCAT_MAX_LEN = 1 << 30


class MySQLEngine:
    record = MYSQL
    dialect = MYSQL.name

    def __init__(self, conn: pymysql.Connection, url: ServerUrl):
        self.conn = conn
        self.url = url
        self.display_url = url.display

    @classmethod
    def open(cls, url: str, autocommit: bool = True) -> MySQLEngine:
        """Always in autocommit: DDL commits implicitly anyway (publication is by RENAME)."""
        u = ServerUrl.parse(url, env_of(ENV))
        if not u.database:
            raise EngineError(f"{u.display}: name the database in the URL (mysql://user@host:port/DATABASE)")
        try:
            conn = pymysql.connect(
                host=u.host or "127.0.0.1",
                port=u.port or 3306,
                user=u.user or "root",
                password=u.password or "",
                database=u.database,
                charset="utf8mb4",
                local_infile=True,
                autocommit=True,
                connect_timeout=10,
            )
            with conn.cursor() as cur:
                cur.execute(f"SET NAMES utf8mb4 COLLATE {MYSQL.collation.binary}")
                cur.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,PIPES_AS_CONCAT'")
                # title() re-aggregates a text with GROUP_CONCAT: the server's maximum (1 GB,
                # also max_allowed_packet's), never the 1 MB default that cuts long values
                cur.execute(f"SET SESSION group_concat_max_len = {GROUP_CONCAT_MAX_LEN}")
        except pymysql.Error as exc:
            raise EngineError(f"{u.display}: cannot connect: {masked(first_line(exc), u.password)}") from None
        return cls(conn, u)

    def fail(self, what: str, exc: BaseException) -> EngineError:
        return EngineError(f"{what}: {redact(masked(first_line(exc), self.url.password))}{key_name(exc)}")

    def begin(self) -> None:
        pass  # publication is by RENAME (see compiler/dialects/mysql.py)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass  # shadow tables are never renamed into place; the next run drops them

    def drop_connection(self) -> None:
        """Tests: lose the connection as a network failure would."""
        self.conn._sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        try:
            self.conn.close()
        except pymysql.Error:
            pass

    def execute(self, sql: str) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.execute(sql)
        except pymysql.Error as exc:
            raise self.fail("statement failed", exc) from None

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(sql)
                return list(cur.fetchall())
        except pymysql.Error as exc:
            raise self.fail("query failed", exc) from None

    def export_csv(self, sql: str, path: Path) -> None:
        """The rows of a query as CSV in `path`, streamed row by row (reconcile's pairs)."""
        try:
            with self.conn.cursor(pymysql.cursors.SSCursor) as cur, open(path, "w", encoding="utf-8", newline="") as fh:
                cur.execute(sql)
                w = csv.writer(fh, lineterminator="\n")
                while batch := cur.fetchmany(10_000):
                    w.writerows(batch)
        except pymysql.Error as exc:
            raise self.fail("export failed", exc) from None

    def stage(self, sf: SourceFile, workdir: Path, stage_tbl: exp.Table, rejects_tbl: exp.Table, traits: DialectTraits) -> StageResult:
        nf = normalize_with_duckdb(sf, workdir)
        for sql in stage_table_sql(stage_tbl, nf.names, "LONGTEXT", traits, self.dialect):
            self.execute(sql)
        load = (
            f"LOAD DATA LOCAL INFILE %s INTO TABLE {quoted(stage_tbl, self.dialect)} CHARACTER SET utf8mb4 "
            "FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '' LINES TERMINATED BY '\\n' "
            f"({column_list(['__row'] + nf.names, self.dialect)})"
        )
        try:
            with self.conn.cursor() as cur:
                cur.execute(load, (str(nf.path),))
        except pymysql.Error as exc:
            raise self.fail(f"{sf.path}: cannot stage {sf.qualified}", exc) from None
        except AttributeError:
            # PyMySQL, its connection lost while it sends a LOCAL INFILE, still writes the
            # closing packet to the socket it has dropped (None): no pymysql.Error then
            if self.conn.open:
                raise
            raise EngineError(f"{sf.path}: cannot stage {sf.qualified}: lost the connection to the server during LOAD DATA") from None
        self.insert_rows(rejects_tbl, REJECT_COLUMNS, nf.prepared.fault_rows())
        return StageResult(sf.qualified, sf.path.name, nf.prepared.staged, len(nf.prepared.scan.bad_records), nf.prepared)

    def insert_rows(self, tbl: exp.Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows given as Python values (row content: never in SQL text)."""
        if not rows:
            return
        marks = ", ".join(["%s"] * len(columns))
        try:
            with self.conn.cursor() as cur:
                cur.executemany(f"INSERT INTO {quoted(tbl, self.dialect)} ({column_list(columns, self.dialect)}) VALUES ({marks})", rows)
        except pymysql.Error as exc:
            raise self.fail(f"insert into {tbl.name}", exc) from None
