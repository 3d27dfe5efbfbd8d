"""Profiles (chartshift.toml): named targets, passwords from the environment only."""

from __future__ import annotations

import os

import pytest

from compiler.cli.main import main
from compiler.errors import EnvironmentProblem, UsageError
from compiler.runtime.profiles import load_profiles, resolve_target
from tests.conftest import DEMO_SPEC

GOOD = """\
# the clinic's targets
[targets.dev]
url = "duckdb:///dev.duckdb"

[targets.prod]
url = "postgresql://migrator@db.clinic.local:5432/emr"
password_env = "H20_PROD_PASSWORD"
description = "cutover weekend"
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHARTSHIFT_PROFILES", raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return tmp_path


def write(project, text):
    (project / "chartshift.toml").write_text(text, encoding="utf-8")


def test_a_name_resolves_to_its_url_and_a_url_is_kept(project):
    write(project, GOOD)
    assert resolve_target("dev") == "duckdb:///dev.duckdb"
    assert resolve_target("duckdb:///other.duckdb") == "duckdb:///other.duckdb"
    assert resolve_target(None) is None
    assert set(load_profiles()) == {"dev", "prod"}


def test_the_password_comes_from_the_environment_never_into_the_url(project, monkeypatch):
    write(project, GOOD)
    with pytest.raises(EnvironmentProblem, match="H20_PROD_PASSWORD"):
        resolve_target("prod")
    monkeypatch.setenv("H20_PROD_PASSWORD", "s3cret")
    url = resolve_target("prod")
    assert url == "postgresql://migrator@db.clinic.local:5432/emr" and "s3cret" not in url
    assert os.environ["PGPASSWORD"] == "s3cret"  # the adapter's own variable


def test_an_unknown_name_lists_the_targets(project):
    write(project, GOOD)
    with pytest.raises(UsageError, match=r"not a target of chartshift.toml \(targets: dev, prod\)"):
        resolve_target("staging")


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        ('[targets.prod]\nurl = "postgresql://u@h/db"\npassword = "hunter2"\n', 3, 1, "no password in chartshift.toml"),
        ('[targets.prod]\n\nurl = "postgresql://u:hunter2@h/db"\n', 3, 21, "the URL holds a password"),
        ('[targets.prod]\nurl = "postgresql://u@h/db"\npasword_env = "X"\n', 3, 1, "unknown key `pasword_env`"),
        ('[targets.prod]\nurl = "postgresql://u@h/db\n', 2, None, "not valid TOML"),
    ],
)
def test_bad_files_are_positioned_errors(project, capsys, text, line, column, message):
    write(project, text)
    assert main(["run", str(DEMO_SPEC), "--target", "prod"]) == 2
    err = capsys.readouterr().err
    head = err.splitlines()[0]
    assert head.startswith(f"chartshift.toml:{line}:" + (f"{column}:" if column else "")) and message in head
    assert "hunter2" not in err  # neither the message nor a quoted line repeats the secret


def test_run_with_a_named_duckdb_target(project, demo_export, monkeypatch):
    src, _ = demo_export
    write(project, f'[targets.local]\nurl = "duckdb:///{project / "named.duckdb"}"\n')
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(project / "audit.jsonl"))
    assert main(["run", str(DEMO_SPEC), "--source", str(src), "--target", "local", "--commit-on-fail", "-q"]) in (0, 1)
    assert (project / "named.duckdb").exists()
