"""End to end: the two_systems export through specs/two_systems.mig on DuckDB.

The draft spec has only sysA's branches (one map per target on main), and sysA always wins
the cross-system dedup, so every sysA branch of truth.json must come out exactly; every
table of both systems must stage without a malformed record. When the spec gains sysB's
branches, this test should compare every branch of every target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.demo.two_systems import generate
from compiler.pipeline import load
from compiler.runtime.run import run

SPEC = Path(__file__).resolve().parents[2] / "specs" / "two_systems.mig"


@pytest.fixture(scope="module")
def two_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two")
    truth = generate(folder, patients=300, seed=11)
    db = tmp_path_factory.mktemp("target") / "two.duckdb"
    report = run(load(SPEC), folder, f"duckdb:///{db}", commit_on_fail=True)
    return truth, report


def test_sysa_branches_match_truth(two_run):
    truth, report = two_run
    got = {m.target: m for m in report.maps}
    assert set(got) == set(truth["maps"])
    for target, branches in truth["maps"].items():
        (source,) = [s for s in branches if s.startswith("sysA.")]
        want, m = branches[source], got[target]
        assert (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) == (
            want["source_rows"],
            want["loaded"],
            want["rejected"],
            want["filtered"],
            want["merged"],
        ), target
        assert m.rejected_by_reason == {r: n for r, n in want["rejected_by_reason"].items() if n}, target


def test_both_systems_stage_cleanly(two_run):
    truth, report = two_run
    got = {s.qualified: s for s in report.sources}
    assert set(got) == set(truth["files"])
    for table, want in truth["files"].items():
        assert (got[table].records, got[table].malformed) == (want["records"], 0), table
