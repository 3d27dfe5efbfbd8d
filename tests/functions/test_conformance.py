"""The conformance suite: every case of cases.py on every engine, with identical results.

Each case is lowered with `lower_call`, rendered for the engine's dialect with
unsupported_level=RAISE, executed as `SELECT <expr>`, and compared with the expected
Python value.  On MariaDB the statement must also raise no warning: in strict mode
(the default) a warning inside INSERT ... SELECT is an error.
"""

from __future__ import annotations

import pytest

from .cases import CASES, case_id
from .harness import check_result, select_sql


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_case(case, runner):
    name, args, expected = case
    sql = select_sql(name, args, runner.dialect)
    result = runner.value(sql)
    check_result(name, result, expected)
    assert not runner.warnings, f"warnings on {runner.dialect}: {runner.warnings}\n{sql}"


def test_enough_cases():
    assert len(CASES) >= 150
