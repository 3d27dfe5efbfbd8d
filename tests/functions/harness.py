"""Turning a conformance case into SQL and comparing an engine's answer with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlglot import ErrorLevel, exp

from compiler.functions import REGISTRY, SQLGLOT_DIALECT, lower_call
from compiler.functions.sqlkit import sql_type
from compiler.ir import types as T


@dataclass(frozen=True)
class Null:
    """A typed NULL argument (plain None takes the parameter's type, text for `any`)."""

    type: str = T.TEXT


@dataclass(frozen=True)
class Call:
    """A nested call as an argument: `Call("parse_date", ["03/14/75", "%m/%d/%y"])`."""

    name: str
    args: tuple

    def __init__(self, name: str, args: list) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "args", tuple(args))


def _value_type(value, param_type: str) -> str:
    if isinstance(value, Null):
        return value.type
    if value is None:
        return T.TEXT if param_type in (T.ANY, T.NULL) else param_type
    if isinstance(value, bool):
        return T.BOOLEAN
    if isinstance(value, int):
        return T.INTEGER
    if isinstance(value, Decimal):
        return T.DECIMAL
    if isinstance(value, dt.datetime):
        return T.TIMESTAMP
    if isinstance(value, dt.date):
        return T.DATE
    if isinstance(value, str):
        return T.TEXT
    raise TypeError(f"no literal for {value!r}")


def typed_literal(value, value_type: str, dialect: str) -> exp.Expression:
    """A literal of the value type, as a spec expression would lower it."""
    if value is None or isinstance(value, Null):
        return exp.Cast(this=exp.Null(), to=sql_type(value_type, dialect))
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int):
        return exp.Literal.number(value)
    if isinstance(value, Decimal):
        scale = max(0, -value.as_tuple().exponent)
        return exp.Cast(this=exp.Literal.number(str(value)), to=exp.DataType.build(f"DECIMAL(38, {scale})"))
    if isinstance(value, (dt.date, dt.datetime)):
        return exp.Cast(
            this=exp.Literal.string(value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()),
            to=sql_type(value_type, dialect),
        )
    # text: a typed text value (on MariaDB it gets the connection's case-insensitive,
    # PAD SPACE collation -- exactly the trap the functions must not fall into)
    return exp.Cast(this=exp.Literal.string(value), to=sql_type(T.TEXT, dialect))


def build_call(name: str, args: list, dialect: str) -> exp.Expression:
    fn = REGISTRY[name]
    trees, types = [], []
    for i, value in enumerate(args):
        if fn.is_literal_param(i):
            trees.append(exp.Literal.string(value))
            types.append(T.TEXT)
            continue
        if isinstance(value, Call):
            inner = build_call(value.name, list(value.args), dialect)
            inner_types = [
                T.ANY if isinstance(v, Call) else _value_type(v, REGISTRY[value.name].param_type(j)) for j, v in enumerate(value.args)
            ]
            trees.append(inner)
            types.append(REGISTRY[value.name].return_type(inner_types))
            continue
        vt = _value_type(value, fn.param_type(i))
        trees.append(typed_literal(value, vt, dialect))
        types.append(vt)
    return lower_call(name, trees, dialect, arg_types=types)


def render(e: exp.Expression, dialect: str) -> str:
    return e.sql(dialect=SQLGLOT_DIALECT[dialect], unsupported_level=ErrorLevel.RAISE)


def select_sql(name: str, args: list, dialect: str) -> str:
    return "SELECT " + render(build_call(name, args, dialect), dialect)


FIXED_SCALE = {"parse_money": 2}


def check_result(name: str, result, expected) -> None:
    """Assert an engine's result equals the expected Python value, after normalising the
    drivers' types (MariaDB booleans are 1/0, PostgreSQL integers from numeric, ...)."""
    if expected is None:
        assert result is None, f"expected NULL, got {result!r}"
        return
    assert result is not None, f"expected {expected!r}, got NULL"
    if isinstance(expected, bool):
        assert result in (True, False, 0, 1), result
        assert bool(result) is expected, f"expected {expected}, got {result!r}"
    elif isinstance(expected, Decimal):
        assert isinstance(result, (Decimal, int)), f"expected a decimal, got {result!r}"
        assert Decimal(result) == expected, f"expected {expected}, got {result!r}"
        if name in FIXED_SCALE:
            assert isinstance(result, Decimal) and -result.as_tuple().exponent == FIXED_SCALE[name], (
                f"expected scale {FIXED_SCALE[name]}, got {result!r}"
            )
    elif isinstance(expected, int):
        assert isinstance(result, (int, Decimal)) and not isinstance(result, bool), result
        assert result == expected and Decimal(result) == int(result), f"expected {expected}, got {result!r}"
    elif isinstance(expected, dt.datetime):
        assert isinstance(result, dt.datetime), f"expected a timestamp, got {result!r}"
        assert result == expected
    elif isinstance(expected, dt.date):
        assert type(result) is dt.date, f"expected a date, got {result!r}"
        assert result == expected
    else:
        assert isinstance(result, str), f"expected text, got {result!r}"
        assert result == expected, f"expected {expected!r}, got {result!r}"
