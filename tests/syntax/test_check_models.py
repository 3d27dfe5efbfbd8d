"""Each `validate` kind is its own IR model: parsed to it, JSON round-trips, and holds only
its own fields."""

from __future__ import annotations

import json
import textwrap

import pytest
from pydantic import TypeAdapter, ValidationError

from compiler import ir
from compiler.syntax.build import build
from compiler.syntax.parse import parse

FILE = "t.mig"
SPAN = ir.Span(file=FILE, line=1, column=1, end_line=1, end_column=2)
COLUMN = ir.Name(span=SPAN, parts=["emr", "patient", "mrn"])


def checks_of(text: str) -> list:
    text = "validate {\n" + textwrap.dedent(text) + "}\n"
    return build(parse(text, FILE), FILE).checks


# (check text, its model, its name, the keys of its IR JSON)
KINDS = [
    (
        "completeness emr.patient.birth_date fail below 95%",
        ir.CompletenessCheck,
        "completeness emr.patient.birth_date",
        ["span", "kind", "subject", "thresholds"],
    ),
    ("unique emr.patient.mrn", ir.UniqueCheck, "unique emr.patient.mrn", ["span", "kind", "subject", "thresholds"]),
    (
        'valid emr.charge.cpt matches "^[0-9]{5}$"',
        ir.ValidCheck,
        "valid emr.charge.cpt matches",
        ["span", "kind", "subject", "rule", "pattern", "values", "thresholds"],
    ),
    (
        'valid emr.charge.modifier in ("GP", "KX")',
        ir.ValidCheck,
        "valid emr.charge.modifier in",
        ["span", "kind", "subject", "rule", "pattern", "values", "thresholds"],
    ),
    (
        "valid emr.charge.units between 1 and 8 warn above 10",
        ir.ValidCheck,
        "valid emr.charge.units between",
        ["span", "kind", "subject", "rule", "pattern", "values", "thresholds"],
    ),
    ("references emr.charge.patient_id", ir.ReferencesCheck, "references emr.charge.patient_id", ["span", "kind", "subject", "thresholds"]),
    (
        "consistent emr.authorization (end_date >= start_date) fail below 99%",
        ir.ConsistentCheck,
        "consistent emr.authorization",
        ["span", "kind", "subject", "condition", "thresholds"],
    ),
    (
        'reconcile sum(emr.charge.units) <= sum(legacy.visits: units1 + units2 where status <> "X")',
        ir.ReconcileCheck,
        "reconcile sum(emr.charge.units) <= sum(legacy.visits: …)",
        ["span", "kind", "left", "compare", "right", "thresholds"],
    ),
    (
        "reject_rate legacy.patients fail above 1% warn above 0.2%",
        ir.RejectRateCheck,
        "reject_rate legacy.patients",
        ["span", "kind", "subject", "thresholds"],
    ),
]


@pytest.mark.parametrize("text, model, name, keys", KINDS, ids=[k[0].split()[0] + "-" + str(i) for i, k in enumerate(KINDS)])
def test_each_kind_parses_to_its_model_and_round_trips(text, model, name, keys):
    (check,) = checks_of(text)
    assert type(check) is model and check.kind == model.model_fields["kind"].default
    assert check.name == name
    spec = ir.Spec(file=FILE, checks=[check])
    assert ir.Spec.model_validate_json(spec.model_dump_json()) == spec
    assert list(json.loads(check.model_dump_json())) == keys  # only its own fields, thresholds last


def test_a_whole_validate_block_round_trips():
    spec = build(parse("validate {\n" + "\n".join(k[0] for k in KINDS) + "\n}\n", FILE), FILE)
    assert [type(c) for c in spec.checks] == [k[1] for k in KINDS]
    assert ir.Spec.model_validate_json(spec.model_dump_json()) == spec


@pytest.mark.parametrize(
    "model, fields",
    [
        (ir.UniqueCheck, {"subject": COLUMN, "pattern": "^x$"}),
        (ir.CompletenessCheck, {"subject": COLUMN, "rule": "in"}),
        (ir.ReferencesCheck, {"subject": COLUMN, "condition": ir.Literal(span=SPAN, type="boolean", value=True)}),
        (ir.RejectRateCheck, {"subject": COLUMN, "compare": "="}),
        (
            ir.ReconcileCheck,
            {
                "subject": COLUMN,
                "compare": "=",
                "left": ir.Aggregate(span=SPAN, func="count", table=COLUMN),
                "right": ir.Aggregate(span=SPAN, func="count", table=COLUMN),
            },
        ),
        (ir.ConsistentCheck, {"subject": COLUMN, "condition": ir.Literal(span=SPAN, type="boolean", value=True), "values": []}),
    ],
)
def test_a_field_of_another_kind_is_refused(model, fields):
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        model(span=SPAN, **fields)


def test_the_union_picks_the_model_by_kind_and_refuses_foreign_fields():
    adapter = TypeAdapter(ir.Check)
    data = json.loads(ir.UniqueCheck(span=SPAN, subject=COLUMN).model_dump_json())
    assert type(adapter.validate_python(data)) is ir.UniqueCheck
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        adapter.validate_python(data | {"rule": "matches", "pattern": "x"})
    with pytest.raises(ValidationError, match="does not match any of the expected tags"):
        adapter.validate_python(data | {"kind": "uniq"})


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"rule": "matches"}, "a `matches` rule has a pattern, and only it"),
        ({"rule": "in", "pattern": "x"}, "a `matches` rule has a pattern, and only it"),
        ({"rule": "matches", "pattern": "x", "values": [ir.Literal(span=SPAN, type="text", value="a")]}, "a `matches` rule has no values"),
        ({"rule": "between", "values": [ir.Literal(span=SPAN, type="integer", value=1)]}, "a `between` rule has two values"),
    ],
)
def test_a_valid_check_has_its_rule_s_fields(fields, message):
    with pytest.raises(ValidationError, match=message):
        ir.ValidCheck(span=SPAN, subject=COLUMN, **fields)
