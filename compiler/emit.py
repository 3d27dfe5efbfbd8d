"""Scripts of sqlglot trees -> SQL text files, laid out by a Jinja2 template.

Rendering uses `unsupported_level=ErrorLevel.RAISE`: a construct the dialect cannot
express is a compile error, never a warning followed by wrong SQL.  Output depends only
on the spec text and the compiler version, so it is byte-identical run to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jinja2
from sqlglot.errors import ErrorLevel

from compiler import __version__
from compiler.dialects import traits_for
from compiler.sqlgen import Script


@lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("compiler", "templates"),
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


def sql_text(tree, dialect: str) -> str:
    return tree.sql(dialect=traits_for(dialect).sqlglot, pretty=True, unsupported_level=ErrorLevel.RAISE, identify=True)


def comment_safe(text: str) -> str:
    return " ".join(text.split())


def render_statements(script: Script, dialect: str) -> list[RenderedStatement]:
    out = []
    for st in script.statements:
        origin = f"{st.span.file}:{st.span.line}: " if st.span else ""
        out.append(RenderedStatement(sql_text(st.sql, dialect), comment_safe(st.comment), origin, st.query))
    return out


def render_script(script: Script, dialect: str, spec_file: str, spec_hash: str) -> str:
    template = environment().get_template("script.sql.j2")
    return template.render(
        version=__version__,
        dialect=dialect,
        spec_file=spec_file,
        spec_hash=spec_hash,
        script=script,
        statements=render_statements(script, dialect),
    )
