"""Map dependencies: which maps read another map's crosswalk, and cycles among them.

A map that resolves ids through another entity's crosswalk (`emr.patient.crosswalk(...)`)
runs after the map that fills that entity; the checker refuses cycles, the plan orders.
"""

from __future__ import annotations

from compiler import ir
from compiler.ir.naming import dotted
from compiler.ir.walk import walk


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
    out: dict[str, list[str]] = {}
    for m in spec.maps:  # the maps of one target (a union) share its dependencies
        deps = out.setdefault(dotted(m.target), [])
        deps.extend(d for d in crosswalk_uses(m) if d in filled and d not in deps)
    return out


def find_cycle(deps: dict[str, list[str]]) -> list[str] | None:
    """One dependency cycle (as a list of targets), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in deps.get(n, []):
            if state.get(d) == 1:
                return stack[stack.index(d) :]
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
