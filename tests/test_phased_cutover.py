"""docs/PHASED_CUTOVER.md's commands run, in order, as written (the plan with fewer timing rounds):
each exits as the guide says, and the target ends with both phases and the deltas."""

from __future__ import annotations

import re
import shlex
import shutil

import duckdb

from compiler.cli.main import main
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "PHASED_CUTOVER.md"
EXPECTED_EXIT = {"plan": (0, 1)}  # plan: 1 when the window is too short for the sample's estimate


def commands() -> list[tuple[list[str], int]]:
    """The guide's indented `chartshift ...` lines, in order, with the exit code a
    trailing `# exit N` names (else 0)."""
    out = []
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^ {4,}chartshift (.*?)(?:\s+# exit (\d))?$", line)
        if m:
            out.append((shlex.split(m.group(1)), int(m.group(2) or 0)))
    return out


def test_the_guide_commands_run_in_order(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    cmds = commands()
    assert [c[0][0] for c in cmds][:4] == ["demo-data", "check", "compile", "plan"]
    for argv, expected in cmds:
        if argv[0] == "plan":
            argv = [*argv, "--repeats", "3"]
        if argv[:2] == ["rejects", "apply"]:
            shutil.copytree(tmp_path / "rejects_out", tmp_path / "fixes")  # nothing fixed: the records as they were
            argv = [a if a != "rejects_out" else "fixes" for a in argv]
        code = main(argv)
        assert code in EXPECTED_EXIT.get(argv[0], (expected,)), (argv, code)
    con = duckdb.connect(str(tmp_path / "cutover.duckdb"), read_only=True)
    try:
        assert [r[0] for r in con.execute('SELECT "phase" FROM "chartshift"."phases" ORDER BY "ordinal"').fetchall()] == [
            "open_care",
            "history",
        ]
        kinds = con.execute('SELECT "extract_id", "kind" FROM "chartshift"."extracts" ORDER BY "applied_at", "sequence"').fetchall()
        assert kinds[1:] == [("clinicmate-delta-0001", "delta"), ("clinicmate-delta-0002", "delta")]  # the replay adds no row
    finally:
        con.close()
    assert (tmp_path / "phase1.html").exists() and (tmp_path / "cutover_phase1.duckdb").exists()
