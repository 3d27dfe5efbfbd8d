"""Fixtures of the documents tests: the demo spec's documentation site, a demo run's JSON
and HTML reports, and headless Chromium (playwright driving the system browser)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compiler.cli.main import main
from tests.conftest import DEMO_SPEC, ROOT

CHROMIUM = Path(os.environ.get("CHARTSHIFT_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("CHARTSHIFT_TEST_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    assert main(["docs", str(DEMO_SPEC), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def demo_reports(demo_export, tmp_path_factory) -> tuple[dict[str, Any], Path, Path]:
    """(JSON report as data, its file, the HTML report `run --html` wrote) of a demo run."""
    folder, _ = demo_export
    tmp = tmp_path_factory.mktemp("report")
    report, html = tmp / "report.json", tmp / "report.html"
    code = main(
        [
            "run",
            str(DEMO_SPEC),
            "--source",
            str(folder),
            "--target",
            f"duckdb:///{tmp / 't.duckdb'}",
            "--report",
            str(report),
            "--html",
            str(html),
        ]
    )
    assert code in (0, 1)
    return json.loads(report.read_text(encoding="utf-8")), report, html


def browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium, or set CHARTSHIFT_CHROMIUM)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system Chromium, headless; nothing is downloaded.  Absent: the tests skip, except
    under CI=true, where that is a failure."""
    reason = browser_missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium refuses root without it
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
