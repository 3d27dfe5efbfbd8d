"""The spec text `chartshift init` writes: a migration header, a `source` block and/or
`target` blocks, each guess commented for review; and the project .gitignore."""

from __future__ import annotations

import json
from pathlib import Path

from compiler.ops.scaffold.model import ColumnGuess, TableGuess

# what a project never commits: keys, archives, reports, rejects, logs, DuckDB files
GITIGNORE = """\
# chartshift: keys, archives, reports, rejects and DuckDB files never go into git
*.key
*.csbk
*.csbk.*
report*.json
*.report.json
reports/
rejects/
masked/
restored/
*.duckdb
*.duckdb.wal
*.duckdb.tmp
*.log
chartshift-audit.jsonl
junit.xml
"""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _column(c: ColumnGuess, width: int, tw: int, target: bool) -> str:
    parts = [c.name.ljust(width), c.type.ljust(tw)]
    if c.not_null and target:
        parts.append("not null")
    if c.unique and target:
        parts.append("unique")
    if c.phi:
        parts.append("phi")
    line = "    " + " ".join(parts).rstrip()
    return line + (f"  # {c.note}" if c.note else "")


def _table(t: TableGuess, target: bool) -> list[str]:
    head = f"  table {t.name}" + (f" {_q(t.file)}" if t.file and not target else "") + (f" key {', '.join(t.key)}" if t.key else "") + " {"
    out = [f"  # {t.note}"] if t.note else []
    out.append(head)
    for k, v in t.settings.items():
        if k == "header":
            out.append(f"    header {v}")
        elif (k, v) not in (("encoding", "utf-8"), ("delimiter", ",")):  # the defaults
            out.append(f"    {k} {_q(v)}")
    width = max((len(c.name) for c in t.columns), default=0)
    tw = max((len(c.type) for c in t.columns), default=0)
    out += [_column(c, width, tw, target) for c in t.columns]
    out.append("  }")
    return out


def render_spec(name: str, source: tuple[str, list[TableGuess]] | None, targets: list[TableGuess], target_name: str = "emr") -> str:
    """`source`: (folder as the spec reaches it, tables); `targets`: tables by their schema."""
    lines = [
        "# Scaffolded by `chartshift init`: every type, key and phi mark is a guess from the",
        "# files or the schema. Review them, then add a `map` per target table and a `validate` block.",
        "",
        f"migration {_q(name)} {{",
        "  dialect duckdb",
        "}",
    ]
    if source is not None:
        folder, tables = source
        lines += ["", f"source legacy csv {_q(folder)} {{"]
        for i, t in enumerate(tables):
            lines += ([""] if i else []) + _table(t, target=False)
        lines.append("}")
    by_schema: dict[str, list[TableGuess]] = {}
    for t in targets:
        by_schema.setdefault(t.schema or target_name, []).append(t)
    for schema, tables in by_schema.items():
        known = {t.name for t in tables}
        lines += ["", f"target {schema} {{"]
        for i, t in enumerate(tables):
            for c in t.columns:  # a reference needs a map filling its table: a note until there is one
                if c.references:
                    where = "" if c.references.split(".")[0] in known else " (another schema)"
                    c.note = "; ".join(x for x in (c.note, f"references {c.references}{where}: add it once a map fills the table") if x)
            lines += ([""] if i else []) + _table(t, target=True)
        lines.append("}")
    return "\n".join(lines) + "\n"


def write_gitignore(folder: Path) -> bool:
    """Add the lines a chartshift project ignores to folder/.gitignore (kept lines stay)."""
    path = folder / ".gitignore"
    have = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    missing = [line for line in GITIGNORE.splitlines() if line and line not in have]
    if not missing:
        return False
    prefix = "\n" if have and have[-1] != "" else ""
    with path.open("a", encoding="utf-8") as fh:
        fh.write(prefix + "\n".join(missing) + "\n")
    return True
