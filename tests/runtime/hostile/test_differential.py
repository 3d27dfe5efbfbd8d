"""The hostile-input differential suite (issue 14 item 8): every corpus case through
`hostile.mig` on DuckDB, PostgreSQL and MariaDB.  No run aborts; each engine's accounting,
reason codes and loaded values are the case's; the servers agree with DuckDB row for row;
every reject carries its position and code; the report shows no row content.

What fails today is listed in KNOWN, each with the issue-14 bug it is; the markers are
strict, so a fix fails the suite until its entries are removed.
"""

from __future__ import annotations

import pytest

from tests.runtime.hostile.corpus import BY_NAME, CASES, FILE, MAP_CODES, PARSE_CODES
from tests.runtime.hostile.harness import ENGINES, contract_positions, leaked_fields, unmasked_sample_values

SERVERS = tuple(e for e in ENGINES if e != "duckdb")

TESTS = ("no_abort", "accounting", "values", "same_as_duckdb", "reject_contract", "no_row_content")
ALL = "*"

# What fails today, bug by bug: (reason, tests, cases, engines).  Servers stage the file
# DuckDB normalised, so a DuckDB parser bug shows on every engine.
BUGS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = ()

# (test, case, engine) -> the bug that makes it fail today; "*" matches any case or engine.
KNOWN: dict[tuple[str, str, str], str] = {}
for _reason, _tests, _cases, _engines in BUGS:
    for _t in _tests:
        for _c in _cases:
            for _e in _engines:
                assert (_t, _c, _e) not in KNOWN, (_t, _c, _e)
                KNOWN[(_t, _c, _e)] = _reason


def known(test: str, case: str, engine: str) -> str | None:
    for key in ((test, case, engine), (test, case, ALL), (test, ALL, engine), (test, ALL, ALL)):
        if key in KNOWN:
            return KNOWN[key]
    return None


def params(test: str, cases=CASES, engines=ENGINES):
    out = []
    for c in cases:
        for e in engines:
            reason = known(test, c.name, e)
            marks = [pytest.mark.xfail(strict=True, reason=f"issue 14: {reason}")] if reason else []
            out.append(pytest.param(c, e, id=f"{c.name}-{e}", marks=marks))
    return out


WITH_REJECTS = [c for c in CASES if any(r.outcome in PARSE_CODES or r.outcome in MAP_CODES for r in c.records)]


@pytest.mark.parametrize("case,engine", params("no_abort"))
def test_no_run_aborts(case, engine, outcome_of):
    out = outcome_of(case.name, engine)
    assert out.escaped is None, out.escaped
    assert "Traceback" not in out.output and "internal error" not in out.output, out.output[-2000:]
    assert out.exit_code in (0, 1), out.output[-2000:]


@pytest.mark.parametrize("case,engine", params("accounting"))
def test_accounting_and_reason_codes_are_the_cases(case, engine, outcome_of):
    out = outcome_of(case.name, engine)
    want = case.expected()
    assert out.accounting == want.accounting
    assert out.codes == want.codes, out.reject_summary()
    assert out.exit_code == want.exit_code


@pytest.mark.parametrize("case,engine", params("values", [c for c in CASES if c.values]))
def test_loaded_values_are_the_cases(case, engine, outcome_of):
    out = outcome_of(case.name, engine)
    assert out.rows is not None, out.read_error
    got = {mrn: {k: out.rows[mrn][k] for k in want} if mrn in out.rows else None for mrn, want in case.values.items()}
    assert got == case.values


@pytest.mark.parametrize("case,engine", params("same_as_duckdb", engines=SERVERS))
def test_servers_agree_with_duckdb(case, engine, outcome_of):
    duck, out = outcome_of(case.name, "duckdb"), outcome_of(case.name, engine)
    assert (out.exit_code, out.accounting) == (duck.exit_code, duck.accounting)
    assert out.digests == duck.digests
    assert out.reject_summary() == duck.reject_summary()


@pytest.mark.parametrize("case,engine", params("reject_contract", WITH_REJECTS))
def test_every_reject_carries_file_line_offset_and_code(case, engine, outcome_of):
    out = outcome_of(case.name, engine)
    assert contract_positions(out) == [(FILE, line, offset, code) for line, offset, code in case.positions()]


@pytest.mark.parametrize("case,engine", params("no_row_content", WITH_REJECTS))
def test_report_and_output_carry_no_row_content(case, engine, outcome_of):
    out = outcome_of(case.name, engine)
    assert unmasked_sample_values(out) == []
    assert leaked_fields(case, out) == []


def test_known_failures_name_real_tests_cases_and_engines():
    for test, case, engine in KNOWN:
        assert test in TESTS and (case == ALL or case in BY_NAME) and (engine == ALL or engine in ENGINES), (test, case, engine)
