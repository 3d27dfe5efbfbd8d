"""Text functions: trim, upper, lower, title, digits, substr, concat, coalesce, nullif,
replace, regex_replace, length."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlglot import exp

from compiler.functions.regex import Regex, RegexError, Replacement, parse_regex, parse_replacement
from compiler.functions.registry import ANY_DIALECT, Function, register
from compiler.functions.sqlkit import (
    ENGINES,
    Engine,
    InvalidArgument,
    add,
    case,
    int_literal,
    lit,
    literal_arg,
    num,
    paren,
    per_dialect,
    template,
    trimmed,
    value_type,
)
from compiler.ir import types as T

# ---------------------------------------------------------------------------------
# title(): letters after a non-letter (or at the start) upper-cased, other letters
# lower-cased, everything else unchanged.  No engine has this built in (DuckDB has no
# INITCAP, MariaDB none at all, PostgreSQL's INITCAP treats digits as word characters),
# so each dialect gets a template: split into runs of letters / non-letters, fix each
# letter run, glue back in order.

_LETTER_RUNS = r"\pL+|\PL+"
_STARTS_WITH_LETTER = r"^\pL"

_TITLE_TEMPLATES = {
    # DuckDB: list_transform over the runs (sqlglot writes the lambda as `LAMBDA x : ...`,
    # which DuckDB 2 accepts).  'ẞ' -> 'ß' keeps DuckDB's upper() in line with the others.
    "duckdb": """
        ARRAY_TO_STRING(
          LIST_TRANSFORM(REGEXP_EXTRACT_ALL(:s, :runs),
            lambda _cs_run: CASE WHEN REGEXP_MATCHES(_cs_run, :letter)
                                 THEN REPLACE(UPPER(LEFT(_cs_run, 1)), 'ẞ', 'ß')
                                      || LOWER(SUBSTRING(_cs_run, 2))
                                 ELSE _cs_run END),
          '')""",
    # PostgreSQL: the runs as rows, re-aggregated in order.  '' has no runs -> COALESCE.
    "postgres": """
        COALESCE(
          (SELECT STRING_AGG(CASE WHEN _cs_run[1] ~ :letter
                                  THEN UPPER(LEFT(_cs_run[1], 1)) || LOWER(SUBSTRING(_cs_run[1] FROM 2))
                                  ELSE _cs_run[1] END, '' ORDER BY _cs_pos)
             FROM REGEXP_MATCHES(:s, :runs, 'g') WITH ORDINALITY AS _cs_runs(_cs_run, _cs_pos)),
          :s)""",
    # MariaDB: one row per character position (JSON_TABLE over a generated array
    # [0,0,...], no helper table or plugin needed), re-aggregated in order.
    "mysql": """
        (SELECT GROUP_CONCAT(
                  CASE WHEN REGEXP_INSTR(SUBSTRING(:s, _cs_chars._cs_pos, 1), :letter) = 0
                         THEN SUBSTRING(:s, _cs_chars._cs_pos, 1)
                       WHEN _cs_chars._cs_pos = 1
                         OR REGEXP_INSTR(SUBSTRING(:s, _cs_chars._cs_pos - 1, 1), :letter) = 0
                         THEN UPPER(SUBSTRING(:s, _cs_chars._cs_pos, 1))
                       ELSE LOWER(SUBSTRING(:s, _cs_chars._cs_pos, 1)) END
                  ORDER BY _cs_chars._cs_pos SEPARATOR '')
           FROM JSON_TABLE(CONCAT('[', REPEAT('0,', CHAR_LENGTH(:s)), '0]'), '$[*]'
                           COLUMNS (_cs_pos FOR ORDINALITY)) AS _cs_chars)""",
    # Spark: TRANSFORM over the runs (a lambda); upper() kept from turning 'ß' into 'SS'
    "spark": """
        ARRAY_JOIN(
          TRANSFORM(REGEXP_EXTRACT_ALL(:s, :runs, 0),
            _cs_run -> CASE WHEN _cs_run RLIKE :letter
                            THEN CONCAT(:upper_first, LOWER(SUBSTRING(_cs_run, 2)))
                            ELSE _cs_run END),
          '')""",
}


def _title(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    s = eng.binary(a[0]) if eng.name == "mysql" else a[0]
    first = eng.upper(exp.Left(this=exp.column("_cs_run"), expression=num(1)))
    return template(
        _TITLE_TEMPLATES[eng.name], eng.name, s=s, runs=eng.rx(_LETTER_RUNS), letter=eng.rx(_STARTS_WITH_LETTER), upper_first=first
    )


# ---------------------------------------------------------------------------------


def _digits(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    return exp.Nullif(this=eng.replace_all(a[0], "[^0-9]", ""), expression=lit(""))


def _as_int4(e: exp.Expression) -> exp.Expression:
    return e if int_literal(e) is not None else exp.Cast(this=e, to=exp.DataType.build("INT"))


def _clamp1(e: exp.Expression) -> exp.Expression:
    """CASE WHEN e < 1 THEN 1 ELSE e END (NULL stays NULL, unlike GREATEST on PostgreSQL)."""
    v = int_literal(e)
    if v is not None:
        return num(max(v, 1))
    return case((exp.LT(this=paren(e), expression=num(1)), num(1)), default=e.copy())


def _substr(a: list[exp.Expression]) -> exp.Expression:
    # SQL-standard semantics on every engine: characters at positions start .. start+len-1
    # that exist; positions < 1 do not exist (MariaDB/DuckDB would count from the end,
    # PostgreSQL raises on a negative length).
    # (PostgreSQL's substring wants int4 positions; integers may be BIGINT.)
    s, start, *length = [a[0]] + [_as_int4(e) for e in a[1:]]
    first = _clamp1(start)
    if len(a) == 2:
        return exp.Substring(this=s, start=first)
    v_start, v_len = int_literal(start), int_literal(length[0])
    if v_start is not None and v_len is not None:  # the usual case: constants
        count: exp.Expression = num(max(v_start + v_len - max(v_start, 1), 0))
    else:
        end = add(start.copy(), length[0])  # one past the last position
        count = case((exp.LTE(this=end, expression=paren(first)), num(0)), default=exp.Sub(this=end.copy(), expression=paren(first.copy())))
    return exp.Substring(this=s, start=first.copy(), length=count)


def _as_text_for_concat(eng: Engine, e: exp.Expression) -> exp.Expression:
    # Booleans print as true/false everywhere (PostgreSQL's concat() would print t/f,
    # MariaDB has no boolean type).  Other types use the engine's text form, which is
    # the same ISO form for dates, timestamps, integers and decimals.
    if value_type(e) == T.BOOLEAN:
        return case((paren(e), lit("true")), (exp.Not(this=paren(e.copy())), lit("false")))
    return e


def _concat(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    return eng.concat_ws_empty([_as_text_for_concat(eng, e) for e in a])


def _nullif(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    x, y = a
    types = {value_type(x), value_type(y)} - {None}
    # Text (or unknown) compares byte-wise on MariaDB.  PostgreSQL's deterministic
    # collations already compare equal only when the bytes are equal, DuckDB too.
    if eng.name == "mysql" and (not types or types == {T.TEXT}):
        x = eng.binary(x)
    return exp.Nullif(this=x, expression=y)


def _regex_literals(a: Sequence[exp.Expression], fname: str) -> tuple[Regex, Replacement]:
    pattern = literal_arg(a, 1, fname, "pattern")
    replacement = literal_arg(a, 2, fname, "replacement")
    try:
        rx = parse_regex(pattern, allow_empty_match=False)
        repl = parse_replacement(replacement, rx.groups)
    except RegexError as e:
        raise InvalidArgument(f"{fname}(): {e}") from None
    return rx, repl


def _regex_replace(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    rx, repl = _regex_literals(a, "regex_replace")
    return eng.replace_all(a[0], rx, repl.render(eng.name))


def _check_regex_literals(lits: Mapping[int, str]) -> list[str]:
    errors = []
    try:
        rx = parse_regex(lits[1], allow_empty_match=False) if 1 in lits else None
        if rx is not None and 2 in lits:
            parse_replacement(lits[2], rx.groups)
    except RegexError as e:
        errors.append(str(e))
    return errors


register(
    Function(
        "trim",
        (T.TEXT,),
        T.TEXT,
        "Remove leading and trailing spaces: U+0020 only (no-break and other Unicode spaces, tabs and line breaks are kept).",
        {ANY_DIALECT: lambda a: trimmed(a[0])},
        examples=(("trim('  P001 ')", "'P001'"), ("trim('   ')", "''")),
    ),
    Function(
        "upper",
        (T.TEXT,),
        T.TEXT,
        "Upper-case (Unicode).",
        {
            "duckdb": lambda a: ENGINES["duckdb"].upper(a[0]),
            "spark": lambda a: ENGINES["spark"].upper(a[0]),
            ANY_DIALECT: lambda a: exp.Upper(this=a[0]),
        },
        examples=(("upper('müller')", "'MÜLLER'"),),
    ),
    Function(
        "lower",
        (T.TEXT,),
        T.TEXT,
        "Lower-case (Unicode).",
        {ANY_DIALECT: lambda a: exp.Lower(this=a[0])},
        examples=(("lower('ZOË')", "'zoë'"),),
    ),
    Function(
        "title",
        (T.TEXT,),
        T.TEXT,
        "Title case: a letter is upper-cased when it starts the text or follows a "
        "non-letter, otherwise lower-cased; non-letters are unchanged. Letters are Unicode "
        "letters.",
        per_dialect(_title),
        examples=(
            ("title('MÜLLER')", "'Müller'"),
            ("title('o''brien')", "'O''Brien'"),
            ("title('ann-marie')", "'Ann-Marie'"),
            ("title('3rd')", "'3Rd'"),
        ),
    ),
    Function(
        "digits",
        (T.TEXT,),
        T.TEXT,
        "Only the ASCII digits 0-9 of the text; NULL when it has none.",
        per_dialect(_digits),
        examples=(("digits('(555) 123-4567')", "'5551234567'"), ("digits('n/a')", "NULL")),
    ),
    Function(
        "substr",
        (T.TEXT, T.INTEGER, T.INTEGER),
        T.TEXT,
        "Characters from position `start` (1-based), `length` of them or to the end. "
        "Positions before 1 do not exist: substr('hello', 0, 2) is 'h'; a length <= 0 "
        "gives ''.",
        {ANY_DIALECT: _substr},
        min_args=2,
        examples=(("substr('hello', 2, 3)", "'ell'"), ("substr('hello', 3)", "'llo'")),
    ),
    Function(
        "concat",
        (T.ANY,),
        T.TEXT,
        "Concatenate the values as text; NULLs count as empty (all NULL gives '').",
        per_dialect(_concat),
        variadic=T.ANY,
        examples=(("concat('a', NULL, 'b')", "'ab'"), ("concat('v', 2)", "'v2'")),
    ),
    Function(
        "coalesce",
        (T.ANY, T.ANY),
        "arg0",
        "The first argument that is not NULL.",
        {ANY_DIALECT: lambda a: exp.Coalesce(this=a[0], expressions=a[1:])},
        variadic=T.ANY,
        examples=(("coalesce(NULL, 'x')", "'x'"),),
    ),
    Function(
        "nullif",
        (T.ANY, T.ANY),
        "arg0",
        "NULL when both arguments are equal (text compared byte-wise: case and trailing spaces matter), else the first.",
        per_dialect(_nullif),
        examples=(("nullif('N/A', 'N/A')", "NULL"), ("nullif('n/a', 'N/A')", "'n/a'")),
    ),
    Function(
        "replace",
        (T.TEXT, T.TEXT, T.TEXT),
        T.TEXT,
        "Replace every occurrence of a substring (case-sensitive); an empty search string changes nothing.",
        {ANY_DIALECT: lambda a: exp.Anonymous(this="REPLACE", expressions=a)},
        examples=(("replace('a-b-c', '-', '')", "'abc'"),),
    ),
    Function(
        "regex_replace",
        (T.TEXT, T.TEXT, T.TEXT),
        T.TEXT,
        "Replace every match of a pattern (portable regex subset, see below); the "
        "replacement may use \\1-\\9. Pattern and replacement must be string literals.",
        per_dialect(_regex_replace),
        literal_params=(1, 2),
        check_literals=_check_regex_literals,
        examples=(
            ("regex_replace('a1b22', '[0-9]+', '#')", "'a#b#'"),
            ("regex_replace('Lee, Ann', '^(\\pL+), (\\pL+)$', '\\2 \\1')", "'Ann Lee'"),
        ),
    ),
    Function(
        "length",
        (T.TEXT,),
        T.INTEGER,
        "Number of characters (Unicode code points).",
        {ANY_DIALECT: lambda a: exp.Length(this=a[0])},
        examples=(("length('Zoë')", "3"),),
    ),
)
