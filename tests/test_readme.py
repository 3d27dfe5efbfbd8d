"""The README stays true: its quoted error is what `chartshift check` prints today, and
every `chartshift` command line in its shell blocks parses with the current CLI."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from compiler.cli.main import main, parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_lines() -> list[str]:
    """Each `chartshift ...` command in the README's ```sh blocks (comments cut, `&&` chains split)."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith(("chartshift ", ".venv/bin/chartshift ")):
                    out.append(part)
    return out


def test_the_break_it_example_is_current(tmp_path, capsys):
    quoted = re.search(r"\*\*Break it\.\*\*.*?```\n(.*?)```", README, re.S)
    assert quoted, "the README lost its Break it example"
    expected = [line.strip() for line in quoted.group(1).strip().splitlines()]
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    spec = tmp_path / "specs" / "demo_clinic.mig"
    text = spec.read_text(encoding="utf-8")
    assert "trim(dob)" in text
    spec.write_text(text.replace("trim(dob)", "trim(dobb)", 1), encoding="utf-8")
    assert main(["check", str(spec)]) == 2  # the exit code the README promises
    got = capsys.readouterr().err.replace(str(spec), "specs/demo_clinic.mig")
    assert [line.strip() for line in got.strip().splitlines()] == expected


@pytest.mark.parametrize("line", shell_lines())
def test_every_quoted_command_parses(line):
    argv = shlex.split(re.split(r"\s[>|]\s", line)[0])[1:]  # the command, not its redirection
    if any(a.startswith("[") for a in argv):  # a synopsis with optional parts, not a command
        argv = [a for a in argv if not a.startswith("[") and not a.endswith("]")]
    try:
        parser().parse_args(argv)
    except SystemExit as exc:  # a stale option or command exits 2; --version and --help exit 0
        assert exc.code == 0, f"the README's `{line}` does not parse"


def test_the_tour_activates_the_venv_and_creates_its_databases():
    tour = README[README.index("## A five-minute tour") :]
    block = re.search(r"```sh\n(.*?)```", tour, re.S).group(1)
    assert block.startswith(". .venv/bin/activate")
    for url in re.findall(r"--target ((?:postgresql|mysql)://\S+)", block):
        db = url.rsplit("/", 1)[1]
        before = block[: block.index(url)]
        assert f"createdb -h 127.0.0.1 -U postgres {db}" in before or f"CREATE DATABASE IF NOT EXISTS {db}" in before
