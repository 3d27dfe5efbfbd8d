"""Builder rules of expressions and literals."""

from __future__ import annotations

import builtins  # `tuple` is also a rule method here
from typing import cast

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta

MAX_INTEGER = 2**63 - 1  # integer literals: what a BIGINT holds


class ExpressionRules(BuilderBase):
    """Names, calls, operators, CASE and literals."""

    # -- expressions
    @with_meta
    def qualname(self, meta: Meta, children: Children) -> ir.Name:
        return ir.Name(span=self.span(meta), parts=[unquote_name(c) for c in children])

    @with_meta
    def name_ref(self, meta: Meta, children: Children) -> ir.Name:
        return cast(ir.Name, children[0])

    @with_meta
    def call(self, meta: Meta, children: Children) -> ir.Call | ir.AggCall:
        name, *args = children
        args = [a for a in args if a is not None]
        if len(name.parts) == 1 and name.parts[0] in ir.AGGREGATE_FUNCTIONS:
            return ir.AggCall(span=self.span(meta), func=name.parts[0], args=args)
        return ir.Call(span=self.span(meta), func=name.parts, args=args)

    @with_meta
    def ordered_call(self, meta: Meta, children: Children) -> ir.AggCall | ir.Call:
        """`first(x by y)`, `string_agg(x, ", " order by y)`: only aggregates take an order."""
        name, *args = children
        order: list[ir.OrderItem] = args.pop()
        if len(name.parts) != 1 or name.parts[0] not in ir.AGGREGATE_FUNCTIONS:
            self.diags.error(f"only the aggregates first, last and string_agg take `by`, not `{'.'.join(name.parts)}`", self.span(meta))
            return ir.Call(span=self.span(meta), func=name.parts, args=args)
        return ir.AggCall(span=self.span(meta), func=name.parts[0], args=args, order=order)

    def agg_order(self, children: Children) -> list[ir.OrderItem]:
        return [c for c in children if isinstance(c, ir.OrderItem)]

    @with_meta
    def branch_call(self, meta: Meta, children: Children) -> ir.Call:
        """`emr.patient.crosswalk(sysA.patients: pat_no)`: the keys of one of several maps."""
        name, branch, *args = children
        return ir.Call(span=self.span(meta), func=name.parts, args=list(args), branch=branch.parts, branch_span=branch.span)

    @with_meta
    def call_field(self, meta: Meta, children: Children) -> ir.Call:
        """`payers(code, plan).payer_id`: one value of a record lookup's result."""
        name, *args, field = children
        return ir.Call(span=self.span(meta), func=name.parts, args=[a for a in args if a is not None], field=unquote_name(field))

    def _binary(self, meta: Meta, op: str, children: Children) -> ir.Binary:
        left, right = children
        return ir.Binary(span=self.span(meta), op=op, left=left, right=right)

    @with_meta
    def or_(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "or", c)

    @with_meta
    def and_(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "and", c)

    @with_meta
    def add(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "+", c)

    @with_meta
    def sub(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "-", c)

    @with_meta
    def concat_op(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "||", c)

    @with_meta
    def mul(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "*", c)

    @with_meta
    def div(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "/", c)

    @with_meta
    def mod(self, meta: Meta, c: Children) -> ir.Binary:
        return self._binary(meta, "%", c)

    @with_meta
    def compare(self, meta: Meta, c: Children) -> ir.Binary:
        left, op, right = c
        op = "<>" if str(op) == "!=" else str(op)
        return ir.Binary(span=self.span(meta), op=op, left=left, right=right)

    @with_meta
    def not_(self, meta: Meta, c: Children) -> ir.Unary:
        return ir.Unary(span=self.span(meta), op="not", operand=c[0])

    @with_meta
    def neg(self, meta: Meta, c: Children) -> ir.Unary:
        return ir.Unary(span=self.span(meta), op="neg", operand=c[0])

    @with_meta
    def is_null(self, meta: Meta, c: Children) -> ir.IsNull:
        return ir.IsNull(span=self.span(meta), operand=c[0])

    @with_meta
    def is_not_null(self, meta: Meta, c: Children) -> ir.IsNull:
        return ir.IsNull(span=self.span(meta), operand=c[0], negated=True)

    @with_meta
    def in_(self, meta: Meta, c: Children) -> ir.InList:
        return ir.InList(span=self.span(meta), operand=c[0], items=c[1:])

    @with_meta
    def not_in(self, meta: Meta, c: Children) -> ir.InList:
        return ir.InList(span=self.span(meta), operand=c[0], items=c[1:], negated=True)

    @with_meta
    def between(self, meta: Meta, c: Children) -> ir.Between:
        return ir.Between(span=self.span(meta), operand=c[0], low=c[1], high=c[2])

    @with_meta
    def not_between(self, meta: Meta, c: Children) -> ir.Between:
        return ir.Between(span=self.span(meta), operand=c[0], low=c[1], high=c[2], negated=True)

    @with_meta
    def like(self, meta: Meta, c: Children) -> ir.Like:
        return ir.Like(span=self.span(meta), operand=c[0], pattern=c[1])

    @with_meta
    def not_like(self, meta: Meta, c: Children) -> ir.Like:
        return ir.Like(span=self.span(meta), operand=c[0], pattern=c[1], negated=True)

    @with_meta
    def tuple(self, meta: Meta, c: Children) -> ir.Tuple:
        return ir.Tuple(span=self.span(meta), items=list(c))

    @with_meta
    def case(self, meta: Meta, c: Children) -> ir.Case:
        whens = [x for x in c if isinstance(x, ir.When)]
        default = next((x[1] for x in c if isinstance(x, tuple)), None)
        return ir.Case(span=self.span(meta), whens=whens, default=default)

    @with_meta
    def simple_case(self, meta: Meta, c: Children) -> ir.Case:
        operand, *rest = c
        whens = [x for x in rest if isinstance(x, ir.When)]
        default = next((x[1] for x in rest if isinstance(x, tuple)), None)
        return ir.Case(span=self.span(meta), operand=operand, whens=whens, default=default)

    @with_meta
    def case_when(self, meta: Meta, c: Children) -> ir.When:
        return ir.When(span=self.span(meta), condition=c[0], result=c[1])

    def case_else(self, c: Children) -> builtins.tuple[str, ir.Expr]:
        return ("else", c[0])

    # -- literals
    @with_meta
    def string(self, meta: Meta, c: Children) -> ir.Literal:
        return ir.Literal(span=self.span(meta), type="text", value=unquote_string(c[0]))

    @with_meta
    def number(self, meta: Meta, c: Children) -> ir.Literal:
        tok = c[0]
        if tok.type == "INT":
            return ir.Literal(span=self.span(meta), type="integer", value=self.bounded_int(tok, MAX_INTEGER, "integer"))
        return ir.Literal(span=self.span(meta), type="decimal", value=str(tok))

    @with_meta
    def typed_literal(self, meta: Meta, c: list[Token]) -> ir.Literal:
        # `date "2026-12-04"`; the checker tells whether the text is a real date
        prefix, text = c
        if str(prefix) != "date":
            self.diags.error(f'unknown literal prefix `{prefix}` (a typed literal is written date "YYYY-MM-DD")', self.tok_span(prefix))
        return ir.Literal(span=self.span(meta), type="date", value=unquote_string(text))

    @with_meta
    def true(self, meta: Meta, c: Children) -> ir.Literal:
        return ir.Literal(span=self.span(meta), type="boolean", value=True)

    @with_meta
    def false(self, meta: Meta, c: Children) -> ir.Literal:
        return ir.Literal(span=self.span(meta), type="boolean", value=False)

    @with_meta
    def null(self, meta: Meta, c: Children) -> ir.Literal:
        return ir.Literal(span=self.span(meta), type="null", value=None)

    def literal(self, c: Children) -> ir.Literal:
        return cast(ir.Literal, c[0])
