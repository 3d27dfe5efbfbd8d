"""`--select MAP...`: the part of a spec a command works on.

A map is named by its target table (`emr.encounter`, as the report names it); selecting it
keeps the maps it depends on (the crosswalks it resolves ids through, transitively), so
the selection runs on its own.  The checks, test blocks and phases that name a target
table whose map was left out go too, and so do those tables: they could not hold on a partial run.  The result
is an ordinary spec; `compiler.pipeline.select` checks it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import ir
from compiler.errors import UsageError
from compiler.ir.walk import walk
from compiler.semantic.catalog import dotted
from compiler.semantic.dependencies import dependencies


def _references(spec: ir.Spec) -> dict[str, list[str]]:
    """target table -> the target tables its columns reference (`references`)."""
    return {
        f"{t.name}.{tt.name}": [".".join(c.references.parts[:2]) for c in tt.columns if c.references is not None]
        for t in spec.targets
        for tt in t.tables
    }


def selected_targets(spec: ir.Spec, names: Sequence[str]) -> set[str]:
    """The named target tables and every target they depend on: the crosswalks their maps
    resolve ids through and the tables their columns reference, transitively."""
    filled = [dotted(m.target) for m in spec.maps]
    refs = _references(spec)
    deps = {t: [*d, *(r for r in refs.get(t, []) if r in filled)] for t, d in dependencies(spec).items()}
    keep: set[str] = set()

    def add(t: str) -> None:
        if t not in keep:
            keep.add(t)
            for d in deps.get(t, []):
                add(d)

    for n in names:
        if n not in filled:
            raise UsageError(f"--select {n}: no map fills it (maps: {', '.join(dict.fromkeys(filled))})")
        add(n)
    return keep


def _names_dropped(node: object, dropped: set[str]) -> bool:
    return any(isinstance(n, ir.Name) and ".".join(n.parts[:2]) in dropped for n in walk(node))


def select_spec(spec: ir.Spec, names: Sequence[str]) -> ir.Spec:
    """The spec with only the selected maps (and their dependencies)."""
    keep = selected_targets(spec, names)
    dropped = {dotted(m.target) for m in spec.maps} - keep
    checks = [c for c in spec.checks if not _names_dropped(c, dropped)]
    kept_check_names = {c.name for c in checks}
    all_check_names = {c.name for c in spec.checks}
    tests = [
        t
        for t in spec.tests
        if not _names_dropped(t, dropped) and all(e.name in kept_check_names or e.name not in all_check_names for e in t.checks)
    ]
    phases = []
    for ph in spec.phases:
        maps = [m for m in ph.maps if dotted(m) in keep] if ph.maps else []
        if ph.maps and not maps:
            continue  # a phase of left-out maps only
        runs = {dotted(m) for m in maps} or keep
        read = {dotted(m.source) for m in spec.maps if dotted(m.target) in runs}
        filters = [f for f in ph.filters if dotted(f.table) in read]  # a filter of a table no kept map reads
        phases.append(ph.model_copy(update={"maps": maps, "filters": filters}))
    targets = [
        t.model_copy(update={"tables": [tt for tt in t.tables if f"{t.name}.{tt.name}" not in dropped]}) for t in spec.targets
    ]  # a left-out map's table goes too: other left-out tables' references to it would not check
    update = {
        "maps": [m for m in spec.maps if dotted(m.target) in keep],
        "targets": targets,
        "checks": checks,
        "tests": tests,
        "phases": phases,
        "access": None,  # grants are about the whole target: `compile` of the whole spec writes access.sql
    }
    return spec.model_copy(update=update)
