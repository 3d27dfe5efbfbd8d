"""Unreachable hosts, wrong passwords, missing databases: one clear line, exit code 3,
and the password never shown."""

from __future__ import annotations

import pytest

from compiler.cli.main import main
from compiler.runtime.engines.sqlnet import ServerUrl
from tests.conftest import DEMO_SPEC

SECRET = "s3cr3t-pw-XYZ"


@pytest.mark.parametrize(
    "url, words",
    [
        (f"postgresql://postgres:{SECRET}@127.0.0.1:1/test", "cannot connect"),
        (f"mysql://root:{SECRET}@127.0.0.1:1/test", "cannot connect"),
        (f"postgresql://nobody_here:{SECRET}@127.0.0.1:5432/test", "cannot connect"),
        (f"mysql://nobody_here:{SECRET}@127.0.0.1:3306/test", "cannot connect"),
        ("postgresql://postgres@127.0.0.1:5432/no_such_database_cs", "cannot connect"),
        ("mysql://root@127.0.0.1:3306/no_such_database_cs", "cannot connect"),
        ("mysql://root@127.0.0.1:3306", "name the database in the URL"),
        ("oracle://x@y/z", "unsupported target"),
        ("duckdb:////no/such/folder/x.duckdb", "does not exist"),
        ("duckdb:////tmp/x.duckdb?memory_limt=1GB", "unknown setting `memory_limt`"),
        ("duckdb:////tmp/x.duckdb?memory_limit=lots", "cannot open"),
        ("duckdb:////tmp/x.duckdb?temp_directory=/no/such/dir", "cannot create temp_directory"),
    ],
)
def test_connection_errors(url, words, demo_export, capsys, pg_url, mysql_url):
    folder, _ = demo_export
    code = main(["run", str(DEMO_SPEC), "--source", str(folder), "--target", url])
    err = capsys.readouterr().err
    assert code == 3
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert words in lines[0]
    assert SECRET not in err
    assert "Traceback" not in err


def test_password_masked_in_display():
    u = ServerUrl.parse(f"postgresql://me:{SECRET}@db.example:5433/clinic", {})
    assert u.display == "postgresql://me:***@db.example:5433/clinic"
    assert (u.user, u.password, u.host, u.port, u.database) == ("me", SECRET, "db.example", 5433, "clinic")


def test_environment_variables_fill_the_gaps():
    u = ServerUrl.parse("postgresql:///", {"host": "h", "port": "6543", "user": "u", "password": "p", "database": "d"})
    assert (u.host, u.port, u.user, u.password, u.database) == ("h", 6543, "u", "p", "d")


def test_duckdb_target_settings(tmp_path):
    from compiler.runtime.engines.duckdb import DuckDBEngine

    target = tmp_path / "emr.duckdb"
    engine = DuckDBEngine.open(f"duckdb:///{target}?memory_limit=300MB&threads=1&checkpoint_threshold=0b")
    try:
        settings = engine.query(
            "select current_setting('memory_limit'), current_setting('threads'), current_setting('temp_directory'), "
            "current_setting('checkpoint_threshold')"
        )
        assert settings == [("286.1 MiB", 1, f"{target}.tmp", "0 bytes")]
        assert (target.parent / "emr.duckdb.tmp").stat().st_mode & 0o777 == 0o700  # spilled rows are PHI
        # a file named like a target schema: the file is attached under a fixed catalog name
        engine.execute("create schema emr")
        engine.execute("create table emr.patient (id integer)")
        assert engine.query("select count(*) from emr.patient") == [(0,)]
    finally:
        engine.close()
    default = DuckDBEngine.open(f"duckdb:///{target}")
    try:
        assert default.query("select current_setting('memory_limit')") == [("953.6 MiB",)]
    finally:
        default.close()
    assert not (target.parent / "emr.duckdb.tmp").exists()


def test_duckdb_clears_the_spill_folder_a_killed_run_left(tmp_path):
    """`<target>.tmp` of a killed run holds spilled rows (PHI): the next open of the same
    target (which locks it) empties it and removes it on close; a folder the user named
    with `temp_directory` is never touched."""
    from compiler.runtime.engines.duckdb import DuckDBEngine

    target = tmp_path / "emr.duckdb"
    spill = tmp_path / "emr.duckdb.tmp"
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"Doe,Jane,1970-01-01")
    (spill / "sub").mkdir()
    spill.chmod(0o755)
    engine = DuckDBEngine.open(f"duckdb:///{target}")
    try:
        assert list(spill.iterdir()) == [] and spill.stat().st_mode & 0o777 == 0o700
    finally:
        engine.close()
    assert not spill.exists()

    mine = tmp_path / "my-spill"
    mine.mkdir()
    (mine / "keep.txt").write_text("x")
    engine = DuckDBEngine.open(f"duckdb:///{target}?temp_directory={mine}")
    engine.close()
    assert (mine / "keep.txt").read_text() == "x"
