"""Function table: one entry per transform function, with its signature and one lowering
per dialect (or one shared lowering under "*" when sqlglot already translates it).

A lowering takes the already-lowered argument expressions (sqlglot trees) and returns a
sqlglot tree.  Lowerings never paste user text into SQL strings: literals are built with
`exp.Literal.string(...)` / `exp.Literal.number(...)` and rendered by sqlglot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlglot import exp

from compiler import dialects
from compiler.errors import BadSpec
from compiler.ir import types as T

Lowering = Callable[[list[exp.Expression]], exp.Expression]

# Dialects chartshift can execute on (the records of compiler/dialects/): every function
# has a lowering for each of them, keyed by its name.
DIALECTS = dialects.RUNNABLE_NAMES
SQLGLOT_DIALECT = {d.name: d.sqlglot for d in dialects.RUNNABLE}
ANY_DIALECT = "*"


@dataclass(frozen=True)
class Function:
    """A transform function available in spec expressions."""

    name: str
    params: tuple[str, ...]  # types of the fixed parameters
    returns: str  # a value type, or "arg0" (type of the first argument)
    doc: str
    lowerings: Mapping[str, Lowering]  # dialect (or "*") -> lowering
    variadic: str | None = None  # type of extra arguments, if any
    min_args: int | None = None  # defaults to len(params)
    literal_params: tuple[int, ...] = ()  # argument positions that must be string literals
    examples: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (call, result) for docs
    literal_variadic: bool = False  # the extra (variadic) arguments must be literals too
    # Optional compile-time check of the literal arguments ({position: text}); returns
    # error messages (empty when fine).  E.g. unknown date-format directives, regexes
    # outside the portable subset.
    check_literals: Callable[[Mapping[int, str]], list[str]] | None = None

    @property
    def arity(self) -> tuple[int, int | None]:
        """(minimum, maximum) argument count; maximum None means unbounded."""
        lo = len(self.params) if self.min_args is None else self.min_args
        hi = None if self.variadic else len(self.params)
        return lo, hi

    def param_type(self, i: int) -> str:
        if i < len(self.params):
            return self.params[i]
        return self.variadic or T.ANY

    def return_type(self, arg_types: list[str]) -> str:
        if self.returns == "arg0":
            return arg_types[0] if arg_types else T.ANY
        return self.returns

    def is_literal_param(self, i: int) -> bool:
        """True when argument `i` must be a string literal."""
        return i in self.literal_params or (self.literal_variadic and i >= len(self.params))

    def lowering_for(self, dialect: str) -> Lowering | None:
        return self.lowerings.get(dialect) or self.lowerings.get(ANY_DIALECT)


class FunctionNotAvailable(BadSpec):
    """Raised when a function has no lowering for the requested dialect: the spec cannot be
    compiled for it (exit 2)."""

    def __init__(self, name: str, dialect: str):
        super().__init__(f"function `{name}` has no implementation for dialect {dialect}")
        self.name = name
        self.dialect = dialect


REGISTRY: dict[str, Function] = {}


def register(*functions: Function) -> None:
    for f in functions:
        if f.name in REGISTRY:
            raise ValueError(f"function {f.name} registered twice")
        REGISTRY[f.name] = f


# Key under which lower_call records argument value types in `expr.meta` for lowerings
# that need them (e.g. nullif on MariaDB compares text byte-wise but numbers as numbers).
VALUE_TYPE_KEY = "chartshift_value_type"


def lower_call(name: str, args: list[exp.Expression], dialect: str, arg_types: Sequence[str] | None = None) -> exp.Expression:
    """Lower a call of a registered function for `dialect`.

    `arg_types` (optional) are the checked value types of the arguments; passing them
    lets type-sensitive lowerings pick the exact form instead of a type-agnostic one."""
    fn = REGISTRY[name]
    impl = fn.lowering_for(dialect)
    if impl is None:
        raise FunctionNotAvailable(name, dialect)
    args = list(args)
    if arg_types is not None:
        args = [a.copy() for a in args]
        for a, t in zip(args, arg_types):
            if t not in (T.NULL, T.ANY):
                a.meta[VALUE_TYPE_KEY] = t
    return _memo_lower(impl, dialect, args)


# ---------------------------------------------------------------------------------
# Memoised lowering.  A spec calls the same few functions over and over with different
# columns (and the checker lowers every call once more with stand-in arguments), while
# building a lowering (templates, regexes, date formats) costs far more than copying
# its result.  So a call is lowered once per (lowering, dialect, argument shapes) with
# placeholder columns for the opaque arguments, and later calls copy that tree and put
# their arguments in place of the placeholders.
#
# An argument is opaque when the library's lowerings cannot tell it from a column: a
# column or a function call that is not a cast, a collation, an operator or a
# parenthesis (those are inspected by `paren`, `value_type`, `int_literal`, the
# byte-wise collations), keyed by its recorded value type.  Literals (and NULL, TRUE,
# negated numbers) are keyed by their value.  A call with any other argument is lowered
# as is.

# What identifies an argument for the memo: its kind, recorded value type and (for
# literals) value; see `_arg_key`.
ArgKey = tuple[object, ...]

_MEMO: dict[tuple[Lowering, str, tuple[ArgKey, ...]], exp.Expression] = {}
_MEMO_LIMIT = 4096
_PLACEHOLDER_PREFIX = "__cs_lowering_arg_"
_INSPECTED = (exp.Cast, exp.Binary, exp.Unary, exp.Connector, exp.Paren)


_COSTLY = (exp.Subquery, exp.Select, exp.RegexpReplace, exp.RegexpLike, exp.RegexpILike, exp.RegexpExtract, exp.RegexpSplit)


def cheap_to_repeat(e: exp.Expression) -> bool:
    """Whether `e` is cheap enough for a lowering to evaluate it several times: no regex,
    no subquery.  Lowerings that repeat their input choose by it, so the memo below only
    stands a placeholder column in for arguments that are."""
    for node in e.walk():
        if isinstance(node, _COSTLY):
            return False
        if isinstance(node, exp.Anonymous) and node.name.upper().startswith(("REGEXP", "SUBSTRING")):
            return False
    return True


def _arg_key(e: exp.Expression) -> ArgKey | None:
    """The memo key of one argument, or None when the call must not be memoised."""
    t = e.meta_get(VALUE_TYPE_KEY)
    if isinstance(e, exp.Literal):
        return ("literal", t, e.is_string, e.this)
    if isinstance(e, exp.Null):
        return ("null", t)
    if isinstance(e, exp.Boolean):
        return ("boolean", t, e.this)
    if isinstance(e, exp.Neg) and isinstance(e.this, exp.Literal) and e.this.meta_get(VALUE_TYPE_KEY) is None:
        return ("neg", t, e.this.is_string, e.this.this)
    if isinstance(e, (exp.Column, exp.Func, exp.Subquery)) and not isinstance(e, _INSPECTED):
        return ("opaque", t) if cheap_to_repeat(e) else None
    return None


def _placeholder_index(node: exp.Expr) -> int | None:
    if type(node) is exp.Column and node.args.get("table") is None:
        name = node.this.this if isinstance(node.this, exp.Identifier) else None
        if isinstance(name, str) and name.startswith(_PLACEHOLDER_PREFIX):
            return int(name[len(_PLACEHOLDER_PREFIX) :])
    return None


def _memo_lower(impl: Lowering, dialect: str, args: list[exp.Expression]) -> exp.Expression:
    keys: list[ArgKey] = []
    for a in args:
        k = _arg_key(a)
        if k is None:
            return impl(args)
        keys.append(k)
    key = (impl, dialect, tuple(keys))
    cached = _MEMO.get(key)
    if cached is None:
        stand_ins: list[exp.Expression] = []
        for i, (a, k) in enumerate(zip(args, keys)):
            if k[0] == "opaque":
                p = exp.Column(this=exp.Identifier(this=f"{_PLACEHOLDER_PREFIX}{i}"))
                if k[1] is not None:  # the recorded value type
                    p.meta[VALUE_TYPE_KEY] = k[1]
                stand_ins.append(p)
            else:
                stand_ins.append(a.copy())
        cached = impl(stand_ins)
        if len(_MEMO) < _MEMO_LIMIT:
            _MEMO[key] = cached
    return _fill(cached.copy(), args)


def _fill(tree: exp.Expression, args: list[exp.Expression]) -> exp.Expression:
    """Replace the placeholders in a copied memo tree by the arguments (the argument
    itself at its first use, copies after that)."""
    used: set[int] = set()

    def arg(i: int) -> exp.Expression:
        if i in used:
            return args[i].copy()
        used.add(i)
        return args[i]

    i = _placeholder_index(tree)
    if i is not None:
        return arg(i)
    for node in list(tree.walk()):
        i = _placeholder_index(node)
        if i is not None:
            node.replace(arg(i))
    return tree
