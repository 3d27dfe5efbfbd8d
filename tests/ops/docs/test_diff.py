"""`chartshift diff`: changes listed per map, field, rule, check and lookup (compared on the
IR: moving text changes nothing), the generated SQL's diff per dialect, text / Markdown /
HTML, `--git REV`, and the exit codes (0 same, 1 changed, 2 bad input)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from compiler.cli.main import main
from compiler.ops.docs.specdiff import diff_specs
from compiler.pipeline import load
from tests.conftest import DEMO_SPEC

EDITS = [
    ("  full_name     = trim(name)", "  full_name     = upper(trim(name))"),
    ('reject "invalid NPI"', 'reject "bad NPI"'),
    ("unique       emr.patient.mrn\n", "unique       emr.patient.mrn  warn above 0\n"),
    ('"F", "FEMALE" -> "female"', '"F", "FEMALE", "W" -> "female"'),
    ("    payer_type text\n", "    payer_type text\n    payer_note text\n"),
]


def line_of(text: str) -> int:
    """The line of the demo spec that holds `text` (the spec changes; the tests follow it)."""
    return next(i for i, ln in enumerate(DEMO_SPEC.read_text(encoding="utf-8").splitlines(), 1) if text in ln)


def edited(tmp_path, edits=EDITS, name="new.mig"):
    text = DEMO_SPEC.read_text(encoding="utf-8")
    for a, b in edits:
        assert a in text, a
        text = text.replace(a, b, 1)
    shutil.copytree(DEMO_SPEC.parent / "lookups", tmp_path / "lookups", dirs_exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_changes_are_listed_by_what_they_change(tmp_path):
    new = edited(tmp_path)
    d = diff_specs(load(DEMO_SPEC), load(new), ["duckdb"])
    got = {(c.what, c.area, c.subject) for c in d.changes}
    assert got == {
        ("changed", "field", "legacy.providers -> emr.practitioner: full_name"),
        ("removed", "rule", 'legacy.providers -> emr.practitioner: reject "invalid NPI"'),
        ("added", "rule", 'legacy.providers -> emr.practitioner: reject "bad NPI"'),
        ("changed", "check", "unique emr.patient.mrn"),
        ("added", "lookup entry", 'sex_code: "W"'),
        ("added", "column", "legacy.payers.payer_note"),
    }
    entry = next(c for c in d.changes if c.area == "lookup entry")
    assert entry.new == '"F", "FEMALE", "W" -> "female"'
    field = next(c for c in d.changes if c.area == "field")
    assert (field.old, field.new, field.old_line) == (
        "full_name     = trim(name)",
        "full_name     = upper(trim(name))",
        line_of("full_name     = trim(name)"),
    )
    files = {s.file for s in d.sql}
    assert "20_01_emr_practitioner.sql" in files and all(s.dialect == "duckdb" for s in d.sql)
    practitioner = next(s for s in d.sql if s.file == "20_01_emr_practitioner.sql")
    assert any(ln.startswith("+") and "UPPER" in ln and "f__full_name" in ln for ln in practitioner.lines)
    assert not any("sha256" in ln for s in d.sql for ln in s.lines)  # the spec hash is not a change


def test_moved_text_is_no_change(tmp_path):
    same = edited(tmp_path, [("map legacy.providers -> emr.practitioner {", "map legacy.providers -> emr.practitioner {  ")], "same.mig")
    d = diff_specs(load(DEMO_SPEC), load(same), ["duckdb", "postgres"])
    assert d.changes == [] and d.sql == [] and not d.changed


def test_exit_codes_and_formats(tmp_path, capsys):
    new = edited(tmp_path)
    assert main(["diff", str(DEMO_SPEC), str(DEMO_SPEC), "--dialect", "duckdb"]) == 0
    assert "no change" in capsys.readouterr().out
    assert main(["diff", str(DEMO_SPEC), str(new), "--dialect", "duckdb"]) == 1
    text = capsys.readouterr().out
    n = line_of("full_name     = trim(name)")
    assert f"changed field legacy.providers -> emr.practitioner: full_name (lines {n} -> {n + 1})" in text
    assert "  + full_name     = upper(trim(name))" in text and "generated SQL duckdb/20_01_emr_practitioner.sql:" in text
    assert main(["diff", str(DEMO_SPEC), str(new), "--dialect", "duckdb", "--format", "md", "--out", str(tmp_path / "d.md")]) == 1
    md = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "| changed | check | unique emr.patient.mrn |" in md and "```diff" in md
    assert main(["diff", str(DEMO_SPEC), str(new), "--dialect", "duckdb", "--format", "html", "--out", str(tmp_path / "d.html")]) == 1
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert 'data-changed="yes"' in html and '<span class="add">+' in html and "<h1>Spec diff</h1>" in html
    assert main(["diff", str(DEMO_SPEC)]) == 2
    assert main(["diff", str(DEMO_SPEC), str(new), str(new)]) == 2
    assert main(["diff", str(DEMO_SPEC), str(tmp_path / "missing.mig")]) == 3
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revision(tmp_path, capsys):
    repo = tmp_path / "repo"
    repo.mkdir()
    spec = edited(repo, [], "clinic.mig")

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    assert main(["diff", str(spec), "--git", "HEAD", "--dialect", "duckdb"]) == 0
    assert "HEAD:" in capsys.readouterr().out
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("  full_name     = trim(name)", "  full_name     = lower(name)"), encoding="utf-8"
    )
    assert main(["diff", str(spec), "--git", "HEAD", "--dialect", "duckdb"]) == 1
    assert "changed field legacy.providers -> emr.practitioner: full_name" in capsys.readouterr().out
    assert main(["diff", str(spec), "--git", "no-such-rev", "--dialect", "duckdb"]) == 2
    assert main(["diff", str(spec), "--git=--output=x"]) == 2  # never an option of git
    err = capsys.readouterr().err
    assert "no-such-rev" in err and "Traceback" not in err
