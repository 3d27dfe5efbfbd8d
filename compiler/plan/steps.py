"""Order the maps by their dependencies and name the tables a run creates.

A map that resolves ids through another entity's crosswalk (`emr.patient.crosswalk(...)`)
runs after the map that fills that entity.  Ties keep spec order, so plans are stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler import ir
from compiler.semantic.catalog import dotted

CHARTSHIFT_SCHEMA = "chartshift"
STAGE_SCHEMA = "chartshift_stage"


def walk(node):
    """Every IR node below (and including) `node`."""
    if isinstance(node, list):
        for n in node:
            yield from walk(n)
        return
    if not isinstance(node, ir.BaseModel):
        return
    yield node
    for name in type(node).model_fields:
        if name == "span":
            continue
        yield from walk(getattr(node, name))


def crosswalk_uses(m: ir.Map) -> list[str]:
    """Target tables whose crosswalk this map reads, in order of first use."""
    out: list[str] = []
    for n in walk(m):
        if isinstance(n, ir.Call) and len(n.func) == 3 and n.func[2] == "crosswalk":
            t = f"{n.func[0]}.{n.func[1]}"
            if t not in out:
                out.append(t)
    return out


def dependencies(spec: ir.Spec) -> dict[str, list[str]]:
    """target -> targets whose maps must run first."""
    filled = {dotted(m.target) for m in spec.maps}
    return {dotted(m.target): [d for d in crosswalk_uses(m) if d in filled] for m in spec.maps}


def find_cycle(deps: dict[str, list[str]]) -> list[str] | None:
    """One dependency cycle (as a list of targets), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in deps.get(n, []):
            if state.get(d) == 1:
                return stack[stack.index(d):]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return None

    for n in deps:
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def order_maps(spec: ir.Spec) -> list[ir.Map]:
    """Maps in dependency order (spec order among independent maps)."""
    deps = dependencies(spec)
    by_target = {dotted(m.target): m for m in spec.maps}
    done: list[str] = []

    def place(t: str) -> None:
        if t in done:
            return
        for d in deps.get(t, []):
            place(d)
        done.append(t)

    for m in spec.maps:
        place(dotted(m.target))
    return [by_target[t] for t in done]


@dataclass(frozen=True)
class TableNames:
    """The tables a run creates for one map (schema, name) pairs."""

    work: str
    xwalk: tuple[str, str]


def table_names(target: str) -> TableNames:
    flat = target.replace(".", "__")
    return TableNames(work=f"cs_work__{flat}", xwalk=(CHARTSHIFT_SCHEMA, f"xwalk__{flat}"))


def stage_table(source_table: str) -> tuple[str, str]:
    return STAGE_SCHEMA, source_table.replace(".", "__")


def map_label(m: ir.Map) -> str:
    return f"{dotted(m.source)} -> {dotted(m.target)}"
