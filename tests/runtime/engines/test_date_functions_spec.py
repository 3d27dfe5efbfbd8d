"""The date-arithmetic and hash functions through the whole compiler: the test block of
tests/functions/specs/dates_and_hashes.mig (date literals in a `where` and in fields,
nested calls, INSERT ... SELECT under MariaDB's strict mode) passes on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.cli.main import main

SPEC = Path(__file__).resolve().parents[2] / "functions" / "specs" / "dates_and_hashes.mig"


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_date_and_hash_spec_passes(engine_urls, dialect, capsys):
    assert main(["test", str(SPEC), "--target", engine_urls[dialect]]) == 0
    out = capsys.readouterr()
    assert "PASS" in out.out + out.err
