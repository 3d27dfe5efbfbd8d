"""Golden access.sql: tests/golden/access.mig compiled for each dialect with roles is
compared byte for byte with tests/golden/access/<dialect>/access.sql (UPDATE_GOLDEN=1
rewrites them).  tests/ops/access/test_access_servers.py runs such a file on the servers."""

from __future__ import annotations

import os

import pytest

from compiler.dialects import RUNNABLE
from compiler.pipeline import load, render_all
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "golden" / "access.mig"
WITH_ROLES = [d.name for d in RUNNABLE if d.access is not None]


@pytest.mark.parametrize("dialect", WITH_ROLES)
def test_access_sql_matches_golden(monkeypatch, dialect):
    monkeypatch.chdir(ROOT)
    text = render_all(load(SPEC.relative_to(ROOT)), dialect)["access.sql"]
    golden = ROOT / "tests" / "golden" / "access" / dialect / "access.sql"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8"), f"{golden} differs (UPDATE_GOLDEN=1 to accept)"


def test_dialects_without_roles_get_no_access_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    compiled = load(SPEC.relative_to(ROOT))
    for d in RUNNABLE:
        assert ("access.sql" in render_all(compiled, d.name)) == (d.access is not None), d.name
    assert WITH_ROLES  # PostgreSQL and MariaDB have roles
