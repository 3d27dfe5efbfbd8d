"""The hash-chained audit log: clean chains verify; edits, insertions, deletions and
reordering are found with their line number; concurrent appends keep the chain."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from pathlib import Path

import pytest

from compiler.cli.main import main
from compiler.ops.secure import audit
from compiler.ops.secure.audit import GENESIS, append_event, verify_log


class FakeCompiled:
    display = "specs/x.mig"
    sha256 = "ab" * 32


@pytest.fixture
def log(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("CHARTSHIFT_AUDIT_LOG", raising=False)
    p = tmp_path / "audit.jsonl"
    for i in range(6):
        append_event("run" if i % 2 else "backup", FakeCompiled(), {"loaded": i, "rejected": 1}, "pass", p)
    return p


def lines(p: Path) -> list[str]:
    return p.read_text().splitlines()


def write(p: Path, ls: list[str]) -> None:
    p.write_text("".join(line + "\n" for line in ls))


def verify_cli(capsys, p: Path) -> tuple[int, str]:
    rc = main(["audit", "verify", str(p)])
    return rc, capsys.readouterr().err


def first_problem_line(p: Path) -> int:
    r = verify_log(p)
    assert not r.ok
    return r.problems[0][0]


def test_clean_chain_verifies(log, capsys):
    ls = lines(log)
    events = [json.loads(x) for x in ls]
    assert events[0]["prev"] == GENESIS
    for prev, ev in zip(ls, events[1:]):
        assert ev["prev"] == hashlib.sha256(prev.encode()).hexdigest()
    assert [e["seq"] for e in events] == [1, 2, 3, 4, 5, 6]
    e = events[1]
    assert e["command"] == "run" and e["spec"] == "specs/x.mig" and e["spec_sha256"] == "ab" * 32
    assert e["counts"] == {"loaded": 1, "rejected": 1} and e["verdict"] == "pass"
    assert e["compiler_version"] and e["user"] and e["time"].endswith("+00:00")
    rc, err = verify_cli(capsys, log)
    assert rc == 0 and "6 events, hash chain intact" in err
    assert f"head sha256 {hashlib.sha256(ls[-1].encode()).hexdigest()}" in err
    assert (log.stat().st_mode & 0o777) == 0o600


def test_edited_line(log, capsys):
    ls = lines(log)
    ls[2] = ls[2].replace('"loaded":2', '"loaded":9')
    write(log, ls)
    rc, err = verify_cli(capsys, log)
    assert rc == 1
    assert f"{log}:3: error: line was edited" in err


def test_edited_line_with_its_own_hash_recomputed(log):
    ls = lines(log)
    ev = json.loads(ls[2])
    ev["verdict"] = "fail"
    ev.pop("hash")
    ev["hash"] = hashlib.sha256(audit.canonical(ev).encode()).hexdigest()
    ls[2] = audit.canonical(ev)
    write(log, ls)
    assert first_problem_line(log) == 4  # the next line's link breaks
    assert "line 3 edited" in verify_log(log).problems[0][1]


def test_edited_last_line(log):
    ls = lines(log)
    ls[-1] = ls[-1].replace('"verdict":"pass"', '"verdict":"fail"')
    write(log, ls)
    assert first_problem_line(log) == 6


def test_inserted_line(log, capsys):
    ls = lines(log)
    write(log, ls[:3] + [ls[1]] + ls[3:])  # a copy of a genuine line
    rc, err = verify_cli(capsys, log)
    assert rc == 1 and f"{log}:4: error:" in err
    # a fabricated line that links correctly to its predecessor still breaks the next link and the sequence
    ev = json.loads(ls[2])
    ev.update(seq=4, prev=hashlib.sha256(ls[2].encode()).hexdigest(), verdict="fail")
    ev.pop("hash")
    ev["hash"] = hashlib.sha256(audit.canonical(ev).encode()).hexdigest()
    write(log, ls[:3] + [audit.canonical(ev)] + ls[3:])
    r = verify_log(log)
    assert [n for n, _ in r.problems][:1] == [5]


@pytest.mark.parametrize("index,expected", [(0, 1), (2, 3), (4, 5)])
def test_deleted_line(log, index, expected):
    ls = lines(log)
    write(log, ls[:index] + ls[index + 1 :])
    assert first_problem_line(log) == expected


def test_reordered_lines(log, capsys):
    ls = lines(log)
    ls[1], ls[2] = ls[2], ls[1]
    write(log, ls)
    rc, err = verify_cli(capsys, log)
    assert rc == 1 and f"{log}:2: error:" in err


def test_garbage_and_partial_lines(log):
    with open(log, "ab") as fh:
        fh.write(b'{"command":"run","trunc')  # a crash mid-write
    assert first_problem_line(log) == 7
    append_event("run", None, None, "pass", log)  # appends on a fresh line, chained to the partial one
    assert len(lines(log)) == 8
    r = verify_log(log)
    assert [n for n, _ in r.problems] == [7]


def test_append_after_an_empty_file_and_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHARTSHIFT_AUDIT_LOG", raising=False)
    append_event("run")
    assert (tmp_path / "chartshift-audit.jsonl").is_file()
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(tmp_path / "env.jsonl"))
    append_event("run", tmp_path / "chartshift-audit.jsonl")  # a spec given as a path is hashed raw
    ev = json.loads((tmp_path / "env.jsonl").read_text())
    assert ev["spec_sha256"] == hashlib.sha256((tmp_path / "chartshift-audit.jsonl").read_bytes()).hexdigest()
    append_event("run", path=tmp_path / "explicit.jsonl")
    assert (tmp_path / "explicit.jsonl").is_file()
    for name in ("chartshift-audit.jsonl", "env.jsonl", "explicit.jsonl"):
        assert verify_log(tmp_path / name).ok


def _append_many(path: str, n: int) -> None:
    for i in range(n):
        append_event("run", None, {"i": i}, "pass", path)


def test_concurrent_appends_keep_one_chain(tmp_path):
    p = str(tmp_path / "audit.jsonl")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(p, 15)) for _ in range(4)]
    for pr in procs:
        pr.start()
    for pr in procs:
        pr.join(30)
        assert pr.exitcode == 0
    r = verify_log(p)
    assert r.ok, r.problems
    assert r.lines == 60


def test_missing_or_unwritable_log(tmp_path, capsys, monkeypatch):
    rc = main(["audit", "verify", str(tmp_path / "missing.jsonl")])
    err = capsys.readouterr().err
    assert rc == 3 and "audit log not found" in err and len(err.strip().splitlines()) == 1
    # a command that cannot be audited fails before doing its work
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(tmp_path / "no" / "such" / "dir.jsonl"))
    rc = main(["keygen", "--out", str(tmp_path / "k.key")])
    err = capsys.readouterr().err
    assert rc == 3 and "cannot open audit log" in err
    assert not (tmp_path / "k.key").exists()


def test_audit_verify_uses_the_environment(log, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(log))
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "verify"]) == 0
    assert str(log) in capsys.readouterr().err


def test_events_carry_no_row_content(tmp_path):
    p = tmp_path / "a.jsonl"
    ev = append_event("backup", FakeCompiled(), {"files": 3}, "ok", p, details={"archive_id": "00" * 16})
    assert set(ev) == {
        "v",
        "seq",
        "time",
        "user",
        "host",
        "command",
        "spec",
        "spec_sha256",
        "compiler_version",
        "counts",
        "verdict",
        "prev",
        "hash",
        "details",
    }
    assert os.stat(p).st_size == len(audit.canonical(ev)) + 1


# ---------------------------------------------------------------------------- tail anchors
# (issue 14) Deleting lines at the end leaves a valid chain; the anchors a run report and
# a backup manifest carry (line count and last line's hash) reveal it.


def test_event_anchor_is_the_line_verify_reads(log):
    ev = append_event("run", FakeCompiled(), {"loaded": 1}, "pass", log)
    a = audit.event_anchor(ev, log)
    r = verify_log(log)
    assert (a["events"], a["head"]) == (r.lines, r.head) == (7, r.head)
    assert audit.current_anchor(log) == a
    assert verify_log(log, anchors=[("report.json", a)]).ok


def test_a_cut_off_tail_is_detected_by_the_anchor(log):
    a = audit.event_anchor(append_event("run", FakeCompiled(), {"loaded": 1}, "pass", log), log)
    for keep in (6, 3, 0):
        write(log, lines(log)[:keep])
        assert verify_log(log).ok  # what the chain alone cannot see
        r = verify_log(log, anchors=[("report.json", a)])
        assert not r.ok and "cut off its tail" in r.problems[0][1], r.problems


def test_a_rewritten_anchored_line_is_detected(log):
    a = audit.current_anchor(log)
    ls = lines(log)[:5]
    write(log, ls)
    append_event("backup", FakeCompiled(), {"loaded": 99}, "pass", log)  # a different 6th line
    r = verify_log(log, anchors=[("b.csbk", a)])
    assert [p[0] for p in r.problems] == [6] and "rewritten" in r.problems[0][1]


def test_run_report_anchor_and_audit_verify_cli(tmp_path, capsys, monkeypatch):
    """`chartshift run --report R` anchors its own event; `audit verify --anchor R` fails
    (exit 1, the line named) once the log's last lines are cut off."""
    monkeypatch.delenv("CHARTSHIFT_AUDIT_LOG", raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "people.csv").write_text("id,name\n1,Ann\n2,Bob\n")
    (tmp_path / "t.mig").write_text(
        'migration "t" { }\nsource legacy csv "data" {\n  table people "people.csv" key id {\n    id text\n    name text phi\n  }\n}\n'
        "target new {\n  table person key pid {\n    pid bigint not null\n    name varchar(40)\n  }\n}\n"
        "map legacy.people -> new.person {\n  pid = crosswalk(id)\n  name = name\n}\n"
    )
    log, report = tmp_path / "audit.jsonl", tmp_path / "report.json"
    for _ in range(2):
        args = ["run", str(tmp_path / "t.mig"), "--target", f"duckdb:///{tmp_path / 't.duckdb'}", "--audit", str(log)]
        assert main(args + ["--report", str(report)]) == 0
    anchor = json.loads(report.read_text())["audit"]
    assert anchor["events"] == 2 and anchor["log"] == str(log)
    capsys.readouterr()
    assert main(["audit", "verify", str(log), "--anchor", str(report)]) == 0
    write(log, lines(log)[:1])
    assert main(["audit", "verify", str(log)]) == 0  # the chain alone: intact
    capsys.readouterr()
    assert main(["audit", "verify", str(log), "--anchor", str(report)]) == 1
    err = capsys.readouterr().err
    assert f"{log}:1: error: the log ends at line 1, but {report} anchors line 2" in err


def test_no_platform_lock_degrades_with_a_message(log, capsys, monkeypatch):
    """Without fcntl (a platform that has no flock) appends still work and say they are unlocked."""
    import sys

    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` now raises ImportError
    monkeypatch.setattr(audit, "_warned_unlocked", set())
    append_event("run", counts={"loaded": 1}, verdict="pass", path=log)
    append_event("run", counts={"loaded": 2}, verdict="pass", path=log)
    err = capsys.readouterr().err
    assert err.count("no file locking on this platform") == 1  # once per log, not per append
    assert len(lines(log)) == 8 and verify_log(log).ok


def test_no_platform_module_is_imported_at_module_level():
    """A Windows install must import every module: fcntl/msvcrt/termios only inside functions."""
    import ast

    root = Path(audit.__file__).resolve().parents[2]
    for f in root.rglob("*.py"):
        for node in ast.parse(f.read_text(encoding="utf-8")).body:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {n.split(".")[0] for n in names} & {"fcntl", "msvcrt", "termios", "pwd", "grp", "resource"}, f
