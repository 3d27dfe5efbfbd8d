"""Lark syntax tree -> IR (`compiler.ir.Spec`).  One transformer method per grammar rule."""

from __future__ import annotations

from datetime import date

from lark import Token, Tree

from compiler import ir
from compiler.diagnostics import Collector, did_you_mean

MAX_INTEGER = 2**63 - 1       # integer literals: what a BIGINT holds
MAX_TYPE_ARGUMENT = 2**31 - 1  # varchar(n), decimal(p, s)
LOOKUP_FILE_OPTIONS = ("key", "value")


def unquote_name(text: str) -> str:
    return text[1:-1] if text.startswith("`") else text


def unquote_string(text: str) -> str:
    """Decode a spec string literal: "..." with backslash escapes, or '...' with '' doubling."""
    body = text[1:-1]
    if text[0] == "'":
        return body.replace("''", "'")
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append(escapes.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def with_meta(method):
    """Mark a rule method that takes the node's position (`meta`) before its children."""
    method.with_meta = True
    return method


class Builder:
    """Transforms the syntax tree bottom-up into IR nodes: one method per grammar rule,
    called with the rule's children already transformed (tokens as they are)."""

    def __init__(self, file: str, diags: Collector):
        self.file = file
        self.diags = diags

    def transform(self, tree: Tree):
        """Children first, without recursion.  (Lark's Transformer recurses, and wraps each
        `v_args` method anew at every call: a fifth of the time of building a large spec.)"""
        values: list = []  # results of the subtrees done, in order
        stack: list[tuple[Tree, bool]] = [(tree, False)]
        while stack:
            node, ready = stack.pop()
            if not ready:
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(node.children) if isinstance(c, Tree))
                continue
            subtrees = sum(1 for c in node.children if isinstance(c, Tree))
            done = iter(values[len(values) - subtrees:])
            del values[len(values) - subtrees:]
            children = [next(done) if isinstance(c, Tree) else c for c in node.children]
            method = getattr(self, node.data, None)
            if method is None:  # an inlined (`?`) rule kept as a tree, as Lark would
                values.append(Tree(node.data, children, node.meta))
            elif getattr(method, "with_meta", False):
                values.append(method(node.meta, children))
            else:
                values.append(method(children))
        return values[0]

    # -- positions
    def span(self, meta) -> ir.Span:
        return ir.Span(
            file=self.file,
            line=getattr(meta, "line", 1),
            column=getattr(meta, "column", 1),
            end_line=getattr(meta, "end_line", getattr(meta, "line", 1)),
            end_column=getattr(meta, "end_column", getattr(meta, "column", 1) + 1),
        )

    def tok_span(self, tok: Token) -> ir.Span:
        return ir.Span(
            file=self.file,
            line=tok.line,
            column=tok.column,
            end_line=tok.end_line or tok.line,
            end_column=tok.end_column or tok.column + len(tok),
        )

    # -- top level
    def start(self, items):
        spec = ir.Spec(file=self.file)
        for item in items:
            if isinstance(item, ir.Migration):
                if spec.migration is not None:
                    self.diags.error("duplicate `migration` block", item.span)
                else:
                    spec.migration = item
            elif isinstance(item, ir.Source):
                spec.sources.append(item)
            elif isinstance(item, ir.Target):
                spec.targets.append(item)
            elif isinstance(item, ir.Lookup):
                spec.lookups.append(item)
            elif isinstance(item, ir.Map):
                spec.maps.append(item)
            elif isinstance(item, ir.SpecTest):
                spec.tests.append(item)
            elif isinstance(item, list):  # a validate block
                spec.checks.extend(item)
        return spec

    @with_meta
    def migration(self, meta, children):
        name, *settings = children
        return ir.Migration(span=self.span(meta), name=unquote_string(name), settings=settings)

    @with_meta
    def migration_setting(self, meta, children):
        name, value = children
        if isinstance(value, Token):  # a bare word such as `dialect postgres`
            value = ir.Literal(span=self.tok_span(value), type="text", value=unquote_name(value))
        return ir.Setting(span=self.span(meta), name=unquote_name(name), value=value)

    @with_meta
    def setting(self, meta, children):
        name, value = children
        return ir.Setting(span=self.span(meta), name=unquote_name(name), value=value)

    # -- source / target
    @with_meta
    def source(self, meta, children):
        name, fmt, path, *members = children
        return ir.Source(
            span=self.span(meta),
            name=unquote_name(name),
            format=str(fmt),
            path=unquote_string(path),
            settings=[m for m in members if isinstance(m, ir.Setting)],
            tables=[m for m in members if isinstance(m, ir.SourceTable)],
        )

    @with_meta
    def source_table(self, meta, children):
        name, file, *rest = children
        key = rest.pop(0) if rest and isinstance(rest[0], tuple) else ()
        return ir.SourceTable(
            span=self.span(meta),
            name=unquote_name(name),
            file=unquote_string(file),
            key=list(key),
            settings=[m for m in rest if isinstance(m, ir.Setting)],
            columns=[m for m in rest if isinstance(m, ir.Column)],
        )

    @with_meta
    def target(self, meta, children):
        name, *tables = children
        return ir.Target(span=self.span(meta), name=unquote_name(name), tables=tables)

    @with_meta
    def target_table(self, meta, children):
        name, *rest = children
        key = rest.pop(0) if rest and isinstance(rest[0], tuple) else ()
        return ir.TargetTable(span=self.span(meta), name=unquote_name(name), key=list(key), columns=rest)

    def key_clause(self, children):
        return children[0]

    def name_list(self, children):
        return tuple(unquote_name(c) for c in children)

    @with_meta
    def column(self, meta, children):
        name, type_ref, *options = children
        fields: dict = {}
        for kind, value in options:
            fields[kind] = value
        return ir.Column(span=self.span(meta), name=unquote_name(name), type=type_ref, **fields)

    def bounded_int(self, tok: Token, limit: int, what: str) -> int:
        """int(tok), or 0 after an error when it exceeds `limit` (also avoids Python's
        4300-digit limit on int())."""
        digits = str(tok).lstrip("0") or "0"
        if len(digits) > len(str(limit)) or int(digits) > limit:
            shown = digits if len(digits) <= 20 else digits[:17] + "..."
            self.diags.error(f"{what} `{shown}` is too large (at most {limit})", self.tok_span(tok))
            return 0
        return int(digits)

    @with_meta
    def type_ref(self, meta, children):
        name, *args = children
        values = [self.bounded_int(a, MAX_TYPE_ARGUMENT, "type argument") for a in args]
        return ir.TypeRef(span=self.span(meta), name=str(name).lower(), args=values)

    def phi(self, _):
        return ("phi", True)

    def not_null(self, _):
        return ("not_null", True)

    def nullable(self, _):
        return ("not_null", False)

    def unique(self, _):
        return ("unique", True)

    def references(self, children):
        return ("references", children[0])

    def allowed(self, children):
        return ("allowed", list(children))

    def check_constraint(self, children):
        return ("check", children[0])

    # -- lookups
    @with_meta
    def lookup(self, meta, children):
        name, *entries = children
        default = None
        plain = []
        for e in entries:
            if isinstance(e, tuple):
                if default is not None:
                    self.diags.error(f"lookup `{unquote_name(name)}` has more than one `else`", e[1].span)
                default = e[1]
            else:
                plain.append(e)
        return ir.Lookup(span=self.span(meta), name=unquote_name(name), entries=plain, default=default)

    @with_meta
    def lookup_entry(self, meta, children):
        *keys, value = children
        return ir.LookupEntry(span=self.span(meta), keys=keys, value=value)

    def lookup_else(self, children):
        return ("else", children[0])

    @with_meta
    def lookup_file(self, meta, children):
        name, path, *options = children
        values = {}
        default = None
        for opt in options:
            if opt[0] == "else":
                if default is not None:
                    self.diags.error(f"lookup `{unquote_name(name)}` has more than one `else`", opt[1].span)
                default = opt[1]
                continue
            option, value, span = opt
            if option not in LOOKUP_FILE_OPTIONS:
                self.diags.error(
                    f"unknown lookup option `{option}`{did_you_mean(option, LOOKUP_FILE_OPTIONS)}; "
                    "use `key`, `value` and `else`",
                    span,
                )
            elif option in values:
                self.diags.error(f"lookup option `{option}` given twice", span)
            elif value.type != "text":
                self.diags.error(f"lookup option `{option}` takes a column name in quotes", value.span)
            else:
                values[option] = value
        text = lambda k: str(values[k].value) if k in values else None  # noqa: E731
        return ir.Lookup(
            span=self.span(meta),
            name=unquote_name(name),
            file=unquote_string(path),
            key_column=text("key"),
            value_column=text("value"),
            default=default,
        )

    @with_meta
    def lookup_file_option(self, meta, children):
        return (unquote_name(children[0]), children[1], self.span(meta))

    def lookup_file_else(self, children):
        return ("else", children[0])

    # -- maps
    @with_meta
    def map(self, meta, children):
        source, target, *members = children
        fields: dict = {"joins": [], "where": [], "assigns": [], "rejects": [], "dedup": None, "each": None}
        for m in members:
            if isinstance(m, ir.Each):
                fields["each"] = m
            elif isinstance(m, ir.Join):
                fields["joins"].append(m)
            elif isinstance(m, ir.Dedup):
                if fields["dedup"] is not None:
                    self.diags.error("a map has at most one `dedup` rule", m.span)
                fields["dedup"] = m
            elif isinstance(m, ir.Assign):
                fields["assigns"].append(m)
            elif isinstance(m, ir.Reject):
                fields["rejects"].append(m)
            else:  # where
                fields["where"].append(m[1])
        return ir.Map(span=self.span(meta), source=source, target=target, **fields)

    @with_meta
    def each_clause(self, meta, children):
        names, *rest = children
        when = None
        items = list(rest)
        # the optional `when` expression follows the bracketed list; the grammar keeps
        # them apart by position, so the builder receives it marked
        if items and isinstance(items[-1], tuple) and items[-1][0] == "when":
            when = items.pop()[1]
        return ir.Each(span=self.span(meta), names=names, items=items, when=when)

    def each_when(self, children):
        return ("when", children[0])

    def each_vars(self, children):
        return [unquote_name(c) for c in children]

    @with_meta
    def join(self, meta, children):
        table, *rest = children
        alias = unquote_name(rest[0]) if len(rest) == 2 else table.parts[-1]
        return ir.Join(span=self.span(meta), table=table, alias=alias, on=rest[-1])

    def where(self, children):
        return ("where", children[0])

    @with_meta
    def dedup(self, meta, children):
        keys = [c for c in children if not isinstance(c, (Token, ir.OrderItem))]
        keep = next(str(c) for c in children if isinstance(c, Token))
        order = [c for c in children if isinstance(c, ir.OrderItem)]
        return ir.Dedup(span=self.span(meta), keys=keys, keep=keep, order=order)

    @with_meta
    def order_item(self, meta, children):
        expr, *direction = children
        desc = bool(direction) and str(direction[0]) == "desc"
        return ir.OrderItem(span=self.span(meta), expr=expr, descending=desc)

    @with_meta
    def assign(self, meta, children):
        name, expr = children
        return ir.Assign(span=self.span(meta), field=unquote_name(name), expr=expr)

    @with_meta
    def reject(self, meta, children):
        reason, when = children
        return ir.Reject(span=self.span(meta), reason=unquote_string(reason), when=when)

    # -- validation
    def validate(self, children):
        return list(children)

    def _check(self, meta, kind, children, **fields):
        thresholds = [c for c in children if isinstance(c, ir.Threshold)]
        return ir.Check(span=self.span(meta), kind=kind, thresholds=thresholds, **fields)

    @with_meta
    def completeness(self, meta, children):
        return self._check(meta, "completeness", children, subject=children[0])

    @with_meta
    def unique_check(self, meta, children):
        return self._check(meta, "unique", children, subject=children[0])

    @with_meta
    def references_check(self, meta, children):
        return self._check(meta, "references", children, subject=children[0])

    @with_meta
    def reject_rate(self, meta, children):
        return self._check(meta, "reject_rate", children, subject=children[0])

    @with_meta
    def consistent(self, meta, children):
        return self._check(meta, "consistent", children, subject=children[0], condition=children[1])

    @with_meta
    def valid(self, meta, children):
        rule = children[1]
        return self._check(meta, "valid", children, subject=children[0], **rule)

    def valid_matches(self, children):
        return {"rule": "matches", "pattern": unquote_string(children[0])}

    def valid_in(self, children):
        return {"rule": "in", "values": list(children)}

    def valid_between(self, children):
        return {"rule": "between", "values": list(children)}

    @with_meta
    def reconcile(self, meta, children):
        left, op, right, *_ = children
        return self._check(meta, "reconcile", children, left=left, compare=str(op), right=right)

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

    # -- expressions
    @with_meta
    def qualname(self, meta, children):
        return ir.Name(span=self.span(meta), parts=[unquote_name(c) for c in children])

    @with_meta
    def name_ref(self, meta, children):
        return children[0]

    @with_meta
    def call(self, meta, children):
        name, *args = children
        return ir.Call(span=self.span(meta), func=name.parts, args=[a for a in args if a is not None])

    def _binary(self, meta, op, children):
        left, right = children
        return ir.Binary(span=self.span(meta), op=op, left=left, right=right)

    @with_meta
    def or_(self, meta, c):
        return self._binary(meta, "or", c)

    @with_meta
    def and_(self, meta, c):
        return self._binary(meta, "and", c)

    @with_meta
    def add(self, meta, c):
        return self._binary(meta, "+", c)

    @with_meta
    def sub(self, meta, c):
        return self._binary(meta, "-", c)

    @with_meta
    def concat_op(self, meta, c):
        return self._binary(meta, "||", c)

    @with_meta
    def mul(self, meta, c):
        return self._binary(meta, "*", c)

    @with_meta
    def div(self, meta, c):
        return self._binary(meta, "/", c)

    @with_meta
    def mod(self, meta, c):
        return self._binary(meta, "%", c)

    @with_meta
    def compare(self, meta, c):
        left, op, right = c
        op = "<>" if str(op) == "!=" else str(op)
        return ir.Binary(span=self.span(meta), op=op, left=left, right=right)

    @with_meta
    def not_(self, meta, c):
        return ir.Unary(span=self.span(meta), op="not", operand=c[0])

    @with_meta
    def neg(self, meta, c):
        return ir.Unary(span=self.span(meta), op="neg", operand=c[0])

    @with_meta
    def is_null(self, meta, c):
        return ir.IsNull(span=self.span(meta), operand=c[0])

    @with_meta
    def is_not_null(self, meta, c):
        return ir.IsNull(span=self.span(meta), operand=c[0], negated=True)

    @with_meta
    def in_(self, meta, c):
        return ir.InList(span=self.span(meta), operand=c[0], items=c[1:])

    @with_meta
    def not_in(self, meta, c):
        return ir.InList(span=self.span(meta), operand=c[0], items=c[1:], negated=True)

    @with_meta
    def between(self, meta, c):
        return ir.Between(span=self.span(meta), operand=c[0], low=c[1], high=c[2])

    @with_meta
    def not_between(self, meta, c):
        return ir.Between(span=self.span(meta), operand=c[0], low=c[1], high=c[2], negated=True)

    @with_meta
    def like(self, meta, c):
        return ir.Like(span=self.span(meta), operand=c[0], pattern=c[1])

    @with_meta
    def not_like(self, meta, c):
        return ir.Like(span=self.span(meta), operand=c[0], pattern=c[1], negated=True)

    @with_meta
    def tuple(self, meta, c):
        return ir.Tuple(span=self.span(meta), items=list(c))

    @with_meta
    def case(self, meta, c):
        whens = [x for x in c if isinstance(x, ir.When)]
        default = next((x[1] for x in c if isinstance(x, tuple)), None)
        return ir.Case(span=self.span(meta), whens=whens, default=default)

    @with_meta
    def simple_case(self, meta, c):
        operand, *rest = c
        whens = [x for x in rest if isinstance(x, ir.When)]
        default = next((x[1] for x in rest if isinstance(x, tuple)), None)
        return ir.Case(span=self.span(meta), operand=operand, whens=whens, default=default)

    @with_meta
    def case_when(self, meta, c):
        return ir.When(span=self.span(meta), condition=c[0], result=c[1])

    def case_else(self, c):
        return ("else", c[0])

    # -- literals
    @with_meta
    def string(self, meta, c):
        return ir.Literal(span=self.span(meta), type="text", value=unquote_string(c[0]))

    @with_meta
    def number(self, meta, c):
        tok = c[0]
        if tok.type == "INT":
            return ir.Literal(span=self.span(meta), type="integer", value=self.bounded_int(tok, MAX_INTEGER, "integer"))
        return ir.Literal(span=self.span(meta), type="decimal", value=str(tok))

    @with_meta
    def true(self, meta, c):
        return ir.Literal(span=self.span(meta), type="boolean", value=True)

    @with_meta
    def false(self, meta, c):
        return ir.Literal(span=self.span(meta), type="boolean", value=False)

    @with_meta
    def null(self, meta, c):
        return ir.Literal(span=self.span(meta), type="null", value=None)

    def literal(self, c):
        return c[0]


def build(tree: Tree, file: str) -> ir.Spec:
    """Turn a parse tree into the IR; raise SpecError on structural errors."""
    diags = Collector()
    spec = Builder(file, diags).transform(tree)
    diags.raise_if_errors()
    return spec
