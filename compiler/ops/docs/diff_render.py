"""`chartshift diff` output: terminal text, Markdown (for a pull request) and HTML (one
self-contained page), from one SpecDiff."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from compiler.ops.docs.markdown import cell, code
from compiler.ops.docs.site import asset
from compiler.ops.docs.specdiff import Change, SpecDiff


def _where(c: Change) -> str:
    lines = [f"line {c.old_line}" if c.old_line else "", f"line {c.new_line}" if c.new_line else ""]
    if c.old_line and c.new_line:
        return f"lines {c.old_line} -> {c.new_line}" if c.old_line != c.new_line else f"line {c.new_line}"
    return next((x for x in lines if x), "")


def summary(d: SpecDiff) -> str:
    if not d.changed:
        return f"{d.old} -> {d.new}: no change" + (f" ({len(d.moved)} generated files only cite moved spec lines)" if d.moved else "")
    return f"{d.old} -> {d.new}: {len(d.changes)} change(s) in the spec, {len(d.sql)} generated file(s) differ"


def render_text(d: SpecDiff) -> str:
    out = [summary(d)]
    for c in d.changes:
        out.append(f"{c.what} {c.area} {c.subject} ({_where(c)})")
        if c.old:
            out.append(f"  - {c.old}")
        if c.new:
            out.append(f"  + {c.new}")
    for s in d.sql:
        out += [f"generated SQL {s.dialect}/{s.file}:", *(f"  {ln}" for ln in s.lines)]
    return "\n".join(out) + "\n"


def render_md(d: SpecDiff) -> str:
    out = ["## chartshift diff", "", summary(d), ""]
    if d.changes:
        out += ["| change | area | what | old | new | where |", "|---|---|---|---|---|---|"]
        out += [f"| {c.what} | {c.area} | {cell(c.subject)} | {code(c.old)} | {code(c.new)} | {_where(c)} |" for c in d.changes]
        out.append("")
    if d.sql:
        out += ["### Generated SQL", ""]
        for s in d.sql:
            body = "\n".join(s.lines).replace("```", "`\u200b``")
            out += [f"<details><summary>{s.dialect}/{s.file}</summary>", "", "```diff", body, "```", "", "</details>", ""]
    return "\n".join(out) + "\n"


def _diff_line(ln: str) -> str:
    cls = "hunk" if ln.startswith("@@") else "add" if ln.startswith("+") else "del" if ln.startswith("-") else ""
    return f'<span class="{cls}">{escape(ln)}</span>' if cls else escape(ln)


def render_html(d: SpecDiff) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>chartshift diff {escape(d.old)} -&gt; {escape(d.new)}</title>",
        f"<style>\n{asset('style.css')}</style>",
        "</head>",
        "<body>",
        f'<header><h1>Spec diff</h1><p id="summary" data-changed="{"yes" if d.changed else "no"}">{escape(summary(d))}</p></header>',
        "<main>",
        '<section id="changes"><h2>Spec changes</h2>',
    ]
    if d.changes:
        out.append('<table><thead><tr><th scope="col">change</th><th scope="col">area</th><th scope="col">what</th>')
        out.append('<th scope="col">old</th><th scope="col">new</th><th scope="col">where</th></tr></thead><tbody>')
        for c in d.changes:
            old, new = (f"<code>{escape(x)}</code>" if x else "" for x in (c.old, c.new))
            out.append(
                f'<tr data-area="{escape(c.area)}"><td>{c.what}</td><td>{escape(c.area)}</td><th scope="row">{escape(c.subject)}</th>'
                f"<td>{old}</td><td>{new}</td><td>{_where(c)}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append("<p>No change to maps, fields, rules, checks, lookups or tables.</p>")
    out.append('</section><section id="sql"><h2>Generated SQL</h2>')
    for s in d.sql:
        out.append(
            f'<h3>{escape(s.dialect)}/{escape(s.file)}</h3><pre class="diff">' + "\n".join(_diff_line(ln) for ln in s.lines) + "</pre>"
        )
    if not d.sql:
        out.append("<p>The generated SQL is the same.</p>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[SpecDiff], str]] = {"text": render_text, "md": render_md, "html": render_html}
