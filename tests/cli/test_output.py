"""Output of the long commands off a terminal: no progress noise; --quiet; the step table."""

from __future__ import annotations

import re

from compiler.cli.main import main
from tests.conftest import DEMO_SPEC

NOISE = re.compile(r"\x1b\[|\r|rows/s|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]")


def test_run_off_a_terminal_has_no_progress_noise(demo_export, tmp_path, capsys, monkeypatch):
    src, _ = demo_export
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    target = f"duckdb:///{tmp_path / 't.duckdb'}"
    main(["run", str(DEMO_SPEC), "--source", str(src), "--target", target, "--commit-on-fail"])
    out = capsys.readouterr()
    assert not NOISE.search(out.out) and not NOISE.search(out.err)
    assert "accounting" in out.out and re.search(r"stage:legacy\.patients\s*│\s*1\s*│", out.err)  # the step table

    main(["run", str(DEMO_SPEC), "--source", str(src), "--target", target, "--commit-on-fail", "--quiet"])
    quiet = capsys.readouterr()
    assert quiet.out.strip().splitlines()[-1].split()[0] in ("PASS", "WARN", "FAIL") and len(quiet.out.strip().splitlines()) == 1
    assert "steps" not in quiet.err and "INSERT" not in quiet.err


def test_the_output_options_are_on_the_long_commands_only():
    from compiler.cli.main import parser

    p = parser()
    assert p.parse_args(["run", "s.mig", "-q"]).quiet
    assert p.parse_args(["plan", "s.mig", "--window", "22:00..05:00", "--verbose"]).verbose
    assert p.parse_args(["sample", "s.mig", "--out", "o", "--log-file", "x.log"]).log_file == "x.log"
    assert not hasattr(p.parse_args(["check", "s.mig"]), "quiet")
