"""Names of IR things as text: dotted names, and the name a validation check is reported by."""

from __future__ import annotations

from compiler.ir import nodes as ir


def dotted(name: ir.Name) -> str:
    return ".".join(name.parts)


def check_name(c: ir.Check) -> str:
    if c.kind == "reconcile":
        def show(a: ir.Aggregate) -> str:
            return f"{a.func}({dotted(a.table)}{': …' if a.expr else ''})"
        return f"reconcile {show(c.left)} {c.compare} {show(c.right)}"
    extra = f" {c.rule}" if c.rule else ""
    return f"{c.kind} {dotted(c.subject)}{extra}"
