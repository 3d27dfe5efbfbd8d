"""The reconcile report as one HTML page (`reconcile --html FILE`), from the same dict as
the JSON (output.py has its schema), so the page and the JSON cannot disagree.

Like the run report (compiler/ops/docs/report_html.py, whose stylesheet and number cells
it shares): self-contained, no script, no network, printable.  Rows appear by key and
changed columns only; values only when the JSON has them (`--show-values`, asked for
explicitly).  No times: the page of an unchanged target is the same from day to day.
"""

from __future__ import annotations

from html import escape
from typing import Any

from compiler.ops.docs.html import page_head
from compiler.ops.docs.report_html import td
from compiler.ops.docs.site import asset

TOTALS = ("missing", "extra", "changed", "expected_drift")
SHOWN = 200  # rows listed per kind and table (all of them in the JSON)


def _rows(kind: str, rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return []
    out = [f"<h4>{escape(kind)} ({len(rows):,})</h4>", f'<ul class="rows" data-kind="{escape(kind)}">']
    for r in rows[:SHOWN]:
        cols = r.get("columns") or []
        text = escape(str(r.get("key", ""))) + (f" — {escape(', '.join(cols))}" if cols else "")
        values = r.get("values") or {}
        if values:
            text += (
                "<dl>"
                + "".join(
                    f"<dt>{escape(c)}</dt><dd>expected {escape(str(v.get('expected')))}, live {escape(str(v.get('live')))}</dd>"
                    for c, v in sorted(values.items())
                )
                + "</dl>"
            )
        out.append(f"<li>{text}</li>")
    if len(rows) > SHOWN:
        out.append(f"<li>… {len(rows) - SHOWN:,} more (all in the JSON report)</li>")
    out.append("</ul>")
    return out


def _table(t: dict[str, Any]) -> list[str]:
    name = escape(str(t.get("table", "")))
    drift = t.get("expected_drift") or {}
    out = [
        f'<section class="table" data-table="{name}"><h3>{name}: {escape(str(t.get("status", "")))}</h3>',
        '<table><thead><tr><th scope="col">key</th><th scope="col" class="num">expected rows</th>'
        '<th scope="col" class="num">live rows</th><th scope="col" class="num">differing segments</th></tr></thead><tbody><tr>',
        f"<td><code>{escape(', '.join(t.get('key') or []))}</code></td>",
        td(t.get("expected_rows"), "expected_rows")
        + td(t.get("live_rows"), "live_rows")
        + td(t.get("differing_segments"), "differing_segments"),
        "</tr></tbody></table>",
        *_rows("missing", t.get("missing") or []),
        *_rows("extra", t.get("extra") or []),
        *_rows("changed", t.get("changed") or []),
        *_rows("expected drift: extra", drift.get("extra") or []),
        *_rows("expected drift: changed", drift.get("changed") or []),
        "</section>",
    ]
    return out


def reconcile_html(data: dict[str, Any]) -> str:
    status = str(data.get("status", "drift"))
    verdict = "pass" if status == "no drift" else "fail"
    spec = escape(str(data.get("spec", "")))
    totals = data.get("totals") or {}
    since = data.get("since")
    meta = [
        ("spec", f"<code>{spec}</code> (sha256 <code>{escape(str(data.get('spec_sha256', '')))}</code>)"),
        ("target", f"<code>{escape(str(data.get('target', '')))}</code>"),
        (
            "expected drift",
            f"rows with <code>{escape(str(data.get('changed_at')))}</code> at or after {escape(str(since))}"
            if since
            else "none (no --since)",
        ),
    ]
    out = [
        *page_head(f"chartshift reconcile: {data.get('spec', '')}: {status.upper()}", f"<style>\n{asset('style.css')}</style>"),
        "<header>",
        f"<h1>Reconcile {spec}</h1>",
        f'<p class="verdict {verdict}" id="verdict" data-value="{escape(status)}">Verdict: {escape(status.upper())}</p>',
        "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>",
        "</header>",
        "<main>",
        '<section id="totals"><h2>Totals</h2><table><thead><tr>',
        *[f'<th scope="col" class="num">{escape(k.replace("_", " "))}</th>' for k in TOTALS],
        "</tr></thead><tbody><tr>" + "".join(td(totals.get(k), k) for k in TOTALS) + "</tr></tbody></table></section>",
        '<section id="tables"><h2>Tables</h2>',
        *[line for t in data.get("tables") or [] for line in _table(t)],
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
