"""Builder rules of the `validate` block (one IR model per check kind) and of `test` blocks."""

from __future__ import annotations

from datetime import date

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, unquote_name, unquote_string, with_meta


class CheckRules(BuilderBase):
    """The checks of a validate block, their aggregates and thresholds; test blocks."""

    # -- validation
    def validate(self, children):
        return list(children)

    def _check(self, meta, model, children, **fields):
        """A check of the kind `model` (one IR model per kind) with its thresholds."""
        thresholds = [c for c in children if isinstance(c, ir.Threshold)]
        return model(span=self.span(meta), thresholds=thresholds, **fields)

    @with_meta
    def completeness(self, meta, children):
        return self._check(meta, ir.CompletenessCheck, children, subject=children[0])

    @with_meta
    def unique_check(self, meta, children):
        return self._check(meta, ir.UniqueCheck, children, subject=children[0])

    @with_meta
    def references_check(self, meta, children):
        return self._check(meta, ir.ReferencesCheck, children, subject=children[0])

    @with_meta
    def reject_rate(self, meta, children):
        return self._check(meta, ir.RejectRateCheck, children, subject=children[0])

    @with_meta
    def consistent(self, meta, children):
        return self._check(meta, ir.ConsistentCheck, children, subject=children[0], condition=children[1])

    @with_meta
    def valid(self, meta, children):
        rule = children[1]
        return self._check(meta, ir.ValidCheck, children, subject=children[0], **rule)

    def valid_matches(self, children):
        return {"rule": "matches", "pattern": unquote_string(children[0])}

    def valid_in(self, children):
        return {"rule": "in", "values": list(children)}

    def valid_between(self, children):
        return {"rule": "between", "values": list(children)}

    @with_meta
    def reconcile(self, meta, children):
        left, op, right, *_ = children
        return self._check(meta, ir.ReconcileCheck, children, left=left, compare=str(op), right=right)

    @with_meta
    def aggregate(self, meta, children):
        func, table, *rest = children
        expr = where = None
        for kind, value in rest:
            if kind == "where":
                where = value
            else:
                expr = value
        return ir.Aggregate(span=self.span(meta), func=str(func).lower(), table=table, expr=expr, where=where)

    def agg_expr(self, children):
        return ("expr", children[0])

    def agg_where(self, children):
        return ("where", children[0])

    @with_meta
    def threshold(self, meta, children):
        level, direction, value, *pct = children
        return ir.Threshold(
            span=self.span(meta),
            level=str(level),
            direction=str(direction),
            value=str(value.value),
            percent=bool(pct),
        )

    # -- spec tests
    @with_meta
    def spec_test(self, meta, children):
        name, *members = children
        fields: dict = {"given": [], "expect": [], "rejects": [], "checks": []}
        for kind, node in members:
            fields[kind].append(node)
        return ir.SpecTest(span=self.span(meta), name=unquote_string(name), **fields)

    def _rows(self, meta, table, header, rows) -> ir.Rows:
        for r in rows:
            if len(r) != len(header):
                self.diags.error(f"row has {len(r)} value(s) but the header names {len(header)} column(s)", r[0].span)
        return ir.Rows(span=self.span(meta), table=table, columns=header, rows=[r for r in rows if len(r) == len(header)])

    @with_meta
    def given(self, meta, children):
        table, header, *rows = children
        return ("given", self._rows(meta, table, header, rows))

    @with_meta
    def expect_rows(self, meta, children):
        table, header, *rows = children
        return ("expect", self._rows(meta, table, header, rows))

    @with_meta
    def expect_rejects(self, meta, children):
        source, target, header, *rows = children
        counts = []
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
    def expect_check(self, meta, children):
        name, status = children
        status = "not applicable" if str(status) == "not_applicable" else str(status)
        return ("checks", ir.ExpectCheck(span=self.span(meta), name=unquote_string(name), status=status))

    def row_header(self, children):
        return [unquote_name(c) for c in children]

    def cell_row(self, children):
        return list(children)

    def date_cell(self, children):
        tok = children[0]
        try:
            date.fromisoformat(str(tok))
        except ValueError:
            self.diags.error(f"`{tok}` is not a date", self.tok_span(tok))
        return ir.Literal(span=self.tok_span(tok), type="date", value=str(tok))

    @with_meta
    def negative_cell(self, meta, children):
        lit = children[0]
        value = -lit.value if lit.type == "integer" else "-" + str(lit.value)
        return ir.Literal(span=self.span(meta), type=lit.type, value=value)
