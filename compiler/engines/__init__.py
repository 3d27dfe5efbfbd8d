"""Engine adapters: one per target database, chosen by the target URL's scheme."""

from __future__ import annotations

from urllib.parse import urlsplit

from compiler.engines.base import Engine, EngineError


def open_engine(url: str) -> Engine:
    scheme = urlsplit(url).scheme.lower()
    if scheme == "duckdb":
        from compiler.engines.duckdb import DuckDBEngine

        return DuckDBEngine.open(url)
    raise EngineError(f"unsupported target `{scheme or url}`: use duckdb:///FILE (postgresql:// and mysql:// are not wired yet)")


__all__ = ["Engine", "EngineError", "open_engine"]
