"""A DuckDB target on a full disk: writes fail with EFBIG under RLIMIT_FSIZE (set in the
subprocess; Python ignores SIGXFSZ, so a write past the limit fails instead of killing
the process).  At every limit the run either succeeds, or stops with exit 3 and a plain
message; then the previous target is intact and a rerun gives what a clean run gives."""

from __future__ import annotations

import resource

import pytest

from compiler.pipeline import load
from compiler.runtime.run import run
from tests.runtime.engines.small.harness import SPEC, cli, run_args, snapshot, write

MESSAGE = "out of space writing the target (File too large: the disk is full or a file size limit was reached)"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The two sources and the target states clean runs give: (a, b, before, after, size after)."""
    base = tmp_path_factory.mktemp("full")
    a, b = write(base / "a", seed=1), write(base / "b", seed=2)
    url = f"duckdb:///{base / 'reference.duckdb'}"
    run(load(SPEC), a, url)
    before = snapshot(url)
    run(load(SPEC), b, url)
    return a, b, before, snapshot(url), (base / "reference.duckdb").stat().st_size


def limited(size: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


CHECKPOINT = "?checkpoint_threshold=0b"
# (URL settings, the file size limit as a share of the target file's size): without
# settings the commit writes the WAL (and checkpoints when the run closes);
# `checkpoint_threshold=0b` makes every commit write the database file too.  Tiny: the WAL
# does not fit; the others: the checkpoint's blocks do not, within the file or past its end.
CASES = [("", 0.001), (CHECKPOINT, 0.001), (CHECKPOINT, 0.02), (CHECKPOINT, 0.5), (CHECKPOINT, 1.0), (CHECKPOINT, 1.3)]


@pytest.mark.parametrize(("settings", "share"), CASES)
def test_full_disk_under_a_duckdb_target(settings, share, runs, tmp_path):
    a, b, before, after, _ = runs
    path = tmp_path / "t.duckdb"
    url = f"duckdb:///{path}"
    run(load(SPEC), a, url)
    assert snapshot(url) == before
    limit = int(path.stat().st_size * share)
    audit = tmp_path / "audit.jsonl"  # small: the limit is for the target's files
    done = cli(*run_args(b, url + settings), env={"CHARTSHIFT_AUDIT_LOG": str(audit)}, preexec_fn=limited(limit))
    assert done.returncode == 3, (limit, done.returncode, done.stderr[-400:])
    assert MESSAGE in done.stderr, done.stderr[-400:]
    assert "Traceback" not in done.stderr
    assert snapshot(url) == before, f"the target changed after a write past {limit} bytes failed"
    run(load(SPEC), b, url)
    assert snapshot(url) == after
