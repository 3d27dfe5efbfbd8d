"""Column coverage: every source column is read by some map or listed as `ignore`d.

A migration that silently drops a legacy column is the loss nobody notices; coverage
makes it a decision with a reason.  A column counts as used when any expression of any
map reads it (fields, joins, `where`, `each`, rejects, dedup keys and orders, groups,
`exists`, lookup and crosswalk arguments: the type inference records every resolved
source column), and when the table's declarations use it (its key, which identifies a row
in rejects and deltas; its `delta timestamp`).  `ignore COLUMN "reason"` takes a column
out on purpose.  What is left is unmapped: a warning naming it, an error under
`chartshift check --strict`.  Coverage is judged only on a spec without errors (an
unresolved name would make a used column look unmapped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.semantic.checker_base import CheckerBase

UNMAPPED_HINT = 'read it in a map, or write `ignore {column} "reason"` in the table'


@dataclass(frozen=True)
class TableCoverage:
    """The columns of one source table by how they are accounted for (each in spec order)."""

    table: str  # qualified: "legacy.patients"
    used: tuple[str, ...]
    ignored: tuple[str, ...]
    unmapped: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.used) + len(self.ignored) + len(self.unmapped)

    @property
    def percent(self) -> float:
        """Accounted-for columns (used or ignored) out of all, 100 for a table without columns."""
        return 100.0 if not self.total else round(100.0 * (self.total - len(self.unmapped)) / self.total, 1)

    def as_json(self) -> dict[str, object]:
        return {
            "table": self.table,
            "used": list(self.used),
            "ignored": list(self.ignored),
            "unmapped": list(self.unmapped),
            "percent": self.percent,
        }


def declared_uses(t: ir.SourceTable) -> set[str]:
    """The columns a table's own declarations read: its key and its delta timestamp."""
    return set(t.key) | ({t.delta_timestamp} if t.delta_timestamp else set())


def table_coverage(qualified: str, t: ir.SourceTable, used: Iterable[tuple[str, str]]) -> TableCoverage:
    read = {c for tbl, c in used if tbl == qualified} | declared_uses(t)
    ignored = {i.column for i in t.ignored}
    names = [c.name for c in t.columns]
    return TableCoverage(
        qualified,
        tuple(c for c in names if c in read),
        tuple(c for c in names if c in ignored and c not in read),
        tuple(c for c in names if c not in read and c not in ignored),
    )


def coverage(spec: ir.Spec, used: Iterable[tuple[str, str]]) -> tuple[TableCoverage, ...]:
    """Coverage of every source table, in spec order; `used`: (qualified table, column) pairs read."""
    pairs = set(used)
    return tuple(table_coverage(f"{src.name}.{t.name}", t, pairs) for src in spec.sources for t in src.tables)


class CoverageChecks(CheckerBase):
    """Mixed into the Checker: `ignore` declarations, then the unmapped columns."""

    def check_ignores(self, src: ir.Source, t: ir.SourceTable) -> None:
        columns = {c.name for c in t.columns}
        seen: dict[str, ir.IgnoredColumn] = {}
        for ig in t.ignored:
            if ig.column not in columns:
                self.diags.error(
                    f"`ignore`: unknown column `{ig.column}` in {src.name}.{t.name}{did_you_mean(ig.column, columns)}", ig.span
                )
            elif ig.column in seen:
                self.diags.error(f"column `{ig.column}` is ignored twice (first at line {seen[ig.column].span.line})", ig.span)
            if not ig.reason.strip():
                self.diags.error("`ignore` needs a reason: say why the column is left out", ig.span)
            seen.setdefault(ig.column, ig)

    def check_coverage(self) -> None:
        """Warn about every unmapped column, and about an `ignore` of a column a map reads."""
        if self.diags.errors:
            return
        for src in self.spec.sources:
            for t in src.tables:
                qualified = f"{src.name}.{t.name}"
                cov = table_coverage(qualified, t, self.used_columns)
                spans = {c.name: c.span for c in t.columns}
                for c in cov.unmapped:
                    self.diags.warning(f"column `{c}` of {qualified} is never used by a map: {UNMAPPED_HINT.format(column=c)}", spans[c])
                used = set(cov.used)
                for ig in t.ignored:
                    if ig.column in used:
                        self.diags.warning(
                            f"column `{ig.column}` of {qualified} is ignored but a map uses it; remove the `ignore`", ig.span
                        )
