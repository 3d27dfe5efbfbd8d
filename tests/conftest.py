"""Shared fixtures: a small demo export generated once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_SPEC = ROOT / "specs" / "demo_clinic.mig"


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory) -> tuple[Path, dict]:
    """(folder, truth) for a 300-patient demo export."""
    from compiler.demo import generate

    out = tmp_path_factory.mktemp("demo")
    generate(out, patients=300, seed=7)
    return out, json.loads((out / "truth.json").read_text())
