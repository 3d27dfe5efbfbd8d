"""The documentation site's page: `index.html` from the SiteModel.

Static and offline: the stylesheet and the search script are files next to it
(`assets/`), the lineage SVG is inline, links go to the generated SQL copied under
`sql/<dialect>/`.  No timestamps; the order is the model's (spec order or sorted).
"""

from __future__ import annotations

import re
from html import escape

from compiler import __version__
from compiler.ops.docs.lineage import lineage_svg
from compiler.ops.docs.model import FieldDoc, MapDoc, SiteModel, TableDoc


def anchor(kind: str, name: str) -> str:
    """An id for a table, lookup or map: `t-emr-patient`."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_]+", "-", name).strip("-")


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>" if text else ""


def _list(items: list[str], kind: str = "") -> str:
    if kind == "lookup":
        return ", ".join(f'<a href="#{anchor("l", i)}">{escape(i)}</a>' for i in items)
    if kind == "table":
        return ", ".join(f'<a href="#{anchor("t", i)}">{escape(i)}</a>' for i in items)
    return ", ".join(_code(i) for i in items)


def _field_row(f: FieldDoc) -> str:
    expr = _code(f.expr) if f.expr else '<span class="none">not assigned</span>'
    notes = []
    if f.lookups:
        notes.append("lookup " + _list(f.lookups, "lookup"))
    if f.crosswalk_of:
        notes.append("id of " + _list(f.crosswalk_of, "table"))
    if f.reads_fields:
        notes.append("reads field " + _list(f.reads_fields))
    phi = ' <span class="phi" title="protected health information">phi</span>' if f.phi else ""
    return (
        f'<tr data-search data-column="{escape(f.name)}"><th scope="row">{escape(f.name)}{phi}</th><td>{escape(f.type)}</td>'
        f"<td>{_list(f.sources)}</td><td>{expr}</td><td>{'; '.join(notes)}</td><td>{f.line}</td></tr>"
    )


def _map_section(m: MapDoc, dialects: list[str]) -> list[str]:
    out = [
        f'<section class="map" id="{anchor("m", m.label)}" data-map="{escape(m.label)}" data-line="{m.line}">',
        f"<h3>Map {escape(m.label)} <small>spec line {m.line}</small></h3>",
        '<table class="fields"><caption>Fields of this map</caption><thead><tr><th scope="col">column</th>'
        '<th scope="col">type</th><th scope="col">source columns</th><th scope="col">expression (as written)</th>'
        '<th scope="col">lookups and ids</th><th scope="col">line</th></tr></thead><tbody>',
        *[_field_row(f) for f in m.fields],
        "</tbody></table>",
    ]
    if m.rules:
        out.append('<h4>Rules</h4><ul class="rules">')
        out += [f'<li data-search><span class="kind">{r.kind}</span> {_code(r.text)} <small>line {r.line}</small></li>' for r in m.rules]
        out.append("</ul>")
    files = sorted({s.file for s in m.steps})
    if files:
        out.append('<h4>Generated SQL</h4><table class="steps"><thead><tr><th scope="col">step</th>')
        out += [f'<th scope="col">{escape(d)}</th>' for d in dialects]
        out.append("</tr></thead><tbody>")
        for name in files:
            cells = []
            for d in dialects:
                link = next((s for s in m.steps if s.dialect == d and s.file == name), None)
                cells.append(
                    f'<td><a href="sql/{escape(d)}/{escape(name)}">{escape(name)}</a> <small>from line {link.line}</small></td>'
                    if link
                    else "<td>-</td>"
                )
            out.append(f'<tr data-search><th scope="row">{escape(name.removesuffix(".sql"))}</th>{"".join(cells)}</tr>')
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _table_section(t: TableDoc, dialects: list[str]) -> list[str]:
    out = [f'<section class="target" id="{anchor("t", t.name)}" data-section>', f"<h2>Target table {escape(t.name)}</h2>"]
    out.append(f"<p>Declared at spec line {t.line}; filled by {len(t.maps)} map{'s' if len(t.maps) != 1 else ''}.</p>")
    if not t.maps:
        out.append('<table class="fields"><caption>Columns (no map fills this table)</caption><tbody>')
        out += [_field_row(c) for c in t.columns]
        out.append("</tbody></table>")
    for m in t.maps:
        out += _map_section(m, dialects)
    out.append("<h3>Checks</h3>")
    if t.checks:
        out.append('<ul class="checks">')
        out += [f"<li data-search>{escape(c.name)}: {_code(c.text)} <small>line {c.line}</small></li>" for c in t.checks]
        out.append("</ul>")
    else:
        out.append("<p>No validation check reads this table.</p>")
    out.append("</section>")
    return out


def page_head(title: str, *head: str) -> list[str]:
    """The opening of every chartshift page (docs, run report, reconcile) up to `<body>`:
    `title` is escaped here; `head` lines (stylesheet, script) go in as given."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        *head,
        "</head>",
        "<body>",
    ]


def render_index(model: SiteModel) -> str:
    title = f"chartshift mapping: {model.title}"
    out = [
        *page_head(title, '<link rel="stylesheet" href="assets/style.css">', '<script src="assets/search.js" defer></script>'),
        "<header>",
        f"<h1>Mapping {escape(model.title)}</h1>",
        f"<p>Spec <code>{escape(model.spec)}</code>, sha256 <code>{model.sha256}</code>; chartshift {escape(__version__)}; "
        f"generated SQL for {', '.join(escape(d) for d in model.dialects)}.</p>",
        '<p class="search"><label for="search">Search tables, columns, rules, lookups</label> '
        '<input type="search" id="search" autocomplete="off"> <output id="search-count" for="search"></output></p>',
        "</header>",
        '<nav aria-label="Contents"><h2>Contents</h2><ul>',
        '<li><a href="#lineage">Lineage</a></li>',
        *[f'<li><a href="#{anchor("t", t.name)}">{escape(t.name)}</a></li>' for t in model.tables],
        '<li><a href="#lookups">Lookups</a></li>',
        '<li><a href="#unmapped">Source columns no map reads</a></li>',
        "</ul></nav>",
        "<main>",
        '<section id="lineage" data-section><h2>Lineage</h2>',
        '<div class="graph">',
        lineage_svg(model),
        "</div>",
        '<details><summary>Lineage as a table</summary><table class="edges"><thead><tr><th scope="col">source column</th>'
        '<th scope="col">target column</th></tr></thead><tbody>',
        *[f"<tr data-search><td>{escape(s)}</td><td>{escape(t)}</td></tr>" for s, t in model.edges],
        "</tbody></table></details></section>",
    ]
    for t in model.tables:
        out += _table_section(t, model.dialects)
    out.append('<section id="lookups" data-section><h2>Lookups</h2>')
    for lk in model.lookups:
        out += [
            f'<section class="lookup" id="{anchor("l", lk.name)}"><h3>Lookup {escape(lk.name)} <small>spec line {lk.line}</small></h3>',
            f"<p>{escape(lk.source)}; else {_code(lk.default)}; used by {_list(lk.used_by) or 'no field'}.</p>",
            '<table class="entries"><thead><tr><th scope="col">keys</th><th scope="col">value</th></tr></thead><tbody>',
            *[f"<tr data-search><td>{_code(k)}</td><td>{_code(v)}</td></tr>" for k, v in lk.entries],
            "</tbody></table></section>",
        ]
    if not model.lookups:
        out.append("<p>The spec declares no lookup.</p>")
    out.append('</section><section id="unmapped" data-section><h2>Source columns no map reads</h2>')
    if model.unmapped:
        out.append('<ul class="unmapped">')
        out += [f"<li data-search>{_code(c)}</li>" for c in model.unmapped]
        out.append("</ul>")
    else:
        out.append("<p>Every source column is read by some map or ignored on purpose.</p>")
    if model.ignored:
        out.append('<h3>Ignored on purpose</h3><table class="ignored"><thead><tr><th scope="col">column</th><th scope="col">reason</th>')
        out.append('<th scope="col">line</th></tr></thead><tbody>')
        out += [f"<tr data-search><td>{_code(c)}</td><td>{escape(r)}</td><td>{ln}</td></tr>" for c, r, ln in model.ignored]
        out.append("</tbody></table>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
