"""Reject limits, the arithmetic: parsing, what each subject counts, exactly at a limit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compiler.errors import UsageError
from compiler.runtime.engines.base import StageResult
from compiler.runtime.limits import measure, parse_limit
from compiler.runtime.report import MapCounts


def test_parse():
    assert parse_limit("100") == parse_limit(" 100 ")
    lim = parse_limit("emr.patient=0.5%")
    assert (lim.subject, lim.value, lim.percent) == ("emr.patient", Decimal("0.5"), True)
    assert parse_limit("7").subject is None and not parse_limit("7").percent
    for bad in ("", "x", "-1", "1.5", "101%", "=3", "emr.patient=", "3 %", "1e3"):
        with pytest.raises(UsageError):
            parse_limit(bad)


MAPS = [
    MapCounts("legacy.p -> emr.patient", "legacy.p", "emr.patient", 100, 90, 10, 0, 0),
    MapCounts("legacy.v -> emr.visit", "legacy.v", "emr.visit", 50, 45, 5, 0, 0),
    MapCounts("legacy.v -> emr.charge", "legacy.v", "emr.charge", 150, 147, 3, 0, 0),
]
SOURCES = [StageResult("legacy.p", "p.csv", 100, 4), StageResult("legacy.v", "v.csv", 50, 0)]


def results(*texts):
    return [(r.subject, r.rejected, r.records, r.exceeded) for r in measure([parse_limit(t) for t in texts], MAPS, SOURCES)]


def test_what_each_subject_counts():
    # overall: every map's rejects and every malformed record, over every record
    assert results("22") == [("overall", 22, 304, False)]
    assert results("21") == [("overall", 22, 304, True)]
    # a target table: its map; a source table: every map reading it, plus its malformed records
    assert results("emr.patient=10", "legacy.p=14", "legacy.v=7") == [
        ("emr.patient", 10, 100, False),
        ("legacy.p", 14, 104, False),
        ("legacy.v", 8, 200, True),
    ]


def test_exactly_at_a_share_is_within():
    assert results("emr.visit=10%", "emr.visit=9.99%") == [("emr.visit", 5, 50, False), ("emr.visit", 5, 50, True)]
    # a share of no records is never exceeded; a count of 0 is exceeded by one reject
    empty = [MapCounts("a -> b", "a", "b", 0, 0, 0, 0, 0)]
    assert [r.exceeded for r in measure([parse_limit("0%")], empty, [])] == [False]
    assert [r.exceeded for r in measure([parse_limit("0")], MAPS, SOURCES)] == [True]
