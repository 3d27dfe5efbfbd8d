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


def lower_call(name: str, args: list[exp.Expression], dialect: str) -> exp.Expression:
    """Lower a call of a registered function for `dialect`."""
    fn = REGISTRY[name]
    impl = fn.lowering_for(dialect)
    if impl is None:
        raise FunctionNotAvailable(name, dialect)
    return impl(list(args))
