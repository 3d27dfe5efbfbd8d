"""The demo migration on local Spark equals the DuckDB run: the same target rows and
crosswalks (canonical row hashes), the same rejects with their positions, the same
accounting and report numbers.  One small export, one shared Spark session (tests/spark.py)."""

from __future__ import annotations

import pytest
from sqlglot import exp

from compiler.pipeline import load
from compiler.runtime.engines import EngineError, engine_class, open_engine
from compiler.runtime.engines.spark import SparkUrl
from compiler.runtime.run import run
from compiler.sqlgen.canonical import digest, table_digests
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.statements import REJECTS
from compiler.sqlgen.text import sql_text
from tests.conftest import DEMO_SPEC
from tests.runtime.engines.test_cross_engine import crosswalk_digests, numbers
from tests.spark import fresh_target, full_only

REJECT_FIELDS = (
    "map",
    "source_table",
    "source_key",
    "slot",
    "record",
    "rule",
    "reason",
    "reason_code",
    "source_file",
    "source_line",
    "byte_offset",
)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    from compiler.demo.export import generate

    out = tmp_path_factory.mktemp("spark_demo")
    generate(out, patients=60, seed=11)
    return out


def outcome(url: str, dialect: str, folder):
    compiled = load(DEMO_SPEC)
    report = run(compiled, folder, url, commit_on_fail=True)
    engine = open_engine(url)
    try:
        gen = SqlGen(compiled.checked, dialect)
        digests = table_digests(engine, gen)
        digests.update(crosswalk_digests(engine, gen))
        q = exp.select(*[col(c) for c in (*REJECT_FIELDS, "original_row")]).from_(gen.tbl(*REJECTS))
        rows = engine.query(sql_text(q, dialect))
    finally:
        engine.close()
    return report, digests, rows


@pytest.fixture(scope="module")
def both(export, tmp_path_factory):
    duck = outcome(f"duckdb:///{tmp_path_factory.mktemp('duck') / 'demo.duckdb'}", "duckdb", export)
    spark = outcome(fresh_target(), "spark", export)
    return duck, spark


def test_same_report_numbers_as_duckdb(both):
    (duck, _, _), (spark, _, _) = both
    assert numbers(spark) == numbers(duck)
    assert [m.balanced for m in spark.maps] == [True] * len(spark.maps)
    assert (spark.status, spark.committed) == (duck.status, duck.committed)


def test_same_target_rows_and_crosswalks_as_duckdb(both):
    (_, duck, _), (_, spark, _) = both
    assert spark == duck
    assert all(n > 0 for n, _ in spark.values())


def test_same_rejects_with_positions_as_duckdb(both):
    (_, _, duck), (_, _, spark) = both
    assert len(spark) == len(duck) > 0
    assert digest([r[: len(REJECT_FIELDS)] for r in spark]) == digest([r[: len(REJECT_FIELDS)] for r in duck])
    # the record's text as the file has it (located again by the records scanner)
    assert digest([(r[4], r[0], r[-1]) for r in spark if r[0] is not None]) == digest(
        [(r[4], r[0], r[-1]) for r in duck if r[0] is not None]
    )


@full_only
def test_a_second_run_keeps_the_crosswalk_ids(export, both):
    """Crosswalks live in the warehouse: the same export again gives every key its id back."""
    (_, _, _), (_, first, _) = both
    from tests.spark import spark_url

    _, again, _ = outcome(spark_url(), "spark", export)
    assert again == first


@pytest.mark.parametrize(
    "url, master, warehouse",
    [
        ("spark://local[2]", "local[2]", "spark-warehouse"),
        ("spark://local[*]?warehouse=/data/wh", "local[*]", "/data/wh"),
        ("SPARK://local", "local", "spark-warehouse"),
    ],
)
def test_local_urls(url, master, warehouse):
    u = SparkUrl.parse(url)
    assert (u.master, u.remote) == (master, None) and str(u.warehouse).endswith(warehouse)
    assert engine_class(url).dialect == "spark"


def test_connect_and_bad_urls():
    assert SparkUrl.parse("sc://spark.example:15002").remote == "sc://spark.example:15002"
    with pytest.raises(EngineError, match="spark://local\\[N\\]"):
        SparkUrl.parse("spark://cluster:7077")
    with pytest.raises(EngineError, match="unknown setting `threads`"):
        SparkUrl.parse("spark://local[2]?threads=4")
