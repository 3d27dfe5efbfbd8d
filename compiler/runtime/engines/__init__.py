"""Engine adapters: one per target database, chosen by the target URL's scheme."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit

from compiler.runtime.engines.base import Engine, EngineError


def engine_class(url: str):
    """The adapter class for a target URL's scheme (imported on first use)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "duckdb":
        from compiler.runtime.engines.duckdb import DuckDBEngine

        return DuckDBEngine
    if scheme in ("postgresql", "postgres"):
        from compiler.runtime.engines.postgres import PostgresEngine

        return PostgresEngine
    if scheme in ("mysql", "mariadb"):
        from compiler.runtime.engines.mysql import MySQLEngine

        return MySQLEngine
    raise EngineError(f"unsupported target `{scheme or url}`: use duckdb:///FILE, postgresql://user@host:port/db or mysql://user@host:port/db")


def open_engine(url: str) -> Engine:
    return engine_class(url).open(url)


@contextmanager
def scratch_target(url: str | None):
    """Where spec tests run: in-memory DuckDB for no target or a DuckDB one (a test never
    writes into a target file), else a new database on the given server, dropped after."""
    engine = engine_class(url) if url is not None else None
    if engine is None or engine.dialect == "duckdb":
        yield "duckdb://:memory:"
        return
    from compiler.runtime.engines.sqlnet import scratch_database

    with scratch_database(engine, url) as scratch:
        yield scratch


__all__ = ["Engine", "EngineError", "engine_class", "open_engine", "scratch_target"]
