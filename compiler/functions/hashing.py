"""Hashes: md5(text) and hash(value, ...), the same lowercase hex text on every engine.

`md5(t)` is the MD5 of the UTF-8 bytes of `t`.  `hash(v1, v2, ...)` is the MD5 of an
encoding of its arguments that a reviewer can recompute (tests/functions/reference.py):
each argument becomes

- `-` when it is NULL;
- otherwise `<n>:<text>`, where `<text>` is its canonical text and `<n>` the number of
  characters (Unicode code points) of that text, in decimal.

The pieces are concatenated in order and hashed as UTF-8.  So ("a", "bc") is `1:a2:bc`
and ("ab", "c") is `2:ab1:c`; NULL (`-`) differs from '' (`0:`).  Canonical text per type:
text as is; integers in decimal (`-12`); decimals in plain notation without trailing
fractional zeros (`1.50` -> `1.5`, `2.00` -> `2`); dates `YYYY-MM-DD`; timestamps
`YYYY-MM-DD HH:MM:SS.ffffff` (always 6 fraction digits); booleans `true` / `false`.

MariaDB hashes the bytes of a string in its own character set, so every text is first
converted to utf8mb4, and the result is made byte-wise there (`Engine.binary`, which is
the identity on DuckDB and `COLLATE "C"` on PostgreSQL).
"""

from __future__ import annotations

from sqlglot import exp

from compiler.functions.registry import Function, register
from compiler.functions.sqlkit import Engine, case, lit, paren, per_dialect, template, value_type
from compiler.ir import types as T

NULL_PIECE = "-"
# decimals: trailing fractional zeros, and a point left with nothing after it, removed
_TRAILING_ZEROS = r"(\.[0-9]*[1-9])0+$|\.0+$"

# How dates and timestamps are written as text, per engine (`:x` is the value).
_DATE_TEXT = {
    "duckdb": "STRFTIME(:x, '%Y-%m-%d')",
    # to_char(date) would go through timestamptz, i.e. the session's time zone
    "postgres": "TO_CHAR(CAST(:x AS TIMESTAMP), 'YYYY-MM-DD')",
    "mysql": "DATE_FORMAT(:x, '%Y-%m-%d')",
    "spark": "DATE_FORMAT(:x, 'yyyy-MM-dd')",
}
_TIMESTAMP_TEXT = {
    "duckdb": "STRFTIME(:x, '%Y-%m-%d %H:%M:%S.%f')",
    "postgres": "TO_CHAR(:x, 'YYYY-MM-DD HH24:MI:SS.US')",
    "mysql": "DATE_FORMAT(:x, '%Y-%m-%d %H:%i:%s.%f')",
    "spark": "DATE_FORMAT(:x, 'yyyy-MM-dd HH:mm:ss.SSSSSS')",
}


def _md5(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    return eng.binary(exp.MD5(this=eng.binary(a[0])))


def _canonical(eng: Engine, e: exp.Expression) -> exp.Expression | None:
    """The canonical text of one argument (NULL when it is NULL); None for a bare NULL."""
    if isinstance(e, exp.Null):
        return None
    t = value_type(e)
    if t == T.TEXT:
        text: exp.Expression = e
    elif t == T.DECIMAL:
        text = eng.replace_all(eng.cast(e, T.TEXT), _TRAILING_ZEROS, "\\1")
    elif t == T.DATE:
        text = template(_DATE_TEXT[eng.name], eng.name, x=paren(e))
    elif t == T.TIMESTAMP:
        text = template(_TIMESTAMP_TEXT[eng.name], eng.name, x=paren(e))
    elif t == T.BOOLEAN:
        text = case((paren(e), lit("true")), (exp.Not(this=paren(e.copy())), lit("false")))
    else:  # integers, and arguments of unknown type: the engine's text form
        text = eng.cast(e, T.TEXT)
    return eng.binary(text)


def _piece(eng: Engine, e: exp.Expression) -> exp.Expression:
    """`<length>:<text>`, or `-` for NULL."""
    text = _canonical(eng, e)
    if text is None:
        return lit(NULL_PIECE)
    length = eng.cast(exp.Length(this=text), T.TEXT)
    # a NULL-propagating concatenation (|| / MariaDB's CONCAT): NULL when the text is
    joined = exp.Concat(expressions=[length, lit(":"), text.copy()], safe=False, coalesce=False)
    return exp.Coalesce(this=joined, expressions=[lit(NULL_PIECE)])


def _hash(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    pieces = [_piece(eng, e) for e in a]
    encoded = pieces[0] if len(pieces) == 1 else eng.concat_ws_empty(pieces)
    return eng.binary(exp.MD5(this=encoded))


register(
    Function(
        "md5",
        (T.TEXT,),
        T.TEXT,
        "The MD5 digest of the text's UTF-8 bytes, as 32 lowercase hex digits.",
        per_dialect(_md5),
        examples=(("md5('abc')", "900150983cd24fb0d6963f7d28e17f72"),),
    ),
    Function(
        "hash",
        (T.ANY,),
        T.TEXT,
        "A stable hash of one or more values of any type: the MD5 (lowercase hex) of "
        "each value as `<length>:<canonical text>`, or `-` for NULL, concatenated. "
        "Never NULL.",
        per_dialect(_hash),
        variadic=T.ANY,
        min_args=1,
        examples=(("hash('a', 'bc')", "md5('1:a2:bc')"), ("hash(NULL)", "md5('-')")),
    ),
)
