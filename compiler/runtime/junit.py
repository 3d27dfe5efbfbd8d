"""JUnit XML for CI dashboards, shared by `chartshift test --junit` (one case per spec test)
and `chartshift run --junit` (one case per check and per map's accounting).

A run's cases carry counts, rule names and verdicts only, never row content: the file is
as PHI-safe as the terminal summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from compiler.runtime.report import Report


@dataclass
class Case:
    name: str
    seconds: float = 0.0
    failure: list[str] | None = None  # the lines of a failure; the first is its message
    skipped: str | None = None
    output: str | None = None  # <system-out>: a warning's details


def junit_xml(suites: dict[str, list[Case]]) -> str:
    """One <testsuite> per key (its name is each case's classname too)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"]
    for suite, cases in suites.items():
        failed = sum(c.failure is not None for c in cases)
        skipped = sum(c.skipped is not None for c in cases)
        total = sum(c.seconds for c in cases)
        extra = f' skipped="{skipped}"' if skipped else ""
        out.append(f'  <testsuite name={quoteattr(suite)} tests="{len(cases)}" failures="{failed}"{extra} time="{total:.3f}">')
        for c in cases:
            out.append(f'    <testcase classname={quoteattr(suite)} name={quoteattr(c.name)} time="{c.seconds:.3f}">')
            if c.failure is not None:
                out.append(f"      <failure message={quoteattr(c.failure[0])}>{escape(chr(10).join(c.failure))}</failure>")
            if c.skipped is not None:
                out.append(f"      <skipped message={quoteattr(c.skipped)}/>")
            if c.output is not None:
                out.append(f"      <system-out>{escape(c.output)}</system-out>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def report_suites(report: Report) -> dict[str, list[Case]]:
    """A run as test cases: each map's accounting identity, each check, each --max-rejects limit."""
    from compiler.runtime.report import TERMS
    from compiler.runtime.validate import FAIL, NA, WARN

    accounting = []
    for m in report.maps:
        terms = " + ".join(f"{k} {getattr(m, k):,}" for k in TERMS[1:])
        line = f"source rows {m.source_rows:,} = {terms}"
        accounting.append(Case(f"{m.map} ({m.target})", failure=None if m.balanced else [f"accounting broken: {line}"], output=line))
    checks = []
    for c in report.checks:
        th = ", ".join(f"{k} {v}" for k, v in c.threshold.items())
        line = f"line {c.line}: {c.count} of {c.denominator} ({'-' if c.percent is None else f'{c.percent:.4g}%'} violating); threshold {th}; {c.status}"
        checks.append(
            Case(
                c.name,
                failure=[line] if c.status == FAIL else None,
                skipped=line if c.status == NA else None,
                output=line if c.status in (WARN, "pass") else None,
            )
        )
    suites = {f"{report.spec} accounting": accounting, f"{report.spec} checks": checks}
    if report.limits:
        suites[f"{report.spec} reject limits"] = [
            Case(r.limit, failure=[r.message()] if r.exceeded else None, output=f"{r.rejected:,} of {r.records:,} rejected")
            for r in report.limits
        ]
    return suites
