"""Per-engine SQL building blocks for the function library.

Everything that differs between DuckDB, PostgreSQL and MariaDB lives in the `ENGINES`
table below (one `Engine` record per dialect, filled from small tables of
implementations), so that a function is written once against an `Engine` and lowered
for every dialect with `per_dialect(...)`.  No SQL text is assembled by hand: literals
are `exp.Literal`s, identifiers come from sqlglot, and the few engine-specific
constructs that sqlglot cannot express portably are fixed SQL templates parsed by
sqlglot, with placeholders replaced by argument trees (see `template`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial

import sqlglot
from sqlglot import exp

from compiler.dialects import MYSQL, POSTGRES, SPARK
from compiler.functions.regex import Regex, parse_regex
from compiler.functions.registry import DIALECTS, VALUE_TYPE_KEY, Lowering
from compiler.ir import types as T

__all__ = [
    # for other passes
    "MYSQL_BINARY_COLLATION",
    "POSTGRES_BINARY_COLLATION",
    "InvalidArgument",
    "binary_text",
    "TRIMMED",
    "trimmed",
    "regex_matches",
    "sql_type",
    # for the library's modules
    "Engine",
    "ENGINES",
    "per_dialect",
    "template",
    "value_type",
    "literal_arg",
    "int_literal",
    "lit",
    "num",
    "case",
    "add",
    "mod",
    "paren",
]

# The byte-wise collations, from the dialect records (why these: compiler/dialects/).
MYSQL_BINARY_COLLATION = MYSQL.collation.binary
POSTGRES_BINARY_COLLATION = POSTGRES.collation.binary


class InvalidArgument(ValueError):
    """A function argument that must be a literal is missing, not a literal, or invalid.
    Internal, not a ChartshiftError: the checker turns it into a positioned diagnostic
    (SpecError) at the argument."""


# ---------------------------------------------------------------------------------
# Small constructors


def lit(value: str) -> exp.Literal:
    return exp.Literal.string(value)


# What "trimmed" removes, on every engine: the space character U+0020 and nothing else
# (docs/FUNCTIONS.md).  A bare TRIM(x) is not portable: DuckDB's strips U+00A0, U+2003
# and other Unicode spaces, PostgreSQL's and MariaDB's only U+0020.
TRIMMED = " "


def trimmed(e: exp.Expression) -> exp.Trim:
    """`e` without leading and trailing `TRIMMED` characters (TRIM(BOTH ' ' FROM e))."""
    return exp.Trim(this=e, expression=lit(TRIMMED), position="BOTH")


def num(value: int | str) -> exp.Literal | exp.Neg:
    return exp.Literal.number(value)


def int_literal(e: exp.Expression) -> int | None:
    """The value of an integer literal (also a negated one), else None."""
    if isinstance(e, exp.Neg):
        v = int_literal(e.this)
        return None if v is None else -v
    if isinstance(e, exp.Paren):
        return int_literal(e.this)
    if isinstance(e, exp.Literal) and not e.is_string and e.this.lstrip("-").isdigit():
        return int(e.this)
    return None


def paren(e: exp.Expression) -> exp.Expression:
    """Parenthesise operator expressions so that nesting never depends on precedence."""
    if isinstance(e, (exp.Binary, exp.Unary, exp.Connector, exp.Collate)) and not isinstance(e, exp.Paren):
        return exp.Paren(this=e)
    return e


def case(
    *whens: tuple[exp.Expression, exp.Expression], default: exp.Expression | None = None, subject: exp.Expression | None = None
) -> exp.Case:
    node = exp.Case(this=subject, ifs=[exp.If(this=c, true=v) for c, v in whens])
    if default is not None:
        node.set("default", default)
    return node


def add(*terms: exp.Expression) -> exp.Expression:
    out = paren(terms[0])
    for t in terms[1:]:
        out = exp.Add(this=out, expression=paren(t))
    return out


def mod(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Mod(this=paren(a), expression=paren(b))


def template(sql: str, dialect: str, **args: exp.Expression) -> exp.Expression:
    """Parse a fixed SQL template written for `dialect` and substitute `:name`
    placeholders with (copies of) argument trees.  Templates are constants of this
    package, never user text."""
    tree = _parsed_template(sql, dialect).copy()

    def sub(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Placeholder) and node.name in args:
            return args[node.name].copy()
        return node

    return tree.transform(sub, copy=False)


@cache
def _parsed_template(sql: str, dialect: str) -> exp.Expression:
    """A template parsed once per run (callers copy it before substituting)."""
    # sqlglot types parse_one with its Expr trait; every node it builds is an Expression
    return typing.cast(exp.Expression, sqlglot.parse_one(sql, read=dialect))


# ---------------------------------------------------------------------------------
# Types


_TYPE_SQL = {
    # value type -> SQL type used by the library's casts; per dialect where it differs
    T.TEXT: {"*": "TEXT"},  # sqlglot renders CHAR inside CAST for MySQL
    T.INTEGER: {"*": "BIGINT"},  # SIGNED for MySQL
    T.DECIMAL: {"*": "DECIMAL(38, 10)"},
    "money": {"*": "DECIMAL(38, 2)"},
    "int32": {"*": "INT"},
    T.DATE: {"*": "DATE"},
    # MariaDB's TIMESTAMP is a 1970-2038 time-zone-converted type; DATETIME(6) is the
    # plain date-time with microseconds.
    T.TIMESTAMP: {"*": "TIMESTAMP", "mysql": "DATETIME(6)", "spark": "TIMESTAMP_NTZ"},
    T.BOOLEAN: {"*": "BOOLEAN"},
}


def sql_type(value_type: str, dialect: str) -> exp.DataType:
    return _built_sql_type(value_type, dialect).copy()


@cache
def _built_sql_type(value_type: str, dialect: str) -> exp.DataType:
    table = _TYPE_SQL[value_type]
    return exp.DataType.build(table.get(dialect, table["*"]), dialect=dialect)


def cast(e: exp.Expression, value_type: str, dialect: str) -> exp.Cast:
    return exp.Cast(this=e, to=sql_type(value_type, dialect))


_DTYPE_VALUE = {
    **{t: T.TEXT for t in exp.DataType.TEXT_TYPES},
    **{t: T.INTEGER for t in exp.DataType.INTEGER_TYPES},
    exp.DataType.Type.DECIMAL: T.DECIMAL,
    exp.DataType.Type.DATE: T.DATE,
    exp.DataType.Type.TIMESTAMP: T.TIMESTAMP,
    exp.DataType.Type.DATETIME: T.TIMESTAMP,
    exp.DataType.Type.TIMESTAMPNTZ: T.TIMESTAMP,
    exp.DataType.Type.BOOLEAN: T.BOOLEAN,
}


def value_type(e: exp.Expression) -> str | None:
    """The value type of an argument tree when it is known: recorded by the caller in
    `meta`, or evident from a literal or a CAST.  None when unknown."""
    meta: str | None = e.meta.get(VALUE_TYPE_KEY) if e.meta else None
    if meta:
        return meta
    if isinstance(e, exp.Paren):
        return value_type(e.this)
    if isinstance(e, exp.Literal):
        if e.is_string:
            return T.TEXT
        return T.DECIMAL if "." in e.this else T.INTEGER
    if isinstance(e, exp.Boolean):
        return T.BOOLEAN
    if isinstance(e, exp.Cast):
        return _DTYPE_VALUE.get(e.to.this)
    return None


# ---------------------------------------------------------------------------------
# The per-engine table


@dataclass(frozen=True)
class Engine:
    """What one dialect needs to lower the library's functions."""

    name: str
    binary: Callable[[exp.Expression], exp.Expression]  # text that compares byte-wise
    _matches: Callable[[exp.Expression, exp.Expression], exp.Expression]
    _replace: Callable[[exp.Expression, exp.Expression, exp.Expression], exp.Expression]
    _first_match: Callable[[exp.Expression, exp.Expression], exp.Expression]  # '' or NULL if none
    upper: Callable[[exp.Expression], exp.Expression]
    concat_ws_empty: Callable[[list[exp.Expression]], exp.Expression]  # NULLs as ''

    # -- regular expressions (portable subset, see regex.py) --------------------------
    def rx(self, pattern: str | Regex) -> exp.Literal:
        rx = parse_regex(pattern) if isinstance(pattern, str) else pattern
        return lit(rx.render(self.name))

    def matches(self, subject: exp.Expression, pattern: str | Regex) -> exp.Expression:
        """TRUE when the pattern matches somewhere in subject (NULL when subject is)."""
        return self._matches(subject, self.rx(pattern))

    def replace_all(self, subject: exp.Expression, pattern: str | Regex, replacement: str) -> exp.Expression:
        return self._replace(subject, self.rx(pattern), lit(replacement))

    def rewrite_full(self, subject: exp.Expression, pattern: str, replacement: str, empty_as_null: bool = True) -> exp.Expression:
        """`replacement` (with \\N group references) when the whole subject matches
        `pattern`, else NULL -- with a single reference to the subject:

            NULLIF(REGEXP_REPLACE(subject, '^(?:pattern)$|^.*$', replacement), '')

        A subject that does not match is swallowed whole by the second alternative and
        replaced by the (then unset, empty) groups.  With empty_as_null=False the NULLIF
        is left out and a non-match gives ''.
        """
        out = self.replace_all(subject, f"^(?:{pattern})$|^.*$", replacement)
        if not empty_as_null:
            return out
        # a non-match must come out as '': only group references in the replacement
        assert not re.sub(r"\\[1-9]", "", replacement), replacement
        # (On MariaDB the result keeps the subject's byte-wise NO PAD collation, so the
        # comparison with '' is exact there too.)
        return exp.Nullif(this=out, expression=lit(""))

    def full_match(self, subject: exp.Expression, pattern: str) -> exp.Expression:
        """TRUE when the whole subject matches `pattern` (no capture groups are needed,
        which keeps this cheap: PostgreSQL's regex engine is slow at capturing)."""
        return self.matches(subject, f"^(?:{pattern})$")

    def keep_full(self, subject: exp.Expression, pattern: str, once: bool = False) -> exp.Expression:
        """The subject when the whole of it matches `pattern`, else NULL.

        By default `CASE WHEN <full match> THEN subject END`: the subject appears twice,
        which is the fast form for a cheap subject (a column, TRIM of one).  once=True
        gives a single-reference form for an expensive subject, the text of the first
        match of the anchored pattern (`pattern` must not have capture groups; '' counts
        as no match)."""
        if once:
            rx = parse_regex(f"^(?:{pattern})$")
            assert rx.groups == 0, pattern
            return exp.Nullif(this=self._first_match(subject, self.rx(rx)), expression=lit(""))
        return case((self.full_match(subject, pattern), subject.copy()))

    # -- comparisons --------------------------------------------------------------
    def eq(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.EQ(this=self.binary(a), expression=b)

    def cast(self, e: exp.Expression, value_type: str) -> exp.Cast:
        return cast(e, value_type, self.name)

    def lookup(self, key: exp.Expression, pairs: Iterable[tuple[str, str]], default: exp.Expression | None = None) -> exp.Case:
        """CASE key WHEN 'k1' THEN 'v1' ... END with a byte-wise comparison."""
        return case(*((lit(k), lit(v)) for k, v in pairs), subject=self.binary(key), default=default)


def _collate(collation: Callable[[], exp.Expression]) -> Callable[[exp.Expression], exp.Expression]:
    """`collation` builds the (small) collation node: cheaper than copying one."""

    def apply(e: exp.Expression) -> exp.Expression:
        if isinstance(e, exp.Collate) and e.expression == collation():
            return e
        return exp.Collate(this=paren(e), expression=collation())

    return apply


_pg_collate_c = _collate(lambda: exp.Identifier(this=POSTGRES_BINARY_COLLATION, quoted=True))
_mysql_collate_bin = _collate(lambda: exp.Var(this=MYSQL_BINARY_COLLATION))


def _mysql_binary(e: exp.Expression) -> exp.Expression:
    """CAST(e AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin: works whatever the
    input's character set (latin1 columns, binary strings from CHAR(), numbers)."""
    if isinstance(e, exp.Collate) and e.expression == exp.Var(this=MYSQL_BINARY_COLLATION):
        return e
    utf8 = exp.DataType(this=exp.DataType.Type.CHARACTER_SET, kind=exp.Var(this="utf8mb4"))
    return _mysql_collate_bin(exp.Cast(this=e, to=utf8))


def _fn(name: str) -> Callable[..., exp.Expression]:
    return lambda *args: exp.Anonymous(this=name, expressions=list(args))


def _duckdb_upper(e: exp.Expression) -> exp.Expression:
    # DuckDB upper-cases 'ß' to capital sharp s 'ẞ'; PostgreSQL and MariaDB keep 'ß'.
    return exp.Anonymous(this="REPLACE", expressions=[exp.Upper(this=e), lit("ẞ"), lit("ß")])


def java_replacement(r: exp.Expression) -> exp.Expression:
    """A portable replacement (`\\1` groups, `\\\\` a backslash, regex.py) in Java's syntax:
    `$1` groups, `\\$` a dollar; a digit right after a group is escaped so that `\\1` + `0`
    never reads as group 10."""
    if not (isinstance(r, exp.Literal) and r.is_string):
        return r
    text, out, i = r.this, [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            out.append("$" + n if n.isdigit() else "\\" + n)
            i += 2
            if n.isdigit() and i < len(text) and text[i].isdigit():
                out.append("\\" + text[i])
                i += 1
            continue
        out.append("\\$" if c == "$" else c)
        i += 1
    return lit("".join(out))


def _spark_upper(e: exp.Expression) -> exp.Expression:
    # Java upper-cases 'ß' to 'SS'; PostgreSQL and MariaDB keep 'ß': upper-case the parts around it
    return template("ARRAY_JOIN(TRANSFORM(SPLIT(:e, 'ß', -1), _cs_part -> UPPER(_cs_part)), 'ß')", SPARK.name, e=e)


def _spark_text(e: exp.Expression) -> exp.Expression:
    return e if isinstance(e, exp.Literal) and e.is_string else exp.Cast(this=e, to=exp.DataType.build("STRING"))


ENGINES: Mapping[str, Engine] = {
    "duckdb": Engine(
        name="duckdb",
        binary=lambda e: e,  # DuckDB compares strings byte-wise by default
        _matches=_fn("REGEXP_MATCHES"),
        _replace=lambda s, p, r: _fn("REGEXP_REPLACE")(s, p, r, lit("g")),
        _first_match=_fn("REGEXP_EXTRACT"),
        upper=_duckdb_upper,
        concat_ws_empty=lambda parts: _fn("CONCAT")(*parts),
    ),
    "postgres": Engine(
        name="postgres",
        binary=_pg_collate_c,
        # `~` (sqlglot's RegexpLike for postgres); no COLLATE "C" here: it would make
        # [[:alpha:]] ASCII-only.  PostgreSQL regexes are case-sensitive anyway.
        _matches=lambda s, p: exp.RegexpLike(this=paren(s), expression=p),
        _replace=lambda s, p, r: _fn("REGEXP_REPLACE")(s, p, r, lit("g")),
        # substring(text, pattern): the match (no capture groups), NULL if none; much
        # faster than a capturing REGEXP_REPLACE on PostgreSQL.
        _first_match=_fn("SUBSTRING"),
        upper=lambda e: exp.Upper(this=e),
        concat_ws_empty=lambda parts: _fn("CONCAT")(*parts),
    ),
    "mysql": Engine(
        name="mysql",
        binary=_mysql_binary,
        # MariaDB has no REGEXP_LIKE() and sqlglot renders `x REGEXP p` as REGEXP_LIKE;
        # REGEXP_INSTR(...) > 0 is the same test.  The subject must be binary or the
        # match ignores case (utf8mb4_general_ci).
        _matches=lambda s, p: exp.GT(this=_fn("REGEXP_INSTR")(_mysql_binary(s), p), expression=num(0)),
        _replace=lambda s, p, r: _fn("REGEXP_REPLACE")(_mysql_binary(s), p, r),
        _first_match=lambda s, p: _fn("REGEXP_SUBSTR")(_mysql_binary(s), p),
        upper=lambda e: exp.Upper(this=e),
        # CONCAT() is NULL when any argument is; CONCAT_WS skips NULLs.
        concat_ws_empty=lambda parts: _fn("CONCAT_WS")(lit(""), *parts),
    ),
    "spark": Engine(
        name="spark",
        binary=lambda e: e,  # UTF8_BINARY, Spark 4's default collation, compares bytes
        # RLIKE finds the pattern anywhere (Java's find()), like the others' tests
        _matches=lambda s, p: exp.RegexpLike(this=paren(s), expression=p),
        _replace=lambda s, p, r: _fn("REGEXP_REPLACE")(s, p, java_replacement(r)),
        _first_match=lambda s, p: _fn("REGEXP_EXTRACT")(s, p, num(0)),  # '' when none
        upper=_spark_upper,
        # CONCAT_WS skips NULLs; it takes text (and arrays) only
        concat_ws_empty=lambda parts: _fn("CONCAT_WS")(lit(""), *[_spark_text(p) for p in parts]),
    ),
}
assert set(ENGINES) == set(DIALECTS)


def per_dialect(build: Callable[..., exp.Expression]) -> dict[str, Lowering]:
    """Lowerings for every dialect from one builder `build(engine, args)`."""
    return {d: partial(_call, build, ENGINES[d]) for d in DIALECTS}


def _call(build: Callable[..., exp.Expression], engine: Engine, args: list[exp.Expression]) -> exp.Expression:
    return build(engine, list(args))


# ---------------------------------------------------------------------------------
# Public helpers for other passes (e.g. `valid ... matches` checks, dedup keys)


def binary_text(e: exp.Expression, dialect: str) -> exp.Expression:
    """`e` with a byte-wise collation on `dialect` (identity on DuckDB)."""
    return ENGINES[dialect].binary(e)


def regex_matches(subject: exp.Expression, pattern: str, dialect: str) -> exp.Expression:
    """A boolean test: the portable-subset `pattern` matches somewhere in `subject`.
    Raises regex.RegexError for patterns outside the subset."""
    return ENGINES[dialect].matches(subject, pattern)


def literal_arg(args: Sequence[exp.Expression], i: int, function: str, what: str) -> str:
    """The text of string-literal argument `i`, or InvalidArgument."""
    a = args[i] if i < len(args) else None
    if isinstance(a, exp.Literal) and a.is_string:
        text: str = a.this
        return text
    raise InvalidArgument(f"{function}(): the {what} must be a string literal")
