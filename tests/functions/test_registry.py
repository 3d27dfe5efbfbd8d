"""The registry contract, compile-time argument checks, the regex subset and the docs."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from sqlglot import ErrorLevel, exp
from sqlglot.errors import UnsupportedError

from compiler.functions import (
    ANY_DIALECT,
    DIALECTS,
    REGISTRY,
    Function,
    FunctionNotAvailable,
    lower_call,
)
from compiler.functions.codes import STATES, state_key
from compiler.functions.dates import FormatError, parse_format
from compiler.functions.regex import RegexError, parse_regex, parse_replacement
from compiler.functions.sqlkit import InvalidArgument, binary_text, regex_matches
from compiler.ir import types as T

from .harness import render, select_sql

DOCS = Path(__file__).resolve().parents[2] / "docs" / "FUNCTIONS.md"

# valid literal arguments for functions that need them
SAMPLE_LITERALS = {
    "parse_date": ["%m/%d/%Y", "%d-%b-%y"],
    "parse_timestamp": ["%Y-%m-%d %H:%M:%S", "%m/%d/%Y %I:%M %p"],
    "regex_replace": ["([0-9]+)", "<\\1>"],
}


def sample_args(fn: Function) -> list[exp.Expression]:
    lo, hi = fn.arity
    n = hi if hi is not None else lo + 1
    literals = iter(SAMPLE_LITERALS.get(fn.name, []))
    args = []
    for i in range(n):
        if fn.is_literal_param(i):
            args.append(exp.Literal.string(next(literals)))
        elif fn.param_type(i) == T.INTEGER:
            args.append(exp.Literal.number(2))
        else:
            args.append(exp.column(f"c{i}", table="src"))
    return args


def test_library_has_the_requested_functions():
    wanted = {
        "trim",
        "upper",
        "lower",
        "title",
        "digits",
        "substr",
        "concat",
        "coalesce",
        "nullif",
        "replace",
        "regex_replace",
        "length",
        "parse_date",
        "parse_timestamp",
        "year",
        "parse_decimal",
        "parse_money",
        "parse_integer",
        "round",
        "us_phone",
        "us_zip",
        "us_state",
        "icd10",
        "npi_valid",
        "us_ssn",
        "month",
        "day",
        "add_days",
        "add_months",
        "add_years",
        "days_between",
        "months_between",
        "years_between",
        "age_at",
        "md5",
        "hash",
    }
    assert wanted <= set(REGISTRY)
    assert "today" not in REGISTRY  # non-deterministic: deliberately absent


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_function_lowers_and_renders_for_every_dialect(name):
    fn = REGISTRY[name]
    for dialect in DIALECTS:
        assert fn.lowering_for(dialect) is not None, (name, dialect)
        sql = render(lower_call(name, sample_args(fn), dialect), dialect)
        assert sql


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_other_dialects_fail_loudly(name):
    """T-SQL is not a target: a function either has no lowering for it
    (FunctionNotAvailable) or its shared lowering renders, or sqlglot refuses."""
    fn = REGISTRY[name]
    try:
        tree = lower_call(name, sample_args(fn), "tsql")
    except FunctionNotAvailable as e:
        assert e.name == name and e.dialect == "tsql"
        assert ANY_DIALECT not in fn.lowerings
        return
    try:
        tree.sql(dialect="tsql", unsupported_level=ErrorLevel.RAISE)
    except UnsupportedError:
        pass


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_memoised_lowering_equals_a_fresh_one(name):
    """lower_call lowers once per argument shape and fills in the arguments later: the
    result is the tree the lowering itself builds, for columns, calls and typed args."""
    fn = REGISTRY[name]
    shapes = [
        lambda a: a,  # columns
        lambda a: [exp.Trim(this=x) if isinstance(x, exp.Column) else x for x in a],  # calls
        lambda a: [exp.column(f"other{i}") if isinstance(x, exp.Column) else x for i, x in enumerate(a)],
    ]
    for dialect in DIALECTS:
        impl = fn.lowering_for(dialect)
        for shape in shapes:
            for types in (None, [T.TEXT if isinstance(a, exp.Column) else T.ANY for a in sample_args(fn)]):
                fresh_args = shape(sample_args(fn))
                if types is not None:
                    for a, t in zip(fresh_args, types):
                        if t != T.ANY:
                            a.meta["chartshift_value_type"] = t
                fresh = impl(fresh_args)
                for _ in range(2):  # the first call fills the memo, the second uses it
                    got = lower_call(name, shape(sample_args(fn)), dialect, arg_types=types)
                    assert render(got, dialect) == render(fresh, dialect), (name, dialect)
                    assert not any(isinstance(c, exp.Column) and c.name.startswith("__cs_lowering_arg_") for c in got.walk())


def test_missing_dialect_raises_function_not_available():
    fn = Function("only_duckdb", (T.TEXT,), T.TEXT, "test only", {"duckdb": lambda a: exp.Upper(this=a[0])})
    REGISTRY[fn.name] = fn
    try:
        assert lower_call("only_duckdb", [exp.column("x")], "duckdb").sql("duckdb") == "UPPER(x)"
        with pytest.raises(FunctionNotAvailable, match="only_duckdb.*postgres"):
            lower_call("only_duckdb", [exp.column("x")], "postgres")
    finally:
        del REGISTRY[fn.name]


def test_literal_positions():
    assert REGISTRY["parse_date"].is_literal_param(1)
    assert REGISTRY["parse_date"].is_literal_param(5)  # every extra format
    assert not REGISTRY["parse_date"].is_literal_param(0)
    assert REGISTRY["regex_replace"].literal_params == (1, 2)
    assert REGISTRY["parse_date"].arity == (2, None)
    assert REGISTRY["substr"].arity == (2, 3)
    assert REGISTRY["concat"].arity == (1, None)


@pytest.mark.parametrize(
    "name, args, message",
    [
        ("regex_replace", [exp.column("x"), exp.column("p"), exp.Literal.string("")], "pattern must be a string literal"),
        ("regex_replace", [exp.column("x"), exp.Literal.string("a(?=b)"), exp.Literal.string("")], "only (?: ) groups are portable"),
        ("regex_replace", [exp.column("x"), exp.Literal.string("x*"), exp.Literal.string("-")], "can match the empty string"),
        (
            "regex_replace",
            [exp.column("x"), exp.Literal.string("(a)"), exp.Literal.string("\\2")],
            "refers to a group the pattern does not have",
        ),
        ("parse_date", [exp.column("x"), exp.Literal.string("%d.%m.%Q")], "unsupported directive %Q"),
        ("parse_date", [exp.column("x"), exp.column("fmt")], "must be a string literal"),
        ("parse_date", [exp.column("x"), exp.Literal.string("%m/%d/%Y %I:%M")], "%I and %p go together"),
        ("round", [exp.column("x"), exp.column("n")], "integer constant"),
    ],
)
def test_bad_literal_arguments_are_compile_errors(name, args, message):
    for dialect in DIALECTS:
        with pytest.raises(InvalidArgument, match=re.escape(message)):
            lower_call(name, args, dialect)


def test_check_literals_reports_for_the_checker():
    assert REGISTRY["parse_date"].check_literals({1: "%m/%d/%Y", 2: "%d-%b-%y"}) == []
    errors = REGISTRY["parse_date"].check_literals({1: "%m/%d/%Y", 2: "%q"})
    assert len(errors) == 1 and "%q" in errors[0]
    assert REGISTRY["regex_replace"].check_literals({1: "[0-9]+", 2: "#"}) == []
    assert "backreferences" in REGISTRY["regex_replace"].check_literals({1: "(a)\\1", 2: ""})[0]


# functions whose result is not NULL for a NULL argument: concat treats it as '', hash
# encodes it as '-' (docs/FUNCTIONS.md)
NOT_NULL_FOR_NULL = {"concat": "", "hash": hashlib.md5(b"-").hexdigest()}


def test_untyped_null_arguments(runner):
    """A bare NULL (as in `title(null)`) must not make the engine's overloads ambiguous."""
    for name, fn in sorted(REGISTRY.items()):
        args = [
            a if fn.is_literal_param(i) or fn.param_type(i) == T.INTEGER else exp.Null()
            for i, a in enumerate(sample_args(fn)[: fn.arity[0]])
        ]
        value = runner.value("SELECT " + render(lower_call(name, args, runner.dialect), runner.dialect))
        assert value == NOT_NULL_FOR_NULL.get(name), name


# ---- the regex subset --------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("\\bword", "word boundaries"),
        ("(a)\\1", "backreferences"),
        ("a*?", "lazy, possessive or stacked"),
        ("a++", "lazy, possessive or stacked"),
        ("(?i)abc", "only (?: ) groups"),
        ("(?<n>a)", "only (?: ) groups"),
        ("[[:alpha:]]", "POSIX classes are not portable"),
        ("\\p{Lu}", "only \\pL / \\PL"),
        ("a{300}", "above 255"),
        ("a{2,1}", "bad repetition"),
        ("(ab", "unbalanced '('"),
        ("ab)", "unbalanced ')'"),
        ("*a", "nothing to repeat"),
        ("a]", "write a literal ']'"),
        ("[^\\PL]", "\\PL is not portable inside"),
        ("\\q", "non-portable escape"),
        ("a\\", "ends with a backslash"),
    ],
)
def test_regex_subset_rejects(pattern, message):
    with pytest.raises(RegexError, match=re.escape(message)):
        parse_regex(pattern)


def test_regex_rendering_per_engine():
    rx = parse_regex("^(\\pL+)\\s\\d.[\\pL\\-]$")
    assert rx.render("duckdb") == "(?s)^(\\pL+)[ \\t\\n\\r\\f][0-9].[\\pL\\-]$"
    assert rx.render("postgres") == "^([[:alpha:]]+)[ \\t\\n\\r\\f][0-9].[[:alpha:]\\-]$"
    assert rx.render("mysql") == "(?s)^(\\pL+)[ \\t\\n\\r\\f][0-9].[\\pL\\-]\\z"
    assert rx.groups == 1 and not rx.matches_empty


def test_replacement_validation():
    assert parse_replacement("\\2 \\1 \\\\", 2).max_group == 2
    with pytest.raises(RegexError, match="only \\\\1-\\\\9"):
        parse_replacement("\\0", 1)
    with pytest.raises(RegexError, match="ends with a backslash"):
        parse_replacement("a\\", 0)


def test_public_helpers_for_other_passes(runner):
    """binary_text / regex_matches are what `valid ... matches` and dedup keys use."""
    d = runner.dialect
    same = exp.EQ(this=binary_text(exp.Literal.string("P001"), d), expression=exp.Literal.string("p001 "))
    assert not runner.value("SELECT " + render(same, d))
    match = regex_matches(exp.Literal.string("abc"), "^[A-Z]+$", d)
    assert not runner.value("SELECT " + render(match, d))
    match = regex_matches(exp.Literal.string("97110"), "^([0-9]{5}|[A-Z][0-9]{4})$", d)
    assert runner.value("SELECT " + render(match, d))


# ---- formats -----------------------------------------------------------------------


def test_format_translation():
    f = parse_format("%m/%d/%Y")
    assert f.pattern == "([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4})"
    assert parse_format("%Y%m%d").pattern == "([0-9]{4})([0-9]{2})([0-9]{1,2})"
    assert parse_format("%d-%b-%yT").pattern == "([0-9]{1,2})\\-([A-Za-z]{3})\\-([0-9]{2})[Tt]"
    with pytest.raises(FormatError, match="two year directives"):
        parse_format("%Y %y")
    with pytest.raises(FormatError, match="no date directive"):
        parse_format("%H:%M")
    with pytest.raises(FormatError, match="lone '%'"):
        parse_format("%Y%")


@pytest.mark.parametrize("fmt", ["%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y", "%Y%m%d", "%Y-%m-%d %H:%M:%S.%f", "%m/%d/%Y %I:%M %p", "%B %d, %Y"])
def test_postgres_dates_capture_nothing(fmt):
    """PostgreSQL's regex engine is slow at capturing: its lowering cuts fields out with
    string functions (formats whose layout allows; see dates.postgres._layout)."""
    sql = select_sql("parse_timestamp", ["x", fmt], "postgres")
    assert "REGEXP_REPLACE" not in sql and "SUBSTRING(" not in sql
    if " " not in fmt and "%B" not in fmt and "%b" not in fmt:
        assert " ~ " not in sql  # the skeleton test replaces the shape regex too


def test_postgres_dates_keep_portable_lowering_for_expensive_input():
    """An input with a regex in it is not repeated once per field."""
    inner = exp.Anonymous(this="REGEXP_REPLACE", expressions=[exp.column("x"), exp.Literal.string("a")])
    sql = render(lower_call("parse_date", [inner, exp.Literal.string("%m/%d/%Y")], "postgres"), "postgres")
    assert sql.count("REGEXP_REPLACE") == 2  # the input once, the capturing replace once


# ---- us_state: every spelling on every engine ----------------------------------------


def test_state_keys_are_unambiguous():
    codes = {code for code, _, _ in STATES}
    assert len(codes) == 52
    assert state_key("N. J.") == "NJ" and state_key("New Jersey") == "NEWJERSEY"


def test_us_state_every_spelling(runner):
    spellings = [(s, code) for code, name, others in STATES for s in (code, code.lower(), name, name.upper(), *others)]
    rows = [exp.select(exp.Literal.number(i).as_("k"), exp.Literal.string(s).as_("v")) for i, (s, _) in enumerate(spellings)]
    table = rows[0]
    for row in rows[1:]:
        table = exp.Union(this=table, expression=row, distinct=False)
    call = lower_call("us_state", [exp.column("v", table="sp")], runner.dialect)
    query = exp.select(exp.column("k", table="sp"), call).from_(table.subquery("sp"))
    got = dict(runner.execute(render(query, runner.dialect)))
    assert [got[i] for i in range(len(spellings))] == [code for _, code in spellings]


# ---- environment requirement ------------------------------------------------------------


def test_postgres_ctype_is_unicode_aware(postgres_runner):
    """upper/lower/title on PostgreSQL follow the database's LC_CTYPE; with C/POSIX they
    would only change ASCII letters."""
    ctype = postgres_runner.value("SHOW lc_ctype")
    assert ctype not in ("C", "POSIX"), f"PostgreSQL database LC_CTYPE is {ctype}"
    assert postgres_runner.value(select_sql("upper", ["é"], "postgres")) == "É"


# ---- docs -----------------------------------------------------------------------------


def test_every_function_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [n for n in REGISTRY if not re.search(rf"^## `?{n}\(", text, re.M)]
    assert not missing, f"docs/FUNCTIONS.md lacks sections for {missing}"
