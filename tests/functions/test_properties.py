"""Property tests (hypothesis): the engines agree with small Python references."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.functions.regex import RegexError, parse_regex

from .harness import select_sql

# `runner` is a per-test parametrised fixture around session-wide connections.
ENGINE_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _single(mapped: str, ch: str) -> str:
    return mapped if len(mapped) == 1 else ch  # SQL engines map one character to one ('ß')


def title_reference(s: str) -> str:
    out, prev_letter = [], False
    for ch in s:
        if ch.isalpha():
            out.append(_single(ch.lower(), ch) if prev_letter else _single(ch.upper(), ch))
            prev_letter = True
        else:
            out.append(ch)
            prev_letter = False
    return "".join(out)


ascii_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ '-.,0123456789", max_size=30)


@settings(max_examples=100, deadline=None)
@given(ascii_names)
def test_title_matches_reference_on_duckdb(duckdb_runner, s):
    assert duckdb_runner.value(select_sql("title", [s], "duckdb")) == title_reference(s)


@ENGINE_SETTINGS
@given(st.text(alphabet="aäbcçdeéëfgłmnoöpßsšuüzAÄBCÇDEÉËŁMNOÖSŠUÜZ '’-", max_size=20))
def test_title_matches_reference_everywhere(runner, s):
    assert runner.value(select_sql("title", [s], runner.dialect)) == title_reference(s)


digits3 = st.integers(0, 999).map(lambda n: f"{n:03d}")
nanp = st.tuples(st.integers(2, 9), st.integers(0, 99), st.integers(2, 9), st.integers(0, 99), st.integers(0, 9999)).map(
    lambda t: (f"{t[0]}{t[1]:02d}", f"{t[2]}{t[3]:02d}", f"{t[4]:04d}")
)
SHAPES = (
    "({a}) {e}-{l}",
    "{a}-{e}-{l}",
    "{a}.{e}.{l}",
    "+1 {a} {e} {l}",
    "1{a}{e}{l}",
)
extensions = st.sampled_from(["", " x12", " ext. 3", "#45", " EXT 9"])


@ENGINE_SETTINGS
@given(nanp, st.sampled_from(SHAPES), extensions)
def test_us_phone_any_shape(runner, number, shape, ext):
    a, e, line = number
    text = shape.format(a=a, e=e, l=line) + ext
    assert runner.value(select_sql("us_phone", [text], runner.dialect)) == a + e + line


DATE_FORMATS = {
    "%m/%d/%Y": lambda x: f"{x.month}/{x.day}/{x.year}",
    "%Y-%m-%d": lambda x: x.isoformat(),
    "%d-%b-%y": lambda x: x.strftime("%d-%b-%y").upper(),
    "%B %d, %Y": lambda x: x.strftime("%B %d, %Y"),
    "%Y%m%d": lambda x: x.strftime("%Y%m%d"),
}


@ENGINE_SETTINGS
@given(st.dates(dt.date(1969, 1, 1), dt.date(2068, 12, 31)), st.sampled_from(sorted(DATE_FORMATS)))
def test_parse_date_round_trip(runner, day, fmt):
    text = DATE_FORMATS[fmt](day)
    assert runner.value(select_sql("parse_date", [text, fmt], runner.dialect)) == day


def npi_reference(s: str) -> bool:
    if len(s) != 10 or not s.isdigit() or s[0] not in "12":
        return False
    total = 24
    for i, ch in enumerate(s[:9]):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return (total + int(s[9])) % 10 == 0


@ENGINE_SETTINGS
@given(st.one_of(st.from_regex(r"\A[12][0-9]{9}\Z"), st.text(alphabet="0123456789", max_size=11)))
def test_npi_valid_matches_luhn_reference(runner, s):
    assert bool(runner.value(select_sql("npi_valid", [s], runner.dialect))) is npi_reference(s)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab()[]{}|*+?.^$\\-,0123dDsSwWpLnt:é", max_size=12))
def test_regex_parser_accepts_or_explains(text):
    try:
        rx = parse_regex(text)
    except RegexError as e:
        assert "regular expression" in str(e)
    else:
        for dialect in ("duckdb", "postgres", "mysql"):
            assert isinstance(rx.render(dialect), str)


def parse_date_reference(text: str, fmt: str) -> dt.date | None:
    """parse_date's documented rules for the numeric formats below: the input trimmed of
    spaces, %m/%d 1-2 digits, %Y 4 digits, %y 2 digits pivoting at 69, a real date."""
    import re

    pattern = {
        "%m/%d/%Y": r"(\d{1,2})/(\d{1,2})/(\d{4})",
        "%Y-%m-%d": r"(\d{4})-(\d{1,2})-(\d{1,2})",
        "%m/%d/%y": r"(\d{1,2})/(\d{1,2})/(\d{2})",
        "%Y%m%d": r"(\d{4})(\d{2})(\d{1,2})",
    }[fmt]
    m = re.fullmatch(pattern, text.strip(" "), flags=re.ASCII)
    if not m:
        return None
    a, b, c = (int(g) for g in m.groups())
    y, mo, d = (c, a, b) if fmt.startswith("%m") else (a, b, c)
    if fmt.endswith("%y"):
        y += 2000 if y < 69 else 1900
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


near_dates = st.text(alphabet="0123456789/- \t", min_size=0, max_size=11)


@ENGINE_SETTINGS
@given(
    st.one_of(near_dates, st.from_regex(r"\A ?[0-9]{1,3}/[0-9]{1,3}/[0-9]{1,5} ?\Z")),
    st.sampled_from(["%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%Y%m%d"]),
)
def test_parse_date_matches_reference(runner, text, fmt):
    got = runner.value(select_sql("parse_date", [text, fmt], runner.dialect))
    assert got == parse_date_reference(text, fmt), (text, fmt)
