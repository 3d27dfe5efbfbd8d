"""Shared fixtures: a small demo export generated once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_SPEC = ROOT / "specs" / "demo_clinic.mig"


@pytest.fixture(autouse=True, scope="session")
def audit_log_outside_the_repo(tmp_path_factory):
    """Commands append to an audit log; keep the tests' log out of the work tree."""
    import os

    path = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    old = os.environ.get("CHARTSHIFT_AUDIT_LOG")
    os.environ["CHARTSHIFT_AUDIT_LOG"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CHARTSHIFT_AUDIT_LOG", None)
    else:
        os.environ["CHARTSHIFT_AUDIT_LOG"] = old


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory) -> tuple[Path, dict]:
    """(folder, truth) for a 300-patient demo export."""
    from compiler.demo.export import generate

    out = tmp_path_factory.mktemp("demo")
    generate(out, patients=300, seed=7)
    return out, json.loads((out / "truth.json").read_text())
