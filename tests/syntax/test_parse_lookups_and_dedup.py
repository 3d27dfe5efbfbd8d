"""The IR of composite and record lookups, `.field` calls and `dedup ... drop all`."""

from __future__ import annotations

import textwrap

from compiler import ir
from compiler.syntax.build import build
from compiler.syntax.parse import parse


def spec_of(text: str) -> ir.Spec:
    return build(parse(textwrap.dedent(text), "t.mig"), "t.mig")


def test_composite_and_record_lookups():
    spec = spec_of("""
        lookup payer -> (payer_id, payer_name) {
          ("BC", "PPO"), ("BCBS", "PPO") -> (101, "Blue Cross")
          else -> (0, "unknown")
        }
        lookup one { "a" -> 1  ("b") -> 2 }
        lookup strict { ("a", 1) -> "x"  else reject }
    """)
    payer, one, strict = spec.lookups
    assert payer.fields == ["payer_id", "payer_name"] and payer.arity == 2 and not payer.simple
    (entry,) = payer.entries
    assert [[k.value for k in r] for r in entry.key_rows()] == [["BC", "PPO"], ["BCBS", "PPO"]]
    assert [v.value for v in entry.value_row()] == [101, "Blue Cross"]
    assert [d.value for d in payer.defaults] == [0, "unknown"] and payer.default is None and not payer.else_reject
    # a parenthesised single key is a one-part key tuple: the lookup stays one-part
    assert one.arity == 1 and one.simple and [[k.value for k in r] for e in one.entries for r in e.key_rows()] == [["a"], ["b"]]
    assert strict.else_reject and strict.default is None and strict.arity == 2


def test_lookup_file_with_composite_key_and_record():
    spec = spec_of("""
        lookup a from "p.csv" { key ("code", "plan")  value ("id", "name")  else reject }
        lookup b from "p.csv" { key ("code")  value "id" }
        lookup c from "p.csv" { key "code"  value "id"  else "none" }
    """)
    a, b, c = spec.lookups
    assert (a.key_columns, a.fields, a.key_column, a.value_column, a.else_reject) == (["code", "plan"], ["id", "name"], None, None, True)
    assert (b.key_columns, b.value_column, b.arity, b.simple) == (["code"], "id", 1, True)
    assert (c.key_column, c.value_column, c.default.value, c.key_columns) == ("code", "id", "none", [])


def test_record_field_call_and_drop_all():
    spec = spec_of("""
        map s.t -> e.r {
          x = payer(a, b).payer_id
          y = upper(a)
          dedup on (a, upper(b)) drop all
        }
    """)
    m = spec.maps[0]
    call = m.assigns[0].expr
    assert isinstance(call, ir.Call) and call.func == ["payer"] and call.field == "payer_id" and len(call.args) == 2
    assert m.assigns[1].expr.field is None
    assert m.dedup.keep == ir.DROP_ALL and m.dedup.order == [] and len(m.dedup.keys) == 2
