"""Builder rules of window calls (`row_number() over (...)`, `lag`, `lead`) and `exists (...)`."""

from __future__ import annotations

from typing import Any

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, with_meta


class SequencingRules(BuilderBase):
    """Windows over a partition in a stated order, and existence in another source table."""

    @with_meta
    def window_call(self, meta: Meta, children: Children) -> ir.WindowCall:
        name, *rest = children
        spec: dict[str, Any] = rest.pop() if rest and isinstance(rest[-1], dict) else {}
        return ir.WindowCall(
            span=self.span(meta),
            func=".".join(name.parts),
            args=[a for a in rest if a is not None],
            partition=spec.get("partition", []),
            order=spec.get("order", []),
        )

    def window_spec(self, children: Children) -> dict[str, Any]:
        return dict(children)

    def window_partition(self, children: Children) -> tuple[str, list[ir.Expr]]:
        return ("partition", list(children))

    def window_order(self, children: Children) -> tuple[str, list[ir.OrderItem]]:
        return ("order", list(children))

    @with_meta
    def exists(self, meta: Meta, children: Children) -> ir.Exists:
        table, *rest = children
        alias = unquote_name(rest[0]) if len(rest) == 2 and isinstance(rest[0], Token) else table.parts[-1]
        return ir.Exists(span=self.span(meta), table=table, alias=alias, where=rest[-1])
