"""Opening a local page in headless Chromium with the network blocked, recording every
console error, page error and network request it attempts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Visit:
    page: Any
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every URL the page asked for that is not a local file
    failed: list[str] = field(default_factory=list)  # local files that failed to load


def visit(browser: Any, path: Path, screenshot: Path | None = None) -> Visit:
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    v = Visit(page)
    page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.errors.append(str(e)))
    page.on("requestfailed", lambda r: v.failed.append(r.url))

    def block(route: Any) -> None:
        v.requests.append(route.request.url)
        route.abort()

    context.route("http://**/*", block)
    context.route("https://**/*", block)
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:")) else v.requests.append(r.url))
    page.goto(path.resolve().as_uri(), wait_until="load")
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=True)
    return v
