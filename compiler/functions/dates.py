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
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from compiler import types as T
from compiler.functions.regex import parse_regex
from compiler.functions.registry import ANY_DIALECT, Function, register
from compiler.functions.sqlkit import (
    Engine,
    InvalidArgument,
    case,
    lit,
    literal_arg,
    mod,
    num,
    paren,
    per_dialect,
)

__all__ = ["FormatError", "parse_format", "PIVOT_YEAR"]


class FormatError(ValueError):
    """A date format outside the supported strptime subset."""


# Two-digit years: 00-68 -> 2000-2068, 69-99 -> 1969-1999 (the POSIX / Python rule).
PIVOT_YEAR = 69

MONTH_ABBR = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MONTH_NAMES = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
               "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER")

_VAR2 = "([0-9]{1,2})"   # 1 or 2 digits (when followed by a non-digit)
_FIX2 = "([0-9]{2})"     # exactly 2 digits (when directly followed by another number)


@dataclass(frozen=True)
class _Directive:
    field: str             # year, month, day, hour, minute, second, fraction, ampm
    pattern: str           # capture group, portable regex subset
    fixed_pattern: str     # when directly followed by another numeric directive
    numeric: bool
    time: bool = False


DIRECTIVES = {
    "Y": _Directive("year", "([0-9]{4})", "([0-9]{4})", True),
    "y": _Directive("year", "([0-9]{2})", "([0-9]{2})", True),
    "m": _Directive("month", _VAR2, _FIX2, True),
    "d": _Directive("day", _VAR2, _FIX2, True),
    "b": _Directive("month", "([A-Za-z]{3})", "([A-Za-z]{3})", False),
    "B": _Directive("month", "([A-Za-z]+)", "([A-Za-z]+)", False),
    "H": _Directive("hour", _VAR2, _FIX2, True, time=True),
    "I": _Directive("hour", "(0?[1-9]|1[0-2])", "(0[1-9]|1[0-2])", True, time=True),
    "p": _Directive("ampm", "([AaPp][Mm])", "([AaPp][Mm])", False, time=True),
    "M": _Directive("minute", _VAR2, _FIX2, True, time=True),
    "S": _Directive("second", _VAR2, _FIX2, True, time=True),
    "f": _Directive("fraction", "([0-9]{1,6})", "([0-9]{1,6})", True, time=True),
}


@dataclass(frozen=True)
class ParsedFormat:
    source: str
    pattern: str                    # portable regex subset, to match the whole input
    groups: dict[str, tuple[str, int]]  # field -> (directive letter, group number)

    @property
    def has_time(self) -> bool:
        return any(DIRECTIVES[d].time for d, _ in self.groups.values())


def parse_format(fmt: str) -> ParsedFormat:
    """Turn a strptime-style format into a regex (to match the whole input) with one
    capture group per field."""
    tokens: list[tuple[str, str]] = []  # ("dir", letter) | ("lit", char)
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%":
            if i + 1 >= len(fmt):
                raise FormatError(f"format {fmt!r} ends with a lone '%'")
            d = fmt[i + 1]
            if d == "%":
                tokens.append(("lit", "%"))
            elif d in DIRECTIVES:
                tokens.append(("dir", d))
            else:
                raise FormatError(
                    f"unsupported directive %{d} in format {fmt!r} (supported: "
                    + " ".join("%" + k for k in DIRECTIVES) + " %%)")
            i += 2
        else:
            tokens.append(("lit", c))
            i += 1
    groups: dict[str, tuple[str, int]] = {}
    parts: list[str] = []
    n = 0
    prev_space = False
    for k, (kind, v) in enumerate(tokens):
        if kind == "dir":
            d = DIRECTIVES[v]
            if d.field in groups:
                raise FormatError(f"format {fmt!r} has two {d.field} directives")
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            adjacent_number = nxt is not None and nxt[0] == "dir" and DIRECTIVES[nxt[1]].numeric
            parts.append(d.fixed_pattern if adjacent_number else d.pattern)
            n += 1
            groups[d.field] = (v, n)
            prev_space = False
        elif v.isspace():
            if not prev_space:
                parts.append("\\s+")        # any run of whitespace
            prev_space = True
        else:
            if v.isascii() and v.isalpha():
                parts.append(f"[{v.upper()}{v.lower()}]")   # literal letters in any case
            elif v.isascii() and not v.isalnum():
                parts.append("\\" + v)
            else:
                parts.append(v)
            prev_space = False
    if "year" not in groups and "month" not in groups and "day" not in groups:
        raise FormatError(f"format {fmt!r} has no date directive (%Y %y %m %b %B %d)")
    hour = groups.get("hour", ("", 0))[0]
    if (hour == "I") != ("ampm" in groups):
        raise FormatError(f"format {fmt!r}: %I and %p go together (use %H for a 24-hour clock)")
    pattern = "".join(parts)
    parse_regex(pattern)  # always valid by construction; keeps the invariant checked
    return ParsedFormat(fmt, pattern, groups)


# ---------------------------------------------------------------------------------
# Validity of the canonical 'Y-M-D[ H:M:S[.f]]' string (month, day and time fields may
# have one digit: every engine's CAST accepts '1980-3-4 9:05:00').

_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"           # 0001-9999
_MONTH_DAY = ("(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])"
              "|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)"
              "|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))")
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DATE = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-0?2-29)"
_TIME = "(?:[01]?[0-9]|2[0-3]):[0-5]?[0-9]:[0-5]?[0-9](?:\\.[0-9]{1,6})?"


def _canonical(eng: Engine, t: exp.Expression, f: ParsedFormat,
               with_time: bool) -> exp.Expression:
    """'Y-M-D[ H:M:S[.f]]' laid out from the fields of `t` by one REGEXP_REPLACE, then
    converted in place: month names to numbers (plain REPLACEs), two-digit years to four
    (two small regex replacements).  A `t` that does not match the format leaves empty
    fields, i.e. an invalid canonical string.  Only a 12-hour clock needs its hour
    computed from separately extracted fields."""
    g = {field: n for field, (_, n) in f.groups.items()}
    d = {field: letter for field, (letter, _) in f.groups.items()}

    def ref(field: str, default: str) -> str:
        return "\\%d" % g[field] if field in g else default

    head = f"{ref('year', '1900')}-{ref('month', '1')}-{ref('day', '1')}"
    tail = ""
    if with_time:
        tail = f":{ref('minute', '0')}:{ref('second', '0')}"
        if "fraction" in g:
            tail += ".\\%d" % g["fraction"]
        if d.get("hour") != "I":
            head += f" {ref('hour', '0')}{tail}"
    canon = eng.rewrite_full(t.copy(), f.pattern, head, empty_as_null=False)
    if d.get("month") in ("b", "B"):
        names = MONTH_ABBR if d["month"] == "b" else MONTH_NAMES
        canon = exp.Upper(this=canon)
        for k, name in enumerate(names):   # '-MAR-' -> '-3-'
            canon = exp.Anonymous(this="REPLACE",
                                  expressions=[canon, lit(f"-{name}-"), lit(f"-{k + 1}-")])
    if d.get("year") == "y":   # 00-68 -> 2000-2068, 69-99 -> 1969-1999
        canon = eng.replace_all(canon, "^([0-5][0-9]|6[0-8])-", "20\\1-")
        canon = eng.replace_all(canon, "^(69|[7-9][0-9])-", "19\\1-")
    if with_time and d.get("hour") == "I":   # 12 AM -> 0, 1..11 PM -> 13..23, 12 PM -> 12
        def field(name: str) -> exp.Expression:
            return eng.rewrite_full(t.copy(), f.pattern, "\\%d" % g[name])
        pm = case((eng.eq(exp.Upper(this=field("ampm")), lit("PM")), num(12)), default=num(0))
        hour = eng.cast(
            exp.Add(this=mod(eng.cast(field("hour"), "int32"), num(12)), expression=paren(pm)),
            T.TEXT)
        # `||` (CONCAT on MySQL): NULL as soon as a part is NULL
        canon = exp.Concat(expressions=[canon, lit(" "), hour,
                                        eng.rewrite_full(t.copy(), f.pattern, tail,
                                                         empty_as_null=False)],
                           safe=False, coalesce=False)
    return canon


def _parse_one(eng: Engine, s: exp.Expression, f: ParsedFormat, result: str) -> exp.Expression:
    t = exp.Trim(this=s.copy())
    with_time = result == T.TIMESTAMP or f.has_time
    canon = _canonical(eng, t, f, with_time)
    # keep the canonical string only if it is a real date (and time); it appears once
    valid = eng.keep_full(canon, f"{_DATE} {_TIME}" if with_time else _DATE, once=True)
    if result == T.DATE and with_time:
        return eng.cast(eng.cast(valid, T.TIMESTAMP), T.DATE)
    return eng.cast(valid, result)


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


def _parser(result: str, fname: str):
    def build(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
        parts = [_parse_one(eng, a[0], f, result) for f in _formats(a, fname)]
        if len(parts) == 1:
            return parts[0]
        return exp.Coalesce(this=parts[0], expressions=parts[1:])
    return build


def _year(a: list[exp.Expression]) -> exp.Expression:
    d = a[0]
    if isinstance(d, exp.Null):   # an untyped NULL makes EXTRACT ambiguous
        d = exp.Cast(this=d, to=exp.DataType.build("DATE"))
    # EXTRACT gives numeric on PostgreSQL, a double or bigint elsewhere: make it an integer
    return exp.Cast(this=exp.Extract(this=exp.var("YEAR"), expression=d),
                    to=exp.DataType.build("INT"))


def _check_formats(lits) -> list[str]:
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
    "else give NULL, never an error.")

register(
    Function(
        "parse_date", (T.TEXT, T.TEXT), T.DATE,
        "Parse text into a date with one or more formats. " + _FORMAT_DOC,
        per_dialect(_parser(T.DATE, "parse_date")),
        variadic=T.TEXT, literal_params=(1,), literal_variadic=True,
        check_literals=_check_formats,
        examples=(("parse_date('03/14/1975', '%m/%d/%Y')", "1975-03-14"),
                  ("parse_date('14-MAR-75', '%m/%d/%Y', '%d-%b-%y')", "1975-03-14"),
                  ("parse_date('02/30/1971', '%m/%d/%Y')", "NULL")),
    ),
    Function(
        "parse_timestamp", (T.TEXT, T.TEXT), T.TIMESTAMP,
        "Parse text into a timestamp (no time zone) with one or more formats; missing "
        "time fields are 0. " + _FORMAT_DOC,
        per_dialect(_parser(T.TIMESTAMP, "parse_timestamp")),
        variadic=T.TEXT, literal_params=(1,), literal_variadic=True,
        check_literals=_check_formats,
        examples=(("parse_timestamp('2024-03-14 09:05', '%Y-%m-%d %H:%M')",
                   "2024-03-14 09:05:00"),
                  ("parse_timestamp('3/14/2024 9:05 PM', '%m/%d/%Y %I:%M %p')",
                   "2024-03-14 21:05:00")),
    ),
    Function(
        "year", (T.DATE,), T.INTEGER, "The year of a date.",
        {ANY_DIALECT: _year},
        examples=(("year(parse_date('03/14/1975', '%m/%d/%Y'))", "1975"),),
    ),
)
