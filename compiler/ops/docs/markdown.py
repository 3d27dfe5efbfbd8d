"""The documentation as Markdown (`chartshift docs --format md`): the same content as the
site, for a pull request.  The lineage graph is `lineage.svg` next to it, and its edges
are listed as a table."""

from __future__ import annotations

from compiler import __version__
from compiler.ops.docs.model import FieldDoc, MapDoc, SiteModel


def cell(text: str) -> str:
    """Text for a table cell: pipes escaped, one line."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def code(text: str) -> str:
    if not text:
        return ""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{cell(text)}{pad}{fence}"


def _field_row(f: FieldDoc) -> str:
    notes = []
    if f.lookups:
        notes.append("lookup " + ", ".join(f.lookups))
    if f.crosswalk_of:
        notes.append("id of " + ", ".join(f.crosswalk_of))
    if f.reads_fields:
        notes.append("reads field " + ", ".join(f.reads_fields))
    expr = code(f.expr) if f.expr else "_not assigned_"
    phi = " (phi)" if f.phi else ""
    return (
        f"| {cell(f.name)}{phi} | {cell(f.type)} | {', '.join(code(s) for s in f.sources)} | {expr} | {cell('; '.join(notes))} | {f.line} |"
    )


def _map(m: MapDoc, dialects: list[str]) -> list[str]:
    out = [
        f"### Map {m.label} (spec line {m.line})",
        "",
        "| column | type | source columns | expression (as written) | lookups and ids | line |",
        "|---|---|---|---|---|---|",
    ]
    out += [_field_row(f) for f in m.fields]
    if m.rules:
        out += ["", "Rules:", ""]
        out += [f"- **{r.kind}** {code(r.text)} (line {r.line})" for r in m.rules]
    files = sorted({s.file for s in m.steps})
    if files:
        out += ["", "Generated SQL:", "", "| step | " + " | ".join(dialects) + " |", "|---|" + "---|" * len(dialects)]
        for name in files:
            cells = []
            for d in dialects:
                link = next((s for s in m.steps if s.dialect == d and s.file == name), None)
                cells.append(f"[{name}](sql/{d}/{name}) (from line {link.line})" if link else "-")
            out.append(f"| {name.removesuffix('.sql')} | " + " | ".join(cells) + " |")
    return [*out, ""]


def render_markdown(model: SiteModel) -> str:
    out = [
        f"# Mapping {model.title}",
        "",
        f"Spec `{model.spec}`, sha256 `{model.sha256}`; chartshift {__version__}; generated SQL for {', '.join(model.dialects)}.",
        "",
        "## Lineage",
        "",
        "![Lineage: source columns to target columns](lineage.svg)",
        "",
        "| source column | target column |",
        "|---|---|",
        *[f"| {cell(s)} | {cell(t)} |" for s, t in model.edges],
        "",
    ]
    for t in model.tables:
        out += [
            f"## Target table {t.name}",
            "",
            f"Declared at spec line {t.line}; filled by {len(t.maps)} map{'s' if len(t.maps) != 1 else ''}.",
            "",
        ]
        if not t.maps:
            out += ["| column | type | source columns | expression (as written) | lookups and ids | line |", "|---|---|---|---|---|---|"]
            out += [_field_row(c) for c in t.columns] + [""]
        for m in t.maps:
            out += _map(m, model.dialects)
        out += ["### Checks", ""]
        out += [f"- {cell(c.name)}: {code(c.text)} (line {c.line})" for c in t.checks] or ["No validation check reads this table."]
        out.append("")
    out += ["## Lookups", ""]
    for lk in model.lookups:
        out += [
            f"### Lookup {lk.name} (spec line {lk.line})",
            "",
            f"{lk.source}; else {code(lk.default)}; used by {', '.join(lk.used_by) or 'no field'}.",
            "",
        ]
        out += ["| keys | value |", "|---|---|", *[f"| {code(k)} | {code(v)} |" for k, v in lk.entries], ""]
    if not model.lookups:
        out += ["The spec declares no lookup.", ""]
    out += ["## Source columns no map reads", ""]
    out += [f"- {code(c)}" for c in model.unmapped] or ["Every source column is read by some map or ignored on purpose."]
    if model.ignored:
        out += ["", "### Ignored on purpose", "", "| column | reason | line |", "|---|---|---|"]
        out += [f"| {code(c)} | {cell(r)} | {ln} |" for c, r, ln in model.ignored]
    return "\n".join(out) + "\n"
