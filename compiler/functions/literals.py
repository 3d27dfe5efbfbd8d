"""sqlglot literals for Python values and IR literals, built as nodes and never pasted as text.

The checker's trial lowering and the SQL generator build literals the same way.
"""

from __future__ import annotations

from sqlglot import exp

from compiler.ir import nodes as ir


def lit(value: object) -> exp.Expression:
    """A sqlglot literal for a Python value (None -> NULL)."""
    if value is None:
        return exp.Null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, (int,)):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))


def literal_of(node: ir.Literal) -> exp.Expression:
    if node.type == "decimal":
        return exp.Literal.number(node.value)
    if node.type == "date":  # CAST('2026-12-04' AS DATE): the same on every engine
        return exp.Cast(this=exp.Literal.string(str(node.value)), to=exp.DataType.build("DATE"))
    return lit(node.value)
