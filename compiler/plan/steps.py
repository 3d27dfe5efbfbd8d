"""Order the maps by their dependencies and name the tables a run creates.

A map that resolves ids through another entity's crosswalk (`emr.patient.crosswalk(...)`)
runs after the map that fills that entity.  Ties keep spec order, so plans are stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler import ir
from compiler.ir.naming import CHARTSHIFT_SCHEMA, STAGE_SCHEMA, flat, work_name, xwalk_name
from compiler.semantic.catalog import dotted
from compiler.semantic.dependencies import dependencies

__all__ = ["CHARTSHIFT_SCHEMA", "STAGE_SCHEMA", "TableNames", "map_label", "order_maps", "stage_table", "table_names"]


def order_maps(spec: ir.Spec) -> list[ir.Map]:
    """Maps in dependency order (spec order among independent maps); the maps of one target
    (a union) run one after the other, in spec order."""
    deps = dependencies(spec)
    by_target: dict[str, list[ir.Map]] = {}
    for m in spec.maps:
        by_target.setdefault(dotted(m.target), []).append(m)
    done: list[str] = []

    def place(t: str) -> None:
        if t in done:
            return
        for d in deps.get(t, []):
            place(d)
        done.append(t)

    for m in spec.maps:
        place(dotted(m.target))
    return [m for t in done for m in by_target[t]]


@dataclass(frozen=True)
class TableNames:
    """The tables a run creates for one map (schema, name) pairs."""

    work: str
    xwalk: tuple[str, str]


def table_names(target: str) -> TableNames:
    return TableNames(work=work_name(target), xwalk=(CHARTSHIFT_SCHEMA, xwalk_name(target)))


def stage_table(source_table: str) -> tuple[str, str]:
    return STAGE_SCHEMA, flat(source_table)


def map_label(m: ir.Map) -> str:
    return f"{dotted(m.source)} -> {dotted(m.target)}"
