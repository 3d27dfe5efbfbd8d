"""The PostgreSQL lowering of one date format: no capture groups, fields cut by string functions, MAKE_DATE."""

from __future__ import annotations

from typing import cast

from sqlglot import exp

from compiler.functions.dates.formats import DIRECTIVES, MONTH_ABBR, MONTH_NAMES, PIVOT_YEAR, ParsedFormat
from compiler.functions.dates.portable import parse_one
from compiler.functions.registry import cheap_to_repeat as _cheap
from compiler.functions.sqlkit import Engine, add, case, lit, mod, num, paren
from compiler.ir import types as T

# ---------------------------------------------------------------------------------
# Without capture groups (PostgreSQL).  PostgreSQL's regex engine is slow at capturing
# and at large alternations: the portable lowering (portable.py) costs ~8 us a value there.  This
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

_WIDTH = {"Y": 4, "y": 2, "b": 3, "p": 2, "B": None, "f": None}  # else 2 if fixed, 1-2
_ALPHA_DIRECTIVES = frozenset("bBp")
_WHITESPACE = " \t\n\r\f"  # the portable subset's \s
_FIELD_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _fn(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _width(letter: str, fixed: bool) -> int | None:
    if letter in _WIDTH:
        return _WIDTH[letter]
    return 2 if fixed else None


# A format's layout: pieces -> chunks -> elements (kind, letter or char, width or None).
_Element = tuple[str, str, int | None]
_Layout = list[list[list[_Element]]]


def _layout(f: ParsedFormat) -> _Layout | None:
    """pieces -> chunks -> elements (kind, letter or char, width or None), or None when
    some chunk has two elements of variable width."""
    alpha = any(kind == "dir" and v in _ALPHA_DIRECTIVES for kind, v, _ in f.tokens)

    def separator(c: str) -> bool:
        # fields are ASCII letters and digits; literal letters separate when no field has any
        return not (c.isascii() and c.isalnum()) or (c.isalpha() and not alpha)

    pieces: _Layout = [[[]]]
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
        for c in (v.upper(), v.lower()) if v.isascii() and v.isalpha() else (v,):
            if c not in out:
                out.append(c)
    return "".join(out)


def _slice(chunk: exp.Expression, elements: list[_Element], i: int) -> exp.Expression:
    """Element i of a chunk, by its offset from the chunk's start or end."""
    widths_or_none = [w for _, _, w in elements]
    if len(elements) == 1:
        return chunk
    var = next((k for k, w in enumerate(widths_or_none) if w is None), None)
    # only the element at `var` has no fixed width, and the sums and widths below leave it out
    widths = cast(list[int], widths_or_none)
    if var is None or i < var:  # from the start
        start = sum(widths[:i]) + 1
        return _fn("SUBSTR", chunk, num(start), num(widths[i]))
    after = sum(widths[i + 1 :])
    if i > var:  # from the end
        tail = _fn("RIGHT", chunk, num(after + widths[i]))
        return _fn("LEFT", tail, num(widths[i])) if after else tail
    before = sum(widths[:i])  # the variable one
    core = _fn("LEFT", chunk, num(-after)) if after else chunk
    return _fn("SUBSTR", core, num(before + 1)) if before else core


def _fields(t: exp.Expression, f: ParsedFormat, pieces: _Layout) -> dict[str, exp.Expression]:
    """Directive letter -> expression of its text (valid once the shape matched)."""
    seps = _separators(f)
    charset = _FIELD_CHARS + seps  # what a piece can hold: anything but whitespace
    w = t
    if len(pieces) > 1:  # every whitespace character becomes a space
        others = [_fn("CHR", num(ord(c))) for c in _WHITESPACE[1:]]
        chars = others[0]
        for other in others[1:]:
            chars = exp.DPipe(this=chars, expression=other, safe=True)
        w = _fn("TRANSLATE", t, chars, lit(" " * len(others)))
    out: dict[str, exp.Expression] = {}
    rest = w
    for p, piece in enumerate(pieces):
        text = rest.copy()
        if p < len(pieces) - 1:
            text = _fn("SPLIT_PART", rest.copy(), lit(" "), num(1))
            # the remaining pieces: drop this one (it has no spaces), then the run
            rest = exp.Trim(this=exp.Trim(this=rest, expression=lit(charset), position="LEADING"), expression=lit(" "), position="LEADING")
        if len(piece) > 1 and len(seps) > 1:
            text = _fn("TRANSLATE", text, lit(seps), lit(seps[0] * len(seps)))
        for c, elements in enumerate(piece):
            chunk = _fn("SPLIT_PART", text.copy(), lit(seps[0]), num(c + 1)) if len(piece) > 1 else text.copy()
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
    return case(*((lit(n), num(k + 1)) for k, n in enumerate(names)), subject=exp.Upper(this=text))


def _days_in_month(year: exp.Expression, month: exp.Expression) -> exp.Expression:
    """CASE month WHEN 1 THEN 31 ... END; 0 for a month outside 1-12."""
    leap = exp.And(
        this=exp.EQ(this=mod(year.copy(), num(4)), expression=num(0)),
        expression=paren(
            exp.Or(
                this=exp.NEQ(this=mod(year.copy(), num(100)), expression=num(0)),
                expression=exp.EQ(this=mod(year.copy(), num(400)), expression=num(0)),
            )
        ),
    )

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
        if kind == "space" or v == "B" or (kind == "lit" and (v.isdigit() or (alpha and v.isascii() and v.isalpha()))):
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
    return exp.In(this=_fn("TRANSLATE", t, lit(frm), lit(to)), expressions=[lit(sk) for sk in skeletons])


def parse_one_split(eng: Engine, s: exp.Expression, f: ParsedFormat, result: str) -> exp.Expression:
    pieces = _layout(f)
    if pieces is None or not _cheap(s):
        return parse_one(eng, s, f, result)
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

    def field_value(field: str) -> exp.Expression:
        """The value of a field that the format has."""
        return _int(text[d[field]].copy())

    def value(field: str) -> exp.Expression | None:
        return field_value(field) if field in d else None

    checks: list[exp.Expression] = []
    year = value("year")
    if d.get("year") == "y":  # 00-68 -> 2000-2068, 69-99 -> 1969-1999
        assert year is not None  # the format has a year
        year = add(year, case((exp.LT(this=year.copy(), expression=num(PIVOT_YEAR)), num(2000)), default=num(1900)))
    elif year is not None:
        checks.append(exp.GTE(this=year.copy(), expression=num(1)))  # no year 0000
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
        hour = field_value("hour") if "hour" in d else num(0)
        if d.get("hour") == "I":  # 1-12 by the shape; 12 AM -> 0, 1..11 PM -> 13..23
            pm = case((exp.EQ(this=exp.Upper(this=text["p"].copy()), expression=lit("PM")), num(12)), default=num(0))
            checks.append(_between(hour.copy(), num(1), num(12)))  # the skeleton test
            hour = add(mod(hour, num(12)), pm)
        elif "hour" in d:
            checks.append(exp.LTE(this=hour.copy(), expression=num(23)))
        minute = field_value("minute") if "minute" in d else num(0)
        second = field_value("second") if "second" in d else num(0)
        for v in (minute, second):
            if not isinstance(v, exp.Literal):
                checks.append(exp.LTE(this=v.copy(), expression=num(59)))
        if "fraction" in d:  # '7' '.' '25' -> 7.25 s
            second = exp.Cast(
                this=exp.DPipe(
                    this=exp.DPipe(this=text["S"].copy() if "S" in text else lit("0"), expression=lit("."), safe=True),
                    expression=text["f"].copy(),
                    safe=True,
                ),
                to=exp.DataType.build("DOUBLE"),
            )
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
