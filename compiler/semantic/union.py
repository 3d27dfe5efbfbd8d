"""Several maps into one target (a union): each map is a branch with its own source table.

The branches of one target must number it the same way (all with `crosswalk(...)` on the
same column, or none), each branch's crosswalk keys are namespaced by its source table
(`Catalog.key_namespace`), and a reference to the target's ids from another map names the
branch whose keys it holds: `emr.patient.crosswalk(sysA.patients: pat_no)`.
"""

from __future__ import annotations

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.semantic.catalog import Catalog, crosswalk_assign, dotted
from compiler.semantic.checker_base import CheckerBase

# the namespace is `schema.table|key`: a branch whose names hold `.` or `|` could write
# keys another branch also writes (`a.b` + `c` and `a` + `b.c`)
NAMESPACE_UNSAFE = (".", "|")


class UnionChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec`, `cat` and `diags`."""

    def check_unions(self) -> None:
        for target, maps in self.cat.maps_of_target.items():
            if target in self.cat.target_tables:
                self.check_dedup_across(target, maps)
            if len(maps) < 2 or target not in self.cat.target_tables:
                continue
            first = maps[0]
            first_xw = crosswalk_assign(first)
            for m in maps[1:]:
                xw = crosswalk_assign(m)
                if (first_xw is None) != (xw is None):
                    numbered, assign = (first, first_xw) if first_xw is not None else (m, xw)
                    other = m if numbered is first else first
                    assert assign is not None  # exactly one of the two has a crosswalk
                    self.diags.error(
                        f"{target} is filled by several maps: {dotted(numbered.source)} (line {numbered.span.line}) numbers "
                        f"`{assign.field}` with crosswalk(...), so {dotted(other.source)} must too (their ids share one sequence)",
                        m.target.span,
                    )
                elif first_xw is not None and xw is not None and xw.field != first_xw.field:
                    self.diags.error(
                        f"{target} is filled by several maps: crosswalk(...) numbers `{first_xw.field}` in "
                        f"{dotted(first.source)} (line {first_xw.span.line}), not `{xw.field}`",
                        xw.span,
                    )
            if any(crosswalk_assign(m) is not None for m in maps):
                for m in maps:
                    bad = [p for p in m.source.parts if any(ch in p for ch in NAMESPACE_UNSAFE)]
                    if bad:
                        self.diags.error(
                            f"`{bad[0]}`: the source of a map that shares its target with other maps needs names "
                            "without `.` and `|` (its crosswalk keys are namespaced `schema.table|key`)",
                            m.source.span,
                        )

    def check_dedup_across(self, target: str, maps: list[ir.Map]) -> None:
        """`dedup across` compares its keys with those of the earlier maps' `dedup across`:
        the target needs several maps and crosswalk ids (a merged key points at the id of
        the row it merged into), and the keys must agree in number and type."""
        first: ir.Map | None = None
        for m in maps:
            if m.dedup is None or not m.dedup.across:
                continue
            if len(maps) < 2:
                self.diags.error(
                    f"`dedup across` merges into the rows other maps of {target} loaded, but this is its only map", m.dedup.span
                )
                continue
            if crosswalk_assign(m) is None:
                self.diags.error(
                    "`dedup across` needs crosswalk ids: a merged key points at the id of the row it merged into", m.dedup.span
                )
                continue
            if first is None:
                first = m
                continue
            assert first.dedup is not None  # it has `dedup across`
            if len(m.dedup.keys) != len(first.dedup.keys):
                self.diags.error(
                    f"`dedup across` takes {len(first.dedup.keys)} key{'s' if len(first.dedup.keys) != 1 else ''} like the one "
                    f"of {dotted(first.source)} (line {first.dedup.span.line}), got {len(m.dedup.keys)}",
                    m.dedup.span,
                )
                continue
            for mine, theirs in zip(m.dedup.keys, first.dedup.keys, strict=True):
                a, b = self.types.get(id(mine)), self.types.get(id(theirs))
                if a is not None and b is not None and T.common(a, b) is None:
                    self.diags.error(
                        f"this key is {a} but the matching key of {dotted(first.source)} (line {theirs.span.line}) is {b}", mine.span
                    )


def referenced_branch(cat: Catalog, e: ir.Call, target: str) -> tuple[ir.Map | None, str | None]:
    """The map whose crosswalk keys `target.crosswalk(...)` means, or an error message:
    the branch it names (`crosswalk(sysA.patients: ...)`) or the only map of `target`."""
    maps = cat.maps_of_target.get(target, [])
    sources = [dotted(m.source) for m in maps]
    if e.branch is not None:
        branch = ".".join(e.branch)
        m = cat.branch_of(target, branch)
        if m is None:
            return None, f"no map fills {target} from `{branch}`{did_you_mean(branch, sources)}"
        return m, None
    if len(maps) > 1:
        listed = ", ".join(sources)
        return None, (
            f"{target} is filled by {len(maps)} maps (from {listed}): name whose keys these are, `{target}.crosswalk({sources[0]}: ...)`"
        )
    return (maps[0] if maps else None), None
