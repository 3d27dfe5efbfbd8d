"""Date formats: the supported strptime subset (directives, two-digit year pivot, month names) parsed into regexes."""

from __future__ import annotations

from dataclasses import dataclass

from compiler.functions.regex import parse_regex


class FormatError(ValueError):
    """A date format outside the supported strptime subset.  Internal, not a ChartshiftError:
    the checker turns it into a positioned diagnostic (SpecError) at the format argument."""


# Two-digit years: 00-68 -> 2000-2068, 69-99 -> 1969-1999 (the POSIX / Python rule).
PIVOT_YEAR = 69

MONTH_ABBR = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MONTH_NAMES = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER")

_VAR2 = "([0-9]{1,2})"  # 1 or 2 digits (when followed by a non-digit)
_FIX2 = "([0-9]{2})"  # exactly 2 digits (when directly followed by another number)


@dataclass(frozen=True)
class _Directive:
    field: str  # year, month, day, hour, minute, second, fraction, ampm
    pattern: str  # capture group, portable regex subset
    fixed_pattern: str  # when directly followed by another numeric directive
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
    pattern: str  # portable regex subset, to match the whole input
    groups: dict[str, tuple[str, int]]  # field -> (directive letter, group number)
    shape: str = ""  # `pattern` without capture groups
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
                    f"unsupported directive %{d} in format {fmt!r} (supported: " + " ".join("%" + k for k in DIRECTIVES) + " %%)"
                )
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
            directive = DIRECTIVES[v]
            if directive.field in groups:
                raise FormatError(f"format {fmt!r} has two {directive.field} directives")
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            adjacent_number = nxt is not None and nxt[0] == "dir" and DIRECTIVES[nxt[1]].numeric
            group = directive.fixed_pattern if adjacent_number else directive.pattern
            parts.append(group)
            shape.append("(?:" + group[1:])  # one capture group each: make it plain
            layout.append(("dir", v, adjacent_number))
            n += 1
            groups[directive.field] = (v, n)
            prev_space = False
            continue
        if v.isspace():
            if not prev_space:
                parts.append("\\s+")  # any run of whitespace
                shape.append("\\s+")
                layout.append(("space", " ", False))
            prev_space = True
            continue
        layout.append(("lit", v, False))
        if v.isascii() and v.isalpha():
            parts.append(f"[{v.upper()}{v.lower()}]")  # literal letters in any case
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
