"""Apache Spark adapter: `spark://local[N]` (a local session, the tests) or `sc://HOST:PORT`
(Spark Connect).  Tables are Parquet in a warehouse folder with a Hive metastore beside
them (crosswalks, rejects and run history live there across runs); Spark has no
transactions, so the generated scripts build shadow tables and rename them into place at
the end (compiler/dialects/spark.py).

Staging: the records scanner (compiler/runtime/records.py) and DuckDB normalise a file
as for the server engines (malformed records become positioned rejects, the same ones as
on every engine), into Parquet rather than CSV: read by Spark's CSV reader, the demo's
clinical notes (CRLF inside quoted values) differed from DuckDB's by row hash.
Spark reads that file and writes it as the Parquet staging table."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs

from sqlglot import exp

from compiler.dialects import SPARK
from compiler.runtime.engines.base import EngineError, StageResult, first_line, redact
from compiler.runtime.staging import REJECT_COLUMNS, SourceFile, normalize_with_duckdb

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from compiler.sqlgen.dialect_sql import DialectTraits

LOCAL = re.compile(r"^local(\[([0-9]+|\*)\])?$")
URL_SETTINGS = ("warehouse", "memory")
CONNECT = SPARK.url_schemes[1]  # sc://HOST:PORT
WAREHOUSE = "spark-warehouse"  # beside the current folder, as Spark's own default

# Session settings chartshift relies on: what the generated SQL assumes of the engine
SESSION_CONFIG = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.ansi.enabled": "true",  # a failed cast or an overflow is an error, as on PostgreSQL
    "spark.sql.jsonGenerator.ignoreNullFields": "false",  # rejects' original_row keeps NULL fields
    "spark.sql.sources.default": "parquet",
    "spark.sql.legacy.createHiveTableByDefault": "false",  # CREATE TABLE without USING: Parquet
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",  # one machine's cores, not 200 tiny tasks
}


@dataclass(frozen=True)
class SparkUrl:
    """`spark://local[N][?warehouse=DIR&memory=2g]` or `sc://HOST:PORT[/;params]`."""

    master: str | None  # local[N]; None for Spark Connect
    remote: str | None  # the sc:// URL
    warehouse: Path | None
    memory: str | None
    display: str

    @classmethod
    def parse(cls, url: str) -> SparkUrl:
        scheme, _, rest = url.partition("://")
        if scheme.lower() == CONNECT:
            return cls(None, url, None, None, url.split("?")[0])
        where, _, query = rest.partition("?")
        if not LOCAL.match(where):
            raise EngineError(f"{url}: a Spark target is {SPARK.url_example}")
        settings = parse_qs(query, keep_blank_values=True)
        unknown = sorted(set(settings) - set(URL_SETTINGS))
        if unknown:
            raise EngineError(f"{SPARK.url(where)}: unknown setting `{unknown[0]}` (known: {', '.join(URL_SETTINGS)})")
        warehouse = Path(settings["warehouse"][-1]) if "warehouse" in settings else Path(WAREHOUSE)
        memory = settings["memory"][-1] if "memory" in settings else None
        return cls(where, None, warehouse.absolute(), memory, SPARK.url(where))


_SESSION: dict[str, Any] = {}  # the one local session of this process, and its warehouse


def local_session(u: SparkUrl) -> SparkSession:
    """The process's local session for `u`'s warehouse: one SparkContext per process, so a
    session on another warehouse is stopped first (the JVM stays up)."""
    from pyspark.sql import SparkSession

    assert u.master is not None and u.warehouse is not None
    key = (u.master, str(u.warehouse), u.memory)
    current = _SESSION.get("session")
    if current is not None and _SESSION.get("key") == key:
        return cast("SparkSession", current)
    if current is not None:
        current.stop()
        _SESSION.clear()
    try:
        u.warehouse.mkdir(parents=True, exist_ok=True, mode=0o700)  # Parquet files of PHI
    except OSError as exc:
        raise EngineError(f"{u.display}: cannot create the warehouse {u.warehouse}: {exc.strerror}") from None
    metastore = u.warehouse / "metastore_db"
    builder = (
        SparkSession.builder.master(u.master)
        .appName("chartshift")
        .config("spark.sql.warehouse.dir", str(u.warehouse))
        .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={metastore};create=true")
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={u.warehouse}")
    )
    if u.memory:
        builder = builder.config("spark.driver.memory", u.memory)
    for k, v in SESSION_CONFIG.items():
        builder = builder.config(k, v)
    try:
        session = builder.enableHiveSupport().getOrCreate()
    except Exception as exc:  # Java missing, port taken, ...: no row data
        raise EngineError(f"{u.display}: cannot start Spark: {first_line(exc)}") from None
    session.sparkContext.setLogLevel("ERROR")
    _SESSION.update(session=session, key=key)
    return session


def remote_session(u: SparkUrl) -> SparkSession:
    from pyspark.sql import SparkSession

    assert u.remote is not None
    try:
        session = SparkSession.builder.remote(u.remote).getOrCreate()
        for k, v in SESSION_CONFIG.items():
            if not k.startswith("spark.ui") and k != "spark.sql.legacy.createHiveTableByDefault":
                session.conf.set(k, v)
    except Exception as exc:
        raise EngineError(f"{u.display}: cannot connect: {first_line(exc)}") from None
    return session


class SparkEngine:
    record = SPARK
    dialect = SPARK.name

    def __init__(self, session: SparkSession, url: SparkUrl):
        self.spark = session
        self.url = url
        self.display_url = url.display

    @classmethod
    def open(cls, url: str) -> SparkEngine:
        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise EngineError(f"{url}: PySpark is not installed (pip install 'chartshift[spark]')") from None
        u = SparkUrl.parse(url)
        return cls(remote_session(u) if u.remote else local_session(u), u)

    def begin(self) -> None:
        pass  # publication is by rename (compiler/dialects/spark.py)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass  # shadow tables are never renamed into place; the next run drops them

    def close(self) -> None:
        pass  # the session stays for the next engine of this process (stopped at exit)

    def fail(self, what: str, exc: BaseException) -> EngineError:
        return EngineError(f"{what}: {redact(first_line(exc))}")

    def execute(self, sql: str) -> None:
        try:
            self.spark.sql(sql).collect() if _is_query(sql) else self.spark.sql(sql)
        except Exception as exc:
            raise self.fail("statement failed", exc) from None

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return [tuple(r) for r in self.spark.sql(sql).collect()]
        except Exception as exc:
            raise self.fail("query failed", exc) from None

    def export_csv(self, sql: str, path: Path) -> None:
        """The rows of a query as CSV in `path`, NULL as an empty field (reconcile's pairs);
        collected through the driver: reconcile's pairs are (key, hash), small per row."""
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            for row in self.query(sql):
                writer.writerow(["" if v is None else v for v in row])

    def stage(self, sf: SourceFile, workdir: Path, stage_tbl: exp.Table, rejects_tbl: exp.Table, traits: DialectTraits) -> StageResult:
        nf = normalize_with_duckdb(sf, workdir, fmt="parquet")
        try:
            self._read_clean(nf.path).write.mode("overwrite").format("parquet").saveAsTable(stage_tbl.sql(self.dialect, identify=True))
        except Exception as exc:
            raise self.fail(f"{sf.path}: cannot stage {sf.qualified}", exc) from None
        self.insert_rows(rejects_tbl, REJECT_COLUMNS, nf.prepared.fault_rows())
        return StageResult(sf.qualified, sf.path.name, nf.prepared.staged, len(nf.prepared.scan.bad_records), nf.prepared)

    def _read_clean(self, path: Path) -> DataFrame:
        """The scanned file's good records (`__row` then every column as text, written by
        DuckDB as Parquet): read by Spark itself in local mode, sent as Arrow batches to a
        Connect server (which cannot see this machine's private work folder)."""
        if self.url.remote is None:
            return self.spark.read.parquet(str(path))
        import pyarrow.parquet as pq

        return self.spark.createDataFrame(pq.read_table(path))

    def insert_rows(self, tbl: exp.Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows given as Python values (row content: never in SQL text), typed as the
        table's columns."""
        if not rows:
            return
        name = tbl.sql(self.dialect, identify=True)
        try:
            fields = {f.name.lower(): f for f in self.spark.table(name).schema.fields}
            from pyspark.sql.types import StructType

            schema = StructType([fields[c.lower()] for c in columns])
            df = self.spark.createDataFrame(rows, schema=schema, verifySchema=False)
            view = f"cs_rows_{os.getpid()}"
            df.createOrReplaceTempView(view)
            cols = ", ".join(_quote(c) for c in columns)
            self.spark.sql(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {_quote(view)}")
            self.spark.catalog.dropTempView(view)
        except Exception as exc:
            raise self.fail(f"insert into {tbl.name}", exc) from None


def _quote(name: str) -> str:
    return exp.to_identifier(name, quoted=True).sql(SPARK.sqlglot)


def _is_query(sql: str) -> bool:
    """A SELECT whose rows are wanted only as a check (duplicate guards raise while collecting)."""
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))
