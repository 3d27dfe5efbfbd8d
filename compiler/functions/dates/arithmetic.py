"""Date parts and arithmetic: month, day, add_days, add_months, add_years, days_between,
months_between, years_between, age_at.

Semantics (docs/FUNCTIONS.md, "Dates"):

- Adding months or years clamps to the end of the month (2024-01-31 + 1 month is
  2024-02-29, Feb 29 + 1 year is Feb 28): the engines' own interval arithmetic, which
  clamps alike on DuckDB, PostgreSQL and MariaDB.
- A result outside 0001-01-01 .. 9999-12-31 is NULL.  The range is tested on day / month
  numbers *before* the date is computed, so no engine overflows (MariaDB would warn,
  PostgreSQL raise, on a date beyond its range or a BIGINT offset).
- Differences are `b - a`.  Whole months and years are counted like an age: a month (a
  year) is completed when the day (the month and day) of `b` reaches that of `a`, so a
  Feb 29 birthday completes a year on Mar 1 in a non-leap year.  For `b` before `a` the
  count is the negated count from `b` to `a` (truncation toward zero).  Both are
  computed from the date as the integer YYYYMMDD: years are
  (YYYYMMDD(b) - YYYYMMDD(a)) / 10000 truncated, months the same on
  YYYY * 1200 + MM * 100 + DD with 100.

What differs per engine is in the `_SQL` table: a template per primitive, with `:d`,
`:n`, `:a`, `:b`, `:x`, `:y` placeholders for argument trees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp

from compiler.functions.registry import ANY_DIALECT, Function, register
from compiler.functions.sqlkit import Engine, case, int_literal, lit, num, paren, per_dialect, template
from compiler.ir import types as T

FIRST_DAY = "0001-01-01"
DAYS_IN_RANGE = 3652058  # 9999-12-31 minus 0001-01-01, in days
MONTHS_IN_RANGE = 9999 * 12 - 1  # 9999-12 minus 0001-01, in months
YEARS_IN_RANGE = 9998


@dataclass(frozen=True)
class _DateSQL:
    """One engine's date primitives (SQL templates written in that dialect)."""

    ymd: str  # :d as the integer YYYYMMDD
    days_between: str  # :b - :a in days, an integer
    add_days: str  # :d plus :n days (n within the range: cannot overflow)
    add_months: str  # :d plus :n months, clamped to the month's end
    int_div: str  # :x / :y truncated toward zero, both integers


_SQL: dict[str, _DateSQL] = {
    "duckdb": _DateSQL(
        ymd="CAST(STRFTIME(:d, '%Y%m%d') AS INT)",
        days_between="DATE_DIFF('day', :a, :b)",
        add_days=":d + CAST(:n AS INT)",  # DATE + BIGINT does not exist
        add_months="CAST(:d + TO_MONTHS(CAST(:n AS INT)) AS DATE)",
        int_div=":x // :y",
    ),
    "postgres": _DateSQL(
        # to_char(date) would go through timestamptz, i.e. the session's time zone
        ymd="CAST(TO_CHAR(CAST(:d AS TIMESTAMP), 'YYYYMMDD') AS INT)",
        days_between=":b - :a",
        add_days=":d + CAST(:n AS INT)",  # DATE + BIGINT does not exist
        add_months="CAST(:d + CAST(:n AS INT) * INTERVAL '1 month' AS DATE)",
        int_div=":x / :y",
    ),
    "mysql": _DateSQL(
        ymd="CAST(DATE_FORMAT(:d, '%Y%m%d') AS SIGNED)",
        days_between="DATEDIFF(:b, :a)",
        add_days="DATE_ADD(:d, INTERVAL :n DAY)",
        add_months="DATE_ADD(:d, INTERVAL :n MONTH)",
        int_div=":x DIV :y",
    ),
    "spark": _DateSQL(
        ymd="CAST(DATE_FORMAT(:d, 'yyyyMMdd') AS INT)",
        days_between="DATEDIFF(:b, :a)",
        add_days="DATE_ADD(:d, CAST(:n AS INT))",
        add_months="ADD_MONTHS(:d, CAST(:n AS INT))",  # clamped to the month's end
        int_div=":x DIV :y",  # truncated toward zero (Java's long division)
    ),
}


def _sql(eng: Engine, which: str, **args: exp.Expression) -> exp.Expression:
    text: str = getattr(_SQL[eng.name], which)
    # parenthesised: `8800 * (x // 10000)` must not become `8800 * x // 10000`
    return paren(template(text, eng.name, **{k: paren(v) for k, v in args.items()}))


def _date(e: exp.Expression) -> exp.Expression:
    """A bare NULL typed as a date (an untyped NULL makes the engines' overloads ambiguous)."""
    return exp.Cast(this=e, to=exp.DataType.build("DATE")) if isinstance(e, exp.Null) else e


def _null_date() -> exp.Expression:
    return exp.Cast(this=exp.Null(), to=exp.DataType.build("DATE"))


def _bigint(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("BIGINT"))


def _between(e: exp.Expression, low: int, high: int) -> exp.Expression:
    return exp.Between(this=paren(e), low=num(low), high=num(high))


def _ymd(eng: Engine, d: exp.Expression) -> exp.Expression:
    return _sql(eng, "ymd", d=d)


def _div(eng: Engine, x: exp.Expression, y: int) -> exp.Expression:
    return _sql(eng, "int_div", x=x, y=num(y))


def _limited(n: exp.Expression, bound: int, body: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
    """`body(n)` when -bound <= n <= bound, else NULL; decided at compile time for a constant n."""
    if isinstance(n, exp.Null):
        return _null_date()
    v = int_literal(n)
    if v is not None:
        return body(n) if -bound <= v <= bound else _null_date()
    return case((_between(n, -bound, bound), body(n.copy())))


# ---------------------------------------------------------------------------------
# month, day


def _part(unit: str) -> Callable[[list[exp.Expression]], exp.Expression]:
    def lower(a: list[exp.Expression]) -> exp.Expression:
        # EXTRACT gives numeric on PostgreSQL, a double or bigint elsewhere: an integer
        return exp.Cast(this=exp.Extract(this=exp.var(unit), expression=_date(a[0])), to=exp.DataType.build("INT"))

    return lower


# ---------------------------------------------------------------------------------
# adding


def _add_days(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    d, n = _date(a[0]), a[1]

    def body(n: exp.Expression) -> exp.Expression:
        day_number = exp.Add(this=_sql(eng, "days_between", a=_first_day(), b=d), expression=paren(n))
        return case((_between(day_number, 0, DAYS_IN_RANGE), _sql(eng, "add_days", d=d.copy(), n=n.copy())))

    return _limited(n, DAYS_IN_RANGE, body)


def _first_day() -> exp.Expression:
    return exp.Cast(this=lit(FIRST_DAY), to=exp.DataType.build("DATE"))


def _add_months_body(eng: Engine, d: exp.Expression, n: exp.Expression) -> exp.Expression:
    # the month number year * 12 + month of the result must be that of 0001-01 .. 9999-12
    month_number = exp.Add(
        this=exp.Add(
            this=exp.Mul(this=exp.Extract(this=exp.var("YEAR"), expression=d), expression=num(12)),
            expression=exp.Extract(this=exp.var("MONTH"), expression=d.copy()),
        ),
        expression=paren(n),
    )
    return case((_between(month_number, 13, 12 * 9999 + 12), _sql(eng, "add_months", d=d.copy(), n=n.copy())))


def _add_months(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    d, n = _date(a[0]), a[1]
    return _limited(n, MONTHS_IN_RANGE, lambda n: _add_months_body(eng, d, n))


def _add_years(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    d, n = _date(a[0]), a[1]

    def body(n: exp.Expression) -> exp.Expression:
        v = int_literal(n)
        months = num(12 * v) if v is not None else exp.Mul(this=paren(n), expression=num(12))
        return _add_months_body(eng, d, months)

    return _limited(n, YEARS_IN_RANGE, body)


# ---------------------------------------------------------------------------------
# differences


def _days_between(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    return _bigint(_sql(eng, "days_between", a=_date(a[0]), b=_date(a[1])))


def _years_between(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    diff = exp.Sub(this=_ymd(eng, _date(a[1])), expression=_ymd(eng, _date(a[0])))
    return _bigint(_div(eng, diff, 10000))


def _month_day(eng: Engine, d: exp.Expression) -> exp.Expression:
    """YYYY * 1200 + MM * 100 + DD, from YYYYMMDD: YYYYMMDD - 8800 * YYYY."""
    ymd = _ymd(eng, d)
    return exp.Sub(this=ymd, expression=exp.Mul(this=num(8800), expression=_div(eng, ymd.copy(), 10000)))


def _months_between(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    diff = exp.Sub(this=paren(_month_day(eng, _date(a[1]))), expression=paren(_month_day(eng, _date(a[0]))))
    return _bigint(_div(eng, diff, 100))


_DIFF_DOC = (
    "Counted like an age: a month (year) is completed when the day (month and day) of the "
    "second date reaches that of the first; negative when the second date is earlier."
)

register(
    Function(
        "month",
        (T.DATE,),
        T.INTEGER,
        "The month of a date, 1-12.",
        {ANY_DIALECT: _part("MONTH")},
        examples=(("month(date '2024-02-29')", "2"),),
    ),
    Function(
        "day",
        (T.DATE,),
        T.INTEGER,
        "The day of the month of a date, 1-31.",
        {ANY_DIALECT: _part("DAY")},
        examples=(("day(date '2024-02-29')", "29"),),
    ),
    Function(
        "add_days",
        (T.DATE, T.INTEGER),
        T.DATE,
        "The date n days later (earlier for a negative n); NULL outside 0001-01-01 .. 9999-12-31.",
        per_dialect(_add_days),
        examples=(("add_days(date '2024-02-28', 1)", "2024-02-29"), ("add_days(date '2024-03-01', -1)", "2024-02-29")),
    ),
    Function(
        "add_months",
        (T.DATE, T.INTEGER),
        T.DATE,
        "The date n months later (earlier for a negative n), clamped to the end of the month; NULL outside 0001-01-01 .. 9999-12-31.",
        per_dialect(_add_months),
        examples=(("add_months(date '2024-01-31', 1)", "2024-02-29"), ("add_months(date '2023-01-31', 1)", "2023-02-28")),
    ),
    Function(
        "add_years",
        (T.DATE, T.INTEGER),
        T.DATE,
        "The date n years later (earlier for a negative n); Feb 29 becomes Feb 28 in a "
        "non-leap year; NULL outside 0001-01-01 .. 9999-12-31.",
        per_dialect(_add_years),
        examples=(("add_years(date '2024-02-29', 1)", "2025-02-28"),),
    ),
    Function(
        "days_between",
        (T.DATE, T.DATE),
        T.INTEGER,
        "The number of days from the first date to the second (b - a).",
        per_dialect(_days_between),
        examples=(("days_between(date '2024-02-01', date '2024-03-01')", "29"),),
    ),
    Function(
        "months_between",
        (T.DATE, T.DATE),
        T.INTEGER,
        "Whole months from the first date to the second (b - a). " + _DIFF_DOC,
        per_dialect(_months_between),
        examples=(("months_between(date '2024-01-31', date '2024-02-29')", "0"),),
    ),
    Function(
        "years_between",
        (T.DATE, T.DATE),
        T.INTEGER,
        "Whole years from the first date to the second (b - a). " + _DIFF_DOC,
        per_dialect(_years_between),
        examples=(("years_between(date '2020-02-29', date '2023-03-01')", "3"),),
    ),
    Function(
        "age_at",
        (T.DATE, T.DATE),
        T.INTEGER,
        "Age in whole years on a date: years_between(birth_date, on_date). A Feb 29 birthday is reached on Mar 1 in a non-leap year.",
        per_dialect(_years_between),
        examples=(("age_at(date '2020-02-29', date '2023-02-28')", "2"), ("age_at(date '2020-02-29', date '2023-03-01')", "3")),
    ),
)
