"""`join many`, window calls and `exists (...)` build the IR they describe (the rest of
their behaviour: tests/conformance/specs/join_many.mig and sequencing.mig)."""

from __future__ import annotations

import textwrap

import pytest

from compiler import ir
from compiler.diagnostics import SpecError
from compiler.syntax.build import build
from compiler.syntax.parse import parse, parser


def map_of(body: str) -> ir.Map:
    text = textwrap.dedent(f"map legacy.visits -> emr.visit {{\n{body}\n}}\n")
    return build(parse(text, "t.mig"), "t.mig").maps[0]


def test_join_many_is_marked_and_a_plain_join_is_not():
    m = map_of("join many legacy.code_map as c on c.k = k\njoin legacy.payers on payers.id = payer_id")
    assert [(j.alias, j.many) for j in m.joins] == [("c", True), ("payers", False)]


def test_a_window_call_keeps_its_arguments_partition_and_order():
    m = map_of("n = lag(d, 2) over (partition by e, p order by d desc, k)")
    w = m.assigns[0].expr
    assert isinstance(w, ir.WindowCall)
    assert w.func == "lag"
    assert [a.value for a in w.args if isinstance(a, ir.Literal)] == [2]
    assert [p.parts for p in w.partition if isinstance(p, ir.Name)] == [["e"], ["p"]]
    assert [(o.expr.parts, o.descending) for o in w.order if isinstance(o.expr, ir.Name)] == [(["d"], True), (["k"], False)]


def test_a_window_without_partition_or_order_still_parses():
    """The checker, not the parser, reports the missing order (with its position)."""
    w = map_of("n = row_number() over ()").assigns[0].expr
    assert isinstance(w, ir.WindowCall) and w.args == [] and w.partition == [] and w.order == []


@pytest.mark.parametrize(
    "text, alias",
    [
        ("exists (legacy.cancelled c where c.id = id)", "c"),
        ("exists (legacy.cancelled as c where c.id = id)", "c"),
        ("exists (legacy.cancelled where cancelled.id = id)", "cancelled"),
    ],
)
def test_exists_takes_an_alias_or_the_table_name(text, alias):
    e = map_of(f"where {text}").where[0]
    assert isinstance(e, ir.Exists)
    assert e.table.parts == ["legacy", "cancelled"] and e.alias == alias


def test_not_exists_is_not_around_exists_and_the_condition_ends_at_the_parenthesis():
    e = map_of("where not exists (legacy.c x where x.a = a and x.b = b) and c = 1").where[0]
    assert isinstance(e, ir.Binary) and e.op == "and"
    assert isinstance(e.left, ir.Unary) and isinstance(e.left.operand, ir.Exists)
    assert isinstance(e.left.operand.where, ir.Binary) and e.left.operand.where.op == "and"


def test_exists_needs_its_parentheses():
    with pytest.raises(SpecError):
        map_of("where exists legacy.c x where x.a = a")


def test_the_grammar_has_no_conflicts():
    parser(strict=True)
