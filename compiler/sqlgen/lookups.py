"""Lookups in SQL: inline lookups as CASE, file lookups as a table joined on every key part.

A one-part lookup to one value keeps the SQL of language v1 (`CASE arg WHEN k THEN v`, a
table `(key, value)`).  A composite or record lookup compares every key part
(`CASE WHEN a = 'BC' AND b = 'PPO' THEN ...`) and its table has columns `key_1 .. key_n`,
`value_1 .. value_m` (a record's values in the order of its names).
"""

from __future__ import annotations

from sqlglot import exp

from compiler import ir
from compiler.functions.literals import lit, literal_of


def table_columns(lk: ir.Lookup) -> tuple[list[str], list[str]]:
    """The key and value columns of a file lookup's table."""
    if lk.simple:
        return ["key"], ["value"]
    return [f"key_{i}" for i in range(1, lk.arity + 1)], [f"value_{j}" for j in range(1, (len(lk.fields) or 1) + 1)]


def file_columns(lk: ir.Lookup) -> tuple[list[str], list[str]]:
    """The CSV columns holding a file lookup's key parts and values."""
    keys = lk.key_columns or [str(lk.key_column)]
    return keys, lk.fields or [str(lk.value_column)]


def position(lk: ir.Lookup, field: str | None) -> int:
    """Which value a call reads: the named one of a record, else the only one."""
    return lk.fields.index(field) if field is not None and lk.fields else 0


def default_of(lk: ir.Lookup, field: str | None) -> ir.Literal | None:
    """The `else` value for the value a call reads (None: NULL)."""
    if lk.defaults:
        return lk.defaults[position(lk, field)]
    return lk.default


def matches(lk: ir.Lookup, entry_keys: list[ir.Literal], args: list[exp.Expression]) -> exp.Expr:
    return exp.and_(*[exp.EQ(this=a.copy(), expression=literal_of(k)) for a, k in zip(args, entry_keys)], copy=False)


def inline_value(lk: ir.Lookup, args: list[exp.Expression], field: str | None) -> exp.Expression:
    """The value an inline lookup gives for `args`."""
    if lk.simple:
        case = exp.Case(this=args[0])
        for entry in lk.entries:
            for key in entry.keys:
                case = case.when(literal_of(key), literal_of(entry.value_row()[0]), copy=False)
    else:
        case = exp.Case()
        j = position(lk, field)
        for entry in lk.entries:
            for parts in entry.key_rows():
                case = case.when(matches(lk, parts, args), literal_of(entry.value_row()[j]), copy=False)
    default = default_of(lk, field)
    if default is not None:
        case = case.else_(literal_of(default), copy=False)
    return case


def inline_miss(lk: ir.Lookup, args: list[exp.Expression]) -> exp.Expression:
    """True when no entry of an inline lookup has the key `args` (a NULL part matches none)."""
    case = exp.Case()
    for entry in lk.entries:
        for parts in entry.key_rows():
            case = case.when(matches(lk, parts, args), exp.false(), copy=False)
    return case.else_(exp.true(), copy=False)


def file_join_on(lk: ir.Lookup, alias: str, args: list[exp.Expression]) -> exp.Expr:
    keys, _ = table_columns(lk)
    return exp.and_(
        *[exp.EQ(this=exp.column(k, alias, quoted=True), expression=a) for k, a in zip(keys, args)],
        copy=False,
    )


def file_value(lk: ir.Lookup, alias: str, field: str | None) -> exp.Expression:
    """The value read from the joined lookup table `alias`, with the `else` value if any."""
    _, values = table_columns(lk)
    found = exp.column(values[position(lk, field)], alias, quoted=True)
    default = default_of(lk, field)
    return found if default is None else exp.Coalesce(this=found, expressions=[lit(default.value)])


def file_miss(lk: ir.Lookup, alias: str) -> exp.Expression:
    """True when the join found no row of the lookup table."""
    keys, _ = table_columns(lk)
    return exp.Is(this=exp.column(keys[0], alias, quoted=True), expression=exp.Null())
