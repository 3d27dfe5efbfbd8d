"""PHI at rest (issue 14): the DuckDB target file, its `.wal` and spill files, the run's
staging files (transcoded and normalised copies of the source) and scratch databases are
created 0600 (folders 0700), on every engine, whatever the umask was; the umask is
restored afterwards."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import duckdb
import pytest

from compiler.pipeline import load
from compiler.runtime import run as run_module
from compiler.runtime.engines.duckdb import DuckDBEngine
from compiler.runtime.run import run
from compiler.runtime.scratch import hold_private_umask, release_private_umask

SPEC = """
migration "modes" { }
source legacy csv "data" {
  encoding "cp1252"
  table people "people.csv" key id {
    id   text
    name text phi
  }
}
target new {
  table person key pid {
    pid  bigint not null
    code varchar(10) not null
    name varchar(40)
  }
}
map legacy.people -> new.person {
  pid  = crosswalk(id)
  code = trim(id)
  name = trim(name)
}
"""

# a cp1252 file (transcoded before staging) with a malformed record (a reject)
CSV = b'id,name\r\n1,Ren\xe9e\r\n2,"Bob\r\n3,Cy\r\n'


def mode(p: Path | str) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


@pytest.fixture
def open_umask():
    """Run with the permissive umask 0o022 (then back to what it was)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def current_umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def spec_in(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "people.csv").write_bytes(CSV)
    (tmp_path / "modes.mig").write_text(SPEC)
    return load(tmp_path / "modes.mig")


def test_duckdb_target_and_wal_are_0600(tmp_path, open_umask):
    target = tmp_path / "t.duckdb"
    engine = DuckDBEngine.open(f"duckdb:///{target}")
    try:
        engine.begin()
        engine.execute("CREATE TABLE x AS SELECT range AS i, 'PHI' AS v FROM range(100000)")
        engine.commit()
        engine.begin()
        engine.execute("INSERT INTO x SELECT range, 'more' FROM range(1000)")
        engine.commit()
        wal = Path(str(target) + ".wal")
        assert wal.exists()
        assert (mode(target), mode(wal)) == (0o600, 0o600)
        assert mode(str(target) + ".tmp") == 0o700
    finally:
        engine.close()
    assert mode(target) == 0o600
    assert current_umask() == 0o022  # restored


def test_an_older_world_readable_target_becomes_0600(tmp_path, open_umask):
    target = tmp_path / "old.duckdb"
    duckdb.connect(str(target)).close()
    os.chmod(target, 0o644)
    engine = DuckDBEngine.open(f"duckdb:///{target}")
    engine.close()
    assert mode(target) == 0o600


def test_nested_holds_restore_the_umask_once(open_umask):
    hold_private_umask()
    hold_private_umask()
    release_private_umask()
    assert current_umask() == 0o077
    release_private_umask()
    assert current_umask() == 0o022


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_run_files_are_private(dialect, tmp_path, fresh_url, open_umask, monkeypatch):
    compiled = spec_in(tmp_path)
    url = fresh_url(dialect)
    seen: dict[str, int] = {}

    def record(path: Path) -> None:
        if path.exists() and not path.is_symlink():
            seen[str(path)] = mode(path)

    def look(step, seconds):  # during the run: the target file, its .wal, the staging files
        if dialect == "duckdb":
            target = url.removeprefix("duckdb:///")
            for p in (target, target + ".wal"):
                record(Path(p))
        for root in list(workdirs):
            for p in Path(root).rglob("*"):
                record(p)

    workdirs: list[str] = []
    real_private_dir, real_rmtree = run_module.private_dir, shutil.rmtree

    def private_dir(kind):
        d = real_private_dir(kind)
        workdirs.append(str(d))
        record(d)
        return d

    def rmtree(path, *a, **k):  # the workdir, just before it is removed
        if str(path) in workdirs:
            for p in Path(path).rglob("*"):
                record(p)
        return real_rmtree(path, *a, **k)

    monkeypatch.setattr(run_module, "private_dir", private_dir)
    monkeypatch.setattr(run_module.shutil, "rmtree", rmtree)
    report = run(compiled, tmp_path / "data", url, on_statement=look)
    assert report.committed
    staged = [p for p in seen if any(p.startswith(w + os.sep) for w in workdirs)]
    assert staged, "no staging file seen"
    assert {p: m for p, m in seen.items() if m not in (0o600, 0o700)} == {}
    if dialect == "duckdb":
        target = url.removeprefix("duckdb:///")
        assert seen[target] == 0o600 and mode(target) == 0o600
    assert current_umask() == 0o022
