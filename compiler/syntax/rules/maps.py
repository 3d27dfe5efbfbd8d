"""Builder rules of `map` blocks: each, join, where, dedup, assignments and rejects."""

from __future__ import annotations

from typing import Any

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta

CHILDREN_RULES = ("cascade", "keep")


class MapRules(BuilderBase):
    """A map and its members."""

    @with_meta
    def map(self, meta: Meta, children: Children) -> ir.Map:
        source, target, *members = children
        fields: dict[str, Any] = {"joins": [], "where": [], "assigns": [], "rejects": [], "dedup": None, "each": None, "group": None}
        for m in members:
            if isinstance(m, ir.Each):
                fields["each"] = m
            elif isinstance(m, ir.Join):
                fields["joins"].append(m)
            elif isinstance(m, ir.Dedup):
                if fields["dedup"] is not None:
                    self.diags.error("a map has at most one `dedup` rule", m.span)
                fields["dedup"] = m
            elif isinstance(m, ir.Group):
                if fields["group"] is not None:
                    self.diags.error("a map has at most one `group by` or `distinct by` rule", m.span)
                fields["group"] = m
            elif isinstance(m, ir.Assign):
                fields["assigns"].append(m)
            elif isinstance(m, ir.Reject):
                fields["rejects"].append(m)
            elif isinstance(m, ir.OnRemoved):
                if "on_removed" in fields:
                    self.diags.error("a map has at most one `on removed` rule", m.span)
                fields["on_removed"] = m
            else:  # where
                fields["where"].append(m[1])
        return ir.Map(span=self.span(meta), source=source, target=target, **fields)

    @with_meta
    def on_removed_delete(self, meta: Meta, children: Children) -> ir.OnRemoved:
        return ir.OnRemoved(span=self.span(meta), action="delete", children=self.children_of(children))

    @with_meta
    def on_removed_set(self, meta: Meta, children: Children) -> ir.OnRemoved:
        column, value = children[0], children[1]
        return ir.OnRemoved(
            span=self.span(meta), action="set", column=unquote_name(column), value=value, children=self.children_of(children[2:])
        )

    def children_of(self, rest: Children) -> str:
        """`children cascade` / `children keep` (the default: keep)."""
        if not rest:
            return "keep"
        tok = rest[-1]
        name = unquote_name(tok)
        if name not in CHILDREN_RULES:
            self.diags.error(f"unknown children rule `{name}`; expected one of {', '.join(CHILDREN_RULES)}", self.tok_span(tok))
            return "keep"
        return name

    def children_rule(self, children: Children) -> Token:
        tok: Token = children[0]
        return tok

    @with_meta
    def each_clause(self, meta: Meta, children: Children) -> ir.Each:
        names, *rest = children
        when = None
        items = list(rest)
        # the optional `when` expression follows the bracketed list; the grammar keeps
        # them apart by position, so the builder receives it marked
        if items and isinstance(items[-1], tuple) and items[-1][0] == "when":
            when = items.pop()[1]
        return ir.Each(span=self.span(meta), names=names, items=items, when=when)

    def each_when(self, children: Children) -> tuple[str, ir.Expr]:
        return ("when", children[0])

    def each_vars(self, children: Children) -> list[str]:
        return [unquote_name(c) for c in children]

    @with_meta
    def join(self, meta: Meta, children: Children) -> ir.Join:
        many = isinstance(children[0], Token) and children[0].type == "MANY"
        table, *rest = children[1:] if many else children
        alias = unquote_name(rest[0]) if len(rest) == 2 else table.parts[-1]
        return ir.Join(span=self.span(meta), table=table, alias=alias, on=rest[-1], many=many)

    def where(self, children: Children) -> tuple[str, ir.Expr]:
        return ("where", children[0])

    @with_meta
    def dedup(self, meta: Meta, children: Children) -> ir.Dedup:
        keys = [c for c in children if not isinstance(c, (Token, ir.OrderItem))]
        keep = next(str(c) for c in children if isinstance(c, Token) and c.type != "ACROSS")
        across = any(isinstance(c, Token) and c.type == "ACROSS" for c in children)
        order = [c for c in children if isinstance(c, ir.OrderItem)]
        return ir.Dedup(span=self.span(meta), keys=keys, keep=keep, order=order, across=across)

    @with_meta
    def dedup_drop_all(self, meta: Meta, children: Children) -> ir.Dedup:
        """`dedup on (...) drop all`: no survivor, every copy is rejected (keep "none")."""
        return ir.Dedup(span=self.span(meta), keys=list(children), keep=ir.DROP_ALL, order=[])

    @with_meta
    def group_by(self, meta: Meta, children: Children) -> ir.Group:
        return ir.Group(span=self.span(meta), keys=list(children))

    @with_meta
    def distinct_by(self, meta: Meta, children: Children) -> ir.Group:
        return ir.Group(span=self.span(meta), keys=list(children), distinct=True)

    @with_meta
    def order_item(self, meta: Meta, children: Children) -> ir.OrderItem:
        expr, *direction = children
        desc = bool(direction) and str(direction[0]) == "desc"
        return ir.OrderItem(span=self.span(meta), expr=expr, descending=desc)

    @with_meta
    def assign(self, meta: Meta, children: Children) -> ir.Assign:
        name, expr = children
        return ir.Assign(span=self.span(meta), field=unquote_name(name), expr=expr)

    @with_meta
    def reject(self, meta: Meta, children: Children) -> ir.Reject:
        reason, when = children
        return ir.Reject(span=self.span(meta), reason=unquote_string(reason), when=when)
