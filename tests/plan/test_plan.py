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


UNION = """
source s csv "d" {
  table v "v.csv" key k { k text  pk text }
  table p1 "p1.csv" key k { k text  ak text }
  table a "a.csv" key k { k text }
  table p2 "p2.csv" key k { k text }
}
target t {
  table visit key id { id bigint not null  p_id bigint }
  table patient key id { id bigint not null  a_id bigint }
  table a key id { id bigint not null }
}
map s.v -> t.visit { id = crosswalk(k)  p_id = t.patient.crosswalk(s.p2: pk) }
map s.p1 -> t.patient { id = crosswalk(k) }
map s.a -> t.a { id = crosswalk(k) }
map s.p2 -> t.patient { id = crosswalk(k)  a_id = t.a.crosswalk(k) }
"""


def test_union_branches_run_together_after_what_any_of_them_needs():
    """The maps of one target share its dependencies (p2 reads t.a, so p1 waits for it too)
    and run one after the other in spec order, before the maps reading the target."""
    s = spec(UNION)
    assert dependencies(s) == {"t.visit": ["t.patient"], "t.patient": ["t.a"], "t.a": []}
    assert [".".join(m.source.parts) for m in order_maps(s)] == ["s.a", "s.p1", "s.p2", "s.v"]
