"""The construct conformance suite: every spec in tests/conformance/specs and
tests/functions/specs runs its `test` blocks on every engine, and every block passes
(date literals, nested calls, INSERT ... SELECT under MariaDB's strict mode, and each
language construct's edge cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.cli.main import main
from tests.spark import full_only

TESTS = Path(__file__).resolve().parents[2]
SPECS = sorted([*(TESTS / "conformance" / "specs").glob("*.mig"), *(TESTS / "functions" / "specs").glob("*.mig")])


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql", pytest.param("spark", marks=full_only)])
def test_conformance_spec_passes(engine_urls, dialect, spec, capsys):
    if dialect == "spark":
        from tests.spark import spark_url

        engine_urls = {**engine_urls, "spark": spark_url()}
    assert main(["test", str(spec), "--target", engine_urls[dialect]]) == 0
    out = capsys.readouterr()
    assert "PASS" in out.out + out.err
    assert "FAIL" not in out.out + out.err


def test_there_are_specs():
    assert SPECS
