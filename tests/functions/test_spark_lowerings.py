"""Spark's lowerings that differ from the portable forms: Java replacement strings, and the
Spark spellings the conformance rows rely on (the rows themselves run in test_conformance)."""

from __future__ import annotations

import pytest
from sqlglot import exp

from compiler.functions.sqlkit import ENGINES, java_replacement
from compiler.functions.sqlkit import lit as literal


@pytest.mark.parametrize(
    "portable, java",
    [
        ("\\3-\\1-\\2", "$3-$1-$2"),  # groups
        ("\\1", "$1"),
        ("a\\\\b", "a\\\\b"),  # a backslash stays an escaped backslash
        ("US$", "US\\$"),  # a dollar is literal in the portable form
        ("\\10", "$1\\0"),  # group 1, then a literal 0 (never group 10)
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_java_replacement(portable, java):
    assert java_replacement(literal(portable)).this == java


def test_non_literal_replacement_is_left_alone():
    c = exp.column("r")
    assert java_replacement(c) is c


def test_spark_lowerings_spell_spark_sql():
    spark = ENGINES["spark"]
    s = exp.column("s")
    assert spark.matches(s, "^a").sql("spark") == "s RLIKE '^a'"
    assert spark.upper(s).sql("spark") == "ARRAY_JOIN(TRANSFORM(SPLIT(s, 'ß', -1), _cs_part -> UPPER(_cs_part)), 'ß')"
    assert spark.replace_all(s, "([0-9])x", "\\1y").sql("spark") == "REGEXP_REPLACE(s, '([0-9])x', '$1y')"
    assert spark.binary(s) is s  # UTF8_BINARY compares bytes
