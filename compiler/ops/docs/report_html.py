"""The HTML run report (`run --html`, `report REPORT.json --html`), from the JSON report's
dict (compiler/runtime/report.py has its schema), so both commands write the same page.

One self-contained file (the stylesheet inline: a report is mailed and archived alone),
no script, no network.  The verdict comes first; the accounting per map is a stacked
bar with its numbers in the table beside it (the text alternative); every check shows
its value and its warn and fail thresholds.  No PHI: the page never shows sample rows
(`reject_samples` are counted, not shown), only counts, names and reasons.  Every
number cell carries `data-value` (the browser tests compare them with the JSON).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from compiler.errors import UsageError
from compiler.ops.docs.html import page_head
from compiler.ops.docs.site import DocsFileError, asset

TERMS = ("loaded", "rejected", "filtered", "merged", "aggregated")
BAR_W = 240


class NotAReport(UsageError):
    """The file is not a chartshift JSON report (exit 2)."""


def read_report(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocsFileError(f"{path}: cannot read the report: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotAReport(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("report_version") != 1 or not isinstance(data.get("maps"), list):
        raise NotAReport(f"{path}: not a chartshift run report (report_version 1)")
    return data


def write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise DocsFileError(f"{path}: cannot write: {exc.strerror or exc}") from None


def num(value: Any) -> str:
    """A number as shown: thousands separated; a fraction with two decimals."""
    if isinstance(value, bool) or value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}" if value != int(value) else f"{int(value):,}"
    return escape(str(value))


def td(value: Any, key: str) -> str:
    raw = "" if value is None else escape(json.dumps(value))
    return f'<td class="num" data-key="{key}" data-value="{raw}">{num(value)}</td>'


def bar(m: dict[str, Any]) -> str:
    """A stacked bar of one map's accounting, scaled to its source rows."""
    total = int(m.get("source_rows") or 0)
    parts = [(t, int(m.get(t) or 0)) for t in TERMS]
    label = f"{m.get('map', '')}: {total:,} source rows: " + ", ".join(f"{n:,} {t}" for t, n in parts if n) if total else "no source rows"
    out = [
        f'<svg class="bar" width="{BAR_W}" height="14" viewBox="0 0 {BAR_W} 14" role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]
    x = 0.0
    for t, n in parts:
        if n and total:
            w = BAR_W * n / total
            out.append(f'<rect class="{t}" x="{x:.2f}" y="0" width="{w:.2f}" height="14"></rect>')
            x += w
    out.append("</svg>")
    return "".join(out)


def _accounting(data: dict[str, Any]) -> list[str]:
    out = [
        '<section id="accounting"><h2>Accounting per map</h2>',
        "<p>Every source row is loaded, rejected, filtered, merged into a duplicate or aggregated into its group.</p>",
        '<p class="legend" aria-hidden="true">' + "".join(f'<span><i class="{t}"></i>{t}</span>' for t in TERMS) + "</p>",
        '<table class="accounting"><thead><tr><th scope="col">map</th><th scope="col" class="num">source rows</th>',
        *[f'<th scope="col" class="num">{t}</th>' for t in TERMS],
        '<th scope="col">balanced</th><th scope="col">share</th></tr></thead><tbody>',
    ]
    for m in data.get("maps", []):
        ok = "yes" if m.get("balanced") else "NO"
        out.append(
            f'<tr data-map="{escape(str(m.get("map", "")))}"><th scope="row">{escape(str(m.get("map", "")))}</th>'
            + td(m.get("source_rows"), "source_rows")
            + "".join(td(m.get(t), t) for t in TERMS)
            + f'<td class="status-{"pass" if m.get("balanced") else "fail"}">{ok}</td><td>{bar(m)}</td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _checks(data: dict[str, Any]) -> list[str]:
    out = [
        '<section id="checks"><h2>Checks</h2>',
        '<table class="checks"><thead><tr><th scope="col" class="num">line</th><th scope="col">check</th>'
        '<th scope="col" class="num">count</th><th scope="col" class="num">of</th><th scope="col" class="num">percent</th>'
        '<th scope="col">warn</th><th scope="col">fail</th><th scope="col">verdict</th></tr></thead><tbody>',
    ]
    for c in data.get("checks", []):
        th = c.get("threshold") or {}
        pct = c.get("percent")
        pct_text = "-" if pct is None else f"{pct:.4g}%"
        status = str(c.get("status", ""))
        out.append(
            f'<tr data-check="{escape(str(c.get("name", "")))}">{td(c.get("line"), "line")}<th scope="row">{escape(str(c.get("name", "")))}</th>'
            f"{td(c.get('count'), 'count')}{td(c.get('denominator'), 'denominator')}"
            f'<td class="num" data-key="percent" data-value="{"" if pct is None else escape(json.dumps(pct))}">{pct_text}</td>'
            f"<td>{escape(str(th.get('warn', '-')))}</td><td>{escape(str(th.get('fail', '-')))}</td>"
            f'<td class="status-{escape(status)}">{escape(status)}</td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _rejects(data: dict[str, Any]) -> list[str]:
    rows = [(str(m.get("map", "")), r, n) for m in data.get("maps", []) for r, n in sorted((m.get("rejected_by_reason") or {}).items())]
    out = ['<section id="rejects"><h2>Reject reasons</h2>']
    if rows:
        out.append(
            '<table class="reasons"><thead><tr><th scope="col">map</th><th scope="col">reason</th><th scope="col" class="num">rows</th></tr></thead><tbody>'
        )
        out += [
            f'<tr data-map="{escape(mp)}" data-reason="{escape(r)}"><td>{escape(mp)}</td><td>{escape(r)}</td>{td(n, "rows")}</tr>'
            for mp, r, n in rows
        ]
        out.append("</tbody></table>")
    else:
        out.append("<p>No row was rejected.</p>")
    malformed = [
        (str(s.get("table", "")), code, n)
        for s in data.get("sources", [])
        for code, n in sorted((s.get("malformed_by_code") or {}).items())
    ]
    if malformed:
        out.append(
            '<table class="malformed"><caption>Malformed records by reason code</caption><thead><tr><th scope="col">source table</th>'
        )
        out.append('<th scope="col">code</th><th scope="col" class="num">records</th></tr></thead><tbody>')
        out += [f"<tr><td>{escape(t)}</td><td>{escape(c)}</td>{td(n, 'records')}</tr>" for t, c, n in malformed]
        out.append("</tbody></table>")
    samples = len(data.get("reject_samples") or [])
    out.append(
        f"<p>{samples:,} reject samples (file, line and key positions) are in the JSON report; this page shows no row content.</p></section>"
    )
    return out


def _sources(data: dict[str, Any]) -> list[str]:
    out = [
        '<section id="sources"><h2>Sources</h2><table class="sources"><thead><tr><th scope="col">table</th><th scope="col">file</th>'
        '<th scope="col" class="num">records</th><th scope="col" class="num">staged</th><th scope="col" class="num">malformed</th></tr></thead><tbody>'
    ]
    for s in data.get("sources", []):
        out.append(
            f'<tr data-source="{escape(str(s.get("table", "")))}"><th scope="row">{escape(str(s.get("table", "")))}</th><td>{escape(str(s.get("file", "")))}</td>'
            + "".join(td(s.get(k), k) for k in ("records", "staged", "malformed"))
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return out


def _timings(data: dict[str, Any]) -> list[str]:
    steps = data.get("timings") or []
    out = ['<section id="timings"><h2>Timings per step</h2>']
    if not steps:
        return [*out, "<p>This report has no step timings (written by an earlier chartshift).</p></section>"]
    longest = max(float(s.get("seconds") or 0) for s in steps) or 1.0
    out.append(
        '<table class="timings"><thead><tr><th scope="col">step</th><th scope="col" class="num">seconds</th><th scope="col">share</th></tr></thead><tbody>'
    )
    for s in steps:
        sec = float(s.get("seconds") or 0)
        w = round(BAR_W * sec / longest)
        out.append(
            f'<tr data-step="{escape(str(s.get("step", "")))}"><th scope="row">{escape(str(s.get("step", "")))}</th>'
            f'<td class="num" data-key="seconds" data-value="{escape(json.dumps(s.get("seconds")))}">{sec:.3f}</td>'
            f'<td><svg class="bar" width="{BAR_W}" height="10" role="img" aria-label="{sec:.3f} s"><rect class="loaded" x="0" y="0" width="{w}" height="10"></rect></svg></td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _limits_and_delta(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if data.get("limits"):
        out.append('<section id="limits"><h2>Reject limits</h2><table><thead><tr><th scope="col">limit</th><th scope="col">subject</th>')
        out.append(
            '<th scope="col" class="num">rejected</th><th scope="col" class="num">of</th><th scope="col">verdict</th></tr></thead><tbody>'
        )
        for lr in data["limits"]:
            out.append(
                f"<tr><td>{escape(str(lr.get('limit')))}</td><td>{escape(str(lr.get('subject')))}</td>{td(lr.get('rejected'), 'rejected')}"
                f"{td(lr.get('records'), 'records')}<td>{'EXCEEDED' if lr.get('exceeded') else 'within'}</td></tr>"
            )
        out.append("</tbody></table></section>")
    delta = data.get("delta")
    if isinstance(delta, dict):
        out.append(
            f'<section id="delta"><h2>Delta extract</h2><p>Extract {escape(str(delta.get("extract")))}: {escape(str(delta.get("status")))}; '
        )
        out.append(
            f'{num(delta.get("changes"))} change(s).</p><table><thead><tr><th scope="col">table</th><th scope="col" class="num">inserted</th>'
        )
        out.append('<th scope="col" class="num">updated</th><th scope="col" class="num">removed</th></tr></thead><tbody>')
        for t in delta.get("tables", []):
            out.append(
                f'<tr><th scope="row">{escape(str(t.get("table")))}</th>'
                + "".join(td(t.get(k), k) for k in ("inserted", "updated", "removed"))
                + "</tr>"
            )
        out.append("</tbody></table></section>")
    return out


def _coverage_and_phase(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    cov = data.get("coverage") or []
    if cov:
        out.append('<section id="coverage"><h2>Column coverage</h2><table class="coverage"><thead><tr><th scope="col">source table</th>')
        out.append('<th scope="col" class="num">used</th><th scope="col" class="num">ignored</th><th scope="col">unmapped</th>')
        out.append('<th scope="col" class="num">covered</th></tr></thead><tbody>')
        for c in cov:
            unmapped = ", ".join(f"<code>{escape(str(u))}</code>" for u in c.get("unmapped") or []) or "none"
            out.append(
                f'<tr data-table="{escape(str(c.get("table", "")))}"><th scope="row">{escape(str(c.get("table", "")))}</th>'
                f"{td(len(c.get('used') or []), 'used')}{td(len(c.get('ignored') or []), 'ignored')}<td>{unmapped}</td>"
                f'<td class="num" data-key="percent" data-value="{escape(json.dumps(c.get("percent")))}">{num(c.get("percent"))}%</td></tr>'
            )
        out.append("</tbody></table></section>")
    phase = data.get("phase")
    if isinstance(phase, dict):
        out.append(f'<section id="phase"><h2>Phase {escape(str(phase.get("phase")))}</h2><p>{escape(str(phase.get("status")))}; ')
        out.append(f"run so far: {escape(', '.join(map(str, phase.get('phases_run') or [])) or 'none')}; ")
        out.append(f"pending: {escape(', '.join(map(str, phase.get('phases_pending') or [])) or 'none')}.</p>")
        keys = ("source_rows", "this_phase", "loaded", "rejected", "filtered", "merged", "aggregated", "pending", "not_migrated_yet")
        out.append(
            '<table class="phase"><thead><tr><th scope="col">map</th>' + "".join(f'<th scope="col" class="num">{k}</th>' for k in keys)
        )
        out.append("</tr></thead><tbody>")
        for m in phase.get("maps") or []:
            out.append(f'<tr><th scope="row">{escape(str(m.get("map")))}</th>' + "".join(td(m.get(k), k) for k in keys) + "</tr>")
        out.append("</tbody></table></section>")
    return out


def report_html(data: dict[str, Any]) -> str:
    status = str(data.get("status", "fail"))
    committed = "the target was published" if data.get("committed") else "the target was left unchanged"
    spec = escape(str(data.get("spec", "")))
    meta = [
        ("spec", f"<code>{spec}</code> (sha256 <code>{escape(str(data.get('spec_sha256', '')))}</code>)"),
        ("target", f"<code>{escape(str(data.get('target', '')))}</code> ({escape(str(data.get('dialect', '')))})"),
        ("started", escape(str(data.get("started_at", "")))),
        ("duration", f"{float(data.get('duration_seconds') or 0):.1f} s"),
        ("chartshift", escape(str(data.get("chartshift", "")))),
    ]
    out = [
        *page_head(f"chartshift run report: {data.get('spec', '')}: {status.upper()}", f"<style>\n{asset('style.css')}</style>"),
        "<header>",
        f"<h1>Run report {spec}</h1>",
        f'<p class="verdict {escape(status)}" id="verdict" data-value="{escape(status)}">Verdict: {escape(status.upper())}; {committed}</p>',
        "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>",
        "</header>",
        "<main>",
        *_accounting(data),
        *_checks(data),
        *_rejects(data),
        *_sources(data),
        *_limits_and_delta(data),
        *_coverage_and_phase(data),
        *_timings(data),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
