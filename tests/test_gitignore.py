"""The repository's .gitignore keeps keys, archives, reports, rejects and DuckDB files out of git."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRETS = [
    "mask.key",
    "backup.key",
    "pre-cutover.csbk",
    "report.json",
    "demo/report.json",
    "out.duckdb",
    "out.duckdb.wal",
    "rejects/patients.csv",
    "chartshift.log",
]


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
@pytest.mark.parametrize("name", SECRETS)
def test_secrets_are_ignored(name):
    r = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT)
    assert r.returncode == 0, f"{name} is not ignored by .gitignore"
