"""Reason codes: every code is documented, and every rule id the generator writes has one."""

from __future__ import annotations

import re

import pytest

from compiler.ir.reasons import _RULE_CODES, MAP_CODES, PARSE_CODES, code_of_rule
from tests.conftest import ROOT

LANGUAGE = (ROOT / "docs" / "LANGUAGE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted({*PARSE_CODES, *MAP_CODES}))
def test_every_code_is_in_the_docs(code):
    assert re.search(rf"`{code}`", LANGUAGE), f"reason code {code} is not documented in docs/LANGUAGE.md"


def test_every_rule_maps_to_a_known_code():
    assert set(_RULE_CODES.values()) <= set(MAP_CODES)


@pytest.mark.parametrize(
    "rule, code",
    [
        ("not null:emr.person.name", "not_null"),
        ("lookup:payer_id_strict", "lookup_missing"),
        ("ambiguous_duplicate", "ambiguous_duplicate"),
        ("duplicate key", "duplicate_key"),
        ("reject:41", "reject"),
    ],
)
def test_rule_ids_get_their_code(rule, code):
    assert code_of_rule(rule) == code


def test_an_unknown_rule_is_a_programming_error():
    with pytest.raises(ValueError):
        code_of_rule("no such rule")
