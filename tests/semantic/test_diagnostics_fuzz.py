"""Robustness of `chartshift check` against malformed specs.

A deterministic mutation corpus (several hundred mutants of the demo spec and two small
specs) and a hypothesis test over the language's token alphabet.  For every input:
no exception escapes `compiler.cli.main.main`, the exit code is 0 or 2, and a failure prints
at least one positioned diagnostic (`file:line:col: error: ...`) and never a traceback.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = (ROOT / "specs" / "demo_clinic.mig").read_text(encoding="utf-8")

SMALL_MAP = """\
# a small spec: one source, one target, one lookup, one map, a few checks
migration "small" {
  description "small spec for the fuzzer"
  dialect duckdb
}

source legacy csv "data" {
  encoding "latin-1"
  table people "PEOPLE.csv" key pid {
    pid    integer
    name   text phi
    born   date
    kind   text
    parent integer references people.pid
  }
}

target app {
  table person key id {
    id        bigint not null
    full_name varchar(40) not null
    born      date
    kind      varchar(8) not null in ("adult", "child")
    score     decimal(5, 2) check (score between 0 and 100)
  }
}

lookup kind_of {
  "A", 'ADULT' -> "adult"
  "C"          -> "child"
  else         -> "adult"
}

map legacy.people -> app.person {
  where pid is not null and not (kind in ("X", "Y"))
  id        = crosswalk(pid)
  full_name = upper(trim(name)) || "!"
  born      = born
  kind      = kind_of(upper(kind))
  score     = case when pid % 2 = 0 then 1.5 * pid / 3 else -2 end
  reject "no name" when full_name is null or people.name like "%?%"
  dedup on (upper(trim(people.name)), born) keep last by pid desc, born
}

validate {
  completeness app.person.born  fail below 95%  warn below 99.5%
  unique       app.person.full_name  warn above 0
  valid        app.person.kind in ("adult", "child")
  valid        app.person.score between 0 and 100  fail above 1%
  reconcile    count(app.person) = count(legacy.people where pid is not null)  warn above 5%
  reject_rate  legacy.people  fail above 2%
}
"""

SMALL_EACH = """\
source old csv "in" {
  delimiter ";"
  quote "'"
  table visits "V.csv" key (vid, site) {
    header false
    vid  integer
    site text
    c1 text
    u1 integer
    c2 text
    u2 integer
  }
  table sites "S.csv" key code { code text  label text }
}
target new {
  table site key id { id bigint not null  label varchar(30) }
  table line key id {
    id      bigint not null
    site_id bigint references site.id
    pos     smallint not null check (pos >= 1)
    code    char(5) not null unique
    units   integer check (units between 1 and 8)
    label   text
  }
}
map old.sites -> new.site { id = crosswalk(code)  label = trim(label) }
map old.visits -> new.line
  each (code, units) in [(c1, u1), (c2, u2)] when code is not null
{
  join old.sites as s on s.code = site
  id      = crosswalk(vid, site, each_index)
  site_id = new.site.crosswalk(site)
  pos     = each_index
  code    = upper(trim(code))
  units   = units
  label   = s.label
  reject "unknown site" when site_id is null
}
validate {
  references new.line.site_id
  consistent new.line (units is null or units > 0)  fail below 99%
  reconcile  sum(new.line.units) <= sum(old.visits: coalesce(u1, 0) + u2)
}
"""

CORPUS = [("demo", DEMO), ("small_map", SMALL_MAP), ("small_each", SMALL_EACH)]

KEYWORDS = [
    "migration",
    "source",
    "target",
    "table",
    "key",
    "lookup",
    "from",
    "map",
    "each",
    "in",
    "when",
    "join",
    "as",
    "on",
    "where",
    "dedup",
    "keep",
    "by",
    "reject",
    "validate",
    "completeness",
    "unique",
    "valid",
    "matches",
    "between",
    "references",
    "consistent",
    "reconcile",
    "reject_rate",
    "warn",
    "fail",
    "above",
    "below",
    "not",
    "null",
    "phi",
    "check",
    "case",
    "then",
    "else",
    "end",
    "and",
    "or",
    "is",
    "like",
    "true",
    "false",
    "asc",
    "desc",
    "crosswalk",
    "each_index",
    "test",
    "given",
    "expect",
    "rejects",
    "pass",
    "not_applicable",
]
PUNCT = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ":",
    "->",
    "=",
    "<>",
    "!=",
    "<=",
    ">=",
    "<",
    ">",
    "+",
    "-",
    "*",
    "/",
    "%",
    "||",
    "|",
    "#",
    "`",
    '"',
    "'",
    ";",
    "@",
    "$",
    "\\",
    "\t",
    "\n",
]
TOKEN = re.compile(
    r'"(?:\\.|[^"\\\n])*"|\'(?:\'\'|[^\'\n])*\'|`[^`\n]*`|[A-Za-z_][A-Za-z0-9_]*'
    r"|[0-9]+(?:\.[0-9]+)?|->|<>|!=|<=|>=|\|\||#[^\n]*|\S"
)
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def misspell(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    how = rng.randrange(4)
    if how == 0 and len(word) > 1:
        return word[:i] + word[i + 1 :]  # drop a letter
    if how == 1:
        return word[:i] + word[i] + word[i:]  # double a letter
    if how == 2 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swap two letters
    return word[:i] + rng.choice("aeiouxz") + word[i + 1 :]  # change a letter


# Each mutator: (text, rng) -> bytes written to the spec file.
def m_delete_token(text, rng):
    a, b = rng.choice(tokens(text))
    return (text[:a] + text[b:]).encode()


def m_delete_line(text, rng):
    lines = text.split("\n")
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines).encode()


def m_delete_char(text, rng):
    i = rng.randrange(len(text))
    return (text[:i] + text[i + 1 :]).encode()


def m_duplicate_line(text, rng):
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return "\n".join(lines).encode()


def m_swap_tokens(text, rng):
    toks = tokens(text)
    (a1, b1), (a2, b2) = sorted(rng.sample(toks, 2))
    return (text[:a1] + text[a2:b2] + text[b1:a2] + text[a1:b1] + text[b2:]).encode()


def m_swap_adjacent_tokens(text, rng):
    toks = tokens(text)
    i = rng.randrange(len(toks) - 1)
    (a1, b1), (a2, b2) = toks[i], toks[i + 1]
    return (text[:a1] + text[a2:b2] + text[b1:a2] + text[a1:b1] + text[b2:]).encode()


def m_insert_keyword(text, rng):
    a, _ = rng.choice(tokens(text))
    return (text[:a] + rng.choice(KEYWORDS) + " " + text[a:]).encode()


def m_replace_with_keyword(text, rng):
    a, b = rng.choice(tokens(text))
    return (text[:a] + rng.choice(KEYWORDS) + text[b:]).encode()


def m_insert_punct(text, rng):
    i = rng.randrange(len(text) + 1)
    return (text[:i] + rng.choice(PUNCT) + text[i:]).encode()


def m_truncate(text, rng):
    return text[: rng.randrange(len(text))].encode()


def m_misspell_name(text, rng):
    names = [m.span() for m in NAME.finditer(text)]
    a, b = rng.choice(names)
    return (text[:a] + misspell(rng, text[a:b]) + text[b:]).encode()


def m_bad_bytes(text, rng):
    raw = text.encode()
    i = rng.randrange(len(raw) + 1)
    junk = rng.choice([b"\xff", b"\xc3\x28", b"\x80\x80", b"\xe2\x82", b"\xfe\xff\x00", b"\xed\xa0\x80"])
    return raw[:i] + junk + raw[i:]


def m_nul(text, rng):
    raw = text.encode()
    i = rng.randrange(len(raw) + 1)
    return raw[:i] + b"\x00" * rng.randint(1, 3) + raw[i:]


def m_odd_whitespace(text, rng):
    i = rng.randrange(len(text) + 1)
    return (text[:i] + rng.choice(["\r", "\x0c", "\x0b", "\u2028", "\u00a0", "\ufeff", "\x1c", "\r\n"]) + text[i:]).encode()


def m_empty(text, rng):
    return rng.choice([b"", b"\n", b"   \n\n", b"# only a comment", b"\xef\xbb\xbf"])


def m_huge_line(text, rng):
    lines = text.split("\n")
    i = rng.randrange(len(lines) + 1)
    filler = rng.choice(
        [
            "x" * 50_000,  # one enormous name
            "9" * 6_000,  # an integer too long for int()
            '"' + "s" * 50_000 + '"',  # an enormous string
            "a = " + " + ".join(["b"] * 3_000),  # a long expression
            "(" * 500 + "1" + ")" * 500,  # deep nesting
            "# " + "c" * 100_000,  # a huge comment
        ]
    )
    lines.insert(i, filler)
    return "\n".join(lines).encode()


def m_replace_number(text, rng):
    nums = [m.span() for m in re.finditer(r"\b[0-9]+(?:\.[0-9]+)?\b", text)]
    if not nums:
        return m_insert_keyword(text, rng)
    a, b = rng.choice(nums)
    new = rng.choice(["0", "-1", "1e5", "99999999999999999999999", "0.0", "101", "007", "1.2.3", "5" * 5000])
    return (text[:a] + new + text[b:]).encode()


def m_replace_string(text, rng):
    strs = [m.span() for m in re.finditer(r'"(?:\\.|[^"\\\n])*"', text)]
    a, b = rng.choice(strs)
    new = rng.choice(['""', '"\\"', '"\\q"', "''", "'it''s'", '"a\\nb"', '"\x00"', '"../../etc"', '"%"', '"é"'])
    return (text[:a] + new + text[b:]).encode()


def m_multi(text, rng):
    """Two or three cheap mutations at once (several broken blocks)."""
    cheap = [m_delete_token, m_insert_punct, m_misspell_name, m_swap_adjacent_tokens, m_replace_with_keyword]
    for _ in range(rng.randint(2, 3)):
        text = rng.choice(cheap)(text, rng).decode()
    return text.encode()


MUTATORS = [
    m_delete_token,
    m_delete_line,
    m_delete_char,
    m_duplicate_line,
    m_swap_tokens,
    m_swap_adjacent_tokens,
    m_insert_keyword,
    m_replace_with_keyword,
    m_insert_punct,
    m_truncate,
    m_misspell_name,
    m_bad_bytes,
    m_nul,
    m_odd_whitespace,
    m_empty,
    m_huge_line,
    m_replace_number,
    m_replace_string,
    m_multi,
]
MUTANTS_PER_MUTATOR = 24  # 19 mutators x 24 = 456 mutants


def mutant(index: int) -> tuple[str, bytes]:
    """The index-th mutant: deterministic (seeded by its index)."""
    rng = random.Random(index)
    mutator = MUTATORS[index % len(MUTATORS)]
    # the demo spec for two mutants in three, the small specs for the rest
    name, text = CORPUS[0] if index % 3 else CORPUS[1 + (index // 3) % 2]
    return f"{mutator.__name__}_{name}_{index}", mutator(text, rng)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "specs" / "lookups", d / "lookups")  # the demo's lookup file
    return d


def run_check(path: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", str(path)])  # an escaping exception fails the test by itself
    return code, capsys.readouterr().err


def assert_well_behaved(path: Path, code: int, err: str) -> None:
    assert code in (0, 2), f"{path.name}: exit {code}\n{err[:2000]}"
    assert "Traceback" not in err, err[:2000]
    assert "internal error" not in err, err[:2000]
    if code == 2:
        positioned = re.compile(rf"^{re.escape(str(path))}:\d+:\d+: error: ", re.M)
        assert positioned.search(err), f"{path.name}: no positioned error\n{err[:2000]}"


def test_unmutated_corpus_is_well_behaved(workdir, capsys):
    for name, text in CORPUS:
        path = workdir / f"{name}.mig"
        path.write_text(text, encoding="utf-8")
        code, err = run_check(path, capsys)
        assert_well_behaved(path, code, err)


def test_small_specs_are_valid(workdir, capsys):
    """The small specs only use functions that exist from the start (trim, upper ...)."""
    for name, text in CORPUS[1:]:
        path = workdir / f"{name}.mig"
        path.write_text(text, encoding="utf-8")
        code, err = run_check(path, capsys)
        unknown_fn = [l for l in err.splitlines() if "unknown function or lookup" in l]
        other = [l for l in err.splitlines() if ": error: " in l and l not in unknown_fn]
        assert not other, err


def test_mutation_corpus(workdir, capsys):
    n = len(MUTATORS) * MUTANTS_PER_MUTATOR
    assert n >= 400
    outcomes = {0: 0, 2: 0}
    for i in range(n):
        name, data = mutant(i)
        path = workdir / f"{name}.mig"
        path.write_bytes(data)
        code, err = run_check(path, capsys)
        assert_well_behaved(path, code, err)
        outcomes[code] += 1
        path.unlink()
    # the corpus exercises both outcomes (not all mutants break the spec)
    assert outcomes[2] > n // 2


def test_mutants_are_deterministic():
    assert [mutant(i) for i in range(40)] == [mutant(i) for i in range(40)]


# ------------------------------------------------------------------ hypothesis

ALPHABET = (
    KEYWORDS
    + [p for p in PUNCT if p not in ('"', "'", "`", "#")]
    + [
        "legacy",
        "emr",
        "patients",
        "patient",
        "pat_no",
        "id",
        "x",
        "y",
        "text",
        "integer",
        "bigint",
        "varchar",
        "date",
        "decimal",
        "csv",
        "upper",
        "trim",
        "first",
        "last",
        "sum",
        "count",
        "0",
        "1",
        "42",
        "2.5",
        "100",
        '"a"',
        '"%Y"',
        "'b'",
        '""',
        "`quoted name`",
        "# comment\n",
        "\n",
        "2024-01-31",
        "2024-02-30",
    ]
)
OPENERS = [
    "",
    "map legacy.patients -> emr.patient {",
    "validate {",
    "target emr { table patient key id {",
    'source legacy csv "d" { table patients "P.csv" {',
    "lookup l {",
    'migration "m" {',
    "map legacy.patients -> emr.patient { id = ",
    "map legacy.patients -> emr.patient { where ",
    'test "t" {',
    'test "t" { given legacy.patients {',
    'test "t" { expect rejects legacy.patients -> emr.patient {',
]
BASE = """\
source legacy csv "d" { table patients "P.csv" key pat_no { pat_no text  name text } }
target emr { table patient key id { id bigint not null  name varchar(9) } }
"""


@settings(max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    opener=st.sampled_from(OPENERS),
    body=st.lists(st.sampled_from(ALPHABET), max_size=40),
    closers=st.integers(min_value=0, max_value=3),
    with_base=st.booleans(),
)
def test_random_token_soup(tmp_path_factory, capsys, opener, body, closers, with_base):
    text = (BASE if with_base else "") + opener + " " + " ".join(body) + " }" * closers + "\n"
    path = tmp_path_factory.getbasetemp() / "soup.mig"
    path.write_text(text, encoding="utf-8")
    code, err = run_check(path, capsys)
    assert_well_behaved(path, code, err)
