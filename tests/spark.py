"""One local Spark session for the whole test run (local[2], a private warehouse), shared by
the function conformance suite and the engine tests: starting Spark costs seconds, so no
test starts its own.  `fresh_target()` empties the warehouse's schemas for a test that runs
a spec, instead of a new session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

_STATE: dict[str, str] = {}

# Every spec statement is a Spark job (seconds each on a busy 2-CPU machine: a whole run
# takes minutes), so CI runs the conformance rows and one demo run on Spark; the construct
# specs and a second demo run only with CHARTSHIFT_SPARK_FULL=1 (docs/SPARK.md, Tests).
FULL = os.environ.get("CHARTSHIFT_SPARK_FULL", "") == "1"
full_only = pytest.mark.skipif(not FULL, reason="a full Spark run per case: CHARTSHIFT_SPARK_FULL=1 runs it")


def spark_url() -> str:
    """spark://local[2] on this test run's warehouse; skipped without PySpark (a failure when CI=true)."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PySpark is not installed ({exc}) and CI=true requires it (pip install -e '.[spark]')", pytrace=False)
        pytest.skip("PySpark is not installed (pip install -e '.[spark]')")
    if "url" not in _STATE:
        folder = tempfile.mkdtemp(prefix=f"chartshift-test-spark-{os.getpid()}-")
        atexit.register(shutil.rmtree, folder, True)
        _STATE["url"] = f"spark://local[2]?warehouse={folder}/warehouse"
    return _STATE["url"]


def session():
    """The shared SparkSession (started on first use)."""
    from compiler.runtime.engines.spark import SparkEngine

    return SparkEngine.open(spark_url()).spark


def fresh_target() -> str:
    """The shared warehouse with every schema but `default` dropped: a first run's target."""
    s = session()
    for (name,) in s.sql("SHOW DATABASES").collect():
        if name != "default":
            s.sql(f"DROP DATABASE `{name}` CASCADE")
    return spark_url()
