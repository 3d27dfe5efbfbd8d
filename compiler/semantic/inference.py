"""Type inference of expressions: operators, calls of functions and lookups, crosswalk references."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, cast

from compiler import ir
from compiler.diagnostics import Span, did_you_mean
from compiler.functions.registry import DIALECTS, REGISTRY, Function
from compiler.ir import types as T
from compiler.semantic.catalog import SourceColumnRef, crosswalk_assign
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.scopes import Scope
from compiler.semantic.sequencing import exists_type, window_type
from compiler.semantic.union import referenced_branch

if TYPE_CHECKING:
    from sqlglot import exp

ARITHMETIC = ("+", "-", "*", "/", "%")
COMPARISONS = ("=", "<>", "<", "<=", ">", ">=")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_iso_date(value: object) -> bool:
    """`YYYY-MM-DD` and a real calendar date (0001-01-01 .. 9999-12-31)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# trial_lowering's outcomes: (function, literal/neg-literal/other argument shapes, argument
# types) -> (the Function, error message or "")
_TRIAL_OUTCOMES: dict[tuple[str, tuple[tuple[object, ...], ...], tuple[str, ...]], tuple[Function, str]] = {}


class TypeInference:
    """Bottom-up typing of one expression; errors go to the checker's collector."""

    def __init__(self, checker: CheckerBase, scope: Scope, rule_context: bool):
        self.ck = checker
        self.scope = scope
        self.rule = rule_context

    def err(self, msg: str, node: ir.Node) -> None:
        self.ck.diags.error(msg, node.span)

    def err_at(self, msg: str, span: Span) -> None:
        self.ck.diags.error(msg, span)

    def infer(self, e: ir.Node) -> str | None:
        """The type of `e`, also recorded in the checker's `types` for generation."""
        method = getattr(self, "t_" + e.kind if hasattr(e, "kind") else "", None)
        if method is None:
            self.err("unexpected expression", e)
            return None
        t: str | None = method(e)
        self.ck.types[id(e)] = t
        return t

    def t_literal(self, e: ir.Literal) -> str | None:
        if e.type == T.DATE and not is_iso_date(e.value):
            self.err(f'`{e.value}` is not a date (a date literal is written date "YYYY-MM-DD", a real calendar date)', e)
        return e.type

    def t_name(self, e: ir.Name) -> str | None:
        ref = self.scope.resolve(e, self.rule)
        if isinstance(ref, str):
            self.err(ref, e)
            return None
        if isinstance(ref, SourceColumnRef):
            self.ck.used_columns.add((ref.table, ref.column))  # column coverage
        return ref.type

    def t_window(self, e: ir.WindowCall) -> str | None:
        return window_type(self, e)

    def t_exists(self, e: ir.Exists) -> str | None:
        return exists_type(self, e)

    def t_tuple(self, e: ir.Tuple) -> str | None:
        self.err("a parenthesised list is only allowed as an `each` item or after `in`", e)
        return None

    def t_unary(self, e: ir.Unary) -> str | None:
        t = self.infer(e.operand)
        if t is None:
            return None
        if e.op == "not":
            self.ck.expect_boolean(e.operand, t, "the operand of `not`")
            return T.BOOLEAN
        if t not in T.NUMERIC + (T.NULL,):
            self.err(f"cannot negate a {t} value", e)
            return None
        return t

    def t_binary(self, e: ir.Binary) -> str | None:
        lt, rt = self.infer(e.left), self.infer(e.right)
        if lt is None or rt is None:
            return None
        if e.op in ("and", "or"):
            self.ck.expect_boolean(e.left, lt, f"an operand of `{e.op}`")
            self.ck.expect_boolean(e.right, rt, f"an operand of `{e.op}`")
            return T.BOOLEAN
        if e.op == "||":
            for side, t in ((e.left, lt), (e.right, rt)):
                if t not in (T.TEXT, T.NULL):
                    self.err(f"`||` joins text, not {t} (use concat() to convert)", side)
            return T.TEXT
        if e.op in ARITHMETIC:
            for side, t in ((e.left, lt), (e.right, rt)):
                if t not in T.NUMERIC + (T.NULL,):
                    self.err(f"arithmetic `{e.op}` needs numbers, not {t}", side)
                    return None
            if e.op == "/":
                return T.DECIMAL
            return T.common(lt, rt) or T.DECIMAL
        if e.op in COMPARISONS:
            if T.common(lt, rt) is None:
                self.err(f"cannot compare {lt} with {rt}", e)
            return T.BOOLEAN
        self.err(f"unknown operator `{e.op}`", e)
        return None

    def t_is_null(self, e: ir.IsNull) -> str | None:
        self.infer(e.operand)
        return T.BOOLEAN

    def t_in(self, e: ir.InList) -> str | None:
        t = self.infer(e.operand)
        items = e.items[0].items if len(e.items) == 1 and isinstance(e.items[0], ir.Tuple) else e.items
        for it in items:
            it_t = self.infer(it)
            if t is not None and it_t is not None and T.common(t, it_t) is None:
                self.err(f"cannot compare {t} with {it_t}", it)
        return T.BOOLEAN

    def t_between(self, e: ir.Between) -> str | None:
        ts = [self.infer(x) for x in (e.operand, e.low, e.high)]
        known = cast("list[str]", ts)  # read only when no None is in it
        if None not in ts and (T.common(known[0], known[1]) is None or T.common(known[0], known[2]) is None):
            self.err(f"cannot compare {ts[0]} with {ts[1]} and {ts[2]}", e)
        return T.BOOLEAN

    def t_like(self, e: ir.Like) -> str | None:
        for x in (e.operand, e.pattern):
            t = self.infer(x)
            if t not in (None, T.TEXT, T.NULL):
                self.err(f"`like` needs text, not {t}", x)
        return T.BOOLEAN

    def t_case(self, e: ir.Case) -> str | None:
        result: str | None = T.NULL
        op_t = self.infer(e.operand) if e.operand is not None else None
        for w in e.whens:
            ct = self.infer(w.condition)
            if e.operand is None:
                self.ck.expect_boolean(w.condition, ct, "a `when` condition")
            elif op_t is not None and ct is not None and T.common(op_t, ct) is None:
                self.err(f"cannot compare {op_t} with {ct}", w.condition)
            rt = self.infer(w.result)
            if rt is not None and result is not None:
                merged = T.common(result, rt)
                if merged is None:
                    self.err(f"case branches mix {result} and {rt}", w.result)
                result = merged
        if e.default is not None:
            dt = self.infer(e.default)
            if dt is not None and result is not None:
                merged = T.common(result, dt)
                if merged is None:
                    self.err(f"case branches mix {result} and {dt}", e.default)
                result = merged
        return result

    def t_agg_call(self, e: ir.AggCall) -> str | None:
        return self.ck.check_agg_call(e, self.scope)

    def t_call(self, e: ir.Call) -> str | None:
        func = e.func
        if func == ["crosswalk"]:
            self.err("`crosswalk(...)` is only allowed as the whole value of the map's id column", e)
            return None
        if len(func) == 3 and func[2] == "crosswalk":
            return self.foreign_crosswalk(e)
        if e.branch is not None and e.branch_span is not None:
            self.err_at("only another table's `schema.table.crosswalk(...)` names a source before `:`", e.branch_span)
        if len(func) != 1:
            self.err(f"unknown function `{'.'.join(func)}`", e)
            return None
        name = func[0]
        arg_types = [self.infer(a) for a in e.args]
        lookup = self.ck.cat.lookups.get(name)
        if lookup is not None and name not in REGISTRY:
            return self.ck.lookup_call_type(lookup, e, arg_types)
        if e.field is not None:
            self.err(f"`{name}(...).{e.field}`: only a lookup that returns a record has named values", e)
            return None
        fn = REGISTRY.get(name)
        if fn is None:
            pool = list(REGISTRY) + list(self.ck.cat.lookups)
            self.err(f"unknown function or lookup `{name}`{did_you_mean(name, pool)}", e)
            return None
        lo, hi = fn.arity
        n = len(e.args)
        if n < lo or (hi is not None and n > hi):
            want = f"{lo}" if lo == hi else (f"at least {lo}" if hi is None else f"{lo} to {hi}")
            plural = "" if want == "1" or want == "at least 1" else "s"
            self.err(f"`{name}` takes {want} argument{plural}, got {n}", e)
            return None
        errors_before = len(self.ck.diags.diagnostics)
        is_literal = getattr(fn, "is_literal_param", lambda i: i in fn.literal_params)
        literals: dict[int, str] = {}
        for i, (arg, t) in enumerate(zip(e.args, arg_types)):
            if is_literal(i):
                if isinstance(arg, ir.Literal) and arg.type == T.TEXT:
                    literals[i] = str(arg.value)
                else:
                    self.err(f"argument {i + 1} of `{name}` must be a string literal", arg)
                    continue
            if t is None:
                continue
            want_t = fn.param_type(i)
            if not T.fits(t, want_t):
                self.err(f"argument {i + 1} of `{name}` must be {want_t}, not {t}", arg)
        check_literals = getattr(fn, "check_literals", None)
        if check_literals is not None and literals:
            try:
                problems = list(check_literals(literals))
            except Exception as exc:  # a checker bug must not become a traceback
                problems = [f"cannot check the arguments of `{name}` ({type(exc).__name__})"]
            for msg in problems:
                self.err(msg, e)
        if None in arg_types:
            return None
        known = cast("list[str]", arg_types)  # no None in it, checked just above
        if len(self.ck.diags.diagnostics) == errors_before:
            self.trial_lowering(fn, e, known)
        return fn.return_type([t for t in known])

    def trial_lowering(self, fn: Function, e: ir.Call, arg_types: list[str]) -> None:
        """Lower the call once per dialect with stand-in arguments, so that what a lowering
        refuses (`round(x, n)` needs a constant) is an error here and not at compile time."""
        from sqlglot import exp

        from compiler.functions.literals import literal_of
        from compiler.functions.registry import lower_call

        def stand_in(arg: ir.Node) -> exp.Expression:
            if isinstance(arg, ir.Literal):
                return literal_of(arg)
            if isinstance(arg, ir.Unary) and arg.op == "neg" and isinstance(arg.operand, ir.Literal):
                return exp.Neg(this=literal_of(arg.operand))
            return exp.column("value")

        def shape(arg: ir.Node) -> tuple[object, ...]:
            if isinstance(arg, ir.Literal):
                return ("literal", arg.type, type(arg.value).__name__, arg.value)
            if isinstance(arg, ir.Unary) and arg.op == "neg" and isinstance(arg.operand, ir.Literal):
                return ("neg", arg.operand.type, type(arg.operand.value).__name__, arg.operand.value)
            return ("value",)

        # The outcome depends only on the function, the literal arguments and the types:
        # the same call shape is tried once per run, not at every call (or type_of).
        key = (fn.name, tuple(shape(a) for a in e.args), tuple(arg_types))
        known = _TRIAL_OUTCOMES.get(key)
        if known is not None and known[0] is fn:
            if known[1]:
                self.err(known[1], e)
            return
        outcome = ""
        for dialect in DIALECTS:
            if fn.lowering_for(dialect) is None:
                continue  # `compile` names the function and the dialect
            try:
                lower_call(fn.name, [stand_in(a) for a in e.args], dialect, arg_types)
            except ValueError as exc:  # InvalidArgument, RegexError
                outcome = str(exc)
                break
            except Exception:  # anything else is for `compile` to report
                break
        _TRIAL_OUTCOMES[key] = (fn, outcome)
        if outcome:
            self.err(outcome, e)

    def foreign_crosswalk(self, e: ir.Call) -> str | None:
        table = f"{e.func[0]}.{e.func[1]}"
        for a in e.args:
            self.infer(a)
        if table not in self.ck.cat.target_tables:
            self.err(f"unknown target table `{table}`{did_you_mean(table, self.ck.cat.target_tables)}", e)
            return None
        if table not in self.ck.cat.maps_by_target:
            self.err(f"no map fills {table}, so it has no crosswalk", e)
            return None
        branch, problem = referenced_branch(self.ck.cat, e, table)
        if branch is None:
            assert problem is not None  # referenced_branch says why it found no map
            self.err_at(problem, e.branch_span or e.span)
            return None
        xw = crosswalk_assign(branch)
        if xw is None:
            self.err(f"the map filling {table} assigns no `crosswalk(...)` id", e)
            return None
        want = len(cast(ir.Call, xw.expr).args)  # crosswalk_field finds a `crosswalk(...)` call
        if len(e.args) != want:
            self.err(f"{table}.crosswalk takes {want} key{'s' if want != 1 else ''} like its map, got {len(e.args)}", e)
        return T.INTEGER
