"""Date functions: parse_date, parse_timestamp, year.

Parsing never relies on an engine's date parser (PostgreSQL's to_date raises on
02/30/1971, MariaDB's STR_TO_DATE is lenient and strict-mode-sensitive, DuckDB's
TRY_STRPTIME does not transpile).  Instead, for each format:

1. the trimmed input must match the format, turned into an anchored regex of the
   portable subset (one capture group per directive);
2. the fields are extracted (REGEXP_REPLACE(t, pattern, '\\N')), converted (2-digit year
   pivot, month names, 12-hour clock) and assembled into a canonical
   'YYYY-MM-DD[ HH:MM:SS[.ffffff]]' string;
3. that string must match a regex that only accepts real calendar dates (days per month,
   leap years, years 0001-9999) and times;
4. only then is it CAST to DATE / TIMESTAMP, which therefore never fails or warns.

Formats are tried in order; the first one that yields a valid value wins (COALESCE).

PostgreSQL, whose regex engine is slow at capture groups and large alternations, gets
an equivalent lowering without them (dates/postgres.py): a shape test,
fields cut out with string functions, MAKE_DATE / MAKE_TIMESTAMP behind a calendar check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlglot import exp

from compiler.functions.dates.formats import PIVOT_YEAR, FormatError, ParsedFormat, parse_format
from compiler.functions.dates.portable import parse_one as _parse_one
from compiler.functions.dates.postgres import parse_one_split
from compiler.functions.registry import ANY_DIALECT, Function, register
from compiler.functions.sqlkit import Engine, InvalidArgument, literal_arg, per_dialect
from compiler.ir import types as T

__all__ = ["FormatError", "parse_format", "PIVOT_YEAR"]


# dialect -> how one format is parsed there (default: the portable `_parse_one`)
_PARSE_ONE = {"postgres": parse_one_split}


def _formats(a: list[exp.Expression], fname: str) -> list[ParsedFormat]:
    out = []
    for i in range(1, len(a)):
        text = literal_arg(a, i, fname, f"format (argument {i + 1})")
        try:
            out.append(parse_format(text))
        except FormatError as e:
            raise InvalidArgument(f"{fname}(): {e}") from None
    if not out:
        raise InvalidArgument(f"{fname}() needs at least one format")
    return out


def _parser(result: str, fname: str) -> Callable[[Engine, list[exp.Expression]], exp.Expression]:
    def build(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
        parse_one = _PARSE_ONE.get(eng.name, _parse_one)
        parts = [parse_one(eng, a[0], f, result) for f in _formats(a, fname)]
        if len(parts) == 1:
            return parts[0]
        return exp.Coalesce(this=parts[0], expressions=parts[1:])

    return build


def _year(a: list[exp.Expression]) -> exp.Expression:
    d = a[0]
    if isinstance(d, exp.Null):  # an untyped NULL makes EXTRACT ambiguous
        d = exp.Cast(this=d, to=exp.DataType.build("DATE"))
    # EXTRACT gives numeric on PostgreSQL, a double or bigint elsewhere: make it an integer
    return exp.Cast(this=exp.Extract(this=exp.var("YEAR"), expression=d), to=exp.DataType.build("INT"))


def _check_formats(lits: Mapping[int, str]) -> list[str]:
    errors = []
    for _, text in sorted(lits.items()):
        try:
            parse_format(text)
        except FormatError as e:
            errors.append(str(e))
    return errors


_FORMAT_DOC = (
    "Formats use strptime directives: %Y (4-digit year), %y (2-digit year, 00-68 -> "
    "20xx, 69-99 -> 19xx), %m, %d, %H, %M, %S (1 or 2 digits; exactly 2 when directly "
    "followed by another number), %b (Jan..Dec, any case), %B (January..December, any "
    "case), %I with %p (12-hour clock, AM/PM), %f (1-6 fraction digits), %% (a percent "
    "sign). A space matches any run of whitespace; letters match in any case. The input "
    "is trimmed; formats are tried in order and the first that yields a real "
    "date wins. Impossible dates (02/30/1971), zero dates (00/00/0000) and anything "
    "else give NULL, never an error."
)

register(
    Function(
        "parse_date",
        (T.TEXT, T.TEXT),
        T.DATE,
        "Parse text into a date with one or more formats. " + _FORMAT_DOC,
        per_dialect(_parser(T.DATE, "parse_date")),
        variadic=T.TEXT,
        literal_params=(1,),
        literal_variadic=True,
        check_literals=_check_formats,
        examples=(
            ("parse_date('03/14/1975', '%m/%d/%Y')", "1975-03-14"),
            ("parse_date('14-MAR-75', '%m/%d/%Y', '%d-%b-%y')", "1975-03-14"),
            ("parse_date('02/30/1971', '%m/%d/%Y')", "NULL"),
        ),
    ),
    Function(
        "parse_timestamp",
        (T.TEXT, T.TEXT),
        T.TIMESTAMP,
        "Parse text into a timestamp (no time zone) with one or more formats; missing time fields are 0. " + _FORMAT_DOC,
        per_dialect(_parser(T.TIMESTAMP, "parse_timestamp")),
        variadic=T.TEXT,
        literal_params=(1,),
        literal_variadic=True,
        check_literals=_check_formats,
        examples=(
            ("parse_timestamp('2024-03-14 09:05', '%Y-%m-%d %H:%M')", "2024-03-14 09:05:00"),
            ("parse_timestamp('3/14/2024 9:05 PM', '%m/%d/%Y %I:%M %p')", "2024-03-14 21:05:00"),
        ),
    ),
    Function(
        "year",
        (T.DATE,),
        T.INTEGER,
        "The year of a date.",
        {ANY_DIALECT: _year},
        examples=(("year(parse_date('03/14/1975', '%m/%d/%Y'))", "1975"),),
    ),
)
