"""Two runs on one target, in two real processes: while the first holds the target, a
second one refuses at once with `--lock-wait 0`, or waits and runs after it; the result
is that of the two runs one after the other (they never interleave)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from compiler.pipeline import load
from compiler.runtime.run import run
from tests.conftest import ROOT
from tests.runtime.engines.small.harness import SPEC, cli, run_args, snapshot, write


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    base = tmp_path_factory.mktemp("lock")
    return write(base / "a", seed=1), write(base / "b", seed=2)


def wait_for(path, proc, seconds=90.0):
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[1][-500:]
        assert time.monotonic() < deadline, "the first run never reached its pause"
        time.sleep(0.05)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_a_second_run_refuses_or_waits(dialect, fresh_url, sources, tmp_path):
    a, b = sources
    url, reference = fresh_url(dialect), fresh_url(dialect)
    for src in (a, b, a):  # what the three runs below must give, run one after the other
        run(load(SPEC), src, reference)
    run(load(SPEC), a, url)

    ready, go = tmp_path / "ready", tmp_path / "go"
    env = {"CHARTSHIFT_FAULT": "pause:4", "CHARTSHIFT_FAULT_READY": str(ready), "CHARTSHIFT_FAULT_GO": str(go)}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.faults", *run_args(b, url)],
        cwd=ROOT,
        env={**__import__("os").environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(ready, first)  # the first run holds the target, paused before its 4th statement
        refused = cli(*run_args(a, url, "--lock-wait", "0"))
        assert refused.returncode == 3, refused.stderr[-500:]
        assert "Traceback" not in refused.stderr
        if dialect == "duckdb":
            assert f"in use by process {first.pid}" in refused.stderr, refused.stderr
        else:
            assert "another chartshift run holds this target" in refused.stderr, refused.stderr
        assert "--lock-wait SECONDS to wait longer" in refused.stderr

        second = subprocess.Popen(
            [sys.executable, "-m", "tests.faults", *run_args(a, url, "--lock-wait", "120")],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)
        assert second.poll() is None, "the second run did not wait for the first"
        go.touch()
        assert first.wait(timeout=120) == 0, first.communicate()[1][-500:]
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err[-500:]
        assert "waiting up to 120 s" in err, err[-500:]  # it said why it waited
    finally:
        go.touch()
        first.kill()
    assert snapshot(url) == snapshot(reference)
