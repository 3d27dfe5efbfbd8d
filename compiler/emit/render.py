"""Scripts of sqlglot trees -> SQL text files, laid out by a Jinja2 template.

Statements are printed by `compiler.sqlgen.text.sql_text` (a construct the dialect cannot
express is a compile error, never a warning followed by wrong SQL).  Output depends only
on the spec text and the compiler version, so it is byte-identical run to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2
from sqlglot.expressions import Expr

from compiler import __version__
from compiler.sqlgen.access import AccessStatement
from compiler.sqlgen.statements import Script, Upsert
from compiler.sqlgen.text import sql_text


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("compiler.emit", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclass
class RenderedStatement:
    text: str
    comment: str
    origin: str
    query: str | None


def exclusive(scripts: list[Script]) -> bool:
    """Whether every node of every statement is linked to the one place that holds it
    (parent, argument, list position).  A node has one such link, so a node held twice
    (in two statements, or twice in one) fails the test: then rendering must copy,
    since a rewrite of the shared node would show in both places."""
    stack: list[Expr] = [st.sql for s in scripts for st in s.statements]
    while stack:
        node = stack.pop()
        for k, v in node.args.items():
            if type(v) is list:
                for i, x in enumerate(v):
                    if isinstance(x, Expr):
                        if x.parent is not node or x.arg_key != k or x.index != i:
                            return False
                        stack.append(x)
            elif isinstance(v, Expr):
                if v.parent is not node or v.arg_key != k or v.index is not None:
                    return False
                stack.append(v)
    return True


def comment_safe(text: str) -> str:
    """`text` as one line of an SQL comment: whitespace runs (line breaks too) become one
    space, and `*/` / `/*` (from quoted identifiers) are broken up, so that the comment
    cannot end early or open a block comment, wherever the SQL is pasted."""
    one_line = " ".join(text.split())
    while "*/" in one_line or "/*" in one_line:
        one_line = one_line.replace("*/", "* /").replace("/*", "/ *")
    return one_line


def render_statements(script: Script, dialect: str, consume: bool = False) -> list[RenderedStatement]:
    """`consume=True`: the script's trees are used only here, and `exclusive` (rendering
    may rewrite them)."""
    out = []
    for st in script.statements:
        origin = f"{st.span.file}:{st.span.line}: " if st.span else ""
        text = sql_text(st.sql, dialect, consume)
        if st.upsert is not None:
            text = render_upsert(text, st.upsert, dialect)
        out.append(RenderedStatement(text, comment_safe(st.comment), origin, st.query))
    return out


def render_upsert(insert: str, upsert: Upsert, dialect: str) -> str:
    """The dialect's upsert template around an INSERT ... SELECT (names quoted by sqlglot)."""
    from sqlglot import exp

    def quoted(name: str) -> str:
        return exp.to_identifier(name, quoted=True).sql(dialect=dialect)

    template = environment().get_template(f"upsert/{upsert.template}.sql.j2")
    return template.render(insert=insert, key=[quoted(k) for k in upsert.key], update=[quoted(c) for c in upsert.update]).strip()


def render_script(script: Script, dialect: str, spec_file: str, spec_hash: str, consume: bool = False) -> str:
    template = environment().get_template("script.sql.j2")
    return template.render(
        version=__version__,
        dialect=dialect,
        spec_file=comment_safe(spec_file),
        spec_hash=spec_hash,
        script=script,
        title=comment_safe(script.title),
        statements=render_statements(script, dialect, consume),
    )


ACCESS_PHASES = {"roles": "roles and the migrator's rights (an admin)", "objects": "schemas, tables and columns (the owner)"}


def render_access(statements: list[AccessStatement], dialect: str, spec_file: str, spec_hash: str) -> str:
    """access.sql: the statements of sqlgen/access.py, by phase, with the spec line of each role."""
    rows = [
        {
            "text": st.text,
            "phase": st.phase,
            "comment": comment_safe(st.comment),
            "origin": f"{st.span.span.file}:{st.span.span.line}: " if st.span else "",
        }
        for st in statements
    ]
    return (
        environment()
        .get_template("access.sql.j2")
        .render(
            version=__version__,
            dialect=dialect,
            spec_file=comment_safe(spec_file),
            spec_hash=spec_hash,
            statements=rows,
            phases=ACCESS_PHASES,
        )
    )
