"""Engine adapters: one per runnable dialect record, chosen by the target URL's scheme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from compiler.dialects import DUCKDB, MYSQL, POSTGRES, RUNNABLE, SPARK, by_url_scheme
from compiler.runtime.engines.base import Engine, EngineClass, EngineError

if TYPE_CHECKING:
    from compiler.runtime.engines.duckdb import DuckDBEngine
    from compiler.runtime.engines.mysql import MySQLEngine
    from compiler.runtime.engines.postgres import PostgresEngine
    from compiler.runtime.engines.spark import SparkEngine
    from compiler.runtime.engines.sqlnet import ServerEngineClass


def _duckdb() -> type[DuckDBEngine]:
    from compiler.runtime.engines.duckdb import DuckDBEngine

    return DuckDBEngine


def _postgres() -> type[PostgresEngine]:
    from compiler.runtime.engines.postgres import PostgresEngine

    return PostgresEngine


def _mysql() -> type[MySQLEngine]:
    from compiler.runtime.engines.mysql import MySQLEngine

    return MySQLEngine


def _spark() -> type[SparkEngine]:
    from compiler.runtime.engines.spark import SparkEngine

    return SparkEngine


# dialect name -> its adapter class (imported on first use: each needs its driver)
ADAPTERS: dict[str, Callable[[], EngineClass]] = {DUCKDB.name: _duckdb, POSTGRES.name: _postgres, MYSQL.name: _mysql, SPARK.name: _spark}


def scheme_of(url: str) -> str:
    """A target URL's scheme; `spark://local[2]` is no valid URL for urlsplit (brackets)."""
    return url.partition("://")[0].lower() if "://" in url else urlsplit(url).scheme.lower()


def engine_class(url: str) -> EngineClass:
    """The adapter class for a target URL's scheme (imported on first use)."""
    scheme = scheme_of(url)
    dialect = by_url_scheme(scheme)
    if dialect is None or dialect.name not in ADAPTERS:
        examples = [d.url_example for d in RUNNABLE]
        raise EngineError(f"unsupported target `{scheme or url}`: use {', '.join(examples[:-1])} or {examples[-1]}")
    return ADAPTERS[dialect.name]()


def open_engine(url: str) -> Engine:
    return engine_class(url).open(url)


@contextmanager
def scratch_target(url: str | None) -> Iterator[str]:
    """Where spec tests run: in-memory DuckDB for no target or a DuckDB one (a test never
    writes into a target file), else a new database on the given server, dropped after."""
    engine = engine_class(url) if url is not None else None
    if engine is None or engine.record.embedded:
        yield DUCKDB.url(":memory:")
        return
    if engine.record.warehouse:  # a fresh warehouse folder of this process, removed after
        from compiler.runtime.scratch import private_folder

        assert url is not None
        if scheme_of(url) != engine.record.url_schemes[0]:
            raise EngineError(f"{url}: spec tests run on a local Spark session (spark://local[N]), never on a cluster's warehouse")
        with private_folder("warehouse") as folder:
            yield f"{url.split('?')[0]}?warehouse={folder / 'warehouse'}"
        return
    from compiler.runtime.engines.sqlnet import scratch_database

    assert url is not None  # engine is None without one
    with scratch_database(cast("ServerEngineClass", engine), url) as scratch:  # not embedded: a server engine
        yield scratch


__all__ = ["ADAPTERS", "Engine", "EngineError", "engine_class", "open_engine", "scratch_target"]
