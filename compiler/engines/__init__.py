"""Engine adapters: one per target database, chosen by the target URL's scheme."""

from __future__ import annotations

from urllib.parse import urlsplit

from compiler.engines.base import Engine, EngineError


def open_engine(url: str) -> Engine:
    scheme = urlsplit(url).scheme.lower()
    if scheme == "duckdb":
        from compiler.engines.duckdb import DuckDBEngine

        return DuckDBEngine.open(url)
    if scheme in ("postgresql", "postgres"):
        from compiler.engines.postgres import PostgresEngine

        return PostgresEngine.open(url)
    if scheme in ("mysql", "mariadb"):
        from compiler.engines.mysql import MySQLEngine

        return MySQLEngine.open(url)
    raise EngineError(f"unsupported target `{scheme or url}`: use duckdb:///FILE, postgresql://user@host:port/db or mysql://user@host:port/db")


__all__ = ["Engine", "EngineError", "open_engine"]
