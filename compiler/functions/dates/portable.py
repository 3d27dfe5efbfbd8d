"""The portable lowering of one date format: fields laid out by REGEXP_REPLACE, a calendar check, then a CAST."""

from __future__ import annotations

from sqlglot import exp

from compiler.functions.dates.formats import MONTH_ABBR, MONTH_NAMES, ParsedFormat
from compiler.functions.sqlkit import Engine, case, lit, mod, num, paren
from compiler.ir import types as T

# ---------------------------------------------------------------------------------
# Validity of the canonical 'Y-M-D[ H:M:S[.f]]' string (month, day and time fields may
# have one digit: every engine's CAST accepts '1980-3-4 9:05:00').

_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001-9999
_MONTH_DAY = "(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DATE = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-0?2-29)"
_TIME = "(?:[01]?[0-9]|2[0-3]):[0-5]?[0-9]:[0-5]?[0-9](?:\\.[0-9]{1,6})?"


def _canonical(eng: Engine, t: exp.Expression, f: ParsedFormat, with_time: bool) -> exp.Expression:
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
        for k, name in enumerate(names):  # '-MAR-' -> '-3-'
            canon = exp.Anonymous(this="REPLACE", expressions=[canon, lit(f"-{name}-"), lit(f"-{k + 1}-")])
    if d.get("year") == "y":  # 00-68 -> 2000-2068, 69-99 -> 1969-1999
        canon = eng.replace_all(canon, "^([0-5][0-9]|6[0-8])-", "20\\1-")
        canon = eng.replace_all(canon, "^(69|[7-9][0-9])-", "19\\1-")
    if with_time and d.get("hour") == "I":  # 12 AM -> 0, 1..11 PM -> 13..23, 12 PM -> 12

        def field(name: str) -> exp.Expression:
            return eng.rewrite_full(t.copy(), f.pattern, "\\%d" % g[name])

        pm = case((eng.eq(exp.Upper(this=field("ampm")), lit("PM")), num(12)), default=num(0))
        hour = eng.cast(exp.Add(this=mod(eng.cast(field("hour"), "int32"), num(12)), expression=paren(pm)), T.TEXT)
        # `||` (CONCAT on MySQL): NULL as soon as a part is NULL
        canon = exp.Concat(
            expressions=[canon, lit(" "), hour, eng.rewrite_full(t.copy(), f.pattern, tail, empty_as_null=False)],
            safe=False,
            coalesce=False,
        )
    return canon


def parse_one(eng: Engine, s: exp.Expression, f: ParsedFormat, result: str) -> exp.Expression:
    t = exp.Trim(this=s.copy())
    with_time = result == T.TIMESTAMP or f.has_time
    canon = _canonical(eng, t, f, with_time)
    # keep the canonical string only if it is a real date (and time); it appears once
    valid = eng.keep_full(canon, f"{_DATE} {_TIME}" if with_time else _DATE, once=True)
    if result == T.DATE and with_time:
        return eng.cast(eng.cast(valid, T.TIMESTAMP), T.DATE)
    return eng.cast(valid, result)
