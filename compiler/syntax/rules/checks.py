"""Builder rules of the `validate` block (one IR model per check kind) and of `test` blocks."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, cast
from typing import Literal as L

from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta

CheckT = TypeVar("CheckT", bound=ir.CheckNode)
_Level = L["warn", "fail"]
_Direction = L["above", "below"]


class CheckRules(BuilderBase):
    """The checks of a validate block, their aggregates and thresholds; test blocks."""

    # -- validation
    def validate(self, children: Children) -> list[ir.Check]:
        return list(children)

    def _check(self, meta: Meta, model: type[CheckT], children: Children, **fields: Any) -> CheckT:
        """A check of the kind `model` (one IR model per kind) with its thresholds."""
        thresholds = [c for c in children if isinstance(c, ir.Threshold)]
        return model(span=self.span(meta), thresholds=thresholds, **fields)

    @with_meta
    def completeness(self, meta: Meta, children: Children) -> ir.CompletenessCheck:
        return self._check(meta, ir.CompletenessCheck, children, subject=children[0])

    @with_meta
    def unique_check(self, meta: Meta, children: Children) -> ir.UniqueCheck:
        return self._check(meta, ir.UniqueCheck, children, subject=children[0])

    @with_meta
    def references_check(self, meta: Meta, children: Children) -> ir.ReferencesCheck:
        return self._check(meta, ir.ReferencesCheck, children, subject=children[0])

    @with_meta
    def reject_rate(self, meta: Meta, children: Children) -> ir.RejectRateCheck:
        return self._check(meta, ir.RejectRateCheck, children, subject=children[0])

    @with_meta
    def consistent(self, meta: Meta, children: Children) -> ir.ConsistentCheck:
        return self._check(meta, ir.ConsistentCheck, children, subject=children[0], condition=children[1])

    @with_meta
    def valid(self, meta: Meta, children: Children) -> ir.ValidCheck:
        rule = children[1]
        return self._check(meta, ir.ValidCheck, children, subject=children[0], **rule)

    def valid_matches(self, children: Children) -> dict[str, object]:
        return {"rule": "matches", "pattern": unquote_string(children[0])}

    def valid_in(self, children: Children) -> dict[str, object]:
        return {"rule": "in", "values": list(children)}

    def valid_between(self, children: Children) -> dict[str, object]:
        return {"rule": "between", "values": list(children)}

    @with_meta
    def reconcile(self, meta: Meta, children: Children) -> ir.ReconcileCheck:
        left, op, right, *_ = children
        return self._check(meta, ir.ReconcileCheck, children, left=left, compare=str(op), right=right)

    @with_meta
    def aggregate(self, meta: Meta, children: Children) -> ir.Aggregate:
        func, table, *rest = children
        expr = where = None
        for kind, value in rest:
            if kind == "where":
                where = value
            else:
                expr = value
        return ir.Aggregate(span=self.span(meta), func=str(func).lower(), table=table, expr=expr, where=where)

    def agg_expr(self, children: Children) -> tuple[str, ir.Expr]:
        return ("expr", children[0])

    def agg_where(self, children: Children) -> tuple[str, ir.Expr]:
        return ("where", children[0])

    @with_meta
    def threshold(self, meta: Meta, children: Children) -> ir.Threshold:
        level, direction, value, *pct = children
        return ir.Threshold(
            span=self.span(meta),
            level=cast(_Level, str(level)),  # the grammar's WARN | FAIL
            direction=cast(_Direction, str(direction)),  # ABOVE | BELOW
            value=str(value.value),
            percent=bool(pct),
        )

    # -- spec tests
    @with_meta
    def spec_test(self, meta: Meta, children: Children) -> ir.SpecTest:
        name, *members = children
        fields: dict[str, Any] = {"given": [], "expect": [], "rejects": [], "checks": []}
        for kind, node in members:
            fields[kind].append(node)
        return ir.SpecTest(span=self.span(meta), name=unquote_string(name), **fields)

    def _rows(self, meta: Meta, table: ir.Name, header: list[str], rows: list[list[ir.Literal]]) -> ir.Rows:
        for r in rows:
            if len(r) != len(header):
                self.diags.error(f"row has {len(r)} value(s) but the header names {len(header)} column(s)", r[0].span)
        return ir.Rows(span=self.span(meta), table=table, columns=header, rows=[r for r in rows if len(r) == len(header)])

    @with_meta
    def given(self, meta: Meta, children: Children) -> tuple[str, ir.Rows]:
        table, header, *rows = children
        return ("given", self._rows(meta, table, header, rows))

    @with_meta
    def expect_rows(self, meta: Meta, children: Children) -> tuple[str, ir.Rows]:
        table, header, *rows = children
        return ("expect", self._rows(meta, table, header, rows))

    @with_meta
    def expect_rejects(self, meta: Meta, children: Children) -> tuple[str, ir.ExpectRejects]:
        source, target, header, *rows = children
        counts: list[tuple[str, int]] = []
        if header != ["reason", "count"]:
            self.diags.error("expected rejects are a table with the columns `reason | count`", self.span(meta))
        else:
            for row in rows:
                if len(row) != 2 or row[0].type != "text" or row[1].type != "integer" or row[1].value < 0:
                    self.diags.error("each expected reject row is a reason (string) and a count (whole number)", row[0].span)
                else:
                    counts.append((str(row[0].value), int(row[1].value)))
        return ("rejects", ir.ExpectRejects(span=self.span(meta), source=source, target=target, counts=counts))

    @with_meta
    def expect_check(self, meta: Meta, children: Children) -> tuple[str, ir.ExpectCheck]:
        name, status = children
        status = "not applicable" if str(status) == "not_applicable" else str(status)
        return ("checks", ir.ExpectCheck(span=self.span(meta), name=unquote_string(name), status=status))

    def row_header(self, children: Children) -> list[str]:
        return [unquote_name(c) for c in children]

    def cell_row(self, children: Children) -> list[ir.Literal]:
        return list(children)

    def date_cell(self, children: Children) -> ir.Literal:
        tok = children[0]
        try:
            date.fromisoformat(str(tok))
        except ValueError:
            self.diags.error(f"`{tok}` is not a date", self.tok_span(tok))
        return ir.Literal(span=self.tok_span(tok), type="date", value=str(tok))

    @with_meta
    def negative_cell(self, meta: Meta, children: Children) -> ir.Literal:
        lit = children[0]
        value = -lit.value if lit.type == "integer" else "-" + str(lit.value)
        return ir.Literal(span=self.span(meta), type=lit.type, value=value)
