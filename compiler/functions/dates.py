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
an equivalent lowering without them (see "Without capture groups" below): a shape test,
fields cut out with string functions, MAKE_DATE / MAKE_TIMESTAMP behind a calendar check.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from compiler.ir import types as T
from compiler.functions.regex import parse_regex
from compiler.functions.registry import ANY_DIALECT, Function, cheap_to_repeat as _cheap, register
from compiler.functions.sqlkit import (
    Engine,
    InvalidArgument,
    add,
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
    """A date format outside the supported strptime subset.  Internal, not a ChartshiftError:
    the checker turns it into a positioned diagnostic (SpecError) at the format argument."""


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
    shape: str = ""                 # `pattern` without capture groups
    # the format as ("dir", letter, fixed width) | ("lit", char, False) | ("space", " ", False)
    tokens: tuple[tuple[str, str, bool], ...] = ()

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
    shape: list[str] = []
    layout: list[tuple[str, str, bool]] = []
    n = 0
    prev_space = False
    for k, (kind, v) in enumerate(tokens):
        if kind == "dir":
            d = DIRECTIVES[v]
            if d.field in groups:
                raise FormatError(f"format {fmt!r} has two {d.field} directives")
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            adjacent_number = nxt is not None and nxt[0] == "dir" and DIRECTIVES[nxt[1]].numeric
            group = d.fixed_pattern if adjacent_number else d.pattern
            parts.append(group)
            shape.append("(?:" + group[1:])      # one capture group each: make it plain
            layout.append(("dir", v, adjacent_number))
            n += 1
            groups[d.field] = (v, n)
            prev_space = False
            continue
        if v.isspace():
            if not prev_space:
                parts.append("\\s+")        # any run of whitespace
                shape.append("\\s+")
                layout.append(("space", " ", False))
            prev_space = True
            continue
        layout.append(("lit", v, False))
        if v.isascii() and v.isalpha():
            parts.append(f"[{v.upper()}{v.lower()}]")   # literal letters in any case
        elif v.isascii() and not v.isalnum():
            parts.append("\\" + v)
        else:
            parts.append(v)
        shape.append(parts[-1])
        prev_space = False
    if "year" not in groups and "month" not in groups and "day" not in groups:
        raise FormatError(f"format {fmt!r} has no date directive (%Y %y %m %b %B %d)")
    hour = groups.get("hour", ("", 0))[0]
    if (hour == "I") != ("ampm" in groups):
        raise FormatError(f"format {fmt!r}: %I and %p go together (use %H for a 24-hour clock)")
    pattern = "".join(parts)
    parse_regex(pattern)  # always valid by construction; keeps the invariant checked
    return ParsedFormat(fmt, pattern, groups, "".join(shape), tuple(layout))


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


# ---------------------------------------------------------------------------------
# Without capture groups (PostgreSQL).  PostgreSQL's regex engine is slow at capturing
# and at large alternations: the portable lowering above costs ~8 us a value there.  This
# one tests the input's shape with the capture-free `ParsedFormat.shape` (cheap), cuts the
# fields out with plain string functions at positions the shape guarantees, and builds the
# value with MAKE_DATE / MAKE_TIMESTAMP behind a range check (days per month, leap years,
# hours, minutes, seconds), so that it never raises.  It accepts exactly what the portable
# lowering accepts and gives the same values.
#
# Layout: the format is cut at whitespace runs into pieces, each piece at separator
# characters (anything that cannot be part of a field) into chunks; inside a chunk the
# fields sit at fixed offsets from the start or from the end, as long as at most one
# element has a variable width.  Formats outside that (e.g. '%d%H' with both 1-2 digits)
# keep the portable lowering.

_WIDTH = {"Y": 4, "y": 2, "b": 3, "p": 2, "B": None, "f": None}   # else 2 if fixed, 1-2
_ALPHA_DIRECTIVES = frozenset("bBp")
_WHITESPACE = " \t\n\r\f"        # the portable subset's \s
_FIELD_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _fn(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _width(letter: str, fixed: bool) -> int | None:
    if letter in _WIDTH:
        return _WIDTH[letter]
    return 2 if fixed else None


def _layout(f: ParsedFormat) -> list[list[list[tuple[str, str, int | None]]]] | None:
    """pieces -> chunks -> elements (kind, letter or char, width or None), or None when
    some chunk has two elements of variable width."""
    alpha = any(kind == "dir" and v in _ALPHA_DIRECTIVES for kind, v, _ in f.tokens)

    def separator(c: str) -> bool:
        # fields are ASCII letters and digits; literal letters separate when no field has any
        return not (c.isascii() and c.isalnum()) or (c.isalpha() and not alpha)

    pieces: list[list[list[tuple[str, str, int | None]]]] = [[[]]]
    for kind, v, fixed in f.tokens:
        if kind == "space":
            pieces.append([[]])
        elif kind == "lit" and separator(v):
            pieces[-1].append([])
        elif kind == "lit":
            pieces[-1][-1].append(("lit", v, 1))
        else:
            pieces[-1][-1].append(("dir", v, _width(v, fixed)))
    for piece in pieces:
        for chunk in piece:
            if sum(w is None for _, _, w in chunk) > 1:
                return None
    return pieces


def _separators(f: ParsedFormat) -> str:
    """The separator characters of `f` (see _layout), in order, without repeats."""
    alpha = any(kind == "dir" and v in _ALPHA_DIRECTIVES for kind, v, _ in f.tokens)
    out: list[str] = []
    for kind, v, _ in f.tokens:
        if kind != "lit" or (v.isascii() and v.isalnum() and (v.isdigit() or alpha)):
            continue
        for c in ((v.upper(), v.lower()) if v.isascii() and v.isalpha() else (v,)):
            if c not in out:
                out.append(c)
    return "".join(out)


def _slice(chunk: exp.Expression, elements: list, i: int) -> exp.Expression:
    """Element i of a chunk, by its offset from the chunk's start or end."""
    widths = [w for _, _, w in elements]
    if len(elements) == 1:
        return chunk
    var = next((k for k, w in enumerate(widths) if w is None), None)
    if var is None or i < var:                          # from the start
        start = sum(widths[:i]) + 1
        return _fn("SUBSTR", chunk, num(start), num(widths[i]))
    after = sum(widths[i + 1:])
    if i > var:                                         # from the end
        tail = _fn("RIGHT", chunk, num(after + widths[i]))
        return _fn("LEFT", tail, num(widths[i])) if after else tail
    before = sum(widths[:i])                            # the variable one
    core = _fn("LEFT", chunk, num(-after)) if after else chunk
    return _fn("SUBSTR", core, num(before + 1)) if before else core


def _fields(t: exp.Expression, f: ParsedFormat,
            pieces: list) -> dict[str, exp.Expression]:
    """Directive letter -> expression of its text (valid once the shape matched)."""
    seps = _separators(f)
    charset = _FIELD_CHARS + seps      # what a piece can hold: anything but whitespace
    w = t
    if len(pieces) > 1:               # every whitespace character becomes a space
        others = [_fn("CHR", num(ord(c))) for c in _WHITESPACE[1:]]
        chars = others[0]
        for c in others[1:]:
            chars = exp.DPipe(this=chars, expression=c, safe=True)
        w = _fn("TRANSLATE", t, chars, lit(" " * len(others)))
    out: dict[str, exp.Expression] = {}
    rest = w
    for p, piece in enumerate(pieces):
        text = rest.copy()
        if p < len(pieces) - 1:
            text = _fn("SPLIT_PART", rest.copy(), lit(" "), num(1))
            # the remaining pieces: drop this one (it has no spaces), then the run
            rest = exp.Trim(this=exp.Trim(this=rest, expression=lit(charset), position="LEADING"),
                            expression=lit(" "), position="LEADING")
        if len(piece) > 1 and len(seps) > 1:
            text = _fn("TRANSLATE", text, lit(seps), lit(seps[0] * len(seps)))
        for c, elements in enumerate(piece):
            chunk = _fn("SPLIT_PART", text.copy(), lit(seps[0]), num(c + 1)) if len(piece) > 1 \
                else text.copy()
            for i, (kind, v, _) in enumerate(elements):
                if kind == "dir":
                    out[v] = _slice(chunk.copy(), elements, i)
    return out


def _int(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("INT"))


def _between(e: exp.Expression, lo: exp.Expression, hi: exp.Expression) -> exp.Expression:
    return exp.Between(this=e, low=lo, high=hi)


def _and(conds: list[exp.Expression]) -> exp.Expression:
    out = conds[0]
    for c in conds[1:]:
        out = exp.And(this=out, expression=c)
    return out


def _month_number(text: exp.Expression, names: tuple[str, ...]) -> exp.Expression:
    return case(*((lit(n), num(k + 1)) for k, n in enumerate(names)),
                subject=exp.Upper(this=text))


def _days_in_month(year: exp.Expression, month: exp.Expression) -> exp.Expression:
    """CASE month WHEN 1 THEN 31 ... END; 0 for a month outside 1-12."""
    leap = exp.And(
        this=exp.EQ(this=mod(year.copy(), num(4)), expression=num(0)),
        expression=paren(exp.Or(this=exp.NEQ(this=mod(year.copy(), num(100)), expression=num(0)),
                                expression=exp.EQ(this=mod(year.copy(), num(400)),
                                                  expression=num(0)))))

    def days(m: int) -> exp.Expression:
        if m == 2:
            return case((leap, num(29)), default=num(28))
        return num(30 if m in (4, 6, 9, 11) else 31)
    return case(*((num(m), days(m)) for m in range(1, 13)), subject=month, default=num(0))


_DIGITS = "0123456789"
_LETTERS = _FIELD_CHARS[10:]
_MAX_SKELETONS = 64


def _skeleton_test(t: exp.Expression, f: ParsedFormat) -> exp.Expression | None:
    """The shape test without a regex, when the format allows: every digit of the input
    becomes '9' (every ASCII letter 'a'), and the result must be one of the format's
    finitely many skeletons -- '9/9/9999', '99/9/9999', ... for %m/%d/%Y.  None for
    formats with whitespace runs, %B, digits or (when there are letter fields) letters
    among the literals, or too many skeletons."""
    alpha = any(kind == "dir" and v in _ALPHA_DIRECTIVES for kind, v, _ in f.tokens)
    skeletons = [""]
    for kind, v, fixed in f.tokens:
        if kind == "space" or v == "B" or (kind == "lit" and (
                v.isdigit() or (alpha and v.isascii() and v.isalpha()))):
            return None
        if kind == "lit":
            options = [v.upper(), v.lower()] if v.isascii() and v.isalpha() else [v]
            if len(options) > 1 and options[0] == options[1]:
                options = options[:1]
        else:
            fill = "a" if v in _ALPHA_DIRECTIVES else "9"
            w = _width(v, fixed)
            lengths = [w] if w is not None else ([1, 2, 3, 4, 5, 6] if v == "f" else [1, 2])
            options = [fill * n for n in lengths]
        skeletons = [sk + o for sk in skeletons for o in options]
        if len(skeletons) > _MAX_SKELETONS:
            return None
    frm, to = _DIGITS, "9" * 10
    if alpha:
        frm, to = frm + _LETTERS, to + "a" * len(_LETTERS)
    return exp.In(this=_fn("TRANSLATE", t, lit(frm), lit(to)),
                  expressions=[lit(sk) for sk in skeletons])


def _parse_one_split(eng: Engine, s: exp.Expression, f: ParsedFormat,
                     result: str) -> exp.Expression:
    pieces = _layout(f)
    if pieces is None or not _cheap(s):
        return _parse_one(eng, s, f, result)
    t = exp.Trim(this=s.copy())
    text = _fields(t, f, pieces)
    if len(pieces) == 1:
        # A number that is a whole chunk is cut from the untrimmed input: the CAST to INT
        # (or DOUBLE) ignores the spaces TRIM would remove, and TRIM is not free.
        untrimmed = _fields(s, f, pieces)
        for chunk in pieces[0]:
            if len(chunk) == 1 and chunk[0][0] == "dir" and DIRECTIVES[chunk[0][1]].numeric:
                text[chunk[0][1]] = untrimmed[chunk[0][1]]
    d = {field: letter for field, (letter, _) in f.groups.items()}

    def value(field: str) -> exp.Expression | None:
        return _int(text[d[field]].copy()) if field in d else None

    checks: list[exp.Expression] = []
    year = value("year")
    if d.get("year") == "y":     # 00-68 -> 2000-2068, 69-99 -> 1969-1999
        year = add(year, case((exp.LT(this=year.copy(), expression=num(PIVOT_YEAR)), num(2000)),
                              default=num(1900)))
    elif year is not None:
        checks.append(exp.GTE(this=year.copy(), expression=num(1)))   # no year 0000
    year = year if year is not None else num(1900)
    month = value("month") if d.get("month") == "m" else None
    if d.get("month") in ("b", "B"):
        month = _month_number(text[d["month"]], MONTH_ABBR if d["month"] == "b" else MONTH_NAMES)
    month = month if month is not None else num(1)
    day = value("day")
    if day is None:
        day = num(1)
        if "month" in d:
            checks.append(_between(month.copy(), num(1), num(12)))
    else:
        checks.append(_between(day.copy(), num(1), _days_in_month(year.copy(), month.copy())))
    with_time = result == T.TIMESTAMP or f.has_time
    if with_time:
        hour = value("hour") if "hour" in d else num(0)
        if d.get("hour") == "I":    # 1-12 by the shape; 12 AM -> 0, 1..11 PM -> 13..23
            pm = case((exp.EQ(this=exp.Upper(this=text["p"].copy()), expression=lit("PM")),
                       num(12)), default=num(0))
            checks.append(_between(hour.copy(), num(1), num(12)))   # the skeleton test
            hour = add(mod(hour, num(12)), pm)
        elif "hour" in d:
            checks.append(exp.LTE(this=hour.copy(), expression=num(23)))
        minute = value("minute") if "minute" in d else num(0)
        second = value("second") if "second" in d else num(0)
        for v in (minute, second):
            if not isinstance(v, exp.Literal):
                checks.append(exp.LTE(this=v.copy(), expression=num(59)))
        if "fraction" in d:     # '7' '.' '25' -> 7.25 s
            second = exp.Cast(this=exp.DPipe(this=exp.DPipe(this=text["S"].copy() if "S" in text
                                                              else lit("0"),
                                                              expression=lit("."), safe=True),
                                             expression=text["f"].copy(), safe=True),
                              to=exp.DataType.build("DOUBLE"))
    if result == T.TIMESTAMP:
        built = _fn("MAKE_TIMESTAMP", year, month, day, hour, minute, second)
    else:
        built = _fn("MAKE_DATE", year, month, day)
    # nested CASEs: the planner folds a constant input's shape test first and never
    # touches the rest when it fails (a folded ''::INT would raise)
    inner = case((_and(checks), built)) if checks else built
    shape = _skeleton_test(t.copy(), f)
    if shape is None:
        shape = eng.full_match(t.copy(), f.shape)
    return case((shape, inner))


# dialect -> how one format is parsed there (default: the portable `_parse_one`)
_PARSE_ONE = {"postgres": _parse_one_split}


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
        parse_one = _PARSE_ONE.get(eng.name, _parse_one)
        parts = [parse_one(eng, a[0], f, result) for f in _formats(a, fname)]
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
