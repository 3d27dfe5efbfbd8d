"""Map ordering by crosswalk dependencies."""

from __future__ import annotations

from compiler.plan.steps import order_maps
from compiler.semantic.dependencies import dependencies, find_cycle
from compiler.syntax.build import build
from compiler.syntax.parse import parse

SPEC = """
source s csv "d" {
  table a "a.csv" key k { k text }
  table b "b.csv" key k { k text  ak text }
  table c "c.csv" key k { k text  bk text }
}
target t {
  table c key id { id bigint not null  b_id bigint }
  table b key id { id bigint not null  a_id bigint }
  table a key id { id bigint not null }
}
map s.c -> t.c { id = crosswalk(k)  b_id = t.b.crosswalk(bk) }
map s.b -> t.b { id = crosswalk(k)  a_id = t.a.crosswalk(ak) }
map s.a -> t.a { id = crosswalk(k) }
"""


def spec(text=SPEC):
    return build(parse(text, "p.mig"), "p.mig")


def test_dependencies_and_order():
    s = spec()
    assert dependencies(s) == {"t.c": ["t.b"], "t.b": ["t.a"], "t.a": []}
    assert [".".join(m.target.parts) for m in order_maps(s)] == ["t.a", "t.b", "t.c"]


def test_cycle_found():
    s = spec(
        SPEC.replace("map s.a -> t.a { id = crosswalk(k) }", "map s.a -> t.a { id = crosswalk(k) }")
        .replace("table a key id { id bigint not null }", "table a key id { id bigint not null  c_id bigint }")
        .replace("map s.a -> t.a { id = crosswalk(k) }", "map s.a -> t.a { id = crosswalk(k)  c_id = t.c.crosswalk(k) }")
    )
    cycle = find_cycle(dependencies(s))
    assert cycle is not None and set(cycle) == {"t.a", "t.b", "t.c"}
