"""The DuckDB side of backups: a target's tables exported into an archive as Parquet, and loaded back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from compiler.dialects import DUCKDB
from compiler.ops.secure.archive import ArchiveError, ArchiveWriter
from compiler.ops.secure.keys import SecureError, SecureUsageError

if TYPE_CHECKING:
    import duckdb


def duckdb_path(url: str, must_exist: bool) -> Path:
    parts = urlsplit(url)
    if parts.scheme.lower() not in DUCKDB.url_schemes:
        raise SecureUsageError(f"{url}: only duckdb:///FILE targets can be backed up or restored")
    from compiler.runtime.engines.duckdb import path_of

    path = path_of(url)
    if path == ":memory:":
        raise SecureUsageError(f"{url}: an in-memory database cannot be backed up or restored")
    p = Path(path)
    if must_exist and not p.is_file():
        raise SecureError(f"{url}: target database {p} not found")
    return p


def qi(name: str) -> str:
    """A DuckDB identifier, always quoted."""
    return '"' + name.replace('"', '""') + '"'


def ql(text: str) -> str:
    """A DuckDB string literal."""
    return "'" + text.replace("'", "''") + "'"


def _duck_error(exc: Exception) -> str:
    s = str(exc).strip()
    return s.splitlines()[0] if s else type(exc).__name__


def _connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    import duckdb

    return duckdb.connect(
        str(path), read_only=read_only, config={"autoload_known_extensions": False, "autoinstall_known_extensions": False}
    )


def _table_order(tables: list[tuple[str, str, str]], fks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Tables with referenced tables first (foreign keys), otherwise by name."""
    by_key = {(s, t): (s, t, sql) for s, t, sql in tables}
    deps: dict[tuple[str, str], set[tuple[str, str]]] = {k: set() for k in by_key}
    for schema, table, ref in fks:
        if (schema, table) in deps and (schema, ref) in by_key and ref != table:
            deps[(schema, table)].add((schema, ref))
    out: list[tuple[str, str, str]] = []
    done: set[tuple[str, str]] = set()

    def visit(k: tuple[str, str], stack: tuple[tuple[str, str], ...] = ()) -> None:
        if k in done or k in stack:
            return
        for d in sorted(deps[k]):
            visit(d, stack + (k,))
        done.add(k)
        out.append(by_key[k])

    for k in sorted(by_key):
        visit(k)
    return out


def export_target(writer: ArchiveWriter, url: str, workdir: Path) -> dict[str, Any]:
    """Archive every base table of a DuckDB target as Parquet (one consistent snapshot);
    return the manifest's `target` section (schemas, views, indexes, sequences)."""
    import duckdb

    path = duckdb_path(url, must_exist=True)
    try:
        con = _connect(path, read_only=True)
    except duckdb.Error as exc:
        raise SecureError(f"{url}: cannot open target: {_duck_error(exc)}") from None
    try:
        con.begin()
        cur_db = "database_name = current_database()"
        tables = con.execute(
            f"SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE {cur_db} AND NOT internal AND NOT temporary"
        ).fetchall()
        fks = con.execute(
            f"SELECT schema_name, table_name, referenced_table FROM duckdb_constraints() WHERE {cur_db} AND constraint_type = 'FOREIGN KEY'"
        ).fetchall()
        schemas = [
            r[0]
            for r in con.execute(
                f"SELECT schema_name FROM duckdb_schemas() WHERE {cur_db} AND NOT internal ORDER BY schema_name"
            ).fetchall()
        ]
        views = [
            {"schema": s, "name": n, "sql": q}
            for s, n, q in con.execute(
                f"SELECT schema_name, view_name, sql FROM duckdb_views() WHERE {cur_db} AND NOT internal AND NOT temporary ORDER BY schema_name, view_name"
            ).fetchall()
        ]
        indexes = [
            q
            for (q,) in con.execute(
                f"SELECT sql FROM duckdb_indexes() WHERE {cur_db} AND sql IS NOT NULL ORDER BY schema_name, index_name"
            ).fetchall()
        ]
        sequences = [
            q
            for (q,) in con.execute(
                f"SELECT sql FROM duckdb_sequences() WHERE {cur_db} AND NOT temporary AND sql IS NOT NULL ORDER BY schema_name, sequence_name"
            ).fetchall()
        ]
        for i, (schema, table, ddl) in enumerate(_table_order(tables, fks)):
            name = f"{schema}.{table}"
            ref = f"{qi(schema)}.{qi(table)}"
            rows = cast(tuple[Any, ...], con.execute(f"SELECT count(*) FROM {ref}").fetchone())[0]  # count(*): one row
            pq = workdir / f"table-{i:05d}.parquet"
            con.execute(f"COPY (SELECT * FROM {ref}) TO {ql(str(pq))} (FORMAT PARQUET, COMPRESSION ZSTD)")
            os.chmod(pq, 0o600)
            with open(pq, "rb") as fh:
                writer.add(name, "table", fh, schema=schema, table=table, rows=int(rows), sql=ddl)
            pq.unlink()
        con.commit()
    except duckdb.Error as exc:
        raise SecureError(f"{url}: cannot export target: {_duck_error(exc)}") from None
    finally:
        con.close()
    return {"url": url, "schemas": schemas, "views": views, "indexes": indexes, "sequences": sequences}


def parquet_rows(path: Path) -> int:
    import duckdb

    try:
        con = _connect(":memory:")
        try:
            counted = cast(tuple[Any, ...], con.execute(f"SELECT count(*) FROM read_parquet({ql(str(path))})").fetchone())  # one row
            return int(counted[0])
        finally:
            con.close()
    except duckdb.Error as exc:
        raise ArchiveError(f"damaged archive: a table's Parquet data cannot be read ({_duck_error(exc)})") from None


# ---------------------------------------------------------------------------- verify and restore


class TableSink:
    """Decrypts a table's Parquet into a private temp file; on close counts its rows."""

    def __init__(self, path: Path, keep: bool):
        self.path = path
        self.keep = keep
        self.fh = open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def close(self) -> int:
        self.fh.close()
        rows = parquet_rows(self.path)
        if not self.keep:
            self.path.unlink()
        return rows


def _sandboxed(db: Path, readable: Path) -> duckdb.DuckDBPyConnection:
    """A connection to `db` that can read only the files under `readable`: the archive's
    SQL (DDL, views) comes from whoever holds the key and must not reach the host's files."""
    con = _connect(db)
    con.execute(f"SET allowed_directories = [{ql(str(readable) + os.sep)}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _one_create(con: duckdb.DuckDBPyConnection, sql: object, display: str) -> str:
    """The archive's SQL must be exactly one CREATE statement."""
    import duckdb

    try:
        stmts = con.extract_statements(sql) if isinstance(sql, str) else []
    except duckdb.Error:
        stmts = []
    if len(stmts) != 1 or stmts[0].type != duckdb.StatementType.CREATE:
        raise ArchiveError(f"{display}: tampered archive: its schema definitions hold something other than one CREATE statement")
    assert isinstance(sql, str)  # one statement was extracted from it
    return sql


def load_tables(db: Path, manifest: dict[str, Any], parquet: dict[int, Path], display: str) -> list[str]:
    """Create schemas, sequences, tables (their original DDL) with their rows, indexes and
    views in `db`, then check every table's row count on a fresh connection.

    The tables load in one transaction.  Sequences, indexes and views are best effort,
    each in its own autocommit statement: in DuckDB a failed statement aborts the open
    transaction and a later COMMIT silently rolls it back, so nothing that may fail runs
    inside the tables' transaction, and the final check does not trust the first one."""
    import duckdb

    notes = []
    target = manifest.get("target") or {}
    tables = [rec for rec in manifest["entries"] if rec["kind"] == "table"]
    readable = next(iter(parquet.values())).parent if parquet else db.parent
    con = _sandboxed(db, readable)
    try:
        for s in sorted(set(target.get("schemas", [])) | {rec["schema"] for rec in tables}):
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {qi(s)}")
        for q in target.get("sequences", []):
            try:
                con.execute(_one_create(con, q, display))
            except duckdb.Error:
                notes.append("a sequence could not be recreated")
        con.begin()
        for rec in tables:
            ref = f"{qi(rec['schema'])}.{qi(rec['table'])}"
            src = f"read_parquet({ql(str(parquet[rec['index']]))})"
            try:
                con.execute(_one_create(con, rec["sql"], display))
            except duckdb.Error as exc:
                raise ArchiveError(
                    f"{display}: cannot recreate table {rec['schema']}.{rec['table']} from its definition: {_duck_error(exc)}"
                ) from None
            try:
                con.execute(f"INSERT INTO {ref} SELECT * FROM {src}")
            except duckdb.Error as exc:  # the engine's message may quote a value: name the class only
                raise ArchiveError(
                    f"{display}: cannot load the rows of table {rec['schema']}.{rec['table']} ({type(exc).__name__})"
                ) from None
        con.commit()
        for q in target.get("indexes", []):
            try:
                con.execute(_one_create(con, q, display))
            except duckdb.Error:
                notes.append("an index could not be recreated")
        pending = list(target.get("views", []))
        while pending:  # views may depend on views: create what can be created, repeat
            failed = []
            for v in pending:
                try:
                    con.execute(_one_create(con, v["sql"], display))
                except duckdb.Error:
                    failed.append(v)
            if len(failed) == len(pending):
                notes += [f"view {v['schema']}.{v['name']} could not be recreated" for v in failed]
                break
            pending = failed
        con.execute("CHECKPOINT")
    except duckdb.Error as exc:
        raise ArchiveError(f"{display}: cannot restore the target: {_duck_error(exc)}") from None
    finally:
        con.close()
    _check_restored(db, tables, display)
    return notes


def _check_restored(db: Path, tables: list[dict[str, Any]], display: str) -> None:
    """Every table is there with the manifest's row count, seen from a new connection."""
    import duckdb

    try:
        con = _connect(db, read_only=True)
    except duckdb.Error as exc:
        raise ArchiveError(f"{display}: the restored database cannot be reopened: {_duck_error(exc)}") from None
    try:
        for rec in tables:
            try:
                counted = cast(tuple[Any, ...], con.execute(f"SELECT count(*) FROM {qi(rec['schema'])}.{qi(rec['table'])}").fetchone())
                rows = counted[0]  # count(*): one row
            except duckdb.Error:
                rows = None
            if rows != rec["rows"]:
                found = "is missing" if rows is None else f"holds {rows:,} rows"
                raise ArchiveError(
                    f"{display}: restored table {rec['schema']}.{rec['table']} {found}, the manifest says {rec['rows']:,} rows"
                )
    finally:
        con.close()
