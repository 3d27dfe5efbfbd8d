"""`chartshift test --target`: the spec's tests on PostgreSQL and MariaDB, each in a new
database on that server, so that neither the database the URL names nor an earlier
migration's crosswalks there can change (or be changed by) a test."""

from __future__ import annotations

import os
import uuid

import pytest

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.canonical import table_digests
from compiler.sqlgen.scripts import SqlGen
from tests.conftest import DEMO_SPEC

SCRATCH_DATABASES = {
    "postgres": "select datname from pg_database where datname like 'chartshift_test%'",
    "mysql": "select schema_name from information_schema.schemata where schema_name like 'chartshift_test%'",
}


def state(url: str, dialect: str) -> dict:
    compiled = load(DEMO_SPEC)
    engine = open_engine(url)
    try:
        return table_digests(engine, SqlGen(compiled.checked, dialect))
    finally:
        engine.close()


def scratch_databases(url: str, dialect: str) -> list:
    """This process's scratch databases (named after its pid, see runtime/engines/sqlnet.py):
    other test sessions on the same server have their own, which are none of this test's business."""
    own = f"chartshift_test_{os.getpid()}_"
    engine = open_engine(url)
    try:
        return [row for row in engine.query(SCRATCH_DATABASES[dialect]) if str(row[0]).startswith(own)]
    finally:
        engine.close()


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_spec_tests_pass_on_a_server_holding_a_migration(engine_urls, demo_export, dialect, tmp_path, capsys):
    url = engine_urls[dialect]
    # a real migration in the named database: its crosswalks would shift a test's ids
    run(load(DEMO_SPEC), demo_export[0], url, commit_on_fail=True)
    before = state(url, dialect)
    assert before["emr.patient"][0] > 0
    junit = tmp_path / "junit.xml"
    for _ in range(2):  # and a second time: nothing a test did is left behind
        assert main(["test", str(DEMO_SPEC), "--target", url, "--junit", str(junit)]) == 0
    out = capsys.readouterr()
    assert out.err.count("PASS") + out.out.count("PASS") == 2 * len(load(DEMO_SPEC).spec.tests)
    assert 'failures="0"' in junit.read_text()
    assert state(url, dialect) == before  # the named database: untouched
    assert scratch_databases(url, dialect) == []  # every scratch database dropped


def test_a_role_that_cannot_create_databases_gets_a_clear_error(pg_url, capsys):
    admin = open_engine(pg_url.rsplit("/", 1)[0] + "/postgres")
    role = f"cs_nocreate_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE ROLE "{role}" LOGIN')
    admin.commit()
    try:
        code = main(["test", str(DEMO_SPEC), "--target", pg_url.replace("postgres@", f"{role}@", 1)])
        err = capsys.readouterr().err
        assert code == 3
        assert "spec tests run in a new database on this server and cannot create one (grant CREATE DATABASE)" in err
        assert "Traceback" not in err
    finally:
        admin.execute(f'DROP ROLE "{role}"')
        admin.commit()
        admin.close()
