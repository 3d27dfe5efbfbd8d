"""The corpus itself: big enough, covering issue 14's list, and its expectations derived
the way corpus.py says (positions checked against hand-counted files)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.runtime.hostile.corpus import (
    BOM,
    CASES,
    COVERAGE,
    FILTERED,
    HEADER,
    LOADED,
    MAP_CODES,
    OUTCOMES,
    PARSE_CODES,
    SKIPPED,
    Case,
    raw,
    rows,
)


def test_at_least_forty_distinct_files():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({c.data for c in CASES}) == len(CASES)


@pytest.mark.parametrize("item", COVERAGE)
def test_every_hostile_input_of_the_issue_is_covered(item):
    assert [c.name for c in CASES if item in c.covers]


def test_cases_cover_only_listed_items_and_known_outcomes():
    for c in CASES:
        assert set(c.covers) <= set(COVERAGE), c.name
        assert {r.outcome for r in c.records} <= OUTCOMES, c.name


def test_parse_and_map_codes_are_distinct_and_described():
    assert not set(PARSE_CODES) & set(MAP_CODES)
    assert all(PARSE_CODES.values()) and all(MAP_CODES.values())


# (records, head) -> [(line, byte offset, code)], counted by hand
POSITIONS = [
    (rows(("1,a,A", LOADED), ("2,b", "too_few_fields")), HEADER + b"\n", [(3, 21, "too_few_fields")]),
    (rows(("1,a,A", LOADED), ("2,b", "too_few_fields"), eol=b"\r\n"), HEADER + b"\r\n", [(3, 23, "too_few_fields")]),
    # CR-only: a lone CR is a line break
    (rows(("1,a,A", LOADED), ("2,b", "too_few_fields"), eol=b"\r"), HEADER + b"\r", [(3, 21, "too_few_fields")]),
    # elsewhere it is not: the record after a bare CR is still on line 3
    (raw(("1,a\rb,A\n", "bare_cr"), ("2,b\n", "too_few_fields")), HEADER + b"\n", [(2, 15, "bare_cr"), (3, 23, "too_few_fields")]),
    # a quoted line break moves the next record's line, blank lines count, the BOM counts in the offset
    (raw(('1,"a\nb",A\n', LOADED), ("\n", SKIPPED), ("2,c,X\n", "reject")), BOM + HEADER + b"\n", [(5, 29, "reject")]),
]


@pytest.mark.parametrize("records,head,want", POSITIONS)
def test_positions_are_lines_and_byte_offsets_of_record_starts(records, head, want):
    assert Case("t", (), records, head=head).positions() == want


def test_expected_accounting_follows_the_outcomes():
    c = Case("t", (), rows(("1,a,A", LOADED), ("2,b,D", FILTERED), ("3,c,X", "reject"), ("4", "too_few_fields"), ("5,e,A", LOADED)))
    e = c.expected()
    assert e.accounting == {
        "records": 5,
        "staged": 4,
        "malformed": 1,
        "source_rows": 4,
        "loaded": 2,
        "rejected": 1,
        "filtered": 1,
        "merged": 0,
    }
    assert e.codes == Counter({"reject": 1, "too_few_fields": 1})
    assert e.exit_code == 0  # 2 of 5 rejected: 40 %, not above 50 %


@pytest.mark.parametrize(
    "outcomes,exit_code",
    [
        (("too_few_fields", LOADED), 0),  # exactly 50 %: not above
        (("too_few_fields", "not_null", LOADED), 1),
        ((), 0),  # no records: not applicable
        ((FILTERED, "reject"), 0),  # a filtered row counts in the denominator
    ],
)
def test_expected_exit_code_follows_the_reject_rate_threshold(outcomes, exit_code):
    c = Case("t", (), rows(*[(f"{i},x,A", o) for i, o in enumerate(outcomes)]))
    assert c.expected().exit_code == exit_code
