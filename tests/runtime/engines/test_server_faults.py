"""Faults on the server engines, with the same two checks after every one: the previous
target is intact (canonical row hashes of the target tables, crosswalks and rejects), and
a rerun gives what the same runs give without a fault.

- chartshift killed (SIGKILL) before 12 statements of the run, staging and the publishing
  statement included, and once just after publication (then the new target is there);
- the run's connection killed from a second connection while the server is inside the
  bulk load of a staged file (`COPY ... FROM STDIN` / `LOAD DATA LOCAL INFILE`), for each
  of the two files.

Two concurrent runs are tests/runtime/engines/test_run_lock.py; kill -9 of the demo spec on
every engine is test_atomic.py.  The spec is the small one (tests/runtime/engines/small/).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from compiler.pipeline import load
from compiler.runtime import run as run_module
from compiler.runtime.engines import engine_class, open_engine
from compiler.runtime.run import run
from tests.conftest import ROOT
from tests.runtime.engines.small.harness import SPEC, cli, run_args, snapshot, write

SERVERS = ["postgres", "mysql"]

# a second connection finds the bulk load of a staged table, and kills its connection
FIND_LOAD = {
    "postgres": "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND query LIKE 'COPY %{table}% FROM STDIN%'",
    "mysql": "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() "
    "AND INFO LIKE 'LOAD DATA LOCAL INFILE %{table}%'",
}
KILL = {"postgres": "SELECT pg_terminate_backend({id})", "mysql": "KILL {id}"}


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    return write(base / "a", seed=1), write(base / "b", seed=2)


class Recorder:
    """An engine that notes each call the fault launcher counts (tests/faults.py), and commits."""

    def __init__(self, engine, ticks):
        self._engine, self.ticks = engine, ticks

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def execute(self, sql):
        self.ticks.append(sql)
        self._engine.execute(sql)

    def query(self, sql):
        self.ticks.append(sql)
        return self._engine.query(sql)

    def stage(self, *args, **kwargs):
        self.ticks.append("stage")
        return self._engine.stage(*args, **kwargs)

    def commit(self):
        self.ticks.append("COMMIT")
        self._engine.commit()


def statements(url: str, source, monkeypatch) -> tuple[list[str], int]:
    """The calls of one run on `url` as the fault launcher numbers them, and the number of
    the one that publishes (MariaDB's RENAME; elsewhere the first call after COMMIT is the
    first one after publication, so the last one before it)."""
    ticks: list[str] = []
    monkeypatch.setattr(run_module, "open_engine", lambda u: Recorder(open_engine(u), ticks))
    run(load(SPEC), source, url)
    monkeypatch.undo()
    renames = [i for i, t in enumerate(ticks, start=1) if t.upper().startswith("RENAME")]
    commit = ticks.index("COMMIT") + 1  # counted here, not by the launcher
    calls = [t for t in ticks if t != "COMMIT"]
    return calls, renames[0] if renames else commit - 1


def kill_points(n: int, staging: list[int]) -> list[int]:
    """Twelve or more points before statements 1..n (n publishes), staging included."""
    spread = {1 + (k * (n - 1)) // 9 for k in range(10)}
    return sorted(spread | set(staging) | {2, n - 1, n})


@pytest.mark.parametrize("dialect", SERVERS)
def test_kill_9_at_many_points(dialect, fresh_url, sources, monkeypatch):
    a, b = sources
    url, reference = fresh_url(dialect), fresh_url(dialect)
    calls, n = statements(reference, a, monkeypatch)  # on the reference target: run 1 of a
    staging = [i for i, c in enumerate(calls, start=1) if c == "stage"]
    points = kill_points(n, staging)
    assert len(points) >= 12 and points[-1] == n and staging[0] in points

    # the target's history: a, then b and a in turns; each fault hits the next run of it
    order = [a] + [(b, a)[k % 2] for k in range(len(points) + 1)]
    expected = [snapshot(reference)]
    for src in order[1:]:
        run(load(SPEC), src, reference)
        expected.append(snapshot(reference))

    run(load(SPEC), a, url)
    assert snapshot(url) == expected[0]
    for k, at in enumerate(points):
        src = order[k + 1]
        done = cli(*run_args(src, url), env={"CHARTSHIFT_FAULT": f"kill:{at}"})
        assert done.returncode == -9, (at, done.returncode, done.stderr[-300:])
        assert snapshot(url) == expected[k], f"the target changed after a kill before call {at} of {n} ({calls[at - 1][:60]})"
        run(load(SPEC), src, url)  # the rerun: as if the killed run had never been
        assert snapshot(url) == expected[k + 1], f"a rerun after a kill before call {at} differs from a clean run"

    # killed just after publication: the new target is there, whole
    src = order[len(points) + 1]
    done = cli(*run_args(src, url), env={"CHARTSHIFT_FAULT": f"kill:{n + 1}"})
    assert done.returncode == -9, done.stderr[-300:]
    assert snapshot(url) == expected[len(points) + 1]


def kill_mid_load(dialect: str, url: str, table: str, run_cmd: list[str]) -> subprocess.CompletedProcess[str]:
    """Start a run whose bulk loads crawl; kill its connection from a second one while the
    server runs the load of `table`; return the finished run."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults", *run_cmd],
        cwd=ROOT,
        env={**os.environ, "CHARTSHIFT_FAULT": "slowload:100"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    admin = engine_class(url).open(url, autocommit=True)  # type: ignore[call-arg]  # a server adapter
    killed = False
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            found = admin.query(FIND_LOAD[dialect].format(table=table))
            if found:
                admin.execute(KILL[dialect].format(id=int(found[0][0])))
                killed = True
                break
            time.sleep(0.05)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        admin.close()
    assert killed, f"never saw the bulk load of {table} running"
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("dialect", SERVERS)
def test_connection_killed_mid_bulk_load(dialect, fresh_url, sources):
    a, b = sources
    url, reference = fresh_url(dialect), fresh_url(dialect)
    run(load(SPEC), a, reference)
    before = snapshot(reference)
    run(load(SPEC), b, reference)
    after = snapshot(reference)

    run(load(SPEC), a, url)
    assert snapshot(url) == before
    for table in ("legacy__patients", "legacy__visits"):
        done = kill_mid_load(dialect, url, table, run_args(b, url))
        assert done.returncode == 3, (table, done.returncode, done.stderr[-400:])
        assert "Traceback" not in done.stderr
        assert f"cannot stage legacy.{table.split('__')[1]}" in done.stderr, done.stderr[-400:]
        assert snapshot(url) == before, f"the target changed after its connection was killed while loading {table}"
    run(load(SPEC), b, url)
    assert snapshot(url) == after
