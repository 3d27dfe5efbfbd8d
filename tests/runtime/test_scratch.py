"""Scratch folders: private, named by their process, swept once that process is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compiler.pipeline import load
from compiler.runtime import scratch
from compiler.runtime.run import run

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "demo_clinic.mig"


@pytest.fixture
def tmpdir_env(tmp_path, monkeypatch):
    """$TMPDIR (tempfile's) pointed at an empty folder."""
    base = tmp_path / "tmp"
    base.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    return base


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def folder(base: Path, kind: str, host: str, pid: int, phi: bool = True) -> Path:
    f = base / f"chartshift-{kind}-{host}-{pid}-abcd_123"
    f.mkdir(mode=0o700)
    if phi:
        (f / "PATIENTS.csv").write_text("pat_no,last\n1,Doe\n")
    return f


def test_private_dir_is_private_and_named_by_its_process(tmpdir_env):
    d = scratch.private_dir("run")
    assert d.parent == tmpdir_env
    assert d.name.startswith(f"chartshift-run-{scratch._host()}-{os.getpid()}-")
    assert d.stat().st_mode & 0o777 == 0o700
    assert scratch.sweep() == []  # our own folder stays


def test_private_folder_is_removed_afterwards(tmpdir_env):
    with scratch.private_folder("test") as f:
        (f / "PATIENTS.csv").write_text("phi")
        assert f.parent == tmpdir_env
    assert list(tmpdir_env.iterdir()) == []


def test_sweep_removes_only_dead_processes_on_this_host(tmpdir_env):
    host = scratch._host()
    gone = folder(tmpdir_env, "run", host, dead_pid())
    plan = folder(tmpdir_env, "plan", host, dead_pid())
    mine = folder(tmpdir_env, "run", host, os.getpid())
    parent = folder(tmpdir_env, "backup", host, os.getppid())  # alive
    elsewhere = folder(tmpdir_env, "run", host + "x", dead_pid())  # another host's pid means nothing here
    old_style = tmpdir_env / "chartshift-q1w2e3r4"  # not ours to judge
    old_style.mkdir()
    unrelated = tmpdir_env / "notes-1-abcd_123"
    unrelated.mkdir()
    removed = scratch.sweep()
    assert sorted(removed) == sorted([gone, plan])
    assert not gone.exists() and not plan.exists()
    assert all(p.exists() for p in (mine, parent, elsewhere, old_style, unrelated))


def test_a_run_sweeps_what_a_killed_run_left(tmpdir_env, demo_export, tmp_path):
    src, _ = demo_export
    left = folder(tmpdir_env, "run", scratch._host(), dead_pid())
    report = run(load(SPEC), src, f"duckdb:///{tmp_path / 'out.duckdb'}", commit_on_fail=True)
    assert report.committed
    assert not left.exists()
    assert list(tmpdir_env.iterdir()) == []  # and its own folder is gone too


def test_a_killed_run_leaves_nothing_for_the_next(tmpdir_env, demo_export, tmp_path):
    """SIGKILL a real `chartshift run` while it works, then run again: no PHI is left."""
    import signal
    import time

    src, _ = demo_export
    target = tmp_path / "out.duckdb"
    env = dict(os.environ, TMPDIR=str(tmpdir_env))
    # cp1252 files are transcoded into the scratch folder: it exists while the run stages
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "compiler.cli.main",
            "run",
            str(SPEC),
            "--source",
            str(src),
            "--target",
            f"duckdb:///{target}",
            "--audit",
            str(tmp_path / "audit.jsonl"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not list(tmpdir_env.glob("chartshift-run-*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    left = list(tmpdir_env.glob("chartshift-run-*"))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert left, "the run's scratch folder was never seen"
    assert all(p.exists() for p in left)
    spill = Path(f"{target}.tmp")
    assert spill.is_dir()  # the DuckDB spill folder, left behind too
    report = run(load(SPEC), src, f"duckdb:///{target}", commit_on_fail=True)
    assert report.committed
    assert not any(p.exists() for p in left)
    assert not spill.exists()
