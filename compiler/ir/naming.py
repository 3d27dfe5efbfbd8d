"""Names of IR things as text: dotted names, and the name a validation check is reported by."""

from __future__ import annotations

from compiler.ir import nodes as ir


def dotted(name: ir.Name) -> str:
    return ".".join(name.parts)


def check_name(c: ir.Check) -> str:
    """The name a check is reported by: its kind's `name` (compiler/ir/nodes.py)."""
    return c.name
