"""Apache Spark (sqlglot's `spark`): a warehouse of Parquet tables, no transactions, so a run
builds shadow tables and swaps them into place at the end, one rename per table."""

from __future__ import annotations

from compiler.dialects.record import Capabilities, Collation, Dialect, IdentifierRules, Staging, target_types

SPARK = Dialect(
    name="spark",
    title="Apache Spark",
    sqlglot="spark",
    # backticks, doubled inside; the session catalog keeps table and schema names in lower case
    identifiers=IdentifierRules(quote="`", max_length=None),
    # Spark 4's default string collation is UTF8_BINARY: =, <, ORDER BY and GROUP BY compare bytes
    collation=Collation(default_is_binary=True),
    capabilities=Capabilities(
        transactional_ddl=False,
        publish_by_rename=True,
        temporary_work=False,  # no temporary tables (only temporary views)
        crosswalk_primary_key=False,
        constraints_after_load=True,  # the duplicate guards of 85_constraints
        declared_constraints=False,  # Parquet tables have no PRIMARY KEY / UNIQUE
        update_rows=False,  # Parquet tables are immutable: a new table from a join instead
    ),
    # CHAR(n) would pad with spaces on read: every text is VARCHAR(n) or STRING; timestamps
    # without a time zone (Spark's TIMESTAMP is the session's local time)
    target_types=target_types(char="VARCHAR", text="STRING", timestamp="TIMESTAMP_NTZ"),
    key_type="STRING",
    json_object="to_json",
    staging=Staging(
        "spark_csv",
        "the scanned records as Parquet (DuckDB) -> spark.read.parquet -> CREATE TABLE <stage> USING parquet",
        normalized_first=True,
    ),
    url_schemes=("spark", "sc"),
    url_example="spark://local[N] or sc://HOST:PORT",
    upsert="none",
    raise_error="raise_error",
    rename="alter_each",
    warehouse=True,
)
