"""A sqlglot tree -> its SQL text for one dialect: the one way generated SQL is printed.

`unsupported_level=ErrorLevel.RAISE`: a construct the dialect cannot express is an error,
never a warning followed by wrong SQL.  Quoted identifiers, pretty layout.
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.errors import ErrorLevel

from compiler.sqlgen.dialect_sql import traits_for


def sql_text(tree: exp.Expr, dialect: str, consume: bool = False) -> str:
    """The SQL of `tree`.  sqlglot's generator copies the tree first because its
    preprocessing may rewrite it; `consume=True` skips the copy: the caller drops the
    tree afterwards and no node of it is shared with another tree (see `exclusive`)."""
    return tree.sql(dialect=traits_for(dialect).sqlglot, pretty=True, unsupported_level=ErrorLevel.RAISE, identify=True, copy=not consume)
