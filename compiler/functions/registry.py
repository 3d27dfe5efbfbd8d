"""Function table: one entry per transform function, with its signature and one lowering
per dialect (or one shared lowering under "*" when sqlglot already translates it).

A lowering takes the already-lowered argument expressions (sqlglot trees) and returns a
sqlglot tree.  Lowerings never paste user text into SQL strings: literals are built with
`exp.Literal.string(...)` / `exp.Literal.number(...)` and rendered by sqlglot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from sqlglot import exp

from compiler import types as T

Lowering = Callable[[list[exp.Expression]], exp.Expression]

# Dialects chartshift can execute on.  sqlglot names them the same except MariaDB/MySQL.
DIALECTS = ("duckdb", "postgres", "mysql")
SQLGLOT_DIALECT = {"duckdb": "duckdb", "postgres": "postgres", "mysql": "mysql"}
ANY_DIALECT = "*"


@dataclass(frozen=True)
class Function:
    """A transform function available in spec expressions."""

    name: str
    params: tuple[str, ...]                 # types of the fixed parameters
    returns: str                            # a value type, or "arg0" (type of the first argument)
    doc: str
    lowerings: Mapping[str, Lowering]       # dialect (or "*") -> lowering
    variadic: str | None = None             # type of extra arguments, if any
    min_args: int | None = None             # defaults to len(params)
    literal_params: tuple[int, ...] = ()    # argument positions that must be string literals
    examples: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (call, result) for docs
    literal_variadic: bool = False          # the extra (variadic) arguments must be literals too
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


class FunctionNotAvailable(Exception):
    """Raised when a function has no lowering for the requested dialect."""

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


def lower_call(name: str, args: list[exp.Expression], dialect: str,
               arg_types: Sequence[str] | None = None) -> exp.Expression:
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
    return impl(args)
