"""IR expressions -> sqlglot expression trees, for one dialect.

Names are turned into column references by a `resolve` callback supplied by the caller
(the map layers of `compiler.sqlgen.scripts` decide which generated column a name denotes).
Function calls go through the function table (`compiler.functions`).  Literals are built
as sqlglot literals, never pasted as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlglot import exp

from compiler import ir
from compiler.functions.literals import lit as lit  # re-exported: sqlgen builds literals through lower
from compiler.functions.literals import literal_of as literal_of
from compiler.functions.registry import lower_call
from compiler.ir import types as T
from compiler.semantic.catalog import Catalog
from compiler.sqlgen.sequencing import SourceTable, lower_exists, lower_window

Resolver = Callable[[ir.Name], exp.Expression]
CrosswalkRef = Callable[[str, list[exp.Expression]], exp.Expression]  # (target, [key exprs]) -> exp
LookupRef = Callable[[ir.Lookup, list[exp.Expression], str | None], exp.Expression]  # (lookup, key parts, record field) -> exp
TypeOf = Callable[[ir.Node], str | None]  # IR expr -> value type

# sqlglot type for each value type, used for typed NULLs and casts.
VALUE_SQL_TYPES = {
    T.TEXT: exp.DataType.build("VARCHAR"),
    T.INTEGER: exp.DataType.build("BIGINT"),
    T.DECIMAL: exp.DataType.build("DECIMAL(18, 4)"),
    T.DATE: exp.DataType.build("DATE"),
    T.TIMESTAMP: exp.DataType.build("TIMESTAMP"),
    T.BOOLEAN: exp.DataType.build("BOOLEAN"),
}

BINARY_OPS: dict[str, type[exp.Expression]] = {
    "+": exp.Add,
    "-": exp.Sub,
    "*": exp.Mul,
    "%": exp.Mod,
    "=": exp.EQ,
    "<>": exp.NEQ,
    "<": exp.LT,
    "<=": exp.LTE,
    ">": exp.GT,
    ">=": exp.GTE,
    "and": exp.And,
    "or": exp.Or,
    "||": exp.DPipe,
}


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def col(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(table) if table else None)


def table(name: str, schema: str | None = None, alias: str | None = None) -> exp.Table:
    t = exp.Table(this=ident(name), db=ident(schema) if schema else None)
    if alias:
        t.set("alias", exp.TableAlias(this=ident(alias)))
    return t


def join(
    select: exp.Select, source: exp.Expression, on: exp.Expr | None = None, side: str | None = None, kind: str | None = None
) -> exp.Select:
    """Add `[side] [kind] JOIN source [ON on]` to `select`, in place.  `Select.join` parses
    its `join_type` text at every call and copies the select unless told not to."""
    args: dict[str, object] = {"this": source}
    if side:
        args["side"] = side
    if kind:
        args["kind"] = kind
    if on is not None:
        args["on"] = on
    select.append("joins", exp.Join(**args))
    return select


def with_ctes(query: exp.Select, ctes: Sequence[tuple[str, exp.Expression]]) -> exp.Select:
    """`WITH name AS (q), ...` on `query`, in place (`Query.with_` parses each name)."""
    query.set("with_", exp.With(expressions=[exp.CTE(this=q, alias=exp.TableAlias(this=exp.to_identifier(name))) for name, q in ctes]))
    return query


def shared_values(source: exp.Table, columns: list[exp.Column], *projections: exp.Expr) -> exp.Select:
    """SELECT projections FROM source WHERE every column is set GROUP BY columns
    HAVING COUNT(*) > 1: one row per value that two or more rows share."""
    present = exp.and_(*[exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null())) for c in columns], copy=False)
    return (
        exp.select(*projections)
        .from_(source.copy(), copy=False)
        .where(present, copy=False)
        .group_by(*[c.copy() for c in columns], copy=False)
        .having(exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)), copy=False)
    )


def drop_table(tbl: exp.Table) -> exp.Drop:
    return exp.Drop(tables=[tbl], kind="TABLE", exists=True)


def paren(e: exp.Expr) -> exp.Expression:
    return exp.Paren(this=e)


class ExprLowering:
    """Lowers one expression tree; `resolve` maps names, `catalog` resolves lookups and crosswalks."""

    def __init__(
        self,
        dialect: str,
        resolve: Resolver,
        catalog: Catalog,
        crosswalk_ref: CrosswalkRef | None = None,
        lookup_ref: LookupRef | None = None,
        type_of: TypeOf | None = None,
        source_table: SourceTable | None = None,
    ):
        self.dialect = dialect
        self.resolve = resolve
        self.catalog = catalog
        self.crosswalk_ref = crosswalk_ref  # (target, [key exprs]) -> exp
        self.lookup_ref = lookup_ref  # (lookup, key parts, record field) -> exp
        self.type_of = type_of  # IR expr -> value type, lets lowerings pick exact forms
        self.source_table = source_table  # for `exists (...)`
        # the terms that break ties in a window's order (the legacy key, then the export order)
        self.window_ties: Callable[[], list[exp.Expression]] | None = None

    def __call__(self, e: ir.Expr) -> exp.Expression:
        lowered: exp.Expression = getattr(self, "l_" + e.kind)(e)
        return lowered

    def l_literal(self, e: ir.Literal) -> exp.Expression:
        return literal_of(e)

    def l_name(self, e: ir.Name) -> exp.Expression:
        return self.resolve(e)

    def l_tuple(self, e: ir.Tuple) -> exp.Expression:
        return exp.Tuple(expressions=[self(x) for x in e.items])

    def l_unary(self, e: ir.Unary) -> exp.Expression:
        inner = self(e.operand)
        if e.op == "not":
            return exp.Not(this=paren(inner))
        return exp.Neg(this=paren(inner))

    def l_binary(self, e: ir.Binary) -> exp.Expression:
        left, right = paren(self(e.left)), paren(self(e.right))
        if e.op == "/":
            # always decimal division: 7 / 2 is 3.5 on every engine
            left = exp.Cast(this=left, to=VALUE_SQL_TYPES[T.DECIMAL].copy())
            return exp.Div(this=left, expression=right, typed=False, safe=False)
        return BINARY_OPS[e.op](this=left, expression=right)

    def l_is_null(self, e: ir.IsNull) -> exp.Expression:
        test = exp.Is(this=paren(self(e.operand)), expression=exp.Null())
        return exp.Not(this=test) if e.negated else test

    def l_in(self, e: ir.InList) -> exp.Expression:
        items = e.items[0].items if len(e.items) == 1 and isinstance(e.items[0], ir.Tuple) else e.items
        test = exp.In(this=paren(self(e.operand)), expressions=[self(x) for x in items])
        return exp.Not(this=paren(test)) if e.negated else test

    def l_between(self, e: ir.Between) -> exp.Expression:
        test = exp.Between(this=paren(self(e.operand)), low=self(e.low), high=self(e.high))
        return exp.Not(this=paren(test)) if e.negated else test

    def l_like(self, e: ir.Like) -> exp.Expression:
        test = exp.Like(this=paren(self(e.operand)), expression=self(e.pattern))
        return exp.Not(this=paren(test)) if e.negated else test

    def l_case(self, e: ir.Case) -> exp.Expression:
        case = exp.Case(this=self(e.operand) if e.operand is not None else None)
        for w in e.whens:
            case = case.when(self(w.condition), self(w.result), copy=False)
        if e.default is not None:
            case = case.else_(self(e.default), copy=False)
        return case

    def l_call(self, e: ir.Call) -> exp.Expression:
        if len(e.func) == 3 and e.func[2] == "crosswalk":
            assert self.crosswalk_ref is not None, "a lowering of crosswalk references needs crosswalk_ref"
            target = f"{e.func[0]}.{e.func[1]}"
            keys = [self(a) for a in e.args]
            branch = self.catalog.branch_of(target, ".".join(e.branch)) if e.branch is not None else None
            namespace = self.catalog.key_namespace(branch) if branch is not None else None
            # a union's keys start with their branch's source table (Catalog.key_namespace)
            return self.crosswalk_ref(target, [lit(namespace), *keys] if namespace is not None else keys)
        name = e.func[0]
        lookup = self.catalog.lookups.get(name)
        if lookup is not None:
            assert self.lookup_ref is not None, "a lowering of lookups needs lookup_ref"
            return self.lookup_ref(lookup, [self(a) for a in e.args], e.field)
        types = [self.type_of(a) or T.ANY for a in e.args] if self.type_of else None
        return lower_call(name, [self(a) for a in e.args], self.dialect, arg_types=types)

    def l_window(self, e: ir.WindowCall) -> exp.Expression:
        return lower_window(self, e)

    def l_exists(self, e: ir.Exists) -> exp.Expression:
        return lower_exists(self, e)

    def with_resolver(self, resolve: Resolver) -> ExprLowering:
        """The same lowering with other names (inside `exists`: the searched table's columns)."""
        other = ExprLowering(self.dialect, resolve, self.catalog, self.crosswalk_ref, self.lookup_ref, self.type_of, self.source_table)
        other.window_ties = self.window_ties
        return other
